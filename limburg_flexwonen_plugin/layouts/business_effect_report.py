"""The one-page PDF report of a business's housing effect, built in code as a print layout.

A page (A4 portrait) holds: title and subtitle; a map with the business, its reach and
the municipalities coloured by the beds placed in them; the key figures; a table of the
municipalities within reach (beds per stay category, gap before and after); the phasing
per year; the assumptions; the sources, date and model versions (their texts in
``business_effect_texts``). Every figure comes from ``core.business_effect``; nothing is
calculated here. Like the other printed pages
(``layouts``) it speaks Dutch and uses their number and date formatting and their
atomic PDF exporter.

Each layout lives in its own QgsProject with its own memory layers, made and dropped in
the thread that renders it, so the report can be written from a Processing run in the
background.
"""
import datetime
import math
from pathlib import Path
from typing import Dict, Optional, Sequence

import numpy as np
import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFillSymbol, QgsGeometry,
                       QgsGraduatedSymbolRenderer, QgsLayoutFrame, QgsLayoutItemLabel,
                       QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemScaleBar,
                       QgsLayoutItemTextTable, QgsLayoutPoint, QgsLayoutSize, QgsLayoutTableColumn,
                       QgsLayoutTableStyle, QgsLegendStyle, QgsMarkerSymbol, QgsPalLayerSettings,
                       QgsPrintLayout, QgsProject, QgsRectangle, QgsRendererRange,
                       QgsSingleSymbolRenderer, QgsTextFormat, QgsUnitTypes, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.business_effect import BusinessEffect, BusinessEffectResult
from ..core.errors import CancelledError
from ..core.progress import SILENT, Progress
from .business_effect_texts import (assumption_lines, footer_lines, key_figure_lines, message_text,
                                    municipality_headings, municipality_rows, report_file_name,
                                    subtitle_text, title_text, year_headings, year_rows)
from .exporter import export_pdf

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 12.0
ROW_HEIGHT = 4.6  # mm per table row at 6.5 pt with the cell margin
FONT = "DejaVu Sans"
# ColorBrewer Oranges (4 classes) for the beds placed in a municipality.
BED_COLOURS = ("#fdbe85", "#fd8d3c", "#e6550d", "#a63603")
NONE_COLOUR = "#f4f4f4"


# ---------------------------------------------------------------------------- map layers


