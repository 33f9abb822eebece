"""Turn a built-up raster (0/1, or a built-up share with a threshold) into polygons.

rasterio is imported lazily: QGIS on Windows ships it only as an optional package,
and the rest of the plugin must work without it.
"""
from typing import Optional

import geopandas as gpd
import numpy as np
import shapely

from .dependencies import rasterio_missing, rasterio_problem
from .errors import InputError
from .frames import to_working_crs_with_gdal, with_crs_text
from .geometry import check_plausible_extent
from .progress import SILENT, Progress

# The same words as the plugin's start-up check (dependencies.py), with the install
# advice for this platform; a fixed text, so that the algorithms can show it in Dutch.
RASTERIO_MISSING = rasterio_missing()


def import_rasterio():
    """rasterio, or an InputError saying how to install it (missing or too old)."""
    try:
        import rasterio  # noqa: F401
        import rasterio.features  # noqa: F401
    except ImportError as error:
        raise InputError(RASTERIO_MISSING) from error
    if rasterio_problem(rasterio) is not None:
        raise InputError(RASTERIO_MISSING)
    return rasterio


def builtup_mask(values: np.ndarray, threshold: float, nodata: Optional[float] = None) -> np.ndarray:
    """Cells counted as built-up: value ≥ threshold, never nodata or NaN."""
    values = np.asarray(values, dtype="float64")
    mask = np.isfinite(values) & (values >= threshold)
    if nodata is not None and np.isfinite(nodata):
        mask &= values != nodata
    return mask


def polygonize_mask(mask: np.ndarray, transform, crs: str, min_area_m2: float = 0.0,
                    progress: Progress = SILENT, layer: str = "built-up raster") -> gpd.GeoDataFrame:
    """Polygons of the connected built-up cells (4-connected), in RD New.

    Output columns: kern_id, kern_name ("built-up area N", as a raster has no names),
    area_m2. Polygons smaller than ``min_area_m2`` are dropped.
    """
    rasterio = import_rasterio()
    if crs is None:
        raise InputError("the raster has no coordinate reference system")
    shapes = rasterio.features.shapes(mask.astype("uint8"), mask=mask, transform=transform,
                                      connectivity=4)
    geometries = [shapely.geometry.shape(geometry) for geometry, value in shapes if value == 1]
    progress.report(60)
    # The CRS stays text and GDAL reprojects: no pyproj object in a worker thread.
    frame = with_crs_text(gpd.GeoDataFrame(geometry=gpd.GeoSeries(geometries)), crs)
    frame = to_working_crs_with_gdal(frame, layer)
    if len(frame):
        frame = frame[shapely.area(frame.geometry.values) >= min_area_m2]
    frame = with_crs_text(frame.reset_index(drop=True), frame.attrs.get("crs"))
    frame.insert(0, "kern_id", np.arange(1, len(frame) + 1, dtype="int64"))
    frame.insert(1, "kern_name", [f"built-up area {number}" for number in frame["kern_id"]])
    frame.insert(2, "area_m2", np.round(shapely.area(frame.geometry.values), 2))
    progress.report(100)
    return frame


def builtup_from_raster(path: str, band: int = 1, threshold: float = 0.5,
                        min_area_m2: float = 0.0, layer: str = "built-up raster",
                        progress: Progress = SILENT) -> gpd.GeoDataFrame:
    """Reads one band of a raster file and returns its built-up polygons in RD New."""
    rasterio = import_rasterio()
    try:
        dataset = rasterio.open(path)
    except rasterio.errors.RasterioIOError as error:
        raise InputError(f"cannot open the raster: {error}", layer=layer) from error
    with dataset:
        if band < 1 or band > dataset.count:
            raise InputError(f"band {band} does not exist (the raster has {dataset.count})",
                             layer=layer)
        if dataset.crs is None:
            raise InputError("the raster has no coordinate reference system", layer=layer)
        values = dataset.read(band, masked=False)
        nodata = dataset.nodatavals[band - 1]
        progress.report(30)
        progress.check()
        mask = builtup_mask(values, threshold, nodata)
        if not mask.any():
            raise InputError(f"no cell has a value of at least {threshold}; check the band "
                             f"and the threshold", layer=layer)
        frame = polygonize_mask(mask, dataset.transform, dataset.crs.to_wkt(), min_area_m2,
                                progress.scaled(30, 100), layer=layer)
    if len(frame):
        check_plausible_extent(frame, layer)
    return frame
