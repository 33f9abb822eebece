"""Housing effect of new or growing businesses ("huisvestingseffectrapportage").

For each business (a point or polygon with its jobs now and at full operation):

* extra labour migrants in a year = (jobs that year - jobs now) x persons per job x share of
  labour migrants; jobs grow linearly to full operation or in given steps;
* extra beds = extra labour migrants x share per stay category / persons per bed, in whole
  beds: the housing gap model's rounding (``housing_gap.demand_per_category``) for the
  cumulative total of every year, the categories of the years in between so that none ever
  decreases and each adds up over the years to its full-operation figure;
* the beds at full operation are allocated to the municipalities within reach (a radius
  or distance bands with weights) by distance decay, population or available planned
  supply, per stay category by largest remainder, so that the allocated beds add up exactly
  to the demand (minus what is reported as not placed);
* the allocated beds are added to the demand of the housing gap
  (``housing_gap.compute_housing_gap``'s result) to give the gap before and after, per
  municipality, region and province.

Defaults and their status (sourced / definition / assumption) are in
``resources/models/business_effect.json``; the stay-category mix and persons per bed come
from the housing gap model. Nothing is placed silently: demand that cannot be placed
(reach without municipalities, across the border, no weight) is counted and named.
"""
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .resource_files import resource
from .errors import InputError
from .validation import implausible_remark
from .frames import WORKING_CRS, with_crs_text
from .geometry import check_plausible_extent, prepare_layer
from .housing_gap import (ADDITIVE, OUTPUT_FIELDS, PROVINCE_LEVEL, STAY_CATEGORIES, DemandModel,
                          HousingGapResult, builtup_zones, demand_per_category, derive_figures)
from .progress import SILENT, Progress
from .rules import load_rules
from .scenarios import largest_remainder

MODEL_FILE = "business_effect.json"
SECTOR_FILE = "business_sector_shares.csv"

DISTANCE, POPULATION, PLANNED_SUPPLY = "distance", "population", "planned_supply"
ALLOCATION_METHODS = (DISTANCE, POPULATION, PLANNED_SUPPLY)
EXPONENTIAL, INVERSE_SQUARE = "exponential", "inverse_square"
DECAY_FUNCTIONS = (EXPONENTIAL, INVERSE_SQUARE)
LINEAR, STEPS = "linear", "steps"
PHASING_METHODS = (LINEAR, STEPS)
BORDER_MUNICIPALITIES, BORDER_AREA = "municipalities", "area"
BORDER_CHOICES = (BORDER_MUNICIPALITIES, BORDER_AREA)
COMBINED = "all"
# Why demand could not be placed.
ACROSS_BORDER, NO_MUNICIPALITY, NO_WEIGHT, BORDER_SHARE = (
    "across_border", "no_municipality", "no_weight", "border_share")
UNPLACED_REASONS = (ACROSS_BORDER, NO_MUNICIPALITY, NO_WEIGHT, BORDER_SHARE)
TO_BUILTUP, TO_CENTROID = "built-up area", "centroid"
# Cells per reach diameter when measuring the share of the reach outside the municipalities.
SAMPLES_PER_DIAMETER = 200

