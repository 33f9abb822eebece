"""An independent oracle: the same rule computed by QGIS's own native algorithms.

Thousands of generated sites around the demo kernen (rotated rectangles, multiparts,
points, multipoints, plus sites placed exactly on the rule's edges on a metre grid) are
classified twice:

* by the plugin (``flexwonen:classifysites``: pyogrio/shapely, vectorised, STRtree);
* by QGIS alone: ``native:dissolve`` of the built-up area, ``native:intersection`` for
  the area (or points) of each site inside it, ``native:multiparttosingleparts`` and
  ``QgsGeometry.distance`` to every built-up part for the distance to the nearest one,
  then the documented rule applied to those numbers. QGIS computes these with its own
  C++ geometry engine (QgsGeometry/QgsGeos) and its own dissolve.

(``native:joinbynearest`` measured the distance until QGIS 3.40: there it returns, for
some polygon sites, the distance to a part other than the nearest, up to 230 m too far,
where shapely and QgsGeometry.distance agree with the plugin to the millimetre.)

Classes must agree on every site, distances to within a millimetre and shares to
within 1e-6.
"""
import json
from collections import defaultdict

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import QgsGeometry, QgsVectorLayer
from shapely.geometry import MultiPoint, MultiPolygon, Point, box

import processing
from conftest import ROOT, open_layer

EDGE_DISTANCE = 250.0
MIN_INSIDE_SHARE = 0.9
RANDOM_SITES = 3000
SEED = 20240601
# The rule's tolerances as documented (README, "The classification rule"), written out
# here rather than imported, so a changed constant in the core cannot go unnoticed.
DISTANCE_TOLERANCE_M = 0.001
SHARE_TOLERANCE = 1e-9
REFERENCE_KERN = (196_000, 383_000)   # the demo's reference kern: 1000 x 800 m, park 400-600 x 300-500


def random_sites(kernen, rng):
    """Sites scattered around random points of random kern boundaries, most of them
    within a few hundred metres of the edge, where the rule's decisions are made."""
    boundaries = shapely.boundary(kernen)
    geometries = []
    for _ in range(RANDOM_SITES):
        anchor = shapely.line_interpolate_point(boundaries[rng.integers(len(kernen))], rng.random(),
                                                normalized=True)
        angle = rng.uniform(0, 2 * np.pi)
        offset = rng.uniform(-400, 700)
        x, y = anchor.x + offset * np.cos(angle), anchor.y + offset * np.sin(angle)
        kind = rng.choice(["rectangle", "rectangle", "rectangle", "point", "multipart", "multipoint"])
        if kind == "point":
            geometries.append(Point(x, y))
        elif kind == "multipoint":
            geometries.append(MultiPoint([(x, y), (x + rng.uniform(-300, 300), y + rng.uniform(-300, 300))]))
        else:
            width, height = rng.uniform(10, 300), rng.uniform(10, 300)
            rectangle = shapely.affinity.rotate(box(x, y, x + width, y + height), rng.uniform(0, 90),
                                                origin=(x, y))
            if kind == "multipart":
                other = shapely.affinity.translate(rectangle, rng.uniform(320, 600), rng.uniform(-600, 600))
                geometries.append(MultiPolygon([rectangle, other]))
            else:
                geometries.append(rectangle)
    return geometries


def edge_sites():
    """Sites exactly on the rule's edges at the reference kern (integer metres)."""
    x0, y0 = REFERENCE_KERN
    sites = []
    for step in range(0, 1000, 50):
        sites += [
            box(x0 + step, y0 - 100, x0 + step + 40, y0),                    # touching from below
            box(x0 + step, y0 + 700, x0 + step + 40, y0 + 800),              # inside on the boundary
            box(x0 + step, y0 - 290, x0 + step + 40, y0 - 250),              # exactly at 250 m
            box(x0 + step, y0 - 290.5, x0 + step + 40, y0 - 250.5),          # 0.5 m too far
            box(x0 + step, y0 - 10, x0 + step + 40, y0 + 90),                # share exactly 0.9
            box(x0 + step, y0 - 11, x0 + step + 40, y0 + 89),                # share 0.89
            Point(x0 + step, y0),                                            # on the boundary
            Point(x0 + step, y0 - 250),                                      # exactly at 250 m
        ]
    sites += [box(x0 + 450, y0 + 350, x0 + 550, y0 + 450), Point(x0 + 500, y0 + 400),   # in the park
              box(x0 + 400, y0 + 300, x0 + 600, y0 + 500)]                             # the park itself
    return sites


@pytest.fixture(scope="module")
def oracle_data(tmp_path_factory, demo_gpkg):
    folder = tmp_path_factory.mktemp("oracle")
    builtup = gpd.read_file(demo_gpkg, layer="builtup")
    rng = np.random.default_rng(SEED)
    # Overlapping copies of some kernen: the rule counts overlapping area once.
    # (Not of the reference kern, whose exact edges the edge sites rely on.)
    copies = builtup[builtup.kern_name != "Kern GM1507-2"].sample(8, random_state=SEED).copy()
    copies["geometry"] = copies.geometry.translate(60, -40)
    copies["kern_name"] = copies["kern_name"] + " (overlap)"
    builtup = gpd.GeoDataFrame(pd.concat([builtup, copies], ignore_index=True), crs=builtup.crs)
    geometries = random_sites(np.asarray(builtup.geometry.values), rng) + edge_sites()
    sites = gpd.GeoDataFrame({"site_id": [f"O{n:05d}" for n in range(len(geometries))]},
                             geometry=geometries, crs=builtup.crs)
    path = folder / "oracle.gpkg"
    builtup.to_file(path, layer="builtup", promote_to_multi=True)
    polygons = sites[sites.geom_type.isin(["Polygon", "MultiPolygon"])]
    points = sites[~sites.geom_type.isin(["Polygon", "MultiPolygon"])]
    polygons.to_file(path, layer="polygon_sites", promote_to_multi=True)
    points.to_file(path, layer="point_sites", geometry_type="MultiPoint", promote_to_multi=True)
    return path, len(sites)


