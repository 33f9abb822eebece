"""The site assessment report: one A4 page per candidate site (an atlas over the sites).

Each page shows the site on a map with the built-up area and the edge zone (the
built-up area grown by the edge distance, dashed), the location class in its colour,
the location facts, the plan, the norm results, the concentration and gap effect when
these are given, and the rules and assumptions used. The assessment is the core's
(``core.site_assessment.assess``, run by the caller); this module only lays it out.
"""
import datetime
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import QgsConditionalStyle, QgsLayoutItemMap, QgsProject
from qgis.PyQt.QtGui import QColor

from ..core.errors import InputError
from ..core.frames import WORKING_CRS, with_crs_text
from ..core.geometry import prepare_layer
from ..core.progress import SILENT, Progress
from ..core.site_assessment import AssessmentResult
from ..core.site_assessment import geometry as site_geometry
from . import site_report_content, styling, templates, texts
from .layers import layer_from_frame
from .page import Page, fill_legend, fit_on_one_line, keep_scale_bar_round, set_variables, versions_text
from .tables import fitted_widths, set_columns

FACT_FIELDS = [("page_key", "string"), ("section", "string"), ("position", "int"),
               ("label", "string"), ("value", "string"), ("detail", "string")]
NORM_RESULT_COLORS = {"voldoet": "#1a7a36", "voldoet niet": "#b2182b", "onbekend": "#8a5a00"}


@dataclass
class SiteReportInputs:
    assessment: AssessmentResult              # the sites as the pipeline assessed them
    site_name_field: Optional[str] = "name"
    plan_fields: site_report_content.PlanFields = site_report_content.PlanFields()
    data_sources: str = ""
    # The credits of the input layers (``core.credits``); None: the layers' names.
    credits: Optional[Sequence[str]] = None
    export_date: Optional[datetime.date] = None
    sites_layer: str = "sites"
    # Why the assessment has no norm check (``site_report_content.NORMS_NOT_ASKED``, ...).
    norms_not_run: Optional[str] = None


@dataclass
class SiteReportData:
    """Everything the pages show, as frames (kept for checks and for the log)."""
    classified: gpd.GeoDataFrame
    coverage: gpd.GeoDataFrame
    facts: pd.DataFrame
    skipped: List[str]
    builtup_parts: Optional[np.ndarray] = None   # the built-up area dissolved, for the drawings


def site_report_data(inputs: SiteReportInputs, progress: Progress = SILENT) -> SiteReportData:
    assessment = inputs.assessment
    parameters = assessment.parameters
    classified = assessment.sites
    keys = _page_keys(classified)
    classified = classified.assign(page_key=keys)
    present = classified["location_class"].notna().values
    skipped = [str(key) for key in classified.loc[~present, "page_key"]]
    reportable = classified[present]
    if reportable.empty:
        raise InputError("no site has a usable geometry: no report to make", layer=inputs.sites_layer)

    effects = site_report_content.effect_sections(assessment.context)
    norm_rows = site_report_content.norm_sections(assessment.norms)
    parts = _builtup_parts(assessment)
    tree = shapely.STRtree(parts) if len(parts) else None
    extra_assumptions = site_report_content.extra_assumptions(assessment)
    norms_title = site_report_content.norms_title(assessment.norms, inputs.norms_not_run)
    colors = styling.class_colors()
    edge = parameters.edge_distance_m
    coverage_rows, fact_rows = [], []
    sites = assessment.attributes
    names = sites[inputs.site_name_field] if inputs.site_name_field in sites.columns else None
    for position, (index, row) in enumerate(reportable.iterrows()):
        progress.check()
        site = row.geometry
        line = site_geometry.distance_line(site, parts, tree) if tree is not None else None
        record = row.to_dict()
        name = names.loc[index] if names is not None else None
        key = record["page_key"]
        location_class = record["location_class"]
        coverage_rows.append({
            "page_key": key,
            "site_id": str(record["site_id"]),
            "location_class": location_class,
            "report_title": site_report_content.report_title(record["site_id"], name),
            "report_subtitle": site_report_content.report_subtitle(record),
            "class_text": site_report_content.class_text(location_class),
            "class_color": colors.get(location_class, "#bdbdbd"),
            "class_tint": styling.tint(colors.get(location_class, "#bdbdbd")),
            "norms_title": norms_title,
            "assumptions": site_report_content.assumptions_text(record, extra_assumptions),
            "geometry": site_geometry.view_box(site, edge, line),
        })
        attributes = sites.loc[index].to_dict()
        sections = {
            "location": site_report_content.location_rows(record, site),
            "plan": site_report_content.plan_rows(attributes, inputs.plan_fields),
            "norms": norm_rows.get(index, []),
            "effect": effects.get(index, []),
        }
        for section, rows in sections.items():
            for number, (label, value, detail) in enumerate(rows):
                fact_rows.append({"page_key": key, "section": section, "position": number,
                                  "label": label, "value": value, "detail": detail})
        progress.report(60 + 30 * (position + 1) / len(reportable))
    coverage = with_crs_text(gpd.GeoDataFrame(coverage_rows, geometry="geometry"), WORKING_CRS)
    facts = pd.DataFrame(fact_rows, columns=[name for name, _ in FACT_FIELDS])
    return SiteReportData(classified, coverage, facts, skipped, parts)


