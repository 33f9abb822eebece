"""The fast route for GeoPackage outputs (processing/geopackage_output.py and
processing/packed_rtree.py): the file is the one QGIS's sink would have written, its
spatial index answers every query as a brute-force search does and stays right when
the layer is edited, and a cancel leaves no file."""
import datetime
import shutil
import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (QgsFeature, QgsFeatureRequest, QgsGeometry, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject,
                       QgsRectangle, QgsVectorLayer, QgsWkbTypes, QgsCoordinateReferenceSystem)
from shapely.geometry import Point, Polygon, box

from conftest import open_layer
from limburg_flexwonen_plugin.core.errors import CancelledError
from limburg_flexwonen_plugin.bridge import geopackage as geopackage_output, packed_rtree
from limburg_flexwonen_plugin.bridge.values import make_fields

import processing

RD = QgsCoordinateReferenceSystem("EPSG:28992")


@pytest.fixture
def demo_copy(demo_gpkg, tmp_path):
    copy = tmp_path / "demo.gpkg"
    shutil.copy(demo_gpkg, copy)
    return copy


def _classify(demo_copy, output):
    return processing.run("flexwonen:classifysites", {
        "SITES": f"{demo_copy}|layername=candidate_sites", "SITE_ID_FIELD": "name",
        "BUILTUP": f"{demo_copy}|layername=builtup", "KERN_NAME_FIELD": "kern_name",
        "MUNICIPALITIES": f"{demo_copy}|layername=municipalities", "OUTPUT": output})["OUTPUT"]


def _rows(layer):
    request = QgsFeatureRequest().addOrderBy("fid")
    return [(feature.id(), feature.attributes(), feature.geometry().asWkb().data())
            for feature in layer.getFeatures(request)]


def test_the_fast_route_writes_what_the_sink_writes(flexwonen_provider, demo_copy, tmp_path, monkeypatch):
    calls = []
    real_write = geopackage_output.write_geopackage
    monkeypatch.setattr(geopackage_output, "write_geopackage",
                        lambda *args, **kwargs: calls.append(args[1]) or real_write(*args, **kwargs))
    fast_path = tmp_path / "classified.sites.gpkg"
    fast_id = _classify(demo_copy, str(fast_path))
    slow_id = _classify(demo_copy, f"ogr:dbname='{tmp_path / 'sink.gpkg'}' table=\"sink\" (geom)")
    assert calls == [str(fast_path)], "a plain GeoPackage path did not take the fast route"
    assert fast_id == str(fast_path)
    fast, slow = QgsVectorLayer(fast_id, "fast", "ogr"), QgsVectorLayer(slow_id, "slow", "ogr")
    assert fast.isValid() and slow.isValid()
    # Layer named as QGIS names it: the file name up to its first dot.
    assert fast.dataProvider().subLayers()[0].split("!!::!!")[1] == "classified"
    assert [(f.name(), f.type(), f.typeName()) for f in fast.fields()] == \
        [(f.name(), f.type(), f.typeName()) for f in slow.fields()]
    assert fast.wkbType() == slow.wkbType() == QgsWkbTypes.Type.MultiPolygon
    assert fast.crs().authid() == slow.crs().authid() == "EPSG:28992"
    assert fast.featureCount() == slow.featureCount() == 52
    for path, table in [(fast_path, "classified"), (tmp_path / "sink.gpkg", "sink")]:
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT identifier, data_type FROM gpkg_contents").fetchall() == \
                [(table, "features")]
            assert connection.execute("SELECT extension_name FROM gpkg_extensions").fetchall() == \
                [("gpkg_rtree_index",)]
    assert _rows(fast) == _rows(slow)
    assert {row[1][fast.fields().indexOf("location_class")] for row in _rows(fast)} == \
        {"inside", "edge", "outside"}


def test_a_loaded_fast_output_is_named_and_styled_like_any_other(flexwonen_provider, demo_copy, tmp_path):
    project = QgsProject.instance()
    before = set(project.mapLayers())
    output = tmp_path / "result.gpkg"
    processing.runAndLoadResults("flexwonen:classifysites", {
        "SITES": f"{demo_copy}|layername=candidate_sites", "BUILTUP": f"{demo_copy}|layername=builtup",
        "OUTPUT": str(output)})
    added = [project.mapLayer(layer_id) for layer_id in set(project.mapLayers()) - before]
    try:
        assert len(added) == 1
        layer = added[0]
        assert layer.source().startswith(str(output))
        assert layer.featureCount() == 52
        assert layer.renderer().type() == "categorizedSymbol", "the classification style was not applied"
    finally:
        project.removeMapLayers([layer.id() for layer in added])


