"""Never write over an input: an output file that is one of the run's input files (the
same file, also through another spelling of its path or a link) is refused before
anything is written, with a message naming both parameters."""
import os
from typing import Dict, Iterator, Optional

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterVectorDestination,
                       QgsProcessingParameterVectorLayer, QgsProviderRegistry)

from ...core.errors import InputError

_LAYER_INPUTS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                 QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer)
_LAYER_OUTPUTS = (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                  QgsProcessingParameterRasterDestination)


def input_files(algorithm, parameters, context) -> Dict[str, str]:
    """Every input file of the run: path -> the parameter's description. Called on the
    main thread (``prepareAlgorithm``): it looks at the input layers."""
    inputs: Dict[str, str] = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or parameters.get(definition.name()) is None:
            continue
        for path in _input_paths(algorithm, definition, parameters, context):
            inputs.setdefault(path, definition.description())
    return inputs


def refuse_output_over_input(algorithm, parameters, context, file_of, inputs=None) -> None:
    """Raises ``InputError`` when an output file of this run is one of its input files.

    ``file_of`` turns an output destination into (path, layer name)
    (``run_outputs.file_of``); ``inputs`` are the run's ``input_files`` when known."""
    if inputs is None:
        inputs = input_files(algorithm, parameters, context)
    if not inputs:
        return
    for definition in algorithm.destinationParameterDefinitions():
        output = _output_path(algorithm, definition, parameters, context, file_of)
        if output is None:
            continue
        for path, description in inputs.items():
            if _same_file(output, path):
                raise InputError(
                    f"the output '{definition.description()}' ({os.path.basename(output)}) is the "
                    f"input file of '{description}'; choose another file for the output, so that "
                    f"the input stays as it is", layer=description)


def _input_paths(algorithm, definition, parameters, context) -> Iterator[str]:
    name = definition.name()
    try:
        if isinstance(definition, _LAYER_INPUTS):
            layers = [QgsProcessingAlgorithm.parameterAsLayer(algorithm, parameters, name, context)]
        elif isinstance(definition, QgsProcessingParameterMultipleLayers):
            layers = QgsProcessingAlgorithm.parameterAsLayerList(algorithm, parameters, name, context)
        elif isinstance(definition, QgsProcessingParameterFile):
            value = algorithm.parameterAsFile(parameters, name, context)
            if value and os.path.isfile(value):
                yield value
            return
        else:
            return
    except QgsProcessingException:
        return   # the parameter's own check reports it
    for layer in layers:
        if layer is None:
            continue
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        path = parts.get("path")
        if path and os.path.isfile(path):
            yield path


def output_layer_destination(algorithm, parameters, name, context) -> str:
    """Where a layer output would go, by QGIS's own reading, without its side effect:
    QGIS registers the destination as a layer to load when the run ends, and an output
    looked at but never created (an optional one, or a temporary layer whose real id
    comes with its sink) then ends the run with "not correctly generated"."""
    to_load = context.layersToLoadOnCompletion()
    try:
        return QgsProcessingAlgorithm.parameterAsOutputLayer(algorithm, parameters, name, context)
    finally:
        context.setLayersToLoadOnCompletion(to_load)


def _output_path(algorithm, definition, parameters, context, file_of) -> Optional[str]:
    name = definition.name()
    try:
        # QGIS's own readings, not the base class's, which would record the input file as
        # an output of this run (to remove when the run fails).
        if isinstance(definition, _LAYER_OUTPUTS):
            destination = output_layer_destination(algorithm, parameters, name, context)
        elif isinstance(definition, QgsProcessingParameterFileDestination):
            destination = QgsProcessingAlgorithm.parameterAsFileOutput(algorithm, parameters, name, context)
        else:
            return None   # folders: new files are written into them
    except QgsProcessingException:
        return None
    path, _table = file_of(destination)
    return path


def _same_file(first: str, second: str) -> bool:
    if os.path.exists(first) and os.path.exists(second):
        return os.path.samefile(first, second)
    return os.path.normcase(os.path.realpath(first)) == os.path.normcase(os.path.realpath(second))
