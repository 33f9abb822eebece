"""Tables on the pages: text prepared here (Dutch number formatting), drawn by QGIS.

The templates hold attribute tables (their fonts, grid and size are the cartographer's);
the code gives each table a small memory table of text columns to show.
"""
from typing import List, Optional, Sequence

from qgis.core import (QgsConditionalStyle, QgsFeature, QgsLayoutTableColumn, QgsVectorLayer)
from qgis.PyQt.QtGui import QColor, QFont

TOTAL_ROW_BACKGROUND = "#e8eef4"


def text_table_layer(name: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> QgsVectorLayer:
    uri = "None?" + "&".join(f"field={column}:string" for column in columns)
    layer = QgsVectorLayer(uri, name, "memory")
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["" if value is None else str(value) for value in row])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def fitted_widths(table, frame_width: float, shares: Sequence[float]) -> List[float]:
    """Column widths in proportion to ``shares`` with which the drawn table fills
    ``frame_width`` and no more: QGIS draws each column wider than its width by the cell
    margin on both sides, and adds the grid lines between and around the columns."""
    count = len(shares)
    grid = table.gridStrokeWidth() * (count + 1) if table.showGrid() and table.verticalGrid() else 0.0
    available = frame_width - 2 * table.cellMargin() * count - grid - 0.1  # 0.1 mm for rounding
    total = float(sum(shares))
    return [available * share / total for share in shares]


def set_columns(table, layer, columns: Sequence[str], headings: Sequence[str],
                alignments: Optional[Sequence[object]] = None, widths: Optional[Sequence[float]] = None) -> None:
    table.setVectorLayer(layer)
    result = []
    for position, (attribute, heading) in enumerate(zip(columns, headings)):
        column = QgsLayoutTableColumn()
        column.setAttribute(attribute)
        column.setHeading(heading)
        if alignments is not None:
            column.setHAlignment(alignments[position])
        if widths is not None and widths[position]:
            column.setWidth(widths[position])
        result.append(column)
    table.setColumns(result)


def set_text_table(table, headings: Sequence[str], rows: Sequence[Sequence[object]],
                   alignments=None, widths=None, bold_last_row: bool = False) -> QgsVectorLayer:
    """Shows these rows (already formatted text) in the template's attribute table."""
    columns = [f"c{position}" for position in range(len(headings))]
    layer = text_table_layer("tabel", columns, rows)
    if bold_last_row and rows:
        style = QgsConditionalStyle(f"\"c0\" = '{_quoted(rows[-1][0])}'")
        font = QFont(table.contentTextFormat().font())
        font.setBold(True)
        style.setFont(font)
        style.setBackgroundColor(QColor(TOTAL_ROW_BACKGROUND))
        layer.conditionalStyles().setRowStyles([style])
        table.setUseConditionalStyling(True)
    table.layout().project().addMapLayer(layer, False)
    set_columns(table, layer, columns, headings, alignments, widths)
    table.refreshAttributes()
    return layer


def table_rows(table) -> List[List[str]]:
    """The table's cell texts as QGIS will draw them (for checks)."""
    ok, contents = table.getTableContents()
    return [[str(cell) for cell in row] for row in contents] if ok else []


def _quoted(value) -> str:
    return str(value).replace("'", "''")
