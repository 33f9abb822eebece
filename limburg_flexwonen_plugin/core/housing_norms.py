"""Check housing plans against a norm set plus the Limburg provincial floor.

A plan has a number of beds, bedrooms, living area (m²), optionally the bedroom
areas (a total in m², or one area per bedroom), toilets, showers and optionally a
housing type (lodging or a regular dwelling, for SNF's two living-area minimums).

For every rule of the provincial floor and of the chosen set (see ``norm_sets``):

* **capacity**: the largest number of beds the plan's own numbers allow under the
  rule (living area 600 m² at ≥ 15 m² per person: 40 beds; 30 bedrooms at ≤ 1 person
  per bedroom: 30 beds). A value exactly at the threshold meets it.
* **status**: ``pass`` when the planned beds are within the capacity, ``fail`` when
  they are not, ``unknown`` when a number the rule needs is missing or unusable
  (text, negative, not whole). Missing data is never a pass.

The plan's verdict is ``fail`` when any rule fails, else ``unknown`` when any rule is
unknown, else ``pass``. The maximum compliant beds is the smallest capacity over the
rules whose data are known (``norms_max_beds_complete`` says whether that was every
rule); the binding rule is the rule with that smallest capacity (ties: the first in
order, the provincial floor's rules before the chosen set's).

Everything is vectorised over the rows; only the readable reasons of rows that do
not pass are built one by one.
"""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .errors import InputError
from .norm_sets import (DEFAULT_SET, HOUSING_TYPES, QUANTITIES, NormRule, NormSet,
                        available_norm_sets, combined_rules, describe_sets, load_norm_set,
                        with_floor)
from .progress import SILENT, Progress
from .validation import plausible_range
from .values import (IMPLAUSIBLE, MISSING, NEGATIVE, NOT_FINITE, NOT_POSITIVE, NOT_WHOLE, TEXT,
                     check_at_most, check_count, check_non_negative, is_missing, shown, to_numbers)

__all__ = ["PASS", "FAIL", "UNKNOWN", "PLAN_INPUTS", "DEFAULT_FIELDS", "PLAN_FIELD_KEYS", "PlanVerdict",
           "evaluate_plan", "evaluate_plans", "plan_field_map", "load_norm_set", "available_norm_sets",
           "rule_field", "result_columns"]

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
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
INPUT_LABELS = {
    "beds": ("number of beds", "aantal bedden"),
    "bedrooms": ("number of bedrooms", "aantal slaapkamers"),
    "living_area_m2": ("living area", "woonoppervlak"),
    "bedroom_area_m2": ("bedroom area", "slaapkameroppervlak"),
    "toilets": ("number of toilets", "aantal toiletten"),
    "showers": ("number of showers", "aantal douches"),
}
HOUSING_TYPE_WORDS = {
    "lodging": "lodging", "logies": "lodging", "logiesgebouw": "lodging",
    "dwelling": "dwelling", "regular dwelling": "dwelling", "woning": "dwelling",
    "reguliere woning": "dwelling", "wonen": "dwelling",
}
HOUSING_TYPE_LABELS = {"lodging": ("lodging", "logies"),
                       "dwelling": ("a regular dwelling", "een reguliere woning")}
# Capacities are floor(value / threshold); the slack keeps 52.5 m² / 3.5 m² = 15 beds
# although the division gives 14.999999999999998.
SLACK = 1e-9
# The bounds (resources/rules/plausible_values.json) beyond which an input is a typing error.
PLAUSIBLE_QUANTITY = {"beds": "beds", "bedrooms": "bedrooms", "living_area_m2": "living_area_m2",
                      "toilets": "sanitary_units", "showers": "sanitary_units"}
PER_ROOM = "per_room"

_ISSUE_TEXT = {
    TEXT: ("is not a number", "is geen getal"),
    NOT_FINITE: ("is not a number", "is geen getal"),
    NEGATIVE: ("is negative", "is negatief"),
    IMPLAUSIBLE: ("is implausibly large; check the value", "is onwaarschijnlijk groot; controleer de waarde"),
    NOT_WHOLE: ("is not a whole number", "is geen geheel getal"),
    NOT_POSITIVE: ("must be at least 1", "moet minstens 1 zijn"),
    PER_ROOM: ("does not match the number of bedrooms", "past niet bij het aantal slaapkamers"),
}


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


