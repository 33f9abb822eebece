"""QGIS layers to GeoDataFrames: the one way features enter the analyses.

Features travel as WKB in bulk, or straight from the layer's file when that gives
the same features (``layer_to_frame``); the QGIS feature id becomes the frame's
index, so results can be matched back to the input features and messages can name
them.

**Thread rule.** Reading runs in QGIS's worker threads (Processing, QgsTask), where
no pyproj object (CRS, Transformer) may be made or used: PROJ contexts are per
thread, QGIS's pool threads come and go, and QGIS 3.44 (PROJ 9.6) crashed on it.
So every frame read here is reprojected to RD New (EPSG:28992) by QGIS itself
(QgsCoordinateTransform, with the run's transform context) and carries no CRS
object: its CRS is the text ``frame.attrs["crs"]`` (``core.frames``). File reads use
pyogrio's raw reader, which hands over the CRS as text; geopandas' and pyogrio's
``read_dataframe`` would make a pyproj CRS. The core never makes a CRS object for
such frames (``core.geometry.to_working_crs``).
"""
import os
from typing import Dict, Iterable, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (NULL, QgsCoordinateReferenceSystem, QgsCsException, QgsFeatureRequest, QgsFields,
                       QgsGeometry,
                       QgsProcessingFeatureSource, QgsProcessingFeatureSourceDefinition,
                       QgsProviderRegistry, QgsWkbTypes)

from ..core.errors import CancelledError, InputError
from ..core.frames import WORKING_CRS, read_file, with_crs_text
from .crs import has_crs, is_working_crs, transform_to_working
from .values import field_kind, python_value


