"""Complete or absent: what a run creates, closed whole when it succeeds and removed when
it fails or is cancelled (and then not loaded into the project), so that a user never
finds half an output.

The algorithm base class records every sink and output file here as the algorithm asks
QGIS for it (``parameterAsSink``, ``parameterAsFileOutput``, ``parameterAsOutputLayer``),
and the files already in each output folder before the run. Algorithms help by computing
first and creating their sinks last (``write_sink``); files they write themselves go
through ``core.atomic``.
"""
import logging
import os
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import geopandas as gpd
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterFolderDestination,
                       QgsWkbTypes)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication

from ...bridge import geopackage as geopackage_output
from ...bridge.provenance import describe_geopackage_layer
from ...bridge.write import write_frame
from .overwrite_guard import output_layer_destination

LOGGER = logging.getLogger("limburg_flexwonen_plugin")

# Files some vector and raster formats keep beside the main file.
_SIDECAR_SUFFIXES = {
    ".gpkg": ("-journal", "-wal", "-shm"),
    ".sqlite": ("-journal", "-wal", "-shm"),
    ".shp": (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx"),
    ".tif": (".aux.xml", ".ovr"),
    ".tiff": (".aux.xml", ".ovr"),
}
_SIDECAR_REPLACES_SUFFIX = {".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx"}

_OGR_DBNAME = re.compile(r"dbname='((?:[^'\\]|\\.)*)'")
_OGR_TABLE = re.compile(r'table="((?:[^"\\]|\\.)*)"')


@dataclass
class _Output:
    """An output a run created (or was about to create), to remove if the run fails."""
    parameter: str
    destination: str                 # what QGIS calls it: a path, a 'path|layername=x' or a layer id
    path: Optional[str]              # the file on disk, None for memory layers and databases
    table: Optional[str]             # the layer inside the file, when one was named
    existed: bool                    # the file was there before the run
    signature: Optional[Tuple] = None
    sink: object = None


class RunOutputs:
    """The outputs of one run of an algorithm."""

    def __init__(self):
        self._outputs: List[_Output] = []
        self._folders: List[Tuple[str, bool, Dict[str, Tuple]]] = []

    @classmethod
    def starting(cls, algorithm, parameters) -> "RunOutputs":
        """A new record, with the files already in each output folder, so a failed run
        removes only its own."""
        record = cls()
        for definition in algorithm.destinationParameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterFolderDestination):
                continue
            value = parameters.get(definition.name())
            if not isinstance(value, str) or not value or value == QgsProcessing.TEMPORARY_OUTPUT:
                continue
            existed = os.path.isdir(value)
            record._folders.append((value, existed, _files_in(value) if existed else {}))
        return record

    # ------------------------------------------------------------------ recording

    def destination_before(self, algorithm, parameters, name, context):
        """(path, table, existed) of a sink's file destination before QGIS creates it."""
        try:
            destination = output_layer_destination(algorithm, parameters, name, context)
        except QgsProcessingException:
            return None
        path, table = file_of(destination)
        if path is None:
            return None
        return path, table, os.path.exists(path)

    def add_sink(self, name, destination_id, before, sink) -> None:
        """A sink QGIS created; ``before`` is ``destination_before`` of it."""
        path, table = file_of(destination_id)
        existed = before[2] if before else (path is not None and os.path.exists(path))
        self._outputs.append(_Output(name, destination_id, path, table, existed, sink=sink))

    def add_file(self, name, destination) -> None:
        """An output file (or layer file) the run is about to write."""
        path, table = file_of(destination)
        if path is None or any(o.parameter == name and o.path == path for o in self._outputs):
            return
        existed = os.path.exists(path)
        self._outputs.append(_Output(name, destination, path, table, existed,
                                     signature=_signature(path) if existed else None))

    # ------------------------------------------------------------------ ending

    def close(self, credits: str = "") -> None:
        """Flushes and closes the run's sinks, so the files are complete when the run
        returns: a GeoPackage also without its write-ahead log (a user copies the .gpkg
        alone). ``credits`` (a successful run) are recorded as the description of each
        GeoPackage layer written."""
        for output in self._outputs:
            if output.sink is not None and not sip.isdeleted(output.sink):
                if sip.ispyowned(output.sink):
                    sip.delete(output.sink)
            output.sink = None
        for output in self._outputs if credits else ():
            if output.path and output.path.lower().endswith(".gpkg") and os.path.isfile(output.path) \
                    and not (output.existed and output.signature is not None
                             and _signature(output.path) == output.signature):
                describe_geopackage_layer(output.path, output.table, credits)
        for path in dict.fromkeys(output.path for output in self._outputs):
            if path and path.lower().endswith(".gpkg") and os.path.isfile(path):
                geopackage_output.fold_write_ahead_log(path)

    def discard(self, context, feedback) -> None:
        """Removes what this run created: nothing half-written stays behind or gets loaded."""
        self.close()
        store = context.temporaryLayerStore()
        to_load = context.layersToLoadOnCompletion()
        removed = False
        for output in self._outputs:
            if output.destination in to_load:
                del to_load[output.destination]
                removed = True
            if store.mapLayer(output.destination) is not None:
                store.removeMapLayer(output.destination)
                continue
            try:
                if _remove_output(output):
                    feedback.pushInfo(QCoreApplication.translate(
                        "FlexwonenAlgorithm", "Removed the incomplete output {0}").format(
                        output.destination))
            except OSError as error:
                LOGGER.warning("could not remove the incomplete output %s: %s",
                               output.destination, error)
        if removed:
            context.setLayersToLoadOnCompletion(to_load)
        self._outputs = []
        for folder, existed, before in self._folders:
            try:
                _restore_folder(folder, existed, before)
            except OSError as error:
                LOGGER.warning("could not remove the incomplete output in %s: %s", folder, error)
        self._folders = []


