"""Hand-checkable geometry cases for every edge of the classification rule (pure core)."""
import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, box

from limburg_flexwonen_plugin.core.classify_sites import (ClassificationParameters,
                                                           classify_sites)
from limburg_flexwonen_plugin.core.errors import InputError

X0, Y0 = 200_000, 380_000
# A 1000 x 800 m kern with a 200 x 200 m park (hole) in the middle.
KERN = Polygon(box(X0, Y0, X0 + 1000, Y0 + 800).exterior.coords,
               [box(X0 + 400, Y0 + 300, X0 + 600, Y0 + 500).exterior.coords])
# A second kern, multipart, 3 km east.
EAST = MultiPolygon([box(X0 + 3000, Y0, X0 + 3200, Y0 + 200), box(X0 + 3400, Y0, X0 + 3600, Y0 + 200)])


def builtup(crs=28992):
    frame = gpd.GeoDataFrame({"kern_name": ["Sevenum", "Oost"]}, geometry=[KERN, EAST], crs=28992)
    return frame.to_crs(crs) if crs != 28992 else frame


CASES = {
    # name: (geometry, class, share, distance)
    "inside": (box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200), "inside", 1.0, 0.0),
    "on_boundary_inside": (box(X0, Y0 + 100, X0 + 100, Y0 + 200), "inside", 1.0, 0.0),
    "touching_outside": (box(X0 - 100, Y0 + 100, X0, Y0 + 200), "edge", 0.0, 0.0),
    "touching_corner": (box(X0 - 100, Y0 - 100, X0, Y0), "edge", 0.0, 0.0),
    "at_edge_distance": (box(X0 - 350, Y0 + 100, X0 - 250, Y0 + 200), "edge", 0.0, 250.0),
    "just_beyond_edge": (box(X0 - 350.5, Y0 + 100, X0 - 250.5, Y0 + 200), "outside", 0.0, 250.5),
    "in_hole": (box(X0 + 450, Y0 + 350, X0 + 550, Y0 + 450), "edge", 0.0, 50.0),
    "hole_exactly": (box(X0 + 400, Y0 + 300, X0 + 600, Y0 + 500), "edge", 0.0, 0.0),
    "half_inside": (box(X0 - 50, Y0 + 100, X0 + 50, Y0 + 200), "edge", 0.5, 0.0),
    "share_at_threshold": (box(X0 - 10, Y0 + 100, X0 + 90, Y0 + 200), "inside", 0.9, 0.0),
    "share_below_threshold": (box(X0 - 11, Y0 + 100, X0 + 89, Y0 + 200), "edge", 0.89, 0.0),
    "multipart_half": (MultiPolygon([box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200),
                                     box(X0 - 700, Y0 + 100, X0 - 600, Y0 + 200)]), "edge", 0.5, 0.0),
    "between_two_parts": (box(X0 + 3250, Y0 + 50, X0 + 3350, Y0 + 150), "edge", 0.0, 50.0),
    "far_outside": (box(X0 - 2000, Y0 - 2000, X0 - 1900, Y0 - 1900), "outside", 0.0, None),
    "point_inside": (Point(X0 + 10, Y0 + 10), "inside", 1.0, 0.0),
    "point_on_boundary": (Point(X0, Y0 + 50), "inside", 1.0, 0.0),
    "point_in_hole": (Point(X0 + 500, Y0 + 400), "edge", 0.0, 100.0),
    "point_at_edge_distance": (Point(X0 - 250, Y0 + 400), "edge", 0.0, 250.0),
    "point_beyond_edge": (Point(X0 - 250.01, Y0 + 400), "outside", 0.0, 250.01),
    "multipoint_half": (MultiPoint([(X0 + 10, Y0 + 10), (X0 - 500, Y0 + 10)]), "edge", 0.5, 0.0),
}


