"""The stay check: reads the stays table, composes the merging, the transition check and
the per-accommodation summary, and words the remarks."""
import datetime
from dataclasses import dataclass
from typing import Dict, Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..progress import SILENT, Progress
from ..rules import load_rules
from ..values import MISSING, NOT_A_DATE, is_missing, shown, to_dates

STAY_RULES = "stay_rules.json"
OK, BREAKS, ONGOING, UNKNOWN = "ok", "breaks", "ongoing", "unknown"
TOO_SHORT = "too_short"
NO_CLAUSE, NOT_APPLICABLE = "no_clause", "not_applicable"
ROLLING, STATUS_YEAR = "rolling", "status_year"
READINGS = (ROLLING, STATUS_YEAR)
TEMPORARY, REGULAR = "temporary", "regular"
NAT = np.datetime64("NaT", "D")


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


@dataclass
class StayCheck:
    stays: pd.DataFrame            # one row per input row, same index
    accommodations: pd.DataFrame   # one row per accommodation id
    rules: StayRules
    reference_date: datetime.date
    rules_version: str


def stay_rules_file() -> Dict:
    return load_rules(STAY_RULES)


def add_months(dates, months: int) -> np.ndarray:
    """Calendar-month arithmetic on datetime64[D] values, clamped to the month's last day
    (2024-10-31 + 4 months = 2025-02-28; 2023-10-31 + 4 = 2024-02-29). NaT stays NaT."""
    dates = np.asarray(dates, dtype="datetime64[D]")
    missing = np.isnat(dates)
    safe = np.where(missing, np.datetime64("2000-01-01", "D"), dates)
    month = safe.astype("datetime64[M]")
    day_index = (safe - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.timedelta64(int(months), "M")
    month_length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]")
                    - target.astype("datetime64[D]")).astype(np.int64)
    result = target.astype("datetime64[D]") + np.minimum(day_index, month_length - 1)
    return np.where(missing, NAT, result)


def check_stays(stays: pd.DataFrame, rules: Optional[StayRules] = None,
                fields: StayFields = StayFields(), reference_date: Optional[datetime.date] = None,
                layer: str = "stays", progress: Progress = SILENT) -> StayCheck:
    """Per stay and per accommodation results; see the module docstring for the rules."""
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

    per_row = _consecutive_stays(resident, start, measured_end, ongoing, usable, rules)
    progress.check()
    progress.report(60)

    status = np.full(count, UNKNOWN, dtype=object)
    broken = usable & (per_row["breaks_consecutive"] | per_row["breaks_period"])
    status[usable] = np.where(per_row["group_ongoing"][usable], ONGOING, OK)
    status[broken] = BREAKS

    transition = _transitions(stays, fields, rules, count, layer)
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
    _add_parameters(result, rules, reference_date, version_text)
    progress.report(80)
    per_accommodation = _per_accommodation(result, rules, reference_date, version_text)
    progress.report(100)
    return StayCheck(result, per_accommodation, rules, reference_date, version_text)


