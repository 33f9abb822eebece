"""Numbers as people write them: Dutch (1.901 / 1.901,5) or English (1,901 / 1,901.5).

A spreadsheet saved as CSV in a Dutch locale writes one thousand nine hundred and one as
"1.901"; read with a decimal point that is 1.901 labour migrants, a silent error of a
factor 1000. So the notation is decided per column, from the values themselves:

- Values that can only be read one way decide it: "1.234.567" or "12,5" are Dutch,
  "1,234,567" or "12.5" English. A column holding both kinds is refused.
- "1.901" and "82,895" (one separator, then three digits) can be read both ways. In a
  column of counts (people, beds, rooms) only one reading is a whole number, so that one
  holds; in any other column the value is refused, naming it, rather than guessed.
- A count that is not a whole number is a data issue, never a value. When every such
  value turns whole times 1000 the message says that a Dutch thousands separator was
  probably read as a decimal point (QGIS's Delimited Text typed the column as decimal).
"""
import math
import re
from typing import List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .errors import InputError

DUTCH = "nl"
ENGLISH = "en"

# A value's shape, with what it tells about the notation.
_PLAIN = re.compile(r"[+-]?\d+")
_DUTCH_ONLY = (re.compile(r"[+-]?\d{1,3}(\.\d{3}){2,}"),          # 1.234.567
               re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d+"),          # 1.234,5
               re.compile(r"[+-]?(\d*,\d+)"))                      # 12,5 (not 1,234: see below)
_ENGLISH_ONLY = (re.compile(r"[+-]?\d{1,3}(,\d{3}){2,}"),          # 1,234,567
                 re.compile(r"[+-]?\d{1,3}(,\d{3})+\.\d+"),        # 1,234.5
                 re.compile(r"[+-]?(\d*\.\d+|\d+\.)([eE][+-]?\d+)?"),  # 12.5, 1.5e3
                 re.compile(r"[+-]?\d+[eE][+-]?\d+"))              # 15e2
_AMBIGUOUS_DOT = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")          # 1.901: 1901 or 1.901
_AMBIGUOUS_COMMA = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")         # 82,895: 82895 or 82.895
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")            # 1 901, 1'901

# Kinds of text value.
PLAIN, DUTCH_ONLY, ENGLISH_ONLY, AMBIGUOUS_DOT, AMBIGUOUS_COMMA, UNREADABLE = range(6)


def shape_of(text: str) -> int:
    """What a text value says about the notation it is written in."""
    compact = text.strip().translate(_SPACES)
    if _PLAIN.fullmatch(compact):
        return PLAIN
    if _AMBIGUOUS_DOT.fullmatch(compact):
        return AMBIGUOUS_DOT
    if _AMBIGUOUS_COMMA.fullmatch(compact):
        return AMBIGUOUS_COMMA
    if any(pattern.fullmatch(compact) for pattern in _DUTCH_ONLY):
        return DUTCH_ONLY
    if any(pattern.fullmatch(compact) for pattern in _ENGLISH_ONLY):
        return ENGLISH_ONLY
    return UNREADABLE


