"""Labour migrants per municipality in a scenario year.

The scenario figures live in ``resources/models/housing_gap_model.json``:

* ``current``   -- the table's own figures for one year (default: its latest year);
* ``low_2030`` / ``high_2030`` -- the policy's 96,000 / 112,000 for Limburg in 2030;
* ``user``      -- a province total and year typed in by the user.

A province total is divided over the municipalities by their share in the base year,
or by their own straight-line trend when the table holds several years, and rounded
by largest remainder so that the municipal figures add up exactly to the total.
"""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import numpy as np
import pandas as pd

from .resource_files import resource
from .errors import InputError
from .field_mapping import normalise_code, table_codes  # noqa: F401 (normalise_code: its home before)
from .number_notation import read_numbers
from .validation import require_plausible
from .rules import load_rules

MODEL_FILE = "housing_gap_model.json"

CURRENT, LOW_2030, HIGH_2030, USER = "current", "low_2030", "high_2030", "user"
SCENARIO_KEYS = (CURRENT, LOW_2030, HIGH_2030, USER)
AUTOMATIC, SHARE, TREND, TABLE = "automatic", "share", "trend", "table"
DISTRIBUTION_METHODS = (AUTOMATIC, SHARE, TREND)


def load_model_document(path: Optional[Path] = None) -> Dict[str, Any]:
    """The demand model file (default: the one shipped in ``resources/models``)."""
    path = Path(path) if path is not None else resource("models", MODEL_FILE)
    document = load_rules(MODEL_FILE, path)
    for key in ("parameters", "scenarios"):
        if key not in document:
            raise InputError(f"model file {path.name} has no '{key}'")
    return document


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    year: Optional[int] = None     # None: the base year of the table (current)
    total: Optional[int] = None    # None: the table's own figures

    @property
    def title(self) -> str:
        return f"{self.label} ({self.year})" if self.year else self.label


def scenario(key: str, year: Optional[int] = None, total: Optional[int] = None,
             document: Optional[Dict[str, Any]] = None) -> Scenario:
    """The scenario ``key``; ``year`` and ``total`` only for 'user' (and year for 'current')."""
    document = document or load_model_document()
    if key not in SCENARIO_KEYS:
        raise InputError(f"unknown scenario '{key}' (expected one of {', '.join(SCENARIO_KEYS)})")
    definition = document["scenarios"][key]
    label = definition.get("label", key)
    year = int(year) if year else None
    if key == CURRENT:
        return Scenario(key, label, year, None)
    if key == USER:
        if not year:
            raise InputError("the user-defined scenario needs a year")
        if total is None or total <= 0:
            raise InputError("the user-defined scenario needs a province total above 0")
        return Scenario(key, label, year, int(round(total)))
    fixed_year = int(definition["year"])
    if year and year != fixed_year:
        raise InputError(f"the scenario '{label}' describes {fixed_year}, not {year}; "
                         f"use the user-defined scenario for another year")
    return Scenario(key, label, fixed_year, int(definition["total"]))


def read_migrant_table(frame: pd.DataFrame, code_field: str, count_field: str,
                       year_field: Optional[str] = None,
                       layer: str = "labour migrants") -> pd.DataFrame:
    """The table as columns code, year, count (year NaN when the table has no year field).

    Refuses what cannot be read (missing fields, text or negative counts, two rows for
    the same municipality and year), naming the feature and field. An empty count
    is kept as missing (NaN): it is reported later, never counted as zero.
    """
    codes = table_codes(frame, code_field, (code_field, count_field, year_field), layer)
    counts = _numbers(frame[count_field], layer, count_field)
    negative = counts < 0
    if negative.any():
        feature = frame.index[np.flatnonzero(negative.values)[0]]
        raise InputError("negative number of labour migrants", layer=layer, feature=feature,
                         field=count_field)
    require_plausible(counts.values, frame.index, "labour_migrants", layer, count_field)
    if year_field:
        years = _numbers(frame[year_field], layer, year_field)
        missing_year = years.isna()
        if missing_year.any():
            feature = frame.index[np.flatnonzero(missing_year.values)[0]]
            raise InputError("no year", layer=layer, feature=feature, field=year_field)
        require_plausible(years.values, frame.index, "year", layer, year_field)
    else:
        years = pd.Series(np.nan, index=frame.index)
    table = pd.DataFrame({"code": codes, "year": years.values, "count": counts.values},
                         index=frame.index)
    duplicated = table.duplicated(["code", "year"], keep=False)
    if duplicated.any():
        first = table[duplicated].iloc[0]
        when = f" in {int(first['year'])}" if not math.isnan(first["year"]) else ""
        raise InputError(f"{int(duplicated.sum())} rows for {first['code']}{when}; "
                         f"give one row per municipality and year", layer=layer, field=code_field)
    table.attrs["layer_name"] = layer
    return table


def _numbers(column: pd.Series, layer: str, field_name: str) -> pd.Series:
    """Whole numbers (counts, years) as floats, NaN where empty; refuses text."""
    return pd.Series(read_numbers(column, layer, field_name, count=True, features=column.index),
                     index=column.index)


@dataclass
class ScenarioMigrants:
    """Labour migrants per municipality code for one scenario."""
    scenario: Scenario
    year: int
    base_year: int
    method: str                      # table, share or trend
    counts: pd.Series                # code -> persons (int); only codes with a figure
    missing: List[str]               # municipality codes without a figure
    unknown_codes: Dict[str, float]  # table codes that are no municipality -> base count
    notes: Dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    @property
    def title(self) -> str:
        return f"{self.scenario.label} ({self.year})"


