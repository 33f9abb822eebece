"""The transition period of temporary contracts: by contract type, by the transition
clause where it is recorded, else by the contract and employment end dates."""
from typing import Dict

import numpy as np
import pandas as pd

from ..values import NOT_A_DATE, is_missing, shown, to_dates
from .merging import NAT, add_months
from .rules import (NO_CLAUSE, NOT_APPLICABLE, OK, TOO_SHORT, UNKNOWN, StayFields, StayRules,
                    stay_rules_file)

TEMPORARY, REGULAR = "temporary", "regular"


def transitions(stays, fields: StayFields, rules: StayRules, count: int,
                 layer: str) -> Dict[str, np.ndarray]:
    """The transition period of temporary contracts: by the clause where recorded, else by
    the dates; regular contracts are not checked."""
    result = {"status": np.full(count, UNKNOWN, dtype=object),
              "days": np.full(count, None, dtype=object),
              "earliest": np.full(count, NAT),
              "contract_end": np.full(count, NAT), "employment_end": np.full(count, NAT),
              "contract_type": np.full(count, None, dtype=object),
              "basis": np.full(count, None, dtype=object),
              "remarks": [[] for _ in range(count)]}
    values = stay_rules_file().get("values", {})
    temporary = np.ones(count, dtype=bool)
    if fields.contract_type:
        types = _coded(stays, fields.contract_type, values.get("contract_type", {}),
                       "is neither temporary nor regular", result["remarks"])
        result["contract_type"] = types
        temporary = types == TEMPORARY
        regular = types == REGULAR
        result["status"][regular] = NOT_APPLICABLE
        result["basis"][regular] = "regular contract"
    clause = np.full(count, None, dtype=object)
    if fields.transition_clause:
        clause = _coded(stays, fields.transition_clause, values.get("yes_no", {}),
                        "is not yes or no", result["remarks"])
        by_clause = temporary & (clause != None)  # noqa: E711 (element-wise)
        result["status"][by_clause] = np.where(clause[by_clause] == "yes", OK, NO_CLAUSE)
        result["basis"][by_clause] = "clause"
    by_dates = temporary & (clause == None)  # noqa: E711 (element-wise)
    if fields.contract_end and fields.employment_end:
        _transitions_by_dates(stays, fields, rules, by_dates, result)
    if not fields.contract_type:
        for row in np.flatnonzero(result["basis"] != None):  # noqa: E711 (element-wise)
            result["remarks"][row].append("no contract type: taken to be a temporary contract")
    return result


def _transitions_by_dates(stays, fields: StayFields, rules: StayRules, by_dates: np.ndarray,
                          result: Dict[str, np.ndarray]) -> None:
    contract, contract_issue = to_dates(stays[fields.contract_end])
    employment, employment_issue = to_dates(stays[fields.employment_end])
    for name, issue, raw in ((fields.contract_end, contract_issue, stays[fields.contract_end]),
                             (fields.employment_end, employment_issue, stays[fields.employment_end])):
        raw = raw.to_numpy(dtype=object)
        for row in np.flatnonzero((issue == NOT_A_DATE) & by_dates):
            result["remarks"][row].append(f"{name} '{shown(raw[row])}' is not a date")
    known = ~np.isnat(contract) & ~np.isnat(employment) & by_dates
    earliest = add_months(employment, rules.transition_months)
    with np.errstate(invalid="ignore"):
        short = known & (contract < earliest)
    result["status"][known] = np.where(short[known], TOO_SHORT, OK)
    result["basis"][known] = "dates"
    result["days"][known] = (contract[known] - employment[known]).astype(np.int64)
    result["earliest"] = earliest
    result["contract_end"], result["employment_end"] = contract, employment


def _coded(stays, field: str, aliases, problem: str, remarks) -> np.ndarray:
    """A field's values as codes (``_aliased``); a value that is no known spelling adds
    a remark to its row ("<field> '<value>' <problem>")."""
    codes = _aliased(stays[field], aliases)
    raw = stays[field].to_numpy(dtype=object)
    for row, code in enumerate(codes):
        if code is None and not is_missing(raw[row]):
            remarks[row].append(f"{field} '{shown(raw[row])}' {problem}")
    return codes


def _aliased(column: pd.Series, spellings: Dict[str, list]) -> np.ndarray:
    """Each value as its key in ``spellings`` (case and spaces ignored); None otherwise.
    Booleans count as yes / no."""
    lookup = {}
    for key, names in spellings.items():
        lookup[key] = key
        for name in names:
            lookup[str(name).strip().lower()] = key
    result = np.full(len(column), None, dtype=object)
    for row, value in enumerate(column.to_numpy(dtype=object)):
        if is_missing(value):
            continue
        if isinstance(value, (bool, np.bool_)):
            result[row] = "yes" if value else "no"
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        result[row] = lookup.get(str(value).strip().lower())
    return result
