"""Allocation of a business's beds at full operation to the municipalities within reach,
per stay category by largest remainder, and what cannot be placed."""
import math
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..housing_gap import STAY_CATEGORIES, DemandModel
from ..scenarios import largest_remainder
from .businesses import Business
from .fields import (ACROSS_BORDER, ALLOCATION_METHODS, BORDER_AREA, BORDER_CHOICES,
                     BORDER_MUNICIPALITIES, BORDER_SHARE, DECAY_FUNCTIONS, DISTANCE, EXPONENTIAL,
                     NO_MUNICIPALITY, NO_WEIGHT, PLANNED_SUPPLY, POPULATION, SAMPLES_PER_DIAMETER,
                     TO_BUILTUP, TO_CENTROID)
from .model_file import default_value, load_effect_document
from .phasing import phasing_rows
from .reach import Reach


@dataclass(frozen=True)
class AllocationSettings:
    method: str = DISTANCE
    decay: str = EXPONENTIAL
    decay_km: float = 10.0
    min_distance_km: float = 1.0
    border: str = BORDER_MUNICIPALITIES

    @classmethod
    def defaults(cls, document: Optional[Dict[str, Any]] = None) -> "AllocationSettings":
        document = document or load_effect_document()
        choices = document["choices"]
        return cls(choices["allocation"]["default"], choices["decay"]["default"],
                   default_value("decay_km", document), default_value("min_distance_km", document),
                   choices["border"]["default"])

    def validate(self) -> None:
        if self.method not in ALLOCATION_METHODS:
            raise InputError(f"unknown allocation method '{self.method}'")
        if self.decay not in DECAY_FUNCTIONS:
            raise InputError(f"unknown distance-decay function '{self.decay}'")
        if self.border not in BORDER_CHOICES:
            raise InputError(f"unknown choice for the reach outside the municipalities '{self.border}'")
        if not self.decay_km > 0 or not self.min_distance_km > 0:
            raise InputError("the decay distance and the minimum distance must be above 0 km")

    def decay_weights(self, distances_km) -> np.ndarray:
        distances = np.asarray(distances_km, dtype="float64")
        if self.decay == EXPONENTIAL:
            return np.exp(-distances / self.decay_km)
        return 1.0 / np.maximum(distances, self.min_distance_km) ** 2

    def describe(self) -> str:
        if self.method == DISTANCE:
            text = (f"distance decay exp(-d/{self.decay_km:g} km)" if self.decay == EXPONENTIAL
                    else f"distance decay 1/d^2 (d at least {self.min_distance_km:g} km)")
        elif self.method == POPULATION:
            text = "population (inhabitants)"
        else:
            text = "available planned supply (permitted and planned beds, weighted)"
        border = ("reach outside the municipalities not placed (by area)" if self.border == BORDER_AREA
                  else "all demand placed in the municipalities within reach")
        return f"{text}; {border}"


def municipal_distances(geometry, municipalities: gpd.GeoDataFrame, zones) -> Tuple[np.ndarray, np.ndarray]:
    """Distance in km from the business to each municipality's built-up area (its centroid
    when it has none), and what was measured to."""
    municipal = municipalities.geometry.values
    targets = np.array([zone if zone is not None else (shapely.centroid(m) if m is not None else None)
                        for zone, m in zip(zones, municipal)], dtype=object)
    kinds = np.array([TO_BUILTUP if zone is not None else TO_CENTROID for zone in zones], dtype=object)
    distances = np.full(len(targets), np.nan)
    present = ~shapely.is_missing(targets)
    distances[present] = shapely.distance(geometry, targets[present]) / 1000.0
    return distances, kinds


def planned_supply(municipalities: pd.DataFrame, model: DemandModel) -> np.ndarray:
    """Permitted and planned beds, weighted by the gap model's realisation weights."""
    permitted = municipalities["beds_permitted"].astype("float64").fillna(0).values
    planned = municipalities["beds_planned"].astype("float64").fillna(0).values
    return permitted * model.weight_permitted + planned * model.weight_planned


def reach_outside_share(geometry, reach: Reach, settings: AllocationSettings, land) -> float:
    """Share of the reach lying outside the municipalities, weighted like the allocation:
    band weights, and for distance decay the decay (a grid of sample points)."""
    outer = reach.outer_km * 1000.0
    minx, miny, maxx, maxy = shapely.bounds(shapely.buffer(geometry, outer))
    step = max(maxx - minx, maxy - miny) / SAMPLES_PER_DIAMETER
    xs = np.arange(minx + step / 2, maxx, step)
    ys = np.arange(miny + step / 2, maxy, step)
    grid_x, grid_y = np.meshgrid(xs, ys)
    points = shapely.points(grid_x.ravel(), grid_y.ravel())
    distances = shapely.distance(geometry, points) / 1000.0
    weights = reach.weights(distances)
    if settings.method == DISTANCE:
        weights = weights * settings.decay_weights(distances)
    used = weights > 0
    if not used.any():
        return 0.0
    inside = shapely.contains_xy(land, grid_x.ravel()[used], grid_y.ravel()[used]) if land is not None \
        else np.zeros(int(used.sum()), dtype=bool)
    total = weights[used].sum()
    return float(weights[used][~inside].sum() / total) if total > 0 else 0.0


def _round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5 + 1e-9))


