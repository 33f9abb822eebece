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
from ..norm_sets import available_norm_sets, load_norm_set
from .check import (FAIL, PASS, UNKNOWN, PlanVerdict, evaluate_plan, evaluate_plans,
                    result_columns, rule_field)
from .plan_inputs import DEFAULT_FIELDS, PLAN_FIELD_KEYS, PLAN_INPUTS, plan_field_map

__all__ = ["PASS", "FAIL", "UNKNOWN", "PLAN_INPUTS", "DEFAULT_FIELDS", "PLAN_FIELD_KEYS", "PlanVerdict",
           "evaluate_plan", "evaluate_plans", "plan_field_map", "load_norm_set", "available_norm_sets",
           "rule_field", "result_columns"]