def scenario_migrants(table: pd.DataFrame, chosen: Scenario, codes: Iterable[str],
                      base_year: Optional[int] = None, method: str = AUTOMATIC) -> ScenarioMigrants:
    """Labour migrants per municipality (``codes``) for the scenario.

    ``table`` comes from :func:`read_migrant_table`. Municipalities without a figure in
    the base year are listed in ``missing`` (and get none of a scenario total); table
    codes that are no municipality are listed in ``unknown_codes``.
    """
    if method not in DISTRIBUTION_METHODS:
        raise InputError(f"unknown distribution method '{method}'")
    codes = list(dict.fromkeys(codes))
    layer = table.attrs.get("layer_name", "labour migrants")
    table = table.copy()
    if table["year"].isna().all():
        # A table without years holds one year's figures: the year the user names.
        assumed = base_year or (chosen.year if chosen.key == CURRENT else None)
        if not assumed:
            raise InputError("the table has no year field; give the base year of its figures",
                             layer=layer)
        table["year"] = float(assumed)
    years = sorted(int(year) for year in table["year"].dropna().unique())
    if chosen.key == CURRENT and chosen.year:
        base_year = chosen.year  # the current picture of a named year is that year's table
    base_year = int(base_year) if base_year else years[-1]
    if base_year not in years:
        raise InputError(f"the table has no figures for {base_year} (it has "
                         f"{', '.join(str(y) for y in years)})", layer=layer)
    base = _year_counts(table, base_year)
    known = set(codes)
    unknown_codes = {code: float(count) for code, count in base.items() if code not in known}
    base = base.reindex(codes)
    missing = [code for code in codes if pd.isna(base.get(code))]
    present = base.dropna()

    if chosen.total is None:
        counts = present.round().astype("int64")
        return ScenarioMigrants(chosen, base_year, base_year, TABLE, counts, missing, unknown_codes)

    target_year = int(chosen.year)
    notes: Dict[str, str] = {}
    use_trend = method == TREND or (method == AUTOMATIC and len(years) > 1)
    if use_trend and len(years) < 2:
        raise InputError("the trend method needs figures for at least two years; the table has "
                         f"only {years[0]}", layer=layer)
    if use_trend:
        weights, notes = _trend_projection(table, present, target_year)
        used = TREND
        if weights.sum() <= 0:
            weights, used = present.astype("float64"), SHARE
            notes = {code: "every trend projection is 0: divided by current share" for code in present.index}
    else:
        weights, used = present.astype("float64"), SHARE
    if weights.sum() <= 0:
        raise InputError(f"no municipality has labour migrants in {base_year}, so the scenario "
                         f"total cannot be divided", layer=layer)
    counts = pd.Series(largest_remainder(weights.values, chosen.total, list(weights.index)),
                       index=weights.index, dtype="int64")
    return ScenarioMigrants(chosen, target_year, base_year, used, counts, missing, unknown_codes, notes)


def _year_counts(table: pd.DataFrame, year: int) -> pd.Series:
    rows = table[table["year"] == year]
    return pd.Series(rows["count"].values, index=rows["code"].values, dtype="float64")


def _trend_projection(table: pd.DataFrame, present: pd.Series, target_year: int):
    """Each municipality's least-squares line through its years, extended to the target
    year and floored at 0; municipalities with one year grow at the province's rate."""
    wanted = set(present.index)
    rows = table[np.array([code in wanted for code in table["code"]], dtype=bool)
                 & table["count"].notna().values]
    projection = pd.Series(np.nan, index=present.index, dtype="float64")
    for code, group in rows.groupby("code"):
        years = group["year"].values.astype("float64")
        counts = group["count"].values.astype("float64")
        if len(np.unique(years)) < 2:
            continue
        slope, intercept = np.polyfit(years, counts, 1)
        projection[code] = max(0.0, intercept + slope * target_year)
    notes = {}
    single = projection.isna()
    if single.any():
        with_trend = ~single
        base_sum = present[with_trend].sum()
        factor = projection[with_trend].sum() / base_sum if base_sum > 0 else 1.0
        projection[single] = present[single] * factor
        for code in projection.index[single]:
            notes[code] = "only one year in the table: grows at the province's projected rate"
    return projection, notes


def largest_remainder(weights, total: int, tie_break: Optional[List] = None) -> np.ndarray:
    """Whole numbers proportional to ``weights`` that add up exactly to ``total``.

    Each gets the whole part of its exact share; what is left goes one by one to the
    largest fractional parts, ties to the earliest in ``tie_break`` order (default: position).
    """
    weights = np.asarray(weights, dtype="float64")
    total = int(total)
    if len(weights) == 0:
        if total:
            raise InputError("nothing to divide the total over")
        return np.zeros(0, dtype="int64")
    if (weights < 0).any() or not np.isfinite(weights).all():
        raise InputError("weights must be finite and not negative")
    weight_sum = weights.sum()
    if weight_sum <= 0:
        raise InputError("weights add up to 0")
    exact = weights * (total / weight_sum)
    whole = np.floor(exact).astype("int64")
    left = total - int(whole.sum())
    if left:
        order_key = np.arange(len(weights)) if tie_break is None else \
            np.argsort(np.argsort(np.asarray([str(t) for t in tie_break], dtype=object)))
        fraction = exact - whole
        ranking = np.lexsort((order_key, -fraction))
        whole[ranking[:min(left, len(whole))]] += 1
    return whole
