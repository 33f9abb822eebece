"""The business housing effect's pure core: phasing, reach, allocation and the gap, on
small hand-made data whose figures can be worked out on paper (see tests/gap_data.py for
the four square municipalities Alpha, Beta, Gamma and Delta)."""
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from gap_data import ACCOMMODATIONS, KERNEN, MIGRANTS, MUNICIPALITIES
from limburg_flexwonen_plugin.core import business_effect as be
from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.core.housing_gap import DemandModel, compute_housing_gap
from limburg_flexwonen_plugin.core.scenarios import read_migrant_table

# On the east edge of Alpha-dorp (191000-192000 x 361000-362000): 0 km to Alpha's built-up
# area, exactly 3 km to Beta-dorp (195000-195500 x 361000-361500), 3.8 km to Gamma's
# centroid (it has no kern), 7.5 km to Delta-dorp.
AT_ALPHA = Point(192_000, 361_250)
GERMANY = Point(203_000, 361_000)     # east of Delta, outside every municipality
BELGIUM = Point(185_000, 360_000)     # west of Alpha


@pytest.fixture(scope="module")
def gap():
    municipalities = gpd.GeoDataFrame(
        {"gm_code": [m[0] for m in MUNICIPALITIES], "gm_name": [m[1] for m in MUNICIPALITIES],
         "region": [m[2] for m in MUNICIPALITIES], "inhabitants": [m[3] for m in MUNICIPALITIES]},
        geometry=[m[4] for m in MUNICIPALITIES], crs=28992)
    accommodations = gpd.GeoDataFrame(
        {"name": [a[0] for a in ACCOMMODATIONS], "status": [a[1] for a in ACCOMMODATIONS],
         "stay_category": [a[2] for a in ACCOMMODATIONS], "beds": [a[3] for a in ACCOMMODATIONS]},
        geometry=[a[4] for a in ACCOMMODATIONS], crs=28992)
    table = read_migrant_table(pd.DataFrame(MIGRANTS, columns=["gm_code", "year", "labour_migrants"]),
                               "gm_code", "labour_migrants", "year")
    return compute_housing_gap(municipalities, table, accommodations, builtup())


def builtup():
    return gpd.GeoDataFrame({"kern_name": [k[0] for k in KERNEN]}, geometry=[k[2] for k in KERNEN],
                            crs=28992)


def businesses(*points, jobs_now=0, jobs_full=100, year_now=2025, year_full=2027, share=0.5,
               **fields):
    frame = gpd.GeoDataFrame({"name": [f"B{i}" for i in range(len(points))], **fields},
                             geometry=list(points), crs=28992)
    found, _ = be.read_businesses(frame, be.BusinessFields(name="name"),
                                  be.BusinessDefaults(jobs_now, jobs_full, year_now, year_full, share))
    return found


def effect(gap, points, radius=3.5, method=be.DISTANCE, **options):
    settings_ = be.AllocationSettings(method=method, **options)
    return be.compute_business_effect(points, gap, reach=be.Reach.radius(radius), settings=settings_,
                                      builtup=builtup())


def beds_of(result, code):
    rows = result.allocation.set_index("gm_code")
    return tuple(int(rows.at[code, f"beds_{c}"]) for c in ("short", "mid", "long"))


# ---------------------------------------------------------------------------- by hand


def test_demand_of_fifty_labour_migrants_worked_out_on_paper(gap):
    # 100 extra jobs x 50 % = 50 labour migrants -> 20 / 17.5 / 12.5 beds: the half bed goes
    # to mid (tie, the earlier category), as in the housing gap model.
    result = effect(gap, businesses(AT_ALPHA), method=be.POPULATION)
    assert tuple(result.effects[0].demand) == (20, 18, 12)
    assert result.total == 50 and result.extra_migrants == pytest.approx(50.0)


