"""Loading the print layout templates (.qpt) and finding their items by id.

The templates in ``resources/layouts`` can be restyled in the QGIS layout designer; the
code only relies on the item ids below, so a cartographer may move, resize and restyle
everything as long as the ids stay.
"""
from pathlib import Path
from typing import Dict, Optional

from qgis.core import (QgsLayoutFrame, QgsLayoutItem, QgsLayoutItemPicture, QgsPrintLayout,
                       QgsProject, QgsReadWriteContext)
from qgis.PyQt.QtXml import QDomDocument

from ..core.errors import InputError
from ..core.resource_files import resource

PROVINCE_OVERVIEW = {"A4": "province_overview_a4.qpt", "A3": "province_overview_a3.qpt"}
AREA_ATLAS = "area_atlas_a4.qpt"
SITE_REPORT = "site_report_a4.qpt"

# Item ids every template of a kind must hold (the code fills these).
PROVINCE_ITEMS = ("title", "subtitle", "map", "legend", "scalebar", "north_arrow", "table_title",
                  "region_table", "stay_title", "stay_table", "notes", "source", "versions")
ATLAS_ITEMS = ("title", "subtitle", "map", "locator", "legend", "scalebar", "north_arrow",
               "figures_title", "figures_table", "members_title", "members_table", "members_table_2",
               "source",
               "versions", "page_number")
SITE_ITEMS = ("header", "title", "subtitle", "date", "class_bar", "class_box", "map", "legend",
              "scalebar", "north_arrow", "location_title", "location_table", "plan_title",
              "plan_table", "norms_title", "norms_table", "effect_title", "effect_table",
              "assumptions_title", "assumptions", "source", "versions", "page_number")

NORTH_ARROW_SVG = ("icons", "north_arrow.svg")


def template_path(name: str) -> Path:
    return resource("layouts", name)


def load_layout(name: str, project: QgsProject, layout_name: Optional[str] = None,
                required=()) -> QgsPrintLayout:
    """A print layout in ``project`` made from the template ``name``.

    Refuses a template that cannot be read or that lacks one of the ``required`` item ids,
    naming the file and the missing ids.
    """
    path = template_path(name)
    document = QDomDocument()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"layout template not found: {path}") from error
    if not document.setContent(text):
        raise InputError(f"layout template {path.name} is not valid XML")
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise InputError(f"layout template {path.name} could not be loaded")
    layout.setName(layout_name or path.stem)
    missing = [item_id for item_id in required if find_item(layout, item_id) is None]
    if missing:
        raise InputError(f"layout template {path.name} lacks the item(s) {', '.join(missing)}; "
                         "give these ids to the items in the layout designer")
    _point_north_arrows_at_our_svg(layout)
    return layout


def find_item(layout, item_id: str):
    """The item with this id; for a table, its multi-frame (the frame carries the id)."""
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutFrame):
        return item.multiFrame()
    return item


def find_frame(layout, item_id: str) -> Optional[QgsLayoutItem]:
    """The item itself, also for a table's frame (for its position and size)."""
    return layout.itemById(item_id)


def item_ids(layout) -> Dict[str, QgsLayoutItem]:
    return {item.id(): item for item in layout.items()
            if isinstance(item, QgsLayoutItem) and item.id()}


def _point_north_arrows_at_our_svg(layout) -> None:
    """The template stores the arrow by file name only; resolve it to our copy."""
    svg = str(resource(*NORTH_ARROW_SVG))
    for item in layout.items():
        if isinstance(item, QgsLayoutItemPicture) and item.id().startswith("north_arrow"):
            item.setPicturePath(svg, QgsLayoutItemPicture.Format.FormatSVG)
