"""Check stays against the short-stay rule and contracts against the transition period.

Definitions (defaults from ``resources/rules/stay_rules.json``):

* **Calendar months** with end-of-month clamping: ``add_months(2024-10-31, 4)`` is
  2025-02-28 and ``add_months(2023-10-31, 4)`` is 2024-02-29.
* **Consecutive stay**: the stays of one resident (over all accommodations in the
  table) that overlap or follow each other back-to-back (the next starts at most
  ``back_to_back_days`` = 1 day after the previous one ends) form one consecutive stay.
  Start and end dates are both days of stay.
* **Short-stay rule, consecutive part**: a consecutive stay starting on S may end at
  the latest on ``add_months(S, max_consecutive_months)``.
* **Short-stay rule, period part**: within the ``period_months`` calendar months
  starting on the first day S of each consecutive stay, the resident's stays together
  may last no more days than one consecutive stay from S could
  (``add_months(S, max_consecutive_months) - S + 1`` days). This catches a stay that
  is split by a short break.
* **Ongoing stay**: a stay without an end date lasts until the reference date (default
  today). It breaks the rule as soon as it has lasted too long; until then its status
  is ``ongoing``, never ``ok``.
* **Two readings of the short-stay rule** (``StayRules.reading``; the policy's "maximaal 4
  maanden aaneengesloten gedurende een maximale periode van een jaar" allows both):
  ``rolling`` (default) is the period part above; ``status_year`` replaces it by: every
  stay of the resident ends within ``period_months`` from the first day of the resident's
  first stay in the table (short-stay status lasts at most one year in all). Every output
  records the reading used.
* **Transition period** (temporary rental contracts only): with a contract type, a
  regular contract is not checked (``not_applicable``); with a transition-clause field, a
  clause recorded as present is ``ok`` and one recorded as absent is ``no_clause``; where
  the clause is not recorded the dates decide: the rental contract must end on or after
  ``add_months(employment_end, transition_months)``. ``transition_basis`` says which
  (``clause``, ``dates``, ``regular contract``); without a contract type every contract is
  taken to be temporary, and the remark says so.

Rows that cannot be used (no resident or accommodation id, no or unreadable start
date, end before start) get the status ``unknown`` and a remark; they do not take part
in merging. Only the mapped fields are read; the resident id is a pseudonym and the
only thing about a person that is read or written.
"""
from .check import check_stays
from .merging import add_months
from .rules import (BREAKS, NO_CLAUSE, NOT_APPLICABLE, OK, ONGOING, READINGS, ROLLING, STATUS_YEAR,
                    TOO_SHORT, UNKNOWN, StayFields, StayRules)

__all__ = ["OK", "BREAKS", "ONGOING", "UNKNOWN", "TOO_SHORT", "NO_CLAUSE", "NOT_APPLICABLE",
           "ROLLING", "STATUS_YEAR", "READINGS", "StayRules", "StayFields", "add_months",
           "check_stays"]
