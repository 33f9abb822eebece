"""The plan as the norm check reads it: which field holds which plan input, and the
inputs read into numbers (with a code for each value that cannot be used), the bedroom
areas (a total, or one area per bedroom) and the housing type."""
from typing import Dict, Mapping, Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..validation import plausible_range
from ..values import MISSING, TEXT, check_at_most, check_non_negative, is_missing, shown, to_numbers

PLAN_INPUTS = ("beds", "bedrooms", "living_area_m2", "bedroom_area_m2", "toilets",
               "showers", "housing_type")
# Field names in the demo data and the plugin's documented defaults.
DEFAULT_FIELDS = {"beds": "planned_beds", "bedrooms": "bedrooms",
                  "living_area_m2": "living_area_m2", "bedroom_area_m2": "bedroom_area_m2",
                  "toilets": "toilets", "showers": "showers", "housing_type": "housing_type"}
# Plan input -> the logical field of ``core.field_mapping`` that holds it (its usual
# names in a layer): what the Processing parameters, the panel and the report ask for.
PLAN_FIELD_KEYS = {"beds": "planned_beds", "bedrooms": "bedrooms", "living_area_m2": "living_area",
                   "bedroom_area_m2": "bedroom_area", "toilets": "toilets", "showers": "showers",
                   "housing_type": "housing_type"}
PLAN_KEY_ALIASES = {"planned_beds": "beds", "living_area": "living_area_m2",
                    "bedroom_areas": "bedroom_area_m2", "bedroom_area": "bedroom_area_m2"}
HOUSING_TYPE_WORDS = {
    "lodging": "lodging", "logies": "lodging", "logiesgebouw": "lodging",
    "dwelling": "dwelling", "regular dwelling": "dwelling", "woning": "dwelling",
    "reguliere woning": "dwelling", "wonen": "dwelling",
}
# The bounds (resources/rules/plausible_values.json) beyond which an input is a typing error.
PLAUSIBLE_QUANTITY = {"beds": "beds", "bedrooms": "bedrooms", "living_area_m2": "living_area_m2",
                      "toilets": "sanitary_units", "showers": "sanitary_units"}
# The code of bedroom areas listed per room that do not match the number of bedrooms.
PER_ROOM = "per_room"


def plan_field_map(columns, chosen: Optional[Mapping[str, Optional[str]]] = None,
                   planned_beds_field: Optional[str] = None) -> Optional[Dict[str, Optional[str]]]:
    """Plan input -> column of the plans, for ``evaluate_plans``; None when there is
    nothing to check (no column with the number of beds, e.g. a drawn site).

    An input given in ``chosen`` takes that field (None: not available), any other its
    documented default name; the beds fall back on ``planned_beds_field``. A field the
    plans lack counts as not given.
    """
    chosen = dict(chosen or {})
    mapping: Dict[str, Optional[str]] = {}
    for key in PLAN_INPUTS:
        name = chosen.get(key) if key in chosen else DEFAULT_FIELDS.get(key)
        if key == "beds" and not name:
            name = planned_beds_field
        mapping[key] = name if name and name in columns else None
    return mapping if mapping["beds"] else None


def resolve_columns(frame: pd.DataFrame, field_map, layer: str) -> Dict[str, Optional[str]]:
    if field_map is None:
        field_map = {key: key for key in PLAN_INPUTS if key in frame.columns}
    unknown = set(field_map) - set(PLAN_INPUTS)
    if unknown:
        raise InputError(f"unknown plan input(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(PLAN_INPUTS)}")
    columns = {}
    for key in PLAN_INPUTS:
        column = field_map.get(key)
        if column and column not in frame.columns:
            raise InputError("field not found", layer=layer, field=column)
        columns[key] = column or None
    return columns


def numbers_of(frame, column, count, layer, whole):
    if column is None:
        return (np.full(count, np.nan), np.full(count, MISSING, dtype=object),
                np.full(count, None, dtype=object))
    values, codes = to_numbers(frame[column], layer, column, whole)
    return values, codes, frame[column].to_numpy(dtype=object)


def bedroom_areas(frame, column, count, layer):
    """Per-room areas where a list (or text like "9; 9; 12") is given, and the total
    area (the sum of the rooms where listed)."""
    rooms = np.full(count, None, dtype=object)
    if column is None:
        return (rooms, np.full(count, np.nan), np.full(count, MISSING, dtype=object),
                np.full(count, None, dtype=object))
    original = frame[column].to_numpy(dtype=object)
    if pd.api.types.is_numeric_dtype(frame[column].dtype):
        listed = np.zeros(count, dtype=bool)
    else:
        listed = np.array([isinstance(v, (list, tuple, np.ndarray)) or
                           (isinstance(v, str) and ";" in v) for v in original], dtype=bool)
    plain = pd.Series(np.where(listed, None, original), dtype=object)
    if not listed.any():
        plain = frame[column]
    total, codes = to_numbers(plain, layer, column)
    check_non_negative(total, codes)
    check_at_most(total, codes, plausible_range("living_area_m2")[1])
    for row in np.flatnonzero(listed):
        value = original[row]
        parts = value.split(";") if isinstance(value, str) else list(value)
        parts = [part for part in parts if not is_missing(part)]
        areas, part_codes = to_numbers(pd.Series(parts, dtype=object))
        if len(parts) == 0 or (part_codes != "").any() or (areas < 0).any():
            codes[row] = TEXT
            continue
        rooms[row] = areas
        total[row] = float(areas.sum())
        codes[row] = ""
    return rooms, total, codes, original


def reconcile_bedrooms(room_areas, total_area, area_codes, inputs, issues):
    """Areas listed per room also give the number of bedrooms when it is missing; when
    both are given and disagree, the bedroom areas cannot be used."""
    bedrooms = inputs["bedrooms"]
    for row in np.flatnonzero([areas is not None for areas in room_areas]):
        rooms = len(room_areas[row])
        if issues["bedrooms"][row] == MISSING:
            bedrooms[row] = rooms
            issues["bedrooms"][row] = ""
        elif not np.isnan(bedrooms[row]) and int(bedrooms[row]) != rooms:
            room_areas[row] = None
            total_area[row] = np.nan
            area_codes[row] = PER_ROOM


def housing_types(frame, column, count, default):
    types = np.full(count, default, dtype=object)
    issue = np.full(count, None, dtype=object)
    if column is None:
        return types, issue
    for row, value in enumerate(frame[column].to_numpy(dtype=object)):
        if is_missing(value):
            continue
        word = " ".join(str(value).strip().lower().split())
        if word in HOUSING_TYPE_WORDS:
            types[row] = HOUSING_TYPE_WORDS[word]
        else:
            types[row] = None
            issue[row] = (f"field '{column}': housing type '{shown(value)}' is not recognised "
                          "(use lodging/logies or dwelling/woning)")
    return types, issue