def test_population_allocation_worked_out_on_paper(gap):
    # Within 3.5 km: Alpha (0 km, 10,000 inhabitants) and Beta (3 km, 5,000): 2 : 1.
    # short 20 -> 13.33 / 6.67 -> 13 / 7; mid 18 -> 12 / 6; long 12 -> 8 / 4.
    result = effect(gap, businesses(AT_ALPHA), method=be.POPULATION)
    assert set(result.allocation["gm_code"]) == {"GM0001", "GM0002"}
    assert beds_of(result, "GM0001") == (13, 12, 8)
    assert beds_of(result, "GM0002") == (7, 6, 4)
    distances = result.allocation.set_index("gm_code")["distance_km"]
    assert distances["GM0001"] == 0 and distances["GM0002"] == pytest.approx(3.0)


def test_inverse_square_allocation_worked_out_on_paper(gap):
    # Weights 1 / max(0, 1)^2 = 1 and 1 / 3^2: shares 0.9 / 0.1.
    # short 18 / 2; mid 16.2 / 1.8 -> 16 / 2; long 10.8 / 1.2 -> 11 / 1.
    result = effect(gap, businesses(AT_ALPHA), decay=be.INVERSE_SQUARE)
    assert beds_of(result, "GM0001") == (18, 16, 11)
    assert beds_of(result, "GM0002") == (2, 2, 1)


def test_exponential_allocation_follows_its_formula(gap):
    result = effect(gap, businesses(AT_ALPHA), decay=be.EXPONENTIAL, decay_km=10.0)
    share_beta = math.exp(-0.3) / (1 + math.exp(-0.3))
    rows = result.allocation.set_index("gm_code")
    assert rows.at["GM0002", "allocation_share"] == pytest.approx(share_beta, abs=1e-6)
    for category, demand in zip(("short", "mid", "long"), result.effects[0].demand):
        assert abs(rows.at["GM0002", f"beds_{category}"] - demand * share_beta) < 1


def test_planned_supply_goes_where_beds_are_planned(gap):
    # Alpha has only existing beds (weight 0 here); Beta 40 planned x 0.5 + 10 permitted x 1.
    result = effect(gap, businesses(AT_ALPHA), method=be.PLANNED_SUPPLY)
    assert beds_of(result, "GM0001") == (0, 0, 0)
    assert beds_of(result, "GM0002") == (20, 18, 12)
    assert result.allocation.set_index("gm_code").at["GM0002", "method_weight"] == pytest.approx(30.0)


def test_gap_before_and_after_adds_the_placed_beds_to_the_demand(gap):
    result = effect(gap, businesses(AT_ALPHA), method=be.POPULATION)
    municipalities = result.municipalities.set_index("gm_code")
    alpha = municipalities.loc["GM0001"]
    # Alpha: demand 200, supply 80 -> gap 120 before; 33 beds placed -> 153 after.
    assert (alpha["gap_beds_before"], alpha["effect_beds"], alpha["gap_beds"]) == (120, 33, 153)
    assert alpha["demand_beds"] == alpha["demand_beds_before"] + 33
    assert alpha["gap_short"] == alpha["gap_short_before"] + 13
    regions = result.regions.set_index("region")
    assert regions.at["Noord", "effect_beds"] == 50
    assert regions.at["Noord", "gap_beds"] == regions.at["Noord", "gap_beds_before"] + 50
    assert regions.at["Limburg", "effect_beds"] == 50 and regions.at["Limburg", "unplaced_beds"] == 0
    assert regions.at["Zuid", "gap_beds"] == regions.at["Zuid", "gap_beds_before"]


@pytest.mark.parametrize("where", [GERMANY, BELGIUM], ids=["germany", "belgium"])
def test_reach_without_municipalities_places_nothing_and_says_how_much(gap, where):
    result = effect(gap, businesses(where), radius=2.0)
    assert result.placed == 0 and result.unplaced == 50
    assert len(result.allocation) == 0
    message = result.warnings[0]
    assert "covers no municipality" in message and "outside the municipalities" in message
    assert "50 of 50 beds (short 20, mid 18, long 12) could not be placed" in message
    assert result.regions.set_index("region").at["Limburg", "unplaced_beds"] == 50


