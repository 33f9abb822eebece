"""The candidate sites and their id field: the first parameters of the algorithms that
assess sites ('Classify candidate sites' and the site reports)."""
from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterField
from qgis.PyQt.QtCore import QCoreApplication

from ...core.errors import InputError

SITES = "SITES"
SITE_ID_FIELD = "SITE_ID_FIELD"


def tr(text: str) -> str:
    return QCoreApplication.translate("SitesBlock", text)


@dataclass
class SitesInput:
    source: object               # the feature source (read it the way the algorithm reads layers)
    layer: str                   # the layer's name, for messages
    id_field: Optional[str]      # None: the sites are numbered


class SitesBlock:
    """A point or polygon layer of candidate sites and its optional id field."""

    def add(self, algorithm) -> None:
        algorithm.addParameter(QgsProcessingParameterFeatureSource(
            SITES, tr("Candidate sites"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]))
        algorithm.addParameter(QgsProcessingParameterField(
            SITE_ID_FIELD, tr("Site id field"), parentLayerParameterName=SITES, optional=True))

    @staticmethod
    def read(algorithm, parameters, context) -> SitesInput:
        source = algorithm.parameterAsSource(parameters, SITES, context)
        if source is None:
            raise InputError("no candidate sites layer given", layer=tr("Candidate sites"))
        return SitesInput(source, algorithm.layer_name(parameters, SITES, context, tr("Candidate sites")),
                          algorithm.parameterAsString(parameters, SITE_ID_FIELD, context) or None)
