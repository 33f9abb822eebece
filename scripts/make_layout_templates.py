"""Writes the print layout templates in resources/layouts (.qpt).

The templates hold the page design: positions, sizes, fonts, colours and the texts with
their expressions. The plugin's export code fills in layers, tables and variables and
finds the items by id (see limburg_flexwonen_plugin/layouts/templates.py). After
running this script the templates can still be refined in the QGIS layout designer;
run it again only to start over from this design.

    PROJ_DATA=/usr/share/proj .venv/bin/python scripts/make_layout_templates.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qgis_headless import ROOT, start_qgis  # noqa: E402

FONT = "DejaVu Sans"
INK = "#222222"
MUTED = "#555555"
ACCENT = "#1f3b57"
RULE = "#1f3b57"
GRID = "#b8c2cc"
# Scenario (when known) and the export date, both set by the export as layout variables.
SUBTITLE = ("[% if(coalesce(@flexwonen_scenario, '') <> '', 'Scenario: ' || @flexwonen_scenario || '  ·  ', '') %]"
            "gemaakt op [% @flexwonen_export_date %]")


def main() -> int:
    start_qgis()
    from qgis.core import QgsProject, QgsReadWriteContext

    from limburg_flexwonen_plugin.layouts import templates
    out = ROOT / "resources" / "layouts"
    out.mkdir(parents=True, exist_ok=True)
    project = QgsProject()
    builders = {
        templates.PROVINCE_OVERVIEW["A4"]: lambda: province_overview(project, 1.0, "A4"),
        templates.PROVINCE_OVERVIEW["A3"]: lambda: province_overview(project, 2 ** 0.5, "A3"),
        templates.AREA_ATLAS: lambda: area_atlas(project),
        templates.SITE_REPORT: lambda: site_report(project),
    }
    for name, build in builders.items():
        layout = build()
        path = out / name
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            raise RuntimeError(f"could not write {path}")
        print(f"written: {path.relative_to(ROOT)}")
    return 0


# -- building blocks ---------------------------------------------------------------------

def new_layout(project, name, width, height):
    from qgis.core import QgsLayoutItemPage, QgsLayoutSize, QgsPrintLayout
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height))
    assert isinstance(page, QgsLayoutItemPage)
    return layout


def place(item, x, y, w, h, item_id):
    from qgis.core import QgsLayoutPoint, QgsLayoutSize
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    item.setId(item_id)
    item.setVisibility(True)
    return item


def font(size, bold=False, italic=False):
    from qgis.PyQt.QtGui import QFont
    result = QFont(FONT)
    result.setPointSizeF(size)
    result.setBold(bold)
    result.setItalic(italic)
    return result


def text_format(size, color, bold=False):
    from qgis.core import QgsTextFormat, QgsUnitTypes
    from qgis.PyQt.QtGui import QColor
    result = QgsTextFormat()
    result.setFont(font(size, bold))
    result.setSize(size)
    result.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    result.setColor(QColor(color))
    return result


def label(layout, item_id, text, x, y, w, h, size, bold=False, color=INK, align="left",
          valign="top", italic=False):
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    item.setFont(font(size, bold, italic))
    item.setFontColor(QColor(color))
    item.setHAlign({"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
                    "center": Qt.AlignmentFlag.AlignHCenter}[align])
    item.setVAlign({"top": Qt.AlignmentFlag.AlignTop, "middle": Qt.AlignmentFlag.AlignVCenter,
                    "bottom": Qt.AlignmentFlag.AlignBottom}[valign])
    item.setMarginX(0)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    return place(item, x, y, w, h, item_id)


def rule(layout, item_id, x, y, w, thickness=0.6, color=RULE):
    from qgis.core import QgsFillSymbol, QgsLayoutItemShape
    item = QgsLayoutItemShape(layout)
    item.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    item.setSymbol(QgsFillSymbol.createSimple({"color": color, "outline_style": "no"}))
    layout.addLayoutItem(item)
    return place(item, x, y, w, thickness, item_id)


def map_item(layout, item_id, x, y, w, h, frame=True):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsLayoutItemMap, QgsLayoutMeasurement,
                           QgsRectangle)
    from qgis.PyQt.QtGui import QColor
    item = QgsLayoutItemMap(layout)
    item.setFrameEnabled(frame)
    item.setFrameStrokeColor(QColor("#8a949e"))
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    item.setBackgroundColor(QColor("#ffffff"))
    item.setKeepLayerSet(True)
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:28992"))
    layout.addLayoutItem(item)
    place(item, x, y, w, h, item_id)
    # An extent of Limburg's size, so the scale bar starts from sensible values.
    centre_x, centre_y, span = 193000.0, 364000.0, 125000.0
    height = span
    width = span * w / h
    item.setExtent(QgsRectangle(centre_x - width / 2, centre_y - height / 2,
                                centre_x + width / 2, centre_y + height / 2))
    return item


def north_arrow(layout, item_id, map_, x, y, w, h):
    from qgis.core import QgsLayoutItemPicture
    item = QgsLayoutItemPicture(layout)
    # The path is resolved to the plugin's own arrow when the template is loaded.
    item.setPicturePath("north_arrow.svg", QgsLayoutItemPicture.Format.FormatSVG)
    item.setLinkedMap(map_)
    item.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(item)
    return place(item, x, y, w, h, item_id)


def scalebar(layout, item_id, map_, x, y, size, min_width, max_width, metres=False):
    from qgis.core import (QgsBasicNumericFormat, QgsLayoutItemScaleBar, QgsScaleBarSettings,
                           QgsUnitTypes)
    from qgis.PyQt.QtGui import QColor
    item = QgsLayoutItemScaleBar(layout)
    item.setStyle("Single Box")
    item.setLinkedMap(map_)
    item.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters if metres
                  else QgsUnitTypes.DistanceUnit.DistanceKilometers)
    item.setUnitLabel("m" if metres else "km")
    dutch = QgsBasicNumericFormat()
    dutch.setDecimalSeparator(",")
    dutch.setThousandsSeparator(".")
    dutch.setShowThousandsSeparator(True)
    dutch.setShowTrailingZeros(False)
    dutch.setNumberDecimalPlaces(1)
    item.setNumericFormat(dutch)
    item.setMapUnitsPerScaleBarUnit(1.0)  # the "label unit multiplier": labels in km as they are
    item.setNumberOfSegments(2)
    item.setNumberOfSegmentsLeft(0)
    item.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    item.setMinimumBarWidth(min_width)
    item.setMaximumBarWidth(max_width)
    item.setHeight(1.6 * size / 7.0)
    item.setTextFormat(text_format(size, INK))
    item.setBackgroundEnabled(True)
    item.setBackgroundColor(QColor(255, 255, 255, 215))
    item.setBoxContentSpace(1.2)
    layout.addLayoutItem(item)
    place(item, x, y, max_width + 12, 10, item_id)
    item.setUnitsPerSegment(1.0)
    item.update()
    return item


def legend(layout, item_id, map_, x, y, w, h, title_size, item_size, columns=1, title="Legenda"):
    from qgis.core import QgsLayoutItemLegend, QgsLegendStyle
    from qgis.PyQt.QtGui import QColor
    item = QgsLayoutItemLegend(layout)
    item.setTitle(title)
    item.setLinkedMap(map_)
    item.setAutoUpdateModel(False)
    item.setResizeToContents(False)
    item.setColumnCount(columns)
    item.setSplitLayer(True)
    item.setEqualColumnWidth(False)
    item.setStyleFont(QgsLegendStyle.Style.Title, font(title_size, bold=True))
    item.setStyleFont(QgsLegendStyle.Style.Group, font(item_size, bold=True))
    item.setStyleFont(QgsLegendStyle.Style.Subgroup, font(item_size, bold=True))
    item.setStyleFont(QgsLegendStyle.Style.SymbolLabel, font(item_size))
    item.setFontColor(QColor(INK))
    item.setSymbolWidth(item_size * 0.75)
    item.setSymbolHeight(item_size * 0.5)
    item.setBoxSpace(0)
    item.setColumnSpace(5)
    item.rstyle(QgsLegendStyle.Style.Title).setMargin(QgsLegendStyle.Side.Bottom, item_size * 0.35)
    item.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, item_size * 0.3)
    item.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, item_size * 0.18)
    item.setWrapString("|")
    layout.addLayoutItem(item)
    return place(item, x, y, w, h, item_id)


def table(layout, item_id, x, y, w, h, header_size, content_size, header=True):
    from qgis.core import QgsLayoutFrame, QgsLayoutItemAttributeTable, QgsLayoutTable
    from qgis.PyQt.QtGui import QColor
    multi = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(multi)
    multi.setHeaderTextFormat(text_format(header_size, ACCENT, bold=True))
    multi.setContentTextFormat(text_format(content_size, INK))
    multi.setHeaderMode(QgsLayoutTable.HeaderMode.FirstFrame if header
                        else QgsLayoutTable.HeaderMode.NoHeaders)
    multi.setShowGrid(True)
    multi.setHorizontalGrid(True)
    multi.setVerticalGrid(False)
    multi.setGridColor(QColor(GRID))
    multi.setGridStrokeWidth(0.2)
    multi.setCellMargin(content_size * 0.11)
    multi.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    multi.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    multi.setEmptyTableMessage("–")
    multi.setResizeMode(QgsLayoutTable.ResizeMode.UseExistingFrames)
    multi.setBackgroundColor(QColor(255, 255, 255, 0))
    frame = QgsLayoutFrame(layout, multi)
    frame.setFrameEnabled(False)
    multi.addFrame(frame)
    place(frame, x, y, w, h, item_id)
    return multi


# -- province overview -------------------------------------------------------------------

def province_overview(project, k, paper):
    """A4 or A3 landscape; k scales positions and type from the A4 design."""
    layout = new_layout(project, f"Huisvestingsopgave Limburg {paper}", 297 * k, 210 * k)
    m = 12 * k
    label(layout, "title", "Huisvestingsopgave arbeidsmigranten Limburg", m, 9 * k, 273 * k, 10 * k,
          20 * k, bold=True, color=ACCENT)
    label(layout, "subtitle", SUBTITLE,
          m, 19.5 * k, 273 * k, 6 * k, 11 * k, color=MUTED)
    rule(layout, "header_rule", m, 27 * k, 273 * k, 0.6 * k)
    map_ = map_item(layout, "map", m, 31 * k, 100 * k, 162 * k)
    north_arrow(layout, "north_arrow", map_, 100 * k, 34 * k, 8.5 * k, 12.5 * k)
    scalebar(layout, "scalebar", map_, 14.5 * k, 184 * k, 7 * k, 25 * k, 40 * k)
    legend(layout, "legend", map_, 120 * k, 31 * k, 72 * k, 150 * k, 11 * k, 8 * k)
    label(layout, "table_title", "Totalen per regio", 200 * k, 31 * k, 85 * k, 6 * k, 11 * k, bold=True,
          color=INK)
    table(layout, "region_table", 200 * k, 38 * k, 85 * k, 30 * k, 7 * k, 7.5 * k)
    label(layout, "stay_title", "Tekort per verblijfsduur (bedden)", 200 * k, 73 * k, 85 * k, 6 * k, 11 * k,
          bold=True, color=INK)
    table(layout, "stay_table", 200 * k, 80 * k, 85 * k, 30 * k, 7 * k, 7.5 * k)
    label(layout, "notes", "[% @flexwonen_notes %]", 200 * k, 116 * k, 85 * k, 75 * k, 7.5 * k,
          color=MUTED)
    label(layout, "source", "[% @flexwonen_source %]", m, 196.5 * k, 273 * k, 4 * k, 7 * k, color=INK)
    label(layout, "versions", "[% @flexwonen_versions %]", m, 201 * k, 273 * k, 4 * k, 6.5 * k,
          color=MUTED)
    return layout


# -- region and municipality atlas -------------------------------------------------------

def area_atlas(project):
    from qgis.core import QgsLayoutTable
    layout = new_layout(project, "Atlas regio's en gemeenten", 297, 210)
    m = 12
    right, right_w = 128, 157
    label(layout, "title", "Huisvestingsopgave arbeidsmigranten · [% \"page_title\" %]", m, 9, 273, 10, 18,
          bold=True, color=ACCENT)
    label(layout, "subtitle", SUBTITLE, m, 19.5, 273, 6, 11, color=MUTED)
    rule(layout, "header_rule", m, 27, 273, 0.6)
    map_ = map_item(layout, "map", m, 31, 110, 162)
    north_arrow(layout, "north_arrow", map_, 110, 34, 8.5, 12.5)
    scalebar(layout, "scalebar", map_, 14.5, 184, 7, 25, 45)
    legend(layout, "legend", map_, right, 31, right_w, 44, 10, 7.5, columns=2)
    label(layout, "figures_title", "Kerncijfers", right, 79, 125, 6, 11, bold=True)
    table(layout, "figures_table", right, 85.5, 125, 52, 7, 6.5)
    map_item(layout, "locator", right + right_w - 27, 79, 27, 56)
    label(layout, "members_title", "[% \"members_title\" %]", right, 141, right_w, 6, 11, bold=True)
    half = right_w / 2 - 3
    table(layout, "members_table", right, 147.5, half, 45.5, 6.5, 6.5)
    # The second column of the list: only drawn when the region has many municipalities.
    second = table(layout, "members_table_2", right + half + 6, 147.5, half, 45.5, 6.5, 6.5)
    second.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.HideTable)
    label(layout, "source", "[% @flexwonen_source %]", m, 196.5, 230, 4, 7)
    label(layout, "versions", "[% @flexwonen_versions %]", m, 201, 230, 4, 6.5, color=MUTED)
    label(layout, "page_number", "blad [% @atlas_featurenumber %] van [% @atlas_totalfeatures %]",
          245, 199, 40, 5, 7.5, color=MUTED, align="right")
    return layout


# -- site assessment report --------------------------------------------------------------

def site_report(project):
    from qgis.core import QgsLayoutObject, QgsProperty
    layout = new_layout(project, "Locatietoets", 210, 297)
    m, w = 15, 180
    half, right = 87, 108
    label(layout, "header", "LOCATIETOETS HUISVESTING ARBEIDSMIGRANTEN", m, 11, 120, 5, 8.5, bold=True,
          color=ACCENT)
    label(layout, "date", "[% @flexwonen_export_date %]", 135, 11, 60, 5, 8.5, color=MUTED, align="right")
    label(layout, "title", "[% \"report_title\" %]", m, 17, w, 9, 15, bold=True, color=INK)
    label(layout, "subtitle", "[% \"report_subtitle\" %]", m, 26.5, w, 5.5, 9.5, color=MUTED)
    rule(layout, "header_rule", m, 33.5, w, 0.6)
    bar = label(layout, "class_bar", "", m, 37, 4, 10, 8)
    bar.setBackgroundEnabled(True)
    bar.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.BackgroundColor,
                                            QgsProperty.fromExpression('"class_color"'))
    box = label(layout, "class_box", "[% \"class_text\" %]", m + 4, 37, w - 4, 10, 11, bold=True,
                valign="middle")
    box.setMarginX(3)
    box.setBackgroundEnabled(True)
    box.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.BackgroundColor,
                                            QgsProperty.fromExpression('"class_tint"'))
    map_ = map_item(layout, "map", m, 50, w, 74)
    north_arrow(layout, "north_arrow", map_, m + w - 10, 53, 7, 10.5)
    scalebar(layout, "scalebar", map_, m + 2.5, 115.5, 7, 20, 40, metres=True)
    legend(layout, "legend", map_, m, 126, w, 11, 8, 7, columns=3, title="")
    label(layout, "location_title", "Ligging", m, 140, half, 5, 10, bold=True, color=ACCENT)
    table(layout, "location_table", m, 146, half, 38, 6.5, 6.5, header=False)
    label(layout, "plan_title", "Plan", right, 140, half, 5, 10, bold=True, color=ACCENT)
    table(layout, "plan_table", right, 146, half, 38, 6.5, 6.5, header=False)
    label(layout, "norms_title", "[% \"norms_title\" %]", m, 187, w, 5, 10, bold=True, color=ACCENT)
    table(layout, "norms_table", m, 193, w, 47, 6.5, 6.5)
    label(layout, "effect_title", "Concentratie en effect op de opgave", m, 243, half, 5, 10, bold=True,
          color=ACCENT)
    table(layout, "effect_table", m, 249, half, 31, 6.5, 6.5, header=False)
    label(layout, "assumptions_title", "Uitgangspunten", right, 243, half, 5, 10, bold=True, color=ACCENT)
    label(layout, "assumptions", "[% \"assumptions\" %]", right, 249, half, 31, 6.5, color=MUTED)
    rule(layout, "footer_rule", m, 281.5, w, 0.25, color=GRID)
    # Footer: sources (up to two lines), page number, and the versions the page was made with.
    label(layout, "source", "[% @flexwonen_source %]", m, 282.5, 150, 5.5, 6.5, color=INK)
    label(layout, "page_number", "blad [% @atlas_featurenumber %] van [% @atlas_totalfeatures %]",
          170, 282.5, 25, 4, 6.5, color=MUTED, align="right")
    label(layout, "versions", "[% @flexwonen_versions %]", m, 288.7, w, 3.5, 6, color=MUTED)
    return layout


if __name__ == "__main__":
    sys.exit(main())
