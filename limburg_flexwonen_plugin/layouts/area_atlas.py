"""The atlas: one page per region and one per municipality (A4 landscape).

Regions come first, each followed by its municipalities. Each page shows the area on a
map that follows it, a locator map of the province, the key figures of the area next to
those of Limburg, and the municipalities of its region. The figures are the housing gap
outputs' own (nothing is recalculated here); without them the pages show inhabitants
and area only.
"""
import datetime
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import geopandas as gpd
import pandas as pd
import shapely
from qgis.core import QgsConditionalStyle, QgsLayoutItemMap, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core import terms
from ..core.errors import InputError
from ..core.frames import WORKING_CRS, with_crs_text
from ..core.validation import require_numeric_columns, require_plausible
from ..bridge.read import source_to_frame
from . import gap_fields, styling, templates, texts
from .layers import layer_from_frame
from .page import (Page, add_line_below, fill_legend, keep_scale_bar_round, layer_credits,
                   set_variables, show_extent, versions_text)
from .province_overview import PROVINCE_NAME
from .tables import fitted_widths, set_columns, text_table_layer

LEVELS = ("both", "regions", "municipalities")
REGION, MUNICIPALITY = "regio", "gemeente"

# (label, field, decimals): shown when the field is present.
FIGURES = (
    ("Inwoners", "inhabitants", 0),
    ("Arbeidsmigranten", "labour_migrants", 0),
    ("Arbeidsmigranten per 1.000 inwoners", "migrants_per_1000_inh", 1),
    ("Arbeidsmigranten per km² bebouwd gebied", "migrants_per_km2_builtup", 0),
    ("Bedden arbeidsmigranten per 100 inwoners", "migrant_beds_per_100_inh", 1),
    ("Vraag (bedden)", "demand_beds", 0),
    ("Aanbod (bedden)", "supply_beds", 0),
    ("Tekort: som van de gemeentelijke tekorten (bedden)", "shortage_beds", 0),
    ("Saldo vraag − aanbod (bedden; negatief = overschot)", "gap_beds", 0),
)
SPLIT = (("kort / middellang / lang verblijf", ("short", "mid", "long")),)
MEMBER_COLUMNS = (
    ("Gemeente", None, 0),
    ("Arbeids-\nmigranten", "labour_migrants", 0),
    ("Vraag", "demand_beds", 0),
    ("Aanbod", "supply_beds", 0),
    ("Tekort", "gap_beds", 0),
)
ROWS_PER_LIST_COLUMN = 10
# Without the housing gap the list shows the inhabitants.
MEMBER_COLUMNS_PLAIN = (("Gemeente", None, 0), ("Inwoners", "inhabitants", 0))


@dataclass
class AtlasInputs:
    municipalities: object
    regions: Optional[object] = None
    accommodations: Optional[object] = None
    builtup: Optional[object] = None
    level: str = "both"
    name_field: str = "gm_name"
    region_field: str = "region"
    scenario: str = ""
    data_sources: str = ""
    credits: Optional[Sequence[str]] = None     # None: read from the layers' metadata
    export_date: Optional[datetime.date] = None


