"""Print styles for the layers on the pages.

Styles other parts of the plugin ship as .qml (``resources/styles``) are used as they
are; the styles here are for the layers only the pages draw (region outlines, the edge
zone, the distance line) and for reading a site at a large scale.
"""
from typing import Dict, Optional

from qgis.core import (QgsCategorizedSymbolRenderer, QgsDataDefinedSizeLegend, QgsFillSymbol,
                       QgsLineSymbol, QgsMarkerSymbol, QgsPalLayerSettings, QgsProperty,
                       QgsRendererCategory, QgsRuleBasedRenderer, QgsSingleSymbolRenderer,
                       QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor, QFont

from ..core import terms
from ..core.rules import location_rules
from ..bridge.styles import load_style

FONT = "DejaVu Sans"
REGION_LINE = "#1f3b57"
MUNICIPALITY_FILL = "#f2efe8"
MUNICIPALITY_LINE = "#8c8c8c"
BUILTUP_FILL = "#e2d5bf"
BUILTUP_LINE = "#9c8259"
EDGE_ZONE_LINE = "#8a4b0f"
STATUS_COLORS = {"existing": "#1f5f99", "permitted": "#5aa0d8", "planned": "#ffffff"}


def class_colors() -> Dict[str, str]:
    return {name: spec["color"] for name, spec in location_rules()["classes"].items()}


def tint(color: str, amount: float = 0.82) -> str:
    """The colour mixed with white (a light background that keeps dark text readable)."""
    base = QColor(color)
    mix = [round(channel + (255 - channel) * amount) for channel in (base.red(), base.green(), base.blue())]
    return QColor(*mix).name()


def text_format(size: float, color: str = "#222222", bold: bool = False, italic: bool = False,
                buffer: float = 0.0) -> QgsTextFormat:
    font = QFont(FONT)
    font.setBold(bold)
    font.setItalic(italic)
    result = QgsTextFormat()
    result.setFont(font)
    result.setSize(size)
    result.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    result.setColor(QColor(color))
    if buffer:
        settings = QgsTextBufferSettings()
        settings.setEnabled(True)
        settings.setSize(buffer)
        settings.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
        settings.setColor(QColor(255, 255, 255, 230))
        result.setBuffer(settings)
    return result


def set_labels(layer, expression: str, fmt: QgsTextFormat, placement=None, priority: int = 5,
               obstacle: bool = False) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(fmt)
    settings.placement = placement if placement is not None else QgsPalLayerSettings.Placement.OverPoint
    settings.priority = priority
    settings.obstacleSettings().setIsObstacle(obstacle)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _single(layer, symbol) -> None:
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


# -- province and atlas maps --------------------------------------------------------------

def style_municipalities_plain(layer, label_field: Optional[str] = None, label_size: float = 0.0) -> None:
    _single(layer, QgsFillSymbol.createSimple({
        "color": MUNICIPALITY_FILL, "outline_color": MUNICIPALITY_LINE, "outline_width": "0.2",
        "outline_width_unit": "MM"}))
    if label_field and label_size:
        set_labels(layer, f'"{label_field}"', text_format(label_size, "#4a4a4a", buffer=0.6))


def style_region_outlines(layer, name_field: str = "region", label_size: float = 9.0,
                          line_width: float = 0.7) -> None:
    _single(layer, QgsFillSymbol.createSimple({
        "style": "no", "outline_color": REGION_LINE, "outline_width": str(line_width),
        "outline_width_unit": "MM", "joinstyle": "round"}))
    if label_size:
        set_labels(layer, f'upper("{name_field}")', text_format(label_size, REGION_LINE, bold=True, buffer=0.9),
                   priority=10)


def style_accommodations(layer, size_factor: float = 1.0, size_legend: bool = True) -> None:
    """The shared accommodation style when present (symbols scaled for the page's map
    scale); else by status, sized by beds. ``size_legend``: bed-size classes in the
    legend (where the page has room for them)."""
    if load_style(layer, "accommodations.qml")[0]:
        scale_marker_sizes(layer, size_factor)
        layer.setLabelsEnabled(False)
        if size_legend:
            add_bed_size_legend(layer)
        return
    categories = []
    for status, color in STATUS_COLORS.items():
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": color, "outline_color": "#1f3b57", "outline_width": "0.25",
            "size": "2"})
        symbol.setDataDefinedSize(QgsProperty.fromExpression(
            'coalesce(scale_exp("beds", 0, 1500, 1.0, 5.0, 0.57), 1.0)'))
        categories.append(QgsRendererCategory(status, symbol, f"{terms.term(terms.ACCOMMODATION_STATUS, status)}"))
    renderer = QgsCategorizedSymbolRenderer("status", categories)
    layer.setRenderer(renderer)
    if size_legend:
        add_bed_size_legend(layer)