@pytest.fixture(scope="module")
def classified():
    names = list(CASES)
    sites = gpd.GeoDataFrame({"name": names}, geometry=[CASES[n][0] for n in names], crs=28992)
    return classify_sites(sites, builtup(), site_id_field="name").set_index("site_id")


@pytest.mark.parametrize("name", list(CASES))
def test_rule_edge_cases(classified, name):
    _, expected_class, expected_share, expected_distance = CASES[name]
    row = classified.loc[name]
    assert row.location_class == expected_class
    assert row.inside_share == pytest.approx(expected_share, abs=1e-6)
    if expected_distance is not None:
        assert row.distance_m == pytest.approx(expected_distance, abs=1e-3)


def test_far_outside_distance_is_to_the_nearest_corner(classified):
    # From (X0-1900, Y0-1900) to the kern's corner (X0, Y0).
    assert classified.loc["far_outside"].distance_m == pytest.approx(np.hypot(1900, 1900), abs=1e-3)


def test_nearest_kern_names(classified):
    assert classified.loc["inside"].nearest_kern == "Sevenum"
    assert classified.loc["between_two_parts"].nearest_kern == "Oost"
    assert classified.loc["far_outside"].nearest_kern == "Sevenum"


def test_parameters_and_rules_version_are_recorded(classified):
    assert (classified.edge_distance_m == 250.0).all()
    assert (classified.min_inside_share == 0.9).all()
    assert classified.rules_version.str.startswith("location_classification ").all()


def test_larger_edge_distance_turns_outside_into_edge():
    sites = gpd.GeoDataFrame({"id": [1]}, geometry=[CASES["just_beyond_edge"][0]], crs=28992)
    wider = classify_sites(sites, builtup(), ClassificationParameters(251.0, 0.9))
    assert wider.location_class.iloc[0] == "edge"


def test_threshold_parameter_changes_inside():
    sites = gpd.GeoDataFrame({"id": [1]}, geometry=[CASES["half_inside"][0]], crs=28992)
    assert classify_sites(sites, builtup(), ClassificationParameters(250, 0.5)).location_class.iloc[0] == "inside"


def test_geographic_input_gives_the_same_classes_and_distances(classified):
    names = list(CASES)
    sites = gpd.GeoDataFrame({"name": names}, geometry=[CASES[n][0] for n in names], crs=28992)
    in_wgs84 = classify_sites(sites.to_crs(4326), builtup(4326), site_id_field="name").set_index("site_id")
    assert (in_wgs84.location_class == classified.location_class).all()
    assert np.allclose(in_wgs84.distance_m, classified.distance_m, atol=1e-3)
    assert np.allclose(in_wgs84.inside_share, classified.inside_share, atol=1e-6)


def test_overlapping_kernen_do_not_double_count():
    doubled = gpd.GeoDataFrame({"kern_name": ["A", "B"]},
                               geometry=[box(0, 300_000, 100, 300_100), box(0, 300_000, 100, 300_100)],
                               crs=28992)
    sites = gpd.GeoDataFrame({"id": [1]}, geometry=[box(50, 300_000, 150, 300_100)], crs=28992)
    result = classify_sites(sites, doubled)
    assert result.inside_share.iloc[0] == pytest.approx(0.5)


