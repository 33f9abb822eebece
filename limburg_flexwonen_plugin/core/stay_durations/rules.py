"""The stay rules (their parameters and the two readings of the short-stay rule, from the
rules file), the fields of the stays table, the statuses, and the rule parameters that
every output records."""
from dataclasses import dataclass
from typing import Dict, Optional

import pandas as pd

from ..errors import InputError
from ..rules import load_rules

STAY_RULES = "stay_rules.json"
OK, BREAKS, ONGOING, UNKNOWN = "ok", "breaks", "ongoing", "unknown"
TOO_SHORT = "too_short"
NO_CLAUSE, NOT_APPLICABLE = "no_clause", "not_applicable"
ROLLING, STATUS_YEAR = "rolling", "status_year"
READINGS = (ROLLING, STATUS_YEAR)


@dataclass(frozen=True)
class StayRules:
    max_consecutive_months: int = 4
    period_months: int = 12
    transition_months: int = 1
    back_to_back_days: int = 1
    reading: str = ROLLING

    @classmethod
    def defaults(cls) -> "StayRules":
        document = stay_rules_file()
        parameters = document["parameters"]
        return cls(**{name: int(parameters[name]["default"]) for name in
                      ("max_consecutive_months", "period_months", "transition_months",
                       "back_to_back_days")}, reading=document["readings"]["default"])

    def validate(self) -> None:
        if self.reading not in READINGS:
            raise InputError(f"short-stay reading '{self.reading}' is not one of "
                             f"{', '.join(READINGS)}")
        limits = stay_rules_file()["parameters"]
        for name, spec in limits.items():
            value = getattr(self, name)
            if not spec["minimum"] <= value <= spec["maximum"]:
                raise InputError(f"parameter {name} = {value} is outside "
                                 f"{spec['minimum']}–{spec['maximum']}")
        if self.period_months < self.max_consecutive_months:
            raise InputError(f"the period ({self.period_months} months) must be at least the "
                             f"longest consecutive stay ({self.max_consecutive_months} months)")


@dataclass(frozen=True)
class StayFields:
    """Field names of the stays table; contract and employment ends are optional."""
    accommodation: str = "acc_id"
    resident: str = "resident_id"
    start: str = "start_date"
    end: str = "end_date"
    contract_end: Optional[str] = None
    employment_end: Optional[str] = None
    contract_type: Optional[str] = None        # temporary / regular (Dutch spellings too)
    transition_clause: Optional[str] = None    # yes / no: the contract has the clause


def stay_rules_file() -> Dict:
    return load_rules(STAY_RULES)


def add_parameters(frame: pd.DataFrame, rules: StayRules, reference_date, version_text: str) -> None:
    """The rule parameters as columns, so that every output says which rules it was checked by."""
    frame["max_months"] = rules.max_consecutive_months
    frame["period_months"] = rules.period_months
    frame["transition_months"] = rules.transition_months
    frame["reference_date"] = reference_date
    frame["short_stay_reading"] = rules.reading
    frame["rules_version"] = version_text