BUSINESS_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("jobs_now", "double"),
    ("year_now", "int"), ("jobs_full", "double"), ("year_full", "int"), ("extra_jobs", "double"),
    ("phasing", "string"), ("migrant_share", "double"), ("share_source", "string"),
    ("persons_per_job", "double"), ("extra_migrants", "double"), ("beds", "int"),
    ("beds_short", "int"), ("beds_mid", "int"), ("beds_long", "int"), ("placed_beds", "int"),
    ("unplaced_beds", "int"), ("unplaced_short", "int"), ("unplaced_mid", "int"),
    ("unplaced_long", "int"), ("municipalities", "int"), ("reach", "string"),
    ("allocation", "string"), ("outside_share", "double"), ("message", "string"),
    ("model_version", "string"), ("parameters", "string"),
)
PHASING_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("year", "int"), ("jobs", "double"),
    ("extra_jobs", "double"), ("extra_migrants", "double"), ("beds", "int"), ("beds_short", "int"),
    ("beds_mid", "int"), ("beds_long", "int"), ("new_beds", "int"), ("new_short", "int"),
    ("new_mid", "int"), ("new_long", "int"),
)
ALLOCATION_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("gm_code", "string"),
    ("gm_name", "string"), ("region", "string"), ("distance_km", "double"),
    ("distance_to", "string"), ("band_weight", "double"), ("method_weight", "double"),
    ("weight", "double"), ("allocation_share", "double"), ("beds", "int"), ("beds_short", "int"),
    ("beds_mid", "int"), ("beds_long", "int"), ("gap_before", "double"), ("gap_after", "double"),
    ("gap_class_before", "string"), ("gap_class_after", "string"), ("allocation", "string"),
    ("remarks", "string"),
)
# The housing gap's fields describe the situation AFTER the effect (so the gap styles and
# exports read the layer as a gap layer); these add the effect and the situation before.
EFFECT_FIELDS = (
    ("effect_beds", "int"), ("effect_short", "int"), ("effect_mid", "int"), ("effect_long", "int"),
    ("effect_businesses", "int"), ("demand_beds_before", "int"), ("gap_beds_before", "double"),
    ("gap_short_before", "double"), ("gap_mid_before", "double"), ("gap_long_before", "double"),
    ("gap_ratio_before", "double"), ("gap_class_before", "string"), ("unplaced_beds", "int"),
    ("effect_model_version", "string"), ("effect_parameters", "string"),
)
GAP_EFFECT_FIELDS = tuple(OUTPUT_FIELDS) + EFFECT_FIELDS
REACH_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("inner_km", "double"),
    ("outer_km", "double"), ("band_weight", "double"),
)
BUSINESS_REGION_FIELDS = ("business_id", "region", "level", "beds", "gap_before", "gap_after",
                          "gap_class_before", "gap_class_after")


# ---------------------------------------------------------------------------- model file


def load_effect_document(path: Optional[Path] = None) -> Dict[str, Any]:
    """The business effect model file (default: the one in ``resources/models``)."""
    path = Path(path) if path is not None else resource("models", MODEL_FILE)
    document = load_rules(MODEL_FILE, path)
    for key in ("parameters", "choices", "sector_table"):
        if key not in document:
            raise InputError(f"model file {path.name} has no '{key}'")
    return document


def default_value(name: str, document: Optional[Dict[str, Any]] = None) -> float:
    document = document or load_effect_document()
    return float(document["parameters"][name]["default"])


def version_label(document: Optional[Dict[str, Any]] = None) -> str:
    document = document or load_effect_document()
    return f"{document['name']} {document['version']}"


# ---------------------------------------------------------------------------- reach


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


# ---------------------------------------------------------------------------- businesses


@dataclass(frozen=True)
class BusinessFields:
    """Fields of the business layer; None: the parameter value applies to every business."""
    business_id: Optional[str] = None
    name: Optional[str] = None
    jobs_now: Optional[str] = None
    jobs_full: Optional[str] = None
    year_now: Optional[str] = None
    year_full: Optional[str] = None
    migrant_share: Optional[str] = None   # percent
    sector: Optional[str] = None
    steps: Optional[str] = None


@dataclass(frozen=True)
class BusinessDefaults:
    """The values typed in the algorithm, used where a business has no field value."""
    jobs_now: Optional[float] = None
    jobs_full: Optional[float] = None
    year_now: Optional[int] = None
    year_full: Optional[int] = None
    migrant_share: Optional[float] = None   # 0-1
    phasing: str = LINEAR
    steps: Optional[str] = None
    persons_per_job: float = 1.0


