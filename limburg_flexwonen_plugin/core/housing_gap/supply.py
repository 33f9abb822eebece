"""The supply: each accommodation with its municipality, status, stay category and the
beds it counts in the scenario year (supply by date), and the sums per municipality."""
import datetime
from typing import Any, Dict, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..field_mapping import MunicipalityFields
from ..classify_sites import assign_municipalities
from ..errors import InputError
from ..frames import WORKING_CRS, with_crs_text
from ..geometry import prepare_layer
from ..number_notation import read_numbers
from ..scenarios import load_model_document, normalise_code
from ..validation import require_plausible
from ..values import NOT_A_DATE, is_missing, shown, to_dates
from .demand_model import DemandModel
from .fields import (ACCOMMODATION_FIELDS, DATED_BEDS, STATUSES, STAY_CATEGORIES,
                     AccommodationFields, add_remark)


def value_aliases(document: Dict[str, Any], kind: str) -> Dict[str, str]:
    """Lower-case spellings of a status or stay category (English and Dutch) -> key."""
    aliases = {}
    for key, spellings in document.get("values", {}).get(kind, {}).items():
        aliases[key] = key
        for spelling in spellings:
            aliases[str(spelling).strip().lower()] = key
    return aliases


def assign_accommodations(accommodations: gpd.GeoDataFrame, municipalities: gpd.GeoDataFrame,
                          model: DemandModel, fields: AccommodationFields = AccommodationFields(),
                          layer: str = "accommodations",
                          document: Optional[Dict[str, Any]] = None,
                          year: Optional[int] = None) -> gpd.GeoDataFrame:
    """Each accommodation with its municipality, status, stay category, beds and the beds
    it counts as supply; output geometry is a point (a polygon's point on surface).

    ``municipalities`` is the prepared frame (gm_code, gm_name, region, geometry).
    With ``year`` (the scenario year) an accommodation whose end date (``fields.end_date``)
    falls before the end of that year, or whose first year (``fields.from_year``) is later,
    is not counted: supply by date.
    """
    document = document or load_model_document()
    for name in (fields.name, fields.status, fields.stay, fields.beds, fields.code,
                 fields.end_date, fields.from_year):
        if name and name not in accommodations.columns:
            raise InputError("field not found", layer=layer, field=name)
    if len(accommodations) == 0:
        return gpd.GeoDataFrame({name: [] for name, _ in ACCOMMODATION_FIELDS},
                                geometry=gpd.GeoSeries([]))
    prepared, geometry_remarks = prepare_layer(accommodations, layer, "point_or_polygon")
    count = len(prepared)
    remarks = [text for text in geometry_remarks.values]

    beds = pd.Series(read_numbers(prepared[fields.beds], layer, fields.beds, count=True,
                                  features=prepared.index), index=prepared.index)
    if (beds < 0).any():
        feature = prepared.index[np.flatnonzero((beds < 0).values)[0]]
        raise InputError("negative number of beds", layer=layer, feature=feature, field=fields.beds)
    require_plausible(beds.values, prepared.index, "beds", layer, fields.beds)

    if fields.code:
        codes = [normalise_code(value) for value in prepared[fields.code].values]
        known = dict(zip(municipalities["gm_code"], zip(municipalities["gm_name"],
                                                        municipalities["region"])))
        gm_codes = np.array([code if code in known else None for code in codes], dtype=object)
        gm_names = np.array([known[code][0] if code in known else None for code in codes], dtype=object)
        regions = np.array([known[code][1] if code in known else None for code in codes], dtype=object)
        for position, code in enumerate(codes):
            if code is None:
                remarks[position] = add_remark(remarks[position], "no municipality code: not counted")
            elif code not in known:
                remarks[position] = add_remark(remarks[position], f"municipality code {code} is not in "
                                               f"the municipalities layer: not counted")
    else:
        located = assign_municipalities(
            prepared.geometry.values, municipalities[["gm_code", "gm_name", "region", "geometry"]],
            MunicipalityFields("gm_code", "gm_name", "region"))
        gm_codes = located["gm_code"].values
        gm_names = located["gm_name"].values
        regions = located["region"].values
        has_geometry = ~prepared.geometry.isna().values
        for position in np.flatnonzero(has_geometry & pd.isna(gm_codes)):
            remarks[position] = add_remark(remarks[position], "outside every municipality: not counted")
        for position in np.flatnonzero(~has_geometry):
            remarks[position] = add_remark(remarks[position], "no location: not counted")

    statuses = value_aliases(document, "status")
    stays = value_aliases(document, "stay_category")
    status_values = np.full(count, None, dtype=object)
    stay_values = np.full(count, None, dtype=object)
    for position, raw in enumerate(prepared[fields.status].values):
        key = statuses.get(str(raw).strip().lower()) if raw is not None else None
        status_values[position] = key
        if key is None:
            reason = "no status" if raw is None or str(raw).strip() == "" else f"status '{raw}' is not a supply status"
            remarks[position] = add_remark(remarks[position], f"{reason}: not counted")
    stay_column = prepared[fields.stay].values if fields.stay else np.full(count, None, dtype=object)
    for position, raw in enumerate(stay_column):
        key = stays.get(str(raw).strip().lower()) if raw is not None else None
        stay_values[position] = key
        if key is None:
            remarks[position] = add_remark(remarks[position], "no known stay category: counted in the "
                                           "total supply only")
    for position in np.flatnonzero(beds.isna().values):
        remarks[position] = add_remark(remarks[position], "no number of beds: not counted")

    weights = np.array([model.weights.get(status, np.nan) if status else np.nan
                        for status in status_values], dtype="float64")
    counted = ~pd.isna(gm_codes) & ~np.isnan(weights) & beds.notna().values
    end_dates, from_years, lapsed, not_yet = _supply_dates(prepared, fields, layer, year, remarks)
    counted &= ~lapsed & ~not_yet
    supply = np.where(counted, beds.fillna(0).values * np.nan_to_num(weights), 0.0)
    points = prepared.geometry.values.copy()
    polygons = ~shapely.is_missing(points) & (shapely.get_dimensions(points) == 2)
    points[polygons] = shapely.point_on_surface(points[polygons])
    multipoints = ~shapely.is_missing(points) & (shapely.get_type_id(points) == 4)
    points[multipoints] = shapely.point_on_surface(points[multipoints])
    result = with_crs_text(gpd.GeoDataFrame({
        "acc_name": prepared[fields.name].values if fields.name else np.full(count, None, dtype=object),
        "gm_code": gm_codes, "gm_name": gm_names, "region": regions,
        "acc_status": status_values, "acc_stay": stay_values,
        "acc_beds": beds.values, "supply_weight": weights, "supply_beds": supply,
        "counted": counted, "acc_end_date": _date_objects(end_dates),
        "acc_from_year": from_years, "supply_year": np.full(count, year, dtype=object),
        "lapsed": lapsed, "not_yet": not_yet,
        "remarks": [text or None for text in remarks],
    }, geometry=points, index=prepared.index), WORKING_CRS)
    return result


