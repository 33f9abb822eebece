"""The assessment of candidate sites, one result card per site.

For each site: its location class and distances (``classify_sites``), its municipality
and region, the plan and its surroundings (planned beds, the nearest accommodation), the
plan against the housing norms (``housing_norms.evaluate_plans``), and the housing gap and concentration of its municipality and region before and after its
beds (``housing_gap.site_context``). The result is a list of sections,
each a list of rows (label, value, kind), which the site assessment panel shows as a
card, a layer receives as fields, and a site report can print.

Extension point: ``SECTION_BUILDERS``. A builder receives the classified sites (with
their own attributes) and the inputs, and returns one ``Section`` (or None) per site.
A new analysis adds its section by adding a builder; nothing else changes.

Labels are English, marked with ``QT_TRANSLATE_NOOP(CONTEXT, ...)`` so that the GUI can
show them in Dutch. Values stay raw (numbers, booleans, codes); the viewer formats them
according to ``Row.kind``.
"""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import housing_gap, housing_norms
from .classify_sites import ClassificationParameters, MunicipalityFields, classify_sites
from .geometry import prepare_layer
from .housing_gap import AccommodationFields
from .norm_sets import DEFAULT_SET, combined_rules, load_norm_set, with_floor
from .progress import SILENT, Progress
from .scenarios import CURRENT, read_migrant_table, scenario
from .texts import QT_TRANSLATE_NOOP

CONTEXT = "SiteAssessment"

# A batch of this many sites takes well under a second to classify, so a cancel in
# the panel takes effect within a second even on a large selection.
INTERACTIVE_BATCH_SIZE = 1_000

# Row kinds: how a viewer formats the value.
TEXT, CLASS, METRES, SHARE, COUNT, NUMBER, FLAG, VERDICT = (
    "text", "class", "metres", "share", "count", "number", "flag", "verdict")
KIND_FIELD_TYPES = {TEXT: "string", CLASS: "string", METRES: "double", SHARE: "double",
                    COUNT: "int", NUMBER: "double", FLAG: "bool", VERDICT: "string"}

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


@dataclass(frozen=True)
class Row:
    key: str                     # stable name, also the field name in a results layer
    label: str                   # English, translated by the viewer (context CONTEXT)
    value: object                # raw value; None when unknown
    kind: str = TEXT
    note: Optional[str] = None   # shown after the value in brackets, e.g. the year (a
    #                              viewer translates it like a label when it can)
    display: Optional[str] = None             # shown instead of the raw value; marked text
    texts: Optional[Dict[str, str]] = None    # shown instead, by language ("en", "nl"): data


@dataclass(frozen=True)
class Section:
    key: str
    title: str                   # English, translated by the viewer (context CONTEXT)
    rows: Tuple[Row, ...]


@dataclass
class SiteAssessment:
    site_id: object
    name: Optional[str]
    location_class: Optional[str]
    geometry: object             # shapely geometry in EPSG:28992, None when unusable
    sections: List[Section] = field(default_factory=list)
    remarks: List[str] = field(default_factory=list)

    def row(self, key: str) -> Optional[Row]:
        for section in self.sections:
            for row in section.rows:
                if row.key == key:
                    return row
        return None

    def value(self, key: str, default=None):
        row = self.row(key)
        return default if row is None else row.value

    def values(self) -> Dict[str, object]:
        """Every row's value by key, in card order (for a results layer's fields)."""
        return {row.key: row.value for section in self.sections for row in section.rows}


@dataclass(frozen=True)
class MigrantFields:
    code: str = "gm_code"
    year: str = "year"
    count: str = "labour_migrants"


@dataclass
class AssessmentInputs:
    """Everything a site is assessed against; only the built-up area is required."""
    builtup: gpd.GeoDataFrame
    municipalities: Optional[gpd.GeoDataFrame] = None
    accommodations: Optional[gpd.GeoDataFrame] = None
    migrants: Optional[pd.DataFrame] = None
    parameters: Optional[ClassificationParameters] = None
    kern_name_field: Optional[str] = "kern_name"
    municipality_fields: MunicipalityFields = MunicipalityFields()
    accommodation_fields: AccommodationFields = AccommodationFields()
    migrant_fields: MigrantFields = MigrantFields()
    inhabitants_field: Optional[str] = "inhabitants"
    scenario_key: str = CURRENT
    planned_beds_field: Optional[str] = "planned_beds"
    stay_field: Optional[str] = "stay_category"
    # Housing norms: the chosen set (the provincial floor always on top; None: no check),
    # the plan's fields (plan input -> field; None: the documented default names).
    norm_set: Optional[str] = DEFAULT_SET
    plan_fields: Optional[Dict[str, Optional[str]]] = None
    norms_folder: Optional[object] = None     # the user's own norm sets (a folder)
    default_housing_type: Optional[str] = None
    builtup_layer: str = "built-up area"
    municipalities_layer: str = "municipalities"
    accommodations_layer: str = "accommodations"
    migrants_layer: str = "labour migrants"


