"""The thin bridge between QGIS layers and GeoDataFrames.

Features travel as WKB in bulk; the QGIS feature id becomes the frame's index, so
results can be matched back to the input features and messages can name them.
"""
import datetime
import json
from typing import Dict, Iterable, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (NULL, QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureRequest,
                       QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsProcessingException,
                       QgsProcessingFeatureSource, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from .core.errors import CancelledError, InputError


def source_to_frame(source, layer_name: str, field_names: Optional[Iterable[str]] = None,
                    feedback=None) -> gpd.GeoDataFrame:
    """Reads a QgsFeatureSource (or vector layer) into a GeoDataFrame indexed by feature id.

    ``field_names`` limits the attributes read (None: all). Curved geometries are
    segmentised, since shapely has no curves.
    """
    fields = source.fields()
    if field_names is None:
        names = [f.name() for f in fields]
    else:
        names = [name for name in dict.fromkeys(field_names) if name]
    indices = [fields.indexOf(name) for name in names]
    _require_fields(names, indices, layer_name)
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([i for i in indices if i >= 0])
    ids: List[int] = []
    wkbs: List[Optional[bytes]] = []
    columns: Dict[str, list] = {name: [] for name in names}
    for number, feature in enumerate(_all_features(source, request)):
        if feedback is not None and number % 10_000 == 0:
            if feedback.isCanceled():
                raise CancelledError("cancelled by the user")
        ids.append(feature.id())
        geometry = feature.geometry()
        if geometry is None or geometry.isNull():
            wkbs.append(None)
        else:
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                geometry = QgsGeometry(geometry.constGet().segmentize())
            wkbs.append(bytes(geometry.asWkb()))
        attributes = feature.attributes()
        for name, index in zip(names, indices):
            columns[name].append(python_value(attributes[index]) if index >= 0 else None)
    geometries = shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore")
    crs = crs_of(source.sourceCrs())
    frame = gpd.GeoDataFrame(columns, geometry=geometries, crs=crs, index=pd.Index(ids, name="fid"))
    frame.attrs["layer_name"] = layer_name
    return frame


def table_to_frame(source, layer_name: str, field_names: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Reads attributes only (a table without geometry, or a layer's table)."""
    fields = source.fields()
    names = [f.name() for f in fields] if field_names is None else [n for n in field_names if n]
    indices = [fields.indexOf(name) for name in names]
    _require_fields(names, indices, layer_name)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([i for i in indices if i >= 0])
    ids, columns = [], {name: [] for name in names}
    for feature in _all_features(source, request):
        ids.append(feature.id())
        attributes = feature.attributes()
        for name, index in zip(names, indices):
            columns[name].append(python_value(attributes[index]) if index >= 0 else None)
    frame = pd.DataFrame(columns, index=pd.Index(ids, name="fid"))
    frame.attrs["layer_name"] = layer_name
    return frame


def _require_fields(names, indices, layer_name):
    """A field asked for by name must exist: a silent column of NULLs hides the mistake."""
    for name, index in zip(names, indices):
        if index < 0:
            raise InputError("field not found", layer=layer_name, field=name)


def _all_features(source, request):
    """Every feature, also those with invalid geometry: the core repairs and flags them.

    A Processing source otherwise applies the user's "invalid features filtering"
    setting, which either stops the run or silently drops such features.
    """
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    return source.getFeatures(request)


def crs_of(qgis_crs: QgsCoordinateReferenceSystem):
    """The pyproj-readable form of a QGIS CRS, or None when the layer has none."""
    if qgis_crs is None or not qgis_crs.isValid():
        return None
    authid = qgis_crs.authid()
    if authid and authid.upper().startswith("EPSG:"):
        return authid
    return qgis_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019)


def python_value(value):
    """QGIS attribute values as plain Python (NULL → None, QDate → date...)."""
    if value is None or value == NULL or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def qgis_value(value):
    """Plain Python/numpy/pandas values as something a QgsFeature accepts."""
    if value is None or value is pd.NaT or value is pd.NA:
        return NULL
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else NULL
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, pd.Timestamp):
        return NULL if pd.isna(value) else QDateTime(value.to_pydatetime())
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value)
    if isinstance(value, datetime.time):
        return QTime(value)
    if isinstance(value, str):
        return str(value)  # also numpy's str_
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (list, tuple, set, dict, np.ndarray)):
        return json.dumps(value.tolist() if isinstance(value, np.ndarray) else
                          sorted(value) if isinstance(value, set) else value, default=str)
    return value


_FIELD_TYPES = {
    "string": QVariant.Type.String, "int": QVariant.Type.LongLong, "double": QVariant.Type.Double,
    "bool": QVariant.Type.Bool, "date": QVariant.Type.Date, "datetime": QVariant.Type.DateTime,
}


def make_fields(spec: Iterable) -> QgsFields:
    """QgsFields from (name, kind) pairs, kind one of string/int/double/bool/date."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, _FIELD_TYPES[kind]))
    return fields


def kind_of(dtype) -> str:
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "double"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


def write_frame(frame: pd.DataFrame, sink, fields: QgsFields, feedback=None,
                multipart: bool = False, progress=None) -> int:
    """Writes a (Geo)DataFrame's rows to a QgsFeatureSink in the order of ``fields``.

    Honours cancel (``CancelledError``) when given a feedback, and reports 0–100 to
    ``progress`` (a core ``Progress``, e.g. scaled to the run's last stretch) when given
    one. A feature the sink refuses stops the run with a message naming the row and the
    sink's own reason; the base class then removes the half-written output.
    """
    has_geometry = isinstance(frame, gpd.GeoDataFrame)
    wkbs = shapely.to_wkb(frame.geometry.values) if has_geometry else None
    names = [field.name() for field in fields]
    columns = [frame[name].values if name in frame.columns else None for name in names]
    total = max(len(frame), 1)
    written = 0
    for row in range(len(frame)):
        if row % 5_000 == 0:
            if feedback is not None and feedback.isCanceled():
                raise CancelledError("cancelled by the user")
            if progress is not None:
                progress.report(100.0 * row / total)
        feature = QgsFeature(fields)
        if has_geometry and wkbs[row] is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkbs[row])
            if multipart:
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
        feature.setAttributes([qgis_value(column[row]) if column is not None else NULL
                               for column in columns])
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            reason = sink.lastError() if hasattr(sink, "lastError") else ""
            raise QgsProcessingException(
                f"could not write row {row + 1} (of {len(frame)}) to the output"
                + (f": {reason}" if reason else ""))
        written += 1
    if progress is not None:
        progress.report(100.0)
    return written