def build_area_atlas(inputs: AtlasInputs) -> Page:
    if inputs.level not in LEVELS:
        raise InputError(f"unknown atlas level {inputs.level}; choose one of {', '.join(LEVELS)}")
    municipalities = inputs.municipalities
    for name in (inputs.name_field, inputs.region_field):
        if name not in municipalities.fields().names():
            raise InputError("field not found", layer=municipalities.name(), field=name)
    if inputs.regions is not None and inputs.region_field not in inputs.regions.fields().names():
        raise InputError("field not found", layer=inputs.regions.name(), field=inputs.region_field)
    with_gap = gap_fields.has_gap(municipalities)
    wanted = [inputs.name_field, inputs.region_field, "gap_class"] + [f for _, f, _ in FIGURES] + \
             [f"{kind}_{category}" for kind in ("demand", "supply", "gap")
              for category in ("short", "mid", "long")]
    present = [name for name in dict.fromkeys(wanted) if name in municipalities.fields().names()]
    muni_frame = source_to_frame(municipalities, municipalities.name(), present)
    # Figures are printed as numbers: text in them is the user's to fix, named here.
    require_numeric_columns(muni_frame, [name for name in present if name not in (
        inputs.name_field, inputs.region_field, "gap_class")], municipalities.name())
    for quantity in ("inhabitants", "labour_migrants"):
        if quantity in muni_frame.columns:
            require_plausible(muni_frame[quantity].values, muni_frame.index, quantity,
                              municipalities.name(), quantity)
    muni_frame = muni_frame[muni_frame.geometry.notna() & muni_frame[inputs.region_field].notna()]
    if muni_frame.empty:
        raise InputError("no municipality with a geometry and a region", layer=municipalities.name())

    region_frame = _region_frame(inputs, muni_frame, present)
    province = _province_row(inputs, muni_frame, region_frame)
    coverage_frame = _coverage(inputs, muni_frame, region_frame)

    project = QgsProject()
    coverage = layer_from_frame(coverage_frame, "Atlasbladen", "polygon")
    figures = layer_from_frame(_figure_rows(coverage_frame, muni_frame, region_frame, province, inputs),
                               "Kerncijfers", None)
    member_columns = _member_columns(muni_frame)
    members_layer = _members_layer(coverage_frame, muni_frame, inputs, member_columns)
    project.addMapLayers([coverage, figures, members_layer], False)

    # Map layers: copies styled for print.
    if with_gap:
        styling.style_gap(municipalities)
    else:
        styling.style_municipalities_plain(municipalities)
    styling.set_labels(municipalities, f'"{inputs.name_field}"',
                       styling.text_format(7, "#333333", buffer=0.7), priority=4)
    regions_layer = layer_from_frame(region_frame[["region", "geometry"]], "Regio's", "polygon",
                                     [("region", "string")])
    styling.style_region_outlines(regions_layer, "region", label_size=0, line_width=0.8)
    # A white veil over what lies outside the page's area, under the region outlines.
    mask = layer_from_frame(muni_frame[[inputs.name_field, inputs.region_field, "geometry"]].rename(
        columns={inputs.name_field: "name", inputs.region_field: "region"}), "Buiten dit blad", "polygon")
    styling.style_outside_page(mask)
    map_layers = [regions_layer, mask]
    entries = []
    if inputs.accommodations is not None:
        styling.style_accommodations(inputs.accommodations, size_factor=0.7,
                                     size_legend=False)  # no room beside the figures
        map_layers.append(inputs.accommodations)
        entries.append((inputs.accommodations, "Huisvesting arbeidsmigranten (bedden)"))
    entries.append((regions_layer, "Regiogrens"))
    if inputs.builtup is not None:
        styling.style_builtup(inputs.builtup, None)
        map_layers.append(inputs.builtup)
        entries.append((inputs.builtup, "Bestaand bebouwd gebied"))
    map_layers.append(municipalities)
    entries.append((municipalities, gap_fields.legend_title(municipalities) if with_gap else "Gemeente"))
    locator_context = layer_from_frame(muni_frame[["geometry"]], "Limburg", "polygon", [])
    styling.style_locator_context(locator_context)
    locator_focus = layer_from_frame(coverage_frame[["page_key", "geometry"]], "Blad", "polygon")
    styling.style_locator_focus(locator_focus)
    extra = [locator_context, locator_focus]
    project.addMapLayers(map_layers + extra, False)

    layout = templates.load_layout(templates.AREA_ATLAS, project, "Atlas regio's en gemeenten",
                                   required=templates.ATLAS_ITEMS)
    page = Page(layout, project, layers=map_layers + extra + [coverage, figures, members_layer],
                page_names=list(coverage_frame["page_key"]))
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression('"page_title"')

    map_item = templates.find_item(layout, "map")
    map_item.setCrs(coverage.crs())
    map_item.setLayers(map_layers)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.06)
    locator = templates.find_item(layout, "locator")
    locator.setCrs(coverage.crs())
    locator.setLayers([locator_focus, locator_context])
    locator.setAtlasDriven(False)
    show_extent(locator, locator_context.extent(), 0.03)
    fill_legend(page, templates.find_item(layout, "legend"), entries, filter_by_map=False)

    figures_table = templates.find_item(layout, "figures_table")
    width = templates.find_frame(layout, "figures_table").rect().width()
    set_columns(figures_table, figures, ["label", "value", "province"],
                ["", "Dit gebied", "Limburg"],
                [Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignRight],
                fitted_widths(figures_table, width, [0.44, 0.27, 0.29]))
    figures_table.setFilterFeatures(True)
    figures_table.setFeatureFilter("\"page_key\" = attribute(@atlas_feature, 'page_key')")
    figures_table.refreshAttributes()

    for column, item_id in enumerate(("members_table", "members_table_2")):
        members_table = templates.find_item(layout, item_id)
        width = templates.find_frame(layout, item_id).rect().width()
        others = len(member_columns) - 1
        set_columns(members_table, members_layer, [f"c{i}" for i in range(len(member_columns))],
                    [heading for heading, _, _ in member_columns],
                    [Qt.AlignmentFlag.AlignLeft] + [Qt.AlignmentFlag.AlignRight] * others,
                    fitted_widths(members_table, width, [0.38] + [0.62 / max(others, 1)] * others))
        members_table.setFilterFeatures(True)
        members_table.setFeatureFilter(
            f"\"page_key\" = attribute(@atlas_feature, 'page_key') AND \"list_column\" = '{column}'")
        members_table.setUseConditionalStyling(True)
        members_table.refreshAttributes()
    keep_scale_bar_round(page, templates.find_item(layout, "scalebar"), map_item)

    scenario = inputs.scenario or (gap_fields.scenario_text(municipalities) if with_gap else "")
    set_variables(layout, export_date=inputs.export_date or datetime.date.today(), scenario=scenario,
                  credits=layer_credits(inputs.credits, (inputs.municipalities, inputs.regions,
                                                         inputs.accommodations, inputs.builtup)),
                  sources=inputs.data_sources,
                  versions=versions_text([("Model", gap_fields.model_version(municipalities)),
                                          ("Vraag", gap_fields.demand_basis(municipalities)
                                           if with_gap else None)]))
    if with_gap:
        # Small but present on every page: what the demand rests on and its assumptions.
        line = " ".join(part for part in (gap_fields.demand_note(municipalities),
                                          gap_fields.assumptions(municipalities)) if part)
        add_line_below(layout, "versions", line, "assumptions")
    atlas.updateFeatures()
    return page


