"""A candidate site's municipal context: concentration and the municipal and regional gap
before and after its planned beds."""
from typing import Any, Dict, List, Optional

import numpy as np
import pandas as pd

from ..scenarios import load_model_document, normalise_code
from ..terms import CONTEXT_NO_BEDS, CONTEXT_NO_FIGURE, CONTEXT_NO_STAY, CONTEXT_OUTSIDE
from ..validation import implausible_remark
from .fields import ADDITIVE, REGION_LEVEL, STAY_CATEGORIES, add_remark
from .figures import derive_figures
from .result import HousingGapResult
from .supply import value_aliases


SITE_CONTEXT_FIELDS = (
    ("ctx_scenario", "string"), ("ctx_beds_added", "int"),
    ("ctx_beds_per_100_inh_before", "double"), ("ctx_beds_per_100_inh_after", "double"),
    ("ctx_gm_gap_before", "double"), ("ctx_gm_gap_after", "double"),
    ("ctx_gm_class_before", "string"), ("ctx_gm_class_after", "string"),
    ("ctx_gm_stay_gap_before", "double"), ("ctx_gm_stay_gap_after", "double"),
    ("ctx_region_gap_before", "double"), ("ctx_region_gap_after", "double"),
    ("ctx_region_class_before", "string"), ("ctx_region_class_after", "string"),
    ("ctx_model_version", "string"), ("ctx_demand_basis", "string"), ("ctx_assumptions", "string"),
    ("ctx_remarks", "string"),
)


