"""Outputs loaded into the project get the plugin's style and land in one layer group.

Processing calls a layer post-processor after it has added an output layer to the
project; ours applies a ``.qml`` from ``resources/styles``, names the layer (scenario
and year included) and moves it into the group "Flexwonen Limburg".
"""
from typing import Dict, Optional

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from ...bridge.styles import load_style

# Processing keeps only a C++ pointer to a post-processor: keep the Python objects alive.
_ALIVE: Dict[str, "StyledOutput"] = {}


def group_name() -> str:
    return QCoreApplication.translate("FlexwonenStyling", "Flexwonen Limburg")


class StyledOutput(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, style_file: str, layer_name: Optional[str] = None):
        super().__init__()
        self.style_file = style_file
        self.layer_name = layer_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        if layer is None or not layer.isValid():
            return
        loaded, message = load_style(layer, self.style_file)
        if not loaded and feedback is not None:
            feedback.reportError(QCoreApplication.translate(
                "FlexwonenStyling", "Could not apply the style {0}: {1}").format(self.style_file, message))
        if self.layer_name:
            layer.setName(self.layer_name)
            layer.triggerRepaint()
        move_to_group(context.project() or QgsProject.instance(), layer, group_name())


def move_to_group(project, layer, name: str) -> None:
    """Puts the layer's node into the top-level group ``name`` (made when missing)."""
    root = project.layerTreeRoot()
    group = root.findGroup(name)
    if group is None:
        group = root.insertGroup(0, name)
    node = root.findLayer(layer.id())
    if node is None:
        group.addLayer(layer)
        return
    if node.parent() is group:
        return
    # Clone first: a layer whose last tree node is removed is removed from the project.
    group.addChildNode(node.clone())
    node.parent().removeChildNode(node)


def style_on_load(context, output_id: str, style_file: str, layer_name: Optional[str] = None) -> None:
    """Styles, names and groups the output ``output_id`` when Processing loads it."""
    if not output_id or not context.willLoadLayerOnCompletion(output_id):
        return
    details = context.layerToLoadOnCompletionDetails(output_id)
    processor = StyledOutput(style_file, layer_name)
    _ALIVE[output_id] = processor
    if layer_name:
        details.name = layer_name
    details.setPostProcessor(processor)