def test_straddling_municipalities_gets_largest_share_and_flag():
    municipalities = gpd.GeoDataFrame(
        {"gm_code": ["GM0001", "GM0002"], "gm_name": ["West", "Oost"], "region": ["Noord-Limburg"] * 2},
        geometry=[box(X0 - 5000, Y0 - 5000, X0 + 500, Y0 + 5000), box(X0 + 500, Y0 - 5000, X0 + 6000, Y0 + 5000)],
        crs=28992)
    sites = gpd.GeoDataFrame({"id": ["a", "b", "c", "d"]}, geometry=[
        box(X0 + 430, Y0 + 100, X0 + 530, Y0 + 200),   # 70 % west, 30 % east
        box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200),   # west only
        Point(X0 + 500, Y0 + 50),                      # on the shared boundary
        box(X0 + 9000, Y0, X0 + 9100, Y0 + 100),       # outside both
    ], crs=28992)
    result = classify_sites(sites, builtup(), municipalities=municipalities, site_id_field="id").set_index("site_id")
    assert result.loc["a"].gm_code == "GM0001"
    assert result.loc["a"].municipality_share == pytest.approx(0.7)
    assert bool(result.loc["a"].straddles_municipalities) is True
    assert result.loc["b"].gm_code == "GM0001" and bool(result.loc["b"].straddles_municipalities) is False
    assert result.loc["c"].gm_code == "GM0001" and bool(result.loc["c"].straddles_municipalities) is True
    assert result.loc["d"].gm_code is None and "outside every municipality" in result.loc["d"].remarks


def test_invalid_null_and_line_geometries_are_reported_per_feature():
    bowtie = Polygon([(X0 + 100, Y0 + 100), (X0 + 200, Y0 + 200), (X0 + 200, Y0 + 100), (X0 + 100, Y0 + 200)])
    sites = gpd.GeoDataFrame({"id": [1, 2, 3, 4]}, geometry=[
        bowtie, None, LineString([(X0, Y0), (X0 + 10, Y0)]), box(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20)],
        crs=28992)
    result = classify_sites(sites, builtup(), site_id_field="id").set_index("site_id")
    assert result.loc[1].location_class == "inside"
    assert "invalid geometry repaired" in result.loc[1].remarks
    assert "Self-intersection" in result.loc[1].remarks
    assert result.loc[2].location_class is None and "no geometry" in result.loc[2].remarks
    assert result.loc[3].location_class is None and "line" in result.loc[3].remarks
    assert result.loc[4].location_class == "inside" and result.loc[4].remarks is None


def test_result_keeps_input_index_and_order():
    sites = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[Point(X0 + 10, Y0 + 10), Point(X0 - 900, Y0)],
                             crs=28992, index=[17, 3])
    result = classify_sites(sites, builtup())
    assert list(result.index) == [17, 3]
    assert list(result.location_class) == ["inside", "outside"]


@pytest.mark.parametrize("problem, message", [
    ("empty_sites", "layer 'sites': the layer has no features"),
    ("no_crs", "layer 'sites': the layer has no coordinate reference system"),
    ("empty_builtup", "layer 'built-up area': the layer has no features"),
    ("missing_field", "field 'nope': field not found"),
    ("far_away", "far outside the Netherlands"),
])
def test_unusable_input_gives_a_clear_message(problem, message):
    sites = gpd.GeoDataFrame({"id": [1]}, geometry=[Point(X0, Y0)], crs=28992)
    kernen = builtup()
    kwargs = {}
    if problem == "empty_sites":
        sites = sites.iloc[0:0]
    elif problem == "no_crs":
        sites = sites.set_crs(None, allow_override=True)
    elif problem == "empty_builtup":
        kernen = kernen.iloc[0:0]
    elif problem == "missing_field":
        kwargs["site_id_field"] = "nope"
    elif problem == "far_away":
        sites = gpd.GeoDataFrame({"id": [1]}, geometry=[Point(151.2, -33.9)], crs=4326)  # Sydney
    with pytest.raises(InputError) as error:
        classify_sites(sites, kernen, **kwargs)
    assert message in str(error.value)


def test_out_of_range_parameters_are_refused():
    sites = gpd.GeoDataFrame({"id": [1]}, geometry=[Point(X0, Y0)], crs=28992)
    with pytest.raises(InputError, match="min_inside_share"):
        classify_sites(sites, builtup(), ClassificationParameters(250, 0.0))
    with pytest.raises(InputError, match="edge_distance_m"):
        classify_sites(sites, builtup(), ClassificationParameters(-1, 0.9))
