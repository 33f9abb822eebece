"""The sections of a site's card: one builder per section.

Extension point: ``SECTION_BUILDERS``. A builder receives the classified sites (with
their own attributes) and the pipeline's result (``AssessmentResult``: its inputs, the
norm check, the municipal context), and returns one ``Section`` (or None) per site. A new
analysis adds its section by adding a builder; nothing else changes.
"""
from typing import Callable, List, Optional, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .. import housing_gap, housing_norms
from ..geometry import prepare_layer
from ..texts import QT_TRANSLATE_NOOP
from .model import CLASS, COUNT, FLAG, METRES, NUMBER, SHARE, VERDICT, AssessmentResult, Row, Section

VERDICT_TEXTS = {
    housing_norms.PASS: QT_TRANSLATE_NOOP("SiteAssessment", "meets every rule"),
    housing_norms.FAIL: QT_TRANSLATE_NOOP("SiteAssessment", "does not meet every rule"),
    housing_norms.UNKNOWN: QT_TRANSLATE_NOOP("SiteAssessment", "unknown: plan data missing"),
}

# The stay categories (codes in the data), as a viewer shows them (translated).
STAY_TEXTS = {
    "short": QT_TRANSLATE_NOOP("SiteAssessment", "short stay"),
    "mid": QT_TRANSLATE_NOOP("SiteAssessment", "mid stay"),
    "long": QT_TRANSLATE_NOOP("SiteAssessment", "long stay"),
}

# The gap classes of housing_gap, as a viewer shows them (translated).
GAP_CLASS_TEXTS = {
    housing_gap.SHORTAGE: QT_TRANSLATE_NOOP("SiteAssessment", "shortage"),
    housing_gap.BALANCED: QT_TRANSLATE_NOOP("SiteAssessment", "balanced"),
    housing_gap.SURPLUS: QT_TRANSLATE_NOOP("SiteAssessment", "surplus"),
}

SectionBuilder = Callable[[gpd.GeoDataFrame, AssessmentResult], List[Optional[Section]]]


def location_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    sections = []
    for _, site in frame.iterrows():
        sections.append(Section("location", QT_TRANSLATE_NOOP("SiteAssessment", "Location"), (
            Row("location_class", QT_TRANSLATE_NOOP("SiteAssessment", "Location class"),
                site["location_class"], CLASS),
            Row("inside_share", QT_TRANSLATE_NOOP("SiteAssessment", "Share inside the built-up area"),
                _number(site["inside_share"]), SHARE),
            Row("distance_m", QT_TRANSLATE_NOOP("SiteAssessment", "Distance to the built-up area"),
                _number(site["distance_m"]), METRES),
            Row("nearest_kern", QT_TRANSLATE_NOOP("SiteAssessment", "Nearest kern"),
                plain(site["nearest_kern"])),
        )))
    return sections


def basis_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    """The parameters and rules the assessment used (last, for the record)."""
    sections = []
    for _, site in frame.iterrows():
        sections.append(Section("basis", QT_TRANSLATE_NOOP("SiteAssessment", "Basis"), (
            Row("edge_distance_m", QT_TRANSLATE_NOOP("SiteAssessment", "Edge distance used"),
                _number(site["edge_distance_m"]), METRES),
            Row("min_inside_share", QT_TRANSLATE_NOOP("SiteAssessment", "Minimum share inside used"),
                _number(site["min_inside_share"]), SHARE),
            Row("rules_version", QT_TRANSLATE_NOOP("SiteAssessment", "Rules"),
                site["rules_version"]),
        )))
    return sections


def municipality_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    if result.inputs.municipalities is None:
        return [None] * len(frame)
    sections = []
    for _, site in frame.iterrows():
        straddles = site["straddles_municipalities"]
        sections.append(Section("municipality", QT_TRANSLATE_NOOP("SiteAssessment", "Municipality"), (
            Row("gm_name", QT_TRANSLATE_NOOP("SiteAssessment", "Municipality"), plain(site["gm_name"])),
            Row("gm_code", QT_TRANSLATE_NOOP("SiteAssessment", "Municipality code"),
                plain(site["gm_code"])),
            Row("region", QT_TRANSLATE_NOOP("SiteAssessment", "Region"), plain(site["region"])),
            Row("municipality_share", QT_TRANSLATE_NOOP("SiteAssessment", "Share of the site in this municipality"),
                _number(site["municipality_share"]), SHARE),
            Row("straddles_municipalities", QT_TRANSLATE_NOOP("SiteAssessment", "Straddles municipalities"),
                None if straddles is None else bool(straddles), FLAG),
        )))
    return sections


