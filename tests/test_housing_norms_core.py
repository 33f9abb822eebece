"""The norm check in the pure core: norm set files, boundary cases, missing and
unusable data, and the maximum compliant beds worked out by hand."""
import json
import shutil

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.core.housing_norms import (FAIL, PASS, UNKNOWN, evaluate_plan,
                                                         evaluate_plans)
from limburg_flexwonen_plugin.core.norm_sets import (available_norm_sets, built_in_folder,
                                                     load_norm_set, with_floor)

BUILT_IN = ["limburg_floor", "snf", "akf_2024", "akf_2026"]


def rule(norm_set, rule_id):
    return next(r for r in norm_set.rules if r.id == rule_id)


# ------------------------------------------------------------------------- the files
def test_built_in_sets_are_listed_in_a_fixed_order():
    assert available_norm_sets()[:4] == BUILT_IN


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_set_is_versioned_dated_and_sourced(name):
    norm_set = load_norm_set(name)
    assert norm_set.version
    # The provincial floor is a policy intent without dates of its own.
    assert norm_set.valid_from is None if name == "limburg_floor" else norm_set.valid_from.year >= 2024
    assert norm_set.title_en and norm_set.title_nl
    for item in norm_set.rules:
        assert item.description_en and item.description_nl
        assert item.source["publisher"] and item.source["title"] and item.source["year"] >= 2024


def test_the_files_encode_the_published_norms():
    floor, snf = load_norm_set("limburg_floor"), load_norm_set("snf")
    akf_2024, akf_2026 = load_norm_set("akf_2024"), load_norm_set("akf_2026")
    assert rule(floor, "floor_persons_per_bedroom").threshold == 1
    assert rule(floor, "floor_living_area").threshold == 15
    assert floor.source["title"] == "Integrale Aanpak Arbeidsmigratie 2024-2027"
    assert rule(snf, "snf_living_area").threshold == {"lodging": 10, "dwelling": 12}
    assert rule(snf, "snf_bedroom_area").threshold == 3.5
    assert rule(snf, "snf_toilets").threshold == 8 and rule(snf, "snf_showers").threshold == 8
    assert snf.source["publisher"] == "Stichting Normering Flexwonen"
    assert rule(akf_2024, "akf_living_area").threshold == 13
    assert rule(akf_2024, "akf_persons_per_bedroom").threshold == 2
    assert rule(akf_2026, "akf_living_area").threshold == 15
    assert str(akf_2024.valid_until) == "2025-12-31" and str(akf_2026.valid_from) == "2026-01-01"


VALID = json.loads((built_in_folder() / "akf_2024.json").read_text(encoding="utf-8"))


def broken(change):
    data = json.loads(json.dumps(VALID))
    change(data)
    return json.dumps(data)


