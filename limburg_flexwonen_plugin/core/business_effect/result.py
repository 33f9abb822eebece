"""The business effect's result and its report data: one row per business (and the
combined row), the reach drawn as rings, the parameters line."""
from dataclasses import dataclass, field
from typing import List, Sequence

import geopandas as gpd
import pandas as pd

from ..frames import WORKING_CRS, with_crs_text
from ..housing_gap import STAY_CATEGORIES, DemandModel, HousingGapResult
from .allocation import AllocationSettings, BusinessEffect
from .fields import BUSINESS_FIELDS, COMBINED, REACH_FIELDS
from .reach import Reach


@dataclass
class BusinessEffectResult:
    effects: List[BusinessEffect]
    businesses: gpd.GeoDataFrame       # BUSINESS_FIELDS + geometry; a combined row when several
    phasing: pd.DataFrame              # PHASING_FIELDS; combined rows (business_id 'all') too
    allocation: gpd.GeoDataFrame       # ALLOCATION_FIELDS + municipality geometry
    municipalities: gpd.GeoDataFrame   # GAP_EFFECT_FIELDS: the gap after, with before and effect
    regions: gpd.GeoDataFrame          # the same per region, then the province (no geometry)
    business_regions: pd.DataFrame     # per business: region and province gap before/after
    reach: gpd.GeoDataFrame            # REACH_FIELDS + band polygon
    gap: HousingGapResult
    business_model: DemandModel
    reach_settings: Reach
    settings: AllocationSettings
    model_version: str
    parameters: str
    warnings: List[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return int(sum(effect.total for effect in self.effects))

    @property
    def placed(self) -> int:
        return int(sum(int(effect.placed.sum()) for effect in self.effects))

    @property
    def unplaced(self) -> int:
        return int(sum(int(effect.unplaced.sum()) for effect in self.effects))

    @property
    def extra_migrants(self) -> float:
        return float(sum(effect.phasing["extra_migrants"].iloc[-1] for effect in self.effects))

    def effect_of(self, key: str) -> BusinessEffect:
        for effect in self.effects:
            if effect.business.key == key:
                return effect
        raise KeyError(key)


def describe_parameters(business_model: DemandModel, reach: Reach, settings: AllocationSettings) -> str:
    return ("stay mix short/mid/long {0:g}/{1:g}/{2:g}; persons per bed {3:g}; reach {4}; "
            "allocation {5}").format(business_model.share_short, business_model.share_mid,
                                     business_model.share_long, business_model.persons_per_bed,
                                     reach.describe(), settings.describe())


def business_frame(effects: Sequence[BusinessEffect], reach: Reach, settings: AllocationSettings,
                   version: str, parameters: str) -> gpd.GeoDataFrame:
    """One row per business; with several, a combined row (no geometry) after them."""
    rows, geometries = [], []
    for effect in effects:
        business = effect.business
        last = effect.phasing.iloc[-1]
        rows.append({
            "business_id": business.key, "business_name": business.name,
            "jobs_now": business.jobs_now, "year_now": business.year_now,
            "jobs_full": business.jobs_full, "year_full": business.year_full,
            "extra_jobs": business.jobs_full - business.jobs_now, "phasing": business.phasing_label,
            "migrant_share": business.migrant_share, "share_source": business.share_source,
            "persons_per_job": business.persons_per_job,
            "extra_migrants": float(last["extra_migrants"]), "beds": effect.total,
            **{f"beds_{c}": int(effect.demand[i]) for i, c in enumerate(STAY_CATEGORIES)},
            "placed_beds": int(effect.placed.sum()), "unplaced_beds": int(effect.unplaced.sum()),
            **{f"unplaced_{c}": int(effect.unplaced[i]) for i, c in enumerate(STAY_CATEGORIES)},
            "municipalities": int((effect.allocation["beds"] > 0).sum()),
            "reach": reach.describe(), "allocation": settings.describe(),
            "outside_share": round(effect.outside_share, 4), "message": effect.message,
            "model_version": version, "parameters": parameters,
        })
        geometries.append(business.geometry)
    if len(effects) > 1:
        combined = {"business_id": COMBINED, "business_name": "all businesses",
                    "year_now": min(e.business.year_now for e in effects),
                    "year_full": max(e.business.year_full for e in effects),
                    "phasing": "combined", "share_source": "per business",
                    "reach": reach.describe(), "allocation": settings.describe(),
                    "model_version": version, "parameters": parameters}
        for name in ("jobs_now", "jobs_full", "extra_jobs", "extra_migrants"):
            combined[name] = float(sum(row[name] for row in rows))
        for name in ("beds", "beds_short", "beds_mid", "beds_long", "placed_beds", "unplaced_beds",
                     "unplaced_short", "unplaced_mid", "unplaced_long"):
            combined[name] = int(sum(row[name] for row in rows))
        reached = set()
        for effect in effects:
            reached |= set(effect.allocation["gm_code"][effect.allocation["beds"] > 0])
        combined["municipalities"] = len(reached)
        messages = [row["message"] for row in rows if row["message"]]
        combined["message"] = " ".join(messages) if messages else None
        rows.append(combined)
        geometries.append(None)
    frame = pd.DataFrame(rows, columns=[name for name, _ in BUSINESS_FIELDS])
    return with_crs_text(gpd.GeoDataFrame(frame, geometry=geometries), WORKING_CRS)


def reach_rings_frame(effects: Sequence[BusinessEffect], reach: Reach) -> gpd.GeoDataFrame:
    """The reach around each business, one polygon per band."""
    rows, geometries = [], []
    for effect in effects:
        for band, polygon in reach.rings(effect.business.geometry):
            rows.append({"business_id": effect.business.key, "business_name": effect.business.name,
                         "inner_km": band.inner_km, "outer_km": band.outer_km,
                         "band_weight": band.weight})
            geometries.append(polygon)
    return with_crs_text(gpd.GeoDataFrame(pd.DataFrame(rows, columns=[n for n, _ in REACH_FIELDS]),
                            geometry=geometries), WORKING_CRS)