@dataclass
class Business:
    key: str
    name: str
    feature: Any
    geometry: Any
    jobs_now: float
    jobs_full: float
    year_now: int
    year_full: int
    migrant_share: float          # 0-1
    share_source: str
    persons_per_job: float
    phasing: str
    steps: Tuple[Tuple[int, float], ...] = ()

    @property
    def label(self) -> str:
        return f"'{self.name}' ({self.key})" if self.name and self.name != self.key else f"'{self.key}'"

    def jobs_by_year(self) -> List[Tuple[int, float]]:
        """(year, jobs) from the current year to full operation."""
        years = list(range(self.year_now, self.year_full + 1))
        span = self.year_full - self.year_now
        if self.phasing == LINEAR:
            return [(year, self.jobs_now + (self.jobs_full - self.jobs_now) * (year - self.year_now) / span)
                    for year in years]
        steps = self.steps or ((self.year_full, self.jobs_full),)
        result = []
        for year in years:
            jobs = self.jobs_now
            for step_year, step_jobs in steps:
                if step_year <= year:
                    jobs = step_jobs
            result.append((year, jobs))
        return result

    @property
    def phasing_label(self) -> str:
        if self.phasing == LINEAR:
            return f"linear {self.year_now}-{self.year_full}"
        steps = self.steps or ((self.year_full, self.jobs_full),)
        return "steps " + "; ".join(f"{year}: {jobs:g}" for year, jobs in steps)


@dataclass
class SectorTable:
    """Reference shares of labour migrants per sector, each with its source."""
    shares: Dict[str, Tuple[str, float, str]]   # lower-case sector -> (sector, share 0-1, source)
    layer: str = "sector table"

    def lookup(self, sector) -> Optional[Tuple[str, float, str]]:
        if sector is None or str(sector).strip() == "":
            return None
        return self.shares.get(str(sector).strip().lower())


SECTOR_COLUMNS = ("sector", "labour_migrant_share_pct", "source")


def sector_table_from_frame(frame: pd.DataFrame, layer: str = "sector table",
                            sector_field: str = "sector",
                            share_field: str = "labour_migrant_share_pct",
                            source_field: str = "source") -> SectorTable:
    """Reads and checks a sector table: every row needs a share of 0-100 % and a source."""
    for name in (sector_field, share_field, source_field):
        if name not in frame.columns:
            raise InputError("field not found", layer=layer, field=name)
    shares: Dict[str, Tuple[str, float, str]] = {}
    for index, row in frame.iterrows():
        sector = row[sector_field]
        if sector is None or (isinstance(sector, float) and math.isnan(sector)) or not str(sector).strip():
            continue
        value = pd.to_numeric(pd.Series([row[share_field]]), errors="coerce").iloc[0]
        if pd.isna(value) or not 0 <= value <= 100:
            raise InputError(f"share '{row[share_field]}' is not a percentage from 0 to 100",
                             layer=layer, feature=index, field=share_field)
        source = row[source_field]
        if source is None or (isinstance(source, float) and math.isnan(source)) or not str(source).strip():
            raise InputError(f"sector '{sector}' has no source: only sourced shares may be used",
                             layer=layer, feature=index, field=source_field)
        key = str(sector).strip().lower()
        if key in shares:
            raise InputError(f"sector '{sector}' occurs twice", layer=layer, feature=index,
                             field=sector_field)
        shares[key] = (str(sector).strip(), float(value) / 100.0, str(source).strip())
    return SectorTable(shares, layer)


def load_sector_table(path: Optional[Path] = None) -> SectorTable:
    """The shipped sector table (empty until sourced figures are added)."""
    path = Path(path) if path is not None else resource("models", SECTOR_FILE)
    frame = pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""])
    return sector_table_from_frame(frame, path.name)


