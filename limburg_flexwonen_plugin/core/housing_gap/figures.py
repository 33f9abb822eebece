"""The gap figures derived from additive sums: gap, ratios, gap class, shortage and
surplus, and the display precision; one implementation for municipalities, regions, the
province, a site's or a business's before and after."""
from typing import Dict

import numpy as np
import pandas as pd

from ..scenarios import ScenarioMigrants
from .demand_model import DemandModel
from .fields import ADDITIVE, BALANCED, DATED_BEDS, SHORTAGE, STAY_CATEGORIES, SURPLUS, TOLERANCE


def classify_gap(gap, demand, band: float) -> np.ndarray:
    """shortage when gap > band x demand, surplus when gap < -band x demand, else balanced;
    None when the demand is unknown. With no demand any supply is a surplus."""
    gap = np.asarray(gap, dtype="float64")
    demand = np.asarray(demand, dtype="float64")
    result = np.full(len(gap), None, dtype=object)
    known = ~np.isnan(demand) & ~np.isnan(gap)
    limit = band * np.where(np.isnan(demand), 0.0, demand) + TOLERANCE
    result[known] = BALANCED
    result[known & (gap > limit)] = SHORTAGE
    result[known & (gap < -limit)] = SURPLUS
    return result


def derive_figures(frame: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """Gaps, ratios and the gap class from the additive figures (in place; returns it)."""
    frame["gap_beds"] = frame["demand_beds"] - frame["supply_beds"]
    for category in STAY_CATEGORIES:
        frame[f"gap_{category}"] = frame[f"demand_{category}"] - frame[f"supply_{category}"]
    inhabitants = frame["inhabitants"].astype("float64")
    builtup = frame["builtup_km2"].astype("float64")
    demand = frame["demand_beds"].astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["migrants_per_1000_inh"] = np.where(
            inhabitants > 0, frame["labour_migrants"] / inhabitants * 1000.0, np.nan)
        frame["migrants_per_km2_builtup"] = np.where(
            builtup > 0, frame["labour_migrants"] / builtup, np.nan)
        frame["migrant_beds_per_100_inh"] = np.where(
            inhabitants > 0, frame["supply_beds"] / inhabitants * 100.0, np.nan)
        frame["gap_ratio"] = np.where(demand > 0, frame["gap_beds"] / demand, np.nan)
    frame["gap_class"] = classify_gap(frame["gap_beds"].values, demand.values, model.balanced_band)
    return frame


def display_precision(frame: pd.DataFrame) -> pd.DataFrame:
    """Display precision for the derived figures (computed from unrounded sums)."""
    decimals = {"builtup_km2": 4, "migrants_per_1000_inh": 2, "migrants_per_km2_builtup": 2,
                "migrant_beds_per_100_inh": 3, "gap_ratio": 4}
    for name, places in decimals.items():
        frame[name] = frame[name].astype("float64").round(places)
    for name in ("supply_beds", "supply_short", "supply_mid", "supply_long", "supply_unknown_stay",
                 "gap_beds", "gap_short", "gap_mid", "gap_long", "shortage_beds", "surplus_beds"):
        if name in frame.columns:
            frame[name] = frame[name].astype("float64").round(6)
    return frame


def add_hiaten(municipal: pd.DataFrame) -> pd.DataFrame:
    """A municipality's shortage and surplus: the positive and the negative part of its gap
    (empty when the gap is unknown). In place; returns the frame."""
    gap = municipal["gap_beds"].astype("float64")
    municipal["shortage_beds"] = gap.clip(lower=0.0)
    municipal["surplus_beds"] = (-gap).clip(lower=0.0)
    return municipal


def hiaten_of(members: pd.DataFrame) -> Dict[str, float]:
    """Regional hiaten: the sums of the members' shortages and surpluses (a surplus in one
    municipality never hides a shortage in another), and of their dated beds."""
    gap = members["gap_beds"].astype("float64")
    result = {"shortage_beds": gap.clip(lower=0.0).sum(min_count=1),
              "surplus_beds": (-gap).clip(lower=0.0).sum(min_count=1)}
    for name in DATED_BEDS:
        result[name] = members[name].astype("float64").sum() if name in members else np.nan
    return result


def stamp(frame: pd.DataFrame, migrants: ScenarioMigrants, model: DemandModel, level: str) -> None:
    """Records the scenario, the model and the level on the rows (in place)."""
    frame["scenario"] = migrants.scenario.label
    frame["year"] = migrants.year
    frame["scenario_method"] = migrants.method
    frame["base_year"] = migrants.base_year
    frame["model_version"] = model.version_label
    frame["parameters"] = model.describe()
    frame["level"] = level


def aggregate(frame: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """Sums of the additive figures of the rows given and the figures derived from them."""
    sums = frame[list(ADDITIVE)].astype("float64").sum(min_count=1)
    row = pd.DataFrame([sums.values], columns=list(ADDITIVE))
    return derive_figures(row, model)
