"""The demand side: the demand model's parameters (from the model file) and the demand in
whole beds per stay category."""
import dataclasses
from dataclasses import dataclass
from typing import Any, Dict, Optional

import numpy as np

from ..errors import InputError
from ..scenarios import load_model_document
from .fields import STAY_CATEGORIES, TOLERANCE


@dataclass(frozen=True)
class DemandModel:
    """The demand model's parameters; defaults come from the model file."""
    share_short: float
    share_mid: float
    share_long: float
    share_regular_housing: float
    household_size: float
    persons_per_bed: float
    weight_existing: float
    weight_permitted: float
    weight_planned: float
    balanced_band: float
    name: str = "housing_gap_model"
    version: str = ""

    PARAMETERS = ("share_short", "share_mid", "share_long", "share_regular_housing",
                  "household_size", "persons_per_bed", "weight_existing", "weight_permitted",
                  "weight_planned", "balanced_band")

    @classmethod
    def defaults(cls, document: Optional[Dict[str, Any]] = None) -> "DemandModel":
        document = document or load_model_document()
        values = {}
        for name in cls.PARAMETERS:
            if name not in document["parameters"]:
                raise InputError(f"model file has no parameter '{name}'")
            values[name] = float(document["parameters"][name]["default"])
        return cls(name=document["name"], version=str(document["version"]), **values)

    def replace(self, **changes) -> "DemandModel":
        return dataclasses.replace(self, **{k: float(v) for k, v in changes.items() if v is not None})

    def validate(self, document: Optional[Dict[str, Any]] = None) -> None:
        limits = (document or load_model_document())["parameters"]
        for name in self.PARAMETERS:
            value = getattr(self, name)
            low, high = limits[name]["minimum"], limits[name]["maximum"]
            if not (low - TOLERANCE <= value <= high + TOLERANCE):
                raise InputError(f"parameter {name} = {value:g} is outside {low:g}–{high:g}")
        total = sum(self.shares.values())
        if total > 1 + 1e-6:
            raise InputError(f"the shares per stay category add up to {total:.3f}; they may add "
                             f"up to at most 1 (100 %)")
        if total <= 0:
            raise InputError("the shares per stay category add up to 0: there is no demand")

    @property
    def shares(self) -> Dict[str, float]:
        return {"short": self.share_short, "mid": self.share_mid, "long": self.share_long}

    @property
    def demand_shares(self) -> Dict[str, float]:
        """Shares of the labour migrants that are demand per stay category: the long-term
        residents living in regular housing are not."""
        return {"short": self.share_short, "mid": self.share_mid,
                "long": self.share_long * (1.0 - self.share_regular_housing)}

    @property
    def weights(self) -> Dict[str, float]:
        return {"existing": self.weight_existing, "permitted": self.weight_permitted,
                "planned": self.weight_planned}

    @property
    def version_label(self) -> str:
        return f"{self.name} {self.version}".strip()

    def describe(self) -> str:
        """The parameters in one line, recorded in every output."""
        return ("shares short/mid/long {0:g}/{1:g}/{2:g}; long-term in regular housing {8:g}; "
                "household size {9:g}; persons per bed {3:g}; supply weights "
                "existing {4:g}, permitted {5:g}, planned {6:g}; balanced band ±{7:g} of demand"
                ).format(self.share_short, self.share_mid, self.share_long, self.persons_per_bed,
                         self.weight_existing, self.weight_permitted, self.weight_planned,
                         self.balanced_band, self.share_regular_housing, self.household_size)


def demand_per_category(migrants, model: DemandModel) -> Dict[str, np.ndarray]:
    """Whole beds: the total rounded half up, the categories by largest remainder (so they
    add up to the total). NaN where the number of labour migrants is unknown."""
    migrants = np.asarray(migrants, dtype="float64")
    exact = np.column_stack([migrants * model.demand_shares[c] / model.persons_per_bed
                             for c in STAY_CATEGORIES])
    known = ~np.isnan(migrants)
    result = {name: np.full(len(migrants), np.nan) for name in
              ("demand_beds",) + tuple(f"demand_{c}" for c in STAY_CATEGORIES)
              + ("demand_dwellings",)}
    if not known.any():
        return result
    # Long-term residents as households: the dwellings they need, rounded half up.
    result["demand_dwellings"][known] = np.floor(
        migrants[known] * model.demand_shares["long"] / model.household_size + 0.5 + TOLERANCE)
    exact = exact[known]
    totals = np.floor(exact.sum(axis=1) + 0.5 + TOLERANCE)
    whole = np.floor(exact + TOLERANCE)
    left = (totals - whole.sum(axis=1)).astype("int64")
    fraction = exact - whole
    # Ties go to the earlier category (short, mid, long): stable sort on -fraction.
    ranking = np.argsort(-fraction, axis=1, kind="stable")
    for rank in range(len(STAY_CATEGORIES)):
        gets_one = left > rank
        whole[np.flatnonzero(gets_one), ranking[gets_one, rank]] += 1
    result["demand_beds"][known] = totals
    for position, category in enumerate(STAY_CATEGORIES):
        result[f"demand_{category}"][known] = whole[:, position]
    return result
