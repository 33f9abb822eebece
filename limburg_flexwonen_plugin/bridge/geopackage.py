"""The fast route for a result that goes to a new GeoPackage file.

QGIS's feature sink takes one ``QgsFeature`` at a time; at 100,000 sites building and
adding those features costs more than the classification itself. When the user asks
for a plain GeoPackage file (the usual choice when saving to a file), the frame goes to
GDAL in whole columns instead (pyogrio, the library the reading side already uses):

* the file is written beside the destination and moved into place only when complete
  (``core.atomic``), so a failed or cancelled run leaves the previous file, or none;
* rows go in batches, with progress and a check for cancel between batches;
* the spatial index is built at the end, as QGIS's own writer does;
* the file matches what QGIS's sink would have written: layer named after the file
  (up to its first dot), the same field names, order and types, ``fid`` and ``geom``
  columns, multi-part polygons when the sink would have promoted them.

Everything else goes through QGIS's sink as before: memory layers (a temporary
output), a layer added to an existing GeoPackage, databases, other formats, remapped
(appending) outputs, and frames whose columns do not map one to one onto the fields
(``column_arrays`` says None). ``parameterAsSink`` is then never called, so this module
also tells Processing to load the layer, as the sink would have.
"""
import contextlib
import os
import re
import sqlite3
from typing import List, Optional, Tuple

import numpy as np
import pandas as pd
import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsFields, QgsProcessing,
                       QgsProcessingContext, QgsProcessingOutputLayerDefinition,
                       QgsProcessingUtils, QgsWkbTypes)
from qgis.PyQt.QtCore import QFileInfo

from ..core.atomic import atomic_output
from ..core.errors import CancelledError
from .crs import crs_of
from ..core.frames import as_multi
from . import packed_rtree
from .values import field_kind, field_type

ROWS_PER_BATCH = 50_000
# The layer's name while it is written: fixed, so that every SQL statement on it is a
# constant (no names pasted into SQL); it gets the user's name at the end.
WORK_LAYER = "flexwonen_output"

_RESERVED_NAMES = {"fid", "geom"}
# Integer kinds and the width GDAL gets for them (as QGIS's sink writes them).
_INTEGER_WIDTHS = {"integer32": np.int32, "int": np.int64}


def plain_geopackage(parameters, name, context) -> Optional[Tuple[str, str, object]]:
    """(path, layer name, output definition or None) when the sink ``name`` asks for a
    new GeoPackage file this module can write; None otherwise."""
    try:
        import pyogrio  # noqa: F401  (absent in some QGIS installs: then the sink it is)
    except ImportError:
        return None
    value = parameters.get(name)
    definition = None
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        if value.useRemapping():
            return None
        definition = value
        value = value.sink.valueAsString(context.expressionContext())[0]
    if not isinstance(value, str) or not value or value == QgsProcessing.TEMPORARY_OUTPUT:
        return None
    if "|" in value or (re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value)
                        and not re.match(r"^[A-Za-z]:[\\/]", value)):
        return None  # memory:, ogr:, postgres:, /vsi… style destinations: the sink's
    if os.path.splitext(value)[1].lower() != ".gpkg" or os.path.isdir(value):
        return None  # other formats, and no extension (QGIS then adds the user's default)
    return value, QFileInfo(value).baseName(), definition


def column_arrays(frame: pd.DataFrame, fields: QgsFields) -> Optional[List[Tuple[np.ndarray, Optional[np.ndarray]]]]:
    """(values, null mask) per field, in the fields' order, typed as the field is;
    None when a column does not map one to one onto its field (the sink then converts
    it value by value, as it always has)."""
    if any(field.name().lower() in _RESERVED_NAMES for field in fields):
        return None  # the sink maps these onto the GeoPackage's own id and geometry
    arrays = []
    for field in fields:
        if field.name() not in frame.columns:
            if _kind(field) != "string":
                return None  # an empty column of another type: the sink types it
            arrays.append((np.full(len(frame), None, dtype=object), None))
            continue
        converted = _column_as(frame[field.name()], _kind(field))
        if converted is None:
            return None
        arrays.append(converted)
    return arrays


def _kind(field) -> Optional[str]:
    """The field's kind (``values.field_kind``), with 32-bit integers told apart from
    64-bit ones: field types compared through the helpers, which know whether this QGIS
    types fields with QVariant.Type or QMetaType.Type."""
    if field.type() == field_type("integer32"):
        return "integer32"
    return field_kind(field)


