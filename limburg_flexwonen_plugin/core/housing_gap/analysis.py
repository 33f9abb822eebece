"""The housing gap per municipality for one scenario: inputs, demand (the model's or an
imported table's), supply and gap put together; the regions and the province from them."""
from typing import Any, Dict, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..demand import DEMAND_COLUMNS, DemandBasis, assumptions_nl
from ..errors import InputError
from ..frames import WORKING_CRS, with_crs_text
from ..progress import SILENT, Progress
from ..scenarios import (AUTOMATIC, CURRENT, Scenario, load_model_document, scenario,
                         scenario_migrants)
from .demand_model import DemandModel, demand_per_category
from .fields import (MUNICIPALITY_LEVEL, PROVINCE_NAME, AccommodationFields, MunicipalityFields,
                     add_remark)
from .figures import add_hiaten, derive_figures, display_precision, stamp
from .municipalities import builtup_zones, prepare_municipalities
from .regions import region_rows
from .result import HousingGapResult
from .supply import accommodation_label, assign_accommodations, supply_per_municipality


def compute_housing_gap(municipalities: gpd.GeoDataFrame, migrant_table: pd.DataFrame,
                        accommodations: Optional[gpd.GeoDataFrame] = None,
                        builtup: Optional[gpd.GeoDataFrame] = None,
                        model: Optional[DemandModel] = None,
                        chosen: Optional[Scenario] = None, *,
                        base_year: Optional[int] = None, method: str = AUTOMATIC,
                        municipality_fields: MunicipalityFields = MunicipalityFields(),
                        accommodation_fields: AccommodationFields = AccommodationFields(),
                        municipalities_layer: str = "municipalities",
                        accommodations_layer: str = "accommodations",
                        builtup_layer: str = "built-up area",
                        province_name: str = PROVINCE_NAME,
                        document: Optional[Dict[str, Any]] = None,
                        demand_table: Optional[pd.DataFrame] = None,
                        shares_source: Optional[str] = None,
                        progress: Progress = SILENT) -> HousingGapResult:
    """The housing gap per municipality, region and province for one scenario.

    ``migrant_table`` comes from :func:`core.scenarios.read_migrant_table`. A
    ``demand_table`` (:func:`core.demand.read_demand_table`) replaces the model's demand
    and is recorded as its source; ``shares_source`` names a province's shares file.
    """
    document = document or load_model_document()
    model = model or DemandModel.defaults(document)
    model.validate(document)
    chosen = chosen or scenario(CURRENT, document=document)
    if demand_table is not None and chosen.key != CURRENT:
        raise InputError("a demand table gives the demand of its own year; use it with the "
                         "current scenario")
    basis = DemandBasis.of_table(demand_table.attrs.get("layer_name", "demand table")) \
        if demand_table is not None else DemandBasis.of_model(model, document, shares_source)
    warnings: List[str] = []
    table_layer = migrant_table.attrs.get("layer_name", "labour migrants")

    munis, remarks = prepare_municipalities(municipalities, municipality_fields, municipalities_layer)
    codes = list(munis["gm_code"])
    names = dict(zip(munis["gm_code"], munis["gm_name"]))
    remarks.index = codes
    progress.report(10)
    progress.check()

    if builtup is not None:
        zones = builtup_zones(munis.geometry.values, builtup, builtup_layer)
        areas = np.array([shapely.area(zone) / 1e6 if zone is not None else 0.0 for zone in zones])
        areas[munis.geometry.isna().values] = np.nan
        for code in np.array(codes, dtype=object)[areas == 0]:
            remarks[code] = add_remark(remarks[code], "no built-up area")
    else:
        areas = np.full(len(munis), np.nan)
    progress.report(30)
    progress.check()

    migrants = scenario_migrants(migrant_table, chosen, codes, base_year, method)
    for code in migrants.missing:
        remarks[code] = add_remark(remarks[code], f"no labour-migrant figure for {migrants.base_year} in "
                                   f"'{table_layer}': demand and gap unknown")
        warnings.append(f"Municipality {names[code]} ({code}) has no labour-migrant figure for "
                        f"{migrants.base_year} in '{table_layer}': its demand and gap are left "
                        f"empty, not counted as zero.")
    for code, note in migrants.notes.items():
        remarks[code] = add_remark(remarks[code], note)
    province_remarks: List[str] = []
    for code, count in migrants.unknown_codes.items():
        text = (f"'{table_layer}' has {count:g} labour migrants in {migrants.base_year} for {code}, "
                f"which is not in '{municipalities_layer}': not counted")
        province_remarks.append(text)
        warnings.append(text[0].upper() + text[1:] + ".")
    progress.report(40)
    progress.check()

    assigned = None
    if accommodations is not None and len(accommodations) == 0:
        warnings.append(f"Layer '{accommodations_layer}' has no features: the supply is 0 everywhere.")
    if accommodations is not None:
        assigned = assign_accommodations(accommodations, munis, model, accommodation_fields,
                                         accommodations_layer, document, year=migrants.year)
        for index, row in assigned.iterrows():
            if row["remarks"] is None:
                continue
            label = accommodation_label(index, row["acc_name"])
            if pd.isna(row["gm_code"]):
                text = f"accommodation {label} in '{accommodations_layer}': {row['remarks']}"
                province_remarks.append(text)
                warnings.append(f"Accommodation {label} in '{accommodations_layer}': {row['remarks']}.")
            else:
                remarks[row["gm_code"]] = add_remark(remarks[row["gm_code"]],
                                                     f"accommodation {label}: {row['remarks']}")
                if not row["counted"]:
                    warnings.append(f"Accommodation {label} in '{accommodations_layer}' "
                                    f"({names[row['gm_code']]}): {row['remarks']}.")
    progress.report(60)
    progress.check()

    frame = pd.DataFrame(index=pd.Index(codes))
    frame["gm_code"] = codes
    frame["gm_name"] = munis["gm_name"].values
    frame["region"] = munis["region"].values
    frame["inhabitants"] = munis["inhabitants"].values
    frame["builtup_km2"] = areas
    frame["labour_migrants"] = migrants.counts.reindex(codes).astype("float64").values
    for name, values in demand_per_category(frame["labour_migrants"].values, model).items():
        frame[name] = values
    if demand_table is not None:
        _use_demand_table(frame, demand_table, remarks, warnings, province_remarks)
    supply = supply_per_municipality(assigned, codes)
    for column in supply.columns:
        frame[column] = supply[column].values
    frame["municipalities"] = 1.0
    derive_figures(frame, model)
    add_hiaten(frame)
    frame["demand_basis"] = basis.text
    assumptions = assumptions_nl(model, document, demand_from_table=demand_table is not None)
    frame["assumptions"] = assumptions
    stamp(frame, migrants, model, MUNICIPALITY_LEVEL)
    frame["remarks"] = [text or None for text in remarks.reindex(codes).values]
    municipal = with_crs_text(gpd.GeoDataFrame(display_precision(frame.copy()), geometry=munis.geometry.values), WORKING_CRS)
    municipal.index = munis.index
    progress.report(75)
    progress.check()

    regions = region_rows(frame, munis, migrants, model, province_name, province_remarks)
    regions["demand_basis"] = basis.text
    regions["assumptions"] = assumptions
    progress.report(100)
    return HousingGapResult(municipal, regions, assigned, migrants, model, warnings)