@pytest.mark.parametrize("destination, fast", [
    ("{tmp}/out.gpkg", True), ("{tmp}/OUT.GPKG", True), ("{tmp}/out.shp", False),
    ("{tmp}/out", False), ("TEMPORARY_OUTPUT", False), ("memory:", False),
    ("ogr:dbname='{tmp}/out.gpkg' table=\"t\" (geom)", False), ("{tmp}/out.gpkg|layername=t", False),
])
def test_which_destinations_take_the_fast_route(tmp_path, destination, fast):
    value = destination.format(tmp=tmp_path)
    context = QgsProcessingContext()
    assert (geopackage_output.plain_geopackage({"OUTPUT": value}, "OUTPUT", context) is not None) == fast
    definition = QgsProcessingOutputLayerDefinition(value, QgsProject.instance())
    assert (geopackage_output.plain_geopackage({"OUTPUT": definition}, "OUTPUT", context) is not None) == fast


def test_columns_that_do_not_map_one_to_one_go_to_the_sink():
    fields = make_fields([("text", "string"), ("count", "int"), ("share", "double"), ("flag", "bool")])
    good = pd.DataFrame({"text": ["a", None, np.nan], "count": pd.array([1, None, 3], dtype="Int64"),
                         "share": [0.5, np.nan, np.inf], "flag": [True, None, False]})
    arrays = geopackage_output.column_arrays(good, fields)
    assert arrays is not None
    (text, text_missing), (count, count_missing), (share, share_missing), (flag, flag_missing) = arrays
    assert list(text) == ["a", None, None] and text_missing is None
    assert count.tolist() == [1, 0, 3] and count_missing.tolist() == [False, True, False]
    assert share_missing.tolist() == [False, True, True]
    assert flag.tolist() == [True, False, False] and flag_missing.tolist() == [False, True, False]
    assert geopackage_output.column_arrays(good.assign(count=[1.0, np.nan, 3.0]), fields)[1][0].tolist() == [1, 0, 3]
    for column, values in [("text", [1, "b", None]), ("count", [1.5, 2.0, 3.0]), ("flag", [1, 0, 1]),
                           ("text", [datetime.date(2026, 1, 1)] * 3)]:
        assert geopackage_output.column_arrays(good.assign(**{column: values}), fields) is None, column
    assert geopackage_output.column_arrays(good, make_fields([("fid", "int")])) is None
    assert geopackage_output.column_arrays(good.assign(day=[datetime.date(2026, 1, 1)] * 3),
                                           make_fields([("day", "date")])) is None
    assert geopackage_output.column_arrays(good, make_fields([("absent", "int")])) is None
    assert geopackage_output.column_arrays(good, make_fields([("absent", "string")]))[0][0].tolist() == \
        [None, None, None]


def _boxes_frame(count, seed=1):
    """Polygons and a few special rows: null and empty geometries, single and multi parts."""
    random = np.random.default_rng(seed)
    x = random.uniform(150_000, 210_000, count)
    y = random.uniform(300_000, 420_000, count)
    size = random.uniform(1, 400, (count, 2))
    geometries = list(shapely.box(x, y, x + size[:, 0], y + size[:, 1]))
    geometries[3] = None
    geometries[7] = Polygon()
    geometries[11] = shapely.MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 6)])
    return gpd.GeoDataFrame({"n": np.arange(count), "label": [f"site {i}" for i in range(count)]},
                            geometry=geometries, crs=28992)


def _write(frame, path):
    fields = make_fields([("n", "int"), ("label", "string")])
    arrays = geopackage_output.column_arrays(frame, fields)
    geopackage_output.write_geopackage(frame, str(path), path.stem, fields, arrays,
                                       QgsWkbTypes.Type.MultiPolygon, RD)


def _rtree_check(path, layer):
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT rtreecheck('rtree_{layer}_geom')").fetchone()[0]


def _query(layer, rectangle):
    request = QgsFeatureRequest().setFilterRect(rectangle).setNoAttributes()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return sorted(feature.id() for feature in layer.getFeatures(request))


def _brute_force(frame, rectangle):
    bounds = shapely.bounds(frame.geometry.values)
    hit = ~((bounds[:, 2] < rectangle.xMinimum()) | (bounds[:, 0] > rectangle.xMaximum())
            | (bounds[:, 3] < rectangle.yMinimum()) | (bounds[:, 1] > rectangle.yMaximum()))
    hit &= ~(shapely.is_missing(frame.geometry.values) | shapely.is_empty(frame.geometry.values))
    return sorted((np.flatnonzero(hit) + 1).tolist())


