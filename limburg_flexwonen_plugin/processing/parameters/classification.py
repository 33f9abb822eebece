"""The classification's parameters, shared by every algorithm that classifies sites
('Classify candidate sites', the streamed variant and the site reports), so that they
are declared, defaulted (from the user's settings) and read in one place: the block
``ClassificationBlock``."""
from typing import Dict, Optional

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber
from qgis.PyQt.QtCore import QCoreApplication

from ...core.classify_sites import ClassificationParameters, MunicipalityFields
from ...core.errors import InputError
from ...core.site_assessment import AssessmentInputs
from ...bridge.settings import classification_defaults
from .block import given
from .fields import field_parameter

BUILTUP = "BUILTUP"
KERN_NAME_FIELD = "KERN_NAME_FIELD"
EDGE_DISTANCE = "EDGE_DISTANCE"
MIN_INSIDE_SHARE = "MIN_INSIDE_SHARE"
MUNICIPALITIES = "MUNICIPALITIES"
MUNICIPALITY_CODE_FIELD = "MUNICIPALITY_CODE_FIELD"
MUNICIPALITY_NAME_FIELD = "MUNICIPALITY_NAME_FIELD"
REGION_FIELD = "REGION_FIELD"


def tr(text: str) -> str:
    return QCoreApplication.translate("ClassificationParameters", text)


def _add_builtup(algorithm) -> None:
    """The built-up area and the field naming its kernen."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        BUILTUP, tr("Built-up area"), [QgsProcessing.SourceType.TypeVectorPolygon]))
    algorithm.addParameter(field_parameter(KERN_NAME_FIELD, tr("Kern name field"), BUILTUP,
                                           "kern_name"))


def _add_rules(algorithm) -> None:
    """Edge distance and minimum inside share, defaulting to the user's settings
    (Settings › Options › Flexwonen Limburg)."""
    defaults = classification_defaults()
    algorithm.addParameter(QgsProcessingParameterNumber(
        EDGE_DISTANCE, tr("Edge distance (m)"), QgsProcessingParameterNumber.Type.Double,
        defaultValue=defaults.edge_distance_m, minValue=0.0, maxValue=10000.0))
    algorithm.addParameter(QgsProcessingParameterNumber(
        MIN_INSIDE_SHARE, tr("Minimum share inside for 'inside' (0–1)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=defaults.min_inside_share,
        minValue=0.01, maxValue=1.0))


def _add_municipalities(algorithm) -> None:
    """The optional municipalities layer and its code, name and region fields."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        MUNICIPALITIES, tr("Municipalities"), [QgsProcessing.SourceType.TypeVectorPolygon],
        optional=True))
    for name, label, key, required in (
            (MUNICIPALITY_CODE_FIELD, tr("Municipality code field"), "municipality_code", True),
            (MUNICIPALITY_NAME_FIELD, tr("Municipality name field"), "municipality_name", False),
            (REGION_FIELD, tr("Region field"), "region", False)):
        algorithm.addParameter(field_parameter(name, label, MUNICIPALITIES, key, required=required))


def _rules(algorithm, parameters, context) -> ClassificationParameters:
    return ClassificationParameters(algorithm.parameterAsDouble(parameters, EDGE_DISTANCE, context),
                                    algorithm.parameterAsDouble(parameters, MIN_INSIDE_SHARE, context))


def _municipality_fields(algorithm, parameters, context) -> MunicipalityFields:
    """The fields as found by the field parameters (name and region may be absent)."""
    return MunicipalityFields(
        algorithm.parameterAsString(parameters, MUNICIPALITY_CODE_FIELD, context) or None,
        algorithm.parameterAsString(parameters, MUNICIPALITY_NAME_FIELD, context) or None,
        algorithm.parameterAsString(parameters, REGION_FIELD, context) or None)


class ClassificationBlock:
    """The built-up area, the rule values and the municipalities of an algorithm that
    assesses sites; ``rules_last``: the rule values after the municipalities."""
    # Its layer parameters' names, for those who fill them in (the GUI).
    BUILTUP = BUILTUP
    MUNICIPALITIES = MUNICIPALITIES

    def __init__(self, rules_last: bool = False):
        self.rules_last = rules_last

    def add(self, algorithm) -> None:
        _add_builtup(algorithm)
        if not self.rules_last:
            _add_rules(algorithm)
        _add_municipalities(algorithm)
        if self.rules_last:
            _add_rules(algorithm)

    @staticmethod
    def values(builtup=None, kern_name_field: Optional[str] = None,
               rules: Optional[ClassificationParameters] = None, municipalities=None,
               fields: Optional[MunicipalityFields] = None) -> Dict[str, object]:
        """Parameter values for these parameters (for the GUI, which runs the algorithms);
        what is None is left to the algorithm's default."""
        values = {BUILTUP: builtup, KERN_NAME_FIELD: kern_name_field, MUNICIPALITIES: municipalities}
        if rules is not None:
            values.update({EDGE_DISTANCE: rules.edge_distance_m, MIN_INSIDE_SHARE: rules.min_inside_share})
        if fields is not None:
            values.update({MUNICIPALITY_CODE_FIELD: fields.code, MUNICIPALITY_NAME_FIELD: fields.name,
                           REGION_FIELD: fields.region})
        return given(values)

    @staticmethod
    def read(algorithm, parameters, context, read, municipal_fields=()) -> AssessmentInputs:
        """The built-up area, the municipalities (with ``municipal_fields`` besides code,
        name and region) and the rule values as the site assessment's inputs, without norm
        check or site context (their blocks add them). ``read(name, source, layer, fields)``
        reads one layer parameter the way the algorithm reads its layers."""
        source = algorithm.parameterAsSource(parameters, BUILTUP, context)
        if source is None:
            raise InputError("no built-up area layer given", layer=tr("Built-up area"))
        builtup_name = algorithm.layer_name(parameters, BUILTUP, context, tr("Built-up area"))
        kern_field = algorithm.parameterAsString(parameters, KERN_NAME_FIELD, context) or None
        builtup = read(BUILTUP, source, builtup_name, [kern_field] if kern_field else [])
        municipalities, fields, muni_name = None, MunicipalityFields(), "municipalities"
        source = algorithm.parameterAsSource(parameters, MUNICIPALITIES, context)
        if source is not None:
            muni_name = algorithm.layer_name(parameters, MUNICIPALITIES, context, tr("Municipalities"))
            fields = _municipality_fields(algorithm, parameters, context)
            municipalities = read(MUNICIPALITIES, source, muni_name,
                                  [fields.code, fields.name, fields.region] + list(municipal_fields))
        return AssessmentInputs(
            builtup=builtup, municipalities=municipalities,
            parameters=_rules(algorithm, parameters, context), kern_name_field=kern_field,
            municipality_fields=fields, norm_set=None, planned_beds_field=None, stay_field=None,
            builtup_layer=builtup_name, municipalities_layer=muni_name)