def _memory_layer(kind: str, name: str, fields: Sequence[str], rows: Sequence[Sequence], geometries) -> QgsVectorLayer:
    uri = f"{kind}?crs=EPSG:28992&" + "&".join(
        f"field={field}:{'double' if field in ('beds',) else 'string'}" for field in fields)
    layer = QgsVectorLayer(uri, name, "memory")
    features = []
    for values, geometry in zip(rows, geometries):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        if geometry is not None:
            qgis_geometry = QgsGeometry()
            qgis_geometry.fromWkb(shapely.to_wkb(geometry))
            if kind.startswith("Multi"):
                qgis_geometry.convertToMultiType()
            feature.setGeometry(qgis_geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _bed_classes(maximum: int):
    """Up to four classes of whole beds from 1 to the maximum: (lower, upper) bounds."""
    if maximum <= 0:
        return []
    breaks = sorted({int(math.ceil(maximum * k / 4.0)) for k in range(1, 5)})
    classes, lower = [], 0
    for upper in breaks:
        classes.append((lower + 0.5, upper + 0.5))
        lower = upper
    return classes


def municipality_layer(result: BusinessEffectResult, effect: BusinessEffect) -> QgsVectorLayer:
    municipal = result.gap.municipalities
    beds = effect.allocation.set_index("gm_code")["beds"]
    values = [float(beds.get(code, 0)) for code in municipal["gm_code"]]
    layer = _memory_layer("MultiPolygon", "Geplaatste bedden per gemeente", ("gm_name", "beds"),
                          [(name, value) for name, value in zip(municipal["gm_name"], values)],
                          municipal.geometry.values)
    ranges = [QgsRendererRange(-0.5, 0.5, _fill(NONE_COLOUR), "geen bedden")]
    classes = _bed_classes(int(max(values) if values else 0))
    for position, (lower, upper) in enumerate(classes):
        colour = BED_COLOURS[min(position + (len(BED_COLOURS) - len(classes)), len(BED_COLOURS) - 1)]
        first, last = int(lower + 0.5), int(upper - 0.5)
        label = f"{first} bedden" if first == last else f"{first}–{last} bedden"
        ranges.append(QgsRendererRange(lower, upper, _fill(colour), label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("beds", ranges))
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = "CASE WHEN \"beds\" > 0 THEN \"gm_name\" || '\n' || to_int(\"beds\") END"
    text = QgsTextFormat()
    text.setFont(QFont(FONT))
    text.setSize(6.5)
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def _fill(colour: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#7a7a7a",
                                       "outline_width": "0.15"})


def reach_layer(result: BusinessEffectResult, effect: BusinessEffect) -> QgsVectorLayer:
    rings = result.reach[result.reach["business_id"] == effect.business.key]
    layer = _memory_layer("MultiPolygon", "Bereik", ("band",),
                          [(f"{row['inner_km']:g}–{row['outer_km']:g} km",) for _, row in rings.iterrows()],
                          rings.geometry.values)
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#08519c",
                                         "outline_width": "0.5", "outline_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def business_layer(effect: BusinessEffect) -> QgsVectorLayer:
    geometry = effect.business.geometry
    polygonal = shapely.get_dimensions(geometry) == 2
    layer = _memory_layer("MultiPolygon" if polygonal else "MultiPoint", "Bedrijf", ("name",),
                          [(effect.business.name,)], [geometry])
    if polygonal:
        symbol = QgsFillSymbol.createSimple({"color": "#cb181d", "outline_color": "#67000d",
                                             "outline_width": "0.4"})
    else:
        symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": "#cb181d", "size": "5",
                                               "outline_color": "#67000d", "outline_width": "0.3"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


# ---------------------------------------------------------------------------- the page


def _label(layout, text: str, x: float, y: float, width: float, height: float, size: float,
           bold: bool = False, item_id: str = "") -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    text_format = QgsTextFormat.fromQFont(font)
    text_format.setSize(size)
    text_format.setColor(QColor("#1a1a1a"))
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(text_format)
    else:
        label.setFont(font)
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.attemptMove(QgsLayoutPoint(x, y))
    label.attemptResize(QgsLayoutSize(width, height))
    label.setId(item_id)
    layout.addLayoutItem(label)
    return label


def _text_table(layout, headings: Sequence[str], rows: Sequence[Sequence[str]], x: float, y: float,
                width: float, widths: Sequence[float], item_id: str) -> QgsLayoutItemTextTable:
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    columns = []
    for heading, column_width in zip(headings, widths):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(column_width)
        columns.append(column)
    table.setColumns(columns)
    table.setContents([list(row) for row in rows])
    for setter, size, bold in ((table.setHeaderTextFormat, 6.5, True), (table.setContentTextFormat, 6.5, False)):
        font = QFont(FONT)
        font.setBold(bold)
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setSize(size)
        setter(text_format)
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#9a9a9a"))
    header = QgsLayoutTableStyle()
    header.enabled = True
    header.cellBackgroundColor = QColor("#e8eef4")
    table.setCellStyle(QgsLayoutItemTextTable.CellStyleGroup.HeaderRow, header)
    table.setResizeMode(QgsLayoutItemTextTable.ResizeMode.UseExistingFrames)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(x, y, width, ROW_HEIGHT * (len(rows) + 1) + 2))
    frame.setId(item_id)
    table.addFrame(frame)
    table.recalculateFrameSizes()
    return table