def _region_frame(inputs: AtlasInputs, muni_frame: gpd.GeoDataFrame, present: List[str]) -> gpd.GeoDataFrame:
    """One row per region: from the gap's region layer when given, else dissolved."""
    if inputs.regions is not None:
        frame = source_to_frame(inputs.regions, inputs.regions.name())
        frame = frame[frame[inputs.region_field].notna()]
        frame = frame.rename(columns={inputs.region_field: "region"})
        frame = frame[frame["region"] != PROVINCE_NAME]
        if frame.geometry.isna().any():
            dissolved = muni_frame.dissolve(by=inputs.region_field)
            frame = frame.set_geometry([dissolved.geometry.get(name) for name in frame["region"]])
        return frame
    additive = [name for name in ("inhabitants",) if name in present]
    dissolved = muni_frame[[inputs.region_field, "geometry"] + additive].dissolve(
        by=inputs.region_field, aggfunc="sum", as_index=False)
    return dissolved.rename(columns={inputs.region_field: "region"})


def _province_row(inputs: AtlasInputs, muni_frame, region_frame) -> Dict:
    if inputs.regions is not None:
        frame = source_to_frame(inputs.regions, inputs.regions.name())
        rows = frame[frame[inputs.region_field] == PROVINCE_NAME]
        if len(rows):
            return rows.iloc[0].to_dict()
    row = {"inhabitants": muni_frame["inhabitants"].sum()} if "inhabitants" in muni_frame.columns else {}
    return row


def _coverage(inputs: AtlasInputs, muni_frame, region_frame) -> gpd.GeoDataFrame:
    order = {name: position for position, name in enumerate(gap_fields.REGION_ORDER)}
    regions = sorted(region_frame["region"], key=lambda name: (order.get(name, 50), name))
    rows = []
    for region in regions:
        geometry = region_frame.loc[region_frame["region"] == region].geometry.iloc[0]
        if inputs.level in ("both", "regions"):
            rows.append({"page_key": f"{REGION}:{region}", "kind": REGION, "name": region, "region": region,
                         "page_title": f"Regio {region}",
                         "members_title": f"Gemeenten in regio {region}", "geometry": geometry})
        if inputs.level in ("both", "municipalities"):
            members = muni_frame[muni_frame[inputs.region_field] == region].sort_values(inputs.name_field)
            for _, member in members.iterrows():
                name = member[inputs.name_field]
                rows.append({"page_key": f"{MUNICIPALITY}:{name}", "kind": MUNICIPALITY, "name": name,
                             "region": region, "page_title": f"Gemeente {name} ({region})",
                             "members_title": f"Gemeenten in regio {region}",
                             "geometry": member.geometry})
    frame = with_crs_text(gpd.GeoDataFrame(rows, geometry="geometry"), WORKING_CRS)
    frame["geometry"] = shapely.make_valid(frame.geometry.values)
    return frame


