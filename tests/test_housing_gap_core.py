"""The pure core of the municipal picture: rounding, class bounds, the model file, the table."""
import json
import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.core.housing_gap import DemandModel, classify_gap, demand_per_category
from limburg_flexwonen_plugin.core.scenarios import (largest_remainder, normalise_code,
                                                     read_migrant_table, scenario,
                                                     scenario_migrants)

MODEL_FILE = ROOT / "resources" / "models" / "housing_gap_model.json"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=50_000), min_size=1, max_size=40),
       st.integers(min_value=0, max_value=200_000))
def test_largest_remainder_adds_up_exactly_and_stays_within_one(weights, total):
    if sum(weights) == 0:
        return
    result = largest_remainder(weights, total)
    assert int(result.sum()) == total
    exact = np.asarray(weights, dtype=float) * total / sum(weights)
    assert (np.abs(result - exact) < 1).all()
    assert (result >= 0).all()


def test_largest_remainder_ties_go_to_the_first_in_tie_break_order():
    assert list(largest_remainder([1, 1, 1], 2, ["GM0003", "GM0001", "GM0002"])) == [0, 1, 1]
    assert list(largest_remainder([1, 1, 1], 1)) == [1, 0, 0]


def test_gap_class_bounds_are_inclusive_for_balanced():
    demand = np.array([100.0, 100.0, 100.0, 100.0, 0.0, 0.0, np.nan])
    gap = np.array([10.0, 10.5, -10.0, -10.5, -5.0, 0.0, 3.0])
    assert list(classify_gap(gap, demand, 0.10)) == [
        "balanced", "shortage", "balanced", "surplus", "surplus", "balanced", None]


def test_demand_categories_add_up_to_the_rounded_total():
    model = DemandModel.defaults().replace(share_short=0.33, share_mid=0.33, share_long=0.33,
                                           persons_per_bed=0.9)
    migrants = np.array([0, 1, 7, 101, 12_345, np.nan])
    demand = demand_per_category(migrants, model)
    for position, count in enumerate(migrants[:-1]):
        total = demand["demand_beds"][position]
        # Exact arithmetic: 12,345 x 0.99 / 0.9 is exactly 13,579.5, which rounds up.
        exact = Fraction(int(count)) * Fraction(99, 100) / Fraction(9, 10)
        assert total == math.floor(exact + Fraction(1, 2))
        assert sum(demand[f"demand_{c}"][position] for c in ("short", "mid", "long")) == total
    assert all(np.isnan(demand[name][-1]) for name in demand)


def test_model_file_documents_every_default():
    document = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert document["version"] and document["source"]
    for name, parameter in document["parameters"].items():
        assert parameter["minimum"] <= parameter["default"] <= parameter["maximum"], name
        assert parameter["status"] in ("sourced", "assumption", "definition"), name
        assert parameter["justification"], name
        if parameter["status"] == "sourced":
            assert parameter["source"], name
    shares = sum(document["parameters"][f"share_{c}"]["default"] for c in ("short", "mid", "long"))
    assert shares == pytest.approx(1.0)
    scenarios = document["scenarios"]
    assert (scenarios["reference"]["year"], scenarios["reference"]["total"]) == (2022, 82_895)
    assert (scenarios["low_2030"]["year"], scenarios["low_2030"]["total"]) == (2030, 96_000)
    assert (scenarios["high_2030"]["year"], scenarios["high_2030"]["total"]) == (2030, 112_000)


def test_algorithm_defaults_come_from_the_model_file(flexwonen_provider):
    from qgis.core import QgsApplication
    document = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["parameters"]
    algorithm = QgsApplication.processingRegistry().algorithmById("flexwonen:housinggap")
    percent = {"SHARE_SHORT": "share_short", "SHARE_MID": "share_mid", "SHARE_LONG": "share_long",
               "BALANCED_BAND": "balanced_band"}
    plain = {"PERSONS_PER_BED": "persons_per_bed", "WEIGHT_EXISTING": "weight_existing",
             "WEIGHT_PERMITTED": "weight_permitted", "WEIGHT_PLANNED": "weight_planned"}
    for parameter, name in percent.items():
        assert algorithm.parameterDefinition(parameter).defaultValue() == \
            pytest.approx(document[name]["default"] * 100)
    for parameter, name in plain.items():
        assert algorithm.parameterDefinition(parameter).defaultValue() == \
            pytest.approx(document[name]["default"])


def test_codes_are_normalised():
    assert [normalise_code(v) for v in ("GM0983", " gm0983 ", 983, "0983", 983.0, None, "")] == \
        ["GM0983"] * 5 + [None, None]


def test_table_with_two_rows_for_one_municipality_and_year_is_refused():
    frame = pd.DataFrame({"code": ["GM0001", "1"], "year": [2022, 2022], "n": [5, 6]})
    with pytest.raises(InputError, match="2 rows for GM0001 in 2022"):
        read_migrant_table(frame, "code", "n", "year", "lm")


def test_negative_count_names_the_feature():
    frame = pd.DataFrame({"code": ["GM0001", "GM0002"], "n": [5, -6]}, index=[11, 12])
    with pytest.raises(InputError, match="layer 'lm', feature 12, field 'n': negative"):
        read_migrant_table(frame, "code", "n", None, "lm")


def test_table_without_year_field_uses_the_year_given():
    frame = pd.DataFrame({"code": ["GM0001", "GM0002"], "n": [30, 10]})
    table = read_migrant_table(frame, "code", "n", None, "lm")
    with pytest.raises(InputError, match="no year field"):
        scenario_migrants(table, scenario("current"), ["GM0001", "GM0002"])
    current = scenario_migrants(table, scenario("current", year=2023), ["GM0001", "GM0002"])
    assert current.year == 2023 and current.total == 40
    high = scenario_migrants(table, scenario("high_2030"), ["GM0001", "GM0002"], base_year=2023)
    assert list(high.counts) == [84_000, 28_000] and high.method == "share"
    with pytest.raises(InputError, match="at least two years"):
        scenario_migrants(table, scenario("high_2030"), ["GM0001", "GM0002"], base_year=2023,
                          method="trend")


def test_a_declining_trend_is_floored_at_zero():
    frame = pd.DataFrame({"code": ["GM0001", "GM0001", "GM0002", "GM0002"],
                          "year": [2017, 2022, 2017, 2022], "n": [100, 20, 10, 20]})
    table = read_migrant_table(frame, "code", "n", "year", "lm")
    result = scenario_migrants(table, scenario("user", 2030, 1000), ["GM0001", "GM0002"])
    # GM0001's line reaches -108 in 2030: 0, so GM0002 takes the whole total.
    assert dict(result.counts) == {"GM0001": 0, "GM0002": 1000}