def build_report_layout(result: BusinessEffectResult, key: str, project: QgsProject,
                        day: Optional[datetime.date] = None, sources: Optional[str] = None,
                        credits: Sequence[str] = ()) -> QgsPrintLayout:
    """The report page of business ``key`` in ``project`` (which receives the map layers)."""
    effect = result.effect_of(key)
    day = day or datetime.date.today()
    crs = QgsCoordinateReferenceSystem("EPSG:28992")
    project.setCrs(crs)
    layers = [business_layer(effect), reach_layer(result, effect), municipality_layer(result, effect)]
    for layer in reversed(layers):
        project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Orientation.Portrait)
    layout.setName(title_text(effect))

    width = PAGE_WIDTH - 2 * MARGIN
    _label(layout, title_text(effect), MARGIN, 9, width, 9, 15, True, "title")
    _label(layout, subtitle_text(effect, result.gap.title), MARGIN, 18, width, 6, 8.5, False, "subtitle")

    map_size = 112.0
    map_item = QgsLayoutItemMap(layout)
    map_item.attemptMove(QgsLayoutPoint(MARGIN, 26))
    map_item.attemptResize(QgsLayoutSize(map_size, map_size))
    map_item.setCrs(crs)
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setId("map")
    extent = _map_extent(result, effect)
    layout.addLayoutItem(map_item)
    map_item.setExtent(extent)  # square extent for a square map item

    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scale_bar.setUnitLabel("km")
    scale_bar.setNumberOfSegments(2)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setUnitsPerSegment(_nice_segment(extent.width() / 1000.0 / 5.0))
    scale_bar.setHeight(1.5)
    scale_bar.attemptMove(QgsLayoutPoint(MARGIN + 2, 26 + map_size - 10))
    scale_bar.setBackgroundEnabled(True)
    bar_font = QFont(FONT)
    bar_format = QgsTextFormat.fromQFont(bar_font)
    bar_format.setSize(6.5)
    scale_bar.setTextFormat(bar_format)
    scale_bar.setId("scale_bar")
    layout.addLayoutItem(scale_bar)

    side_x = MARGIN + map_size + 5
    side_width = PAGE_WIDTH - MARGIN - side_x
    _label(layout, "Kerncijfers", side_x, 26, side_width, 5, 9, True, "key_figures_title")
    _label(layout, "\n".join(key_figure_lines(result, effect)), side_x, 32, side_width, 44, 7,
           False, "key_figures")

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legenda")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(True)
    legend.attemptMove(QgsLayoutPoint(side_x, 77))
    legend.setSymbolHeight(2.5)
    legend.setSymbolWidth(5.0)
    legend.setResizeToContents(True)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 8.0, True),
                              (QgsLegendStyle.Style.Group, 7.0, True),
                              (QgsLegendStyle.Style.Subgroup, 7.0, True),
                              (QgsLegendStyle.Style.SymbolLabel, 6.5, False)):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        _set_legend_font(legend, style, font, size)
    legend.setId("legend")
    layout.addLayoutItem(legend)

    table_y = 26 + map_size + 3
    message = message_text(result, effect)
    _label(layout, message, MARGIN, table_y, width, 8, 7, False, "message")
    table_y += 9 if message else 0
    municipal_rows = municipality_rows(effect, result.allocation)
    _label(layout, "Bedden per gemeente bij volledige bedrijfsvoering, met het tekort ervoor en erna", MARGIN, table_y, width, 5, 8, True,
           "municipalities_title")
    _text_table(layout, municipality_headings(), municipal_rows, MARGIN, table_y + 6,
                width, (36, 10, 11, 17, 11, 13, 18, 18, 19), "municipalities_table")

    years_y = table_y + 6 + ROW_HEIGHT * (len(municipal_rows) + 1) + 6
    phasing_rows = year_rows(effect)
    _label(layout, "Fasering: extra bedden per jaar", MARGIN, years_y, width, 5, 8, True, "years_title")
    _text_table(layout, year_headings(), phasing_rows, MARGIN, years_y + 6, width,
                (12, 22, 33, 22, 12, 18, 12, 22), "years_table")

    assumptions_y = max(years_y + 6 + ROW_HEIGHT * (len(phasing_rows) + 1) + 4, 240.0)
    _label(layout, "Uitgangspunten en aannames", MARGIN, assumptions_y, width, 5, 8, True, "assumptions_title")
    footer_y = PAGE_HEIGHT - FOOTER_HEIGHT - 3
    lines = assumption_lines(result, effect)
    available = footer_y - 1 - (assumptions_y + 5)
    size = fitting_font_size(lines, width, available)
    _label(layout, "\n".join(lines), MARGIN, assumptions_y + 5, width, available, size, False, "assumptions")
    _label(layout, "\n".join(footer_lines(result, day, sources, credits)), MARGIN, footer_y, width, FOOTER_HEIGHT, 6,
           False, "footer")
    return layout