def context_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    """The plan and its surroundings: planned beds, stay category, nearest accommodation."""
    inputs = result.inputs
    planned = None
    if inputs.planned_beds_field and inputs.planned_beds_field in frame.columns:
        planned = pd.to_numeric(frame[inputs.planned_beds_field], errors="coerce").values
    stays = (text_column(frame, inputs.stay_field)
             if inputs.stay_field and inputs.stay_field in frame.columns else None)
    nearest_names, nearest_distances = _nearest_accommodations(frame, inputs)
    if planned is None and stays is None and nearest_names is None:
        return [None] * len(frame)
    sections = []
    for position in range(len(frame)):
        rows = []
        if planned is not None:
            rows.append(Row("planned_beds", QT_TRANSLATE_NOOP("SiteAssessment", "Planned beds"),
                            _count(planned[position]), COUNT))
        if stays is not None:
            stay = stays[position]
            rows.append(Row("stay_category", QT_TRANSLATE_NOOP("SiteAssessment", "Stay category"),
                            stay, display=STAY_TEXTS.get(str(stay).strip().lower())
                            if stay is not None else None))
        if nearest_names is not None:
            rows.append(Row("nearest_accommodation", QT_TRANSLATE_NOOP("SiteAssessment", "Nearest accommodation"),
                            nearest_names[position]))
            rows.append(Row("nearest_accommodation_m",
                            QT_TRANSLATE_NOOP("SiteAssessment", "Distance to the nearest accommodation"),
                            _number(nearest_distances[position]), METRES))
        sections.append(Section("context", QT_TRANSLATE_NOOP("SiteAssessment", "Plan and surroundings"),
                                tuple(rows)))
    return sections


def norms_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    """The plan against the housing norms (``housing_norms.evaluate_plans``): verdict,
    the rule that limits the beds and the most beds that meet every rule."""
    if result.norms is None:
        return [None] * len(frame)
    rules = {rule.id: rule for rule in result.norms.rules}
    checked = result.norms.frame
    sections = []
    for position in range(len(frame)):
        row = checked.iloc[position]
        verdict = row["norms_verdict"]
        binding = rules.get(row["norms_binding_rule"])
        complete = bool(row["norms_max_beds_complete"])
        rows = [
            Row("norms_verdict", QT_TRANSLATE_NOOP("SiteAssessment", "Verdict"), verdict, VERDICT,
                display=VERDICT_TEXTS.get(verdict)),
            Row("norms_max_beds", QT_TRANSLATE_NOOP("SiteAssessment", "Most beds that meet every rule"),
                _count(row["norms_max_beds"]), COUNT,
                note=None if complete else QT_TRANSLATE_NOOP("SiteAssessment", "not every rule could be checked")),
            Row("norms_binding_rule", QT_TRANSLATE_NOOP("SiteAssessment", "Binding rule"),
                plain(row["norms_binding_rule"]),
                texts={"en": binding.description_en, "nl": binding.description_nl} if binding else None),
        ]
        if row["norms_reasons_en"]:
            rows.append(Row("norms_reasons", QT_TRANSLATE_NOOP("SiteAssessment", "Reasons"),
                            row["norms_reasons_en"],
                            texts={"en": row["norms_reasons_en"], "nl": row["norms_reasons_nl"]}))
        if row["norms_data_issues"]:
            rows.append(Row("norms_data_issues", QT_TRANSLATE_NOOP("SiteAssessment", "Unusable plan data"),
                            row["norms_data_issues"]))
        rows.append(Row("norms_set", QT_TRANSLATE_NOOP("SiteAssessment", "Norm sets"), row["norms_set"]))
        sections.append(Section("norms", QT_TRANSLATE_NOOP("SiteAssessment", "Housing norms"), tuple(rows)))
    return sections


