"""The assessment of candidate sites, one result card per site.

For each site: its location class and distances (``classify_sites``), its municipality
and region, and its context (planned beds, labour migrants and beds in accommodations
in its municipality, the nearest accommodation). The result is a list of sections,
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

from .classify_sites import (ClassificationParameters, MunicipalityFields, assign_municipalities,
                             classify_sites)
from .errors import InputError
from .geometry import prepare_layer
from .progress import SILENT, Progress
from .texts import QT_TRANSLATE_NOOP

CONTEXT = "SiteAssessment"

# A batch of this many sites takes well under a second to classify, so a cancel in
# the panel takes effect within a second even on a large selection.
INTERACTIVE_BATCH_SIZE = 1_000

# Row kinds: how a viewer formats the value.
TEXT, CLASS, METRES, SHARE, COUNT, FLAG = "text", "class", "metres", "share", "count", "flag"
KIND_FIELD_TYPES = {TEXT: "string", CLASS: "string", METRES: "double", SHARE: "double",
                    COUNT: "int", FLAG: "bool"}

EXISTING_STATUSES = ("existing",)
PLANNED_STATUSES = ("permitted", "planned")


@dataclass(frozen=True)
class Row:
    key: str                     # stable name, also the field name in a results layer
    label: str                   # English, translated by the viewer (context CONTEXT)
    value: object                # raw value; None when unknown
    kind: str = TEXT
    note: Optional[str] = None   # shown after the value in brackets, e.g. the year


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
class AccommodationFields:
    name: str = "name"
    beds: str = "beds"
    status: str = "status"


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
    planned_beds_field: Optional[str] = "planned_beds"
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
    """Plan size and what is already there: migrants and beds in the municipality."""
    planned = None
    if inputs.planned_beds_field and inputs.planned_beds_field in frame.columns:
        planned = pd.to_numeric(frame[inputs.planned_beds_field], errors="coerce").values
    migrants, migrants_year = _migrants_by_municipality(inputs)
    beds = _beds_by_municipality(inputs)
    nearest_names, nearest_distances = _nearest_accommodations(frame, inputs)
    if planned is None and migrants is None and beds is None and nearest_names is None:
        return [None] * len(frame)

    sections = []
    codes = frame["gm_code"].values if "gm_code" in frame.columns else [None] * len(frame)
    for position, code in enumerate(codes):
        rows = []
        if planned is not None:
            rows.append(Row("planned_beds", QT_TRANSLATE_NOOP("SiteAssessment", "Planned beds"),
                            _count(planned[position]), COUNT))
        if migrants is not None:
            rows.append(Row("municipality_labour_migrants",
                            QT_TRANSLATE_NOOP("SiteAssessment", "Labour migrants in the municipality"),
                            _count(migrants.get(code)) if code else None, COUNT,
                            note=str(migrants_year)))
        if beds is not None:
            existing, future = beds
            rows.append(Row("municipality_beds_existing",
                            QT_TRANSLATE_NOOP("SiteAssessment", "Beds in existing accommodations in the municipality"),
                            _count(existing.get(code, 0)) if code else None, COUNT))
            rows.append(Row("municipality_beds_planned",
                            QT_TRANSLATE_NOOP("SiteAssessment", "Beds in permitted or planned accommodations in the municipality"),
                            _count(future.get(code, 0)) if code else None, COUNT))
        if nearest_names is not None:
            rows.append(Row("nearest_accommodation", QT_TRANSLATE_NOOP("SiteAssessment", "Nearest accommodation"),
                            nearest_names[position]))
            rows.append(Row("nearest_accommodation_m",
                            QT_TRANSLATE_NOOP("SiteAssessment", "Distance to the nearest accommodation"),
                            _number(nearest_distances[position]), METRES))
        sections.append(Section("context", QT_TRANSLATE_NOOP("SiteAssessment", "Context"), tuple(rows)))
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
    location_section, municipality_section, context_section, basis_section, remarks_section,
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

def _migrants_by_municipality(inputs: AssessmentInputs):
    """Labour migrants per municipality code in the table's latest year."""
    table, fields = inputs.migrants, inputs.migrant_fields
    if table is None or inputs.municipalities is None:
        return None, None
    for name in (fields.code, fields.year, fields.count):
        if name not in table.columns:
            raise InputError("field not found", layer=inputs.migrants_layer, field=name)
    years = pd.to_numeric(table[fields.year], errors="coerce")
    if years.isna().all():
        raise InputError("no row has a year", layer=inputs.migrants_layer, field=fields.year)
    latest = int(years.max())
    rows = table[years == latest]
    counts = pd.to_numeric(rows[fields.count], errors="coerce")
    by_code = counts.groupby(rows[fields.code].astype(str)).sum(min_count=1)
    return {code: value for code, value in by_code.items() if not pd.isna(value)}, latest


def _beds_by_municipality(inputs: AssessmentInputs):
    """Beds in accommodations per municipality (by location): existing, and permitted or planned."""
    frame, fields = inputs.accommodations, inputs.accommodation_fields
    if frame is None or inputs.municipalities is None:
        return None
    for name in (fields.beds, fields.status):
        if name not in frame.columns:
            raise InputError("field not found", layer=inputs.accommodations_layer, field=name)
    prepared, _ = prepare_layer(frame, inputs.accommodations_layer, "point_or_polygon")
    located = assign_municipalities(prepared.geometry.values, inputs.municipalities,
                                    inputs.municipality_fields, inputs.municipalities_layer)
    beds = pd.to_numeric(prepared[fields.beds], errors="coerce").fillna(0).values
    status = prepared[fields.status].astype(str).str.lower().values
    codes = located["gm_code"].values
    existing: Dict[str, float] = {}
    future: Dict[str, float] = {}
    for code, count, state in zip(codes, beds, status):
        if code is None:
            continue
        if state in EXISTING_STATUSES:
            existing[code] = existing.get(code, 0) + count
        elif state in PLANNED_STATUSES:
            future[code] = future.get(code, 0) + count
    return existing, future


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