def _supply_dates(prepared: pd.DataFrame, fields: AccommodationFields, layer: str,
                  year: Optional[int], remarks: List[Optional[str]]):
    """End dates and first years of the accommodations, and which of them do not count in
    ``year``: ended before 31 December of it (the beds are gone before the year is out),
    or available only from a later year. Unreadable values name feature and field."""
    count = len(prepared)
    end_dates = np.full(count, np.datetime64("NaT", "D"))
    from_years = np.full(count, None, dtype=object)
    if fields.end_date:
        end_dates, issues = to_dates(prepared[fields.end_date])
        if (issues == NOT_A_DATE).any():
            position = int(np.flatnonzero(issues == NOT_A_DATE)[0])
            raise InputError(f"'{shown(prepared[fields.end_date].iloc[position])}' is not a date "
                             f"(write it as 2027-12-31)", layer=layer,
                             feature=prepared.index[position], field=fields.end_date)
    if fields.from_year:
        for position, value in enumerate(prepared[fields.from_year].values):
            if is_missing(value):
                continue
            number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
            if hasattr(value, "year") and not isinstance(value, (int, float)):
                number = value.year
            if pd.isna(number) or float(number) != int(number) or not 1900 <= int(number) <= 2100:
                raise InputError(f"'{shown(value)}' is not a year (write it as 2028)", layer=layer,
                                 feature=prepared.index[position], field=fields.from_year)
            from_years[position] = int(number)
    lapsed = np.zeros(count, dtype=bool)
    not_yet = np.zeros(count, dtype=bool)
    if year is not None:
        year_end = np.datetime64(f"{int(year):04d}-12-31", "D")
        with np.errstate(invalid="ignore"):
            lapsed = ~np.isnat(end_dates) & (end_dates < year_end)
        not_yet = np.array([value is not None and value > int(year) for value in from_years],
                           dtype=bool)
        for position in np.flatnonzero(lapsed):
            remarks[position] = add_remark(remarks[position], f"ends {end_dates[position]}, before the "
                                           f"end of {int(year)}: not counted in {int(year)}")
        for position in np.flatnonzero(not_yet):
            remarks[position] = add_remark(remarks[position], f"available from {from_years[position]}, "
                                           f"after {int(year)}: not counted in {int(year)}")
    return end_dates, from_years, lapsed, not_yet