def test_reach_across_the_border_by_area_places_the_rest(gap):
    # 1 km west of Delta's east edge with a 3 km radius: the circular segment beyond the
    # edge is 9 acos(1/3) - sqrt(8) of 9 pi km2 = 29.2 % of the reach.
    point = Point(199_000, 360_000)
    expected = (9 * math.acos(1 / 3) - math.sqrt(8)) / (9 * math.pi)
    result = effect(gap, businesses(point), radius=3.0, method=be.POPULATION, border=be.BORDER_AREA)
    single = result.effects[0]
    assert single.outside_share == pytest.approx(expected, abs=0.01)
    assert int(single.unplaced.sum()) == math.floor(50 * single.outside_share + 0.5)
    assert result.placed + result.unplaced == 50 > result.placed > 0
    assert "outside the municipalities" in result.warnings[0]
    kept = effect(gap, businesses(point), radius=3.0, method=be.POPULATION)
    assert kept.placed == 50 and not kept.warnings
    assert "lies outside the municipalities" in kept.effects[0].message


def test_no_planned_supply_within_reach_places_nothing(gap):
    # 1.5 km north of Alpha-dorp (only existing beds), 3.8 km from Beta-dorp.
    result = effect(gap, businesses(Point(191_500, 363_500)), radius=2.0, method=be.PLANNED_SUPPLY)
    assert list(result.allocation["gm_code"]) == ["GM0001"]
    assert result.unplaced == 50
    assert "no municipality within reach has available planned supply" in result.warnings[0]


def test_zero_labour_migrants_is_zero_effect(gap):
    result = effect(gap, businesses(AT_ALPHA, share=0.0))
    assert result.total == result.placed == result.unplaced == 0
    assert result.allocation["beds"].sum() == 0
    municipalities = result.municipalities
    # Delta has no labour-migrant figure: its gap stays unknown (NaN) before and after.
    assert municipalities["gap_beds"].equals(municipalities["gap_beds_before"])
    assert (result.phasing["new_beds"] == 0).all()


def test_distance_bands_weigh_and_limit_the_reach(gap):
    reach = be.Reach.parse("0-1: 1; 1-5: 0.5")
    assert reach.weights([0, 1, 1.5, 5, 5.1]).tolist() == [1, 1, 0.5, 0.5, 0]
    result = be.compute_business_effect(businesses(AT_ALPHA), gap, reach=reach,
                                        settings=be.AllocationSettings(method=be.POPULATION),
                                        builtup=builtup())
    rows = result.allocation.set_index("gm_code")
    # Alpha 10,000 x 1, Beta 5,000 x 0.5, Gamma 20,000 x 0.5 (centroid 3.8 km).
    assert rows.at["GM0003", "distance_to"] == be.TO_CENTROID
    assert rows["weight"].to_dict() == {"GM0001": 10_000, "GM0002": 2_500, "GM0003": 10_000}
    assert result.placed == 50
    with pytest.raises(InputError, match="overlap"):
        be.Reach.parse("0-10: 1; 5-20: 0.5")
    with pytest.raises(InputError, match="from-to: weight"):
        be.Reach.parse("ten km")


def test_steps_phasing_and_full_operation(gap):
    (business,) = businesses(AT_ALPHA, jobs_now=10, year_now=2024)
    stepped = be.Business(**{**business.__dict__, "phasing": be.STEPS,
                             "steps": ((2025, 40), (2027, 110))})
    assert stepped.jobs_by_year() == [(2024, 10), (2025, 40), (2026, 40), (2027, 110)]
    assert business.jobs_by_year()[1] == (2025, pytest.approx(10 + 90 / 3))


def test_several_businesses_combine_exactly(gap):
    result = effect(gap, businesses(AT_ALPHA, Point(195_250, 361_250), GERMANY))
    assert result.total == 150 and result.unplaced == 50
    assert int(result.municipalities["effect_beds"].sum()) == result.placed == 100
    combined = result.businesses.set_index("business_id").loc[be.COMBINED]
    assert combined["beds"] == 150 and combined["unplaced_beds"] == 50
    years = result.phasing[result.phasing["business_id"] == be.COMBINED]
    assert years["new_beds"].sum() == 150 and years["beds"].iloc[-1] == 150


# ---------------------------------------------------------------------------- refusals


