"""The thin bridge between QGIS layers and GeoDataFrames.

Features travel as WKB in bulk, or straight from the layer's file when that gives
the same features (``layer_to_frame``); the QGIS feature id becomes the frame's
index, so results can be matched back to the input features and messages can name
them.
"""
import datetime
import json
import os
from typing import Dict, Iterable, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (NULL, QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureRequest,
                       QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsProcessingException,
                       QgsProcessingFeatureSource, QgsProcessingFeatureSourceDefinition,
                       QgsProviderRegistry, QgsWkbTypes)
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


def layer_to_frame(source, layer, layer_name: str, field_names: Optional[Iterable[str]] = None,
                   parameter_value=None, context=None, feedback=None) -> gpd.GeoDataFrame:
    """Reads a Processing input into a GeoDataFrame indexed by feature id, by the
    fastest route that gives the same features as ``source``.

    A layer stored in a GeoPackage, shapefile or FlatGeobuf and used whole (no
    selection, feature limit, filter or subset; no joined or virtual fields; no
    curves) is read straight from its file by GDAL through pyogrio, which is several
    times faster than iterating QGIS features. Anything else goes through
    ``source_to_frame`` (WKB in bulk). Both give the same frame: same feature ids,
    values with the same Python types, the layer's CRS as QGIS knows it, and every
    feature, also those with invalid geometry (the core repairs and flags them, see
    ``_all_features``).
    """
    names = None if field_names is None else [name for name in dict.fromkeys(field_names) if name]
    target = direct_file_target(layer, parameter_value, names)
    if target is None:
        return source_to_frame(source, layer_name, names, feedback=feedback)
    path, file_layer = target
    if names is not None:
        _require_fields(names, [layer.fields().indexOf(name) for name in names], layer_name)
    wanted = names if names is not None else layer.fields().names()
    frame = _read_file(path, file_layer, wanted, feedback, layer)
    frame = _match_qgis_values(frame, layer.fields())
    frame = frame.set_crs(crs_of(layer.crs()), allow_override=True)
    frame.index.name = "fid"
    frame.attrs["layer_name"] = layer_name
    return frame


DIRECT_STORAGE_TYPES = {"GPKG", "ESRI Shapefile", "FlatGeobuf"}
READ_SLICE = 200_000


def direct_file_target(layer, parameter_value=None, field_names=None):
    """(file path, layer name or None) when ``layer`` may be read straight from its
    file for this Processing input, else None."""
    if layer is None or not hasattr(layer, "providerType") or layer.providerType() != "ogr":
        return None
    if isinstance(parameter_value, QgsProcessingFeatureSourceDefinition):
        if parameter_value.selectedFeaturesOnly or parameter_value.featureLimit != -1:
            return None
        if getattr(parameter_value, "filterExpression", ""):
            return None
    if layer.subsetString() or QgsWkbTypes.isCurvedType(layer.wkbType()):
        return None
    provider = layer.dataProvider()
    if provider is None or provider.storageType() not in DIRECT_STORAGE_TYPES:
        return None
    fields = layer.fields()
    wanted = fields.names() if field_names is None else field_names
    for name in wanted:
        index = fields.indexOf(name)
        if index < 0 or fields.fieldOrigin(index) != QgsFields.FieldOrigin.OriginProvider:
            return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path or not os.path.isfile(path) or parts.get("subset"):
        return None
    try:
        import pyogrio  # noqa: F401  (geopandas' reader; absent in some QGIS installs)
    except ImportError:
        return None
    if parts.get("layerName"):
        return path, parts["layerName"]
    layer_id = parts.get("layerId")
    return path, (int(layer_id) if layer_id not in (None, "") else None)


def _read_file(path, layer, wanted, feedback, qgis_layer):
    """Reads the file in slices (progress and cancel between slices) when it is large.
    A GeoPackage's primary key, which QGIS shows as a field, comes from the ids."""
    import pyogrio
    info = pyogrio.read_info(path, layer=layer)
    total = int(info["features"])
    key = (info.get("fid_column") or "").lower()
    columns = [name for name in wanted if name.lower() != key or not key]
    frame = _read_slices(path, layer, info, total, columns, feedback, qgis_layer)
    for name in wanted:
        if key and name.lower() == key:
            frame[name] = frame.index.values.astype(np.int64)
    return frame[list(wanted) + [frame.geometry.name]]


def _read_slices(path, layer, info, total, columns, feedback, qgis_layer):
    import pyogrio
    ranges = None
    if feedback is not None and total > READ_SLICE:
        if info["capabilities"].get("fast_set_next_by_index"):
            ranges = [dict(skip_features=start, max_features=READ_SLICE)
                      for start in range(0, total, READ_SLICE)]
        elif info.get("fid_column") and info.get("driver") == "GPKG":
            ranges = _fid_ranges(qgis_layer, info, total)
    if not ranges:
        return pyogrio.read_dataframe(path, layer=layer, columns=columns, fid_as_index=True)
    frames = []
    for number, options in enumerate(ranges):
        if feedback.isCanceled():
            raise CancelledError("cancelled by the user")
        frames.append(pyogrio.read_dataframe(path, layer=layer, columns=columns,
                                             fid_as_index=True, **options))
        feedback.pushDebugInfo(f"read {sum(len(f) for f in frames)} of {total} features")
    frame = pd.concat(frames)
    return gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frames[0].crs)


