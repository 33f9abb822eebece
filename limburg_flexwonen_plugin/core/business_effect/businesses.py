"""Reading the businesses: jobs now and at full operation, years, phasing steps and the
share of labour migrants (field, sector table or typed in)."""
import math
import re
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

import geopandas as gpd
import pandas as pd

from ..errors import InputError
from ..geometry import check_plausible_extent, prepare_layer
from ..validation import implausible_remark
from .fields import LINEAR, PHASING_METHODS, STEPS
from .sectors import SectorTable


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