def parse(text: str, notation: str) -> Optional[float]:
    """A text number read in the given notation; None when it is no number in it."""
    compact = text.strip().translate(_SPACES)
    if notation == DUTCH:
        if not re.fullmatch(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?|[+-]?,\d+", compact):
            return None
        compact = compact.replace(".", "").replace(",", ".")
    else:
        if not re.fullmatch(r"[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?", compact):
            return None
        compact = compact.replace(",", "")
    number = float(compact)
    return number if math.isfinite(number) else None


class NotationProblem(ValueError):
    """The column's numbers cannot be read without a guess; ``rows`` are positions of
    example values."""

    def __init__(self, message: str, rows: Sequence[int]):
        super().__init__(message)
        self.rows = list(rows)


def column_notation(texts: Sequence[Optional[str]], count: bool = False) -> str:
    """The notation the text values of one column are written in (DUTCH or ENGLISH).

    ``texts`` holds the column's text values (None for values that are no text).
    Raises NotationProblem when the values contradict each other or could mean two
    different numbers.
    """
    shapes = [None if text is None else shape_of(text) for text in texts]

    def first(kind):
        return next((row for row, shape in enumerate(shapes) if shape == kind), None)

    dutch, english = first(DUTCH_ONLY), first(ENGLISH_ONLY)
    dot, comma = first(AMBIGUOUS_DOT), first(AMBIGUOUS_COMMA)
    if dutch is not None and english is not None:
        raise NotationProblem(
            f"numbers written in two notations: '{texts[dutch]}' (Dutch, decimal comma) and "
            f"'{texts[english]}' (decimal point); write the column in one notation",
            [dutch, english])
    if dutch is not None:
        return DUTCH
    if english is not None:
        return ENGLISH
    if dot is not None and comma is not None:
        raise NotationProblem(
            f"'{texts[dot]}' and '{texts[comma]}' use different separators; write the column "
            f"in one notation (Dutch: 1.901 and 1.901,5)", [dot, comma])
    if dot is None and comma is None:
        return DUTCH  # plain whole numbers only: both notations read them alike
    if count:
        # Only the thousands reading gives a whole count.
        return DUTCH if dot is not None else ENGLISH
    row = dot if dot is not None else comma
    whole, fraction = re.split(r"[.,]", texts[row].strip().translate(_SPACES))
    raise NotationProblem(
        f"'{texts[row]}' can be read as {whole}{fraction} (thousands separator) or as "
        f"{whole}.{fraction} (decimal separator) and nothing in the column says which; write "
        f"the numbers without thousands separators, or with one decimal (Dutch: 1.901,0)", [row])


def read_numbers(values, layer: str, field: str, count: bool = False,
                 features: Optional[Sequence] = None) -> np.ndarray:
    """A column as floats (NaN where empty), read in the notation its values are
    written in; stops, naming layer, field and the rows, when it cannot be read.

    ``count``: people, beds or rooms, which must be whole numbers. ``features`` names
    the rows in messages (the frame's index); positions are used without it.
    """
    numbers, unreadable = numbers_and_unreadable(values, layer, field, count, features)
    names = list(features) if features is not None else list(range(len(numbers)))
    if unreadable:
        raw = list(values)
        shown = ", ".join(f"feature {names[row]} '{raw[row]}'" for row in unreadable[:5])
        more = f" and {len(unreadable) - 5} more" if len(unreadable) > 5 else ""
        raise InputError(f"{len(unreadable)} value(s) are not numbers: {shown}{more}",
                         layer=layer, field=field)
    if count:
        not_whole = np.flatnonzero(~np.isnan(numbers) & (np.abs(numbers - np.round(numbers)) > 1e-9))
        if len(not_whole):
            shown = ", ".join(f"feature {names[row]} {numbers[row]:g}" for row in not_whole[:5])
            more = f" and {len(not_whole) - 5} more" if len(not_whole) > 5 else ""
            hint = (" (these look like Dutch thousands separators read as a decimal point: "
                    "1.901 for 1901; load the file so that the column is text, e.g. add the "
                    "CSV as a vector layer instead of as Delimited Text with a decimal point)"
                    if _read_thousands_as_decimals(numbers[not_whole]) else "")
            raise InputError(f"{len(not_whole)} count(s) are not whole numbers: {shown}{more}{hint}",
                             layer=layer, field=field)
    return numbers


def _read_thousands_as_decimals(numbers: np.ndarray) -> bool:
    """Whether these are what 1.901 (1901) becomes read with a decimal point: at most
    three decimals each, and three for at least one (1.9 may have been 1.900)."""
    def whole(values):
        return np.abs(values - np.round(values)) < 1e-6
    return bool(whole(numbers * 1000).all() and (~whole(numbers * 100)).any())


def numbers_and_unreadable(values, layer: str, field: str, count: bool = False,
                           features: Optional[Sequence] = None) -> Tuple[np.ndarray, List[int]]:
    """Floats (NaN where empty or unreadable) and the positions of unreadable values.
    Raises InputError when the column's notation cannot be decided."""
    raw = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else \
        np.asarray(list(values), dtype=object)
    numbers = np.full(len(raw), np.nan)
    texts: List[Optional[str]] = [None] * len(raw)
    unreadable: List[int] = []
    for row, value in enumerate(raw):
        if is_missing(value):
            continue
        if isinstance(value, (bool, np.bool_)):
            unreadable.append(row)
        elif isinstance(value, (int, float, np.integer, np.floating)):
            number = float(value)
            if math.isfinite(number):
                numbers[row] = number
            else:
                unreadable.append(row)
        else:
            texts[row] = str(value)
    if any(text is not None for text in texts):
        try:
            notation = column_notation(texts, count)
        except NotationProblem as problem:
            names = list(features) if features is not None else list(range(len(raw)))
            raise InputError(str(problem), layer=layer, feature=names[problem.rows[0]],
                             field=field) from None
        for row, text in enumerate(texts):
            if text is None:
                continue
            number = parse(text, notation)
            if number is None:
                unreadable.append(row)
            else:
                numbers[row] = number
    return numbers, sorted(unreadable)


def is_missing(value) -> bool:
    """None, NULL, NaN or blank text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()