MALFORMED = {
    "not_json": ('{"name": "mine", "version": 1,\n  "rules": [}', "not valid JSON.*line 2"),
    "no_rules": (broken(lambda d: d.pop("rules")), "'rules' must be a non-empty list"),
    "unknown_quantity": (broken(lambda d: d["rules"][0].update(quantity="area_per_cow")),
                         "rule 'akf_living_area': unknown quantity 'area_per_cow'"),
    "negative_threshold": (broken(lambda d: d["rules"][1].update(threshold=-2)),
                           "'threshold' must be a positive number"),
    "text_threshold": (broken(lambda d: d["rules"][1].update(threshold="two")),
                       "'threshold' must be a positive number"),
    "wrong_direction": (broken(lambda d: d["rules"][0].update(comparison="at_most")),
                        "can only be compared 'at_least'"),
    "duplicate_id": (broken(lambda d: d["rules"][1].update(id="akf_living_area")),
                     "rule id 'akf_living_area' appears more than once"),
    "no_source_year": (broken(lambda d: d["rules"][0]["source"].pop("year")),
                       "rule 'akf_living_area': 'source': 'year' must be a year"),
    "bad_date": (broken(lambda d: d.update(valid_from="1-1-2024")), "'valid_from' '1-1-2024' is not a date"),
    "ends_before_start": (broken(lambda d: d.update(valid_until="2023-12-31")),
                          "'valid_until' is before 'valid_from'"),
    "no_dutch": (broken(lambda d: d["rules"][0].pop("description_nl")), "'description_nl' is missing"),
    "name_differs": (broken(lambda d: d.update(name="other_name")), "the file is called 'mine.json'"),
    "not_an_object": ("[1, 2]", "must hold one JSON object"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_file_names_the_file_and_the_problem(tmp_path, case):
    text, problem = MALFORMED[case]
    if case != "name_differs":
        text = text.replace('"akf_2024"', '"mine"')
    (tmp_path / "mine.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"norm set file mine\.json .*" + problem):
        load_norm_set("mine", tmp_path)


def test_own_sets_from_the_user_folder(tmp_path):
    own = json.loads(json.dumps(VALID))
    own.update(name="gemeente_venlo", version="2025.2")
    own["rules"][0].update(id="venlo_living_area", threshold=18)
    (tmp_path / "gemeente_venlo.json").write_text(json.dumps(own), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert available_norm_sets(tmp_path) == BUILT_IN + ["broken", "gemeente_venlo"]
    verdict = evaluate_plan({"beds": 10, "bedrooms": 10, "living_area_m2": 170},
                            "gemeente_venlo", user_folder=tmp_path)
    assert verdict.rules["venlo_living_area"] == FAIL and verdict.max_compliant_beds == 9
    assert verdict.norm_sets == "limburg_floor 2024.1 + gemeente_venlo 2025.2"
    with pytest.raises(InputError, match="broken.json"):
        load_norm_set("broken", tmp_path)


def test_an_own_file_replaces_a_built_in_set_of_the_same_name(tmp_path):
    shutil.copy(built_in_folder() / "snf.json", tmp_path / "snf.json")
    data = json.loads((tmp_path / "snf.json").read_text(encoding="utf-8"))
    data["version"] = "2027.1"
    (tmp_path / "snf.json").write_text(json.dumps(data), encoding="utf-8")
    norm_set = load_norm_set("snf", tmp_path)
    assert norm_set.version == "2027.1" and norm_set.user_defined
    assert not load_norm_set("snf").user_defined


def test_an_own_rule_may_not_reuse_a_floor_rule_id(tmp_path):
    own = json.loads(json.dumps(VALID))
    own.update(name="clash")
    own["rules"][0]["id"] = "floor_living_area"
    (tmp_path / "clash.json").write_text(json.dumps(own), encoding="utf-8")
    with pytest.raises(InputError, match="clash.json: rule id 'floor_living_area'"):
        with_floor(load_norm_set("clash", tmp_path))


def test_unknown_set_lists_the_available_ones():
    with pytest.raises(InputError, match="norm set 'snv' not found; available: limburg_floor, snf"):
        load_norm_set("snv")


# ---------------------------------------------------------------------- boundaries
GOOD = {"bedrooms": 100, "living_area_m2": 10_000, "bedroom_area_m2": 1000, "toilets": 50,
        "showers": 50}


def plan(**changes):
    return {**GOOD, **changes}


@pytest.mark.parametrize("area, expected", [(45.0, PASS), (44.99, FAIL), (45.01, PASS)])
def test_exactly_15_square_metres_per_person_meets_the_floor(area, expected):
    verdict = evaluate_plan(plan(beds=3, living_area_m2=area), "limburg_floor")
    assert verdict.rules["floor_living_area"] == expected


@pytest.mark.parametrize("beds, expected", [(12, PASS), (13, FAIL), (11, PASS)])
def test_exactly_one_person_per_bedroom_meets_the_floor(beds, expected):
    verdict = evaluate_plan(plan(beds=beds, bedrooms=12), "limburg_floor")
    assert verdict.rules["floor_persons_per_bedroom"] == expected


@pytest.mark.parametrize("beds, expected", [(16, PASS), (17, FAIL)])
def test_exactly_eight_persons_per_toilet_and_shower_meet_snf(beds, expected):
    verdict = evaluate_plan(plan(beds=beds, toilets=2, showers=2), "snf")
    assert verdict.rules["snf_toilets"] == expected and verdict.rules["snf_showers"] == expected


def test_bedroom_area_exactly_at_three_and_a_half_square_metres():
    # 52.5 / 3.5 is 14.999999999999998 in floating point: still exactly 15 persons.
    assert evaluate_plan(plan(beds=15, bedroom_area_m2=52.5), "snf").rules["snf_bedroom_area"] == PASS
    assert evaluate_plan(plan(beds=16, bedroom_area_m2=52.5), "snf").rules["snf_bedroom_area"] == FAIL


def test_a_plan_can_pass_snf_and_fail_the_provincial_floor():
    # 20 beds, 10 bedrooms, 260 m² (13 m² per person): SNF asks 10/12 m² per person and has
    # no bedroom limit, the floor asks 15 m² and one person per bedroom.
    verdict = evaluate_plan({"beds": 20, "bedrooms": 10, "living_area_m2": 260,
                             "bedroom_area_m2": 80, "toilets": 3, "showers": 3}, "snf")
    snf = {k: v for k, v in verdict.rules.items() if k.startswith("snf_")}
    assert set(snf.values()) == {PASS}
    assert verdict.rules["floor_persons_per_bedroom"] == FAIL
    assert verdict.rules["floor_living_area"] == FAIL
    assert verdict.verdict == FAIL
    assert verdict.binding_rule == "floor_persons_per_bedroom" and verdict.max_compliant_beds == 10
    assert any("floor_living_area: 13 m² living area per person is below the minimum of 15 m² "
               "(at most 17 beds)" == reason for reason in verdict.reasons_en)
    assert any("13 m² woonoppervlak per persoon is minder dan het minimum van 15 m²" in reason
               for reason in verdict.reasons_nl)


def test_snf_living_area_depends_on_the_housing_type():
    numbers = {"beds": 10, "bedrooms": 10, "living_area_m2": 110}   # 11 m² per person
    assert evaluate_plan({**numbers, "housing_type": "logies"}, "snf").rules["snf_living_area"] == PASS
    assert evaluate_plan({**numbers, "housing_type": "Woning"}, "snf").rules["snf_living_area"] == FAIL
    unknown = evaluate_plan(numbers, "snf")
    assert unknown.rules["snf_living_area"] == UNKNOWN and unknown.housing_type is None
    assert any("meets the minimum for lodging (10 m²) but not for a regular dwelling (12 m²)" in r
               for r in unknown.reasons_en)
    assert evaluate_plan(numbers, "snf", default_housing_type="lodging").rules["snf_living_area"] == PASS
    odd = evaluate_plan({**numbers, "housing_type": "hotel"}, "snf")
    assert odd.rules["snf_living_area"] == UNKNOWN
    assert "housing type 'hotel' is not recognised" in odd.data_issues[0]


# --------------------------------------------------------------- missing and unusable
def test_missing_data_is_unknown_never_a_pass():
    verdict = evaluate_plan({"beds": 10, "living_area_m2": 200, "toilets": 2, "showers": 2},
                            "limburg_floor")
    assert verdict.rules == {"floor_persons_per_bedroom": UNKNOWN, "floor_living_area": PASS}
    assert verdict.verdict == UNKNOWN
    # The maximum uses the rules with data (200 / 15 = 13.3) and says it is incomplete.
    assert verdict.max_compliant_beds == 13 and not verdict.max_beds_complete
    assert verdict.reasons_en == ["floor_persons_per_bedroom: unknown, no number of bedrooms given"]
    assert verdict.reasons_nl == ["floor_persons_per_bedroom: onbekend, geen aantal slaapkamers opgegeven"]


def test_a_failure_outweighs_unknown_rules():
    verdict = evaluate_plan({"beds": 10, "living_area_m2": 100}, "limburg_floor")
    assert verdict.verdict == FAIL and verdict.rules["floor_persons_per_bedroom"] == UNKNOWN


def test_without_beds_the_maximum_is_still_known():
    verdict = evaluate_plan({"bedrooms": 12, "living_area_m2": 300}, "limburg_floor")
    assert verdict.verdict == UNKNOWN and set(verdict.rules.values()) == {UNKNOWN}
    assert verdict.max_compliant_beds == 12 and verdict.max_beds_complete
    assert verdict.reasons_en == ["all rules: unknown, no number of beds given"]


def test_text_and_nonsense_in_number_fields_are_flagged_not_fatal():
    frame = pd.DataFrame({
        "beds": ["20", "ca. 20", 20, 0, 12.5, 20, "inf"],
        "bedrooms": [20, 20, "twintig", 20, 20, -3, 20],
        "living_area_m2": [400.0, 400, 400, 400, 400, 400, 400],
    }, index=[11, 12, 13, 14, 15, 16, 17])
    result = evaluate_plans(frame, "limburg_floor")
    assert list(result.index) == [11, 12, 13, 14, 15, 16, 17]
    assert result.loc[11, "norms_verdict"] == PASS and pd.isna(result.loc[11, "norms_data_issues"])
    assert result.loc[12, "norms_data_issues"] == "field 'beds': 'ca. 20' is not a number"
    assert result.loc[12, "norms_verdict"] == UNKNOWN
    assert result.loc[13, "norm_floor_persons_per_bedroom"] == UNKNOWN
    assert result.loc[13, "norm_floor_living_area"] == PASS
    assert "field 'bedrooms': 'twintig' is not a number" == result.loc[13, "norms_data_issues"]
    assert "het aantal slaapkamers is geen getal ('twintig')" in result.loc[13, "norms_reasons_nl"]
    assert "must be at least 1" in result.loc[14, "norms_data_issues"]
    assert "is not a whole number" in result.loc[15, "norms_data_issues"]
    assert "'-3' is negative" in result.loc[16, "norms_data_issues"]
    assert "'inf' is not a number" in result.loc[17, "norms_data_issues"]
    assert (result.loc[12:17, "norms_verdict"] != PASS).all()


def test_unknown_plan_items_and_fields_are_refused():
    with pytest.raises(InputError, match="unknown item 'bedroomz'"):
        evaluate_plan({"beds": 1, "bedroomz": 1})
    with pytest.raises(InputError, match="layer 'plans', field 'kamers': field not found"):
        evaluate_plans(pd.DataFrame({"beds": [1]}), "snf", {"beds": "beds", "bedrooms": "kamers"})


# -------------------------------------------------------------- maximum by hand
# Capacities per rule, worked out by hand (floor(value / minimum) or floor(count x maximum)).
HAND_PLANS = [
    # SNF, lodging: floor bedrooms 60; floor area 1000/15 = 66.7 -> 66; SNF area 1000/10 = 100;
    # bedroom area 200/3.5 = 57.1 -> 57; toilets 7 x 8 = 56; showers 9 x 8 = 72. Max 56.
    ("snf", {"beds": 56, "bedrooms": 60, "living_area_m2": 1000, "bedroom_area_m2": 200,
             "toilets": 7, "showers": 9, "housing_type": "lodging"}, 56, "snf_toilets", PASS),
    # AKF 2024: floor bedrooms 30; floor area 700/15 = 46.7 -> 46; AKF 700/13 = 53.8 -> 53;
    # AKF bedrooms 30 x 2 = 60. Max 30: the floor binds although AKF allows two per room.
    ("akf_2024", {"beds": 45, "bedrooms": 30, "living_area_m2": 700}, 30,
     "floor_persons_per_bedroom", FAIL),
    # Floor only: bedrooms 40; area 449.9/15 = 29.99 -> 29. Max 29.
    ("limburg_floor", {"beds": 29, "bedrooms": 40, "living_area_m2": 449.9}, 29,
     "floor_living_area", PASS),
    # AKF 2026: floor area and AKF area both 15 m² -> 20 each; the floor's rule comes first.
    ("akf_2026", {"beds": 21, "bedrooms": 30, "living_area_m2": 300}, 20, "floor_living_area", FAIL),
    # SNF with the area of each bedroom: a 3 m² room holds nobody, 7, 10.5 and 14 m² rooms
    # hold 2, 3 and 4 persons at 3.5 m², but the floor allows one per bedroom: 0+1+1+1 = 3.
    # Other rules: bedrooms 4, area 100/15 = 6, SNF area >= 8, toilets and showers 8.
    ("snf", {"beds": 4, "bedroom_area_m2": "3; 7; 10.5; 14", "living_area_m2": 100,
             "toilets": 1, "showers": 1}, 3, "snf_bedroom_area", FAIL),
]


@pytest.mark.parametrize("norm_set, numbers, max_beds, binding, verdict", HAND_PLANS)
def test_maximum_compliant_beds_by_hand(norm_set, numbers, max_beds, binding, verdict):
    result = evaluate_plan(numbers, norm_set)
    assert result.max_compliant_beds == max_beds
    assert result.binding_rule == binding
    assert result.verdict == verdict
    assert result.max_beds_complete


def test_bedroom_areas_per_room_give_the_number_of_bedrooms():
    result = evaluate_plan({"beds": 3, "bedroom_area_m2": [9, 9, 12], "living_area_m2": 60}, "snf")
    assert result.rules["floor_persons_per_bedroom"] == PASS and result.rules["snf_bedroom_area"] == PASS
    mismatch = evaluate_plan({"beds": 3, "bedrooms": 4, "bedroom_area_m2": "9;9;12"}, "snf")
    assert mismatch.rules["snf_bedroom_area"] == UNKNOWN
    assert "does not match the number of bedrooms" in mismatch.data_issues[0]


plans = st.fixed_dictionaries({
    "beds": st.integers(1, 400),
    "bedrooms": st.integers(0, 400),
    "living_area_m2": st.floats(0, 8000, allow_nan=False).map(lambda x: round(x, 1)),
    "bedroom_area_m2": st.floats(0, 2000, allow_nan=False).map(lambda x: round(x, 1)),
    "toilets": st.integers(0, 60),
    "showers": st.integers(0, 60),
    "housing_type": st.sampled_from(["lodging", "dwelling"]),
})


@settings(max_examples=60, deadline=None)
@given(numbers=plans, norm_set=st.sampled_from(BUILT_IN))
def test_the_maximum_passes_and_one_more_bed_fails(numbers, norm_set):
    """With complete data: the plan passes exactly when its beds are within the maximum."""
    result = evaluate_plan(numbers, norm_set)
    assert result.max_beds_complete
    assert (result.verdict == PASS) == (numbers["beds"] <= result.max_compliant_beds)
    at_maximum = evaluate_plan({**numbers, "beds": max(result.max_compliant_beds, 1)}, norm_set)
    if result.max_compliant_beds >= 1:
        assert at_maximum.verdict == PASS
    assert evaluate_plan({**numbers, "beds": result.max_compliant_beds + 1}, norm_set).verdict == FAIL


def test_vectorised_rows_equal_single_plans():
    rows = [dict(numbers) for _, numbers, *_ in HAND_PLANS[:4]]
    frame = pd.DataFrame(rows)
    result = evaluate_plans(frame, "snf")
    for position, numbers in enumerate(rows):
        single = evaluate_plan(numbers, "snf")
        assert result.iloc[position]["norms_verdict"] == single.verdict
        assert result.iloc[position]["norms_max_beds"] == single.max_compliant_beds
        assert result.iloc[position]["norms_binding_rule"] == single.binding_rule
    assert (result["norms_set"] == "limburg_floor 2024.1 + snf 2024.1").all()
    assert np.array_equal(result.index, frame.index)