def parse_steps(text, layer: str, feature=None, field_name: Optional[str] = None) -> Tuple[Tuple[int, float], ...]:
    """'2026: 600; 2028: 1200' -> ((2026, 600.0), (2028, 1200.0))."""
    if text is None or str(text).strip() == "":
        return ()
    steps = []
    for part in [p for p in str(text).split(";") if p.strip()]:
        match = re.match(r"^\s*([0-9]{4})\s*[:=]\s*([0-9]+(?:[.,][0-9]+)?)\s*$", part)
        if not match:
            raise InputError(f"phasing step '{part.strip()}' is not 'year: jobs' (e.g. "
                             f"'2026: 600; 2028: 1200')", layer=layer, feature=feature,
                             field=field_name)
        steps.append((int(match.group(1)), float(match.group(2).replace(",", "."))))
    return tuple(steps)


def _field_or_default(row, field_name: Optional[str], fallback, kind, layer: str, feature):
    """(value, field it came from): the business's field value when it has one, else the
    typed-in fallback (field None); text that is no number is refused."""
    if field_name:
        raw = row[field_name]
        if raw is not None and not (isinstance(raw, float) and math.isnan(raw)) and str(raw).strip():
            number = pd.to_numeric(pd.Series([raw]), errors="coerce").iloc[0]
            if pd.isna(number):
                raise InputError(f"'{raw}' is not a number", layer=layer, feature=feature,
                                 field=field_name)
            return kind(number), field_name
    return (kind(fallback) if fallback is not None else None), None


