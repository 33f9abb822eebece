"""Reading layers for the core: straight from the file when that gives the same
features as QGIS, through QGIS otherwise; and the streamed Processing algorithm."""
import shutil

import numpy as np
import pyogrio
import pytest
import shapely
from qgis.core import (QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingFeedback, QgsProject, QgsVectorLayer)

from conftest import features_by, open_layer
from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.bridge.read import direct_file_target, layer_to_frame, source_to_frame

import processing

DEMO_LAYERS = ["candidate_sites", "candidate_points", "accommodations", "builtup", "municipalities"]


def same_values(left, right):
    return all((a == b) or (a is None and b is None) or
               (isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b))
               for a, b in zip(left, right))


@pytest.mark.parametrize("name", DEMO_LAYERS)
def test_file_route_gives_the_frame_qgis_gives(qgis_app, demo_gpkg, name):
    layer = open_layer(demo_gpkg, name)
    assert direct_file_target(layer) == (str(demo_gpkg), name)
    direct = layer_to_frame(layer, layer, name)
    through_qgis = source_to_frame(layer, name)
    assert list(direct.index) == list(through_qgis.index)
    assert list(direct.columns) == list(through_qgis.columns)
    for column in direct.columns:
        if column == direct.geometry.name:
            assert (shapely.to_wkb(direct.geometry.values) == shapely.to_wkb(through_qgis.geometry.values)).all()
            continue
        assert direct[column].dtype == through_qgis[column].dtype, column
        assert same_values(direct[column].values, through_qgis[column].values), column
        assert {type(v) for v in direct[column].values} == {type(v) for v in through_qgis[column].values}, column
    assert direct.crs == through_qgis.crs


@pytest.fixture
def demo_copy(demo_gpkg, tmp_path):
    """A copy of the demo GeoPackage: QGIS writes to a GeoPackage when a layer filter is set."""
    copy = tmp_path / demo_gpkg.name
    shutil.copyfile(demo_gpkg, copy)
    return copy


def test_file_route_only_when_qgis_would_give_the_whole_file(qgis_app, demo_copy):
    demo_gpkg = demo_copy
    layer = open_layer(demo_gpkg, "candidate_sites")
    assert direct_file_target(layer, QgsProcessingFeatureSourceDefinition(layer.source())) is not None
    assert direct_file_target(layer, QgsProcessingFeatureSourceDefinition(layer.source(), True)) is None
    limited = QgsProcessingFeatureSourceDefinition(layer.source(), False, 5)
    assert direct_file_target(layer, limited) is None
    filtered = open_layer(demo_gpkg, "candidate_sites")
    filtered.setSubsetString("\"planned_beds\" > 100")
    assert direct_file_target(filtered) is None
    memory = layer.materialize(QgsFeatureRequest())
    assert direct_file_target(memory) is None
    # A virtual field is not in the file.
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QVariant
    virtual = open_layer(demo_gpkg, "candidate_sites")
    virtual.addExpressionField("\"planned_beds\" * 2", QgsField("double_beds", QVariant.Type.Int))
    assert direct_file_target(virtual) is None
    assert direct_file_target(virtual, field_names=["site_id"]) is not None


@pytest.fixture
def invalid_gpkg(tmp_path):
    import geopandas as gpd
    path = tmp_path / "invalid.gpkg"
    bowtie = shapely.Polygon([(190_000, 380_000), (190_100, 380_100), (190_100, 380_000), (190_000, 380_100)])
    gpd.GeoDataFrame({"site_id": ["ok", "bowtie"]},
                     geometry=[shapely.box(190_200, 380_000, 190_300, 380_100), bowtie],
                     crs=28992).to_file(path, layer="sites")
    return path


def test_invalid_geometries_are_read_by_both_routes_for_the_core_to_repair(qgis_app, invalid_gpkg):
    """Whatever the Processing setting, no feature is dropped or stops the read: the core
    repairs invalid geometries and says so per feature (same on the file and WKB routes)."""
    layer = open_layer(invalid_gpkg, "sites")
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    for check in (QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck,
                  QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid,
                  QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid):
        context.setInvalidGeometryCheck(check)
        source = QgsProcessingFeatureSourceDefinition(layer.source())
        direct = layer_to_frame(layer, layer, "sites", None, source, context, feedback)
        assert list(direct.site_id) == ["ok", "bowtie"]
        assert list(direct.index) == [1, 2]


