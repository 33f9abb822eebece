"""GeoDataFrames whose CRS travels as data, and their file I/O through GDAL.

Why: inside QGIS the analyses run in worker threads (Processing, QgsTask), and a pyproj
object (CRS, Transformer) made or used in a worker thread can crash QGIS: PROJ
contexts are per thread and QGIS's pool threads come and go (seen on QGIS 3.44 with
PROJ 9.6). geopandas makes a pyproj CRS whenever a frame gets one, and pyogrio's
``read_dataframe`` gives every frame it reads one. So frames that may reach a worker
thread carry no CRS object: their CRS is a text in ``frame.attrs["crs"]`` (an
authority string such as "EPSG:28992", or WKT), and files are read and written here
with pyogrio's raw functions, which hand the CRS to GDAL as text.

Reprojection of such frames happens outside pyproj: in QGIS by the bridge
(QgsCoordinateTransform), for files read here by GDAL's own transformation
(``to_working_crs_with_gdal``, through rasterio).
"""
from typing import Iterable, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .errors import InputError

CRS_KEY = "crs"
WORKING_CRS = "EPSG:28992"


def crs_text(frame) -> Optional[str]:
    """The CRS a frame carries as data, or None."""
    return frame.attrs.get(CRS_KEY) if frame is not None else None


def with_crs_text(frame, crs: Optional[str]):
    """The frame, marked as being in ``crs`` (a text); no pyproj object is made."""
    frame.attrs[CRS_KEY] = crs
    return frame


def working_frame(data=None, geometry=None, index=None) -> gpd.GeoDataFrame:
    """A GeoDataFrame in RD New (EPSG:28992), with the CRS as data."""
    frame = gpd.GeoDataFrame(data, geometry=geometry, index=index)
    return with_crs_text(frame, WORKING_CRS)


def is_working_crs(crs: Optional[str]) -> bool:
    """True for the texts GDAL and QGIS give for RD New."""
    if not crs:
        return False
    text = crs.strip().upper().replace(" ", "")
    return text in ("EPSG:28992", "EPSG28992") or text.endswith('ID["EPSG",28992]]')


def read_file(path, layer=None, columns: Optional[Iterable[str]] = None,
              **options) -> gpd.GeoDataFrame:
    """A file layer as a GeoDataFrame indexed by feature id ("fid"), the CRS as data.

    ``options`` are pyogrio's (``where``, ``fids``, ``skip_features``,
    ``max_features``...). Values come as GDAL gives them: numbers as numbers (NULL in
    an integer field makes the column float with NaN), dates as datetime64.
    """
    from pyogrio import raw
    meta, fids, geometries, field_data = raw.read(
        str(path), layer=layer, columns=None if columns is None else list(columns),
        return_fids=True, **options)
    names = list(meta["fields"])
    data = {}
    for name, values in zip(names, field_data):
        data[name] = values
    index = pd.Index(np.asarray(fids, dtype=np.int64) if fids is not None else
                     np.arange(len(field_data[0]) if field_data else 0), name="fid")
    frame = pd.DataFrame(data, columns=names, index=index)
    if geometries is not None:
        shapes = shapely.from_wkb(np.asarray(geometries, dtype=object), on_invalid="ignore")
    else:
        shapes = np.full(len(frame), None, dtype=object)
    result = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, index=index))
    return with_crs_text(result, meta.get("crs"))


