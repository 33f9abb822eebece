"""Processing algorithm: the site assessment report, one A4 page per candidate site."""
from qgis.core import (QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterField)

from ...core.classify_sites import MunicipalityFields
from ...core.errors import InputError
from ...core.validation import require_fields, require_unique
from ...core.norm_sets import combined_rules, with_floor
from ...layouts import site_report_content
from ...layouts.site_report_content import PlanFields
from ...layouts.site_reports import SiteReportInputs, build_site_reports
from ...bridge.read import source_to_frame
from .. import classification_support, norms_support, site_context_block
from ..parameters.fields import field_parameter
from ..export.base import ExportAlgorithm

# Plan fields shown on the page besides those the norm check maps (beds, bedrooms, ...).
STAY_FIELD = "STAY_FIELD"
BUILDING_TYPE_FIELD = "BUILDING_TYPE_FIELD"


class ExportSiteReportsAlgorithm(classification_support.ClassificationParameterNames, ExportAlgorithm):
    ALGORITHM_ID = "exportsitereports"
    DISPLAY_NAME = "Export site assessment reports (PDF/PNG)"
    HELP = (
        "Makes the site assessment report ('Locatietoets'): one A4 page per candidate site, for "
        "the application file. Written as one PDF and, on request, one PNG per site.\n\n"
        "Each page shows the site on a map with the existing built-up area, the edge zone (the "
        "built-up area grown by the edge distance, dashed) and the shortest distance to the "
        "built-up area; the location class in its colour; the location facts (share inside, "
        "distance, nearest kern, municipality and region, area); the plan as given; and the "
        "rules version and parameters used. The class is computed by the same rule as "
        "'Classify candidate sites by built-up area', with the same parameters.\n\n"
        "Candidate sites: points or polygons in any CRS. Site id / name field: printed in the "
        "page title. Built-up area and Kern name field: as for the classification. "
        "Municipalities (optional): adds municipality, region and municipal boundaries.\n"
        "Edge distance (m), Minimum share inside: the classification parameters.\n"
        "Plan fields: the fields holding the plan (beds, bedrooms, living area, toilets, "
        "showers, stay category, building type); leave empty when the layer has none.\n"
        "Your data sources: printed at the foot of every page.\n\n"
        "Sites without a usable geometry get no page (the log names them). Files are written "
        "completely or not at all."
    )

    SITES = "SITES"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    SITE_NAME_FIELD = "SITE_NAME_FIELD"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Candidate sites"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.SITE_ID_FIELD, self.tr("Site id field"), parentLayerParameterName=self.SITES,
            optional=True))
        self.addParameter(field_parameter(self.SITE_NAME_FIELD, self.tr("Site name field"),
                                          self.SITES, "site_name"))
        classification_support.add_builtup_parameters(self)
        classification_support.add_municipality_parameters(self)
        classification_support.add_rule_parameters(self)
        for name, label, key in ((STAY_FIELD, self.tr("Stay category field"), "site_stay"),
                                 (BUILDING_TYPE_FIELD, self.tr("Building type field"), "building_type")):
            self.addParameter(field_parameter(name, label, self.SITES, key))
        # The norm check of 'Check housing norms' (on by default: the page has a section for it).
        norms_support.add_optional_norm_check(self, self.SITES)
        self.parameterDefinition(norms_support.CHECK_NORMS).setDefaultValue(True)
        # Concentration and gap effect, as in 'Classify candidate sites' (site context).
        site_context_block.add_parameters(self, self.SITES, self.MUNICIPALITIES)
        self.add_data_sources_parameter()
        self.add_output_parameters(self.tr("Site reports (PDF)"), self.tr("Folder for one PNG per site"),
                                   png_folder=True)

    def compute(self, parameters, context, feedback):
        sites_source = self.parameterAsSource(parameters, self.SITES, context)
        builtup_source = self.parameterAsSource(parameters, self.BUILTUP, context)
        if sites_source is None:
            raise InputError("no candidate sites layer given", layer=self.tr("Candidate sites"))
        if builtup_source is None:
            raise InputError("no built-up area layer given", layer=self.tr("Built-up area"))
        sites_name = self.layer_name(parameters, self.SITES, context, self.tr("Candidate sites"))
        builtup_name = self.layer_name(parameters, self.BUILTUP, context, self.tr("Built-up area"))
        kern_field = self.parameterAsString(parameters, self.KERN_NAME_FIELD, context) or None
        sites = source_to_frame(sites_source, sites_name, feedback=feedback)
        site_id_field = self.parameterAsString(parameters, self.SITE_ID_FIELD, context) or None
        if site_id_field:
            # Each site gets its own page and PNG named by its id: a repeated id would
            # overwrite another site's report.
            require_fields(sites, [site_id_field], sites_name)
            require_unique(sites, site_id_field, sites_name)
        builtup = source_to_frame(builtup_source, builtup_name, [kern_field] if kern_field else [],
                                  feedback=feedback)
        municipalities, muni_name = None, "municipalities"
        fields = MunicipalityFields()
        muni_source = self.parameterAsSource(parameters, self.MUNICIPALITIES, context)
        if muni_source is not None:
            muni_name = self.layer_name(parameters, self.MUNICIPALITIES, context, self.tr("Municipalities"))
            fields = classification_support.municipality_fields(self, parameters, context)
            municipalities = source_to_frame(muni_source, muni_name, [fields.code, fields.name, fields.region],
                                             feedback=feedback)
        norm_rows, norms_title, norm_note, norm_version = self._norms(parameters, context, feedback, sites,
                                                                      sites_name)
        plan = self._plan_fields(parameters, context, sites)
        # The pages' versions line and assumptions; the effect adds its model when it runs.
        versions = [("Normen", norm_version)]
        assumptions = [norm_note]

        def effect_rows(classified):
            frame = site_context_block.compute(self, parameters, context, feedback, classified, sites,
                                               fields, self.MUNICIPALITIES)
            if frame is None or frame.empty:
                return {}
            versions.append(("Model", frame["ctx_model_version"].iloc[0]))
            assumptions.append(
                f"Effect in scenario {site_report_content.scenario_title_nl(frame['ctx_scenario'].iloc[0])}: "
                "alleen de bedden van deze locatie, volledig als aanbod; tekort = vraag − aanbod.")
            # What the demand rests on is in the effect table; its assumptions go here.
            value = frame["ctx_assumptions"].iloc[0] if "ctx_assumptions" in frame else None
            if isinstance(value, str) and value:
                assumptions.append(value)
            return {index: site_report_content.effect_rows(row.to_dict()) for index, row in frame.iterrows()}

        inputs = SiteReportInputs(
            sites=sites, builtup=builtup, municipalities=municipalities,
            parameters=classification_support.rule_parameters(self, parameters, context),
            site_id_field=self.parameterAsString(parameters, self.SITE_ID_FIELD, context) or None,
            site_name_field=self.parameterAsString(parameters, self.SITE_NAME_FIELD, context) or None,
            kern_name_field=kern_field, municipality_fields=fields, plan_fields=plan,
            data_sources=self.parameterAsString(parameters, self.DATA_SOURCES, context),
            credits=self.source_credits(),
            export_date=self.today(), sites_layer=sites_name, builtup_layer=builtup_name,
            municipalities_layer=muni_name, norm_rows=norm_rows, norms_title=norms_title,
            effect_rows=effect_rows, extra_assumptions=assumptions, versions=versions)
        progress = self.progress_for(feedback)
        page, data = build_site_reports(inputs, progress.scaled(0, 30))
        for key in data.skipped:
            feedback.reportError(self.tr("Site {0} has no usable geometry: no page.").format(key))
        feedback.pushInfo(self.tr("{0} site pages").format(len(page.page_names)))
        return self.export_atlas(page, parameters, context, feedback, "locatietoets")

    def _plan_fields(self, parameters, context, sites) -> PlanFields:
        """The norm check's field mapping (beds, bedrooms, ...) plus stay and building type."""
        # The fields as found by processing.field_parameters (None: not given).
        def field(name):
            return self.parameterAsString(parameters, name, context) or None

        mapped = {key: field(name) for key, name, _label, _field in norms_support.FIELD_PARAMETERS}
        return PlanFields(beds=mapped["beds"], bedrooms=mapped["bedrooms"],
                          living_area=mapped["living_area_m2"], bedroom_area=mapped["bedroom_area_m2"],
                          housing_type=mapped["housing_type"], toilets=mapped["toilets"],
                          showers=mapped["showers"],
                          stay_category=field(STAY_FIELD), building_type=field(BUILDING_TYPE_FIELD))

    def _norms(self, parameters, context, feedback, sites, sites_name):
        """Norm rows per site, the section title, a note for the assumptions, the version."""
        if not self.parameterAsBoolean(parameters, norms_support.CHECK_NORMS, context):
            return {}, "Normtoets (niet uitgevoerd)", "", None
        if not self.parameterAsString(parameters, "BEDS_FIELD", context):
            feedback.pushWarning(self.tr("The sites have no beds field: the norm check is left out."))
            return {}, "Normtoets (niet uitgevoerd: geen aantal bedden)", "", None
        result, _columns = norms_support.run_norm_check(
            self, parameters, context, feedback, sites, sites_name,
            self.progress_for(feedback).scaled(0, 5))
        norm_set = norms_support.chosen_norm_set(self, parameters, context)
        sets = with_floor(norm_set, user_folder=norms_support.user_norms_folder())
        rules = combined_rules(sets)
        rows = {index: site_report_content.norm_rows(row.to_dict(), rules) for index, row in result.iterrows()}
        title = "Normtoets: " + " + ".join(s.title_nl for s in reversed(sets))
        version = " + ".join(s.label for s in sets)
        note = (f"Normen {version}; ontbrekende gegevens geven 'onbekend', nooit 'voldoet'.")
        return rows, title, note, version
