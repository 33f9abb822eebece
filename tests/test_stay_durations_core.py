"""Stay durations in the pure core: calendar months, merging of one resident's stays,
the two parts of the short-stay rule, ongoing stays and the transition period."""
import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.core.stay_durations import (BREAKS, OK, ONGOING, TOO_SHORT, UNKNOWN,
                                                          StayFields, StayRules, add_months,
                                                          check_stays)

REFERENCE = datetime.date(2025, 12, 31)
FIELDS = StayFields(contract_end="contract_end", employment_end="employment_end")


def day(text):
    return None if text is None else datetime.date.fromisoformat(text)


def stays(*rows, resident="R1", acc="A1"):
    """Rows of (start, end[, contract end, employment end[, resident[, accommodation]]])."""
    records = []
    for row in rows:
        start, end, contract, employment, who, where = tuple(row) + (None,) * (6 - len(row))
        records.append({"acc_id": where or acc, "resident_id": who or resident,
                        "start_date": day(start), "end_date": day(end),
                        "contract_end": day(contract), "employment_end": day(employment)})
    return pd.DataFrame(records)


def check(frame, rules=None):
    return check_stays(frame, rules, FIELDS, REFERENCE)


@pytest.mark.parametrize("start, months, expected", [
    ("2024-10-31", 4, "2025-02-28"),      # clamped to the end of February
    ("2023-10-31", 4, "2024-02-29"),      # leap year
    ("2024-01-31", 1, "2024-02-29"),
    ("2025-01-31", 1, "2025-02-28"),
    ("2024-02-29", 12, "2025-02-28"),
    ("2024-01-15", 4, "2024-05-15"),
    ("2024-11-30", 3, "2025-02-28"),
    ("2024-08-31", 4, "2024-12-31"),
])
def test_calendar_months_clamp_to_the_end_of_the_month(start, months, expected):
    assert add_months(np.array([start], dtype="datetime64[D]"), months)[0] == np.datetime64(expected)


def test_add_months_keeps_missing_dates_missing():
    assert np.isnat(add_months(np.array(["NaT"], dtype="datetime64[D]"), 4)[0])


@pytest.mark.parametrize("start, end, status", [
    ("2024-10-31", "2025-02-28", OK),       # exactly 4 months across a month end
    ("2024-10-31", "2025-03-01", BREAKS),   # one day more
    ("2023-10-31", "2024-02-29", OK),       # exactly 4 months into a leap-year February
    ("2023-10-31", "2024-03-01", BREAKS),
    ("2024-01-15", "2024-05-15", OK),
    ("2024-01-15", "2024-05-16", BREAKS),
])
def test_exactly_four_months(start, end, status):
    result = check(stays((start, end))).stays.iloc[0]
    assert result["short_stay_status"] == status
    assert bool(result["breaks_consecutive"]) == (status == BREAKS)


def test_back_to_back_stays_merge_also_across_accommodations():
    frame = stays(("2024-03-01", "2024-04-30", None, None, "R1", "A1"),
                  ("2024-05-01", "2024-07-20", None, None, "R1", "A2"))
    result = check(frame)
    assert list(result.stays["short_stay_status"]) == [BREAKS, BREAKS]
    assert list(result.stays["consecutive_days"]) == [142, 142]
    assert set(result.stays["consecutive_start"]) == {datetime.date(2024, 3, 1)}
    assert set(result.stays["consecutive_end"]) == {datetime.date(2024, 7, 20)}
    per_acc = result.accommodations.set_index("acc_id")
    assert per_acc.loc["A1", "stays_breaking"] == 1 and per_acc.loc["A2", "stays_breaking"] == 1