SectionBuilder = Callable[[gpd.GeoDataFrame, AssessmentInputs], List[Optional[Section]]]


def assess_sites(sites: gpd.GeoDataFrame, inputs: AssessmentInputs, *,
                 site_id_field: Optional[str] = None, name_field: Optional[str] = "name",
                 sites_layer: str = "sites", progress: Progress = SILENT,
                 batch_size: int = INTERACTIVE_BATCH_SIZE) -> List[SiteAssessment]:
    """One ``SiteAssessment`` per site, in the order of ``sites``."""
    parameters = inputs.parameters or ClassificationParameters.defaults()
    classified = classify_sites(
        sites, inputs.builtup, parameters, inputs.municipalities, site_id_field=site_id_field,
        kern_name_field=inputs.kern_name_field, municipality_fields=inputs.municipality_fields,
        sites_layer=sites_layer, builtup_layer=inputs.builtup_layer,
        municipalities_layer=inputs.municipalities_layer,
        progress=progress.scaled(0, 80), batch_size=batch_size)
    # The site's own attributes (plan numbers, name) next to the classification.
    own = [column for column in sites.columns
           if column != sites.geometry.name and column not in classified.columns]
    frame = classified.join(sites[own]) if own else classified
    frame.attrs["layer_name"] = sites_layer

    per_builder: List[List[Optional[Section]]] = []
    for number, builder in enumerate(SECTION_BUILDERS):
        progress.check()
        sections = builder(frame, inputs)
        if len(sections) != len(frame):
            raise RuntimeError(f"section builder {builder.__name__} returned {len(sections)} "
                               f"sections for {len(frame)} sites")
        per_builder.append(sections)
        progress.report(80 + 20 * (number + 1) / len(SECTION_BUILDERS))

    names = _text_column(frame, name_field)
    assessments = []
    for position in range(len(frame)):
        remarks = frame["remarks"].iloc[position]
        geometry = frame.geometry.iloc[position]
        assessments.append(SiteAssessment(
            site_id=_plain(frame["site_id"].iloc[position]),
            name=names[position],
            location_class=frame["location_class"].iloc[position],
            geometry=None if geometry is None or shapely.is_empty(geometry) else geometry,
            sections=[sections[position] for sections in per_builder
                      if sections[position] is not None],
            remarks=[part for part in str(remarks).split("; ") if part] if remarks else []))
    progress.report(100)
    return assessments


# ----------------------------------------------------------------------------- sections

def location_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
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
                _plain(site["nearest_kern"])),
        )))
    return sections


def basis_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
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


def municipality_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
    if inputs.municipalities is None:
        return [None] * len(frame)
    sections = []
    for _, site in frame.iterrows():
        straddles = site["straddles_municipalities"]
        sections.append(Section("municipality", QT_TRANSLATE_NOOP("SiteAssessment", "Municipality"), (
            Row("gm_name", QT_TRANSLATE_NOOP("SiteAssessment", "Municipality"), _plain(site["gm_name"])),
            Row("gm_code", QT_TRANSLATE_NOOP("SiteAssessment", "Municipality code"),
                _plain(site["gm_code"])),
            Row("region", QT_TRANSLATE_NOOP("SiteAssessment", "Region"), _plain(site["region"])),
            Row("municipality_share", QT_TRANSLATE_NOOP("SiteAssessment", "Share of the site in this municipality"),
                _number(site["municipality_share"]), SHARE),
            Row("straddles_municipalities", QT_TRANSLATE_NOOP("SiteAssessment", "Straddles municipalities"),
                None if straddles is None else bool(straddles), FLAG),
        )))
    return sections


def context_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
    """The plan and its surroundings: planned beds, stay category, nearest accommodation."""
    planned = None
    if inputs.planned_beds_field and inputs.planned_beds_field in frame.columns:
        planned = pd.to_numeric(frame[inputs.planned_beds_field], errors="coerce").values
    stays = (_text_column(frame, inputs.stay_field)
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


def norms_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
    """The plan against the housing norms (``housing_norms.evaluate_plans``): verdict,
    the rule that limits the beds and the most beds that meet every rule."""
    mapping = _plan_field_map(frame, inputs)
    if mapping is None:
        return [None] * len(frame)
    chosen = load_norm_set(inputs.norm_set, inputs.norms_folder)
    rules = {rule.id: rule for rule in combined_rules(with_floor(chosen, None, inputs.norms_folder))}
    result = housing_norms.evaluate_plans(
        frame, chosen, mapping, user_folder=inputs.norms_folder,
        default_housing_type=inputs.default_housing_type,
        layer=frame.attrs.get("layer_name", "sites"))
    sections = []
    for position in range(len(frame)):
        row = result.iloc[position]
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
                _plain(row["norms_binding_rule"]),
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


def housing_gap_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
    """Concentration and housing gap of the site's municipality and region, before and
    after its planned beds (``housing_gap.site_context``, the one implementation)."""
    gap = _housing_gap(inputs)
    if gap is None:
        return [None] * len(frame)
    codes = frame["gm_code"].values
    beds = (frame[inputs.planned_beds_field].values
            if inputs.planned_beds_field and inputs.planned_beds_field in frame.columns
            else [None] * len(frame))
    stays = (frame[inputs.stay_field].values
             if inputs.stay_field and inputs.stay_field in frame.columns else [None] * len(frame))
    context = housing_gap.site_context(codes, beds, stays, gap)
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
        notes = _plain(row["ctx_remarks"])
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
                _plain(row.get("ctx_demand_basis"))),
            Row("ctx_assumptions", QT_TRANSLATE_NOOP("SiteAssessment", "Assumptions of the demand model"),
                _plain(row.get("ctx_assumptions"))),
        ]
        if notes:
            rows.append(Row("ctx_remarks", QT_TRANSLATE_NOOP("SiteAssessment", "Notes on the housing gap"),
                            notes))
        sections.append(Section("housing_gap", QT_TRANSLATE_NOOP("SiteAssessment", "Housing gap and concentration"),
                                tuple(rows)))
    return sections