def test_businesses_that_cannot_be_computed_are_refused_by_name():
    frame = gpd.GeoDataFrame({"jobs": [100, 50]}, geometry=[AT_ALPHA, AT_ALPHA], crs=28992)
    with pytest.raises(InputError, match="fewer jobs at full operation"):
        be.read_businesses(frame, be.BusinessFields(jobs_full="jobs"),
                           be.BusinessDefaults(80, None, 2025, 2028, 0.5), layer="biz")
    with pytest.raises(InputError, match="must come after the current year"):
        be.read_businesses(frame, be.BusinessFields(), be.BusinessDefaults(0, 10, 2025, 2025, 0.5))
    with pytest.raises(InputError, match="no share of labour migrants"):
        be.read_businesses(frame, be.BusinessFields(), be.BusinessDefaults(0, 10, 2025, 2027, None))
    with pytest.raises(InputError, match="fewer than before"):
        be.read_businesses(frame, be.BusinessFields(),
                           be.BusinessDefaults(0, 10, 2025, 2027, 0.5, steps="2026: 50; 2027: 40"))
    with pytest.raises(InputError, match="feature 1"):
        be.read_businesses(gpd.GeoDataFrame({"share": [50, 150]}, geometry=[AT_ALPHA, AT_ALPHA],
                                            crs=28992),
                           be.BusinessFields(migrant_share="share"),
                           be.BusinessDefaults(0, 10, 2025, 2027))


def test_sector_table_is_shipped_empty_and_needs_sources():
    shipped = be.load_sector_table()
    assert shipped.shares == {}
    document = be.load_effect_document()
    assert "shipped empty" in document["sector_table"]["status"]
    for name, parameter in document["parameters"].items():
        assert parameter["status"] in ("sourced", "definition", "assumption"), name
        assert parameter["justification"], name
    with pytest.raises(InputError, match="no source"):
        be.sector_table_from_frame(pd.DataFrame({"sector": ["logistiek"], "labour_migrant_share_pct": [50],
                                                 "source": [""]}))
    table = be.sector_table_from_frame(pd.DataFrame({
        "sector": ["Logistiek"], "labour_migrant_share_pct": [45], "source": ["own survey 2025"]}))
    frame = gpd.GeoDataFrame({"sector": ["logistiek "]}, geometry=[AT_ALPHA], crs=28992)
    (business,), _ = be.read_businesses(frame, be.BusinessFields(sector="sector"),
                                        be.BusinessDefaults(0, 10, 2025, 2027), table)
    assert business.migrant_share == pytest.approx(0.45)
    assert "own survey 2025" in business.share_source


# ---------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(jobs_now=st.integers(0, 500), growth=st.integers(0, 5000), span=st.integers(1, 12),
       share=st.floats(0, 1), shares=st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60)))
def test_phasing_adds_up_and_never_decreases(jobs_now, growth, span, share, shares):
    if sum(shares) == 0:
        shares = (1, 0, 0)
    scale = max(1.0, sum(shares) / 100.0)
    model = DemandModel.defaults().replace(share_short=shares[0] / 100 / scale,
                                           share_mid=shares[1] / 100 / scale,
                                           share_long=shares[2] / 100 / scale)
    business = be.Business("x", "x", 0, AT_ALPHA, jobs_now, jobs_now + growth, 2025, 2025 + span,
                           share, "typed in", 1.0, be.LINEAR)
    rows = be.phasing_rows(business, model)
    full = rows.iloc[-1]
    for category in ("short", "mid", "long"):
        assert rows[f"new_{category}"].sum() == full[f"beds_{category}"]
        assert (rows[f"new_{category}"] >= 0).all()
    assert rows["new_beds"].sum() == full["beds"]
    from limburg_flexwonen_plugin.core.housing_gap import demand_per_category
    expected = demand_per_category(np.array([growth * share]), model)
    assert full["beds"] == expected["demand_beds"][0]
    assert full["beds_mid"] == expected["demand_mid"][0]


@settings(max_examples=40, deadline=None)
@given(weights=st.lists(st.floats(0.001, 1e6), min_size=1, max_size=30), beds=st.integers(0, 5000))
def test_largest_remainder_allocation_conserves(weights, beds):
    from limburg_flexwonen_plugin.core.scenarios import largest_remainder
    allocated = largest_remainder(weights, beds, [f"GM{i:04d}" for i in range(len(weights))])
    assert allocated.sum() == beds and (allocated >= 0).all()