def plugin_classes(path, layer, folder):
    result = processing.run("flexwonen:classifysites", {
        "SITES": f"{path}|layername={layer}", "SITE_ID_FIELD": "site_id",
        "BUILTUP": f"{path}|layername=builtup", "KERN_NAME_FIELD": "kern_name",
        "EDGE_DISTANCE": EDGE_DISTANCE, "MIN_INSIDE_SHARE": MIN_INSIDE_SHARE,
        "OUTPUT": str(folder / f"{layer}_plugin.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "plugin", "ogr")
    return {f["site_id"]: (f["location_class"], f["inside_share"], f["distance_m"]) for f in layer.getFeatures()}


def box_gap(first, second) -> float:
    """The distance between two QgsRectangles (0 when they touch or overlap)."""
    dx = max(0.0, first.xMinimum() - second.xMaximum(), second.xMinimum() - first.xMaximum())
    dy = max(0.0, first.yMinimum() - second.yMaximum(), second.yMinimum() - first.yMaximum())
    return float(np.hypot(dx, dy))


def qgis_classes(path, layer):
    """The rule computed with QGIS's native algorithms only."""
    sites = open_layer(path, layer)
    dissolved = processing.run("native:dissolve", {
        "INPUT": f"{path}|layername=builtup", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    parts = processing.run("native:multiparttosingleparts", {
        "INPUT": dissolved, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    inside = processing.run("native:intersection", {
        "INPUT": sites, "OVERLAY": dissolved, "INPUT_FIELDS": ["site_id"], "OVERLAY_FIELDS": ["fid"],
        "OVERLAY_FIELDS_PREFIX": "builtup_", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]

    is_points = "point" in layer
    measure = {}  # site -> its area, or its number of points
    for feature in sites.getFeatures():
        geometry = feature.geometry()
        measure[feature["site_id"]] = (geometry.constGet().partCount() if is_points else geometry.area())
    inside_measure = defaultdict(float)
    for feature in inside.getFeatures():
        geometry = feature.geometry()
        inside_measure[feature["site_id"]] += (geometry.constGet().partCount() if is_points
                                               else geometry.area())
    part_geometries = [QgsGeometry(part.geometry()) for part in parts.getFeatures()]
    part_boxes = [part.boundingBox() for part in part_geometries]
    distance = {}
    for feature in sites.getFeatures():
        geometry = feature.geometry()
        site_box = geometry.boundingBox()
        # Parts in order of their bounding boxes' distance, a lower bound of the true one:
        # once that exceeds the best distance found, no further part can be nearer.
        gaps = sorted((box_gap(site_box, box), number) for number, box in enumerate(part_boxes))
        best = np.inf
        for gap, number in gaps:
            if gap > best:
                break
            best = min(best, part_geometries[number].distance(geometry))
        distance[feature["site_id"]] = best

    classes = {}
    for site, total in measure.items():
        share = min(inside_measure[site] / total, 1.0) if total > 0 else 0.0
        if share >= MIN_INSIDE_SHARE - SHARE_TOLERANCE:
            location_class = "inside"
        elif distance[site] <= EDGE_DISTANCE + DISTANCE_TOLERANCE_M:
            location_class = "edge"
        else:
            location_class = "outside"
        classes[site] = (location_class, share, distance[site])
    return classes


def test_classes_agree_with_qgis_native_algorithms(flexwonen_provider, oracle_data, tmp_path, capsys):
    path, total = oracle_data
    compared, agreeing, per_class = 0, 0, defaultdict(int)
    disagreements = []
    for layer in ("polygon_sites", "point_sites"):
        ours, theirs = plugin_classes(path, layer, tmp_path), qgis_classes(path, layer)
        assert set(ours) == set(theirs)
        for site, (location_class, share, distance) in ours.items():
            oracle_class, oracle_share, oracle_distance = theirs[site]
            compared += 1
            same = (location_class == oracle_class and abs(share - oracle_share) <= 1e-6
                    and abs(distance - oracle_distance) <= 1e-3)
            if same:
                agreeing += 1
                per_class[location_class] += 1
            else:
                disagreements.append((site, (location_class, share, distance), theirs[site]))
    assert compared == total
    assert not disagreements, f"{len(disagreements)} sites disagree, e.g. {disagreements[:5]}"
    # The generated set must exercise every class in earnest.
    assert min(per_class[c] for c in ("inside", "edge", "outside")) >= 200, dict(per_class)
    summary = {"oracle_sites": compared, "agreeing": agreeing, **{f"oracle_{k}": v for k, v in per_class.items()}}
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "oracle.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    with capsys.disabled():
        print(f"\noracle: {agreeing} of {compared} sites agree with QGIS's native algorithms "
              f"(inside {per_class['inside']}, edge {per_class['edge']}, outside {per_class['outside']}); "
              "distances within 1 mm")