def rule_field(rule_id: str) -> str:
    """The output field holding a rule's status."""
    return f"norm_{rule_id}"


def result_columns(rules: Sequence[NormRule]) -> List[Tuple[str, str]]:
    """(name, kind) of every column ``evaluate_plans`` returns, in order."""
    return ([("norms_verdict", "string"), ("norms_binding_rule", "string"),
             ("norms_max_beds", "int"), ("norms_max_beds_complete", "bool")]
            + [(rule_field(rule.id), "string") for rule in rules]
            + [("norms_reasons_en", "string"), ("norms_reasons_nl", "string"),
               ("norms_data_issues", "string"), ("norms_housing_type", "string"),
               ("norms_set", "string")])


@dataclass
class PlanVerdict:
    """The norm check of one plan."""
    verdict: str
    rules: Dict[str, str]
    binding_rule: Optional[str]
    max_compliant_beds: Optional[int]
    max_beds_complete: bool
    reasons_en: List[str] = field(default_factory=list)
    reasons_nl: List[str] = field(default_factory=list)
    data_issues: List[str] = field(default_factory=list)
    housing_type: Optional[str] = None
    norm_sets: str = ""


def evaluate_plan(plan: Mapping[str, object], norm_set: Union[str, Path, NormSet] = DEFAULT_SET,
                  *, user_folder: Optional[Path] = None, floor: Optional[NormSet] = None,
                  default_housing_type: Optional[str] = None) -> PlanVerdict:
    """Checks one plan, given as a dict with keys from ``PLAN_INPUTS`` (missing keys are
    missing data). ``bedroom_area_m2`` is a total or a list with one area per bedroom."""
    row = {}
    for key, value in plan.items():
        canonical = PLAN_KEY_ALIASES.get(key, key)
        if canonical not in PLAN_INPUTS:
            raise InputError(f"the plan has an unknown item '{key}'; known: {', '.join(PLAN_INPUTS)}")
        row[canonical] = value
    frame = pd.DataFrame({key: pd.Series([value], dtype=object) for key, value in row.items()})
    result = evaluate_plans(frame, norm_set, {key: key if key in row else None for key in PLAN_INPUTS},
                            user_folder=user_folder, floor=floor,
                            default_housing_type=default_housing_type, layer="plan")
    first = result.iloc[0]
    statuses = {name[len("norm_"):]: first[name] for name in result.columns
                if name.startswith("norm_")}
    max_beds = first["norms_max_beds"]
    return PlanVerdict(
        verdict=first["norms_verdict"], rules=statuses,
        binding_rule=first["norms_binding_rule"],
        max_compliant_beds=None if pd.isna(max_beds) else int(max_beds),
        max_beds_complete=bool(first["norms_max_beds_complete"]),
        reasons_en=_split(first["norms_reasons_en"]), reasons_nl=_split(first["norms_reasons_nl"]),
        data_issues=_split(first["norms_data_issues"]), housing_type=first["norms_housing_type"],
        norm_sets=first["norms_set"])