def test_streamed_algorithm_equals_the_in_memory_algorithm(flexwonen_provider, demo_gpkg, tmp_path):
    common = {"SITE_ID_FIELD": "site_id", "BUILTUP": f"{demo_gpkg}|layername=builtup",
              "KERN_NAME_FIELD": "kern_name", "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities"}
    streamed = processing.run("flexwonen:classifysitesstreamed", dict(
        common, SITES=f"{demo_gpkg}|layername=candidate_sites", BATCH_SIZE=1000,
        OUTPUT=str(tmp_path / "streamed.gpkg")))
    in_memory = processing.run("flexwonen:classifysites", dict(
        common, SITES=f"{demo_gpkg}|layername=candidate_sites", OUTPUT=str(tmp_path / "memory.gpkg")))
    streamed_rows = features_by(QgsVectorLayer(streamed["OUTPUT"], "s", "ogr"), "site_id")
    memory_rows = features_by(QgsVectorLayer(in_memory["OUTPUT"], "m", "ogr"), "site_id")
    assert set(streamed_rows) == set(memory_rows) and len(streamed_rows) == 52
    for site_id, feature in memory_rows.items():
        other = streamed_rows[site_id]
        for field in ("location_class", "inside_share", "distance_m", "nearest_kern", "gm_code",
                      "municipality_share", "planned_beds", "name"):
            assert other[field] == feature[field], (site_id, field)
    from qgis.core import QgsFeatureSource
    assert QgsVectorLayer(streamed["OUTPUT"], "s", "ogr").hasSpatialIndex() == \
        QgsFeatureSource.SpatialIndexPresence.SpatialIndexPresent


def test_streamed_algorithm_refuses_what_it_cannot_stream(flexwonen_provider, demo_copy, tmp_path):
    from qgis.core import QgsProcessingException
    demo_gpkg = demo_copy
    filtered = open_layer(demo_gpkg, "candidate_sites")
    filtered.setSubsetString("\"planned_beds\" > 100")
    QgsProject.instance().addMapLayer(filtered)
    try:
        with pytest.raises(QgsProcessingException, match="cannot apply its filter"):
            processing.run("flexwonen:classifysitesstreamed", {
                "SITES": filtered.id(), "BUILTUP": f"{demo_gpkg}|layername=builtup",
                "OUTPUT": str(tmp_path / "out.gpkg")})
        memory = filtered.materialize(QgsFeatureRequest())
        QgsProject.instance().addMapLayer(memory)
        with pytest.raises(QgsProcessingException, match="stored in a GeoPackage"):
            processing.run("flexwonen:classifysitesstreamed", {
                "SITES": memory.id(), "BUILTUP": f"{demo_gpkg}|layername=builtup",
                "OUTPUT": str(tmp_path / "out.gpkg")})
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert not (tmp_path / "out.gpkg").exists()


def test_streamed_output_keeps_points(flexwonen_provider, demo_gpkg, tmp_path):
    result = processing.run("flexwonen:classifysitesstreamed", {
        "SITES": f"{demo_gpkg}|layername=candidate_points", "SITE_ID_FIELD": "site_id",
        "BUILTUP": f"{demo_gpkg}|layername=builtup", "SPATIAL_INDEX": False,
        "OUTPUT": str(tmp_path / "points.gpkg")})
    info = pyogrio.read_info(tmp_path / "points.gpkg", layer="classified_sites")
    assert info["geometry_type"] == "Point"
    assert info["features"] == open_layer(demo_gpkg, "candidate_points").featureCount()
    rows = features_by(QgsVectorLayer(result["OUTPUT"], "p", "ogr"), "case")
    assert rows["point_in_hole"]["location_class"] == "edge"
    assert rows["point_on_boundary"]["location_class"] == "inside"


def test_large_files_are_read_in_slices_with_the_same_result(qgis_app, demo_gpkg, monkeypatch):
    from limburg_flexwonen_plugin.bridge import read as qgis_bridge
    monkeypatch.setattr(qgis_bridge, "READ_SLICE", 7)   # the demo layer then counts as large
    layer = open_layer(demo_gpkg, "accommodations")
    feedback = QgsProcessingFeedback()
    sliced = layer_to_frame(layer, layer, "accommodations", feedback=feedback)
    whole = source_to_frame(layer, "accommodations")
    assert list(sliced.index) == list(whole.index)
    assert (shapely.to_wkb(sliced.geometry.values) == shapely.to_wkb(whole.geometry.values)).all()
    assert same_values(sliced["acc_id"].values, whole["acc_id"].values)
    feedback.cancel()
    from limburg_flexwonen_plugin.core.errors import CancelledError
    with pytest.raises(CancelledError):
        layer_to_frame(layer, layer, "accommodations", feedback=feedback)


def test_a_feature_qgis_cannot_reproject_keeps_its_row_and_attributes(qgis_app):
    """Reprojection is QGIS's (the thread rule): a feature outside the CRS's domain keeps
    its row, its own attributes and non-finite coordinates (which the core flags); the
    others are in RD."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from limburg_flexwonen_plugin.core.frames import crs_text
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=site_id:string", "sites", "memory")
    features = []
    for site_id, wkt in (("good", "POINT(5.9 51.4)"), ("bad", "POINT(5.9 200)"), ("good2", "POINT(6.0 51.0)")):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([site_id])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    frame = source_to_frame(layer, "sites")
    assert list(frame["site_id"]) == ["good", "bad", "good2"]
    assert frame.crs is None and crs_text(frame) == "EPSG:28992"
    x, y = frame.geometry.x.values, frame.geometry.y.values
    assert 190_000 < x[0] < 191_000 and 379_000 < y[0] < 380_000     # Venlo's neighbourhood in RD
    assert not np.isfinite([x[1], y[1]]).all()
    assert 197_000 < x[2] < 199_000