def write_sink(algorithm, record: RunOutputs, parameters, name, context, frame, fields,
               geometry_type, crs, feedback=None, multipart=False, progress=None) -> str:
    """Creates the sink ``name`` of ``algorithm`` and writes ``frame`` into it; returns the
    destination id (``FlexwonenAlgorithm.write_sink``)."""
    direct = _write_plain_geopackage(algorithm, record, parameters, name, context, frame, fields,
                                     geometry_type, crs, feedback, progress)
    if direct is not None:
        return direct
    sink, destination = algorithm.parameterAsSink(parameters, name, context, fields,
                                                  geometry_type, crs)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    write_frame(frame, sink, fields, feedback=feedback, multipart=multipart, progress=progress)
    return destination


def _write_plain_geopackage(algorithm, record, parameters, name, context, frame, fields,
                            geometry_type, crs, feedback, progress) -> Optional[str]:
    """The fast route of ``write_sink`` (see ``bridge.geopackage``); None when the output
    is not a new GeoPackage file it can write, so the sink takes it."""
    target = geopackage_output.plain_geopackage(parameters, name, context)
    if target is None:
        return None
    has_geometry = geometry_type != QgsWkbTypes.Type.NoGeometry
    if has_geometry != isinstance(frame, gpd.GeoDataFrame):
        return None
    arrays = geopackage_output.column_arrays(frame, fields)
    if arrays is None:
        return None
    path, layer, definition = target
    record.add_file(name, path)
    geopackage_output.write_geopackage(frame, path, layer, fields, arrays, geometry_type, crs,
                                       feedback=feedback, progress=progress)
    geopackage_output.load_on_completion(algorithm, name, path, definition, context)
    return path


def whole_numbers(frame, spec):
    """Integer fields (``spec``: name, kind) as Python ints (or None), so every provider
    stores them as written."""
    frame = frame.copy()
    for name, kind in spec:
        if kind == "int" and name in frame.columns:
            frame[name] = [None if value is None or value != value else int(round(float(value)))
                           for value in frame[name].astype(object).values]
    return frame


def file_of(destination) -> Tuple[Optional[str], Optional[str]]:
    """(file path, layer name) of an output destination; (None, None) when not a file."""
    if not isinstance(destination, str) or not destination:
        return None, None
    if destination.startswith(("memory:", QgsProcessing.TEMPORARY_OUTPUT)):
        return None, None
    if destination.startswith("ogr:"):
        dbname, table = _OGR_DBNAME.search(destination), _OGR_TABLE.search(destination)
        if dbname is None:
            return None, None
        return dbname.group(1), table.group(1) if table else None
    if re.match(r"^[a-z]+:", destination) and not re.match(r"^[A-Za-z]:[\\/]", destination):
        return None, None  # postgres:, spatialite: ... databases are not ours to delete
    parts = destination.split("|")
    table = None
    for part in parts[1:]:
        if part.startswith("layername="):
            table = part[len("layername="):]
    return parts[0], table


def _signature(path):
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def _remove_output(output: _Output) -> bool:
    """Removes one output of a failed run; True when something was removed."""
    path = output.path
    if path is None or not os.path.exists(path):
        return False
    if output.existed and output.signature is not None and _signature(path) == output.signature:
        return False  # a file destination this run never touched
    if output.existed and output.table:
        return _drop_table(path, output.table)  # the user's file: remove only our layer
    os.remove(path)
    for sidecar in _sidecars(path):
        if os.path.exists(sidecar):
            os.remove(sidecar)
    return True


def _files_in(folder) -> Dict[str, Tuple]:
    """The files directly in ``folder`` with their signatures (not recursive: an output
    folder may be a big one of the user's)."""
    with os.scandir(folder) as entries:
        return {entry.path: _signature(entry.path) for entry in entries if entry.is_file()}


def _restore_folder(folder, existed, before) -> None:
    """Removes the files a failed run wrote into an output folder (and the folder if the
    run made it); files that were there before and are unchanged stay."""
    if not os.path.isdir(folder):
        return
    for path, signature in _files_in(folder).items():
        if path not in before or before[path] != signature:
            os.remove(path)
    if not existed:
        try:
            os.rmdir(folder)
        except OSError:
            pass  # something else was put there meanwhile: leave it


def _sidecars(path):
    root, suffix = os.path.splitext(path)
    for extra in _SIDECAR_SUFFIXES.get(suffix.lower(), ()):
        yield root + extra if extra in _SIDECAR_REPLACES_SUFFIX else path + extra


def _drop_table(path, table) -> bool:
    """Deletes one layer from an existing multi-layer file (a GeoPackage the user appends to)."""
    from osgeo import gdal  # GDAL's Python bindings ship with every QGIS
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        return False
    try:
        for index in range(dataset.GetLayerCount()):
            if dataset.GetLayerByIndex(index).GetName() == table:
                dataset.DeleteLayer(index)
                return True
        return False
    finally:
        dataset = None