def _figure_rows(coverage, muni_frame, region_frame, province: Dict, inputs: AtlasInputs) -> pd.DataFrame:
    rows = []
    province_area = f"{texts.dutch_number(shapely.area(shapely.union_all(muni_frame.geometry.values)) / 1e6)} km²"
    for _, page in coverage.iterrows():
        if page["kind"] == REGION:
            source = region_frame[region_frame["region"] == page["name"]].iloc[0].to_dict()
        else:
            source = muni_frame[muni_frame[inputs.name_field] == page["name"]].iloc[0].to_dict()
        for label, value, province_value in figure_lines(source, province):
            rows.append({"page_key": page["page_key"], "label": label, "value": value,
                         "province": province_value})
        if "gap_beds" not in source:  # without the housing gap: the area as well
            rows.append({"page_key": page["page_key"], "label": "Oppervlakte",
                         "value": f"{texts.dutch_number(shapely.area(page.geometry) / 1e6)} km²",
                         "province": province_area})
    return pd.DataFrame(rows, columns=["page_key", "label", "value", "province"])


def figure_lines(source: Dict, province: Dict) -> List[Tuple[str, str, str]]:
    """(label, value of the area, value of Limburg) for the figures the data holds."""
    lines = []
    for label, field, decimals in FIGURES:
        if field not in source:
            continue
        lines.append((label, texts.dutch_number(source.get(field), decimals),
                      texts.dutch_number(province.get(field), decimals) if field in province else ""))
        kind = field.split("_")[0]
        if field in ("demand_beds", "supply_beds", "gap_beds"):
            parts = [f"{kind}_{category}" for category in ("short", "mid", "long")]
            if all(part in source for part in parts):
                lines.append(("   kort / middellang / lang verblijf",
                              " / ".join(texts.dutch_number(source.get(part)) for part in parts),
                              " / ".join(texts.dutch_number(province.get(part)) for part in parts)
                              if all(part in province for part in parts) else ""))
    if "gap_class" in source:
        lines.append(("Beoordeling", terms.term(terms.GAP_CLASS, source.get("gap_class"), default="–"),
                      terms.term(terms.GAP_CLASS, province.get("gap_class"), default="")))
    return lines


def _member_columns(muni_frame):
    columns = MEMBER_COLUMNS if all(f in muni_frame.columns for _, f, _ in MEMBER_COLUMNS[1:]) \
        else MEMBER_COLUMNS_PLAIN
    return [c for c in columns if c[1] is None or c[1] in muni_frame.columns]


def _members_layer(coverage, muni_frame, inputs: AtlasInputs, columns):
    """Per page the municipalities of its region (the page's own municipality marked)."""
    rows = []
    ordered = muni_frame.sort_values(inputs.name_field)
    for _, page in coverage.iterrows():
        members = ordered[ordered[inputs.region_field] == page["region"]]
        # Long lists run on in a second column.
        split = len(members) if len(members) <= ROWS_PER_LIST_COLUMN else -(-len(members) // 2)
        for position, (_, member) in enumerate(members.iterrows()):
            name = member[inputs.name_field]
            cells = [name] + [texts.dutch_number(member[field], decimals) for _, field, decimals in columns[1:]]
            current = "1" if page["kind"] == MUNICIPALITY and page["name"] == name else "0"
            rows.append(cells + [page["page_key"], current, "0" if position < split else "1"])
    layer = text_table_layer("Gemeenten", [f"c{i}" for i in range(len(columns))]
                             + ["page_key", "current", "list_column"], rows)
    style = QgsConditionalStyle("\"current\" = '1'")
    font = style.font()
    font.setBold(True)
    style.setFont(font)
    style.setBackgroundColor(QColor("#e8eef4"))
    layer.conditionalStyles().setRowStyles([style])
    return layer