# Bed numbers shown as size classes in the legend: small, typical and large locations.
BED_SIZE_CLASSES = (25, 100, 250, 1000)


def add_bed_size_legend(layer) -> None:
    """Size classes under the status categories in the legend, drawn with the symbols'
    own size scale (after any scaling for the page), so a reader can tell 50 beds from
    500. Only for a categorized renderer whose symbols are sized by a field."""
    renderer = layer.renderer()
    categories = renderer.categories() if isinstance(renderer, QgsCategorizedSymbolRenderer) else []
    if not categories:
        return
    # A copy while ``categories`` (which owns the symbol) is still alive.
    sized = categories[0].symbol().clone()
    if not isinstance(sized, QgsMarkerSymbol) or not sized.dataDefinedSize().isActive():
        return
    sized.setColor(QColor("#ffffff"))
    renderer.setSourceSymbol(sized)
    legend = QgsDataDefinedSizeLegend()
    legend.setLegendType(QgsDataDefinedSizeLegend.LegendType.LegendSeparated)
    legend.setTitle("Aantal bedden")
    legend.setClasses([QgsDataDefinedSizeLegend.SizeClass(beds, f"{beds} bedden")
                       for beds in BED_SIZE_CLASSES])
    renderer.setDataDefinedSizeLegend(legend)


def scale_marker_sizes(layer, factor: float) -> None:
    """Multiplies the sizes scaled by a field (beds) of a categorized or single-symbol
    renderer: a style made for the screen, printed at a smaller scale. The legend symbols
    keep their size."""
    if factor == 1.0:
        return
    renderer = layer.renderer()

    def scaled(symbol):
        symbol = symbol.clone()
        if isinstance(symbol, QgsMarkerSymbol):
            size = symbol.dataDefinedSize()
            transformer = size.transformer() if size else None
            if transformer is not None and hasattr(transformer, "setMaxSize"):
                transformer = transformer.clone()
                transformer.setMinSize(transformer.minSize() * factor)
                transformer.setMaxSize(transformer.maxSize() * factor)
                transformer.setNullSize(transformer.nullSize() * factor)
                size.setTransformer(transformer)
                symbol.setDataDefinedSize(size)
        return symbol

    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        categories = renderer.categories()
        for index, category in enumerate(categories):
            renderer.updateCategorySymbol(index, scaled(category.symbol()))
        if renderer.sourceSymbol() is not None:
            renderer.setSourceSymbol(scaled(renderer.sourceSymbol()))
    elif isinstance(renderer, QgsSingleSymbolRenderer):
        renderer.setSymbol(scaled(renderer.symbol()))


def style_locator_context(layer) -> None:
    _single(layer, QgsFillSymbol.createSimple({
        "color": "#e9e6df", "outline_color": "#b5b0a6", "outline_width": "0.1",
        "outline_width_unit": "MM"}))


def style_locator_focus(layer) -> None:
    """Only the current atlas area, filled in the accent colour."""
    root = QgsRuleBasedRenderer.Rule(None)
    focus = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": REGION_LINE, "outline_color": REGION_LINE,
                                    "outline_width": "0.2"}),
        filterExp='"page_key" = attribute(@atlas_feature, \'page_key\')')
    root.appendChild(focus)
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_outside_page(layer) -> None:
    """A white veil over everything outside the atlas page's own area."""
    root = QgsRuleBasedRenderer.Rule(None)
    outside = ("CASE WHEN attribute(@atlas_feature, 'kind') = 'regio' "
               "THEN \"region\" <> attribute(@atlas_feature, 'region') "
               "ELSE \"name\" <> attribute(@atlas_feature, 'name') END")
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "255,255,255,150", "outline_style": "no"}), filterExp=outside))
    layer.setRenderer(QgsRuleBasedRenderer(root))


# -- site report map ------------------------------------------------------------------------

def style_builtup(layer, kern_field: Optional[str]) -> None:
    _single(layer, QgsFillSymbol.createSimple({
        "color": BUILTUP_FILL, "outline_color": BUILTUP_LINE, "outline_width": "0.3",
        "outline_width_unit": "MM"}))
    if kern_field:
        set_labels(layer, f'"{kern_field}"', text_format(8, "#5c4a2c", italic=True, buffer=0.7),
                   priority=3)