def _fid_ranges(layer, info, total):
    """Slices of a GeoPackage layer by ranges of its integer primary key (whose least
    and greatest values QGIS asks the provider for)."""
    fid = info["fid_column"]
    index = layer.fields().lookupField(fid)
    if index < 0:
        return None
    low, high = layer.minimumValue(index), layer.maximumValue(index)
    if low in (None, NULL) or high in (None, NULL):
        return None
    low, high = int(low), int(high)
    width = max(1, int(np.ceil((high - low + 1) * READ_SLICE / total)))
    return [dict(where=f'"{fid}" >= {start} AND "{fid}" < {start + width}')
            for start in range(low, high + 1, width)]


def _match_qgis_values(frame: gpd.GeoDataFrame, fields: QgsFields) -> gpd.GeoDataFrame:
    """Gives file-read columns the Python values ``source_to_frame`` gives: dates and
    times as date/datetime/time objects (None for NULL) rather than timestamps.
    (Numbers already agree: an integer column with NULLs is float with NaN in both.)"""
    for name in frame.columns:
        if name == frame.geometry.name:
            continue
        index = fields.indexOf(name)
        if index < 0:
            continue
        kind = fields.at(index).type()
        if kind not in (QVariant.Type.Date, QVariant.Type.DateTime, QVariant.Type.Time):
            continue
        column = frame[name]
        if kind == QVariant.Type.Time:
            converted = [None if pd.isna(value) else value for value in column.values]
        else:
            values = pd.to_datetime(column, errors="coerce")
            if kind == QVariant.Type.Date:
                converted = [None if pd.isna(value) else value.date() for value in values]
            else:
                converted = [None if pd.isna(value) else value.to_pydatetime() for value in values]
        frame[name] = np.array(converted, dtype=object)
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


def _qgis_column(values) -> list:
    """A column as a list of values a QgsFeature accepts: numeric numpy columns in bulk,
    anything else (objects, dates, pandas' nullable types) value by value."""
    array = np.asarray(values) if isinstance(values, np.ndarray) else None
    if array is not None and array.dtype.kind in "iub":
        return array.tolist()
    if array is not None and array.dtype.kind == "f":
        converted = array.tolist()
        for position in np.flatnonzero(~np.isfinite(array)):
            converted[position] = NULL
        return converted
    if array is not None and array.dtype.kind == "U":
        return array.tolist()
    if array is not None and array.dtype == object:
        # Text columns (the usual object column) in bulk: only the missing values change.
        if pd.api.types.infer_dtype(array, skipna=True) in ("string", "empty"):
            converted = array.tolist()
            for position in np.flatnonzero(pd.isna(array)):
                converted[position] = NULL
            return converted
    return [qgis_value(value) for value in values]


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


ROWS_BETWEEN_CHECKS = 5_000   # rows written between two looks at cancel and progress


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


def write_frame(frame: pd.DataFrame, sink, fields: QgsFields, feedback=None,
                multipart: bool = False, progress=None) -> int:
    """Writes a (Geo)DataFrame's rows to a QgsFeatureSink in the order of ``fields``.

    Honours cancel (``CancelledError``) when given a feedback, and reports 0–100 to
    ``progress`` (a core ``Progress``, e.g. scaled to the run's last stretch) when given
    one. A feature the sink refuses stops the run with a message naming the row and the
    sink's own reason; the base class then removes the half-written output.
    """
    has_geometry = isinstance(frame, gpd.GeoDataFrame)
    wkbs = None
    if has_geometry:
        geometries = np.asarray(frame.geometry.values, dtype=object)
        wkbs = shapely.to_wkb(as_multi(geometries) if multipart else geometries)
    names = [field.name() for field in fields]
    # Whole columns converted at once (numbers in bulk), then zipped into rows in C:
    # the loop below only hands each row to one reused feature.
    nulls = [NULL] * len(frame)
    columns = [_qgis_column(frame[name].values) if name in frame.columns else nulls for name in names]
    rows = list(zip(*columns)) if columns else [()] * len(frame)
    if wkbs is None:
        wkbs = [None] * len(frame)
    total = max(len(frame), 1)
    written = 0
    feature = QgsFeature(fields)
    fast = QgsFeatureSink.Flag.FastInsert
    for start in range(0, len(frame), ROWS_BETWEEN_CHECKS):
        if feedback is not None and feedback.isCanceled():
            raise CancelledError("cancelled by the user")
        if progress is not None:
            progress.report(100.0 * start / total)
        stop = min(start + ROWS_BETWEEN_CHECKS, len(frame))
        for values, wkb in zip(rows[start:stop], wkbs[start:stop]):
            if has_geometry:
                geometry = QgsGeometry()
                if wkb is not None:
                    geometry.fromWkb(wkb)
                feature.setGeometry(geometry)
            feature.setAttributes(list(values))
            if not sink.addFeature(feature, fast):
                reason = sink.lastError() if hasattr(sink, "lastError") else ""
                raise QgsProcessingException(
                    f"could not write row {written + 1} (of {len(frame)}) to the output"
                    + (f": {reason}" if reason else ""))
            written += 1
    if progress is not None:
        progress.report(100.0)
    return written