def build_site_reports(inputs: SiteReportInputs, progress: Progress = SILENT) -> Tuple[Page, SiteReportData]:
    data = site_report_data(inputs, progress.scaled(0, 80))
    assessment = inputs.assessment
    parameters = assessment.parameters
    project = QgsProject()
    reportable = data.classified[data.classified["location_class"].notna()]

    coverage = layer_from_frame(data.coverage, "Locaties (kaartuitsnede)", "polygon")
    facts = layer_from_frame(data.facts, "Locatietoets (tabellen)", None, FACT_FIELDS)
    _style_norm_results(facts)

    builtup = assessment.builtup
    kern_names = builtup.kern_names.astype(object) if assessment.inputs.kern_name_field else [None] * len(builtup.kernen)
    builtup_frame = with_crs_text(gpd.GeoDataFrame({"kern": kern_names}, geometry=builtup.kernen), WORKING_CRS)
    builtup_layer = layer_from_frame(builtup_frame, "Bestaand bebouwd gebied", "polygon", [("kern", "string")])
    styling.style_builtup(builtup_layer, "kern")

    parts = data.builtup_parts
    zone = site_geometry.edge_zone(parts, reportable.geometry.values, parameters.edge_distance_m,
                                   reach_m=EDGE_ZONE_REACH_M)
    edge_label = f"Randzone ({texts.metres(parameters.edge_distance_m)} rond bebouwd gebied)"
    layers: List[object] = []
    legend_entries = []

    site_frame = with_crs_text(gpd.GeoDataFrame({"page_key": reportable["page_key"].values,
                                   "location_class": reportable["location_class"].values},
                                  geometry=reportable.geometry.values), WORKING_CRS)
    is_point = shapely.get_dimensions(site_frame.geometry.values) == 0
    if (~is_point).any():
        polygons = layer_from_frame(site_frame[~is_point], "Kandidaatlocaties", "polygon")
        styling.style_sites(polygons)
        layers.append(polygons)
        legend_entries.append((polygons, "Kandidaatlocaties"))
    if is_point.any():
        points = layer_from_frame(site_frame[is_point], "Kandidaatlocaties (punten)", "point")
        styling.style_site_points(points)
        layers.append(points)
        legend_entries.append((points, "Kandidaatlocaties"))

    tree = shapely.STRtree(parts) if len(parts) else None
    lines = []
    for _, row in reportable.iterrows():
        line = site_geometry.distance_line(row.geometry, parts, tree) if tree is not None else None
        if line is not None:
            lines.append({"page_key": row["page_key"], "label": texts.metres(row["distance_m"]),
                          "geometry": line})
    if lines:
        line_layer = layer_from_frame(with_crs_text(gpd.GeoDataFrame(lines, geometry="geometry"), WORKING_CRS),
                                      "Afstand", "line")
        styling.style_distance_lines(line_layer)
        layers.append(line_layer)  # under the sites, over the rest
        legend_entries.append((line_layer, "Kortste afstand tot bebouwd gebied"))
    if zone is not None:
        zone_layer = layer_from_frame(with_crs_text(gpd.GeoDataFrame({"edge_distance_m": [parameters.edge_distance_m]},
                                                       geometry=[zone]), WORKING_CRS),
                                      "Randzone", "polygon")
        styling.style_edge_zone(zone_layer)
        layers.append(zone_layer)
        legend_entries.append((zone_layer, edge_label))
    layers.append(builtup_layer)
    legend_entries.append((builtup_layer, "Bestaand bebouwd gebied"))
    if assessment.inputs.municipalities is not None:
        municipalities, _ = prepare_layer(assessment.inputs.municipalities,
                                          assessment.inputs.municipalities_layer, "polygon")
        boundaries = site_geometry.boundary_lines(municipalities.geometry.values)
        if boundaries is not None:
            boundary_layer = layer_from_frame(
                with_crs_text(gpd.GeoDataFrame({"kind": ["gemeentegrens"]}, geometry=[boundaries]), WORKING_CRS),
                "Gemeentegrenzen", "line")
            styling.style_municipal_boundaries(boundary_layer)
            layers.append(boundary_layer)
            legend_entries.append((boundary_layer, "Gemeentegrens"))

    project.addMapLayers(layers + [coverage, facts], False)
    layout = templates.load_layout(templates.SITE_REPORT, project, "Locatietoets",
                                   required=templates.SITE_ITEMS)
    page = Page(layout, project, layers=layers + [coverage, facts],
                page_names=list(data.coverage["page_key"]))

    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression('"page_key"')
    atlas.setFilenameExpression("'locatietoets_' || \"page_key\"")

    map_item = templates.find_item(layout, "map")
    map_item.setCrs(coverage.crs())
    map_item.setLayers(layers)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.0)
    keep_scale_bar_round(page, templates.find_item(layout, "scalebar"), map_item)
    titles = {layer.id(): title for layer, title in legend_entries}
    legend_entries = [(layer, titles[layer.id()]) for layer in layers]  # in drawing order
    fill_legend(page, templates.find_item(layout, "legend"), legend_entries, filter_by_map=True,
                flat=True)

    # The same heading on every page; long norm-set names must not wrap into the table.
    fit_on_one_line(templates.find_item(layout, "norms_title"),
                    site_report_content.norms_title(assessment.norms, inputs.norms_not_run))

    page_filter = "\"page_key\" = attribute(@atlas_feature, 'page_key')"
    for section, item_id, columns, headings in (
            ("location", "location_table", ["label", "value"], ["", ""]),
            ("plan", "plan_table", ["label", "value"], ["", ""]),
            ("norms", "norms_table", ["label", "value", "detail"], ["Norm", "Uitkomst", "Toelichting"]),
            ("effect", "effect_table", ["label", "value"], ["", ""])):
        table = templates.find_item(layout, item_id)
        frame_width = templates.find_frame(layout, item_id).rect().width()
        widths = fitted_widths(table, frame_width, _COLUMN_SHARES.get(section, (0.52, 0.48)))
        set_columns(table, facts, columns, headings, widths=widths)
        table.setFilterFeatures(True)
        table.setFeatureFilter(f"{page_filter} AND \"section\" = '{section}'")
        table.setUseConditionalStyling(section == "norms")
        table.refreshAttributes()

    versions = site_report_content.versions(assessment)
    credits = inputs.credits if inputs.credits is not None else \
        [inputs.sites_layer, assessment.inputs.builtup_layer] + \
        ([assessment.inputs.municipalities_layer] if assessment.inputs.municipalities is not None else [])
    set_variables(layout, export_date=inputs.export_date or datetime.date.today(), credits=credits,
                  sources=inputs.data_sources, versions=versions_text(
                      [("Regels", str(reportable["rules_version"].iloc[0]))] + versions))
    atlas.updateFeatures()
    return page, data


