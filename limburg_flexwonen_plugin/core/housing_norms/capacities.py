"""The largest number of beds a plan's own numbers allow under one rule: surely (the
strict threshold of the housing types the plan may be) and possibly (the lenient one)."""
from typing import Tuple

import numpy as np
import pandas as pd

from ..norm_sets import HOUSING_TYPES, NormRule

# Capacities are floor(value / threshold); the slack keeps 52.5 m² / 3.5 m² = 15 beds
# although the division gives 14.999999999999998.
SLACK = 1e-9

def _thresholds(rule: NormRule, housing_type: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    strict = np.empty(len(housing_type))
    lenient = np.empty(len(housing_type))
    missing = pd.isna(housing_type)
    for kind in (None,) + HOUSING_TYPES:
        rows = missing if kind is None else (housing_type == kind)
        if rows.any():
            strict[rows], lenient[rows] = rule.strict_and_lenient(kind)
    return strict, lenient


def persons_per_bedroom_limits(rules, housing_type) -> Tuple[np.ndarray, np.ndarray]:
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


def capacities(rule: NormRule, inputs, room_areas, housing_type, per_bedroom):
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