def style_edge_zone(layer) -> None:
    symbol = QgsFillSymbol.createSimple({
        "style": "no", "outline_color": EDGE_ZONE_LINE, "outline_width": "0.45",
        "outline_width_unit": "MM", "outline_style": "dash"})
    _single(layer, symbol)


def style_municipal_boundaries(layer) -> None:
    """Municipal boundaries as lines (only the boundaries, so the legend shows them only
    when one crosses the map)."""
    _single(layer, QgsLineSymbol.createSimple({
        "line_color": "#6f6f6f", "line_width": "0.4", "line_width_unit": "MM",
        "line_style": "dash dot"}))


CURRENT_PAGE = "\"page_key\" = attribute(@atlas_feature, 'page_key')"


def style_distance_lines(layer) -> None:
    """Only the line of the page's own site."""
    symbol = QgsLineSymbol.createSimple({"line_color": "#222222", "line_width": "0.35",
                                         "line_width_unit": "MM", "line_style": "dot",
                                         "capstyle": "round"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=CURRENT_PAGE,
                                               label="Kortste afstand tot bebouwd gebied"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    set_labels(layer, f"CASE WHEN {CURRENT_PAGE} THEN \"label\" END",
               text_format(8, "#222222", bold=True, buffer=0.8),
               placement=QgsPalLayerSettings.Placement.Horizontal, priority=10)


def block_labels(layer) -> None:
    """Other layers' labels keep off this layer's features (QGIS's 'blocking' labelling)."""
    settings = QgsPalLayerSettings()
    settings.drawLabels = False
    settings.obstacleSettings().setIsObstacle(True)
    settings.obstacleSettings().setFactor(2.0)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _site_rules(make_assessed, make_other, class_field: str, suffix: str = "") -> QgsRuleBasedRenderer:
    """The assessed site (the atlas feature) in its class colour, other candidate sites light.

    One rule per class, so the legend (filtered by the map) names the class shown.
    """
    root = QgsRuleBasedRenderer.Rule(None)
    current = CURRENT_PAGE
    for name, color in class_colors().items():
        label = f"Beoordeelde locatie{suffix}: {terms.term(terms.LOCATION_CLASS_SHORT, name)}"
        root.appendChild(QgsRuleBasedRenderer.Rule(
            make_assessed(color), filterExp=f"{current} AND \"{class_field}\" = '{name}'", label=label))
    root.appendChild(QgsRuleBasedRenderer.Rule(make_other(), filterExp=f"NOT ({current})",
                                               label=f"Andere kandidaatlocatie{suffix}"))
    return QgsRuleBasedRenderer(root)


def style_sites(layer, class_field: str = "location_class") -> None:
    layer.setRenderer(_site_rules(
        lambda color: QgsFillSymbol.createSimple({
            "color": color, "outline_color": "#111111", "outline_width": "0.7",
            "outline_width_unit": "MM"}),
        lambda: QgsFillSymbol.createSimple({
            "color": "#ffffff", "outline_color": "#555555", "outline_width": "0.3",
            "outline_width_unit": "MM", "style": "b_diagonal"}),
        class_field))
    block_labels(layer)


def style_site_points(layer, class_field: str = "location_class") -> None:
    layer.setRenderer(_site_rules(
        lambda color: QgsMarkerSymbol.createSimple({
            "name": "circle", "color": color, "outline_color": "#111111", "outline_width": "0.6",
            "size": "4.5"}),
        lambda: QgsMarkerSymbol.createSimple({
            "name": "circle", "color": "#ffffff", "outline_color": "#555555", "outline_width": "0.3",
            "size": "2.5"}),
        class_field))
    block_labels(layer)


GAP_CLASS_COLORS = {"shortage": "#d6604d", "balanced": "#f7f7f7", "surplus": "#4393c3"}


def style_gap(layer) -> None:
    """The shared gap choropleth when present; else the three gap classes, diverging."""
    if load_style(layer, "housing_gap.qml")[0]:
        return
    categories = []
    for gap_class, color in GAP_CLASS_COLORS.items():
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": "#7a7a7a",
                                             "outline_width": "0.2", "outline_width_unit": "MM"})
        categories.append(QgsRendererCategory(gap_class, symbol, terms.term(terms.GAP_CLASS, gap_class)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("gap_class", categories))
