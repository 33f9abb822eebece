"""The site assessment pipeline, the one composer of a site's assessment.

For each site: its location class and distances (``classify_sites``), its municipality
and region, the plan against the housing norms (``housing_norms.evaluate_plans``), and
the housing gap and concentration of its municipality and region before and after its
beds (``housing_gap.site_context``). ``assess`` returns the site rows and their parts
(``AssessmentResult``): Processing writes them as fields, the site report lays them out;
``assess_sites`` makes the panel's cards of them (``sections``).
"""
from dataclasses import replace
from typing import List, Optional

import geopandas as gpd
import shapely

from .. import housing_gap
from ..classify_sites import BATCH_SIZE, ClassificationParameters, SiteClassifier, prepare_sites
from ..housing_norms import evaluate_plans, plan_field_map
from ..norm_sets import resolve_norm_sets
from ..progress import SILENT, Progress
from ..scenarios import read_migrant_table, scenario
from . import sections as card
from .model import (INTERACTIVE_BATCH_SIZE, AssessmentInputs, AssessmentResult, ContextResult,
                    NormChoice, NormResult, SiteAssessment)


def assess(sites: gpd.GeoDataFrame, inputs: AssessmentInputs, *,
           site_id_field: Optional[str] = None, sites_layer: str = "sites",
           progress: Progress = SILENT, batch_size: int = BATCH_SIZE) -> AssessmentResult:
    """Classifies the sites and adds what the inputs allow: the norm check (a norm set
    and a beds field) and the municipal context (municipalities and labour migrants)."""
    parameters = inputs.parameters or ClassificationParameters.defaults()
    parameters.validate()
    prepared, remarks = prepare_sites(sites, site_id_field, sites_layer)
    progress.report(2)
    classifier = SiteClassifier(
        inputs.builtup, parameters, inputs.municipalities, kern_name_field=inputs.kern_name_field,
        municipality_fields=inputs.municipality_fields, builtup_layer=inputs.builtup_layer,
        municipalities_layer=inputs.municipalities_layer, expected_sites=len(prepared))
    progress.check()
    progress.report(10)
    classified = classifier.classify_prepared(prepared, remarks, site_id_field,
                                              progress.scaled(10, 90), batch_size=batch_size)
    result = AssessmentResult(inputs=inputs, sites=classified, attributes=sites,
                              builtup=classifier.index, parameters=parameters)
    progress.check()
    result.norms = check_norms(sites, inputs.norm_choice(), planned_beds_field=inputs.planned_beds_field,
                               layer=sites_layer, progress=progress.scaled(90, 95))
    progress.check()
    result.context = _context(classified, sites, inputs)
    return result


def assess_sites(sites: gpd.GeoDataFrame, inputs: AssessmentInputs, *,
                 site_id_field: Optional[str] = None, name_field: Optional[str] = "name",
                 sites_layer: str = "sites", progress: Progress = SILENT,
                 batch_size: int = INTERACTIVE_BATCH_SIZE) -> List[SiteAssessment]:
    """One ``SiteAssessment`` (a card) per site, in the order of ``sites``."""
    result = assess(sites, inputs, site_id_field=site_id_field, sites_layer=sites_layer,
                    progress=progress.scaled(0, 80), batch_size=batch_size)
    classified = result.sites
    # The site's own attributes (plan numbers, name) next to the classification.
    own = [column for column in sites.columns
           if column != sites.geometry.name and column not in classified.columns]
    frame = classified.join(sites[own]) if own else classified
    frame.attrs["layer_name"] = sites_layer

    builders = card.SECTION_BUILDERS
    per_builder = []
    for number, builder in enumerate(builders):
        progress.check()
        sections = builder(frame, result)
        if len(sections) != len(frame):
            raise RuntimeError(f"section builder {builder.__name__} returned {len(sections)} "
                               f"sections for {len(frame)} sites")
        per_builder.append(sections)
        progress.report(80 + 20 * (number + 1) / len(builders))

    names = card.text_column(frame, name_field)
    assessments = []
    for position in range(len(frame)):
        remarks = frame["remarks"].iloc[position]
        geometry = frame.geometry.iloc[position]
        assessments.append(SiteAssessment(
            site_id=card.plain(frame["site_id"].iloc[position]),
            name=names[position],
            location_class=frame["location_class"].iloc[position],
            geometry=None if geometry is None or shapely.is_empty(geometry) else geometry,
            sections=[sections[position] for sections in per_builder
                      if sections[position] is not None],
            remarks=[part for part in str(remarks).split("; ") if part] if remarks else []))
    progress.report(100)
    return assessments


def check_norms(plans, choice: Optional[NormChoice], *, planned_beds_field: Optional[str] = None,
                layer: str = "plans", progress: Progress = SILENT) -> Optional[NormResult]:
    """The plans against the chosen norm set with the floor on top; None when there is
    nothing to check (no norm set chosen, or no beds field)."""
    if choice is None:
        return None
    mapping = plan_field_map(plans.columns, choice.plan_fields, planned_beds_field)
    if mapping is None:
        return None
    norm_sets = resolve_norm_sets(choice.norm_set, choice.user_folder)
    frame = evaluate_plans(plans, norm_sets[-1], mapping, user_folder=choice.user_folder,
                           floor=norm_sets[0] if len(norm_sets) > 1 else None,
                           default_housing_type=choice.default_housing_type, layer=layer,
                           progress=progress)
    return NormResult(frame, norm_sets, mapping)


def _context(classified, sites, inputs: AssessmentInputs) -> Optional[ContextResult]:
    """The housing gap of the chosen scenario and each site's effect on it; None without
    municipalities and labour migrants."""
    if inputs.municipalities is None or (inputs.migrants is None and inputs.migrant_table is None):
        return None
    table = inputs.migrant_table
    if table is None:
        fields = inputs.migrant_fields
        table = read_migrant_table(inputs.migrants, fields.code, fields.count, fields.year,
                                   inputs.migrants_layer)
    municipality_fields = replace(inputs.municipality_fields, inhabitants=inputs.inhabitants_field)
    options = {"base_year": inputs.base_year}
    if inputs.distribution:
        options["method"] = inputs.distribution
    gap = housing_gap.compute_housing_gap(
        inputs.municipalities, table, inputs.accommodations, None, inputs.demand_model,
        inputs.scenario or scenario(inputs.scenario_key), municipality_fields=municipality_fields,
        accommodation_fields=inputs.accommodation_fields,
        municipalities_layer=inputs.municipalities_layer,
        accommodations_layer=inputs.accommodations_layer, **options)
    count = len(classified)

    def column(name):
        if name and name in sites.columns:
            return sites[name].reindex(classified.index).values
        return [None] * count

    frame = housing_gap.site_context(classified["gm_code"].values, column(inputs.planned_beds_field),
                                     column(inputs.stay_field), gap)
    frame.index = classified.index
    return ContextResult(frame, gap)