def test_a_one_day_gap_is_not_back_to_back():
    # 1 Jan – 31 Mar and 2 Apr – 30 Apr: two consecutive stays of 91 and 29 days; together
    # 120 days within 12 months, within the 122 days from 1 Jan to 1 May.
    result = check(stays(("2024-01-01", "2024-03-31"), ("2024-04-02", "2024-04-30"))).stays
    assert list(result["consecutive_days"]) == [91, 29]
    assert list(result["short_stay_status"]) == [OK, OK]
    assert list(result["period_days"]) == [120, 120] and list(result["period_allowed_days"])[0] == 122


def test_overlapping_and_nested_stays_merge():
    frame = stays(("2025-01-10", "2025-03-31"), ("2025-03-15", "2025-05-31"),
                  ("2025-02-01", "2025-02-10"))
    result = check(frame).stays
    assert set(result["consecutive_end"]) == {datetime.date(2025, 5, 31)}
    assert set(result["short_stay_status"]) == {BREAKS}
    # A long stay holding a short one: the merged stay still ends with the long one.
    nested = check(stays(("2025-01-01", "2025-03-31"), ("2025-01-05", "2025-01-10"),
                         ("2025-04-01", "2025-04-20"))).stays
    assert set(nested["consecutive_end"]) == {datetime.date(2025, 4, 20)}
    assert set(nested["short_stay_status"]) == {OK}


def test_stays_split_by_a_short_break_break_the_period_part():
    result = check(stays(("2024-06-01", "2024-08-31"), ("2024-09-20", "2024-11-30"))).stays
    assert list(result["breaks_consecutive"]) == [False, False]
    # Only the second stay pushes the year over 4 months (92 + 72 = 164 > 123 days).
    assert list(result["breaks_period"]) == [False, True]
    assert list(result["short_stay_status"]) == [OK, BREAKS]
    assert result.iloc[1]["period_days"] == 164
    assert "stays add up to 164 days within 12 months" in result.iloc[1]["remarks"]


def test_a_return_after_the_period_is_a_new_start():
    result = check(stays(("2024-01-01", "2024-04-30"), ("2025-01-01", "2025-04-30"))).stays
    assert list(result["short_stay_status"]) == [OK, OK]


def test_residents_are_kept_apart():
    frame = stays(("2024-01-01", "2024-03-31", None, None, "R1", "A1"),
                  ("2024-04-01", "2024-06-30", None, None, "R2", "A1"))
    assert list(check(frame).stays["short_stay_status"]) == [OK, OK]


def test_ongoing_stays_are_measured_to_the_reference_date():
    result = check(stays(("2025-06-01", None, None, None, "R1"),
                         ("2025-11-01", None, None, None, "R2"))).stays
    assert list(result["short_stay_status"]) == [BREAKS, ONGOING]
    assert list(result["ongoing"]) == [True, True]
    assert result.iloc[1]["consecutive_end"] == REFERENCE


@pytest.mark.parametrize("contract, employment, status, days", [
    ("2025-02-28", "2025-01-31", OK, 28),          # exactly one calendar month
    ("2025-02-27", "2025-01-31", TOO_SHORT, 27),
    ("2025-02-15", "2025-01-31", TOO_SHORT, 15),
    ("2025-01-20", "2025-01-31", TOO_SHORT, -11),  # contract ended before the employment
    (None, "2025-01-31", UNKNOWN, None),
    ("2025-02-28", None, UNKNOWN, None),
])
def test_transition_period(contract, employment, status, days):
    result = check(stays(("2025-01-01", "2025-01-31", contract, employment))).stays.iloc[0]
    assert result["transition_status"] == status
    assert (pd.isna(result["transition_days"]) if days is None else result["transition_days"] == days)


