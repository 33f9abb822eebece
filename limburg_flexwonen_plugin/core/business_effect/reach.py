"""Where the workers are housed: a commuting radius or distance bands with weights."""
import math
import re
from dataclasses import dataclass
from typing import Any, List, Tuple

import numpy as np
import shapely

from ..errors import InputError


@dataclass(frozen=True)
class Band:
    inner_km: float
    outer_km: float
    weight: float


@dataclass(frozen=True)
class Reach:
    """Where the workers are housed: one radius (weight 1) or distance bands with weights.

    A distance d belongs to the band with inner < d <= outer (the first band from 0 also
    holds d = 0); beyond every band, or in a gap between bands, the weight is 0.
    """
    bands: Tuple[Band, ...]
    is_radius: bool = False

    @classmethod
    def radius(cls, km: float) -> "Reach":
        if km is None or not math.isfinite(km) or km <= 0:
            raise InputError(f"the commuting radius must be above 0 km (got {km})")
        return cls((Band(0.0, float(km), 1.0),), True)

    @classmethod
    def parse(cls, text: str) -> "Reach":
        """Bands as '0-10: 1; 10-20: 0.5; 20-30: 0.2' (km: weight, separated by ';')."""
        bands = []
        pattern = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*-\s*([0-9]+(?:[.,][0-9]+)?)\s*"
                             r"(?:km)?\s*[:=]\s*([0-9]+(?:[.,][0-9]+)?)\s*$")
        for part in [p for p in str(text).split(";") if p.strip()]:
            match = pattern.match(part)
            if not match:
                raise InputError(f"distance band '{part.strip()}' is not 'from-to: weight' in km "
                                 f"(e.g. '0-10: 1; 10-20: 0.5')")
            inner, outer, weight = (float(value.replace(",", ".")) for value in match.groups())
            if outer <= inner:
                raise InputError(f"distance band '{part.strip()}': the outer distance must be "
                                 f"above the inner one")
            bands.append(Band(inner, outer, weight))
        if not bands:
            raise InputError("no distance bands given")
        bands.sort(key=lambda band: band.inner_km)
        for first, second in zip(bands, bands[1:]):
            if second.inner_km < first.outer_km:
                raise InputError(f"distance bands {first.inner_km:g}-{first.outer_km:g} and "
                                 f"{second.inner_km:g}-{second.outer_km:g} km overlap")
        if not any(band.weight > 0 for band in bands):
            raise InputError("every distance band has weight 0: nothing is within reach")
        return cls(tuple(bands), False)

    @property
    def outer_km(self) -> float:
        return max(band.outer_km for band in self.bands)

    def weights(self, distances_km) -> np.ndarray:
        distances = np.asarray(distances_km, dtype="float64")
        result = np.zeros(distances.shape)
        for band in self.bands:
            inside = (distances > band.inner_km) & (distances <= band.outer_km + 1e-9)
            if band.inner_km == 0:
                inside |= distances == 0
            result[inside] = band.weight
        return result

    def describe(self) -> str:
        if self.is_radius:
            return f"radius {self.outer_km:g} km"
        return "bands " + "; ".join(f"{b.inner_km:g}-{b.outer_km:g} km x {b.weight:g}"
                                    for b in self.bands)

    def rings(self, geometry) -> List[Tuple[Band, Any]]:
        """The reach drawn around the business: one polygon per band (metres, RD)."""
        result = []
        for band in self.bands:
            outer = shapely.buffer(geometry, band.outer_km * 1000.0, quad_segs=32)
            if band.inner_km > 0:
                outer = shapely.difference(outer, shapely.buffer(geometry, band.inner_km * 1000.0,
                                                                 quad_segs=32))
            result.append((band, outer))
        return result
