"""The effect on the housing gap: the allocated beds added to the demand, the gap before
and after per municipality, region and province, per business and combined."""
from typing import Sequence

import geopandas as gpd
import pandas as pd

from ..frames import WORKING_CRS, with_crs_text
from ..housing_gap import (ADDITIVE, PROVINCE_LEVEL, STAY_CATEGORIES, DemandModel,
                           HousingGapResult, derive_figures)
from .allocation import BusinessEffect
from .fields import ALLOCATION_FIELDS, BUSINESS_REGION_FIELDS, GAP_EFFECT_FIELDS


def with_extra_demand(rows: pd.DataFrame, beds: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """The additive gap figures with ``beds`` (effect_short/mid/long) added to the demand,
    and the gap, ratio and class derived again."""
    after = rows[list(ADDITIVE)].astype("float64").copy()
    for category in STAY_CATEGORIES:
        after[f"demand_{category}"] = after[f"demand_{category}"] + beds[f"effect_{category}"].values
    after["demand_beds"] = after["demand_beds"] + beds["effect_beds"].values
    return derive_figures(after, model)


def effect_by_municipality(codes, effects: Sequence[BusinessEffect]) -> pd.DataFrame:
    """The beds the businesses place in each municipality, per stay category, and how
    many businesses place beds there."""
    table = pd.DataFrame(0, index=pd.Index(codes), columns=[
        "effect_beds"] + [f"effect_{c}" for c in STAY_CATEGORIES] + ["effect_businesses"])
    for effect in effects:
        rows = effect.allocation.set_index("gm_code")
        for category in STAY_CATEGORIES:
            table.loc[rows.index, f"effect_{category}"] += rows[f"beds_{category}"].values
        table.loc[rows.index, "effect_beds"] += rows["beds"].values
        table.loc[rows.index[rows["beds"].values > 0], "effect_businesses"] += 1
    return table


def municipal_frame(before: pd.DataFrame, after: pd.DataFrame, effects: pd.DataFrame,
                    version: str, parameters: str) -> pd.DataFrame:
    """The gap's own fields for the situation after the effect, then the effect and before."""
    frame = before.copy()
    for column in after.columns:
        frame[column] = after[column].values
    frame["demand_beds_before"] = before["demand_beds"].values
    for name in ("gap_beds", "gap_short", "gap_mid", "gap_long", "gap_ratio", "gap_class"):
        target = "gap_beds_before" if name == "gap_beds" else f"{name}_before"
        frame[target] = before[name].values
    for column in effects.columns:
        frame[column] = effects[column].values
    frame["unplaced_beds"] = None
    frame["effect_model_version"] = version
    frame["effect_parameters"] = parameters
    return _display_precision(frame)[[name for name, _ in GAP_EFFECT_FIELDS]]


def _display_precision(frame: pd.DataFrame) -> pd.DataFrame:
    """The housing gap's display precision (figures are derived from unrounded sums)."""
    decimals = {"migrants_per_1000_inh": 2, "migrants_per_km2_builtup": 2,
                "migrant_beds_per_100_inh": 3, "gap_ratio": 4, "gap_ratio_before": 4}
    for name in ("gap_beds", "gap_short", "gap_mid", "gap_long", "gap_beds_before",
                 "gap_short_before", "gap_mid_before", "gap_long_before"):
        decimals[name] = 6
    for name, places in decimals.items():
        frame[name] = frame[name].astype("float64").round(places)
    return frame


def regional_frame(gap: HousingGapResult, before: pd.DataFrame, effects: pd.DataFrame,
                   version: str, parameters: str, unplaced: int) -> gpd.GeoDataFrame:
    """The combined effect per region and the province, like ``municipal_frame``."""
    regions = gap.regions
    rows = []
    for position in range(len(regions)):
        row = regions.iloc[position]
        if row["level"] == PROVINCE_LEVEL:
            members = before.index
        else:
            members = before.index[before["region"].values == row["region"]] if row["region"] is not None \
                else before.index[before["region"].isna().values]
        effect = effects.loc[members].sum()
        region_before = pd.DataFrame([row[list(ADDITIVE)].astype("float64").values], columns=list(ADDITIVE))
        region_before = derive_figures(region_before, gap.model)
        region_effect = pd.DataFrame([effect.values], columns=effects.columns)
        region_after = with_extra_demand(region_before, region_effect, gap.model)
        frame = pd.DataFrame([row.drop(labels=[regions.geometry.name])])
        for column in region_after.columns:
            frame[column] = region_after[column].values
        frame["demand_beds_before"] = region_before["demand_beds"].values
        frame["gap_beds_before"] = region_before["gap_beds"].values
        for name in ("gap_short", "gap_mid", "gap_long", "gap_ratio", "gap_class"):
            frame[f"{name}_before"] = region_before[name].values
        for column in effects.columns:
            frame[column] = int(effect[column])
        frame["unplaced_beds"] = unplaced if row["level"] == PROVINCE_LEVEL else None
        frame["effect_model_version"] = version
        frame["effect_parameters"] = parameters
        rows.append(frame)
    frame = _display_precision(pd.concat(rows, ignore_index=True))
    frame = frame[[name for name, _ in GAP_EFFECT_FIELDS]]
    return with_crs_text(gpd.GeoDataFrame(frame, geometry=list(regions.geometry.values)), WORKING_CRS)


def allocation_frame(effects: Sequence[BusinessEffect], before: pd.DataFrame,
                     model: DemandModel, municipal: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Per business and municipality within reach, with the municipal gap before and after
    this business alone."""
    frames = []
    geometry_of = dict(zip(municipal["gm_code"], municipal.geometry.values))
    for effect in effects:
        rows = effect.allocation.copy()
        if len(rows) == 0:
            continue
        extra = pd.DataFrame({"effect_beds": rows["beds"].values,
                              **{f"effect_{c}": rows[f"beds_{c}"].values for c in STAY_CATEGORIES}})
        base = before.loc[rows["gm_code"].values].reset_index(drop=True)
        base_figures = derive_figures(base[list(ADDITIVE)].astype("float64").copy(), model)
        after = with_extra_demand(base, extra, model)
        rows["gap_before"] = base_figures["gap_beds"].round(6).values
        rows["gap_after"] = after["gap_beds"].round(6).values
        rows["gap_class_before"] = base_figures["gap_class"].values
        rows["gap_class_after"] = after["gap_class"].values
        frames.append(rows)
    columns = [name for name, _ in ALLOCATION_FIELDS]
    if not frames:
        return gpd.GeoDataFrame({name: [] for name in columns}, geometry=gpd.GeoSeries([]))
    frame = pd.concat(frames, ignore_index=True)[columns]
    return with_crs_text(gpd.GeoDataFrame(frame, geometry=[geometry_of[code] for code in frame["gm_code"]]), WORKING_CRS)


def business_region_rows(effects: Sequence[BusinessEffect], gap: HousingGapResult,
                         before: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """Per business: each region it places beds in, and the province, before and after it alone."""
    rows = []
    regions = gap.regions
    for effect in effects:
        table = effect_by_municipality(list(before.index), [effect])
        for position in range(len(regions)):
            row = regions.iloc[position]
            if row["level"] == PROVINCE_LEVEL:
                members = before.index
            else:
                members = before.index[before["region"].values == row["region"]]
            extra = table.loc[members].sum()
            if row["level"] != PROVINCE_LEVEL and extra["effect_beds"] == 0:
                continue
            base = derive_figures(pd.DataFrame([row[list(ADDITIVE)].astype("float64").values],
                                               columns=list(ADDITIVE)), model)
            after = with_extra_demand(base, pd.DataFrame([extra.values], columns=table.columns), model)
            rows.append({"business_id": effect.business.key, "region": row["region"],
                         "level": row["level"], "beds": int(extra["effect_beds"]),
                         "gap_before": float(base["gap_beds"].iloc[0]),
                         "gap_after": float(after["gap_beds"].iloc[0]),
                         "gap_class_before": base["gap_class"].iloc[0],
                         "gap_class_after": after["gap_class"].iloc[0]})
    return pd.DataFrame(rows, columns=list(BUSINESS_REGION_FIELDS))
