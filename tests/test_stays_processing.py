"""Check stay durations through real QGIS Processing on the demo stays and on a table
with text dates and personal data that must not be read."""
import datetime

import pandas as pd
import pyogrio
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

import processing

REFERENCE = "2025-12-31"
# Hand cases of the demo stays table: per case, the statuses of its stays in date order.
EXPECTED_CASES = {
    "exact_4_months_month_end": (["ok"], ["ok"]),
    "exact_4_months_leap_year": (["ok"], ["ok"]),
    "one_day_too_long": (["breaks"], ["ok"]),
    "back_to_back_two_accommodations": (["breaks", "breaks"], ["unknown", "ok"]),
    "overlapping": (["breaks", "breaks"], ["unknown", "ok"]),
    "gap_of_one_day": (["ok", "ok"], ["unknown", "ok"]),
    "split_by_short_break": (["ok", "breaks"], ["unknown", "ok"]),
    "ongoing_too_long": (["breaks"], ["unknown"]),
    "ongoing_within_limit": (["ongoing"], ["unknown"]),
    "transition_too_short": (["ok"], ["too_short"]),
    "transition_exactly_one_month": (["ok"], ["ok"]),
    "no_start_date": (["unknown"], ["unknown"]),
}


def run_stays(source, tmp_path, name="stays", **extra):
    parameters = {"INPUT": source, "REFERENCE_DATE": REFERENCE,
                  "OUTPUT": str(tmp_path / f"{name}_per_accommodation.gpkg"),
                  "STAYS_OUTPUT": str(tmp_path / f"{name}_checked.gpkg")}
    parameters.update(extra)
    result = processing.run("flexwonen:checkstaydurations", parameters)
    per_acc = QgsVectorLayer(result["OUTPUT"], "per_acc", "ogr")
    assert per_acc.isValid()
    checked = QgsVectorLayer(result["STAYS_OUTPUT"], "stays", "ogr") if "STAYS_OUTPUT" in result else None
    return result, per_acc, checked


def as_date(value):
    return value.toPyDate() if value else None


@pytest.fixture(scope="module")
def demo_stays(demo_gpkg):
    return pyogrio.read_dataframe(demo_gpkg, layer="stays")


def test_demo_hand_cases(flexwonen_provider, demo_gpkg, demo_stays, tmp_path):
    _, per_acc, checked = run_stays(f"{demo_gpkg}|layername=stays", tmp_path)
    rows = {}
    for feature in checked.getFeatures():
        rows.setdefault(feature["resident_id"], []).append(feature)
    assert sum(len(v) for v in rows.values()) == len(demo_stays)
    for case, (statuses, transitions) in EXPECTED_CASES.items():
        resident = demo_stays.loc[demo_stays["case"] == case, "resident_id"].iloc[0]
        features = sorted(rows[resident], key=lambda f: (as_date(f["start_date"]) or datetime.date.min))
        if case == "no_start_date":
            features = rows[resident]
        assert [f["short_stay_status"] for f in features] == statuses, case
        assert [f["transition_status"] for f in features] == transitions, case
    back_to_back = demo_stays.loc[demo_stays["case"] == "back_to_back_two_accommodations", "resident_id"].iloc[0]
    merged = rows[back_to_back]
    assert {f["acc_id"] for f in merged} == set(
        demo_stays.loc[demo_stays["resident_id"] == back_to_back, "acc_id"])
    assert {f["consecutive_days"] for f in merged} == {142}
    leap = demo_stays.loc[demo_stays["case"] == "exact_4_months_leap_year", "resident_id"].iloc[0]
    assert as_date(rows[leap][0]["allowed_end"]) == datetime.date(2024, 2, 29)
    assert rows[leap][0]["max_months"] == 4 and as_date(rows[leap][0]["reference_date"]) == datetime.date(2025, 12, 31)


def test_per_accommodation_summary_adds_up(flexwonen_provider, demo_gpkg, demo_stays, tmp_path):
    _, per_acc, checked = run_stays(f"{demo_gpkg}|layername=stays", tmp_path)
    stays = pd.DataFrame([{name: f[name] for name in ("acc_id", "resident_id", "short_stay_status",
                                                       "consecutive_days", "transition_status")}
                          for f in checked.getFeatures()])
    summary = {f["acc_id"]: f for f in per_acc.getFeatures()}
    assert set(summary) == set(demo_stays["acc_id"])
    for acc_id, group in stays.groupby("acc_id"):
        feature = summary[acc_id]
        assert feature["stays"] == len(group)
        assert feature["residents"] == group["resident_id"].nunique()
        assert feature["stays_breaking"] == (group["short_stay_status"] == "breaks").sum()
        assert feature["transitions_too_short"] == (group["transition_status"] == "too_short").sum()
        days = pd.to_numeric(group["consecutive_days"], errors="coerce")
        if days.notna().any():
            assert feature["longest_consecutive_days"] == days.max()
    assert sum(f["stays_breaking"] for f in summary.values()) >= 20