# The edge zone is drawn around the built-up area within this distance of a site.
EDGE_ZONE_REACH_M = 5000.0


def _builtup_parts(assessment: AssessmentResult) -> np.ndarray:
    """The built-up area as the classification prepared it, dissolved for the drawings."""
    return site_geometry.builtup_parts(assessment.builtup.kernen)


# Each table's columns as shares of its frame (the norms table's last column holds the
# explanation of a failing rule).
_COLUMN_SHARES = {"norms": (0.42, 0.11, 0.47), "effect": (0.58, 0.42)}


def _style_norm_results(facts) -> None:
    """Norm outcomes in colour, so a failing rule stands out in the table."""
    styles = []
    for outcome, color in NORM_RESULT_COLORS.items():
        style = QgsConditionalStyle(f"\"section\" = 'norms' AND @value = '{outcome}'")
        style.setTextColor(QColor(color))
        font = style.font()
        font.setBold(True)
        style.setFont(font)
        styles.append(style)
    facts.conditionalStyles().setFieldStyles("value", styles)


def _page_keys(classified: pd.DataFrame) -> List[str]:
    """The site id as text, made unique with the feature id where ids repeat or are empty."""
    ids = ["" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
           for value in classified["site_id"]]
    counts = pd.Series(ids).value_counts()
    keys = []
    for site_id, index in zip(ids, classified.index):
        if not site_id:
            keys.append(f"fid{index}")
        elif counts[site_id] > 1:
            keys.append(f"{site_id}-{index}")
        else:
            keys.append(site_id)
    return keys
