"""Processing algorithm: Labour-migrant density raster (persons per hectare)."""
from qgis.core import (QgsProcessingOutputNumber, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination)

from ...core.density_raster import density_raster
from ...core.scenarios import load_model_document, normalise_code, scenario_migrants
from ..base import FlexwonenAlgorithm
from ..outputs.styling import style_on_load
from ..parameters.gap import GapInputs


class DensityRasterAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "densityraster"
    DISPLAY_NAME = "Labour-migrant density raster"
    GROUP_ID = "municipal"
    HELP = (
        "A GeoTIFF (EPSG:28992) of labour migrants per hectare. Each municipality's labour "
        "migrants are spread evenly over its built-up area (dasymetric mapping): every cell "
        "gets them in proportion to the area of built-up land it holds, so the raster's sum x "
        "cell area in hectares equals the number of labour migrants. A municipality without "
        "built-up area (or when no built-up layer is given) gets them spread over its whole "
        "area; the log says which.\n\n"
        "Municipalities, labour-migrant table and scenario: as in 'Housing gap per "
        "municipality and region' (a scenario total is divided the same way).\n"
        "Built-up area: the polygons people live in ('kernen').\n"
        "Cell size (m): default 100 m (1 ha per cell).\n\n"
        "Cells outside every municipality are nodata. The file records the scenario, year, "
        "method and number of labour migrants in its metadata."
    )

    CELL_SIZE = "CELL_SIZE"
    OUTPUT = "OUTPUT"
    LABOUR_MIGRANTS = "LABOUR_MIGRANTS"
    RASTER_SUM = "RASTER_SUM"
    # The raster needs no inhabitants, accommodations or demand model.
    INPUTS = GapInputs(inhabitants=False, accommodations=False, model=False, demand_table=False)

    def initAlgorithm(self, config=None):
        self.INPUTS.add(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Cell size (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=100.0, minValue=1.0, maxValue=10000.0))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr("Labour migrants per hectare")))
        self.addOutput(QgsProcessingOutputNumber(self.LABOUR_MIGRANTS,
                                                 self.tr("Labour migrants put into the raster")))
        self.addOutput(QgsProcessingOutputNumber(self.RASTER_SUM,
                                                 self.tr("Raster sum x cell area (persons)")))

    def compute(self, parameters, context, feedback):
        progress = self.progress_for(feedback)
        inputs = self.INPUTS.read(self, parameters, context, feedback)
        municipalities, fields = inputs.municipalities.frame, inputs.municipalities.fields
        if inputs.builtup is None:
            feedback.pushWarning(self.tr("No built-up area given: every municipality's labour "
                                         "migrants are spread over its whole area."))
        chosen = inputs.scenario
        codes = [normalise_code(code) for code in municipalities[fields.code].values]
        migrants = scenario_migrants(inputs.migrants, chosen.scenario, [code for code in codes if code],
                                     chosen.base_year, chosen.method)
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        document = load_model_document()
        result = density_raster(
            municipalities, migrants.counts, path, inputs.builtup_frame, cell_size,
            municipality_fields=fields, municipalities_layer=inputs.municipalities.layer,
            builtup_layer=inputs.builtup_layer,
            tags={"SCENARIO": migrants.scenario.label, "YEAR": str(migrants.year),
                  "BASE_YEAR": str(migrants.base_year), "DISTRIBUTION": migrants.method,
                  "MODEL_VERSION": f"{document['name']} {document['version']}"},
            progress=progress.scaled(5, 100))
        for label in result.spread_over_whole:
            feedback.pushWarning(self.tr("{0} has no built-up area: its labour migrants are "
                                         "spread over the whole municipality.").format(label))
        for label in result.skipped:
            feedback.pushWarning(self.tr("Not in the raster: {0}.").format(label))
        feedback.pushInfo(self.tr("{0}: {1:,.0f} labour migrants; raster sum x cell area = "
                                  "{2:,.2f}; {3} x {4} cells of {5:g} m").format(
            migrants.title, result.persons, result.raster_persons, result.width, result.height,
            cell_size))
        style_on_load(context, path, "density.qml",
                      self.tr("Labour migrants per hectare – {0}").format(migrants.title))
        return {self.OUTPUT: path, self.LABOUR_MIGRANTS: result.persons,
                self.RASTER_SUM: result.raster_persons}