def read_businesses(frame: gpd.GeoDataFrame, fields: BusinessFields = BusinessFields(),
                    defaults: BusinessDefaults = BusinessDefaults(),
                    sectors: Optional[SectorTable] = None,
                    layer: str = "businesses") -> Tuple[List[Business], List[str]]:
    """The businesses with their jobs, years, phasing and share of labour migrants.

    Per business a field value wins over the typed-in default; the share comes from the
    share field, else the sector table, else the typed-in share. Refuses (naming the
    feature and field) what cannot be computed: no location, no jobs or years, fewer jobs
    at full operation than now, full operation not after now, a share outside 0-100 %,
    malformed or decreasing steps.
    """
    for name in (fields.business_id, fields.name, fields.jobs_now, fields.jobs_full,
                 fields.year_now, fields.year_full, fields.migrant_share, fields.sector, fields.steps):
        if name and name not in frame.columns:
            raise InputError("field not found", layer=layer, field=name)
    if defaults.phasing not in PHASING_METHODS:
        raise InputError(f"unknown phasing '{defaults.phasing}'")
    if not defaults.persons_per_job > 0:
        raise InputError("persons per job must be above 0")
    prepared, remarks = prepare_layer(frame, layer, "point_or_polygon")
    check_plausible_extent(prepared, layer)
    warnings: List[str] = []
    businesses: List[Business] = []
    default_steps = parse_steps(defaults.steps, layer) if defaults.steps else ()
    seen = set()
    for index in prepared.index:
        row = prepared.loc[index]
        geometry = prepared.geometry[index]
        if geometry is None:
            raise InputError(f"no usable location ({remarks[index] or 'no geometry'}): the "
                             f"business cannot be placed", layer=layer, feature=index)

        def value(field_name, fallback, kind=float):
            return _field_or_default(row, field_name, fallback, kind, layer, index)

        key = str(row[fields.business_id]).strip() if fields.business_id and \
            row[fields.business_id] is not None and str(row[fields.business_id]).strip() else str(index)
        if key in seen:
            raise InputError(f"business id '{key}' occurs twice", layer=layer, feature=index,
                             field=fields.business_id)
        seen.add(key)
        name = str(row[fields.name]).strip() if fields.name and row[fields.name] is not None \
            and str(row[fields.name]).strip() else key
        jobs_now, _ = value(fields.jobs_now, defaults.jobs_now)
        year_now, _ = value(fields.year_now, defaults.year_now, int)
        jobs_full, jobs_full_field = value(fields.jobs_full, defaults.jobs_full)
        year_full, year_full_field = value(fields.year_full, defaults.year_full, int)
        steps = default_steps
        if fields.steps and row[fields.steps] is not None and str(row[fields.steps]).strip():
            steps = parse_steps(row[fields.steps], layer, index, fields.steps)
        phasing = STEPS if steps else defaults.phasing
        if steps:
            last_year, last_jobs = steps[-1]
            # The last step is full operation: it replaces the typed-in values, and a value
            # in a full-operation field of the same business must agree with it.
            if jobs_full_field and abs(jobs_full - last_jobs) > 1e-9:
                raise InputError(f"the last phasing step ({last_year}: {last_jobs:g} jobs) differs "
                                 f"from the jobs at full operation ({jobs_full:g})", layer=layer,
                                 feature=index, field=jobs_full_field)
            if year_full_field and year_full != last_year:
                raise InputError(f"the last phasing step ({last_year}) is not the year of full "
                                 f"operation ({year_full})", layer=layer, feature=index,
                                 field=year_full_field)
            jobs_full, year_full = last_jobs, last_year
        for label, number, field_name in (("jobs now", jobs_now, fields.jobs_now),
                                          ("the current year", year_now, fields.year_now),
                                          ("jobs at full operation", jobs_full, fields.jobs_full),
                                          ("the year of full operation", year_full, fields.year_full)):
            if number is None:
                raise InputError(f"no value for {label}: give a field or a value in the algorithm",
                                 layer=layer, feature=index, field=field_name)
        if jobs_now < 0 or jobs_full < 0:
            raise InputError("negative number of jobs", layer=layer, feature=index,
                             field=fields.jobs_now if jobs_now < 0 else fields.jobs_full)
        for quantity, number, field_name in (("jobs", jobs_now, fields.jobs_now),
                                             ("jobs", jobs_full, fields.jobs_full),
                                             ("year", year_now, fields.year_now),
                                             ("year", year_full, fields.year_full)):
            remark = implausible_remark(number, quantity, field_name or quantity)
            if remark:
                raise InputError(remark, layer=layer, feature=index, field=field_name)
        if jobs_full < jobs_now:
            raise InputError(f"fewer jobs at full operation ({jobs_full:g}) than now "
                             f"({jobs_now:g}): the calculator weighs new and growing businesses",
                             layer=layer, feature=index, field=fields.jobs_full)
        if year_full <= year_now:
            raise InputError(f"the year of full operation ({year_full}) must come after the "
                             f"current year ({year_now})", layer=layer, feature=index,
                             field=fields.year_full)
        if steps:
            previous_year, previous_jobs = year_now, jobs_now
            for step_year, step_jobs in steps:
                if step_year <= previous_year:
                    raise InputError(f"phasing step {step_year} does not come after {previous_year}",
                                     layer=layer, feature=index, field=fields.steps)
                if step_jobs < previous_jobs:
                    raise InputError(f"phasing step {step_year}: {step_jobs:g} jobs is fewer than "
                                     f"before ({previous_jobs:g})", layer=layer, feature=index,
                                     field=fields.steps)
                previous_year, previous_jobs = step_year, step_jobs

        share, share_field = value(fields.migrant_share, None)
        if share is not None:
            source = f"field {share_field}"
            share = share / 100.0
        else:
            share, source = None, None
            sector = row[fields.sector] if fields.sector else None
            found = sectors.lookup(sector) if sectors is not None else None
            if found is not None:
                share = found[1]
                source = f"sector table: {found[0]} ({found[2]})"
            elif defaults.migrant_share is not None:
                share = defaults.migrant_share
                source = "typed in"
                if fields.sector and sector is not None and str(sector).strip():
                    warnings.append(f"Business {key}: sector '{sector}' is not in the sector "
                                    f"table; the typed-in share of {share * 100:g} % is used.")
            else:
                where = (f"sector '{sector}' is not in the sector table and " if sector is not None
                         and str(sector).strip() else "")
                raise InputError(f"no share of labour migrants: {where}no share is typed in",
                                 layer=layer, feature=index,
                                 field=fields.migrant_share or fields.sector)
        if not 0 <= share <= 1:
            raise InputError(f"share of labour migrants {share * 100:g} % is outside 0-100 %",
                             layer=layer, feature=index, field=fields.migrant_share)
        if remarks[index]:
            warnings.append(f"Business {key} in '{layer}': {remarks[index]}.")
        businesses.append(Business(key, name, index, geometry, float(jobs_now), float(jobs_full),
                                   int(year_now), int(year_full), float(share), source,
                                   float(defaults.persons_per_job), phasing, steps))
    return businesses, warnings