def _date_objects(values: np.ndarray) -> np.ndarray:
    return np.array([None if np.isnat(value) else value.astype(datetime.date)
                     for value in np.asarray(values, dtype="datetime64[D]")], dtype=object)


def accommodation_label(row_index, name) -> str:
    """How messages name an accommodation: its name and feature id."""
    if name is not None and str(name).strip():
        return f"'{name}' (feature {row_index})"
    return f"feature {row_index}"


def supply_per_municipality(assigned: Optional[gpd.GeoDataFrame], codes: List[str]) -> pd.DataFrame:
    columns = ["supply_beds"] + [f"supply_{c}" for c in STAY_CATEGORIES] + \
        ["supply_unknown_stay"] + [f"beds_{s}" for s in STATUSES] + ["accommodations"] + \
        list(DATED_BEDS)
    supply = pd.DataFrame(0.0, index=pd.Index(codes), columns=columns)
    if assigned is None or len(assigned) == 0:
        return supply
    counted = assigned[assigned["counted"].astype(bool)]
    if len(counted):
        supply["supply_beds"] = counted.groupby("gm_code")["supply_beds"].sum().reindex(codes).fillna(0.0)
        for category in STAY_CATEGORIES:
            rows = counted[counted["acc_stay"] == category]
            supply[f"supply_{category}"] = rows.groupby("gm_code")["supply_beds"].sum().reindex(codes).fillna(0.0)
        rows = counted[counted["acc_stay"].isna()]
        supply["supply_unknown_stay"] = rows.groupby("gm_code")["supply_beds"].sum().reindex(codes).fillna(0.0)
    located = assigned[assigned["gm_code"].notna()]
    for status in STATUSES:
        rows = located[located["acc_status"] == status]
        supply[f"beds_{status}"] = rows.groupby("gm_code")["acc_beds"].sum().reindex(codes).fillna(0.0)
    supply["accommodations"] = located[located["acc_status"].notna()].groupby("gm_code").size() \
        .reindex(codes).fillna(0).astype("float64")
    supplying = located[located["acc_status"].notna()]
    for name, flag in (("beds_lapsed", "lapsed"), ("beds_not_yet", "not_yet")):
        rows = supplying[supplying[flag].astype(bool)]
        supply[name] = rows.groupby("gm_code")["acc_beds"].sum().reindex(codes).fillna(0.0)
    return supply