def housing_gap_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    """Concentration and housing gap of the site's municipality and region, before and
    after its planned beds (``housing_gap.site_context``, the one implementation)."""
    if result.context is None:
        return [None] * len(frame)
    gap = result.context.gap
    codes = frame["gm_code"].values
    context = result.context.frame
    municipal = pd.DataFrame(gap.municipalities.drop(columns=gap.municipalities.geometry.name))
    municipal.index = municipal["gm_code"].values
    sections = []
    for position, code in enumerate(codes):
        row = context.iloc[position]
        known = code is not None and code in municipal.index
        figures = municipal.loc[code] if known else None

        def figure(name):
            return _number(figures[name]) if figures is not None else None

        year = figures["year"] if figures is not None else None
        notes = plain(row["ctx_remarks"])
        rows = [
            Row("ctx_scenario", QT_TRANSLATE_NOOP("SiteAssessment", "Scenario"), row["ctx_scenario"]),
            Row("municipality_labour_migrants",
                QT_TRANSLATE_NOOP("SiteAssessment", "Labour migrants in the municipality"),
                _count(figure("labour_migrants")), COUNT,
                note=None if year is None or pd.isna(year) else str(int(year))),
            Row("municipality_migrants_per_1000_inh",
                QT_TRANSLATE_NOOP("SiteAssessment", "Labour migrants per 1,000 inhabitants"),
                figure("migrants_per_1000_inh"), NUMBER),
            Row("ctx_beds_per_100_inh_before",
                QT_TRANSLATE_NOOP("SiteAssessment", "Migrant beds per 100 inhabitants, before"),
                _number(row["ctx_beds_per_100_inh_before"]), NUMBER),
            Row("ctx_beds_per_100_inh_after",
                QT_TRANSLATE_NOOP("SiteAssessment", "Migrant beds per 100 inhabitants, with this site"),
                _number(row["ctx_beds_per_100_inh_after"]), NUMBER),
            Row("ctx_gm_gap_before",
                QT_TRANSLATE_NOOP("SiteAssessment", "Housing gap of the municipality, before (beds)"),
                _number(row["ctx_gm_gap_before"]), NUMBER, note=_gap_note(row["ctx_gm_class_before"])),
            Row("ctx_gm_gap_after",
                QT_TRANSLATE_NOOP("SiteAssessment", "Housing gap of the municipality, with this site (beds)"),
                _number(row["ctx_gm_gap_after"]), NUMBER, note=_gap_note(row["ctx_gm_class_after"])),
            Row("ctx_region_gap_before",
                QT_TRANSLATE_NOOP("SiteAssessment", "Housing gap of the region, before (beds)"),
                _number(row["ctx_region_gap_before"]), NUMBER, note=_gap_note(row["ctx_region_class_before"])),
            Row("ctx_region_gap_after",
                QT_TRANSLATE_NOOP("SiteAssessment", "Housing gap of the region, with this site (beds)"),
                _number(row["ctx_region_gap_after"]), NUMBER, note=_gap_note(row["ctx_region_class_after"])),
            Row("ctx_model_version", QT_TRANSLATE_NOOP("SiteAssessment", "Demand model"),
                row["ctx_model_version"]),
            Row("ctx_demand_basis", QT_TRANSLATE_NOOP("SiteAssessment", "Demand rests on"),
                plain(row.get("ctx_demand_basis"))),
            Row("ctx_assumptions", QT_TRANSLATE_NOOP("SiteAssessment", "Assumptions of the demand model"),
                plain(row.get("ctx_assumptions"))),
        ]
        if notes:
            rows.append(Row("ctx_remarks", QT_TRANSLATE_NOOP("SiteAssessment", "Notes on the housing gap"),
                            notes))
        sections.append(Section("housing_gap", QT_TRANSLATE_NOOP("SiteAssessment", "Housing gap and concentration"),
                                tuple(rows)))
    return sections


def remarks_section(frame: gpd.GeoDataFrame, result: AssessmentResult) -> List[Optional[Section]]:
    sections = []
    for remarks in frame["remarks"].values:
        if remarks:
            sections.append(Section("remarks", QT_TRANSLATE_NOOP("SiteAssessment", "Remarks"), (
                Row("remarks", QT_TRANSLATE_NOOP("SiteAssessment", "Remarks"), str(remarks)),)))
        else:
            sections.append(None)
    return sections


# The card shows the sections in this order; add a builder to add a section.
SECTION_BUILDERS: Sequence[SectionBuilder] = (
    location_section, municipality_section, context_section, norms_section, housing_gap_section,
    basis_section, remarks_section,
)


# ----------------------------------------------------------------------------- helpers

def _gap_note(gap_class) -> Optional[str]:
    return GAP_CLASS_TEXTS.get(gap_class) if isinstance(gap_class, str) else None


def _nearest_accommodations(frame: gpd.GeoDataFrame, inputs):
    """Name of and distance (m) to the nearest accommodation of any status."""
    if inputs.accommodations is None:
        return None, None
    prepared, _ = prepare_layer(inputs.accommodations, inputs.accommodations_layer, "point_or_polygon")
    usable = ~prepared.geometry.isna().values
    if not usable.any():
        return [None] * len(frame), [None] * len(frame)
    geometries = np.asarray(prepared.geometry.values[usable], dtype=object)
    names = text_column(prepared[usable], inputs.accommodation_fields.name)
    tree = shapely.STRtree(geometries)
    sites = np.asarray(frame.geometry.values, dtype=object)
    nearest_names: List[Optional[str]] = [None] * len(frame)
    distances: List[Optional[float]] = [None] * len(frame)
    present = np.flatnonzero(~shapely.is_missing(sites))
    if len(present):
        (site_index, accommodation_index), found = tree.query_nearest(
            sites[present], return_distance=True, all_matches=False)
        for site, accommodation, distance in zip(site_index, accommodation_index, found):
            nearest_names[present[site]] = names[accommodation]
            distances[present[site]] = round(float(distance), 1)
    return nearest_names, distances


def text_column(frame: pd.DataFrame, name: Optional[str]) -> List[Optional[str]]:
    if not name or name not in frame.columns:
        return [None] * len(frame)
    return [None if _missing(value) else str(value) for value in frame[name].values]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA


def _number(value) -> Optional[float]:
    if _missing(value):
        return None
    return float(value)


def _count(value) -> Optional[int]:
    if _missing(value):
        return None
    return int(round(float(value)))


def plain(value):
    """numpy scalars as plain Python values, NaN as None."""
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
