"""Geometry preparation shared by every analysis: CRS, repair, dimension checks.

Metric work always happens in RD New (EPSG:28992), whatever the input CRS.
"""
import logging
from typing import List, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import parallel
from .errors import InputError
from .frames import WORKING_CRS, crs_text, is_working_crs, with_crs_text
from .terms import GEOMETRY_REPAIRED, NO_GEOMETRY, NOTHING_LEFT_AFTER_REPAIR

LOGGER = logging.getLogger(__name__)
# How many problem features a warning lists by id before summarising the rest.
LISTED_FEATURES = 10

# Roughly the Netherlands plus a wide margin, in RD metres: data far outside this box
# is almost certainly in the wrong CRS (or has none declared correctly).
RD_PLAUSIBLE_BOUNDS = (-100_000.0, 200_000.0, 400_000.0, 750_000.0)


def to_working_crs(frame: gpd.GeoDataFrame, layer: str) -> gpd.GeoDataFrame:
    """Returns the frame in RD New, its CRS as data (see ``frames``); refuses a frame
    without a (defined) CRS.

    Frames from QGIS come without a CRS object, already in RD (the bridge reprojects
    with QgsCoordinateTransform): nothing here touches pyproj for them, so the
    analyses are safe in QGIS's worker threads. A frame that arrives with a pyproj
    CRS was made by a caller outside QGIS (a script, a test) in its own thread; it is
    reprojected here, in that thread, and leaves without the CRS object.
    """
    if frame.crs is None:
        declared = crs_text(frame)
        if not declared:
            raise InputError("the layer has no coordinate reference system; set one in the "
                             "layer properties (for Dutch data usually EPSG:28992)", layer=layer)
        if not is_working_crs(declared):
            raise ValueError(f"layer '{layer}': frames without a CRS object must be in "
                             f"{WORKING_CRS}, not {declared}; reproject them when reading")
        return frame
    if _is_undefined(frame.crs):
        raise InputError("the layer has no coordinate reference system; set one in the "
                         "layer properties (for Dutch data usually EPSG:28992)", layer=layer)
    if frame.crs.equals(WORKING_CRS) or frame.crs.to_epsg() == 28992:
        return with_crs_text(frame.set_crs(None, allow_override=True), WORKING_CRS)
    try:
        projected = frame.to_crs(WORKING_CRS)
    except Exception as error:  # pyproj raises several types for an unusable CRS
        raise InputError(f"the layer's coordinate reference system ({frame.crs.name}) cannot be "
                         f"converted to EPSG:28992: {error}", layer=layer) from error
    geometries = projected.geometry.values
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    if present.any():
        bounds = shapely.bounds(geometries[present])
        broken = ~np.isfinite(bounds).all(axis=1)
        if broken.all():
            raise InputError(
                f"the coordinates cannot be converted from the layer's coordinate reference "
                f"system ({frame.crs.name}) to EPSG:28992; check that the layer's CRS is the one "
                f"its coordinates are in", layer=layer)
        # Single features outside the CRS's domain keep their row; the repair step
        # flags their non-finite coordinates.
    return with_crs_text(projected.set_crs(None, allow_override=True), WORKING_CRS)


def _is_undefined(crs) -> bool:
    """GeoPackage's 'Undefined geographic/cartesian SRS' (srs_id 0 / -1) means: no CRS."""
    name = (crs.name or "").lower()
    return name.startswith("undefined") and crs.to_epsg() is None


