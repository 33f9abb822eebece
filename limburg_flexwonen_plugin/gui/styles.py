"""Styles for the layers the plugin adds to a project: the ``.qml`` files in
``resources/styles``, loaded by path."""
from qgis.core import QgsSingleSymbolRenderer, QgsSymbol, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtGui import QColor

from ..bridge.styles import load_style


def apply_named_style(layer: QgsVectorLayer, name: str) -> bool:
    """Loads ``resources/styles/<name>.qml`` onto the layer; False when that fails."""
    return load_style(layer, f"{name}.qml")[0]


def style_by_location_class(layer: QgsVectorLayer) -> bool:
    """Colours sites by location class (inside / edge / outside), points or polygons."""
    is_point = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
    return apply_named_style(layer, "classified_sites_points" if is_point else "classified_sites")


def style_outline(layer: QgsVectorLayer, colour: str, fill: str = "", width: float = 0.4) -> None:
    """A plain outline (and optional fill) for context layers such as municipalities."""
    symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.geometryType(layer.wkbType()))
    symbol.setColor(QColor(fill) if fill else QColor(0, 0, 0, 0))
    layer_symbol = symbol.symbolLayer(0)
    if hasattr(layer_symbol, "setStrokeColor"):
        layer_symbol.setStrokeColor(QColor(colour))
        layer_symbol.setStrokeWidth(width)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()