# ------------------------------------------------------------------------ the merging
def _consecutive_stays(resident, start, end, ongoing, usable, rules: StayRules) -> Dict[str, np.ndarray]:
    """Merges each resident's stays and measures the two parts of the short-stay rule;
    returns per input row the values of the consecutive stay the row belongs to."""
    count = len(resident)
    out = {
        "group_start": np.full(count, NAT), "group_end": np.full(count, NAT),
        "allowed_end": np.full(count, NAT),
        "consecutive_days": np.full(count, None, dtype=object),
        "period_days": np.full(count, None, dtype=object),
        "period_allowed_days": np.full(count, None, dtype=object),
        "breaks_consecutive": np.zeros(count, dtype=bool),
        "breaks_period": np.zeros(count, dtype=bool),
        "group_ongoing": np.zeros(count, dtype=bool),
        "status_start": np.full(count, NAT),
    }
    rows = np.flatnonzero(usable)
    if len(rows) == 0:
        return out
    codes, _ = pd.factorize(pd.Series(resident[rows], dtype=object).astype(str))
    first_day = start[rows].min()
    start_day = (start[rows] - first_day).astype(np.int64)
    end_day = (end[rows] - first_day).astype(np.int64)
    order = np.lexsort((end_day, start_day, codes))
    codes, start_day, end_day = codes[order], start_day[order], end_day[order]
    rows_sorted = rows[order]

    # A new consecutive stay begins with a new resident or after a gap of more than
    # back_to_back_days since the latest end so far (an earlier stay may end last).
    running_end = pd.Series(end_day).groupby(codes).cummax().to_numpy()
    previous_end = np.concatenate(([-10 ** 9], running_end[:-1]))
    new_resident = np.concatenate(([True], codes[1:] != codes[:-1]))
    new_group = new_resident | (start_day > previous_end + rules.back_to_back_days)
    group = np.cumsum(new_group) - 1
    group_count = group[-1] + 1
    group_start = start_day[new_group]
    group_end = np.full(group_count, -10 ** 9, dtype=np.int64)
    np.maximum.at(group_end, group, end_day)
    group_code = codes[new_group]
    group_ongoing = np.zeros(group_count, dtype=bool)
    np.logical_or.at(group_ongoing, group, ongoing[rows_sorted])

    start_dates = first_day + group_start.astype("timedelta64[D]")
    allowed_end = add_months(start_dates, rules.max_consecutive_months)
    allowed_end_day = (allowed_end - first_day).astype(np.int64)
    breaks_consecutive = group_end > allowed_end_day
    allowed_days = allowed_end_day - group_start + 1

    # Period part: for each consecutive stay i, the days of this and the resident's later
    # consecutive stays inside [start_i, start_i + period_months).
    window_end = (add_months(start_dates, rules.period_months) - first_day).astype(np.int64)
    span = int(max(window_end.max(), group_end.max())) + 2
    keys = group_code.astype(np.int64) * span + group_start
    last = np.searchsorted(keys, group_code.astype(np.int64) * span + window_end, side="left")
    lengths = group_end - group_start + 1
    cumulative = np.concatenate(([0], np.cumsum(lengths)))
    # Pairs (window i, consecutive stay k) with i <= k < last[i].
    per_window = last - np.arange(group_count)
    window_of_pair = np.repeat(np.arange(group_count), per_window)
    offsets = np.arange(len(window_of_pair)) - np.repeat(np.cumsum(per_window) - per_window, per_window)
    stay_of_pair = window_of_pair + offsets
    overflow = np.maximum(0, group_end[stay_of_pair] - (window_end[window_of_pair] - 1))
    days_until_k = cumulative[stay_of_pair + 1] - cumulative[window_of_pair] - overflow
    over = days_until_k > allowed_days[window_of_pair]
    breaks_period = np.zeros(group_count, dtype=bool)
    breaks_period[stay_of_pair[over]] = True
    # For the report: per stay, the window it belongs to that exceeds its allowance
    # most (or comes closest), with that window's total and allowance.
    is_last = stay_of_pair == last[window_of_pair] - 1
    window_total = np.zeros(group_count, dtype=np.int64)
    window_total[window_of_pair[is_last]] = days_until_k[is_last]
    excess = window_total[window_of_pair] - allowed_days[window_of_pair]
    ranking = np.lexsort((-excess, stay_of_pair))
    firsts = np.unique(stay_of_pair[ranking], return_index=True)[1]
    chosen_window = np.zeros(group_count, dtype=np.int64)
    chosen_window[stay_of_pair[ranking][firsts]] = window_of_pair[ranking][firsts]
    period_days = window_total[chosen_window]
    period_allowed = allowed_days[chosen_window]
    status_start = np.full(group_count, NAT)
    if rules.reading == STATUS_YEAR:
        # The status begins with the resident's first stay in the table and lasts
        # period_months: a stay still running on its last day + 1 breaks the rule.
        first_group = np.concatenate(([True], group_code[1:] != group_code[:-1]))
        resident_start = group_start[first_group][np.cumsum(first_group) - 1]
        status_start = first_day + resident_start.astype("timedelta64[D]")
        status_end = (add_months(status_start, rules.period_months) - first_day).astype(np.int64)
        breaks_period = group_end >= status_end
        period_days = group_end - resident_start + 1
        period_allowed = status_end - resident_start

    def spread(values):
        return values[group]

    target = rows_sorted
    out["group_start"][target] = spread(start_dates)
    out["group_end"][target] = first_day + spread(group_end).astype("timedelta64[D]")
    out["allowed_end"][target] = spread(allowed_end)
    out["consecutive_days"][target] = spread(lengths)
    out["period_days"][target] = spread(period_days)
    out["period_allowed_days"][target] = spread(period_allowed)
    out["breaks_consecutive"][target] = spread(breaks_consecutive)
    out["breaks_period"][target] = spread(breaks_period)
    out["group_ongoing"][target] = spread(group_ongoing)
    out["status_start"][target] = spread(status_start)
    return out