def repair_geometries(geometries: np.ndarray, dimension: str) -> Tuple[np.ndarray, List[str]]:
    """Repairs invalid geometries and keeps only the wanted dimension.

    ``dimension`` is "polygon", "point" or "point_or_polygon". Returns the repaired
    geometries (None where nothing usable remains) and one remark per feature
    ("" when the feature was fine).
    """
    geometries = np.asarray(geometries, dtype=object)
    count = len(geometries)
    remarks = [""] * count
    result = np.empty(count, dtype=object)
    if count == 0:
        return result, remarks

    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    # Z and M values play no role in a planar rule; drop them once here (only where
    # present: rebuilding a million flat geometries would cost seconds for nothing).
    flat = np.where(missing, None, geometries)
    has_extra = shapely.has_z(flat)
    if hasattr(shapely, "has_m") and shapely.geos_version >= (3, 12, 0):
        has_extra |= shapely.has_m(flat)
    if has_extra.any():
        flat[has_extra] = shapely.force_2d(flat[has_extra])
    # NaN or infinite coordinates (a broken file or a failed reprojection) are unusable.
    with np.errstate(invalid="ignore"):
        not_finite = ~missing & ~np.isfinite(shapely.bounds(flat)).all(axis=1)
    if not_finite.any():
        for position in np.flatnonzero(not_finite):
            remarks[position] = ("coordinates are not finite numbers (outside the range of the "
                                 "layer's CRS?)")
        missing = missing | not_finite
        flat = np.where(missing, None, flat)
    valid = parallel.elementwise(shapely.is_valid, flat)
    needs_repair = ~missing & ~valid
    if needs_repair.any():
        reasons = shapely.is_valid_reason(flat[needs_repair])
        repaired = shapely.make_valid(flat[needs_repair], method="structure", keep_collapsed=False)
        flat = flat.copy()
        flat[needs_repair] = repaired
        for position, reason in zip(np.flatnonzero(needs_repair), reasons):
            remarks[position] = f"{GEOMETRY_REPAIRED} ({reason})"

    type_ids = shapely.get_type_id(flat)
    dims = shapely.get_dimensions(flat)
    # The common case in bulk; only unusual features go through the loop below.
    wrong_dimension = (dims == 1) | ((dimension == "polygon") & (dims != 2)) | \
        ((dimension == "point") & (dims != 0))
    plain = ~missing & ~shapely.is_missing(flat) & ~shapely.is_empty(flat) & (type_ids != 7) & \
        ~wrong_dimension
    result[plain] = flat[plain]
    for position in np.flatnonzero(~plain):
        geometry = flat[position]
        if missing[position] or geometry is None or shapely.is_empty(geometry):
            remarks[position] = _join(remarks[position], NO_GEOMETRY)
            result[position] = None
            continue
        if type_ids[position] == 7:  # GeometryCollection left by a repair
            geometry = _keep_dimension(geometry, dimension)
            if geometry is None:
                remarks[position] = _join(remarks[position], NOTHING_LEFT_AFTER_REPAIR)
                result[position] = None
                continue
            dim = shapely.get_dimensions(geometry)
        else:
            dim = dims[position]
        if dim == 1 or (dimension == "polygon" and dim != 2) or (dimension == "point" and dim != 0):
            wanted = {"polygon": "polygons", "point": "points",
                      "point_or_polygon": "points or polygons"}[dimension]
            remarks[position] = _join(remarks[position],
                                      f"{_type_name(geometry)} geometry not supported, expected {wanted}")
            result[position] = None
            continue
        result[position] = geometry
    return result, remarks


def prepare_layer(frame: gpd.GeoDataFrame, layer: str, dimension: str,
                  check_extent: bool = True) -> Tuple[gpd.GeoDataFrame, pd.Series]:
    """CRS check and reprojection, repair; returns the frame in RD and a remark per row.

    Refuses an empty layer, a layer without CRS and (``check_extent``) a layer lying
    nowhere near the Netherlands. Features that were repaired or have no usable
    geometry are listed in one logged warning naming the layer and feature ids (the
    Processing base class shows it in the log panel), besides their remarks.
    """
    if frame is None or len(frame) == 0:
        raise InputError("the layer has no features", layer=layer)
    frame = to_working_crs(frame, layer)
    geometries, remarks = repair_geometries(frame.geometry.values, dimension)
    prepared = frame.copy()
    prepared[prepared.geometry.name] = gpd.GeoSeries(geometries, index=frame.index)
    with_crs_text(prepared, WORKING_CRS)
    remark_series = pd.Series(remarks, index=frame.index, dtype=object)
    if check_extent:
        check_plausible_extent(prepared, layer)
    _warn_about(remark_series, layer)
    return prepared, remark_series


def _warn_about(remarks: pd.Series, layer: str) -> None:
    flagged = remarks[remarks != ""]
    if flagged.empty:
        return
    listed = "; ".join(f"feature {fid}: {text}" for fid, text in flagged.iloc[:LISTED_FEATURES].items())
    more = len(flagged) - LISTED_FEATURES
    LOGGER.warning("layer '%s': %d feature(s) with geometry problems: %s%s", layer, len(flagged),
                   listed, f"; and {more} more" if more > 0 else "")


def check_plausible_extent(frame: gpd.GeoDataFrame, layer: str) -> None:
    """Refuses data that lies nowhere near the Netherlands once in RD."""
    geoms = frame.geometry.values
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not present.any():
        raise InputError("no feature has a usable geometry", layer=layer)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms[present])
    if not np.isfinite([minx, miny, maxx, maxy]).all():
        raise InputError("the coordinates cannot be converted to EPSG:28992; check the "
                         "layer's CRS", layer=layer)
    bx0, by0, bx1, by1 = RD_PLAUSIBLE_BOUNDS
    if maxx < bx0 or minx > bx1 or maxy < by0 or miny > by1:
        raise InputError(
            f"the features lie far outside the Netherlands (extent {minx:.0f}, {miny:.0f} – "
            f"{maxx:.0f}, {maxy:.0f} in EPSG:28992); check the layer's CRS", layer=layer)


def _keep_dimension(geometry, dimension: str):
    parts = shapely.get_parts(geometry)
    dims = shapely.get_dimensions(parts)
    wanted = 2 if dimension == "polygon" else (0 if dimension == "point" else max(dims.max(), 0))
    if wanted == 1:
        return None
    kept = parts[dims == wanted]
    if len(kept) == 0:
        return None
    return shapely.union_all(kept)


def _type_name(geometry) -> str:
    return shapely.get_type_id(geometry) in (1, 5) and "line" or geometry.geom_type.lower()


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first else second
