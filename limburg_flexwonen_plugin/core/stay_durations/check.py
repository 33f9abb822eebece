"""The stay check: reads the stays table, composes the merging, the transition check and
the per-accommodation summary, and words the remarks."""
import datetime
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..progress import SILENT, Progress
from ..values import MISSING, NOT_A_DATE, is_missing, shown, to_dates
from .accommodations import per_accommodation
from .merging import consecutive_stays
from .rules import (BREAKS, NO_CLAUSE, OK, ONGOING, STATUS_YEAR, TOO_SHORT, UNKNOWN, StayFields,
                    StayRules, add_parameters, stay_rules_file)
from .transitions import transitions


@dataclass
class StayCheck:
    stays: pd.DataFrame            # one row per input row, same index
    accommodations: pd.DataFrame   # one row per accommodation id
    rules: StayRules
    reference_date: datetime.date
    rules_version: str


def check_stays(stays: pd.DataFrame, rules: Optional[StayRules] = None,
                fields: StayFields = StayFields(), reference_date: Optional[datetime.date] = None,
                layer: str = "stays", progress: Progress = SILENT) -> StayCheck:
    """Per stay and per accommodation results; see the package docstring for the rules."""
    rules = rules or StayRules.defaults()
    rules.validate()
    reference_date = reference_date or datetime.date.today()
    reference = np.datetime64(reference_date, "D")
    for name in (fields.accommodation, fields.resident, fields.start, fields.end,
                 fields.contract_end, fields.employment_end, fields.contract_type,
                 fields.transition_clause):
        if name and name not in stays.columns:
            raise InputError("field not found", layer=layer, field=name)
    count = len(stays)
    accommodation = _ids(stays[fields.accommodation])
    resident = _ids(stays[fields.resident])
    start, start_issue = to_dates(stays[fields.start])
    end, end_issue = to_dates(stays[fields.end])
    progress.report(10)

    remarks = [[] for _ in range(count)]
    usable = np.ones(count, dtype=bool)
    for ids, name in ((accommodation, fields.accommodation), (resident, fields.resident)):
        for row in np.flatnonzero(pd.isna(ids)):
            remarks[row].append(f"no {name}")
            usable[row] = False
    raw_start = stays[fields.start].to_numpy(dtype=object)
    raw_end = stays[fields.end].to_numpy(dtype=object)
    for row in np.flatnonzero(start_issue != ""):
        remarks[row].append(f"no {fields.start}" if start_issue[row] == MISSING else
                            f"{fields.start} '{shown(raw_start[row])}' is not a date")
        usable[row] = False
    for row in np.flatnonzero(end_issue == NOT_A_DATE):
        remarks[row].append(f"{fields.end} '{shown(raw_end[row])}' is not a date")
        usable[row] = False
    ongoing = (end_issue == MISSING) & usable
    with np.errstate(invalid="ignore"):
        end_before_start = usable & ~ongoing & (end < start)
        future_open = ongoing & (start > reference)
    for row in np.flatnonzero(end_before_start):
        remarks[row].append(f"{fields.end} is before {fields.start}")
    for row in np.flatnonzero(future_open):
        remarks[row].append(f"no {fields.end} and {fields.start} is after the reference date")
    usable &= ~end_before_start & ~future_open
    ongoing &= usable
    measured_end = np.where(ongoing, reference, end)

    per_row = consecutive_stays(resident, start, measured_end, ongoing, usable, rules)
    progress.check()
    progress.report(60)

    status = np.full(count, UNKNOWN, dtype=object)
    broken = usable & (per_row["breaks_consecutive"] | per_row["breaks_period"])
    status[usable] = np.where(per_row["group_ongoing"][usable], ONGOING, OK)
    status[broken] = BREAKS

    transition = transitions(stays, fields, rules, count, layer)
    for row in range(count):
        if per_row["breaks_consecutive"][row]:
            remarks[row].append(
                f"consecutive stay {per_row['group_start'][row]} – {per_row['group_end'][row]} "
                f"({per_row['consecutive_days'][row]} days) ends after "
                f"{per_row['allowed_end'][row]} ({rules.max_consecutive_months} months)")
        elif per_row["breaks_period"][row] and rules.reading == STATUS_YEAR:
            remarks[row].append(
                f"short-stay status from {per_row['status_start'][row]} lasts "
                f"{per_row['period_days'][row]} days, beyond {rules.period_months} months "
                f"({per_row['period_allowed_days'][row]} days)")
        elif per_row["breaks_period"][row]:
            remarks[row].append(
                f"stays add up to {per_row['period_days'][row]} days within "
                f"{rules.period_months} months, more than {rules.max_consecutive_months} "
                f"months ({per_row['period_allowed_days'][row]} days)")
        if transition["status"][row] == NO_CLAUSE:
            remarks[row].append("temporary contract without the transition clause")
        if transition["status"][row] == TOO_SHORT:
            remarks[row].append(
                f"contract ends {transition['days'][row]} days after the employment, "
                f"before {transition['earliest'][row]} ({rules.transition_months} month(s))")
        for message in transition["remarks"][row]:
            remarks[row].append(message)

    version = stay_rules_file()
    version_text = f"{version['name']} {version['version']}"
    result = pd.DataFrame(index=stays.index)
    result["acc_id"] = accommodation
    result["resident_id"] = resident
    result["start_date"] = _as_dates(start)
    result["end_date"] = _as_dates(end)
    result["ongoing"] = ongoing
    result["consecutive_start"] = _as_dates(per_row["group_start"])
    result["consecutive_end"] = _as_dates(per_row["group_end"])
    result["consecutive_days"] = pd.array(per_row["consecutive_days"], dtype="Int64")
    result["allowed_end"] = _as_dates(per_row["allowed_end"])
    result["breaks_consecutive"] = np.where(usable, per_row["breaks_consecutive"], None)
    result["period_days"] = pd.array(per_row["period_days"], dtype="Int64")
    result["period_allowed_days"] = pd.array(per_row["period_allowed_days"], dtype="Int64")
    result["breaks_period"] = np.where(usable, per_row["breaks_period"], None)
    result["short_stay_status"] = status
    result["contract_end"] = _as_dates(transition["contract_end"])
    result["employment_end"] = _as_dates(transition["employment_end"])
    result["transition_days"] = pd.array(transition["days"], dtype="Int64")
    result["transition_status"] = transition["status"]
    result["contract_type"] = transition["contract_type"]
    result["transition_basis"] = transition["basis"]
    result["remarks"] = ["; ".join(items) if items else None for items in remarks]
    add_parameters(result, rules, reference_date, version_text)
    progress.report(80)
    accommodations = per_accommodation(result, rules, reference_date, version_text)
    progress.report(100)
    return StayCheck(result, accommodations, rules, reference_date, version_text)


def _ids(column: pd.Series) -> np.ndarray:
    """Ids as text (a numeric id 12.0 becomes '12'); None where missing."""
    values = []
    for value in column.to_numpy(dtype=object):
        if is_missing(value):
            values.append(None)
        elif isinstance(value, float) and value.is_integer():
            values.append(str(int(value)))
        else:
            values.append(str(value).strip())
    return np.array(values, dtype=object)


def _as_dates(values: np.ndarray) -> np.ndarray:
    """datetime64[D] as datetime.date objects (None for NaT), as QGIS date fields want."""
    return np.array([None if np.isnat(value) else value.astype(datetime.date)
                     for value in np.asarray(values, dtype="datetime64[D]")], dtype=object)
