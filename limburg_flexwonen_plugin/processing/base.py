"""The small base class every Flexwonen algorithm derives from.

Besides the usual boilerplate (createInstance, tr, groups) it makes three promises for
every algorithm, so that each algorithm file does not have to:

* **clear messages**: known input problems (``InputError``) become a Processing error
  naming the layer, feature and field; warnings the core logs (repaired geometries,
  dropped features) reach the user's log panel; an unexpected error is logged with
  its traceback and shown as one line, never as a traceback in the user's face;
* **checked inputs**: a feature source of the wrong geometry type (lines where
  polygons are expected, a table without geometry) is refused with a message naming
  the layer before any work starts;
* **complete or absent outputs**: sinks and output files created during a run that
  fails or is cancelled are removed again (and not loaded into the project), so a
  user never finds half an output (``processing.outputs.run_outputs``); no output is
  written over an input (``processing.outputs.overwrite_guard``).
"""
import logging
import os
import threading
import traceback

from qgis.core import (QgsFields, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingFeatureSourceDefinition, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterMapLayer, QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterVectorLayer, QgsProperty, QgsWkbTypes)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.credits import credits_text, merged
from ..core.errors import CancelledError, InputError
from ..core.progress import Progress
from ..core.resource_files import resource
from ..core.geometry import prepare_layer
from ..bridge.crs import has_crs
from ..bridge.messages import user_message
from ..bridge.read import LayerFacts, layer_to_frame, source_to_frame
from ..bridge.provenance import credits_of
# "from .parameters import" on purpose: it shows QGIS's plugin unloader the parameters
# package itself (its import hook records the module an import statement returns).
from .parameters import fields as field_parameters
from .outputs import run_outputs
from .outputs.overwrite_guard import input_files, refuse_output_over_input

LOGGER = logging.getLogger("limburg_flexwonen_plugin")
UNEXPECTED_ERROR_PREFIX = "Unexpected error in"

_GEOMETRY_OF_SOURCE_TYPE = {
    QgsProcessing.SourceType.TypeVectorPoint: QgsWkbTypes.GeometryType.PointGeometry,
    QgsProcessing.SourceType.TypeVectorLine: QgsWkbTypes.GeometryType.LineGeometry,
    QgsProcessing.SourceType.TypeVectorPolygon: QgsWkbTypes.GeometryType.PolygonGeometry,
}
MIXED_TYPES_WITHOUT_CRS = (
    "the layer mixes geometry types (GeometryCollections among them) and QGIS reads it "
    "without a coordinate reference system; add the file again and choose the polygon or "
    "point part when QGIS asks, or split it with 'Multipart to singleparts'")

_GEOMETRY_WORDS = {
    QgsWkbTypes.GeometryType.PointGeometry: "points",
    QgsWkbTypes.GeometryType.LineGeometry: "lines",
    QgsWkbTypes.GeometryType.PolygonGeometry: "polygons",
}


class FlexwonenAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID, DISPLAY_NAME, GROUP_ID, HELP and implement ``compute``."""

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = "location"
    HELP = ""
    GROUPS = {
        "location": "Location",
        "norms": "Housing norms",
        "municipal": "Municipal picture",
        "business": "Business housing effect",
        "export": "Maps and reports",
        "data": "Data preparation",
    }

    def __init__(self):
        super().__init__()
        self._run_outputs = run_outputs.RunOutputs()

    def createInstance(self):
        return type(self)()

    def tr(self, text):
        # The context is the class whose code holds the literal string (pylupdate's
        # context): the algorithm's own class, or a shared base class further up.
        for cls in type(self).__mro__:
            if cls is FlexwonenAlgorithm:
                break
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return QCoreApplication.translate("FlexwonenAlgorithm", text)

    def name(self):
        return self.ALGORITHM_ID

    def displayName(self):
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return QCoreApplication.translate("FlexwonenAlgorithm", self.GROUPS[self.GROUP_ID])

    def groupId(self):
        return self.GROUP_ID

    def shortHelpString(self):
        return self.tr(self.HELP)

    def icon(self):
        return QIcon(str(resource("icons", "flexwonen.svg")))

    # ------------------------------------------------------------------ running

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        """Runs on the main thread (QgsProcessingAlgRunnerTask and the Processing dialog
        call it there, before the worker thread starts). What the run needs from layer
        objects is taken here: the names of the layer inputs, their files, and the facts
        of each file layer (``bridge.read.LayerFacts``). The worker thread then never
        touches a layer of the user's project, which the main thread may be drawing or
        editing meanwhile."""
        self._layer_names, self._layer_facts, self._credits = {}, {}, {}
        self._input_files = input_files(self, parameters, context)
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or parameters.get(name) is None or \
                    not isinstance(definition, _CREDITED_PARAMETERS):
                continue
            self._credits[name] = self._find_credits(parameters, name, context, definition)
            if not isinstance(definition, _LAYER_PARAMETERS):
                continue
            self._layer_names[name] = self._find_layer_name(parameters, name, context,
                                                            definition.description())
            try:
                layer = QgsProcessingAlgorithm.parameterAsVectorLayer(self, parameters, name, context)
            except QgsProcessingException:
                layer = None
            facts = _facts_of(layer)
            if facts is not None:
                self._layer_facts[name] = facts
        return super().prepareAlgorithm(parameters, context, feedback)

    def _find_credits(self, parameters, name, context, definition):
        try:
            layer = QgsProcessingAlgorithm.parameterAsLayer(self, parameters, name, context)
        except QgsProcessingException:
            layer = None
        return credits_of(layer, self._find_layer_name(parameters, name, context,
                                                       definition.description()))

    def source_credits(self, *names):
        """The credits of the run's layer inputs (``core.credits``), taken on the main
        thread by ``prepareAlgorithm``: of the inputs ``names``, or of all of them."""
        credits = getattr(self, "_credits", {})
        return merged(*(credits.get(name, ()) for name in (names or credits)))

    def processAlgorithm(self, parameters, context, feedback):
        self._run_outputs = run_outputs.RunOutputs.starting(self, parameters)
        bridge = _WarningsToFeedback(feedback)
        LOGGER.addHandler(bridge)
        try:
            refuse_output_over_input(self, parameters, context, run_outputs.file_of,
                                     getattr(self, "_input_files", None))
            self.check_source_geometry_types(parameters, context)
            # Empty field parameters take the layer's usual field; missing required
            # fields of every layer are refused here, in one message.
            parameters = field_parameters.resolve(self, parameters, context, feedback)
            results = self.compute(parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                # Cancelled after the last check: the user still gets what cancel
                # promises, nothing.
                raise CancelledError("cancelled by the user")
            self._run_outputs.close(credits_text(self.source_credits()))
            return results
        except InputError as error:
            self._run_outputs.discard(context, feedback)
            raise QgsProcessingException(user_message(error)) from error
        except CancelledError as error:
            self._run_outputs.discard(context, feedback)
            # An error, not an empty result: a model or batch stops, and nothing is
            # loaded into the project.
            raise QgsProcessingException(QCoreApplication.translate(
                "FlexwonenAlgorithm", "Cancelled: nothing was written.")) from error
        except QgsProcessingException:
            self._run_outputs.discard(context, feedback)
            raise
        except Exception as error:  # keep the traceback for the log, not for the user
            LOGGER.error("%s failed:\n%s", self.ALGORITHM_ID, traceback.format_exc())
            self._run_outputs.discard(context, feedback)
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "FlexwonenAlgorithm", "Unexpected error in {0}: {1}. Details are in the log "
                    "panel under 'Flexwonen Limburg'.").format(self.displayName(), error)) from error
        except BaseException:
            self._run_outputs.discard(context, feedback)
            raise
        finally:
            LOGGER.removeHandler(bridge)
            self._run_outputs = run_outputs.RunOutputs()
            self._release_layer_facts()

    def _release_layer_facts(self):
        self._layer_facts = {}

    def compute(self, parameters, context, feedback):
        """The algorithm's work; returns the results dict."""
        raise NotImplementedError

    def read_layer(self, parameters, name, context, feedback, source, layer_name, field_names=None):
        """A layer input as a GeoDataFrame (feature ids as index), read by the fastest
        route that gives the same features (see ``bridge.read.layer_to_frame``)."""
        layer = self.layer_facts(name)
        return layer_to_frame(source, layer, layer_name, field_names, parameters.get(name),
                              context, feedback)

    def layer_facts(self, name):
        """The run's snapshot of a file layer input (``prepareAlgorithm``), None for other
        layers: those are read through their feature source only."""
        return getattr(self, "_layer_facts", {}).get(name)

    @staticmethod
    def progress_for(feedback) -> Progress:
        return Progress(feedback.setProgress, feedback.isCanceled, feedback.pushInfo)

    def report_renamed_fields(self, feedback, layer: str, renamed: dict) -> None:
        """Says once which of our fields took a prefix because the user's layer has a
        field of that name (kept as it was)."""
        if renamed:
            feedback.pushWarning(self.tr(
                "Layer '{0}' already has the field(s) {1}: they are kept as they were; the "
                "plugin writes its own as {2}.").format(
                    layer, ", ".join(renamed),
                    ", ".join(f"{ours} → {given}" for ours, given in renamed.items())))

    # ------------------------------------------------------------------ inputs

    def layer_name(self, parameters, name, context, fallback):
        """The name the user knows a layer input by, for messages (taken on the main
        thread by ``prepareAlgorithm``)."""
        known = getattr(self, "_layer_names", {}).get(name)
        if known:
            return known
        return self._find_layer_name(parameters, name, context, fallback)

    def _find_layer_name(self, parameters, name, context, fallback):
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source.staticValue() if isinstance(value.source, QgsProperty) else value.source
        if isinstance(value, str) and "layername=" in value:
            return value.split("layername=")[1].split("|")[0]
        try:
            layer = QgsProcessingAlgorithm.parameterAsLayer(self, parameters, name, context)
        except QgsProcessingException:
            layer = None
        if layer is not None and layer.name():
            return layer.name()
        if isinstance(value, str) and value:
            return os.path.splitext(os.path.basename(value.split("|")[0]))[0] or fallback
        return fallback

    def check_source_geometry_types(self, parameters, context) -> None:
        """Refuses a feature source whose geometry type the parameter does not accept."""
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterFeatureSource):
                continue
            if parameters.get(definition.name()) is None:
                continue
            wanted_types = set(definition.dataTypes())
            if not wanted_types or QgsProcessing.SourceType.TypeVector in wanted_types:
                continue
            source = self.parameterAsSource(parameters, definition.name(), context)
            if source is None or source.featureCount() == 0:
                continue  # an empty layer is refused, as such, by the core
            layer = self.layer_name(parameters, definition.name(), context, definition.description())
            actual = QgsWkbTypes.geometryType(source.wkbType())
            accepted = [_GEOMETRY_OF_SOURCE_TYPE[t] for t in wanted_types if t in _GEOMETRY_OF_SOURCE_TYPE]
            words = " or ".join(_GEOMETRY_WORDS[g] for g in accepted) or "geometries"
            if actual == QgsWkbTypes.GeometryType.NullGeometry:
                raise InputError(f"the layer has no geometry; expected {words}", layer=layer)
            if actual == QgsWkbTypes.GeometryType.UnknownGeometry:
                if not has_crs(source.sourceCrs()):
                    # QGIS gives a layer of mixed types that starts with a GeometryCollection
                    # no CRS: say why, not just that the CRS is missing.
                    raise InputError(MIXED_TYPES_WITHOUT_CRS, layer=layer)
                continue  # mixed types: the core checks each feature
            if QgsProcessing.SourceType.TypeVectorAnyGeometry in wanted_types:
                continue
            if actual not in accepted:
                raise InputError(f"the layer holds {_GEOMETRY_WORDS.get(actual, 'other geometries')}"
                                 f", expected {words}", layer=layer)

    def check_map_layer(self, source, layer: str) -> None:
        """For a layer drawn as it is (maps, reports): refuses one without CRS or far from
        the Netherlands and warns about features without usable geometry, as the analyses
        do for the layers they read."""
        kind = QgsWkbTypes.geometryType(source.wkbType())
        dimension = {QgsWkbTypes.GeometryType.PolygonGeometry: "polygon",
                     QgsWkbTypes.GeometryType.PointGeometry: "point"}.get(kind, "point_or_polygon")
        prepare_layer(source_to_frame(source, layer, []), layer, dimension)

    # ------------------------------------------------------------------ outputs

    def write_sink(self, parameters, name, context, frame, fields, geometry_type, crs,
                   feedback=None, multipart=False, progress=None) -> str:
        """Creates the sink ``name`` and writes ``frame`` into it; returns the destination id.

        Call it after all computing is done: a sink created last is a sink that is
        rarely left half-written. ``feedback`` lets the user cancel while writing;
        ``progress`` (e.g. ``self.progress_for(feedback).scaled(90, 100)``) shows it. If
        writing fails or is cancelled the run's outputs are removed by ``processAlgorithm``.
        """
        return run_outputs.write_sink(self, self._run_outputs, parameters, name, context, frame,
                                      fields, geometry_type, crs, feedback=feedback,
                                      multipart=multipart, progress=progress)

    # QGIS's readings of the outputs, recorded so that a failed run can remove them.

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802 (QGIS's name)
        before = self._run_outputs.destination_before(self, parameters, name, context)
        sink, destination_id = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is not None:
            self._run_outputs.add_sink(name, destination_id, before, sink)
        return sink, destination_id

    def parameterAsFileOutput(self, parameters, name, context):  # noqa: N802 (QGIS's name)
        path = super().parameterAsFileOutput(parameters, name, context)
        self._run_outputs.add_file(name, path)
        return path

    def parameterAsOutputLayer(self, parameters, name, context):  # noqa: N802 (QGIS's name)
        destination = super().parameterAsOutputLayer(parameters, name, context)
        self._run_outputs.add_file(name, destination)
        return destination


class _WarningsToFeedback(logging.Handler):
    """Shows the warnings the core logs during this run (this thread only) in the log panel."""

    def __init__(self, feedback):
        super().__init__(level=logging.WARNING)
        self.feedback = feedback
        self.thread = threading.get_ident()
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record):
        if record.thread != self.thread or self.feedback is None:
            return
        message = self.format(record)
        if record.levelno >= logging.ERROR:
            return  # errors are reported by processAlgorithm itself
        if hasattr(self.feedback, "pushWarning"):
            self.feedback.pushWarning(message)
        else:
            self.feedback.reportError(message, False)


_LAYER_PARAMETERS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)
# Inputs whose sources an output credits (vector and raster layers).
_CREDITED_PARAMETERS = _LAYER_PARAMETERS + (QgsProcessingParameterRasterLayer,
                                            QgsProcessingParameterMapLayer)


def _facts_of(layer):
    """The facts of a file layer for the worker thread (``LayerFacts``); None
    when the layer is not a plain file layer (memory, database, virtual or joined
    fields): those are read through their feature source."""
    if layer is None or layer.providerType() != "ogr":
        return None
    fields = layer.fields()
    if any(fields.fieldOrigin(index) != QgsFields.FieldOrigin.OriginProvider for index in range(fields.count())):
        return None
    return LayerFacts(layer)
