"""The result model of the site assessment: what is assessed against (``AssessmentInputs``),
what the pipeline returns (``AssessmentResult``: the site rows, the norm check and the
municipal context), and one site's card (``SiteAssessment``: sections of rows).

Labels are English, marked with ``QT_TRANSLATE_NOOP(CONTEXT, ...)`` so that the GUI can
show them in Dutch. Values stay raw (numbers, booleans, codes); the viewer formats them
according to ``Row.kind``.
"""
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

import geopandas as gpd
import pandas as pd

from ..classify_sites import BuiltUpIndex, ClassificationParameters, MunicipalityFields
from ..housing_gap import AccommodationFields, DemandModel, HousingGapResult
from ..housing_norms import result_columns
from ..norm_sets import DEFAULT_SET, NormRule, NormSet, combined_rules
from ..scenarios import CURRENT, Scenario

CONTEXT = "SiteAssessment"

# A batch of this many sites takes well under a second to classify, so a cancel in
# the panel takes effect within a second even on a large selection.
INTERACTIVE_BATCH_SIZE = 1_000

# Row kinds: how a viewer formats the value.
TEXT, CLASS, METRES, SHARE, COUNT, NUMBER, FLAG, VERDICT = (
    "text", "class", "metres", "share", "count", "number", "flag", "verdict")
KIND_FIELD_TYPES = {TEXT: "string", CLASS: "string", METRES: "double", SHARE: "double",
                    COUNT: "int", NUMBER: "double", FLAG: "bool", VERDICT: "string"}


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


@dataclass(frozen=True)
class NormChoice:
    """What a plan is checked against: the chosen norm set (a name, a file or a set; the
    provincial floor always on top) and the plan's fields (plan input -> field; an input
    left out: its documented default name)."""
    norm_set: Union[str, Path, NormSet] = DEFAULT_SET
    plan_fields: Optional[Dict[str, Optional[str]]] = None
    user_folder: Optional[Path] = None        # the user's own norm sets
    default_housing_type: Optional[str] = None


@dataclass
class AssessmentInputs:
    """Everything a site is assessed against; only the built-up area is required.

    The norm check runs when a norm set is chosen and the sites have a beds field; the
    municipal context (concentration and housing gap before and after the site's beds)
    when municipalities and labour migrants are given.
    """
    builtup: gpd.GeoDataFrame
    municipalities: Optional[gpd.GeoDataFrame] = None
    accommodations: Optional[gpd.GeoDataFrame] = None
    # The labour migrants per municipality: a table as the user has it (read with
    # ``migrant_fields``), or one already read by ``scenarios.read_migrant_table``.
    migrants: Optional[pd.DataFrame] = None
    migrant_table: Optional[pd.DataFrame] = None
    parameters: Optional[ClassificationParameters] = None
    kern_name_field: Optional[str] = "kern_name"
    municipality_fields: MunicipalityFields = MunicipalityFields()
    accommodation_fields: AccommodationFields = AccommodationFields()
    migrant_fields: MigrantFields = MigrantFields()
    inhabitants_field: Optional[str] = "inhabitants"
    # The scenario of the housing gap: by key, or given whole (with its base year and
    # distribution method) by a caller that lets the user define one.
    scenario_key: str = CURRENT
    scenario: Optional[Scenario] = None
    base_year: Optional[int] = None
    distribution: Optional[str] = None
    demand_model: Optional[DemandModel] = None
    planned_beds_field: Optional[str] = "planned_beds"
    stay_field: Optional[str] = "stay_category"
    # Housing norms: the chosen set (a name, a file or a set; the provincial floor always
    # on top; None: no check), the plan's fields (plan input -> field; None: the
    # documented default names).
    norm_set: Optional[Union[str, Path, NormSet]] = DEFAULT_SET
    plan_fields: Optional[Dict[str, Optional[str]]] = None
    norms_folder: Optional[object] = None     # the user's own norm sets (a folder)
    default_housing_type: Optional[str] = None
    builtup_layer: str = "built-up area"
    municipalities_layer: str = "municipalities"
    accommodations_layer: str = "accommodations"
    migrants_layer: str = "labour migrants"

    def norm_choice(self) -> Optional[NormChoice]:
        if not self.norm_set:
            return None
        return NormChoice(self.norm_set, self.plan_fields, self.norms_folder, self.default_housing_type)

    def with_norms(self, choice: Optional[NormChoice]) -> "AssessmentInputs":
        """These inputs with the norm check of ``choice`` (None: no norm check)."""
        if choice is None:
            return replace(self, norm_set=None)
        return replace(self, norm_set=choice.norm_set, plan_fields=choice.plan_fields,
                       norms_folder=choice.user_folder, default_housing_type=choice.default_housing_type)


@dataclass
class NormResult:
    """The plans against the housing norms (``housing_norms.evaluate_plans``)."""
    frame: pd.DataFrame                       # one row per site (same index)
    norm_sets: Tuple[NormSet, ...]            # the provincial floor first, then the chosen set
    field_map: Dict[str, Optional[str]]

    @property
    def rules(self) -> List[NormRule]:
        return combined_rules(self.norm_sets)

    @property
    def columns(self):
        return result_columns(self.rules)


@dataclass
class ContextResult:
    """The site's municipality and region before and after its beds (``ctx_*`` columns,
    ``housing_gap.site_context``) and the housing gap they come from."""
    frame: pd.DataFrame                       # one row per site (same index)
    gap: HousingGapResult


@dataclass
class AssessmentResult:
    """What the pipeline returns: the site rows and what the cards and pages are made of."""
    inputs: AssessmentInputs
    sites: gpd.GeoDataFrame                   # the classification (``classify_sites``), input index
    attributes: pd.DataFrame                  # the sites' own attributes, as given
    builtup: BuiltUpIndex                     # the built-up area as prepared for the classification
    parameters: ClassificationParameters
    norms: Optional[NormResult] = None
    context: Optional[ContextResult] = None
