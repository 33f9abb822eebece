"""The optional "site context" block of "Classify candidate sites" and the site reports.

For each candidate site: its municipality's concentration of migrant beds (per 100
inhabitants) before and after the site's planned beds, and the municipal and regional
housing gap before and after (``core.site_assessment``, from ``core.housing_gap``). The
block adds advanced parameters (all prefixed CONTEXT_ except ADD_CONTEXT) and ``ctx_*`` fields.
"""
from dataclasses import replace
from typing import Dict, Optional

from qgis.core import QgsProcessingParameterBoolean, QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import QCoreApplication

from ...bridge.write import append_fields
from ...core.errors import InputError
from ...core.housing_gap import SITE_CONTEXT_FIELDS, AccommodationFields, DemandModel
from ...core.site_assessment import AssessmentInputs, ContextResult
from ...core.validation import require_fields
from .block import given
from .fields import field_parameter
from .gap import Accommodations, Migrants, ScenarioParameters

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


class SiteContextBlock:
    """The switch, the labour migrants, accommodations and scenario, and the sites' and
    municipalities' fields it needs (``sites``, ``municipalities``: their parameters)."""

    def __init__(self, sites: str = "SITES", municipalities: str = "MUNICIPALITIES"):
        self.sites = sites
        self.municipalities = municipalities

    def add(self, algorithm) -> None:
        switch = QgsProcessingParameterBoolean(
            ADD_CONTEXT, tr("Add site context: concentration and housing gap before and after the "
                            "site's beds (needs municipalities and the labour-migrant table)"),
            defaultValue=False)
        switch.setFlags(switch.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(switch)
        for block in (MIGRANTS, ACCOMMODATIONS, SCENARIO):
            block.add(algorithm)
        for name, label, parent, key in (
                (PLANNED_BEDS_FIELD, tr("Site context: planned beds field of the sites"),
                 self.sites, "planned_beds"),
                (STAY_FIELD, tr("Site context: stay category field of the sites"), self.sites,
                 "site_stay"),
                (INHABITANTS_FIELD, tr("Site context: inhabitants field of the municipalities"),
                 self.municipalities, "inhabitants")):
            algorithm.addParameter(field_parameter(name, label, parent, key, advanced=True))

    @staticmethod
    def values(add: bool, migrants=None, migrant_fields: Optional[Dict[str, Optional[str]]] = None,
               accommodations=None, accommodation_fields: Optional[AccommodationFields] = None,
               scenario: Optional[str] = None, inhabitants_field: Optional[str] = None,
               planned_beds_field: Optional[str] = None,
               stay_field: Optional[str] = None) -> Dict[str, object]:
        """Parameter values: the switch, the labour-migrant table (``migrant_fields``: the
        keyword arguments of ``Migrants.values``), the accommodations, the scenario by its
        key and the fields; None: the algorithm's default."""
        values = {ADD_CONTEXT: add}
        values.update(MIGRANTS.values(migrants, **(migrant_fields or {})))
        values.update(ACCOMMODATIONS.values(accommodations, accommodation_fields))
        values.update(SCENARIO.values(scenario))
        values.update(given({INHABITANTS_FIELD: inhabitants_field,
                             PLANNED_BEDS_FIELD: planned_beds_field, STAY_FIELD: stay_field}))
        return values

    @staticmethod
    def asked(algorithm, parameters, context) -> bool:
        return algorithm.parameterAsBool(parameters, ADD_CONTEXT, context)

    @staticmethod
    def inhabitants_field(algorithm, parameters, context):
        return algorithm.parameterAsString(parameters, INHABITANTS_FIELD, context) or None

    def municipal_fields(self, algorithm, parameters, context):
        """The municipalities' fields the context needs besides code, name and region."""
        if not self.asked(algorithm, parameters, context):
            return []
        return [self.inhabitants_field(algorithm, parameters, context)]

    def read(self, algorithm, parameters, context, feedback,
             inputs: AssessmentInputs) -> AssessmentInputs:
        """``inputs`` with the context's tables, scenario and fields; unchanged (no
        context) when the switch is off."""
        if not self.asked(algorithm, parameters, context):
            return replace(inputs, migrants=None, migrant_table=None)
        if inputs.municipalities is None:
            raise InputError("the site context needs the municipalities layer",
                             layer=tr("Municipalities"))
        table = MIGRANTS.read(algorithm, parameters, context)
        if table is None:
            raise InputError("the site context needs the labour-migrant table",
                             layer=tr("Labour migrants"))
        accommodations = ACCOMMODATIONS.read(algorithm, parameters, context, feedback)
        if accommodations.frame is None:
            feedback.pushWarning(tr("Site context without an accommodations layer: the supply "
                                    "before the sites is 0 everywhere."))
        chosen = SCENARIO.read(algorithm, parameters, context)
        return replace(
            inputs, migrants=None, migrant_table=table, accommodations=accommodations.frame,
            accommodation_fields=accommodations.fields,
            accommodations_layer=accommodations.layer or "accommodations",
            scenario=chosen.scenario, base_year=chosen.base_year, distribution=chosen.method,
            demand_model=DemandModel.defaults(),
            inhabitants_field=self.inhabitants_field(algorithm, parameters, context),
            planned_beds_field=algorithm.parameterAsString(parameters, PLANNED_BEDS_FIELD, context) or None,
            stay_field=algorithm.parameterAsString(parameters, STAY_FIELD, context) or None)

    @staticmethod
    def require_fields(inputs: AssessmentInputs, sites, layer: str) -> None:
        """Refuses a beds or stay field the sites lack (only when the context is asked)."""
        if inputs.migrant_table is not None:
            require_fields(sites, [inputs.planned_beds_field, inputs.stay_field], layer)

    @staticmethod
    def append(output_frame, output_fields, result: ContextResult, input_names):
        """The output with the ``ctx_*`` fields added (prefixed where the input has the same
        names: ``bridge.write.append_fields``); returns frame, fields, renamed."""
        context_frame = result.frame.copy()
        for name, kind in SITE_CONTEXT_FIELDS:
            if kind == "int":
                context_frame[name] = [None if value is None or value != value else int(value)
                                       for value in context_frame[name].values]
        return append_fields(output_frame, output_fields, context_frame, SITE_CONTEXT_FIELDS,
                             input_names)

    @staticmethod
    def report(feedback, result: ContextResult) -> None:
        for warning in result.gap.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(tr("Site context: {0}, demand model {1}").format(
            result.gap.title, result.gap.model.version_label))

