"""Processing algorithm: Classify a large GeoPackage of sites (streamed)."""
from pathlib import Path

from qgis.core import (QgsProcessing, QgsProcessingParameterBoolean,
                       QgsProcessingParameterDefinition, QgsProcessingParameterField, QgsProcessingParameterNumber,
                       QgsProcessingParameterVectorDestination, QgsProcessingParameterVectorLayer,
                       QgsProviderRegistry, QgsVectorLayer)

from ...core.classify_sites_streamed import DEFAULT_BATCH_SIZE, classify_sites_streamed
from ...core.errors import InputError
from ...core.rules import class_label, location_rules
from ...bridge.language import user_language
from ...bridge.crs import crs_of
from ..parameters.classification import ClassificationBlock
from ..base import FlexwonenAlgorithm

OUTPUT_LAYER = "classified_sites"


class ClassifySitesStreamedAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "classifysitesstreamed"
    DISPLAY_NAME = "Classify a large GeoPackage of sites (streamed)"
    GROUP_ID = "location"
    HELP = (
        "The same classification as 'Classify candidate sites by built-up area', for layers "
        "too large to hold in memory (all parcels of a province or of the country).\n\n"
        "The sites are read from their GeoPackage in spatially sorted batches and the results "
        "are written to a new GeoPackage batch by batch, so memory stays bounded: about the "
        "built-up area, one batch of sites and 12 bytes per site for the sort order.\n\n"
        "Candidate sites: a point or polygon layer stored in a GeoPackage, used whole (a layer "
        "filter is not applied; use the other algorithm for a selection or a filter).\n"
        "Batch size: sites per batch; larger batches are a little faster and use more memory.\n"
        "Create a spatial index: index the output for fast display (takes a while for "
        "millions of sites).\n\n"
        "Output: a GeoPackage with the input's attributes, 'source_fid' (the input feature id) "
        "and the result fields of the in-memory algorithm, in spatial order. Invalid geometries "
        "are repaired and noted in 'remarks'; with the Processing setting 'Invalid features "
        "filtering' on skip or stop, they are skipped or stop the run."
    )

    SITES = "SITES"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    BATCH_SIZE = "BATCH_SIZE"
    SPATIAL_INDEX = "SPATIAL_INDEX"
    OUTPUT = "OUTPUT"
    CLASSIFICATION = ClassificationBlock()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.SITES, self.tr("Candidate sites (GeoPackage layer)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.SITE_ID_FIELD, self.tr("Site id field"), parentLayerParameterName=self.SITES,
            optional=True))
        self.CLASSIFICATION.add(self)
        batch = QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (sites)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=DEFAULT_BATCH_SIZE, minValue=1000, maxValue=2_000_000)
        batch.setFlags(batch.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(batch)
        self.addParameter(QgsProcessingParameterBoolean(
            self.SPATIAL_INDEX, self.tr("Create a spatial index on the output"), defaultValue=True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Classified sites (GeoPackage)")))

    def compute(self, parameters, context, feedback):
        layer = self.layer_facts(self.SITES)   # never the project's own layer object
        sites_name = self.layer_name(parameters, self.SITES, context, self.tr("Candidate sites"))
        if layer is None and parameters.get(self.SITES) is not None:
            # Given, but no plain file layer (memory, database, virtual fields).
            raise InputError("the streamed mode reads a layer stored in a GeoPackage (.gpkg); save "
                             "the layer as a GeoPackage or use 'Classify candidate sites by "
                             "built-up area'", layer=sites_name)
        path, file_layer = self._geopackage_of(layer, sites_name)
        site_id_field = self.parameterAsString(parameters, self.SITE_ID_FIELD, context) or None
        output = Path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        if output.suffix.lower() != ".gpkg":
            raise InputError("the streamed mode writes a GeoPackage: choose a .gpkg file",
                             layer=self.tr("Classified sites"))

        def read(name, source, layer, fields):
            return self.read_layer(parameters, name, context, feedback, source, layer, fields)

        inputs = self.CLASSIFICATION.read(self, parameters, context, read)

        feedback.pushInfo(self.tr("Classifying {0} sites in batches…").format(layer.featureCount()))
        run = classify_sites_streamed(
            path, inputs.builtup, output, sites_layer=file_layer, output_layer=OUTPUT_LAYER,
            parameters=inputs.parameters, municipalities=inputs.municipalities,
            site_id_field=site_id_field, kern_name_field=inputs.kern_name_field,
            municipality_fields=inputs.municipality_fields,
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            layer_label=sites_name, builtup_layer=inputs.builtup_layer,
            municipalities_layer=inputs.municipalities_layer,
            crs=crs_of(layer.crs()),
            invalid_geometries=_invalid_policy(context),
            progress=self.progress_for(feedback).scaled(0, 95))
        if self.parameterAsBoolean(parameters, self.SPATIAL_INDEX, context):
            feedback.pushInfo(self.tr("Creating the spatial index…"))
            result_layer = QgsVectorLayer(f"{output}|layername={OUTPUT_LAYER}", OUTPUT_LAYER, "ogr")
            if result_layer.isValid():
                result_layer.dataProvider().createSpatialIndex()
        feedback.setProgress(100)
        rules, language = location_rules(), user_language()
        for location_class in ("inside", "edge", "outside"):
            feedback.pushInfo(f"{class_label(rules, location_class, language)}: "
                              f"{run.classes.get(location_class, 0)}")
        return {self.OUTPUT: f"{output}|layername={OUTPUT_LAYER}"}

    def _geopackage_of(self, layer, name):
        """The GeoPackage file and layer behind a layer, or a clear refusal."""
        if layer is None:
            raise InputError("no candidate sites layer given", layer=name)
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        path = parts.get("path") or ""
        if layer.providerType() != "ogr" or not path.lower().endswith(".gpkg") or not Path(path).is_file():
            raise InputError("the streamed mode reads a layer stored in a GeoPackage (.gpkg); save "
                             "the layer as a GeoPackage or use 'Classify candidate sites by "
                             "built-up area'", layer=name)
        if layer.subsetString():
            raise InputError("the streamed mode reads the whole layer and cannot apply its filter; "
                             "remove the filter or use 'Classify candidate sites by built-up area'",
                             layer=name)
        return path, parts.get("layerName") or None


def _invalid_policy(context) -> str:
    from qgis.core import QgsFeatureRequest
    check = context.invalidGeometryCheck()
    if check == QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid:
        return "skip"
    if check == QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid:
        return "stop"
    return "repair"
