"""Processing algorithm: Load official boundaries and inhabitants (CBS / PDOK)."""
from pathlib import Path

from qgis.core import (QgsProcessingContext, QgsProcessingOutputNumber,
                       QgsProcessingParameterBoolean, QgsProcessingParameterDefinition,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingUtils)

from ...bridge import settings
from ...bridge.crs import frame_to_working
from ...bridge.network import fetch_features, first_collection
from ...core import official_data as official
from ...core.errors import InputError
from ..base import FlexwonenAlgorithm

PAGE_SIZE = 1000   # features per page (PDOK's OGC APIs give at most 1,000)


class LoadOfficialDataAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "loadofficialdata"
    DISPLAY_NAME = "Load official boundaries and inhabitants (PDOK)"
    GROUP_ID = "data"
    HELP = (
        "Loads the official CBS boundaries of a year from PDOK into one GeoPackage: the "
        "municipalities, the COROP regions and the province(s) (CBS Gebiedsindelingen), with "
        "the inhabitants per municipality (CBS Kerncijfers wijken en buurten) and, when asked, "
        "the CBS population cores (Bevolkingskernen) as a stand-in for a built-up contour.\n\n"
        "Provinces: codes or names, separated by commas (PV31 or Limburg).\n"
        "Municipalities: codes (GM0983, 0983 or 983), separated by commas; when given, only "
        "these municipalities are loaded (with the regions and province holding them) and "
        "the provinces are not used.\n"
        "Year of the boundaries: the municipalities as they were on 1 January of that year.\n"
        "Year of the inhabitants: the year of the kerncijfers (inhabitants on 1 January).\n"
        "Built-up stand-in: the population cores of the year given; they are not the "
        "province's built-up contour, and every row says so in 'stand_in'.\n\n"
        "Output: a GeoPackage in EPSG:28992 with the layers municipalities (gm_code, gm_name, "
        "region, region_code, province_code, province_name, inhabitants, inhabitants_year), "
        "regions, province and builtup_standin; each row names its source in 'source' "
        "(Kadaster / CBS, dataset, year, CC-BY 4.0) and the layer's description says the same. "
        "The services' addresses and the time-out are settings (Settings › Options › "
        "Flexwonen Limburg); QGIS's proxy and authentication settings apply."
    )

    PROVINCES = "PROVINCES"
    MUNICIPALITIES = "MUNICIPALITIES"
    YEAR = "YEAR"
    INHABITANTS = "INHABITANTS"
    INHABITANTS_YEAR = "INHABITANTS_YEAR"
    BUILTUP_STANDIN = "BUILTUP_STANDIN"
    KERNEN_YEAR = "KERNEN_YEAR"
    OUTPUT = "OUTPUT"
    MUNICIPALITY_COUNT = "MUNICIPALITY_COUNT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.PROVINCES, self.tr("Provinces (codes or names)"), defaultValue="PV31", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MUNICIPALITIES, self.tr("Municipalities (codes; instead of the provinces)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Year of the boundaries"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=2024, minValue=2016, maxValue=2100))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INHABITANTS, self.tr("Add the inhabitants per municipality"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.INHABITANTS_YEAR, self.tr("Year of the inhabitants (kerncijfers)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=2023, minValue=2016, maxValue=2100))
        self.addParameter(QgsProcessingParameterBoolean(
            self.BUILTUP_STANDIN, self.tr("Add the population cores as a built-up stand-in"),
            defaultValue=False))
        kernen_year = QgsProcessingParameterNumber(
            self.KERNEN_YEAR, self.tr("Year of the population cores"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=2021, minValue=2001, maxValue=2100)
        kernen_year.setFlags(kernen_year.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(kernen_year)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Official data (GeoPackage)"), self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber(self.MUNICIPALITY_COUNT,
                                                 self.tr("Municipalities loaded")))

    def compute(self, parameters, context, feedback):
        year = self.parameterAsInt(parameters, self.YEAR, context)
        province_keys = official.parse_codes(self.parameterAsString(parameters, self.PROVINCES, context))
        municipality_codes = official.parse_codes(
            self.parameterAsString(parameters, self.MUNICIPALITIES, context))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(path).suffix.lower() != ".gpkg":
            raise InputError("the official data are written to a GeoPackage: choose a .gpkg file",
                             layer=self.tr("Official data (GeoPackage)"))
        timeout = settings.network_timeout()
        progress = self.progress_for(feedback)
        transforms = context.transformContext()

        base = _service(settings.BOUNDARIES_URL, year)
        boundaries = {}
        for step, (key, collection) in enumerate(official.COLLECTIONS.items()):
            label = f"{official.BOUNDARIES_DATASET} {year}, {collection}"
            feedback.pushInfo(self.tr("Loading {0}…").format(label))
            features, content_crs = fetch_features(
                f"{base}/collections/{collection}/items",
                {"f": "json", "jaarcode": year, "limit": PAGE_SIZE, "crs": official.RD_CRS_URI},
                label, timeout, feedback)
            frame = official.features_to_frame(features, official.crs_of_response(content_crs), label)
            boundaries[key] = frame_to_working(frame, label, transforms)
            progress.report(10.0 + 20.0 * step)
        labels = {key: f"{official.BOUNDARIES_DATASET} {year}, {collection}"
                  for key, collection in official.COLLECTIONS.items()}
        selection = official.select_areas(boundaries["provinces"], boundaries["regions"],
                                          boundaries["municipalities"], province_keys,
                                          municipality_codes, year, labels)
        for remark in selection.remarks:
            feedback.pushWarning(remark)
        box = official.selection_box(selection)
        area = {"bbox": ",".join(f"{value:.0f}" for value in box), "bbox-crs": official.RD_CRS_URI,
                "crs": official.RD_CRS_URI, "f": "json", "limit": PAGE_SIZE}

        inhabitants_year = None
        if self.parameterAsBoolean(parameters, self.INHABITANTS, context):
            inhabitants_year = self.parameterAsInt(parameters, self.INHABITANTS_YEAR, context)
            label = f"{official.INHABITANTS_DATASET} {inhabitants_year}, {official.KWB_COLLECTION}"
            feedback.pushInfo(self.tr("Loading {0}…").format(label))
            features, content_crs = fetch_features(
                f"{_service(settings.INHABITANTS_URL, inhabitants_year)}/collections/"
                f"{official.KWB_COLLECTION}/items", area, label, timeout, feedback)
            table = official.inhabitants_table(
                official.features_to_frame(features, official.crs_of_response(content_crs), label), label)
            for name in official.join_inhabitants(selection.municipalities, table, inhabitants_year):
                feedback.pushWarning(self.tr("No inhabitants in {0} for {1}.").format(label, name))
        progress.report(80)

        standin, kernen_year = None, None
        if self.parameterAsBoolean(parameters, self.BUILTUP_STANDIN, context):
            kernen_year = self.parameterAsInt(parameters, self.KERNEN_YEAR, context)
            kernen_base = _service(settings.KERNEN_URL, kernen_year)
            label = f"{official.KERNEN_DATASET} {kernen_year}"
            collection = first_collection(kernen_base, label, timeout, feedback)
            feedback.pushInfo(self.tr("Loading {0}…").format(f"{label}, {collection}"))
            features, content_crs = fetch_features(f"{kernen_base}/collections/{collection}/items",
                                                   area, label, timeout, feedback)
            kernen = frame_to_working(official.features_to_frame(
                features, official.crs_of_response(content_crs), label), label, transforms)
            standin = official.builtup_standin(kernen, selection, kernen_year, label)
        progress.report(90)

        layers = official.assemble(selection, year, inhabitants_year, standin, kernen_year)
        official.write_official_geopackage(layers, path, progress.scaled(90, 100))
        names = {"municipalities": self.tr("Municipalities {0} (CBS)").format(year),
                 "regions": self.tr("COROP regions {0} (CBS)").format(year),
                 "province": self.tr("Province {0} (CBS)").format(year),
                 "builtup_standin": self.tr("Population cores {0} (stand-in for built-up area)").format(
                     kernen_year)}
        for name, frame in layers.frames.items():
            feedback.pushInfo(self.tr("{0}: {1} features; source: {2}").format(
                name, len(frame), layers.credits[name]))
            if context.project() is not None:
                context.addLayerToLoadOnCompletion(f"{path}|layername={name}", QgsProcessingContext.LayerDetails(
                    names[name], context.project(), self.OUTPUT, QgsProcessingUtils.LayerHint.Vector))
        return {self.OUTPUT: path, self.MUNICIPALITY_COUNT: len(selection.municipalities)}


def _service(key: str, year: int) -> str:
    return settings.service_url(key).replace("{year}", str(year)).rstrip("/")
