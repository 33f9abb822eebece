"""Processing algorithm: Built-up area from a raster."""
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingParameterBand,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsWkbTypes)

from ...core.builtup_from_raster import builtup_from_raster
from ...core.errors import InputError
from ...bridge.values import make_fields
from ..base import FlexwonenAlgorithm

OUTPUT_FIELDS = (("kern_id", "int"), ("kern_name", "string"), ("area_m2", "double"))


class BuiltupFromRasterAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "builtupfromraster"
    DISPLAY_NAME = "Built-up area from a raster"
    GROUP_ID = "data"
    HELP = (
        "Turns a built-up raster into built-up area polygons that can serve as the "
        "built-up input of 'Classify candidate sites by built-up area'.\n\n"
        "Raster: a file-based raster, either 0/1 (1 = built-up) or a built-up share.\n"
        "Band: the band holding the values.\n"
        "Threshold: cells with a value at least this are built-up (0.5 suits a 0/1 raster "
        "and a 0–1 share; use e.g. 50 for a percentage).\n"
        "Minimum area (m²): smaller polygons are dropped.\n\n"
        "Neighbouring built-up cells (sharing a side) form one polygon; nodata cells are "
        "never built-up. Built-up area (output): polygons in EPSG:28992 with kern_id, "
        "kern_name ('built-up area N': a raster has no names; rename them for the card) and "
        "area_m2. Polygons from a raster in another CRS are reprojected. Needs the Python "
        "package rasterio in QGIS's Python."
    )

    INPUT = "INPUT"
    BAND = "BAND"
    THRESHOLD = "THRESHOLD"
    MIN_AREA = "MIN_AREA"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Built-up raster")))
        self.addParameter(QgsProcessingParameterBand(self.BAND, self.tr("Band"), defaultValue=1,
                                                     parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Threshold (value counted as built-up)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.5))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum area (m²)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Built-up area")))

    def compute(self, parameters, context, feedback):
        raster = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if raster is None:
            raise InputError("no raster given", layer=self.tr("Built-up raster"))
        if raster.providerType() != "gdal":
            raise InputError("only file-based (GDAL) rasters can be read", layer=raster.name())
        path = raster.source().split("|")[0]
        frame = builtup_from_raster(
            path, self.parameterAsInt(parameters, self.BAND, context),
            self.parameterAsDouble(parameters, self.THRESHOLD, context),
            self.parameterAsDouble(parameters, self.MIN_AREA, context),
            layer=raster.name(), progress=self.progress_for(feedback).scaled(0, 90))
        fields = make_fields(OUTPUT_FIELDS)
        dest_id = self.write_sink(parameters, self.OUTPUT, context, frame, fields,
                                  QgsWkbTypes.Type.MultiPolygon,
                                  QgsCoordinateReferenceSystem("EPSG:28992"),
                                  feedback=feedback, multipart=True)
        feedback.pushInfo(self.tr("{0} built-up polygons").format(len(frame)))
        return {self.OUTPUT: dest_id}