def _column_as(column: pd.Series, kind: Optional[str]) -> Optional[Tuple[np.ndarray, Optional[np.ndarray]]]:
    dtype = column.dtype
    if kind == "string":
        if dtype.kind == "U":
            return column.to_numpy(dtype=object), None
        if dtype != object and not isinstance(dtype, pd.StringDtype):
            return None
        values = column.to_numpy(dtype=object, na_value=None)
        missing = pd.isna(values)
        if not {type(value) for value in values[~missing]} <= {str}:
            return None
        values[missing] = None
        return values, None
    if kind == "double":
        if not (pd.api.types.is_float_dtype(dtype) or pd.api.types.is_integer_dtype(dtype)) \
                or pd.api.types.is_bool_dtype(dtype):
            return None
        values = column.to_numpy(dtype=np.float64, na_value=np.nan)
        missing = ~np.isfinite(values)
        return values, (missing if missing.any() else None)
    if kind in _INTEGER_WIDTHS:
        if pd.api.types.is_float_dtype(dtype):
            # An integer field with empty values, as read from a file: whole numbers
            # and gaps. Anything else (a fraction) is left to the sink's conversion.
            values = column.to_numpy(dtype=np.float64, na_value=np.nan)
            missing = ~np.isfinite(values)
            present = values[~missing]
            if not np.array_equal(present, np.round(present)):
                return None
            column = pd.Series(np.where(missing, 0, values).astype(np.int64))
            converted = _column_as(column, kind)
            return None if converted is None else (converted[0], missing if missing.any() else None)
        if not pd.api.types.is_integer_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            return None
        missing = column.isna().to_numpy()
        values = (column.fillna(0) if missing.any() else column).to_numpy()
        target = _INTEGER_WIDTHS[kind]
        if len(values) and (values.min() < np.iinfo(target).min or values.max() > np.iinfo(target).max):
            return None  # the sink decides what an out-of-range value becomes
        return values.astype(target), (missing if missing.any() else None)
    if kind == "bool":
        if pd.api.types.is_bool_dtype(dtype) and dtype != object:
            missing = column.isna().to_numpy()
            values = column.to_numpy(dtype=bool, na_value=False)
            return values, (missing if missing.any() else None)
        if dtype != object:
            return None
        values = column.to_numpy(dtype=object)
        missing = pd.isna(values)
        if not {type(value) for value in values[~missing]} <= {bool, np.bool_}:
            return None
        return np.where(missing, False, values).astype(bool), (missing if missing.any() else None)
    return None  # dates, times, binary, lists: the sink knows how


def write_geopackage(frame, path: str, layer: str, fields: QgsFields, arrays, geometry_type,
                     crs: QgsCoordinateReferenceSystem, feedback=None, progress=None) -> None:
    """Writes ``frame`` (columns already converted by ``column_arrays``) as a new
    GeoPackage ``path`` with one layer ``layer``; complete or not at all."""
    import pyogrio.raw
    flat = QgsWkbTypes.flatType(geometry_type)
    geometries = None
    if geometry_type != QgsWkbTypes.Type.NoGeometry:
        geometries = np.asarray(frame.geometry.values)
    if geometries is not None:
        if shapely.has_z(geometries).any():
            geometries = shapely.force_2d(geometries)  # the layer is 2D, as the sink's would be
        if QgsWkbTypes.isMultiType(flat):
            geometries = as_multi(geometries)
    names = [field.name() for field in fields]
    total = len(frame)
    geometry_name = QgsWkbTypes.displayString(flat) if geometries is not None else None
    crs_text = crs_of(crs) if geometries is not None else None

    def write(temporary, start, stop, append):
        pyogrio.raw.write(
            str(temporary), shapely.to_wkb(geometries[start:stop]) if geometries is not None else None,
            [values[start:stop] for values, _ in arrays], names,
            field_mask=[mask[start:stop] if mask is not None else None for _, mask in arrays],
            layer=WORK_LAYER, driver="GPKG", geometry_type=geometry_name, crs=crs_text, append=append)

    with atomic_output(path) as temporary:
        # The layer first, empty: GDAL makes its spatial index (virtual table, triggers,
        # extension row) as for any new layer. The index's triggers are set aside while
        # the rows go in, and the index is then filled in one go (``packed_rtree``).
        write(temporary, 0, 0, append=False)
        triggers = _set_aside_index_triggers(temporary) if geometries is not None else None
        for start in range(0, total, ROWS_PER_BATCH):
            if feedback is not None and feedback.isCanceled():
                raise CancelledError("cancelled by the user")
            if progress is not None:
                progress.report(90.0 * start / max(total, 1))
            write(temporary, start, min(start + ROWS_PER_BATCH, total), append=True)
        if feedback is not None and feedback.isCanceled():
            raise CancelledError("cancelled by the user")
        if triggers is not None:
            _fill_index(temporary, geometries, triggers)
        _rename_layer(temporary, layer)
    if progress is not None:
        progress.report(100.0)


