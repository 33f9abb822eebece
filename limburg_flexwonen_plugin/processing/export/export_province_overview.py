"""Processing algorithm: export the province overview map (PDF and PNG)."""
from qgis.core import QgsProcessingParameterEnum

from ...layouts.province_overview import OverviewInputs, build_province_overview
from .base import ExportAlgorithm

PAPERS = ("A4", "A3")


class ExportProvinceOverviewAlgorithm(ExportAlgorithm):
    ALGORITHM_ID = "exportprovinceoverview"
    DISPLAY_NAME = "Export province overview map (PDF/PNG)"
    HELP = (
        "Makes the Stuurgroep map 'Huisvestingsopgave arbeidsmigranten Limburg' on A4 or A3 "
        "landscape and writes it as PDF (and PNG on request).\n\n"
        "The page shows the municipalities (as the housing gap choropleth when the layer holds "
        "the housing gap fields), the accommodations sized by beds, the region outlines and "
        "names, a legend listing exactly these layers, a scale bar, a north arrow, the scenario "
        "and the export date, the sources and the model version, and a table of region totals "
        "when the housing gap's region layer is given. Texts on the page are in Dutch.\n\n"
        "Municipalities: the housing gap's municipality output, or municipal boundaries.\n"
        "Region field: the field holding the region name.\n"
        "Regions (optional): the housing gap's region output (for the totals table); without "
        "it the region outlines are dissolved from the municipalities.\n"
        "Accommodations (optional): points of existing, permitted and planned accommodation.\n"
        "Scenario: printed in the subtitle; empty takes it from the housing gap layer.\n"
        "Sources: each layer's metadata (its abstract or rights; a GeoPackage layer's "
        "description) says where it comes from: 'Kadaster / CBS (CC BY 4.0)' is printed for "
        "CBS data, 'synthetische demodata' for synthetic data, otherwise the layer's name. "
        "Your own data sources are printed after them.\n"
        "Paper: A4 or A3 landscape. PNG resolution: dots per inch of the PNG.\n\n"
        "Files are written completely or not at all."
    )

    PAPER = "PAPER"

    def initAlgorithm(self, config=None):
        self.add_area_parameters(name_field=False)
        self.add_scenario_parameter()
        self.add_data_sources_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.PAPER, self.tr("Paper"), [self.tr("A4 landscape"), self.tr("A3 landscape")],
            defaultValue=0))
        self.add_output_parameters(self.tr("Province overview (PDF)"),
                                   self.tr("Province overview (PNG)"), png_folder=False)

    def compute(self, parameters, context, feedback):
        municipalities, regions, accommodations = self.area_layers(parameters, context)
        inputs = OverviewInputs(
            municipalities=municipalities, regions=regions, accommodations=accommodations,
            region_field=self.parameterAsString(parameters, self.REGION_FIELD, context) or None,
            scenario=self.parameterAsString(parameters, self.SCENARIO, context),
            data_sources=self.parameterAsString(parameters, self.DATA_SOURCES, context),
            credits=self.source_credits(self.MUNICIPALITIES, self.REGIONS, self.ACCOMMODATIONS),
            paper=PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)],
            export_date=self.today())
        feedback.pushInfo(self.tr("Filling the {0} page…").format(inputs.paper))
        page = build_province_overview(inputs)
        feedback.setProgress(30)
        return self.export_single(page, parameters, context, feedback)