def _transitions(stays, fields: StayFields, rules: StayRules, count: int,
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


# ------------------------------------------------------------------- per accommodation
ACCOMMODATION_COLUMNS = (
    "acc_id", "stays", "residents", "stays_breaking", "residents_breaking", "stays_ongoing",
    "stays_unknown", "longest_consecutive_days", "longest_resident_id", "longest_start",
    "longest_end", "most_period_days", "contracts_checked", "transitions_too_short",
    "shortest_transition_days", "shortest_transition_resident_id", "transitions_no_clause",
    "contracts_not_applicable",
)


def _per_accommodation(result: pd.DataFrame, rules: StayRules, reference_date,
                       version_text: str) -> pd.DataFrame:
    rows = result[result["acc_id"].notna()]
    records = []
    for acc_id, stays in rows.groupby("acc_id", sort=True):
        breaking = stays["short_stay_status"] == BREAKS
        days = stays["consecutive_days"].astype("float64")
        record = {
            "acc_id": acc_id, "stays": len(stays),
            "residents": int(stays["resident_id"].nunique()),
            "stays_breaking": int(breaking.sum()),
            "residents_breaking": int(stays.loc[breaking, "resident_id"].nunique()),
            "stays_ongoing": int((stays["short_stay_status"] == ONGOING).sum()),
            "stays_unknown": int((stays["short_stay_status"] == UNKNOWN).sum()),
            "longest_consecutive_days": None, "longest_resident_id": None,
            "longest_start": None, "longest_end": None, "most_period_days": None,
        }
        if days.notna().any():
            worst = days.idxmax()
            record.update({
                "longest_consecutive_days": int(days[worst]),
                "longest_resident_id": stays.at[worst, "resident_id"],
                "longest_start": stays.at[worst, "consecutive_start"],
                "longest_end": stays.at[worst, "consecutive_end"],
                "most_period_days": int(stays["period_days"].astype("float64").max()),
            })
        checked = stays["transition_status"].isin([OK, TOO_SHORT, NO_CLAUSE])
        record["contracts_checked"] = int(checked.sum())
        record["transitions_no_clause"] = int((stays["transition_status"] == NO_CLAUSE).sum())
        record["contracts_not_applicable"] = int(
            (stays["transition_status"] == NOT_APPLICABLE).sum())
        record["transitions_too_short"] = int((stays["transition_status"] == TOO_SHORT).sum())
        transition_days = stays.loc[checked, "transition_days"].astype("float64").dropna()
        if len(transition_days):
            shortest = transition_days.idxmin()
            record["shortest_transition_days"] = int(transition_days[shortest])
            record["shortest_transition_resident_id"] = stays.at[shortest, "resident_id"]
        else:
            record["shortest_transition_days"] = None
            record["shortest_transition_resident_id"] = None
        records.append(record)
    frame = pd.DataFrame(records, columns=list(ACCOMMODATION_COLUMNS))
    for name in ("longest_consecutive_days", "most_period_days", "shortest_transition_days"):
        frame[name] = pd.array(frame[name].tolist(), dtype="Int64")
    _add_parameters(frame, rules, reference_date, version_text)
    return frame


def _add_parameters(frame: pd.DataFrame, rules: StayRules, reference_date, version_text: str) -> None:
    frame["max_months"] = rules.max_consecutive_months
    frame["period_months"] = rules.period_months
    frame["transition_months"] = rules.transition_months
    frame["reference_date"] = reference_date
    frame["short_stay_reading"] = rules.reading
    frame["rules_version"] = version_text


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
