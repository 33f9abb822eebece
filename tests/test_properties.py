"""Property-based tests (hypothesis) of the core's invariants.

Generated built-up areas (overlapping rectangles, some with a park hole) and sites
(rectangles, triangles, points, multipart) in RD New. The properties:

* a larger edge distance never turns an edge (or inside) site into outside, and a
  larger minimum share never turns a site into inside;
* a site is inside exactly when its share inside is at least the threshold;
* translating every geometry by the same vector (keeping it in the Netherlands) changes
  no class, share or distance;
* the housing-gap model conserves its totals: municipalities add up to regions and the
  province, gap = demand − supply in every row and category, every counted bed and
  every labour migrant of a scenario is counted exactly once;
* so does the business-effect model: every bed a business needs is placed or reported
  as not placed, the years add up to full operation, the gap grows by the placed beds.

Examples are derandomised and bounded, so the suite is repeatable and fast.
"""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import CRS
import shapely
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Point, Polygon, box

from limburg_flexwonen_plugin.core.classify_sites import (DISTANCE_TOLERANCE_M, SHARE_TOLERANCE,
                                                           ClassificationParameters, classify_sites)

RD_NEW = CRS.from_epsg(28992)  # parsed once: CRS parsing dominates small runs
ORIGIN = (150_000, 400_000)   # the generated world starts here (RD metres), 3 x 3 km
SIZE = 3_000
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow])

coordinate = st.integers(min_value=0, max_value=SIZE)
length = st.integers(min_value=1, max_value=800)


@st.composite
def rectangles(draw, max_size=800):
    x, y = draw(coordinate), draw(coordinate)
    width, height = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    return box(ORIGIN[0] + x, ORIGIN[1] + y, ORIGIN[0] + x + width, ORIGIN[1] + y + height)