FOOTER_HEIGHT = 6.0
ASSUMPTION_FONT_SIZES = (6.3, 5.9, 5.5, 5.1, 4.7)
POINT_MM = 25.4 / 72


def wrapped_height_mm(lines: Sequence[str], size_pt: float, width_mm: float) -> float:
    """A generous estimate of the height of ``lines`` wrapped to ``width_mm`` at ``size_pt``
    (DejaVu Sans averages about 0.55 em a character; 0.6 is taken, and 1.3 em a line).

    Why an estimate: a label's own measure (``sizeForText``) ignores wrapping and differs
    between QGIS releases, and QGIS 3.22 clips a label's text at its frame while 3.40 and
    later draw it beyond (over the footer)."""
    characters_per_line = max(1, int(width_mm / (0.6 * size_pt * POINT_MM)))
    rows = sum(max(1, -(-len(line) // characters_per_line)) for line in lines)
    return rows * 1.3 * size_pt * POINT_MM


def fitting_font_size(lines: Sequence[str], width_mm: float, height_mm: float) -> float:
    """The largest of ``ASSUMPTION_FONT_SIZES`` at which the lines fit the frame (the
    smallest when none does)."""
    for size in ASSUMPTION_FONT_SIZES:
        if wrapped_height_mm(lines, size, width_mm) <= height_mm:
            return size
    return ASSUMPTION_FONT_SIZES[-1]


def _set_legend_font(legend, style, font: QFont, size: float) -> None:
    # QGIS 3.30 moved legend fonts into text formats; 3.22 only has fonts.
    legend_style = legend.rstyle(style)
    if hasattr(legend_style, "setTextFormat"):
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setSize(size)
        legend_style.setTextFormat(text_format)
    else:
        legend_style.setFont(font)


def _map_extent(result: BusinessEffectResult, effect: BusinessEffect) -> QgsRectangle:
    rings = result.reach[result.reach["business_id"] == effect.business.key]
    parts = list(rings.geometry.values) + [effect.business.geometry]
    minx, miny, maxx, maxy = shapely.total_bounds(np.array(parts, dtype=object))
    # Square, with a margin, so the circle of the reach is not cut off.
    side = max(maxx - minx, maxy - miny) * 1.08
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    return QgsRectangle(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)


def _nice_segment(length_km: float) -> float:
    for value in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if value >= length_km:
            return float(value)
    return 100.0


# ---------------------------------------------------------------------------- export


def write_reports(result: BusinessEffectResult, folder, day: Optional[datetime.date] = None,
                  progress: Progress = SILENT, sources: Optional[str] = None,
                  credits: Sequence[str] = ()) -> Dict[str, Path]:
    """One one-page PDF per business in ``folder`` (written atomically by the layouts'
    exporter): business id -> file."""
    folder = Path(folder)
    written: Dict[str, Path] = {}
    keys = [effect.business.key for effect in result.effects]
    for number_done, key in enumerate(keys):
        if progress.cancelled():
            raise CancelledError("cancelled by the user")
        project = QgsProject()
        try:
            layout = build_report_layout(result, key, project, day, sources, credits)
            written[key] = export_pdf(layout, folder / report_file_name(key))
            del layout
        finally:
            project.removeAllMapLayers()
        progress.report(100.0 * (number_done + 1) / len(keys))
    return written


__all__ = ["build_report_layout", "write_reports", "report_file_name"]
