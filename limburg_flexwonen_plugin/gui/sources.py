"""Thread-safe snapshots of layers for reading in a background task.

A QgsVectorLayer may only be used in the main thread; a QgsVectorLayerFeatureSource
made from it there can be iterated in a worker thread. ``LayerSnapshot`` adds what
``bridge.read.source_to_frame`` asks of a source (fields, CRS, geometry type), the
project's transform context (copied here, in the main thread), and can be limited to
some feature ids (a clicked site, the selected features).
"""
from typing import Iterable, Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureRequest,
                       QgsFields, QgsProject, QgsVectorLayer, QgsVectorLayerFeatureSource)


class LayerSnapshot:
    def __init__(self, layer: QgsVectorLayer, feature_ids: Optional[Iterable[int]] = None):
        self.name = layer.name()
        self.layer_id = layer.id()
        self._source = QgsVectorLayerFeatureSource(layer)
        self._fields = QgsFields(layer.fields())
        self._crs = QgsCoordinateReferenceSystem(layer.crs())
        self._wkb_type = layer.wkbType()
        self.transform_context = QgsCoordinateTransformContext(QgsProject.instance().transformContext())
        self.feature_ids = None if feature_ids is None else sorted(int(i) for i in feature_ids)

    def fields(self) -> QgsFields:
        return self._fields

    def sourceCrs(self) -> QgsCoordinateReferenceSystem:  # noqa: N802 (QgsFeatureSource's name)
        return self._crs

    def wkbType(self):  # noqa: N802 (QgsFeatureSource's name)
        return self._wkb_type

    def getFeatures(self, request: Optional[QgsFeatureRequest] = None):  # noqa: N802
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        if self.feature_ids is not None:
            request.setFilterFids(self.feature_ids)
        return self._source.getFeatures(request)