def source_to_frame(source, layer_name: str, field_names: Optional[Iterable[str]] = None,
                    feedback=None, transform_context=None) -> gpd.GeoDataFrame:
    """Reads a QgsFeatureSource (or vector layer) into a GeoDataFrame indexed by feature
    id, in RD New (see the thread rule above).

    ``field_names`` limits the attributes read (None: all). Curved geometries are
    segmentised, since shapely has no curves. ``transform_context`` is the run's
    (Processing context or project); None uses PROJ's best transformation.
    A feature whose coordinates cannot be transformed keeps its row with non-finite
    coordinates, which the core flags; when none can, the layer is refused.
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
    # A layer without CRS is read as it is, its CRS left empty: the core refuses it when
    # (and only when) it needs the geometry, after refusing an empty layer.
    has_any_crs = has_crs(source.sourceCrs())
    transform = transform_to_working(source.sourceCrs(), layer_name, transform_context) if has_any_crs else None
    failed = 0
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
            wkb = None
            if transform is not None:
                try:
                    geometry.transform(transform)
                except QgsCsException:
                    failed += 1
                    wkb = _NOT_TRANSFORMABLE
            wkbs.append(wkb if wkb is not None else bytes(geometry.asWkb()))
        attributes = feature.attributes()
        for name, index in zip(names, indices):
            columns[name].append(python_value(attributes[index]) if index >= 0 else None)
    if failed and failed == sum(wkb is not None for wkb in wkbs):
        raise InputError(
            f"the coordinates cannot be converted from the layer's coordinate reference system "
            f"({source.sourceCrs().description()}) to EPSG:28992; check that the layer's CRS is "
            f"the one its coordinates are in", layer=layer_name)
    geometries = shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore")
    frame = gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(geometries, index=pd.Index(ids, name="fid")),
                             index=pd.Index(ids, name="fid"))
    frame.attrs["layer_name"] = layer_name
    return with_crs_text(frame, WORKING_CRS if has_any_crs else None)


# A point with non-finite coordinates: the core's repair step flags such a feature
# ("coordinates are not finite numbers") and keeps its row.
_NOT_TRANSFORMABLE = shapely.to_wkb(shapely.Point(float("inf"), float("inf")))


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
    transform_context = context.transformContext() if context is not None else None
    if target is None:
        return source_to_frame(source, layer_name, names, feedback=feedback,
                               transform_context=transform_context)
    path, file_layer = target
    if names is not None:
        _require_fields(names, [layer.fields().indexOf(name) for name in names], layer_name)
    wanted = names if names is not None else layer.fields().names()
    frame = _read_file(path, file_layer, wanted, feedback, layer)
    frame = _match_qgis_values(frame, layer.fields())
    frame.index.name = "fid"
    frame.attrs["layer_name"] = layer_name
    return with_crs_text(frame, WORKING_CRS)   # the layer is in RD (``direct_file_target``)


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
    if not is_working_crs(layer.crs()):
        return None   # QGIS reprojects (``source_to_frame``): never pyproj in a worker thread
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
        import pyogrio.raw  # noqa: F401  (absent in some QGIS installs)
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
    ranges = None
    if feedback is not None and total > READ_SLICE:
        if info["capabilities"].get("fast_set_next_by_index"):
            ranges = [dict(skip_features=start, max_features=READ_SLICE)
                      for start in range(0, total, READ_SLICE)]
        elif info.get("fid_column") and info.get("driver") == "GPKG":
            ranges = _fid_ranges(qgis_layer, info, total)
    if not ranges:
        return read_file(path, layer=layer, columns=columns)
    frames = []
    for number, options in enumerate(ranges):
        if feedback.isCanceled():
            raise CancelledError("cancelled by the user")
        frames.append(read_file(path, layer=layer, columns=columns, **options))
        feedback.pushDebugInfo(f"read {sum(len(f) for f in frames)} of {total} features")
    frame = pd.concat(frames)
    return gpd.GeoDataFrame(frame, geometry=frame.geometry.name)


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
        kind = field_kind(fields.at(index))
        if kind not in ("date", "datetime", "time"):
            continue
        column = frame[name]
        if kind == "time":
            converted = [None if pd.isna(value) else value for value in column.values]
        else:
            values = pd.to_datetime(column, errors="coerce")
            if kind == "date":
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




class LayerFacts:
    """What reading needs from a layer object, taken on the main thread (not to be
    confused with the panel's ``gui.sources.LayerSnapshot``, a feature source): a plain
    Python object (no QObject) that a worker thread may use while the main thread draws or
    edits the layer itself. Offers the part of QgsVectorLayer's interface that
    ``layer_to_frame`` and the streamed classification use."""

    def __init__(self, layer):
        self._name = layer.name()
        self._provider_type = layer.providerType()
        self._source = layer.source()
        self._subset = layer.subsetString()
        self._wkb_type = layer.wkbType()
        self._crs = QgsCoordinateReferenceSystem(layer.crs())
        self._fields = QgsFields(layer.fields())
        provider = layer.dataProvider()
        self._storage = provider.storageType() if provider is not None else ""
        self._count = layer.featureCount()
        self._extremes = {}
        if self._count > READ_SLICE:   # the sliced read needs the id range
            for index in layer.primaryKeyAttributes() if hasattr(layer, "primaryKeyAttributes") else []:
                self._extremes[index] = (layer.minimumValue(index), layer.maximumValue(index))

    def name(self):
        return self._name

    def featureCount(self):  # noqa: N802
        return self._count

    def providerType(self):  # noqa: N802 (QGIS's names, so the snapshot stands in for the layer)
        return self._provider_type

    def source(self):
        return self._source

    def subsetString(self):  # noqa: N802
        return self._subset

    def wkbType(self):  # noqa: N802
        return self._wkb_type

    def crs(self):
        return self._crs

    def fields(self):
        return self._fields

    def dataProvider(self):  # noqa: N802
        return self

    def storageType(self):  # noqa: N802
        return self._storage

    def minimumValue(self, index):  # noqa: N802
        return self._extremes.get(index, (None, None))[0]

    def maximumValue(self, index):  # noqa: N802
        return self._extremes.get(index, (None, None))[1]
