"""The optional "site context" block of "Classify candidate sites by built-up area".

For each candidate site: its municipality's concentration of migrant beds (per 100
inhabitants) before and after the site's planned beds, and the municipal and regional
housing gap before and after, from ``core.housing_gap`` (one implementation). The block
adds advanced parameters (all prefixed CONTEXT_ except ADD_CONTEXT) and ``ctx_*`` fields.
"""
from qgis.core import QgsProcessingParameterBoolean, QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import InputError
from ..core.housing_gap import (SITE_CONTEXT_FIELDS, DemandModel, MunicipalityFields,
                                compute_housing_gap, site_context)
from ..bridge.read import source_to_frame
from ..bridge.write import append_fields
from .parameters.fields import field_parameter
from .parameters.gap import Accommodations, Migrants, ScenarioParameters

ADD_CONTEXT = "ADD_CONTEXT"
PREFIX = "CONTEXT_"
PLANNED_BEDS_FIELD = "CONTEXT_PLANNED_BEDS_FIELD"
STAY_FIELD = "CONTEXT_STAY_FIELD"
INHABITANTS_FIELD = "CONTEXT_INHABITANTS_FIELD"
MIGRANTS = Migrants(PREFIX, advanced=True, optional=True)
ACCOMMODATIONS = Accommodations(PREFIX, advanced=True)
SCENARIO = ScenarioParameters(PREFIX, advanced=True)


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteContextBlock", text)


def _advanced(parameter):
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


def add_parameters(algorithm, sites_parameter: str = "SITES",
                   municipalities_parameter: str = "MUNICIPALITIES") -> None:
    algorithm.addParameter(_advanced(QgsProcessingParameterBoolean(
        ADD_CONTEXT, tr("Add site context: concentration and housing gap before and after the "
                        "site's beds (needs municipalities and the labour-migrant table)"),
        defaultValue=False)))
    for block in (MIGRANTS, ACCOMMODATIONS, SCENARIO):
        block.add(algorithm)
    for name, label, parent, key in (
            (PLANNED_BEDS_FIELD, tr("Site context: planned beds field of the sites"),
             sites_parameter, "planned_beds"),
            (STAY_FIELD, tr("Site context: stay category field of the sites"), sites_parameter,
             "site_stay"),
            (INHABITANTS_FIELD, tr("Site context: inhabitants field of the municipalities"),
             municipalities_parameter, "inhabitants")):
        algorithm.addParameter(field_parameter(name, label, parent, key, advanced=True))


def compute(algorithm, parameters, context, feedback, classified, sites,
            municipality_fields, municipalities_parameter: str = "MUNICIPALITIES"):
    """The ``ctx_*`` columns for the classified sites (same index), or None when not asked."""
    if not algorithm.parameterAsBool(parameters, ADD_CONTEXT, context):
        return None
    source = algorithm.parameterAsSource(parameters, municipalities_parameter, context)
    if source is None:
        raise InputError("the site context needs the municipalities layer",
                         layer=tr("Municipalities"))
    municipalities_layer = algorithm.layer_name(parameters, municipalities_parameter, context,
                                                tr("Municipalities"))
    table = MIGRANTS.read(algorithm, parameters, context)
    if table is None:
        raise InputError("the site context needs the labour-migrant table",
                         layer=tr("Labour migrants"))
    inhabitants = algorithm.parameterAsString(parameters, INHABITANTS_FIELD, context) or None
    fields = MunicipalityFields(municipality_fields.code, municipality_fields.name,
                                municipality_fields.region, inhabitants)
    municipalities = source_to_frame(source, municipalities_layer,
                                     [fields.code, fields.name, fields.region, inhabitants],
                                     feedback=feedback)
    accommodations = ACCOMMODATIONS.read(algorithm, parameters, context, feedback)
    if accommodations.frame is None:
        feedback.pushWarning(tr("Site context without an accommodations layer: the supply "
                                "before the sites is 0 everywhere."))
    chosen = SCENARIO.read(algorithm, parameters, context)
    gap = compute_housing_gap(
        municipalities, table, accommodations.frame, None, DemandModel.defaults(), chosen.scenario,
        base_year=chosen.base_year, method=chosen.method, municipality_fields=fields,
        accommodation_fields=accommodations.fields, municipalities_layer=municipalities_layer,
        accommodations_layer=accommodations.layer or "accommodations")
    for warning in gap.warnings:
        feedback.pushWarning(warning)

    sites_layer = algorithm.layer_name(parameters, "SITES", context, tr("Candidate sites"))
    beds_field = algorithm.parameterAsString(parameters, PLANNED_BEDS_FIELD, context) or None
    stay_field = algorithm.parameterAsString(parameters, STAY_FIELD, context) or None
    for name in (beds_field, stay_field):
        if name and name not in sites.columns:
            raise InputError("field not found", layer=sites_layer, field=name)
    count = len(classified)
    beds = sites[beds_field].reindex(classified.index).values if beds_field else [None] * count
    stays = sites[stay_field].reindex(classified.index).values if stay_field else [None] * count
    frame = site_context(classified["gm_code"].values, beds, stays, gap)
    frame.index = classified.index
    feedback.pushInfo(tr("Site context: {0}, demand model {1}").format(
        gap.title, gap.model.version_label))
    return frame


def append(output_frame, output_fields, context_frame, input_names):
    """The output with the ``ctx_*`` fields added (prefixed where the input has the same
    names: ``bridge.write.append_fields``); returns frame, fields, renamed."""
    context_frame = context_frame.copy()
    for name, kind in SITE_CONTEXT_FIELDS:
        if kind == "int":
            context_frame[name] = [None if value is None or value != value else int(value)
                                   for value in context_frame[name].values]
    return append_fields(output_frame, output_fields, context_frame, SITE_CONTEXT_FIELDS,
                         input_names)
