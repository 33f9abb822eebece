"""The province overview "Huisvestingsopgave arbeidsmigranten Limburg" (A4 or A3 landscape)."""
import datetime
from dataclasses import dataclass
from typing import List, Optional, Sequence

import pandas as pd
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from ..core.errors import InputError
from ..bridge.read import source_to_frame
from . import gap_fields, styling, templates, texts
from .layers import layer_from_frame
from .page import (Page, fill_legend, keep_scale_bar_round, layer_credits, set_variables, show_extent,
                   versions_text)
from .tables import fitted_widths, set_text_table

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
    credits: Optional[Sequence[str]] = None     # None: read from the layers' metadata
    paper: str = "A4"
    export_date: Optional[datetime.date] = None


def build_province_overview(inputs: OverviewInputs) -> Page:
    if inputs.paper not in templates.PROVINCE_OVERVIEW:
        raise InputError(f"unknown paper size {inputs.paper}; choose one of "
                         f"{', '.join(templates.PROVINCE_OVERVIEW)}")
    municipalities = inputs.municipalities
    if inputs.region_field not in municipalities.fields().names():
        raise InputError("field not found", layer=municipalities.name(), field=inputs.region_field)
    if inputs.regions is not None and inputs.region_field not in inputs.regions.fields().names():
        raise InputError("field not found", layer=inputs.regions.name(), field=inputs.region_field)
    project = QgsProject()
    scale = 1.0 if inputs.paper == "A4" else 2 ** 0.5
    with_gap = gap_fields.has_gap(municipalities)
    region_totals = inputs.regions is not None and gap_fields.has_gap(inputs.regions)

    regions = region_outlines(municipalities, inputs.regions, inputs.region_field)
    styling.style_region_outlines(regions, "region", label_size=9 * scale, line_width=0.7 * scale)
    if with_gap:
        styling.style_gap(municipalities)
    else:
        styling.style_municipalities_plain(municipalities)
    name_field = "gm_name" if "gm_name" in municipalities.fields().names() else None
    if name_field:
        styling.set_labels(municipalities, f'"{name_field}"',
                           styling.text_format(6 * scale, "#333333", buffer=0.5 * scale), priority=3)
    else:
        municipalities.setLabelsEnabled(False)
    layers = [layer for layer in (inputs.accommodations, regions, municipalities) if layer is not None]
    if inputs.accommodations is not None:
        styling.style_accommodations(inputs.accommodations, size_factor=0.5 * scale)
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
    entries.append((municipalities, gap_fields.legend_title(municipalities) if with_gap else "Gemeente"))
    fill_legend(page, templates.find_item(layout, "legend"), entries)

    scenario = inputs.scenario or (gap_fields.scenario_text(municipalities) if with_gap else "")
    notes = []
    if region_totals:
        _fill_region_tables(layout, inputs.regions, inputs.region_field, scale)
    else:
        _remove_items(layout, ("table_title", "region_table", "stay_title", "stay_table"))
    if with_gap:
        notes.append(gap_fields.GAP_NOTE)
        demand_note = gap_fields.demand_note(municipalities)
        if demand_note:
            notes.append(demand_note)
        assumptions = gap_fields.assumptions(municipalities)
        if assumptions:
            notes.append(assumptions)
    if inputs.accommodations is not None:
        notes.append("Huisvesting: bestaande, vergunde en geplande locaties; de grootte van het "
                     "symbool volgt het aantal bedden.")
    model = gap_fields.model_version(inputs.regions) or gap_fields.model_version(municipalities)
    set_variables(layout, export_date=inputs.export_date or datetime.date.today(), scenario=scenario,
                  credits=layer_credits(inputs.credits, (inputs.municipalities, inputs.regions,
                                                         inputs.accommodations)),
                  sources=inputs.data_sources, notes="\n\n".join(notes),
                  versions=versions_text([("Model", model),
                                          ("Vraag", gap_fields.demand_basis(municipalities)
                                           if with_gap else None)]))
    if not notes:
        _remove_items(layout, ("notes",))
    return page


def region_outlines(municipalities, regions, region_field: str):
    """The regions to draw: the gap's region layer (without the province row, which has
    no geometry), else dissolved from the municipalities."""
    if regions is not None:
        frame = source_to_frame(regions, regions.name(), [region_field])
        frame = frame[frame.geometry.notna() & (frame[region_field] != PROVINCE_NAME)]
        if not frame.empty:
            frame = frame.rename(columns={region_field: "region"})[["region", "geometry"]]
            return layer_from_frame(frame, "Regio's", "polygon", [("region", "string")])
    return dissolved_regions(municipalities, region_field)


def dissolved_regions(municipalities, region_field: str):
    """One polygon per region, dissolved from the municipalities."""
    frame = source_to_frame(municipalities, municipalities.name(), [region_field])
    frame = frame[frame[region_field].notna()]
    if frame.empty:
        raise InputError("no municipality has a region", layer=municipalities.name(), field=region_field)
    regions = frame.dissolve(by=region_field, as_index=False)[[region_field, "geometry"]]
    regions = regions.rename(columns={region_field: "region"})
    return layer_from_frame(regions, "Regio's", "polygon", [("region", "string")])


def _fill_region_tables(layout, regions, region_field: str, scale: float) -> None:
    """Totals per region and the province, and the gap per stay category."""
    names = [region_field] + list(dict.fromkeys(gap_fields.TABLE_FIELDS + gap_fields.STAY_FIELDS))
    frame = source_to_frame(regions, regions.name(), [n for n in names if n in regions.fields().names()])
    frame = pd.DataFrame(frame.drop(columns="geometry"))
    order = {name: position for position, name in enumerate(gap_fields.REGION_ORDER)}
    frame["_order"] = [order.get(name, 50 if name != PROVINCE_NAME else 99) for name in frame[region_field]]
    frame = frame.sort_values(["_order", region_field])
    total_last = len(frame) > 0 and frame[region_field].iloc[-1] == PROVINCE_NAME
    for item_id, fields, first_width in (("region_table", gap_fields.TABLE_FIELDS, 23),
                                         ("stay_table", gap_fields.STAY_FIELDS, 29)):
        present = [name for name in fields if name in frame.columns]
        rows = [[row[region_field]] + [texts.dutch_number(row[name]) for name in present]
                for _, row in frame.iterrows()]
        headings = ["Regio"] + [gap_fields.TABLE_HEADINGS.get(name) or gap_fields.STAY_HEADINGS[name]
                                for name in present]
        alignments = [Qt.AlignmentFlag.AlignLeft] + [Qt.AlignmentFlag.AlignRight] * len(present)
        table = templates.find_item(layout, item_id)
        widths = [first_width * scale] + [0] * len(present)
        if len(present) > 4:   # with the shortage beside the net gap: share the frame's width
            frame_width = templates.find_frame(layout, item_id).rect().width()
            widths = fitted_widths(table, frame_width, [2.1, 1.05] + [1.0] * (len(present) - 1))
        set_text_table(table, headings, rows, alignments, widths, bold_last_row=total_last)


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