def site_context(codes, planned_beds, stay_categories, gap: HousingGapResult,
                 document: Optional[Dict[str, Any]] = None) -> pd.DataFrame:
    """For each candidate site: its municipality's concentration (migrant beds per 100
    inhabitants) and the municipal and regional gap before and after its planned beds.

    ``codes`` are the sites' municipality codes (None: outside every municipality). Each
    site is weighed on its own, its beds counted in full as supply of its stay category.
    Returns one row per site with the columns of ``SITE_CONTEXT_FIELDS``.
    """
    document = document or load_model_document()
    stays = value_aliases(document, "stay_category")
    count = len(codes)
    model = gap.model
    municipal = pd.DataFrame(gap.municipalities.drop(columns=gap.municipalities.geometry.name))
    municipal.index = municipal["gm_code"].values
    regional = pd.DataFrame(gap.regions.drop(columns=gap.regions.geometry.name))
    regional = regional[regional["level"] == REGION_LEVEL]
    regional.index = regional["region"].values

    codes = [normalise_code(code) for code in codes]
    planned = list(planned_beds)
    beds = pd.to_numeric(pd.Series(planned, dtype=object), errors="coerce").values
    categories = [stays.get(str(value).strip().lower()) if value is not None else None
                  for value in stay_categories]
    remarks: List[Optional[str]] = [None] * count
    # A negative or absurd number of beds is not added: flagged, after equals before.
    implausible = [implausible_remark(value, "beds", "planned beds") for value in planned]
    beds = np.where([bool(text) for text in implausible], np.nan, beds) if count else beds
    result = pd.DataFrame({name: [None] * count for name, _ in SITE_CONTEXT_FIELDS})
    result["ctx_scenario"] = gap.title
    result["ctx_model_version"] = model.version_label
    for name in ("demand_basis", "assumptions"):
        result[f"ctx_{name}"] = gap.regions[name].iloc[0] if name in gap.regions else None
    for position in range(count):
        if codes[position] is None or codes[position] not in municipal.index:
            remarks[position] = CONTEXT_OUTSIDE
            continue
        if implausible[position]:
            remarks[position] = f"{implausible[position]}: after equals before"
        elif np.isnan(beds[position]):
            remarks[position] = CONTEXT_NO_BEDS
        elif categories[position] is None:
            remarks[position] = CONTEXT_NO_STAY
        if np.isnan(municipal.at[codes[position], "labour_migrants"]):
            remarks[position] = add_remark(remarks[position], CONTEXT_NO_FIGURE)
    located = np.array([code is not None and code in municipal.index for code in codes])
    if located.any():
        positions = np.flatnonzero(located)
        added = np.nan_to_num(beds[positions])
        site_codes = [codes[p] for p in positions]
        site_stays = [categories[p] for p in positions]
        before = municipal.loc[site_codes, list(ADDITIVE)].astype("float64").reset_index(drop=True)
        after = _with_extra_supply(before, added, site_stays)
        derive_figures(before, model)
        derive_figures(after, model)
        _set_rows(result, positions, "ctx_beds_added", [int(value) for value in added])
        _set_rows(result, positions, "ctx_beds_per_100_inh_before", before["migrant_beds_per_100_inh"].round(3).values)
        _set_rows(result, positions, "ctx_beds_per_100_inh_after", after["migrant_beds_per_100_inh"].round(3).values)
        _set_rows(result, positions, "ctx_gm_gap_before", before["gap_beds"].round(6).values)
        _set_rows(result, positions, "ctx_gm_gap_after", after["gap_beds"].round(6).values)
        _set_rows(result, positions, "ctx_gm_class_before", before["gap_class"].values)
        _set_rows(result, positions, "ctx_gm_class_after", after["gap_class"].values)
        stay_before = [before.at[i, f"gap_{c}"] if c else np.nan for i, c in enumerate(site_stays)]
        stay_after = [after.at[i, f"gap_{c}"] if c else np.nan for i, c in enumerate(site_stays)]
        _set_rows(result, positions, "ctx_gm_stay_gap_before", np.round(stay_before, 6))
        _set_rows(result, positions, "ctx_gm_stay_gap_after", np.round(stay_after, 6))

        site_regions = [municipal.at[code, "region"] for code in site_codes]
        in_region = np.array([region in regional.index for region in site_regions])
        if in_region.any():
            region_positions = positions[in_region]
            names = [r for r, keep in zip(site_regions, in_region) if keep]
            region_before = regional.loc[names, list(ADDITIVE)].astype("float64").reset_index(drop=True)
            region_after = _with_extra_supply(region_before, added[in_region],
                                              [s for s, keep in zip(site_stays, in_region) if keep])
            derive_figures(region_before, model)
            derive_figures(region_after, model)
            _set_rows(result, region_positions, "ctx_region_gap_before", region_before["gap_beds"].round(6).values)
            _set_rows(result, region_positions, "ctx_region_gap_after", region_after["gap_beds"].round(6).values)
            _set_rows(result, region_positions, "ctx_region_class_before", region_before["gap_class"].values)
            _set_rows(result, region_positions, "ctx_region_class_after", region_after["gap_class"].values)
    result["ctx_remarks"] = remarks
    for name, kind in SITE_CONTEXT_FIELDS:
        if kind == "double":
            result[name] = pd.to_numeric(result[name], errors="coerce").astype("float64")
    return result


def _set_rows(frame: pd.DataFrame, positions, column: str, values) -> None:
    """Sets some rows of one column by position, replacing the whole column (so pandas
    never has to guess whether to change the dtype in place)."""
    current = frame[column].to_numpy(copy=True)
    values = np.asarray(values)
    if current.dtype.kind == "f" and values.dtype.kind not in "fiub":
        current = current.astype(object)
    current[np.asarray(positions)] = values
    frame[column] = current


def _with_extra_supply(rows: pd.DataFrame, beds: np.ndarray, categories: List[Optional[str]]) -> pd.DataFrame:
    after = rows.copy()
    after["supply_beds"] = after["supply_beds"] + beds
    for category in STAY_CATEGORIES:
        mask = np.array([c == category for c in categories])
        after.loc[mask, f"supply_{category}"] = after.loc[mask, f"supply_{category}"] + beds[mask]
    unknown = np.array([c is None for c in categories])
    after.loc[unknown, "supply_unknown_stay"] = after.loc[unknown, "supply_unknown_stay"] + beds[unknown]
    return after
