"""The norm check itself: every plan against the provincial floor and the chosen set
(capacities, statuses, verdict, maximum beds, binding rule, reasons)."""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ..errors import InputError
from ..norm_sets import (DEFAULT_SET, HOUSING_TYPES, NormRule, NormSet, combined_rules,
                         describe_sets, load_norm_set, with_floor)
from ..progress import SILENT, Progress
from ..validation import plausible_range
from ..values import check_at_most, check_count, check_non_negative
from .capacities import capacities, persons_per_bedroom_limits
from .plan_inputs import (PLAN_INPUTS, PLAN_KEY_ALIASES, PLAUSIBLE_QUANTITY, bedroom_areas,
                          housing_types, numbers_of, reconcile_bedrooms, resolve_columns)
from .reasons import beds_reason, data_issues, reason

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"


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
    columns = resolve_columns(frame, field_map, layer)
    if default_housing_type is not None and default_housing_type not in HOUSING_TYPES:
        raise InputError(f"unknown housing type '{default_housing_type}'; use one of "
                         f"{', '.join(HOUSING_TYPES)}")
    count = len(frame)
    progress.report(5)

    inputs: Dict[str, np.ndarray] = {}
    issues: Dict[str, np.ndarray] = {}
    raw: Dict[str, np.ndarray] = {}
    for key in ("beds", "bedrooms", "living_area_m2", "toilets", "showers"):
        values, codes, originals = numbers_of(frame, columns.get(key), count, layer,
                                                whole=key != "living_area_m2")
        if key == "beds":
            check_count(values, codes, positive=True)
        elif key == "living_area_m2":
            check_non_negative(values, codes)
        else:
            check_count(values, codes)
        check_at_most(values, codes, plausible_range(PLAUSIBLE_QUANTITY[key])[1])
        inputs[key], issues[key], raw[key] = values, codes, originals
    room_areas, total_area, area_codes, area_raw = bedroom_areas(
        frame, columns.get("bedroom_area_m2"), count, layer)
    reconcile_bedrooms(room_areas, total_area, area_codes, inputs, issues)
    inputs["bedroom_area_m2"] = total_area
    issues["bedroom_area_m2"], raw["bedroom_area_m2"] = area_codes, area_raw
    housing_type, type_issue = housing_types(frame, columns.get("housing_type"), count,
                                              default_housing_type)
    progress.check()
    progress.report(20)

    beds = inputs["beds"]
    beds_known = ~np.isnan(beds)
    caps_sure = np.full((count, len(rules)), np.nan)
    caps_possible = np.full((count, len(rules)), np.nan)
    per_bedroom = persons_per_bedroom_limits(rules, housing_type)
    for position, rule in enumerate(rules):
        sure, possible = capacities(rule, inputs, room_areas, housing_type, per_bedroom)
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
            english, dutch = beds_reason(issues["beds"][row], raw["beds"][row])
            reasons_en[row], reasons_nl[row] = english, dutch
            continue
        english, dutch = [], []
        for position, rule in enumerate(rules):
            if statuses[row, position] == PASS:
                continue
            en, nl = reason(rule, statuses[row, position] == UNKNOWN, row, inputs, issues, raw,
                             housing_type, room_areas, caps_sure[row, position],
                             caps_possible[row, position])
            english.append(en)
            dutch.append(nl)
        reasons_en[row] = "; ".join(english)
        reasons_nl[row] = "; ".join(dutch)
    result["norms_reasons_en"] = reasons_en
    result["norms_reasons_nl"] = reasons_nl
    result["norms_data_issues"] = data_issues(columns, issues, raw, type_issue, count)
    result["norms_housing_type"] = housing_type
    result["norms_set"] = describe_sets(norm_sets)
    progress.report(100)
    return result


def _split(text) -> List[str]:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return []
    return [part for part in str(text).split("; ") if part]