# ---------------------------------------------------------------------------- demand per year


def beds_by_year(extra_migrants, model: DemandModel) -> np.ndarray:
    """Cumulative whole beds per year (rows) and stay category (columns short, mid, long).

    Each year's total is the housing gap model's rounding of that year's extra labour
    migrants; the last year's categories are its largest-remainder split. In between, the
    beds added in a year go one by one to the category furthest below its proportional
    share, so no category decreases and each ends exactly at its last-year figure.
    """
    migrants = np.asarray(extra_migrants, dtype="float64")
    figures = demand_per_category(migrants, model)
    totals = figures["demand_beds"].astype("int64")
    final = np.array([figures[f"demand_{c}"][-1] for c in STAY_CATEGORIES], dtype="float64")
    final_total = int(totals[-1])
    counts = np.zeros(len(STAY_CATEGORIES), dtype="int64")
    rows = np.zeros((len(totals), len(STAY_CATEGORIES)), dtype="int64")
    for position, total in enumerate(totals):
        extra = int(total) - int(counts.sum())
        if extra < 0:
            raise InputError("the extra labour migrants decrease over the years")
        target = final * (total / final_total) if final_total else np.zeros(len(counts))
        for _ in range(extra):
            counts[int(np.argmax(target - counts))] += 1  # ties: the earlier category
        rows[position] = counts
    return rows


def phasing_rows(business: Business, model: DemandModel) -> pd.DataFrame:
    path = business.jobs_by_year()
    years = [year for year, _ in path]
    jobs = np.array([jobs for _, jobs in path], dtype="float64")
    extra_jobs = jobs - business.jobs_now
    migrants = extra_jobs * business.persons_per_job * business.migrant_share
    cumulative = beds_by_year(migrants, model)
    new = np.diff(np.vstack([np.zeros((1, cumulative.shape[1]), dtype="int64"), cumulative]), axis=0)
    frame = pd.DataFrame({
        "business_id": business.key, "business_name": business.name, "year": years,
        "jobs": np.round(jobs, 2), "extra_jobs": np.round(extra_jobs, 2),
        "extra_migrants": np.round(migrants, 2),
        "beds": cumulative.sum(axis=1), "new_beds": new.sum(axis=1),
    })
    for position, category in enumerate(STAY_CATEGORIES):
        frame[f"beds_{category}"] = cumulative[:, position]
        frame[f"new_{category}"] = new[:, position]
    return frame[[name for name, _ in PHASING_FIELDS]]


