"""Processing algorithm: export the atlas with a page per region and per municipality."""
from qgis.core import QgsProcessing, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource

from ...layouts.area_atlas import LEVELS, AtlasInputs, build_area_atlas
from .base import ExportAlgorithm


class ExportAtlasAlgorithm(ExportAlgorithm):
    ALGORITHM_ID = "exportatlas"
    DISPLAY_NAME = "Export region and municipality atlas (PDF/PNG)"
    HELP = (
        "Makes an atlas with one A4 landscape page per region and one per municipality (each "
        "region followed by its municipalities) and writes it as one PDF and, on request, one "
        "PNG per page into a folder.\n\n"
        "Each page shows the area on a map that follows it (the rest of the province veiled), "
        "a locator map, a legend, a scale bar and a north arrow, the key figures of the area "
        "next to those of Limburg, and the municipalities of its region. With the housing "
        "gap's outputs the map is the gap choropleth and the figures include labour migrants, "
        "concentration, demand, supply and gap per stay category; with plain municipal "
        "boundaries the figures are inhabitants and area.\n\n"
        "Municipalities: the housing gap's municipality output, or municipal boundaries.\n"
        "Name field / Region field: the municipality's name and its region.\n"
        "Regions (optional): the housing gap's region output (figures per region and for "
        "Limburg); without it regions are dissolved from the municipalities.\n"
        "Accommodations, Built-up area (optional): drawn on the maps.\n"
        "Pages: regions and municipalities, regions only, or municipalities only.\n"
        "Scenario and Your data sources: printed on every page.\n\n"
        "Files are written completely or not at all."
    )

    BUILTUP = "BUILTUP"
    LEVEL = "LEVEL"

    def initAlgorithm(self, config=None):
        self.add_area_parameters(name_field=True)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILTUP, self.tr("Built-up area"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LEVEL, self.tr("Pages"),
            [self.tr("Regions and municipalities"), self.tr("Regions only"), self.tr("Municipalities only")],
            defaultValue=0))
        self.add_scenario_parameter()
        self.add_data_sources_parameter()
        self.add_output_parameters(self.tr("Atlas (PDF)"), self.tr("Folder for one PNG per page"),
                                   png_folder=True)

    def compute(self, parameters, context, feedback):
        municipalities, regions, accommodations = self.area_layers(parameters, context)
        inputs = AtlasInputs(
            municipalities=municipalities, regions=regions, accommodations=accommodations,
            builtup=self.layer_copy(parameters, self.BUILTUP, context, self.tr("Built-up area"),
                                    required=False),
            level=LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)],
            name_field=self.parameterAsString(parameters, self.NAME_FIELD, context) or None,
            region_field=self.parameterAsString(parameters, self.REGION_FIELD, context) or None,
            scenario=self.parameterAsString(parameters, self.SCENARIO, context),
            data_sources=self.parameterAsString(parameters, self.DATA_SOURCES, context),
            credits=self.source_credits(self.MUNICIPALITIES, self.REGIONS, self.ACCOMMODATIONS,
                                        self.BUILTUP),
            export_date=self.today())
        page = build_area_atlas(inputs)
        feedback.pushInfo(self.tr("Atlas with {0} pages").format(len(page.page_names)))
        feedback.setProgress(10)
        return self.export_atlas(page, parameters, context, feedback, "atlas")
