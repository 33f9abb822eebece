"""What the export algorithms share: output parameters, layer copies, writing the files."""
import datetime
from pathlib import Path

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from ...core.errors import InputError
from ...layouts import exporter
from ...layouts.layers import copy_of
from ..base import FlexwonenAlgorithm
from ..parameters.fields import field_parameter


class ExportAlgorithm(FlexwonenAlgorithm):
    """Base of the map and report exports: PDF always, PNG on request, files written whole."""

    GROUP_ID = "export"
    MUNICIPALITIES = "MUNICIPALITIES"
    NAME_FIELD = "NAME_FIELD"
    REGION_FIELD = "REGION_FIELD"
    REGIONS = "REGIONS"
    ACCOMMODATIONS = "ACCOMMODATIONS"
    SCENARIO = "SCENARIO"
    DATA_SOURCES = "DATA_SOURCES"
    DPI = "DPI"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"
    PAGES = "PAGES"
    DEFAULT_DPI = 150

    def flags(self):
        # Print layouts are drawn on the main thread (QGIS's layout designer does the same).
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    # -- parameters -------------------------------------------------------------------

    def add_area_parameters(self, name_field: bool) -> None:
        """The layers of a map of the municipal picture: the municipalities (the housing
        gap's output or boundaries) with their region field (and, with ``name_field``,
        their name field), the regions and the accommodations."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MUNICIPALITIES, self.tr("Municipalities (housing gap output or boundaries)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        # Pages need these fields: required, found by their usual names when left empty.
        if name_field:
            self.addParameter(field_parameter(self.NAME_FIELD, self.tr("Municipality name field"),
                                              self.MUNICIPALITIES, "municipality_name", required=True))
        self.addParameter(field_parameter(self.REGION_FIELD, self.tr("Region field"),
                                          self.MUNICIPALITIES, "region", required=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr("Regions (housing gap region output)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ACCOMMODATIONS, self.tr("Accommodations"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))

    def add_scenario_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.SCENARIO, self.tr("Scenario (empty: from the housing gap layer)"), defaultValue="",
            optional=True))

    def add_data_sources_parameter(self):
        self.addParameter(QgsProcessingParameterString(
            self.DATA_SOURCES, self.tr("Your own data sources (printed after those named in the layers)"),
            defaultValue="", optional=True))

    def add_output_parameters(self, pdf_description, png_description, png_folder: bool):
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, self.tr("PNG resolution (dpi)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=self.DEFAULT_DPI, minValue=50, maxValue=600))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, pdf_description, self.tr("PDF files (*.pdf)")))
        if png_folder:
            self.addParameter(QgsProcessingParameterFolderDestination(
                self.OUTPUT_PNG, png_description, optional=True, createByDefault=False))
        else:
            self.addParameter(QgsProcessingParameterFileDestination(
                self.OUTPUT_PNG, png_description, self.tr("PNG files (*.png)"), optional=True,
                createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Number of pages")))

    # -- reading parameters -----------------------------------------------------------

    def layer_copy(self, parameters, name, context, title, required=True):
        """A memory copy (RD New) of a layer input, or None for an empty optional one."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if required:
                raise InputError("no layer given", layer=title)
            return None
        if source.featureCount() == 0:
            raise InputError("the layer has no features",
                             layer=self.layer_name(parameters, name, context, title))
        self.check_map_layer(source, self.layer_name(parameters, name, context, title))
        layer = copy_of(source, self.layer_name(parameters, name, context, title),
                        context.transformContext())
        return layer

    def area_layers(self, parameters, context):
        """Copies of the layers of ``add_area_parameters``: municipalities, regions (or
        None), accommodations (or None)."""
        return (self.layer_copy(parameters, self.MUNICIPALITIES, context, self.tr("Municipalities")),
                self.layer_copy(parameters, self.REGIONS, context, self.tr("Regions"), required=False),
                self.layer_copy(parameters, self.ACCOMMODATIONS, context, self.tr("Accommodations"),
                                required=False))

    def pdf_path(self, parameters, context) -> Path:
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if not path:
            raise InputError("no PDF file given", field=self.OUTPUT_PDF)
        path = Path(path)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def png_target(self, parameters, context):
        value = parameters.get(self.OUTPUT_PNG)
        if value is None or value == "":
            return None
        if isinstance(self.parameterDefinition(self.OUTPUT_PNG), QgsProcessingParameterFolderDestination):
            path = self.parameterAsString(parameters, self.OUTPUT_PNG, context)
        else:
            path = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
        return Path(path) if path else None

    @staticmethod
    def today() -> datetime.date:
        return datetime.date.today()

    # -- writing ----------------------------------------------------------------------

    def export_single(self, page, parameters, context, feedback):
        progress = self.progress_for(feedback)
        progress.report(30)
        progress.check()
        pdf = exporter.export_pdf(page.layout, self.pdf_path(parameters, context))
        progress.report(70)
        progress.check()
        feedback.pushInfo(self.tr("PDF written: {0}").format(pdf))
        results = {self.OUTPUT_PDF: str(pdf), self.PAGES: page.layout.pageCollection().pageCount()}
        png = self.png_target(parameters, context)
        if png is not None:
            if png.suffix.lower() != ".png":
                png = png.with_suffix(".png")
            written = exporter.export_png(page.layout, png, self.parameterAsInt(parameters, self.DPI, context))
            feedback.pushInfo(self.tr("PNG written: {0}").format(", ".join(str(p) for p in written)))
            results[self.OUTPUT_PNG] = str(png)
        return results

    def export_atlas(self, page, parameters, context, feedback, file_prefix):
        progress = self.progress_for(feedback)
        pdf = exporter.export_atlas_pdf(page.layout, self.pdf_path(parameters, context),
                                        is_cancelled=feedback.isCanceled)
        pages = page.layout.atlas().count()
        feedback.pushInfo(self.tr("PDF written: {0} ({1} pages)").format(pdf, pages))
        progress.report(60)
        results = {self.OUTPUT_PDF: str(pdf), self.PAGES: pages}
        folder = self.png_target(parameters, context)
        if folder is not None:
            names = [f"{file_prefix}_{exporter.slug(name)}.png" for name in page.page_names]
            written = exporter.export_atlas_png(
                page.layout, folder, lambda index: names[index],
                self.parameterAsInt(parameters, self.DPI, context), is_cancelled=feedback.isCanceled,
                progress=progress.scaled(60, 100).report)
            feedback.pushInfo(self.tr("{0} PNG files written to {1}").format(len(written), folder))
            results[self.OUTPUT_PNG] = str(folder)
        return results