def combined_phasing(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """All businesses together per year: increments summed; cumulative figures carried on
    after a business's full operation and 0 before its current year."""
    years = sorted({int(year) for frame in frames for year in frame["year"]})
    totals = pd.DataFrame(0.0, index=pd.Index(years), columns=[
        "jobs", "extra_jobs", "extra_migrants", "beds", "new_beds"]
        + [f"beds_{c}" for c in STAY_CATEGORIES] + [f"new_{c}" for c in STAY_CATEGORIES])
    for frame in frames:
        indexed = frame.set_index("year")
        first, last = indexed.index.min(), indexed.index.max()
        for column in totals.columns:
            if column.startswith("new_"):
                totals[column] += indexed[column].reindex(years).fillna(0).values
            else:
                series = indexed[column].reindex(years)
                # Before its first year a business adds nothing; after its last, it stays.
                series = series.where(~(series.index < first), 0.0)
                series = series.ffill()
                totals[column] += series.fillna(0).values
    totals = totals.reset_index().rename(columns={"index": "year"})
    totals.insert(0, "business_name", "all businesses")
    totals.insert(0, "business_id", COMBINED)
    for name, kind in PHASING_FIELDS:
        if kind == "int":
            totals[name] = totals[name].round().astype("int64")
        elif kind == "double":
            totals[name] = totals[name].astype("float64").round(2)
    return totals[[name for name, _ in PHASING_FIELDS]]


# ---------------------------------------------------------------------------- allocation


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


# ---------------------------------------------------------------------------- the gap


def with_extra_demand(rows: pd.DataFrame, beds: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """The additive gap figures with ``beds`` (effect_short/mid/long) added to the demand,
    and the gap, ratio and class derived again."""
    after = rows[list(ADDITIVE)].astype("float64").copy()
    for category in STAY_CATEGORIES:
        after[f"demand_{category}"] = after[f"demand_{category}"] + beds[f"effect_{category}"].values
    after["demand_beds"] = after["demand_beds"] + beds["effect_beds"].values
    return derive_figures(after, model)


def _effect_table(codes, effects: Sequence[BusinessEffect]) -> pd.DataFrame:
    table = pd.DataFrame(0, index=pd.Index(codes), columns=[
        "effect_beds"] + [f"effect_{c}" for c in STAY_CATEGORIES] + ["effect_businesses"])
    for effect in effects:
        rows = effect.allocation.set_index("gm_code")
        for category in STAY_CATEGORIES:
            table.loc[rows.index, f"effect_{category}"] += rows[f"beds_{category}"].values
        table.loc[rows.index, "effect_beds"] += rows["beds"].values
        table.loc[rows.index[rows["beds"].values > 0], "effect_businesses"] += 1
    return table


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


def unplaced_text(effect: BusinessEffect) -> str:
    unplaced = effect.unplaced
    parts = ", ".join(f"{c} {int(n)}" for c, n in zip(STAY_CATEGORIES, unplaced))
    return (f"{int(unplaced.sum())} of {effect.total} beds ({parts}) could not be placed in a "
            f"municipality")


def compute_business_effect(businesses: Sequence[Business], gap: HousingGapResult, *,
                            reach: Reach, business_model: Optional[DemandModel] = None,
                            settings: Optional[AllocationSettings] = None,
                            builtup: Optional[gpd.GeoDataFrame] = None,
                            builtup_layer: str = "built-up area",
                            municipalities_layer: str = "municipalities",
                            document: Optional[Dict[str, Any]] = None,
                            progress: Progress = SILENT) -> BusinessEffectResult:
    """The housing effect of ``businesses`` on the gap of ``gap`` (one scenario).

    ``business_model`` holds the stay-category mix of the businesses' labour migrants and
    persons per bed (default: the gap's model); ``builtup`` gives the distances to each
    municipality's built-up area (without it: to its centroid).
    """
    document = document or load_effect_document()
    settings = settings or AllocationSettings.defaults(document)
    settings.validate()
    business_model = business_model or gap.model
    business_model.validate()
    if not businesses:
        raise InputError("no businesses given")
    warnings: List[str] = []
    municipal = gap.municipalities
    codes = list(municipal["gm_code"])
    zones = builtup_zones(municipal.geometry.values, builtup, builtup_layer) if builtup is not None \
        else np.full(len(municipal), None, dtype=object)
    present = municipal.geometry.values[~shapely.is_missing(municipal.geometry.values)]
    land = shapely.union_all(present) if len(present) else None
    if land is not None:
        shapely.prepare(land)
    progress.report(10)

    effects: List[BusinessEffect] = []
    for number, business in enumerate(businesses):
        progress.check()
        effect = allocate_business(business, business_model, municipal, zones, reach, settings,
                                   land, municipalities_layer)
        if int(effect.unplaced.sum()):
            text = f"Business {business.label}: {effect.message}; {unplaced_text(effect)}."
            effect.message = text
            warnings.append(text)
        elif effect.outside_share > 0.005 and settings.border == BORDER_MUNICIPALITIES:
            effect.message = (f"Business {business.label}: {effect.outside_share * 100:.1f} % of "
                              f"the reach lies outside the municipalities (across the border); all "
                              f"demand is placed in the municipalities within reach.")
        effects.append(effect)
        progress.report(10 + 60 * (number + 1) / len(businesses))

    version = version_label(document)
    parameters = describe_parameters(business_model, reach, settings)
    model = gap.model

    # Combined effect on the gap per municipality, region and province.
    effect_table = _effect_table(codes, effects)
    before = pd.DataFrame(municipal.drop(columns=municipal.geometry.name))
    before.index = codes
    after_figures = with_extra_demand(before, effect_table, model)
    after_figures.index = codes
    municipalities_after = _after_frame(before, after_figures, effect_table, version, parameters)
    municipalities_after = with_crs_text(gpd.GeoDataFrame(municipalities_after, geometry=municipal.geometry.values), WORKING_CRS)
    regions_after = _regions_after(gap, before, effect_table, version, parameters,
                                   sum(int(e.unplaced.sum()) for e in effects))
    progress.report(80)

    allocation = _allocation_frame(effects, before, model, municipal)
    business_regions = _business_regions(effects, gap, before, model)
    summary = _business_frame(effects, reach, settings, version, parameters)
    phasing_frames = [effect.phasing for effect in effects]
    phasing = pd.concat(phasing_frames + ([combined_phasing(phasing_frames)] if len(effects) > 1 else []),
                        ignore_index=True)
    reach_frame = _reach_frame(effects, reach)
    progress.report(100)
    return BusinessEffectResult(effects, summary, phasing, allocation, municipalities_after,
                                regions_after, business_regions, reach_frame, gap, business_model,
                                reach, settings, version, parameters, warnings)


def _after_frame(before: pd.DataFrame, after: pd.DataFrame, effects: pd.DataFrame, version: str,
                 parameters: str) -> pd.DataFrame:
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


def _regions_after(gap: HousingGapResult, before: pd.DataFrame, effects: pd.DataFrame, version: str,
                   parameters: str, unplaced: int) -> gpd.GeoDataFrame:
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


def _allocation_frame(effects: Sequence[BusinessEffect], before: pd.DataFrame, model: DemandModel,
                      municipal: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
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


def _business_regions(effects: Sequence[BusinessEffect], gap: HousingGapResult, before: pd.DataFrame,
                      model: DemandModel) -> pd.DataFrame:
    """Per business: each region it places beds in, and the province, before and after it alone."""
    rows = []
    regions = gap.regions
    for effect in effects:
        table = _effect_table(list(before.index), [effect])
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


def _business_frame(effects: Sequence[BusinessEffect], reach: Reach, settings: AllocationSettings,
                    version: str, parameters: str) -> gpd.GeoDataFrame:
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


def _reach_frame(effects: Sequence[BusinessEffect], reach: Reach) -> gpd.GeoDataFrame:
    rows, geometries = [], []
    for effect in effects:
        for band, polygon in reach.rings(effect.business.geometry):
            rows.append({"business_id": effect.business.key, "business_name": effect.business.name,
                         "inner_km": band.inner_km, "outer_km": band.outer_km,
                         "band_weight": band.weight})
            geometries.append(polygon)
    return with_crs_text(gpd.GeoDataFrame(pd.DataFrame(rows, columns=[n for n, _ in REACH_FIELDS]),
                            geometry=geometries), WORKING_CRS)


__all__ = [
    "ALLOCATION_METHODS", "AllocationSettings", "Business", "BusinessDefaults", "BusinessEffect",
    "BusinessEffectResult", "BusinessFields", "Reach", "SectorTable", "compute_business_effect",
    "load_effect_document", "load_sector_table", "read_businesses", "sector_table_from_frame",
]