@st.composite
def kernen(draw):
    shape = draw(rectangles())
    if draw(st.booleans()):  # a park: a hole well inside the kern
        x0, y0, x1, y1 = shape.bounds
        if x1 - x0 > 40 and y1 - y0 > 40:
            hole = box(x0 + 10, y0 + 10, x0 + 10 + (x1 - x0 - 20) // 2, y0 + 10 + (y1 - y0 - 20) // 2)
            shape = Polygon(shape.exterior.coords, [hole.exterior.coords])
    return shape


@st.composite
def sites(draw, exact=True):
    """A site: rectangle, point or two-part polygon; or (exact=False) any triangle."""
    kind = draw(st.sampled_from(["rectangle", "point", "multipart"] + ([] if exact else ["triangle"])))
    if kind == "rectangle":
        return draw(rectangles(max_size=300))
    if kind == "point":
        return Point(ORIGIN[0] + draw(coordinate), ORIGIN[1] + draw(coordinate))
    if kind == "multipart":
        first, second = draw(rectangles(max_size=200)), draw(rectangles(max_size=200))
        assume(not first.intersects(second))
        return MultiPolygon([first, second])
    corners = [(ORIGIN[0] + draw(st.floats(0, SIZE)), ORIGIN[1] + draw(st.floats(0, SIZE)))
               for _ in range(3)]
    triangle = Polygon(corners)
    assume(triangle.is_valid and triangle.area > 1.0)
    return triangle


def frames(builtup_shapes, site_shapes, shift=(0, 0)):
    moved = [shapely.affinity.translate(g, *shift) for g in site_shapes]
    built = [shapely.affinity.translate(g, *shift) for g in builtup_shapes]
    return (gpd.GeoDataFrame({"site_id": [f"s{i}" for i in range(len(moved))]}, geometry=moved, crs=RD_NEW),
            gpd.GeoDataFrame({"kern_name": [f"k{i}" for i in range(len(built))]}, geometry=built, crs=RD_NEW))


def classify(builtup_shapes, site_shapes, edge=250.0, share=0.9, shift=(0, 0)):
    site_frame, builtup_frame = frames(builtup_shapes, site_shapes, shift)
    result = classify_sites(site_frame, builtup_frame, ClassificationParameters(edge, share),
                            site_id_field="site_id")
    return result.set_index("site_id")


world = dict(builtup=st.lists(kernen(), min_size=1, max_size=4),
             site_list=st.lists(sites(), min_size=1, max_size=8))


@PROPERTY_SETTINGS
@given(**world, edges=st.tuples(st.floats(0, 2000), st.floats(0, 2000)))
def test_a_larger_edge_distance_never_turns_an_edge_site_into_outside(builtup, site_list, edges):
    smaller, larger = sorted(edges)
    near, far = classify(builtup, site_list, edge=smaller), classify(builtup, site_list, edge=larger)
    for site in near.index:
        before, after = near.location_class[site], far.location_class[site]
        if before in ("edge", "inside"):
            assert after != "outside", (site, before, after)
        if before == "inside":
            assert after == "inside"
        if after == "outside":
            assert before == "outside"


@PROPERTY_SETTINGS
@given(**world, shares=st.tuples(st.floats(0.01, 1.0), st.floats(0.01, 1.0)))
def test_a_larger_minimum_share_never_turns_a_site_into_inside(builtup, site_list, shares):
    lower, higher = sorted(shares)
    easy, strict = classify(builtup, site_list, share=lower), classify(builtup, site_list, share=higher)
    for site in easy.index:
        if strict.location_class[site] == "inside":
            assert easy.location_class[site] == "inside"


@PROPERTY_SETTINGS
@given(**world, threshold=st.floats(0.01, 1.0), edge=st.floats(0, 1000))
def test_inside_exactly_when_the_share_reaches_the_threshold(builtup, site_list, threshold, edge):
    result = classify(builtup, site_list, edge=edge, share=threshold)
    # inside_share is reported to 6 decimals; the rule compares the unrounded share.
    slack = 5e-7 + SHARE_TOLERANCE
    for site, row in result.iterrows():
        assert 0.0 <= row.inside_share <= 1.0
        if row.location_class == "inside":
            assert row.inside_share >= threshold - slack, (site, row.inside_share, threshold)
        else:
            assert row.inside_share < threshold + slack, (site, row.inside_share, threshold)
            if row.location_class == "edge":
                assert row.distance_m <= edge + DISTANCE_TOLERANCE_M + 5e-4
            else:
                assert row.distance_m > edge - 5e-4 and row.inside_share == 0.0


# Shifts that keep the generated 3 x 3 km world (plus margins) inside the Netherlands'
# plausible RD extent: x 150-153 km, y 400-403 km moved by up to ±100 km / ±150 km.
shifts = st.tuples(st.integers(-100_000, 100_000), st.integers(-150_000, 150_000))


@PROPERTY_SETTINGS
@given(**world, shift=shifts)
def test_translation_changes_nothing_on_a_metre_grid(builtup, site_list, shift):
    """Integer coordinates and shifts: every area and distance is exact, so all is equal."""
    here, there = classify(builtup, site_list), classify(builtup, site_list, shift=shift)
    assert (here.location_class == there.location_class).all()
    assert np.array_equal(here.inside_share.values, there.inside_share.values)
    assert np.allclose(here.distance_m.values, there.distance_m.values, rtol=0, atol=1e-9)


@PROPERTY_SETTINGS
@given(builtup=st.lists(kernen(), min_size=1, max_size=4),
       site_list=st.lists(sites(exact=False), min_size=1, max_size=8),
       shift=st.tuples(st.floats(-100_000, 100_000), st.floats(-150_000, 150_000)))
def test_translation_changes_nothing_for_any_shape(builtup, site_list, shift):
    """Arbitrary triangles and shifts: shares and distances agree to rounding error, and
    classes agree except for a site within that rounding error of a threshold."""
    here, there = classify(builtup, site_list), classify(builtup, site_list, shift=shift)
    assert np.allclose(here.inside_share.values, there.inside_share.values, rtol=0, atol=2e-6)
    assert np.allclose(here.distance_m.values, there.distance_m.values, rtol=0, atol=1e-3)
    for site in here.index:
        if here.location_class[site] != there.location_class[site]:
            near_share = abs(here.inside_share[site] - 0.9) < 2e-6
            near_edge = abs(here.distance_m[site] - 250.0) < 2e-3
            assert near_share or near_edge, (site, here.loc[site].to_dict(), there.loc[site].to_dict())


# ---------------------------------------------------------------- the housing-gap model

from limburg_flexwonen_plugin.core.housing_gap import (ADDITIVE, DemandModel,  # noqa: E402
                                                       compute_housing_gap)
from limburg_flexwonen_plugin.core.scenarios import (CURRENT, DISTRIBUTION_METHODS, USER,  # noqa: E402
                                                     read_migrant_table, scenario)

STATUSES = ("existing", "permitted", "planned", "gesloten")   # the last is no supply status
STAYS = ("short", "mid", "long", None)


@st.composite
def gap_worlds(draw):
    """A row of square municipalities in up to three regions, a migrant table for 2017 and
    2022 (some municipalities missing), accommodations in and outside them, a model."""
    count = draw(st.integers(2, 7))
    codes = [f"GM{n + 1:04d}" for n in range(count)]
    municipalities = gpd.GeoDataFrame({
        "gm_code": codes, "gm_name": [f"Gemeente {n}" for n in range(count)],
        "region": [draw(st.sampled_from(["Noord", "Midden", "Zuid"])) for _ in codes],
        "inhabitants": [draw(st.integers(1_000, 200_000)) for _ in codes]},
        geometry=[box(180_000 + 2_000 * n, 350_000, 182_000 + 2_000 * n, 352_000) for n in range(count)],
        crs=RD_NEW)
    rows = []
    for code in codes:
        if draw(st.integers(0, 5)) == 0:
            continue   # no figure: its demand and gap stay unknown
        for year in (2017, 2022):
            rows.append((code, year, draw(st.integers(0, 20_000))))
    assume(rows and any(count for _, year, count in rows if year == 2022))
    table = read_migrant_table(pd.DataFrame(rows, columns=["gm_code", "year", "labour_migrants"]),
                               "gm_code", "labour_migrants", "year", "labour migrants")
    places = draw(st.lists(st.tuples(st.integers(-500, 2_000 * count + 500), st.integers(350_100, 351_900),
                                     st.sampled_from(STATUSES), st.sampled_from(STAYS),
                                     st.integers(0, 2_000)), max_size=15))
    accommodations = gpd.GeoDataFrame({
        "name": [f"Huis {n}" for n in range(len(places))], "status": [p[2] for p in places],
        "stay_category": [p[3] for p in places], "beds": [p[4] for p in places]},
        geometry=[Point(180_000 + p[0], p[1]) for p in places], crs=RD_NEW)
    percentages = draw(st.tuples(*[st.integers(0, 100)] * 3).filter(lambda s: 0 < sum(s) <= 100))
    model = DemandModel.defaults().replace(
        share_short=percentages[0] / 100, share_mid=percentages[1] / 100, share_long=percentages[2] / 100,
        persons_per_bed=draw(st.sampled_from([0.5, 0.8, 0.9, 1.0])),
        weight_existing=draw(st.sampled_from([0.0, 0.5, 1.0])),
        weight_permitted=draw(st.sampled_from([0.0, 0.75, 1.0])),
        weight_planned=draw(st.sampled_from([0.0, 0.5, 1.0])))
    if draw(st.booleans()):
        chosen = scenario(USER, 2030, draw(st.integers(1, 300_000)))
    else:
        chosen = scenario(CURRENT)
    return municipalities, table, accommodations, model, chosen, draw(st.sampled_from(DISTRIBUTION_METHODS))


def _gap(world):
    municipalities, table, accommodations, model, chosen, method = world
    return compute_housing_gap(municipalities, table, accommodations, None, model, chosen, method=method)


GAP_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@GAP_SETTINGS
@given(world=gap_worlds())
def test_gap_totals_are_conserved_from_municipalities_to_regions_to_the_province(world):
    result = _gap(world)
    municipal = pd.DataFrame(result.municipalities)
    regions = pd.DataFrame(result.regions)
    province = result.province
    by_region = regions[regions["level"] == "region"]
    for name in ADDITIVE:
        # An unknown figure (NaN) is left out of a sum; all unknown stays unknown.
        municipal_sum = municipal[name].astype("float64").sum(min_count=1)
        region_sum = by_region[name].astype("float64").sum(min_count=1)
        if np.isnan(municipal_sum):
            assert np.isnan(province[name]) and np.isnan(region_sum), name
            continue
        assert province[name] == pytest.approx(municipal_sum, abs=1e-5), name
        assert region_sum == pytest.approx(municipal_sum, abs=1e-5), name
    for frame in (municipal, regions):
        known = frame["demand_beds"].notna()
        gap = frame.loc[known, "demand_beds"] - frame.loc[known, "supply_beds"]
        assert np.allclose(frame.loc[known, "gap_beds"], gap, atol=1e-5)
        for category in ("short", "mid", "long"):
            assert np.allclose(frame.loc[known, f"gap_{category}"],
                               frame.loc[known, f"demand_{category}"] - frame.loc[known, f"supply_{category}"],
                               atol=1e-5)
        parts = frame[[f"supply_{c}" for c in ("short", "mid", "long", "unknown_stay")]].sum(axis=1)
        assert np.allclose(frame["supply_beds"], parts, atol=1e-5)
        assert np.allclose(frame.loc[known, "demand_beds"],
                           frame.loc[known, [f"demand_{c}" for c in ("short", "mid", "long")]].sum(axis=1))


@GAP_SETTINGS
@given(world=gap_worlds())
def test_every_counted_bed_and_every_labour_migrant_is_counted_once(world):
    municipalities, table, accommodations, model, chosen, _ = world
    result = _gap(world)
    province = result.province
    # Supply: each accommodation inside a municipality counts its beds x its status weight.
    assigned = result.accommodations
    counted = assigned[assigned["counted"].astype(bool)]
    assert province["supply_beds"] == pytest.approx(counted["supply_beds"].sum(), abs=1e-5)
    weights = {"existing": model.weight_existing, "permitted": model.weight_permitted,
               "planned": model.weight_planned}
    for _, row in counted.iterrows():
        assert row["supply_beds"] == pytest.approx(row["acc_beds"] * weights[row["acc_status"]])
    # On a municipality's boundary counts as in it (the model assigns by "covered by"; a
    # point on the province's outer edge is in no interior, yet in the province).
    inside = accommodations.geometry.covered_by(shapely.union_all(municipalities.geometry.values))
    supply_statuses = accommodations["status"].isin(weights)
    assert len(counted) == int((inside & supply_statuses).sum())
    # Demand side: a scenario total is divided exactly; the current picture is the table's.
    if chosen.total is not None:
        assert province["labour_migrants"] == chosen.total
    else:
        latest = table[table["year"] == table["year"].max()]
        assert province["labour_migrants"] == latest["count"].sum()


# ---------------------------------------------------------------- the business-effect model

from limburg_flexwonen_plugin.core import business_effect as effect_model  # noqa: E402


@st.composite
def effect_worlds(draw):
    """A gap world plus one to three growing businesses in and around it, a reach and an
    allocation method."""
    municipalities, table, accommodations, model, chosen, method = draw(gap_worlds())
    width = 2_000 * len(municipalities)
    count = draw(st.integers(1, 3))
    places = [Point(180_000 + draw(st.integers(-4_000, width + 4_000)), draw(st.integers(346_000, 356_000)))
              for _ in range(count)]
    jobs_now = draw(st.integers(0, 2_000))
    frame = gpd.GeoDataFrame({"name": [f"Bedrijf {n}" for n in range(count)]}, geometry=places, crs=RD_NEW)
    businesses, _ = effect_model.read_businesses(
        frame, effect_model.BusinessFields(name="name"),
        effect_model.BusinessDefaults(jobs_now, jobs_now + draw(st.integers(0, 5_000)),
                                      2025, 2025 + draw(st.integers(1, 8)),
                                      draw(st.integers(0, 100)) / 100.0), layer="businesses")
    reach = effect_model.Reach.radius(draw(st.integers(1, 25)))
    settings = effect_model.AllocationSettings(
        draw(st.sampled_from(effect_model.ALLOCATION_METHODS)), border=draw(st.sampled_from(
            effect_model.BORDER_CHOICES)))
    gap = compute_housing_gap(municipalities, table, accommodations, None, model, chosen, method=method)
    return businesses, gap, reach, settings


# Each example computes a gap and an effect (about half a second): fewer examples.
EFFECT_SETTINGS = settings(GAP_SETTINGS, max_examples=15)


@EFFECT_SETTINGS
@given(world=effect_worlds())
def test_effect_beds_are_conserved_from_demand_to_places_and_years(world):
    businesses, gap, reach, settings = world
    result = effect_model.compute_business_effect(businesses, gap, reach=reach, settings=settings)
    for effect in result.effects:
        # Every bed of the demand is placed in a municipality or reported as not placed.
        assert np.array_equal(effect.placed + effect.unplaced, effect.demand)
        allocation = effect.allocation
        if len(allocation):
            for position, category in enumerate(("short", "mid", "long")):
                assert int(allocation[f"beds_{category}"].sum()) == int(effect.placed[position])
        else:
            assert int(effect.placed.sum()) == 0
        # The years' new beds add up to the beds at full operation.
        years = effect.phasing
        assert int(years["new_beds"].sum()) == int(years["beds"].iloc[-1]) == effect.total
    assert result.placed + result.unplaced == result.total
    # The gap after = the gap before + the placed beds, per municipality and in the province.
    municipal = pd.DataFrame(result.municipalities)
    assert int(municipal["effect_beds"].sum()) == result.placed
    known = municipal["demand_beds"].notna() & municipal["demand_beds_before"].notna()
    assert np.allclose(municipal.loc[known, "demand_beds"] - municipal.loc[known, "demand_beds_before"],
                       municipal.loc[known, "effect_beds"])
    assert np.allclose(municipal.loc[known, "gap_beds"] - municipal.loc[known, "gap_beds_before"],
                       municipal.loc[known, "effect_beds"], atol=1e-5)