@pytest.mark.parametrize("count", [1, 50, 6_000])
def test_the_packed_spatial_index_answers_as_a_full_scan_does(tmp_path, count):
    frame = _boxes_frame(max(count, 12))
    path = tmp_path / "boxes.gpkg"
    _write(frame, path)
    assert _rtree_check(path, "boxes") == "ok"
    layer = open_layer(path, "boxes")
    assert layer.featureCount() == len(frame)
    assert layer.dataProvider().hasSpatialIndex() == layer.dataProvider().SpatialIndexPresent
    random = np.random.default_rng(7)
    for _ in range(40):
        x, y = random.uniform(150_000, 210_000), random.uniform(300_000, 420_000)
        rectangle = QgsRectangle(x, y, x + random.uniform(10, 20_000), y + random.uniform(10, 20_000))
        assert _query(layer, rectangle) == _brute_force(frame, rectangle)
    # The far-away multipolygon and a box's exact edge (float32 rounding must not lose it).
    assert _query(layer, QgsRectangle(5.5, 5.5, 5.6, 5.6)) == [12]
    first = shapely.bounds(frame.geometry.values[0])
    edge = QgsRectangle(first[2], first[3], first[2] + 1e-3, first[3] + 1e-3)
    assert 1 in _query(layer, edge)


def test_the_index_stays_right_when_the_user_edits_the_layer(tmp_path):
    frame = _boxes_frame(3_000)
    path = tmp_path / "edited.gpkg"
    _write(frame, path)
    layer = open_layer(path, "edited")
    assert layer.startEditing()
    moved = QgsGeometry.fromWkt("MultiPolygon(((1000 1000, 1010 1000, 1010 1010, 1000 1000)))")
    assert layer.changeGeometry(20, moved)
    assert layer.deleteFeatures(list(range(100, 400)))
    added = QgsFeature(layer.fields())
    added.setAttributes([None, 99_999, "new"])
    added.setGeometry(QgsGeometry.fromWkt("MultiPolygon(((2000 2000, 2010 2000, 2010 2010, 2000 2000)))"))
    assert layer.addFeature(added)
    assert layer.commitChanges(), layer.commitErrors()
    assert _rtree_check(path, "edited") == "ok"
    reopened = open_layer(path, "edited")
    assert _query(reopened, QgsRectangle(995, 995, 1015, 1015)) == [20]
    assert len(_query(reopened, QgsRectangle(1995, 1995, 2015, 2015))) == 1
    everything = QgsRectangle(-1e7, -1e7, 1e7, 1e7)
    assert len(_query(reopened, everything)) == 3_000 - 300 + 1 - 2  # minus the null and empty rows


def test_a_cancel_while_writing_leaves_the_previous_file(tmp_path, monkeypatch):
    monkeypatch.setattr(geopackage_output, "ROWS_PER_BATCH", 1_000)
    path = tmp_path / "kept.gpkg"
    _write(_boxes_frame(20), path)
    before = path.read_bytes()

    class CancelsAfterTwoBatches(QgsProcessingFeedback):
        checks = 0

        def isCanceled(self):  # noqa: N802 (QGIS's name)
            self.checks += 1
            return self.checks > 2

    frame = _boxes_frame(5_000)
    fields = make_fields([("n", "int"), ("label", "string")])
    with pytest.raises(CancelledError):
        geopackage_output.write_geopackage(
            frame, str(path), "kept", fields, geopackage_output.column_arrays(frame, fields),
            QgsWkbTypes.Type.MultiPolygon, RD, feedback=CancelsAfterTwoBatches())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.gpkg"], "a temporary file stayed behind"


def test_packing_fills_nodes_and_keeps_every_box_inside_its_parent():
    random = np.random.default_rng(3)
    lower = random.uniform(0, 1000, (10_000, 2))
    bounds = np.column_stack([lower, lower + random.uniform(0, 5, (10_000, 2))])
    boxes = packed_rtree.rounded_boxes(bounds)
    assert (boxes[:, 0] <= bounds[:, 0]).all() and (boxes[:, 1] >= bounds[:, 2]).all()
    assert (boxes[:, 2] <= bounds[:, 1]).all() and (boxes[:, 3] >= bounds[:, 3]).all()
    levels = list(packed_rtree.pack_levels(boxes, 51))
    assert [len(starts) for _, _, starts in levels] == [197, 4, 1]
    below = boxes
    for order, node_boxes, starts in levels:
        assert sorted(order.tolist()) == list(range(len(below)))
        owner = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(order))))
        inner = below[order]
        parent = node_boxes[owner]
        assert (parent[:, 0] <= inner[:, 0]).all() and (parent[:, 1] >= inner[:, 1]).all()
        assert (parent[:, 2] <= inner[:, 2]).all() and (parent[:, 3] >= inner[:, 3]).all()
        below = node_boxes
