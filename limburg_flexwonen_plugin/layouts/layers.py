"""Memory layers for the printed maps: copies of the inputs and geometry made for the page.

Exports never touch the user's layers: they draw copies (styled for print) held in a
project of their own.
"""
from typing import Iterable, Optional, Tuple

import geopandas as gpd
import pandas as pd
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProject,
                       QgsVectorLayer, QgsWkbTypes)

from ..core.geometry import WORKING_CRS
from ..bridge.values import kind_of, make_fields
from ..bridge.write import write_frame

_GEOMETRY_NAMES = {
    QgsWkbTypes.GeometryType.PointGeometry: "MultiPoint",
    QgsWkbTypes.GeometryType.LineGeometry: "MultiLineString",
    QgsWkbTypes.GeometryType.PolygonGeometry: "MultiPolygon",
}


def copy_of(source, name: str, transform_context=None) -> QgsVectorLayer:
    """A memory copy in RD New of a feature source or layer (a Processing source honours
    'selected features only'); the pages draw copies, never the user's layer."""
    request = QgsFeatureRequest()
    target = QgsCoordinateReferenceSystem(WORKING_CRS)
    if source.sourceCrs().isValid() and source.sourceCrs() != target:
        context = transform_context if transform_context is not None else QgsProject.instance().transformContext()
        request.setDestinationCrs(target, context)
    layer = source.materialize(request)
    layer.setName(name)
    if hasattr(source, "metadata"):
        layer.setMetadata(source.metadata())   # where it comes from: the page credits it
    if not layer.crs().isValid():
        layer.setCrs(target)
    return layer


def layer_from_frame(frame: pd.DataFrame, name: str, geometry: Optional[str] = None,
                     fields: Optional[Iterable[Tuple[str, str]]] = None) -> QgsVectorLayer:
    """A memory layer holding a (Geo)DataFrame; ``geometry`` 'point', 'line' or 'polygon'.

    Geometry is written in RD New (the frame is reprojected when needed). Field kinds
    follow the frame's dtypes unless ``fields`` gives (name, kind) pairs.
    """
    if fields is None:
        fields = [(column, kind_of(frame[column].dtype)) for column in frame.columns
                  if not (isinstance(frame, gpd.GeoDataFrame) and column == frame.geometry.name)]
    qgs_fields = make_fields(fields)
    if geometry is None:
        uri = "None"
    else:
        kind = {"point": QgsWkbTypes.GeometryType.PointGeometry,
                "line": QgsWkbTypes.GeometryType.LineGeometry,
                "polygon": QgsWkbTypes.GeometryType.PolygonGeometry}[geometry]
        uri = f"{_GEOMETRY_NAMES[kind]}?crs={WORKING_CRS}"
    layer = QgsVectorLayer(uri, name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(list(qgs_fields))
    layer.updateFields()
    if geometry is not None and isinstance(frame, gpd.GeoDataFrame) and frame.crs is not None \
            and not frame.crs.equals(WORKING_CRS):
        frame = frame.to_crs(WORKING_CRS)
    write_frame(frame, provider, layer.fields(), multipart=geometry is not None)
    layer.updateExtents()
    if geometry is not None:
        layer.setCrs(QgsCoordinateReferenceSystem(WORKING_CRS))
    return layer


def has_fields(layer, names: Iterable[str]) -> bool:
    present = set(layer.fields().names())
    return all(name in present for name in names)
