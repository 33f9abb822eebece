"""Coordinate reference systems on the QGIS side of the bridge.

Reprojection to RD New happens here, with QGIS's own QgsCoordinateTransform, never
with pyproj (see the thread rule in ``read``). CRSs leave QGIS only as text (an
authority string or WKT) for GDAL to write into files.
"""
from typing import Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsCoordinateTransformContext)

from ..core.errors import InputError
from ..core.frames import WORKING_CRS

NO_CRS = ("the layer has no coordinate reference system; set one in the layer properties "
          "(for Dutch data usually EPSG:28992)")


def working_crs() -> QgsCoordinateReferenceSystem:
    """RD New, the CRS of every analysis and output."""
    return QgsCoordinateReferenceSystem(WORKING_CRS)


def crs_of(qgis_crs: QgsCoordinateReferenceSystem) -> Optional[str]:
    """A QGIS CRS as text GDAL reads (authority string or WKT2), None when it has none."""
    if qgis_crs is None or not qgis_crs.isValid():
        return None
    authid = qgis_crs.authid()
    if authid and authid.upper().startswith("EPSG:"):
        return authid
    return qgis_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019)


def has_crs(qgis_crs: Optional[QgsCoordinateReferenceSystem]) -> bool:
    """False for a missing CRS and for GeoPackage's 'Undefined ... SRS' (srs_id 0 / -1)."""
    if qgis_crs is None or not qgis_crs.isValid():
        return False
    return not (qgis_crs.description() or "").lower().startswith("undefined") or bool(qgis_crs.authid())


def is_working_crs(qgis_crs: Optional[QgsCoordinateReferenceSystem]) -> bool:
    return has_crs(qgis_crs) and qgis_crs.authid().upper() == WORKING_CRS


def transform_to_working(qgis_crs: QgsCoordinateReferenceSystem, layer_name: str,
                         transform_context: Optional[QgsCoordinateTransformContext] = None
                         ) -> Optional[QgsCoordinateTransform]:
    """The transformation from a layer's CRS to RD New (None when it is RD already);
    refuses a layer without CRS."""
    if not has_crs(qgis_crs):
        raise InputError(NO_CRS, layer=layer_name)
    if is_working_crs(qgis_crs):
        return None
    context = transform_context if transform_context is not None else QgsCoordinateTransformContext()
    transform = QgsCoordinateTransform(qgis_crs, working_crs(), context)
    if not transform.isValid():
        raise InputError(f"the layer's coordinate reference system ({qgis_crs.description()}) cannot "
                         f"be converted to EPSG:28992", layer=layer_name)
    return transform


def frame_to_working(frame, layer_name: str,
                     transform_context: Optional[QgsCoordinateTransformContext] = None):
    """A frame whose CRS is text (``frame.attrs['crs']``), reprojected to RD New by QGIS:
    for data that comes from outside QGIS's layers (a web service), in any thread."""
    import geopandas as gpd
    import numpy as np
    import shapely
    from qgis.core import QgsCsException, QgsGeometry

    from ..core.frames import crs_text, with_crs_text
    source = QgsCoordinateReferenceSystem(crs_text(frame) or "")
    transform = transform_to_working(source, layer_name, transform_context)
    if transform is None:
        return frame
    geometries = np.asarray(frame.geometry.values, dtype=object)
    projected = np.full(len(geometries), None, dtype=object)
    for position, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty:
            continue
        shape = QgsGeometry()
        shape.fromWkb(shapely.to_wkb(geometry))
        try:
            failed = shape.transform(transform) != 0
        except QgsCsException:
            failed = True
        if failed:
            raise InputError("the coordinates cannot be converted to EPSG:28992; check the "
                             "layer's CRS", layer=layer_name, feature=position + 1)
        projected[position] = shapely.from_wkb(bytes(shape.asWkb()))
    result = frame.copy()
    result[frame.geometry.name] = gpd.GeoSeries(projected, index=frame.index)
    return with_crs_text(result, WORKING_CRS)
