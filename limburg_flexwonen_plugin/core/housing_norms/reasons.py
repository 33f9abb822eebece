"""Why a plan does not pass a rule, and which values could not be used: readable
texts in English and Dutch."""
import math
from typing import Tuple

import numpy as np

from ..norm_sets import QUANTITIES, NormRule
from ..values import (IMPLAUSIBLE, MISSING, NEGATIVE, NOT_FINITE, NOT_POSITIVE, NOT_WHOLE, TEXT,
                      shown)
from .plan_inputs import PER_ROOM

INPUT_LABELS = {
    "beds": ("number of beds", "aantal bedden"),
    "bedrooms": ("number of bedrooms", "aantal slaapkamers"),
    "living_area_m2": ("living area", "woonoppervlak"),
    "bedroom_area_m2": ("bedroom area", "slaapkameroppervlak"),
    "toilets": ("number of toilets", "aantal toiletten"),
    "showers": ("number of showers", "aantal douches"),
}
HOUSING_TYPE_LABELS = {"lodging": ("lodging", "logies"),
                       "dwelling": ("a regular dwelling", "een reguliere woning")}

_ISSUE_TEXT = {
    TEXT: ("is not a number", "is geen getal"),
    NOT_FINITE: ("is not a number", "is geen getal"),
    NEGATIVE: ("is negative", "is negatief"),
    IMPLAUSIBLE: ("is implausibly large; check the value", "is onwaarschijnlijk groot; controleer de waarde"),
    NOT_WHOLE: ("is not a whole number", "is geen geheel getal"),
    NOT_POSITIVE: ("must be at least 1", "moet minstens 1 zijn"),
    PER_ROOM: ("does not match the number of bedrooms", "past niet bij het aantal slaapkamers"),
}


def _number(value: float, dutch: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if dutch else text


def beds_reason(code: str, value) -> Tuple[str, str]:
    if code == MISSING:
        return ("all rules: unknown, no number of beds given",
                "alle regels: onbekend, geen aantal bedden opgegeven")
    text_en, text_nl = _ISSUE_TEXT[code]
    return (f"all rules: unknown, the number of beds {text_en} ('{shown(value)}')",
            f"alle regels: onbekend, het aantal bedden {text_nl} ('{shown(value)}')")


def reason(rule: NormRule, unknown: bool, row: int, inputs, issues, raw, housing_type,
            room_areas, cap_sure: float, cap_possible: float) -> Tuple[str, str]:
    spec = QUANTITIES[rule.quantity]
    beds = inputs["beds"][row]
    key = spec.plan_input
    prefix = rule.id
    if unknown:
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


def data_issues(columns, issues, raw, type_issue, count) -> np.ndarray:
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