def fold_write_ahead_log(path: str) -> bool:
    """Moves what a GeoPackage's write-ahead log (``-wal``) holds into the file itself and
    leaves WAL mode when no other connection is open; True when the file is complete
    on its own.

    QGIS's GeoPackage writer works in WAL mode and keeps its connection open, so the
    last layers of a file may live in the ``-wal`` beside it: a user who copies or
    e-mails the ``.gpkg`` alone would lose them."""
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=10)) as connection:
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                return True
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            with contextlib.suppress(sqlite3.OperationalError):
                connection.execute("PRAGMA journal_mode=DELETE")   # refused while QGIS reads it
            return not busy
    except sqlite3.DatabaseError:
        return False


def load_on_completion(algorithm, name, destination: str, definition, context: QgsProcessingContext):
    """What ``parameterAsSink`` does for an output the user wants opened in the project."""
    if definition is None or definition.destinationProject is None:
        return
    parameter = algorithm.parameterDefinition(name)
    layer_name = definition.destinationName or (parameter.description() if parameter else name)
    context.addLayerToLoadOnCompletion(destination, QgsProcessingContext.LayerDetails(
        layer_name, definition.destinationProject, name, QgsProcessingUtils.LayerHint.Vector))


def _set_aside_index_triggers(path) -> Optional[List[str]]:
    """Drops the triggers that keep the work layer's spatial index up to date and
    returns their SQL, to restore them with; None when GDAL made no index."""
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        geometry = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'flexwonen_output'").fetchone()
        if geometry != ("geom",):
            raise RuntimeError(f"GDAL named the geometry column {geometry}, not geom")
        if connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                              "AND name = 'rtree_flexwonen_output_geom'").fetchone() is None:
            return None
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'flexwonen_output' "
            "AND name LIKE 'rtree\\_flexwonen\\_output\\_geom\\_%' ESCAPE '\\'").fetchall()
        for name, _ in triggers:
            connection.execute('DROP TRIGGER "' + name.replace('"', '""') + '"')
        connection.commit()
    return [sql for _, sql in triggers]


def _fill_index(path, geometries: np.ndarray, triggers: List[str]) -> None:
    """Fills the work layer's spatial index with every non-empty geometry's box (in one
    go, ``packed_rtree``) and restores the index's triggers."""
    indexed = np.flatnonzero(~(shapely.is_missing(geometries) | shapely.is_empty(geometries)))
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        first, last, count = connection.execute(
            "SELECT min(fid), max(fid), count(*) FROM flexwonen_output").fetchone()
        if count != len(geometries):
            raise RuntimeError(f"{count} rows were written instead of {len(geometries)}")
        if count and (first, last) == (1, count):
            ids = indexed + 1  # a new table numbers its rows 1, 2, … in the order written
        else:
            ids = np.array([row[0] for row in connection.execute(
                "SELECT fid FROM flexwonen_output ORDER BY fid")], dtype=np.int64)[indexed]
        if connection.execute("SELECT count(*) FROM rtree_flexwonen_output_geom_rowid").fetchone()[0]:
            raise RuntimeError("the new layer's spatial index is not empty")
        (node_size,) = connection.execute(
            "SELECT length(data) FROM rtree_flexwonen_output_geom_node WHERE nodeno = 1").fetchone()
        nodes, rowids, parents = packed_rtree.pack(ids, shapely.bounds(geometries[indexed]), node_size)
        connection.execute("DELETE FROM rtree_flexwonen_output_geom_node")
        connection.executemany("INSERT INTO rtree_flexwonen_output_geom_node (nodeno, data) VALUES (?, ?)", nodes)
        connection.executemany("INSERT INTO rtree_flexwonen_output_geom_rowid (rowid, nodeno) VALUES (?, ?)",
                               rowids)
        connection.executemany(
            "INSERT INTO rtree_flexwonen_output_geom_parent (nodeno, parentnode) VALUES (?, ?)", parents)
        for sql in triggers:
            connection.execute(sql)
        connection.commit()


def _rename_layer(path, layer: str) -> None:
    """Gives the work layer its final name; GDAL renames the index, triggers and
    GeoPackage records with it."""
    if layer == WORK_LAYER:
        return
    from osgeo import gdal  # GDAL's Python bindings ship with every QGIS
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        if dataset is None or dataset.GetLayerByName(WORK_LAYER).Rename(layer) != 0:
            raise RuntimeError(f"could not name the output layer {layer}: {gdal.GetLastErrorMsg()}")
    finally:
        dataset = None
