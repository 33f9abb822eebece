"""Merging one resident's stays into consecutive stays, measured against both parts of the
short-stay rule, in calendar months."""
from typing import Dict

import numpy as np
import pandas as pd

from .rules import STATUS_YEAR, StayRules

NAT = np.datetime64("NaT", "D")


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


def consecutive_stays(resident, start, end, ongoing, usable, rules: StayRules) -> Dict[str, np.ndarray]:
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
