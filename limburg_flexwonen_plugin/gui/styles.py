"""Styles for the layers the plugin adds to a project.

A ``.qml`` in ``resources/styles`` wins when it exists; otherwise the classes are
coloured from the rules file, the single source of the class colours (the result card
uses the same ones).
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsCentroidFillSymbolLayer, QgsMarkerSymbol,
                       QgsRendererCategory,
                       QgsSingleSymbolRenderer, QgsSymbol, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtGui import QColor

from ..core.rules import class_label, location_rules
from ..language import user_language
from ..paths import resource


def apply_named_style(layer: QgsVectorLayer, name: str) -> bool:
    """Loads ``resources/styles/<name>.qml`` onto the layer; False when there is none."""
    try:
        path = resource("styles", f"{name}.qml")
    except FileNotFoundError:
        return False
    if not path.exists():
        return False
    _, loaded = layer.loadNamedStyle(str(path))
    if loaded:
        layer.triggerRepaint()
    return bool(loaded)


def style_by_location_class(layer: QgsVectorLayer, field: str = "location_class") -> None:
    """Colours a layer's features by location class (inside / edge / outside)."""
    if apply_named_style(layer, "classified_sites"):
        return
    rules = location_rules()
    language = user_language()
    categories = []
    geometry_type = QgsWkbTypes.geometryType(layer.wkbType())
    for location_class, spec in rules["classes"].items():
        symbol = QgsSymbol.defaultSymbol(geometry_type)
        symbol.setColor(QColor(spec["color"]))
        if geometry_type == QgsWkbTypes.GeometryType.PolygonGeometry:
            symbol.symbolLayer(0).setStrokeColor(QColor(spec["color"]).darker(160))
            symbol.symbolLayer(0).setStrokeWidth(0.6)
            # A dot at the centre keeps small sites visible on a province-wide map.
            centre = QgsCentroidFillSymbolLayer()
            centre.setSubSymbol(QgsMarkerSymbol.createSimple({
                "name": "circle", "color": spec["color"], "outline_color": "#ffffff",
                "outline_width": "0.3", "size": "2.6"}))
            symbol.appendSymbolLayer(centre)
        elif geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
            symbol.setSize(3.2)
        categories.append(QgsRendererCategory(location_class, symbol,
                                              class_label(rules, location_class, language)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()


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