def _use_demand_table(frame: pd.DataFrame, table: pd.DataFrame, remarks: pd.Series,
                      warnings: List[str], province_remarks: List[str]) -> None:
    """Replaces the model's demand by the imported table's; a municipality the table
    lacks gets no demand (never zero), a code the table has in excess is named."""
    layer = table.attrs.get("layer_name", "demand table")
    codes = list(frame.index)
    for column in DEMAND_COLUMNS:
        frame[column] = table[column].reindex(codes).astype("float64").values
    for code in [c for c in codes if c not in table.index]:
        remarks[code] = add_remark(remarks[code], f"no figure in demand table '{layer}': demand and "
                                   f"gap unknown")
        warnings.append(f"Municipality {frame.at[code, 'gm_name']} ({code}) is not in demand "
                        f"table '{layer}': its demand and gap are left empty.")
    for code in [c for c in table.index if c not in frame.index]:
        text = f"demand table '{layer}' has {code}, which is not a municipality: not counted"
        province_remarks.append(text)
        warnings.append(text[0].upper() + text[1:] + ".")
    missing = [c for c in ("short", "mid", "long") if table[f"demand_{c}"].isna().all()]
    if missing:
        warnings.append(f"Demand table '{layer}' gives no demand per stay category "
                        f"({', '.join(missing)}): the gap per stay category is left empty.")
