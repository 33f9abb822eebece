"""The province overview "Huisvestingsopgave arbeidsmigranten Limburg" (A4 or A3 landscape)."""
import datetime
from dataclasses import dataclass
from typing import List, Optional

import pandas as pd
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from ..core.errors import InputError
from ..qgis_bridge import source_to_frame
from . import gap_fields, styling, templates, texts
from .layers import layer_from_frame
from .page import Page, fill_legend, keep_scale_bar_round, set_variables, show_extent, versions_text
from .tables import set_text_table

PROVINCE_NAME = "Limburg"


@dataclass
class OverviewInputs:
    """Memory copies of the layers to draw (never the user's own layers)."""
    municipalities: object
    regions: Optional[object] = None
    accommodations: Optional[object] = None
    region_field: str = "region"
    scenario: str = ""
    data_sources: str = ""
    paper: str = "A4"
    export_date: Optional[datetime.date] = None


def build_province_overview(inputs: OverviewInputs) -> Page:
    if inputs.paper not in templates.PROVINCE_OVERVIEW:
        raise InputError(f"unknown paper size {inputs.paper}; choose one of "
                         f"{', '.join(templates.PROVINCE_OVERVIEW)}")
    municipalities = inputs.municipalities
    if inputs.region_field not in municipalities.fields().names():
        raise InputError("field not found", layer=municipalities.name(), field=inputs.region_field)
    project = QgsProject()
    scale = 1.0 if inputs.paper == "A4" else 2 ** 0.5
    with_gap = gap_fields.has_gap(municipalities)

    regions = inputs.regions
    if regions is None:
        regions = dissolved_regions(municipalities, inputs.region_field)
        region_name_field = "region"
    else:
        region_name_field = inputs.region_field
        regions.setSubsetString(f'"{region_name_field}" <> \'{PROVINCE_NAME}\'')
    styling.style_region_outlines(regions, region_name_field, label_size=9.5 * scale,
                                  line_width=0.7 * scale)
    if with_gap:
        styling.style_gap(municipalities)
    else:
        styling.style_municipalities_plain(municipalities)
    layers = [layer for layer in (inputs.accommodations, regions, municipalities) if layer is not None]
    if inputs.accommodations is not None:
        styling.style_accommodations(inputs.accommodations)
    project.addMapLayers(layers, False)

    layout = templates.load_layout(templates.PROVINCE_OVERVIEW[inputs.paper], project,
                                   "Huisvestingsopgave arbeidsmigranten Limburg",
                                   required=templates.PROVINCE_ITEMS)
    page = Page(layout, project, layers=list(layers))
    map_item = templates.find_item(layout, "map")
    map_item.setCrs(municipalities.crs())
    map_item.setLayers(layers)
    show_extent(map_item, municipalities.extent(), 0.03)
    keep_scale_bar_round(page, templates.find_item(layout, "scalebar"), map_item)

    entries = []
    if inputs.accommodations is not None:
        entries.append((inputs.accommodations, "Huisvesting arbeidsmigranten (bedden)"))
    entries.append((regions, "Regio"))
    entries.append((municipalities, gap_fields.GAP_LEGEND_TITLE if with_gap else "Gemeente"))
    fill_legend(page, templates.find_item(layout, "legend"), entries)

    scenario = inputs.scenario or (gap_fields.scenario_text(municipalities) if with_gap else "")
    notes = []
    if with_gap and inputs.regions is not None and gap_fields.has_gap(inputs.regions):
        _fill_region_table(layout, inputs.regions, inputs.region_field)
        notes.append(gap_fields.GAP_NOTE)
    else:
        _remove_items(layout, ("table_title", "region_table"))
        if with_gap:
            notes.append(gap_fields.GAP_NOTE)
    if inputs.accommodations is not None:
        notes.append("Huisvesting: bestaande, vergunde en geplande locaties; de grootte van het "
                     "symbool volgt het aantal bedden.")
    set_variables(layout, export_date=inputs.export_date or datetime.date.today(), scenario=scenario,
                  sources=inputs.data_sources, notes="\n\n".join(notes),
                  versions=versions_text([("Model", gap_fields.model_version(municipalities))]))
    if not notes:
        _remove_items(layout, ("notes",))
    return page


def dissolved_regions(municipalities, region_field: str):
    """One polygon per region, dissolved from the municipalities."""
    frame = source_to_frame(municipalities, municipalities.name(), [region_field])
    frame = frame[frame[region_field].notna()]
    if frame.empty:
        raise InputError("no municipality has a region", layer=municipalities.name(), field=region_field)
    regions = frame.dissolve(by=region_field, as_index=False)[[region_field, "geometry"]]
    regions = regions.rename(columns={region_field: "region"})
    return layer_from_frame(regions, "Regio's", "polygon", [("region", "string")])


def _fill_region_table(layout, regions, region_field: str) -> None:
    frame = source_to_frame(regions, regions.name(), [region_field] + list(gap_fields.TABLE_FIELDS))
    frame = pd.DataFrame(frame.drop(columns="geometry"))
    order = {name: position for position, name in enumerate(gap_fields.REGION_ORDER)}
    frame["_order"] = [order.get(name, 50 if name != PROVINCE_NAME else 99) for name in frame[region_field]]
    frame = frame.sort_values(["_order", region_field])
    rows = []
    for _, row in frame.iterrows():
        rows.append([row[region_field]] + [texts.dutch_number(row[name]) for name in gap_fields.TABLE_FIELDS])
    headings = ["Regio"] + [gap_fields.TABLE_HEADINGS[name] for name in gap_fields.TABLE_FIELDS]
    alignments = [Qt.AlignmentFlag.AlignLeft] + [Qt.AlignmentFlag.AlignRight] * len(gap_fields.TABLE_FIELDS)
    widths = [23] + [0] * len(gap_fields.TABLE_FIELDS)
    set_text_table(templates.find_item(layout, "region_table"), headings, rows, alignments, widths,
                   bold_last_row=rows and rows[-1][0] == PROVINCE_NAME)


def _remove_items(layout, ids: List[str]) -> None:
    for item_id in ids:
        frame = templates.find_frame(layout, item_id)
        if frame is None:
            continue
        multi = templates.find_item(layout, item_id)
        if multi is not frame:
            for table_frame in list(multi.frames()):
                layout.removeLayoutItem(table_frame)
            layout.removeMultiFrame(multi)
        else:
            layout.removeLayoutItem(frame)