def evaluate_plans(frame: pd.DataFrame, norm_set: Union[str, Path, NormSet] = DEFAULT_SET,
                   field_map: Optional[Mapping[str, Optional[str]]] = None, *,
                   user_folder: Optional[Path] = None, floor: Optional[NormSet] = None,
                   default_housing_type: Optional[str] = None, layer: str = "plans",
                   progress: Progress = SILENT) -> pd.DataFrame:
    """Checks every row of ``frame``; returns one row per input row (same index) with the
    columns of ``result_columns``.

    ``field_map`` maps each plan input (``PLAN_INPUTS``) to a column of ``frame`` or to
    None (not available: rules needing it are unknown). Without a map, columns named like
    the inputs are used. ``default_housing_type`` ("lodging" or "dwelling") applies where
    the housing type is not given.
    """
    chosen = load_norm_set(norm_set, user_folder)
    norm_sets = with_floor(chosen, floor, user_folder)
    rules = combined_rules(norm_sets)
    columns = _resolve_columns(frame, field_map, layer)
    if default_housing_type is not None and default_housing_type not in HOUSING_TYPES:
        raise InputError(f"unknown housing type '{default_housing_type}'; use one of "
                         f"{', '.join(HOUSING_TYPES)}")
    count = len(frame)
    progress.report(5)

    inputs: Dict[str, np.ndarray] = {}
    issues: Dict[str, np.ndarray] = {}
    raw: Dict[str, np.ndarray] = {}
    for key in ("beds", "bedrooms", "living_area_m2", "toilets", "showers"):
        values, codes, originals = _numbers_of(frame, columns.get(key), count, layer,
                                                whole=key != "living_area_m2")
        if key == "beds":
            check_count(values, codes, positive=True)
        elif key == "living_area_m2":
            check_non_negative(values, codes)
        else:
            check_count(values, codes)
        check_at_most(values, codes, plausible_range(PLAUSIBLE_QUANTITY[key])[1])
        inputs[key], issues[key], raw[key] = values, codes, originals
    room_areas, total_area, area_codes, area_raw = _bedroom_areas(
        frame, columns.get("bedroom_area_m2"), count, layer)
    _reconcile_bedrooms(room_areas, total_area, area_codes, inputs, issues)
    inputs["bedroom_area_m2"] = total_area
    issues["bedroom_area_m2"], raw["bedroom_area_m2"] = area_codes, area_raw
    housing_type, type_issue = _housing_types(frame, columns.get("housing_type"), count,
                                              default_housing_type)
    progress.check()
    progress.report(20)

    beds = inputs["beds"]
    beds_known = ~np.isnan(beds)
    caps_sure = np.full((count, len(rules)), np.nan)
    caps_possible = np.full((count, len(rules)), np.nan)
    per_bedroom = _persons_per_bedroom_limits(rules, housing_type)
    for position, rule in enumerate(rules):
        sure, possible = _capacities(rule, inputs, room_areas, housing_type, per_bedroom)
        caps_sure[:, position], caps_possible[:, position] = sure, possible
    known = ~np.isnan(caps_sure)
    with np.errstate(invalid="ignore"):
        passes = known & beds_known[:, None] & (beds[:, None] <= caps_sure)
        fails = known & beds_known[:, None] & (beds[:, None] > caps_possible)
    statuses = np.where(passes, PASS, np.where(fails, FAIL, UNKNOWN)).astype(object)
    progress.report(50)

    verdict = np.where(fails.any(axis=1), FAIL,
                       np.where((statuses == UNKNOWN).any(axis=1), UNKNOWN, PASS)).astype(object)
    if not rules:
        verdict[:] = UNKNOWN
    bounded = np.where(known, caps_sure, np.inf)
    lowest = bounded.min(axis=1) if len(rules) else np.full(count, np.inf)
    binding_index = bounded.argmin(axis=1) if len(rules) else np.zeros(count, int)
    has_limit = np.isfinite(lowest)
    rule_ids = np.array([rule.id for rule in rules] or [None], dtype=object)
    binding = np.where(has_limit, rule_ids[binding_index], None)
    max_beds = pd.array(np.where(has_limit, lowest, 0).astype(np.int64), dtype="Int64")
    max_beds[~has_limit] = pd.NA

    result = pd.DataFrame(index=frame.index)
    result["norms_verdict"] = verdict
    result["norms_binding_rule"] = binding
    result["norms_max_beds"] = max_beds
    result["norms_max_beds_complete"] = known.all(axis=1) if len(rules) else False
    for position, rule in enumerate(rules):
        result[rule_field(rule.id)] = statuses[:, position]
    progress.check()
    progress.report(60)

    reasons_en = np.full(count, None, dtype=object)
    reasons_nl = np.full(count, None, dtype=object)
    for row in np.flatnonzero((statuses != PASS).any(axis=1)):
        if issues["beds"][row]:
            # Without a usable number of beds no rule can be checked: say so once.
            english, dutch = _beds_reason(issues["beds"][row], raw["beds"][row])
            reasons_en[row], reasons_nl[row] = english, dutch
            continue
        english, dutch = [], []
        for position, rule in enumerate(rules):
            if statuses[row, position] == PASS:
                continue
            en, nl = _reason(rule, statuses[row, position], row, inputs, issues, raw,
                             housing_type, room_areas, caps_sure[row, position],
                             caps_possible[row, position])
            english.append(en)
            dutch.append(nl)
        reasons_en[row] = "; ".join(english)
        reasons_nl[row] = "; ".join(dutch)
    result["norms_reasons_en"] = reasons_en
    result["norms_reasons_nl"] = reasons_nl
    result["norms_data_issues"] = _data_issues(columns, issues, raw, type_issue, count)
    result["norms_housing_type"] = housing_type
    result["norms_set"] = describe_sets(norm_sets)
    progress.report(100)
    return result


