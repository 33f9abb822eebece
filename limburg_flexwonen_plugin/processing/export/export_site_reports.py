"""Processing algorithm: the site assessment report, one A4 page per candidate site."""

from ...core.site_assessment import assess
from ...core.validation import require_fields, require_unique
from ...layouts import site_report_content
from ...layouts.site_report_content import PlanFields
from ...layouts.site_reports import SiteReportInputs, build_site_reports
from ...bridge.read import source_to_frame
from ..parameters.classification import ClassificationBlock
from ..parameters.norms import FIELD_PARAMETERS, NormsBlock
from ..parameters.site_context import SiteContextBlock
from ..parameters.sites import SITE_ID_FIELD, SITES, SitesBlock
from ..parameters.fields import field_parameter
from .base import ExportAlgorithm

# Plan fields shown on the page besides those the norm check maps (beds, bedrooms, ...).
STAY_FIELD = "STAY_FIELD"
BUILDING_TYPE_FIELD = "BUILDING_TYPE_FIELD"


class ExportSiteReportsAlgorithm(ExportAlgorithm):
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

    SITES = SITES
    SITE_ID_FIELD = SITE_ID_FIELD
    SITE_INPUTS = SitesBlock()
    CLASSIFICATION = ClassificationBlock(rules_last=True)
    SITE_NAME_FIELD = "SITE_NAME_FIELD"
    STAY_FIELD = STAY_FIELD
    BUILDING_TYPE_FIELD = BUILDING_TYPE_FIELD
    # The norm check of 'Check housing norms' (on by default: the page has a section for it).
    NORMS = NormsBlock(SITES, optional=True, checked=True)
    # Concentration and gap effect, as in 'Classify candidate sites' (site context).
    CONTEXT = SiteContextBlock(SITES)

    def initAlgorithm(self, config=None):
        self.SITE_INPUTS.add(self)
        self.addParameter(field_parameter(self.SITE_NAME_FIELD, self.tr("Site name field"),
                                          self.SITES, "site_name"))
        self.CLASSIFICATION.add(self)
        for name, label, key in ((STAY_FIELD, self.tr("Stay category field"), "site_stay"),
                                 (BUILDING_TYPE_FIELD, self.tr("Building type field"), "building_type")):
            self.addParameter(field_parameter(name, label, self.SITES, key))
        self.NORMS.add(self)
        self.CONTEXT.add(self)
        self.add_data_sources_parameter()
        self.add_output_parameters(self.tr("Site reports (PDF)"), self.tr("Folder for one PNG per site"),
                                   png_folder=True)

    def compute(self, parameters, context, feedback):
        given = self.SITE_INPUTS.read(self, parameters, context)
        sites_name, site_id_field = given.layer, given.id_field
        sites = source_to_frame(given.source, sites_name, feedback=feedback)
        if site_id_field:
            # Each site gets its own page and PNG named by its id: a repeated id would
            # overwrite another site's report.
            require_fields(sites, [site_id_field], sites_name)
            require_unique(sites, site_id_field, sites_name)

        def read(_name, source, layer, fields):
            return source_to_frame(source, layer, fields, feedback=feedback)

        inputs = self.CLASSIFICATION.read(self, parameters, context, read,
                                         self.CONTEXT.municipal_fields(self, parameters, context))
        choice, not_run = self._norms(parameters, context, feedback, sites, sites_name)
        inputs = inputs.with_norms(choice)
        inputs = self.CONTEXT.read(self, parameters, context, feedback, inputs)
        self.CONTEXT.require_fields(inputs, sites, sites_name)
        progress = self.progress_for(feedback)
        assessment = assess(sites, inputs, site_id_field=site_id_field, sites_layer=sites_name,
                            progress=progress.scaled(0, 20))
        if assessment.norms is not None:
            self.NORMS.report(feedback, assessment.norms, sites_name)
        if assessment.context is not None:
            self.CONTEXT.report(feedback, assessment.context)
        report = SiteReportInputs(
            assessment,
            site_name_field=self.parameterAsString(parameters, self.SITE_NAME_FIELD, context) or None,
            plan_fields=self._plan_fields(parameters, context),
            data_sources=self.parameterAsString(parameters, self.DATA_SOURCES, context),
            credits=self.source_credits(), export_date=self.today(), sites_layer=sites_name,
            norms_not_run=not_run)
        page, data = build_site_reports(report, progress.scaled(20, 30))
        for key in data.skipped:
            feedback.reportError(self.tr("Site {0} has no usable geometry: no page.").format(key))
        feedback.pushInfo(self.tr("{0} site pages").format(len(page.page_names)))
        return self.export_atlas(page, parameters, context, feedback, "locatietoets")

    def _plan_fields(self, parameters, context) -> PlanFields:
        """The norm check's field mapping (beds, bedrooms, ...) plus stay and building type."""
        # The fields as found by processing.field_parameters (None: not given).
        def field(name):
            return self.parameterAsString(parameters, name, context) or None

        mapped = {key: field(name) for key, name, _label in FIELD_PARAMETERS}
        return PlanFields(beds=mapped["beds"], bedrooms=mapped["bedrooms"],
                          living_area=mapped["living_area_m2"], bedroom_area=mapped["bedroom_area_m2"],
                          housing_type=mapped["housing_type"], toilets=mapped["toilets"],
                          showers=mapped["showers"],
                          stay_category=field(STAY_FIELD), building_type=field(BUILDING_TYPE_FIELD))

    def _norms(self, parameters, context, feedback, sites, sites_name):
        """The norm check asked for (None when it does not run) and why it does not."""
        choice = self.NORMS.read(self, parameters, context)
        if choice is None:
            return None, site_report_content.NORMS_NOT_ASKED
        if choice.plan_fields.get("beds") is None:
            feedback.pushWarning(self.tr("The sites have no beds field: the norm check is left out."))
            return None, site_report_content.NORMS_NO_BEDS
        self.NORMS.require_fields(choice, sites.columns, sites_name)
        return choice, None
