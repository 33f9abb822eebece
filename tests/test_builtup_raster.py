"""Built-up polygons from a raster (rasterio), in the core and through Processing."""
import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException, QgsVectorLayer
from rasterio.transform import from_origin

import processing
from limburg_flexwonen_plugin.core.builtup_from_raster import builtup_from_raster
from limburg_flexwonen_plugin.core.frames import crs_text

CELL = 10.0
ORIGIN = (190_000.0, 360_000.0)


def write_raster(path, values, crs="EPSG:28992", nodata=None, transform=None):
    profile = dict(driver="GTiff", height=values.shape[0], width=values.shape[1], count=1,
                   dtype=values.dtype, transform=transform or from_origin(*ORIGIN, CELL, CELL))
    if crs:
        profile["crs"] = crs
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(values, 1)
    return path


@pytest.fixture
def binary_raster(tmp_path):
    values = np.zeros((40, 60), dtype="uint8")
    values[5:25, 5:25] = 1          # 20 x 20 cells = 40,000 m²
    values[12:18, 12:18] = 0        # a 6 x 6 park: the polygon has a hole (3,600 m²)
    values[30:35, 40:50] = 1        # 5 x 10 cells = 5,000 m²
    values[0, 59] = 1               # a single cell, 100 m²
    return write_raster(tmp_path / "builtup.tif", values)


def test_binary_raster_gives_polygons_with_exact_areas_and_holes(binary_raster):
    frame = builtup_from_raster(str(binary_raster))
    areas = sorted(frame.area_m2)
    assert areas == [100.0, 5_000.0, 40_000.0 - 3_600.0]
    big = frame.loc[frame.area_m2.idxmax()].geometry
    assert len(big.interiors) == 1
    assert frame.crs is None and crs_text(frame) == "EPSG:28992"   # the CRS travels as data
    assert list(frame.kern_id) == [1, 2, 3]


def test_minimum_area_drops_small_polygons(binary_raster):
    assert len(builtup_from_raster(str(binary_raster), min_area_m2=1_000)) == 2


def test_share_raster_with_threshold_and_nodata(tmp_path):
    values = np.full((10, 10), 0.2, dtype="float32")
    values[2:5, 2:5] = 0.8
    values[7, 7] = -9999.0
    path = write_raster(tmp_path / "share.tif", values, nodata=-9999.0)
    frame = builtup_from_raster(str(path), threshold=0.5)
    assert list(frame.area_m2) == [900.0]
    assert len(builtup_from_raster(str(path), threshold=0.1)) == 1  # 0.2 everywhere but nodata


def test_geographic_raster_is_reprojected_to_rd(tmp_path):
    values = np.zeros((20, 20), dtype="uint8")
    values[5:15, 5:15] = 1
    path = write_raster(tmp_path / "wgs84.tif", values, crs="EPSG:4326",
                        transform=from_origin(5.9, 51.4, 0.001, 0.001))
    frame = builtup_from_raster(str(path))
    assert frame.crs is None and crs_text(frame) == "EPSG:28992"   # the CRS travels as data
    minx, miny, maxx, maxy = frame.total_bounds
    assert 150_000 < minx < maxx < 250_000 and 300_000 < miny < maxy < 450_000


def test_through_processing_feeds_the_classification(flexwonen_provider, binary_raster, tmp_path):
    built = processing.run("flexwonen:builtupfromraster", {
        "INPUT": str(binary_raster), "BAND": 1, "THRESHOLD": 0.5, "MIN_AREA": 0,
        "OUTPUT": str(tmp_path / "builtup.gpkg")})["OUTPUT"]
    layer = QgsVectorLayer(built, "built", "ogr")
    assert layer.featureCount() == 3
    import geopandas as gpd
    from shapely.geometry import Point
    x0, y0 = ORIGIN
    sites = gpd.GeoDataFrame({"site_id": ["in", "park", "out"]}, geometry=[
        Point(x0 + 60, y0 - 60), Point(x0 + 150, y0 - 150), Point(x0 + 590, y0 - 100)], crs=28992)
    sites.to_file(tmp_path / "sites.gpkg", layer="sites")
    classified = processing.run("flexwonen:classifysites", {
        "SITES": str(tmp_path / "sites.gpkg"), "SITE_ID_FIELD": "site_id", "BUILTUP": built,
        "KERN_NAME_FIELD": "kern_name", "OUTPUT": str(tmp_path / "classified.gpkg")})["OUTPUT"]
    rows = {f["site_id"]: f["location_class"] for f in QgsVectorLayer(classified, "c", "ogr").getFeatures()}
    assert rows == {"in": "inside", "park": "edge", "out": "edge"}


def test_raster_without_crs_or_builtup_cells_gives_a_clear_message(flexwonen_provider, tmp_path):
    no_crs = write_raster(tmp_path / "nocrs.tif", np.ones((3, 3), dtype="uint8"), crs=None)
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        processing.run("flexwonen:builtupfromraster", {"INPUT": str(no_crs), "BAND": 1, "OUTPUT": "TEMPORARY_OUTPUT"})
    empty = write_raster(tmp_path / "empty.tif", np.zeros((3, 3), dtype="uint8"))
    with pytest.raises(QgsProcessingException, match="no cell has a value of at least 0.5"):
        processing.run("flexwonen:builtupfromraster", {"INPUT": str(empty), "BAND": 1, "OUTPUT": "TEMPORARY_OUTPUT"})
