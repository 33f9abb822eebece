"""Attribute checks shared by every analysis: ids that repeat, numbers that are not.

Each check returns one remark per row ("" when the row is fine) so that an analysis
can flag the row in its ``remarks`` output and carry on, or raises ``InputError``
naming the layer, the feature and the field when nothing sensible can be computed.
"""
import logging
import math
from typing import List, Optional, Tuple

import numpy as np
import pandas as pd

from .errors import InputError
from .number_notation import (NotationProblem, column_notation, is_missing, numbers_and_unreadable,
                              parse)
from .rules import load_rules

LOGGER = logging.getLogger(__name__)
PLAUSIBLE_VALUES = "plausible_values.json"



def duplicate_remarks(values, what: str = "id") -> List[str]:
    """'id X is also used by row(s) ...' for every row whose value occurs more than once.

    Empty values (None, NaN, "") are not ids and never count as duplicates.
    """
    series = pd.Series(list(values), dtype=object)
    present = series.map(lambda value: not is_missing(value))
    keys = series.where(present).map(lambda value: None if value is None else str(value))
    counts = keys[present].value_counts()
    repeated = set(counts[counts > 1].index)
    remarks = [""] * len(series)
    if not repeated:
        return remarks
    for position, key in enumerate(keys):
        if present.iloc[position] and key in repeated:
            remarks[position] = f"{what} '{key}' occurs {counts[key]} times"
    return remarks


def require_unique(frame: pd.DataFrame, field: str, layer: str) -> None:
    """Refuses a layer whose ``field`` repeats a value (for keys that must be unique)."""
    remarks = duplicate_remarks(frame[field].values)
    flagged = [fid for fid, remark in zip(frame.index, remarks) if remark]
    if flagged:
        value = frame.loc[flagged[0], field]
        raise InputError(f"the value '{value}' occurs more than once (features "
                         f"{', '.join(str(f) for f in flagged[:5])}{'…' if len(flagged) > 5 else ''});"
                         " each must be unique", layer=layer, feature=flagged[0], field=field)


def require_fields(frame: pd.DataFrame, fields, layer: str) -> None:
    """Refuses a layer that lacks one of ``fields`` (None entries are skipped)."""
    for field in fields:
        if field and field not in frame.columns:
            raise InputError("field not found", layer=layer, field=field)


def numbers(frame: pd.DataFrame, field: str, layer: str, minimum: Optional[float] = None,
            maximum: Optional[float] = None, integer: bool = False) -> Tuple[np.ndarray, List[str]]:
    """A field as floats, with a remark per row that is not a usable number.

    Text that is a number in the column's notation ("12", "12,5", "1.200", " 1 200 ":
    see ``number_notation``) is read as one; other text, values below ``minimum`` or
    above ``maximum``, and non-integers where ``integer`` is asked become NaN with a
    remark naming the field and the value. A missing value (NULL) becomes NaN without a
    remark: whether that is a problem is the analysis's call. A column whose notation
    cannot be decided is refused.
    """
    if field not in frame.columns:
        raise InputError("field not found", layer=layer, field=field)
    read, unreadable = numbers_and_unreadable(frame[field], layer, field, count=integer,
                                              features=frame.index)
    unreadable = set(unreadable)
    values = np.full(len(frame), np.nan)
    remarks = [""] * len(frame)
    for position, raw in enumerate(frame[field].values):
        number = read[position]
        if position in unreadable:
            remarks[position] = f"{field} '{raw}' is not a number"
            continue
        if math.isnan(number):
            continue
        if minimum is not None and number < minimum:
            remarks[position] = f"{field} {_show(number)} is below {_show(minimum)}"
            continue
        if maximum is not None and number > maximum:
            remarks[position] = f"{field} {_show(number)} is above the plausible maximum {_show(maximum)}"
            continue
        if integer and number != math.floor(number):
            remarks[position] = f"{field} {_show(number)} is not a whole number"
            continue
        values[position] = number
    flagged = sum(1 for remark in remarks if remark)
    if flagged:
        first = next(i for i, remark in enumerate(remarks) if remark)
        LOGGER.warning("layer '%s', field '%s': %d value(s) not usable, e.g. feature %s: %s",
                       layer, field, flagged, frame.index[first], remarks[first])
    return values, remarks


def require_numeric_columns(frame: pd.DataFrame, columns, layer: str) -> pd.DataFrame:
    """Turns ``columns`` of ``frame`` into floats in place (text such as "12,5" read as a
    number); refuses the first value that is no number, naming feature and field."""
    for column in columns:
        if column not in frame.columns:
            continue
        values, remarks = numbers(frame, column, layer)
        for feature, remark in zip(frame.index, remarks):
            if remark:
                raise InputError(remark, layer=layer, feature=feature, field=column)
        frame[column] = values
    return frame


def plausible_range(quantity: str) -> Tuple[float, float]:
    """(minimum, maximum) of a quantity ("beds", "inhabitants", ...) from the rules file."""
    quantities = load_rules(PLAUSIBLE_VALUES)["quantities"]
    if quantity not in quantities:
        raise KeyError(f"no plausible range for '{quantity}' in {PLAUSIBLE_VALUES}")
    bounds = quantities[quantity]
    return float(bounds["minimum"]), float(bounds["maximum"])


def implausible_remark(value, quantity: str, field: str) -> str:
    """'' for a plausible (or missing) number, else why it is not plausible."""
    if is_missing(value):
        return ""
    number = _as_number(value)
    if number is None:
        return f"{field} '{value}' is not a number"
    low, high = plausible_range(quantity)
    if number < low:
        return f"{field} {_show(number)} is below {_show(low)}"
    if number > high:
        return f"{field} {_show(number)} is implausible (more than {_show(high)}); check the value"
    return ""


def require_plausible(values, index, quantity: str, layer: str, field: str) -> None:
    """Refuses the first value outside the plausible range, naming feature and field."""
    for feature, value in zip(index, values):
        remark = implausible_remark(value, quantity, field)
        if remark:
            raise InputError(remark, layer=layer, feature=feature, field=field)


def join_remarks(*columns) -> List[str]:
    """Row-wise '; '-joined remarks of several per-row remark lists."""
    return ["; ".join(part for part in parts if part) for parts in zip(*columns)]


def _as_number(raw) -> Optional[float]:
    """One loose value as a number, in the notation its own shape says (a value that
    could be read two ways, such as '1.901', is no number here)."""
    if isinstance(raw, (bool, np.bool_)):
        return None
    if isinstance(raw, (int, float, np.integer, np.floating)):
        number = float(raw)
        return number if math.isfinite(number) else None
    try:
        return parse(str(raw), column_notation([str(raw)]))
    except NotationProblem:
        return None


def _show(number: float) -> str:
    return f"{number:,.0f}" if number == math.floor(number) and abs(number) < 1e15 else f"{number:g}"