def split_over_categories(total: int, per_category: np.ndarray) -> np.ndarray:
    """``total`` whole beds over the categories in proportion to ``per_category``."""
    if total <= 0 or per_category.sum() <= 0:
        return np.zeros(len(per_category), dtype="int64")
    return largest_remainder(per_category.astype("float64"), total)


@dataclass
class BusinessEffect:
    """One business: its demand per year, where it goes and what could not be placed."""
    business: Business
    phasing: pd.DataFrame
    demand: np.ndarray               # full operation, per category
    placed: np.ndarray               # per category
    unplaced: np.ndarray             # per category
    allocation: pd.DataFrame         # per municipality within reach
    outside_share: float
    message: Optional[str] = None
    reason: Optional[str] = None     # why demand was not placed: one of UNPLACED_REASONS

    @property
    def total(self) -> int:
        return int(self.demand.sum())


def allocate_business(business: Business, model: DemandModel, municipalities: pd.DataFrame,
                      zones, reach: Reach, settings: AllocationSettings, land,
                      municipalities_layer: str = "municipalities") -> BusinessEffect:
    phasing = phasing_rows(business, model)
    last = phasing.iloc[-1]
    demand = np.array([int(last[f"beds_{c}"]) for c in STAY_CATEGORIES], dtype="int64")
    total = int(demand.sum())
    distances, kinds = municipal_distances(business.geometry, municipalities, zones)
    band = reach.weights(np.nan_to_num(distances, nan=np.inf))
    within = band > 0
    codes = municipalities["gm_code"].values
    if settings.method == DISTANCE:
        method_weight = settings.decay_weights(np.nan_to_num(distances, nan=np.inf))
    elif settings.method == POPULATION:
        method_weight = municipalities["inhabitants"].astype("float64").values
        missing = within & np.isnan(method_weight)
        if missing.any():
            position = int(np.flatnonzero(missing)[0])
            raise InputError(f"allocation by population needs the inhabitants of every "
                             f"municipality within reach of business {business.label}; "
                             f"{municipalities['gm_name'].values[position]} ({codes[position]}) "
                             f"has none", layer=municipalities_layer, field="inhabitants")
    else:
        method_weight = planned_supply(municipalities, model)
    weights = np.where(within, band * np.nan_to_num(method_weight), 0.0)

    outside = reach_outside_share(business.geometry, reach, settings, land)
    message = None
    reason = None
    unplaced_total = 0
    if not within.any():
        unplaced_total = total
        across = land is None or not shapely.intersects(land, business.geometry)
        reason = ACROSS_BORDER if across else NO_MUNICIPALITY
        where = ("it lies outside the municipalities (across the border in Germany or Belgium, "
                 "or outside Limburg)" if across
                 else "no municipality's built-up area or centre lies within it")
        message = (f"the reach ({reach.describe()}) covers no municipality: {where}")
    elif weights.sum() <= 0:
        unplaced_total = total
        reason = NO_WEIGHT
        message = ("no municipality within reach has available planned supply (permitted or "
                   "planned beds)" if settings.method == PLANNED_SUPPLY
                   else "every municipality within reach has weight 0")
    elif settings.border == BORDER_AREA and outside > 0:
        unplaced_total = min(total, _round_half_up(total * outside))
        if unplaced_total:
            reason = BORDER_SHARE
            message = (f"{outside * 100:.1f} % of the reach lies outside the municipalities "
                       f"(across the border): that share is taken to be housed there")
    unplaced = split_over_categories(unplaced_total, demand)
    placed = demand - unplaced

    positions = np.flatnonzero(within)
    beds = np.zeros((len(positions), len(STAY_CATEGORIES)), dtype="int64")
    share = np.zeros(len(positions))
    if weights.sum() > 0 and len(positions):
        share = weights[positions] / weights[positions].sum()
        for column, category in enumerate(STAY_CATEGORIES):
            if placed[column] > 0:
                beds[:, column] = largest_remainder(weights[positions], int(placed[column]),
                                                    list(codes[positions]))
    allocation = pd.DataFrame({
        "business_id": business.key, "business_name": business.name,
        "gm_code": codes[positions], "gm_name": municipalities["gm_name"].values[positions],
        "region": municipalities["region"].values[positions],
        "distance_km": np.round(distances[positions], 3), "distance_to": kinds[positions],
        "band_weight": band[positions], "method_weight": np.asarray(method_weight, dtype="float64")[positions],
        "weight": weights[positions], "allocation_share": np.round(share, 6),
    }, index=municipalities.index[positions])
    allocation["beds"] = beds.sum(axis=1)
    for column, category in enumerate(STAY_CATEGORIES):
        allocation[f"beds_{category}"] = beds[:, column]
    allocation["allocation"] = settings.describe()
    allocation["remarks"] = [None if w > 0 else "within reach, weight 0: no beds"
                             for w in weights[positions]]
    allocation = allocation.sort_values(["beds", "distance_km"], ascending=[False, True])
    return BusinessEffect(business, phasing, demand, placed, unplaced, allocation, outside, message,
                          reason)


def unplaced_text(effect: BusinessEffect) -> str:
    unplaced = effect.unplaced
    parts = ", ".join(f"{c} {int(n)}" for c, n in zip(STAY_CATEGORIES, unplaced))
    return (f"{int(unplaced.sum())} of {effect.total} beds ({parts}) could not be placed in a "
            f"municipality")