def test_unusable_rows_are_unknown_with_a_reason():
    frame = pd.DataFrame({
        "acc_id": ["A1", "A1", "A1", "A1", None, "A1"],
        "resident_id": ["R1", None, "R3", "R4", "R5", "R6"],
        "start_date": ["31-10-2024", day("2025-01-01"), "garbage", day("2025-03-01"),
                       day("2025-01-01"), day("2026-06-01")],
        "end_date": ["28/02/2025", day("2025-02-01"), day("2025-02-01"), day("2025-02-01"),
                     day("2025-02-01"), None],
    })
    result = check_stays(frame, fields=StayFields(), reference_date=REFERENCE).stays
    assert list(result["short_stay_status"]) == [OK] + [UNKNOWN] * 5
    assert list(result["remarks"])[1:] == [
        "no resident_id", "start_date 'garbage' is not a date", "end_date is before start_date",
        "no acc_id", "no end_date and start_date is after the reference date"]


def test_per_accommodation_counts_and_worst_cases():
    frame = stays(("2024-01-01", "2024-06-30", "2024-07-10", "2024-06-30", "R1", "A1"),
                  ("2024-01-01", "2024-02-28", "2024-03-31", "2024-02-28", "R2", "A1"),
                  ("2024-03-01", "2024-03-31", "2024-04-30", "2024-03-31", "R2", "A1"),
                  ("2024-05-01", "2024-05-31", None, None, "R3", "A2"))
    per_acc = check(frame).accommodations.set_index("acc_id")
    a1 = per_acc.loc["A1"]
    assert (a1["stays"], a1["residents"], a1["stays_breaking"], a1["residents_breaking"]) == (3, 2, 1, 1)
    assert a1["longest_consecutive_days"] == 182 and a1["longest_resident_id"] == "R1"
    assert (a1["contracts_checked"], a1["transitions_too_short"]) == (3, 1)
    assert a1["shortest_transition_days"] == 10 and a1["shortest_transition_resident_id"] == "R1"
    assert per_acc.loc["A2", "contracts_checked"] == 0 and pd.isna(per_acc.loc["A2", "shortest_transition_days"])
    assert (per_acc["max_months"] == 4).all() and (per_acc["rules_version"] == "stay_rules 2026.1").all()
    assert (per_acc["reference_date"] == REFERENCE).all()


def test_rules_are_parameters():
    frame = stays(("2024-01-01", "2024-04-15"))
    assert check(frame).stays.iloc[0]["short_stay_status"] == OK
    assert check(frame, StayRules(3, 12, 1, 1)).stays.iloc[0]["short_stay_status"] == BREAKS
    with pytest.raises(InputError, match="period .* must be at least"):
        check(frame, StayRules(6, 4, 1, 1))


def test_missing_field_is_named():
    with pytest.raises(InputError, match="layer 'stays', field 'contract_end': field not found"):
        check_stays(stays(("2024-01-01", "2024-02-01")).drop(columns="contract_end"), None, FIELDS)


stay_rows = st.lists(st.tuples(st.sampled_from(["R1", "R2", "R3"]), st.integers(0, 700),
                               st.integers(0, 200)), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(rows=stay_rows, seed=st.integers(0, 1000))
def test_results_do_not_depend_on_the_order_of_the_rows(rows, seed):
    base = np.datetime64("2024-01-01")
    frame = pd.DataFrame({
        "acc_id": "A1", "resident_id": [r for r, _, _ in rows],
        "start_date": [(base + np.timedelta64(s, "D")).astype(datetime.date) for _, s, _ in rows],
        "end_date": [(base + np.timedelta64(s + d, "D")).astype(datetime.date) for _, s, d in rows],
    })
    first = check_stays(frame, fields=StayFields(), reference_date=REFERENCE).stays
    shuffled = frame.sample(frac=1, random_state=seed)
    second = check_stays(shuffled, fields=StayFields(), reference_date=REFERENCE).stays.loc[first.index]
    columns = ["consecutive_start", "consecutive_end", "short_stay_status", "period_days"]
    pd.testing.assert_frame_equal(first[columns], second[columns])
    # Every consecutive stay's length is its end minus start plus one day.
    lengths = [(e - s).days + 1 for s, e in zip(first["consecutive_start"], first["consecutive_end"])]
    assert lengths == list(first["consecutive_days"])
