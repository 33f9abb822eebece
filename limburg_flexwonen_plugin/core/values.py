"""Reading numbers and dates from attribute columns that may hold anything.

Attribute tables are typed by whoever made them: a "numeric" field may be a text
field holding "ca. 20" or "1.901" (Dutch for 1901), a date may arrive as "31-10-2024". These helpers turn a
column into numbers (or dates) and say, per row, what was wrong instead of failing.
"""
import datetime
import re
from typing import Optional, Tuple

import numpy as np
import pandas as pd

from .number_notation import is_missing, numbers_and_unreadable

# Issue codes per value; "" means the value was fine.
MISSING = "missing"
TEXT = "text"
NOT_FINITE = "not_finite"
NEGATIVE = "negative"
NOT_WHOLE = "not_whole"
NOT_POSITIVE = "not_positive"
NOT_A_DATE = "not_a_date"
IMPLAUSIBLE = "implausible"

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$")


def to_numbers(values, layer: Optional[str] = None, field: Optional[str] = None,
               whole: bool = False) -> Tuple[np.ndarray, np.ndarray]:
    """Floats (NaN where unusable) and one issue code per value.

    Numbers, and text that reads as a number in the notation the column is written in
    ("12", "12.5", "1.901,5": see ``number_notation``), are accepted; other text
    ("ca. 20", "nan") is an issue, as are infinite values. Empty text counts as missing.
    A column whose notation cannot be decided is refused (InputError naming ``layer``
    and ``field``); ``whole``: the column holds counts, which decides "1.901" as 1901.
    """
    series = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values
    count = len(series)
    issues = np.full(count, "", dtype=object)
    if count == 0:
        return np.full(count, np.nan), issues
    numeric_dtype = (pd.api.types.is_numeric_dtype(series.dtype)
                     and not pd.api.types.is_bool_dtype(series.dtype))
    if numeric_dtype or pd.api.types.infer_dtype(series, skipna=True) in (
            "integer", "floating", "mixed-integer-float", "empty"):
        # Numbers (and gaps) only: convert in one go.
        numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        issues[np.isnan(numbers)] = MISSING
    else:
        numbers, unreadable = numbers_and_unreadable(series, layer, field, whole, features=series.index)
        raw = series.to_numpy(dtype=object)
        issues[[row for row in range(count) if is_missing(raw[row])]] = MISSING
        issues[unreadable] = TEXT
    not_finite = np.isinf(numbers) | np.array(
        [issue == TEXT and isinstance(value, (float, np.floating)) for issue, value in
         zip(issues, series.to_numpy(dtype=object))], dtype=bool)
    numbers[not_finite] = np.nan
    issues[not_finite] = NOT_FINITE
    return numbers, issues


def check_count(numbers: np.ndarray, issues: np.ndarray, positive: bool = False) -> None:
    """Marks (in place) counts that are negative, zero where they must be positive, or
    not whole; their numbers become NaN."""
    with np.errstate(invalid="ignore"):
        negative = numbers < 0
        not_positive = (numbers <= 0) & ~negative if positive else np.zeros(len(numbers), bool)
        not_whole = ~np.isnan(numbers) & (np.abs(numbers - np.round(numbers)) > 1e-9)
    for mask, code in ((negative, NEGATIVE), (not_positive, NOT_POSITIVE), (not_whole, NOT_WHOLE)):
        mask = mask & (issues == "")
        issues[mask] = code
        numbers[mask] = np.nan


def check_non_negative(numbers: np.ndarray, issues: np.ndarray) -> None:
    with np.errstate(invalid="ignore"):
        negative = (numbers < 0) & (issues == "")
    issues[negative] = NEGATIVE
    numbers[negative] = np.nan


def check_at_most(numbers: np.ndarray, issues: np.ndarray, maximum: float) -> None:
    """Marks (in place) values above a plausible maximum (a million beds is a typing
    error, not a plan); their numbers become NaN."""
    with np.errstate(invalid="ignore"):
        too_large = (numbers > maximum) & (issues == "")
    issues[too_large] = IMPLAUSIBLE
    numbers[too_large] = np.nan


def to_dates(values) -> Tuple[np.ndarray, np.ndarray]:
    """Dates as datetime64[D] (NaT where unusable) and one issue code per value.

    Accepted: date and datetime values (the time is dropped), ISO text
    ("2024-10-31", "2024-10-31T08:00") and day-first text as written in the
    Netherlands ("31-10-2024", "31/10/2024", "31.10.2024"). Anything else is an issue.
    """
    series = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values
    count = len(series)
    dates = np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
    issues = np.full(count, "", dtype=object)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        dates = series.to_numpy().astype("datetime64[D]")
        issues[np.isnat(dates)] = MISSING
        return dates, issues
    for position, value in enumerate(series.to_numpy(dtype=object)):
        if is_missing(value):
            issues[position] = MISSING
            continue
        day = _as_date(value)
        if day is None:
            issues[position] = NOT_A_DATE
        else:
            dates[position] = np.datetime64(day, "D")
    return dates, issues


def _as_date(value):
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else value.astype("datetime64[D]").item()
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _DAY_FIRST.match(value)
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def shown(value, limit: int = 40) -> str:
    """A value as it can be quoted in a message (shortened)."""
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