def remarks_section(frame: gpd.GeoDataFrame, inputs: AssessmentInputs) -> List[Optional[Section]]:
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


def edge_zone(builtup: gpd.GeoDataFrame, site, edge_distance_m: float, margin_m: float = 1_000.0):
    """The area within the edge distance of the built-up area, around one site (RD).

    For a map of the site: the outline of this zone is where "at the edge" ends. Only
    the built-up area within reach of the site (its distance plus the edge distance
    plus ``margin_m``) is used, so a whole province contour is never buffered.
    """
    if site is None or builtup is None or len(builtup) == 0:
        return None
    prepared, _ = prepare_layer(builtup, "built-up area", "polygon")
    polygons = np.asarray(prepared.geometry.values[~prepared.geometry.isna().values], dtype=object)
    if len(polygons) == 0:
        return None
    tree = shapely.STRtree(polygons)
    nearest = tree.query_nearest(site, return_distance=True, all_matches=False)[1]
    reach = (float(nearest[0]) if len(nearest) else 0.0) + edge_distance_m + margin_m
    nearby = polygons[tree.query(site, predicate="dwithin", distance=reach)]
    if len(nearby) == 0:
        return None
    return shapely.buffer(shapely.union_all(nearby), edge_distance_m, quad_segs=16)


# ----------------------------------------------------------------------------- helpers

def _housing_gap(inputs: AssessmentInputs):
    """The housing gap of the chosen scenario, or None without municipalities and migrants."""
    if inputs.municipalities is None or inputs.migrants is None:
        return None
    fields = inputs.migrant_fields
    table = read_migrant_table(inputs.migrants, fields.code, fields.count, fields.year,
                               inputs.migrants_layer)
    municipality_fields = housing_gap.MunicipalityFields(
        inputs.municipality_fields.code, inputs.municipality_fields.name,
        inputs.municipality_fields.region, inputs.inhabitants_field)
    return housing_gap.compute_housing_gap(
        inputs.municipalities, table, inputs.accommodations, None, None,
        scenario(inputs.scenario_key), municipality_fields=municipality_fields,
        accommodation_fields=inputs.accommodation_fields,
        municipalities_layer=inputs.municipalities_layer,
        accommodations_layer=inputs.accommodations_layer)


def _plan_field_map(frame: pd.DataFrame, inputs: AssessmentInputs) -> Optional[Dict[str, Optional[str]]]:
    """Plan input -> column for the norm check; None when there is nothing to check
    (no norm set chosen, or no column with the planned beds, e.g. a drawn site)."""
    if not inputs.norm_set:
        return None
    chosen = dict(inputs.plan_fields or {})
    mapping: Dict[str, Optional[str]] = {}
    for key in housing_norms.PLAN_INPUTS:
        name = chosen.get(key) if key in chosen else housing_norms.DEFAULT_FIELDS.get(key)
        if key == "beds" and not name:
            name = inputs.planned_beds_field
        mapping[key] = name if name and name in frame.columns else None
    return mapping if mapping["beds"] else None


def _gap_note(gap_class) -> Optional[str]:
    return GAP_CLASS_TEXTS.get(gap_class) if isinstance(gap_class, str) else None


def _nearest_accommodations(frame: gpd.GeoDataFrame, inputs: AssessmentInputs):
    """Name of and distance (m) to the nearest accommodation of any status."""
    if inputs.accommodations is None:
        return None, None
    prepared, _ = prepare_layer(inputs.accommodations, inputs.accommodations_layer, "point_or_polygon")
    usable = ~prepared.geometry.isna().values
    if not usable.any():
        return [None] * len(frame), [None] * len(frame)
    geometries = np.asarray(prepared.geometry.values[usable], dtype=object)
    names = _text_column(prepared[usable], inputs.accommodation_fields.name)
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


def _text_column(frame: pd.DataFrame, name: Optional[str]) -> List[Optional[str]]:
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


def _plain(value):
    """numpy scalars as plain Python values, NaN as None."""
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
