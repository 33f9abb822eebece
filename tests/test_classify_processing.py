"""The classification through real QGIS Processing (processing.run) on real GeoPackages."""
import geopandas as gpd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsWkbTypes
from shapely.geometry import Point, box

from conftest import features_by, open_layer
from test_classify_core import CASES, builtup

import processing


@pytest.fixture(scope="module")
def hand_cases_gpkg(tmp_path_factory):
    """The hand-checkable cases as a GeoPackage in EPSG:4326 (the algorithm works in RD)."""
    path = tmp_path_factory.mktemp("cases") / "cases.gpkg"
    names = [n for n in CASES if not n.startswith(("point", "multipoint"))]
    polygons = gpd.GeoDataFrame({"site_id": names, "planned_beds": range(len(names))},
                                geometry=[CASES[n][0] for n in names], crs=28992)
    polygons.to_crs(4326).to_file(path, layer="sites", promote_to_multi=True)
    points = [n for n in CASES if n.startswith("point")]
    gpd.GeoDataFrame({"site_id": points}, geometry=[CASES[n][0] for n in points],
                     crs=28992).to_file(path, layer="points")
    builtup().to_file(path, layer="builtup", promote_to_multi=True)
    return path


def run_classify(path, sites_layer, tmp_path, **extra):
    parameters = {
        "SITES": f"{path}|layername={sites_layer}",
        "SITE_ID_FIELD": "site_id",
        "BUILTUP": f"{path}|layername=builtup",
        "OUTPUT": str(tmp_path / f"{sites_layer}_out.gpkg"),
    }
    parameters.update(extra)
    result = processing.run("flexwonen:classifysites", parameters)
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.isValid()
    return layer


@pytest.mark.parametrize("layer_name", ["sites", "points"])
def test_processing_gives_the_hand_checked_classes(flexwonen_provider, hand_cases_gpkg, tmp_path, layer_name):
    layer = run_classify(hand_cases_gpkg, layer_name, tmp_path)
    rows = features_by(layer, "site_id")
    assert set(rows) == {n for n in CASES if (n.startswith("point") == (layer_name == "points"))
                         and not n.startswith("multipoint")}
    for name, feature in rows.items():
        _, expected_class, expected_share, expected_distance = CASES[name]
        assert feature["location_class"] == expected_class, name
        # Through EPSG:4326 and back a touching edge may overlap by a fraction of a millimetre.
        assert feature["inside_share"] == pytest.approx(expected_share, abs=1e-5), name
        if expected_distance is not None:
            # Through EPSG:4326 and back: still within a millimetre.
            assert feature["distance_m"] == pytest.approx(expected_distance, abs=1e-3), name
    assert layer.crs().authid() == "EPSG:28992"


def test_output_keeps_input_attributes_and_records_parameters(flexwonen_provider, hand_cases_gpkg, tmp_path):
    layer = run_classify(hand_cases_gpkg, "sites", tmp_path, EDGE_DISTANCE=300, MIN_INSIDE_SHARE=0.8)
    names = layer.fields().names()
    assert "planned_beds" in names
    for field in ("location_class", "location_label", "inside_share", "distance_m", "nearest_kern",
                  "gm_code", "edge_distance_m", "min_inside_share", "rules_version", "remarks"):
        assert field in names
    feature = next(layer.getFeatures())
    assert feature["edge_distance_m"] == 300 and feature["min_inside_share"] == 0.8
    rows = features_by(layer, "site_id")
    assert rows["just_beyond_edge"]["location_class"] == "edge"      # 250.5 m < 300 m
    assert rows["share_below_threshold"]["location_class"] == "inside"  # 0.89 >= 0.8
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry


def test_selected_features_only(flexwonen_provider, hand_cases_gpkg, tmp_path):
    from qgis.core import QgsProcessingFeatureSourceDefinition
    sites = open_layer(hand_cases_gpkg, "sites")
    from qgis.core import QgsProject
    QgsProject.instance().addMapLayer(sites)
    try:
        sites.selectByExpression("\"site_id\" IN ('inside', 'far_outside')")
        definition = QgsProcessingFeatureSourceDefinition(sites.id(), selectedFeaturesOnly=True)
        layer = run_classify(hand_cases_gpkg, "sites", tmp_path, SITES=definition)
        assert sorted(features_by(layer, "site_id")) == ["far_outside", "inside"]
    finally:
        QgsProject.instance().removeMapLayer(sites.id())


def test_empty_layer_gives_a_clear_processing_error(flexwonen_provider, tmp_path):
    path = tmp_path / "empty.gpkg"
    gpd.GeoDataFrame({"site_id": []}, geometry=gpd.GeoSeries([], crs=28992)).to_file(path, layer="sites")
    builtup().to_file(path, layer="builtup", promote_to_multi=True)
    with pytest.raises(QgsProcessingException, match="layer 'sites'.*no features"):
        run_classify(path, "sites", tmp_path)


def test_demo_data_through_processing(flexwonen_provider, demo_gpkg, tmp_path):
    output = tmp_path / "demo_classified.gpkg"
    result = processing.run("flexwonen:classifysites", {
        "SITES": f"{demo_gpkg}|layername=candidate_sites", "SITE_ID_FIELD": "site_id",
        "BUILTUP": f"{demo_gpkg}|layername=builtup", "KERN_NAME_FIELD": "kern_name",
        "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities", "OUTPUT": str(output)})
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    source = open_layer(demo_gpkg, "candidate_sites")
    assert layer.featureCount() == source.featureCount()
    rows = features_by(layer, "site_id")
    by_case = {}
    for feature in rows.values():
        by_case.setdefault(feature["case"], []).append(feature)
    expected = {"inside": "inside", "on_boundary_inside": "inside", "touching_outside": "edge",
                "at_edge_distance": "edge", "just_beyond_edge": "outside", "in_hole": "edge",
                "straddling_contour_half": "edge", "mostly_inside_95": "inside", "multipart": "edge",
                "far_outside": "outside", "outside_province": "outside"}
    for case, location_class in expected.items():
        assert [f["location_class"] for f in by_case[case]] == [location_class], case
    straddling = by_case["straddling_municipalities"][0]
    assert straddling["straddles_municipalities"] is True or straddling["straddles_municipalities"] == 1
    assert straddling["municipality_share"] == pytest.approx(0.7, abs=0.05)
    outside = by_case["outside_province"][0]
    assert not outside["gm_code"] and "outside every municipality" in outside["remarks"]
    regular = [f for f in rows.values() if f["case"] == "regular"]
    assert {f["location_class"] for f in regular} == {"inside", "edge", "outside"}
    assert all(f["gm_code"].startswith("GM") for f in regular)