# ----------------------------------------------------------------------- reading inputs
def _resolve_columns(frame: pd.DataFrame, field_map, layer: str) -> Dict[str, Optional[str]]:
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


def _numbers_of(frame, column, count, layer, whole):
    if column is None:
        return (np.full(count, np.nan), np.full(count, MISSING, dtype=object),
                np.full(count, None, dtype=object))
    values, codes = to_numbers(frame[column], layer, column, whole)
    return values, codes, frame[column].to_numpy(dtype=object)


def _bedroom_areas(frame, column, count, layer):
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


def _reconcile_bedrooms(room_areas, total_area, area_codes, inputs, issues):
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


def _housing_types(frame, column, count, default):
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


# ------------------------------------------------------------------------- capacities
def _thresholds(rule: NormRule, housing_type: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    strict = np.empty(len(housing_type))
    lenient = np.empty(len(housing_type))
    missing = pd.isna(housing_type)
    for kind in (None,) + HOUSING_TYPES:
        rows = missing if kind is None else (housing_type == kind)
        if rows.any():
            strict[rows], lenient[rows] = rule.strict_and_lenient(kind)
    return strict, lenient


def _persons_per_bedroom_limits(rules, housing_type) -> Tuple[np.ndarray, np.ndarray]:
    """The strictest 'persons per bedroom' limit of the active rules, per row (inf when
    no rule limits it): a bedroom listed with its area holds no more persons than this."""
    strict = np.full(len(housing_type), np.inf)
    lenient = np.full(len(housing_type), np.inf)
    for rule in rules:
        if rule.quantity == "persons_per_bedroom":
            rule_strict, rule_lenient = _thresholds(rule, housing_type)
            strict = np.minimum(strict, np.floor(rule_strict + SLACK))
            lenient = np.minimum(lenient, np.floor(rule_lenient + SLACK))
    return strict, lenient


def _capacities(rule: NormRule, inputs, room_areas, housing_type, per_bedroom):
    value = inputs[rule.spec.plan_input]
    strict, lenient = _thresholds(rule, housing_type)
    with np.errstate(invalid="ignore", divide="ignore"):
        if rule.comparison == "at_least":
            sure = np.floor(value / strict + SLACK)
            possible = np.floor(value / lenient + SLACK)
        else:
            sure = np.floor(value * strict + SLACK)
            possible = np.floor(value * lenient + SLACK)
    if rule.quantity == "bedroom_area_per_person":
        # Listed rooms: each holds floor(area / threshold) persons, and no more than the
        # persons-per-bedroom limit, since beds cannot move between rooms.
        for row in np.flatnonzero([areas is not None for areas in room_areas]):
            areas = room_areas[row]
            sure[row] = np.minimum(np.floor(areas / strict[row] + SLACK), per_bedroom[0][row]).sum()
            possible[row] = np.minimum(np.floor(areas / lenient[row] + SLACK), per_bedroom[1][row]).sum()
    return sure, possible


# ---------------------------------------------------------------------------- reasons
def _number(value: float, dutch: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if dutch else text


def _beds_reason(code: str, value) -> Tuple[str, str]:
    if code == MISSING:
        return ("all rules: unknown, no number of beds given",
                "alle regels: onbekend, geen aantal bedden opgegeven")
    text_en, text_nl = _ISSUE_TEXT[code]
    return (f"all rules: unknown, the number of beds {text_en} ('{shown(value)}')",
            f"alle regels: onbekend, het aantal bedden {text_nl} ('{shown(value)}')")


def _reason(rule: NormRule, status: str, row: int, inputs, issues, raw, housing_type,
            room_areas, cap_sure: float, cap_possible: float) -> Tuple[str, str]:
    spec = QUANTITIES[rule.quantity]
    beds = inputs["beds"][row]
    key = spec.plan_input
    prefix = rule.id
    if status == UNKNOWN:
        for name in (key,):
            code = issues[name][row]
            if code:
                label_en, label_nl = INPUT_LABELS[name]
                if code == MISSING:
                    return (f"{prefix}: unknown, no {label_en} given",
                            f"{prefix}: onbekend, geen {label_nl} opgegeven")
                text_en, text_nl = _ISSUE_TEXT[code]
                value = shown(raw[name][row])
                return (f"{prefix}: unknown, the {label_en} {text_en} ('{value}')",
                        f"{prefix}: onbekend, het {label_nl} {text_nl} ('{value}')")
        strict, lenient = rule.strict_and_lenient(housing_type[row])
        per_person = inputs[key][row] / beds if beds else float("nan")
        types = rule.thresholds()
        lenient_type = next(kind for kind, value in types.items() if value == lenient)
        strict_type = next(kind for kind, value in types.items() if value == strict)
        return (f"{prefix}: unknown, {_number(per_person, False)} {spec.unit} {spec.label_en} "
                f"meets the minimum for {HOUSING_TYPE_LABELS[lenient_type][0]} "
                f"({_number(lenient, False)} {spec.unit}) but not for "
                f"{HOUSING_TYPE_LABELS[strict_type][0]} ({_number(strict, False)} {spec.unit}), "
                "and the housing type is not known",
                f"{prefix}: onbekend, {_number(per_person, True)} {spec.unit} {spec.label_nl} "
                f"voldoet aan het minimum voor {HOUSING_TYPE_LABELS[lenient_type][1]} "
                f"({_number(lenient, True)} {spec.unit}) maar niet voor "
                f"{HOUSING_TYPE_LABELS[strict_type][1]} ({_number(strict, True)} {spec.unit}), "
                "en het woningtype is niet bekend")
    threshold = rule.strict_and_lenient(housing_type[row])[1]
    cap = int(cap_possible)
    beds_text = int(beds)
    if key == "bedroom_area_m2" and room_areas[row] is not None:
        return (f"{prefix}: the listed bedrooms hold {cap} persons at "
                f"{_number(threshold, False)} m² per person, fewer than {beds_text} beds",
                f"{prefix}: de opgegeven slaapkamers bieden plaats aan {cap} personen bij "
                f"{_number(threshold, True)} m² per persoon, minder dan {beds_text} bedden")
    value = inputs[key][row]
    if rule.comparison == "at_least":
        per_person = value / beds
        return (f"{prefix}: {_number(per_person, False)} {spec.unit} {spec.label_en} is below "
                f"the minimum of {_number(threshold, False)} {spec.unit} (at most {cap} beds)",
                f"{prefix}: {_number(per_person, True)} {spec.unit} {spec.label_nl} is minder "
                f"dan het minimum van {_number(threshold, True)} {spec.unit} "
                f"(hoogstens {cap} bedden)")
    label_en, label_nl = INPUT_LABELS[key]
    if value == 0:
        return (f"{prefix}: {label_en} is 0 for {beds_text} beds",
                f"{prefix}: {label_nl} is 0 voor {beds_text} bedden")
    ratio = beds / value
    return (f"{prefix}: {_number(ratio, False)} {spec.label_en} is above the maximum of "
            f"{_number(threshold, False)} (at most {cap} beds)",
            f"{prefix}: {_number(ratio, True)} {spec.label_nl} is meer dan het maximum van "
            f"{_number(threshold, True)} (hoogstens {cap} bedden)")


def _data_issues(columns, issues, raw, type_issue, count) -> np.ndarray:
    """Per row, the values that could not be used (text in a number field, ...)."""
    texts = np.full(count, None, dtype=object)
    flagged = np.zeros(count, dtype=bool)
    for codes in issues.values():
        flagged |= (codes != "") & (codes != MISSING)
    flagged |= np.array([text is not None for text in type_issue], dtype=bool)
    for row in np.flatnonzero(flagged):
        found = []
        for key, codes in issues.items():
            code = codes[row]
            if not code or code == MISSING:
                continue
            column = columns.get(key) or key
            found.append(f"field '{column}': '{shown(raw[key][row])}' {_ISSUE_TEXT[code][0]}")
        if type_issue[row]:
            found.append(type_issue[row])
        if found:
            texts[row] = "; ".join(found)
    return texts


def _split(text) -> List[str]:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return []
    return [part for part in str(text).split("; ") if part]
