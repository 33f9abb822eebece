"""Policy fidelity of the stay check: both readings of the short-stay rule on the same
stays, and the transition period applied to temporary contracts only (the clause when it
is recorded, the dates otherwise) — in the core and through real QGIS Processing."""
import datetime

import pandas as pd
import pyogrio
import pytest
from qgis.core import QgsVectorLayer

from limburg_flexwonen_plugin.core.stay_durations import (
    BREAKS, NO_CLAUSE, NOT_APPLICABLE, OK, ROLLING, STATUS_YEAR, TOO_SHORT, StayFields, StayRules,
    check_stays)
from test_stays_processing import run_stays

REFERENCE = datetime.date(2025, 12, 31)


def day(text):
    return None if text is None else datetime.date.fromisoformat(text)


# R1 works three stretches of at most 4 months with two-week breaks in one calendar year;
# R2 stays 2 months, then returns 14 months later for 2 more.
READING_STAYS = pd.DataFrame({
    "acc_id": ["A1"] * 5,
    "resident_id": ["R1", "R1", "R1", "R2", "R2"],
    "start_date": [day("2024-01-01"), day("2024-05-15"), day("2024-09-15"), day("2024-01-01"),
                   day("2025-03-01")],
    "end_date": [day("2024-04-30"), day("2024-08-31"), day("2024-12-20"), day("2024-02-29"),
                 day("2025-04-30")],
})
# The documented difference (README, "Two readings of short stay"):
EXPECTED_READINGS = {
    # Rolling window: R1's stays add up to more than 4 months within 12 months of 1 January
    # (the second and third break it); R2's return after the window is a new start.
    ROLLING: [OK, BREAKS, BREAKS, OK, OK],
    # Status of at most one year: R1 stays within the year of its first stay; R2's return
    # in 2025 lies beyond it.
    STATUS_YEAR: [OK, OK, OK, OK, BREAKS],
}


@pytest.mark.parametrize("reading", [ROLLING, STATUS_YEAR])
def test_both_short_stay_readings_give_the_documented_results(reading):
    rules = StayRules.defaults()
    rules = StayRules(rules.max_consecutive_months, rules.period_months, rules.transition_months,
                      rules.back_to_back_days, reading)
    result = check_stays(READING_STAYS, rules, StayFields(), REFERENCE)
    assert list(result.stays["short_stay_status"]) == EXPECTED_READINGS[reading]
    assert (result.stays["short_stay_reading"] == reading).all()
    assert (result.accommodations["short_stay_reading"] == reading).all()


def test_the_default_reading_is_the_rolling_window():
    assert StayRules.defaults().reading == ROLLING
    result = check_stays(READING_STAYS, None, StayFields(), REFERENCE)
    assert list(result.stays["short_stay_status"]) == EXPECTED_READINGS[ROLLING]


def test_status_year_remark_names_the_start_of_the_status():
    rules = StayRules(4, 12, 1, 1, STATUS_YEAR)
    remarks = check_stays(READING_STAYS, rules, StayFields(), REFERENCE).stays["remarks"]
    assert "short-stay status from 2024-01-01" in remarks.iloc[4]


CONTRACTS = pd.DataFrame({
    "acc_id": ["A1"] * 5,
    "resident_id": ["R1", "R2", "R3", "R4", "R5"],
    "start_date": [day("2025-01-01")] * 5,
    "end_date": [day("2025-03-31")] * 5,
    # Every contract ends the day the employment ends: too short by the dates.
    "contract_end": [day("2025-03-31")] * 5,
    "employment_end": [day("2025-03-31")] * 5,
    "contract_type": ["regulier", "tijdelijk", "temporary", "tijdelijk", "temporary"],
    "transition_clause": [None, None, "ja", "nee", True],
})
CONTRACT_FIELDS = StayFields(contract_end="contract_end", employment_end="employment_end",
                             contract_type="contract_type", transition_clause="transition_clause")


def test_a_regular_contract_is_not_checked_for_the_transition_period():
    stays = check_stays(CONTRACTS, None, CONTRACT_FIELDS, REFERENCE).stays
    assert list(stays["transition_status"]) == [NOT_APPLICABLE, TOO_SHORT, OK, NO_CLAUSE, OK]
    assert list(stays["transition_basis"]) == ["regular contract", "dates", "clause", "clause",
                                               "clause"]
    assert list(stays["contract_type"]) == ["regular", "temporary", "temporary", "temporary",
                                            "temporary"]
    assert pd.isna(stays["transition_days"].iloc[0])
    per_acc = check_stays(CONTRACTS, None, CONTRACT_FIELDS, REFERENCE).accommodations.iloc[0]
    assert per_acc["contracts_checked"] == 4 and per_acc["contracts_not_applicable"] == 1
    assert per_acc["transitions_too_short"] == 1 and per_acc["transitions_no_clause"] == 1


def test_without_a_contract_type_every_contract_is_taken_as_temporary_and_says_so():
    fields = StayFields(contract_end="contract_end", employment_end="employment_end")
    stays = check_stays(CONTRACTS, None, fields, REFERENCE).stays
    assert list(stays["transition_status"]) == [TOO_SHORT] * 5
    assert all("taken to be a temporary contract" in text for text in stays["remarks"])


def test_unknown_contract_type_or_clause_is_named():
    frame = CONTRACTS.copy()
    frame.loc[0, "contract_type"] = "huur"
    frame.loc[1, "transition_clause"] = "misschien"
    stays = check_stays(frame, None, CONTRACT_FIELDS, REFERENCE).stays
    assert "contract_type 'huur' is neither temporary nor regular" in stays["remarks"].iloc[0]
    assert stays["transition_status"].iloc[0] == "unknown"
    assert "transition_clause 'misschien' is not yes or no" in stays["remarks"].iloc[1]
    assert stays["transition_basis"].iloc[1] == "dates"


def test_processing_records_reading_and_basis(flexwonen_provider, tmp_path):
    path = tmp_path / "contracts.gpkg"
    frame = pd.concat([READING_STAYS, CONTRACTS], ignore_index=True)
    for name in ("start_date", "end_date", "contract_end", "employment_end"):
        frame[name] = pd.to_datetime(frame[name])
    frame["transition_clause"] = frame["transition_clause"].map(
        lambda value: None if value is None or value != value else str(value))
    pyogrio.write_dataframe(frame, path, layer="stays")
    source = f"{path}|layername=stays"
    for index, reading in enumerate((ROLLING, STATUS_YEAR)):
        _, _, checked = run_stays(source, tmp_path, name=reading, READING=index)
        features = list(checked.getFeatures())
        statuses = [f["short_stay_status"] for f in features][:5]
        assert statuses == EXPECTED_READINGS[reading]
        assert {f["short_stay_reading"] for f in features} == {reading}
        transitions = [f["transition_status"] for f in features][5:]
        assert transitions == [NOT_APPLICABLE, TOO_SHORT, OK, NO_CLAUSE, OK]
        assert [f["transition_basis"] for f in features][6:8] == ["dates", "clause"]