def write_file(frame: gpd.GeoDataFrame, path, layer: str, *, geometry_type: str,
               driver: str = "GPKG", append: bool = False, promote_to_multi: bool = False,
               layer_options: Optional[dict] = None, layer_metadata: Optional[dict] = None) -> None:
    """Writes a frame's columns and geometry to a file layer, with the CRS the frame
    carries as data (``crs_text``); ``layer_metadata`` are GDAL metadata items (in a
    GeoPackage DESCRIPTION and IDENTIFIER fill the layer's contents row)."""
    from pyogrio import raw
    geometry_name = frame.geometry.name
    names = [name for name in frame.columns if name != geometry_name]
    field_data, field_mask = [], []
    for name in names:
        column = frame[name]
        mask = None
        if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and \
                pd.api.types.is_integer_dtype(column.dtype):
            # Nullable integers (Int64) stay integer fields, their missing values NULL.
            mask = column.isna().to_numpy()
            values = column.fillna(0).to_numpy(dtype=np.int64)
        else:
            values = column.to_numpy()
        if values.dtype == object:
            values = np.array([None if _missing(value) else value for value in values], dtype=object)
        field_data.append(values)
        field_mask.append(mask if mask is not None and mask.any() else None)
    geometries = np.asarray(frame.geometry.values, dtype=object)
    if promote_to_multi:
        geometries = as_multi(geometries)
    raw.write(str(path), shapely.to_wkb(geometries), field_data, names, layer=layer, driver=driver,
              geometry_type=geometry_type, crs=crs_text(frame), append=append,
              layer_options=layer_options or None, layer_metadata=layer_metadata or None,
              field_mask=field_mask if any(mask is not None for mask in field_mask) else None)


def to_working_crs_with_gdal(frame: gpd.GeoDataFrame, layer: str) -> gpd.GeoDataFrame:
    """A frame whose CRS is data, reprojected to RD New by GDAL (rasterio), never pyproj.

    For files read outside QGIS's layers (the streamed classification); QGIS layers
    are reprojected by the bridge with QgsCoordinateTransform.
    """
    source = crs_text(frame)
    if not source:
        raise InputError("the layer has no coordinate reference system; set one in the "
                         "layer properties (for Dutch data usually EPSG:28992)", layer=layer)
    if is_working_crs(source):
        return frame
    try:
        from rasterio.warp import transform
    except ImportError as error:
        raise InputError(f"the layer is in {source.splitlines()[0][:60]}, not EPSG:28992; reading it "
                         "directly needs the Python package rasterio (or save the layer in "
                         "EPSG:28992 first)", layer=layer) from error

    def to_rd(coordinates):
        if len(coordinates) == 0:
            return coordinates
        xs, ys = transform(source, WORKING_CRS, coordinates[:, 0].tolist(), coordinates[:, 1].tolist())
        return np.column_stack([xs, ys])
    geometries = np.asarray(frame.geometry.values, dtype=object)
    try:
        projected = shapely.transform(geometries, to_rd)
    except Exception as error:  # GDAL's reason: an unknown or unusable CRS
        raise InputError(f"the layer's coordinate reference system cannot be converted to "
                         f"EPSG:28992: {error}", layer=layer) from error
    result = frame.copy()
    result[frame.geometry.name] = gpd.GeoSeries(projected, index=frame.index)
    return with_crs_text(result, WORKING_CRS)


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_multi(geometries: np.ndarray) -> np.ndarray:
    """Single parts as one-part multi geometries (as QGIS's ``convertToMultiType``),
    multi-part and missing ones as they are."""
    geometries = np.array(geometries, dtype=object)
    kinds = shapely.get_type_id(geometries)
    for single, make in ((0, shapely.multipoints), (1, shapely.multilinestrings), (3, shapely.multipolygons)):
        chosen = np.flatnonzero(kinds == single)
        if len(chosen):
            geometries[chosen] = make(geometries[chosen], indices=np.arange(len(chosen)))
    return geometries


# Added fields never replace a field of the user's layer: on a clash the plugin's field
# takes this prefix (README, "Output fields").
ADDED_FIELD_PREFIX = "fw_"


def added_field_names(names, taken) -> dict:
    """The output name of each of our field ``names``: itself, or with ADDED_FIELD_PREFIX
    (and a number if need be) when the user's layer already has it. Names are compared
    without case, as GeoPackages and shapefiles compare them."""
    used = {name.lower() for name in taken}
    chosen = {}
    for name in names:
        output = name
        if output.lower() in used:
            output = ADDED_FIELD_PREFIX + name
            number = 2
            while output.lower() in used:
                output = f"{ADDED_FIELD_PREFIX}{name}_{number}"
                number += 1
        used.add(output.lower())
        chosen[name] = output
    return chosen