def test_parameters_change_the_result_and_are_recorded(flexwonen_provider, demo_gpkg, tmp_path):
    _, default, _ = run_stays(f"{demo_gpkg}|layername=stays", tmp_path, name="default")
    _, stricter, _ = run_stays(f"{demo_gpkg}|layername=stays", tmp_path, name="strict", MAX_MONTHS=3,
                               TRANSITION_MONTHS=2)
    assert sum(f["stays_breaking"] for f in stricter.getFeatures()) > \
        sum(f["stays_breaking"] for f in default.getFeatures())
    feature = next(stricter.getFeatures())
    assert (feature["max_months"], feature["period_months"], feature["transition_months"]) == (3, 12, 2)
    assert feature["rules_version"] == "stay_rules 2026.1"


@pytest.fixture(scope="module")
def private_table(tmp_path_factory):
    """Stays with text dates and personal columns that the algorithm must not read."""
    path = tmp_path_factory.mktemp("stays") / "stays.gpkg"
    frame = pd.DataFrame({
        "accommodation": ["H1", "H1", "H1", "H2", "H2"],
        "pseudonym": ["X1", "X1", "X2", "X3", "X4"],
        "van": ["31-10-2024", "2025-03-10", "2024-01-01", "1 januari", "2025-09-01"],
        "tot": ["28-02-2025", "2025-03-31", "2024-05-02", "2025-02-01", ""],
        "full_name": ["Jan Kowalski", "Jan Kowalski", "Ana Popescu", "Piotr Nowak", "Ion Rusu"],
        "birth_date": ["1990-01-01"] * 5,
    })
    pyogrio.write_dataframe(frame, path, layer="stays")
    return path


def test_only_the_mapped_fields_are_read_or_written(flexwonen_provider, private_table, tmp_path):
    _, per_acc, checked = run_stays(
        f"{private_table}|layername=stays", tmp_path, name="private",
        ACCOMMODATION_FIELD="accommodation", RESIDENT_FIELD="pseudonym", START_FIELD="van",
        END_FIELD="tot")
    for layer in (per_acc, checked):
        names = set(layer.fields().names())
        assert not names & {"full_name", "birth_date"}
        for feature in layer.getFeatures():
            text = " ".join(str(value) for value in feature.attributes())
            assert "Kowalski" not in text and "Popescu" not in text and "1990" not in text
    rows = [(f["resident_id"], f["short_stay_status"], f["remarks"]) for f in checked.getFeatures()]
    # X1: 31-10-2024 – 28-02-2025 is exactly 4 months; with 10–31 March 2025 the stays add
    # up to 143 days within 12 months, more than the 121 days allowed from 31 October.
    assert rows[0][:2] == ("X1", "ok") and rows[1][:2] == ("X1", "breaks")
    assert "stays add up to 143 days within 12 months" in rows[1][2]
    assert rows[2][:2] == ("X2", "breaks")                 # 1 Jan – 2 May 2024: one day too long
    assert rows[3][1] == "unknown" and "van '1 januari' is not a date" in rows[3][2]
    assert rows[4][1] == "ongoing"       # since 1 September 2025, still there on 31 December


def test_missing_required_field_is_an_error(flexwonen_provider, private_table, tmp_path):
    with pytest.raises(QgsProcessingException, match="resident id \\(none of resident_id, .*\\) — "
                                                     "choose it in 'Resident id field"):
        run_stays(f"{private_table}|layername=stays", tmp_path, name="bad",
                  ACCOMMODATION_FIELD="accommodation")


def test_per_stay_output_only_on_request(flexwonen_provider, demo_gpkg, tmp_path):
    result = processing.run("flexwonen:checkstaydurations", {
        "INPUT": f"{demo_gpkg}|layername=stays", "OUTPUT": str(tmp_path / "only.gpkg")})
    assert set(result) == {"OUTPUT"}
