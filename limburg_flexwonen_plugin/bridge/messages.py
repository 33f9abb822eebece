"""Input problems in the user's language.

The core raises ``InputError`` with an English text and, apart from it, the layer,
feature and field the problem is in. Here the place is put in the user's words
("laag 'x', object 12, veld 'bedden'") and the text gets its translation when it is one
of the fixed texts below (marked for the translation file); a text the core composes
from values (numbers, names) stays as the core wrote it. In English the message is the
core's own, word for word.
"""
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.errors import describe
from ..core.field_mapping import MissingFieldsError, missing_text

# Every fixed text of an InputError in the plugin (tests/test_translations.py checks
# that none is missing).
FIXED_TEXTS = (
    QT_TRANSLATE_NOOP("InputError", 'the raster has no coordinate reference system'),
    QT_TRANSLATE_NOOP("InputError", 'persons per job must be above 0'),
    QT_TRANSLATE_NOOP("InputError", 'no businesses given'),
    QT_TRANSLATE_NOOP("InputError", 'no distance bands given'),
    QT_TRANSLATE_NOOP("InputError", 'every distance band has weight 0: nothing is within reach'),
    QT_TRANSLATE_NOOP("InputError", 'the decay distance and the minimum distance must be above '
                                    '0 km'),
    QT_TRANSLATE_NOOP("InputError", 'field not found'),
    QT_TRANSLATE_NOOP("InputError", 'negative number of jobs'),
    QT_TRANSLATE_NOOP("InputError", 'the extra labour migrants decrease over the years'),
    QT_TRANSLATE_NOOP("InputError", 'no feature has a usable polygon geometry'),
    QT_TRANSLATE_NOOP("InputError", 'the layer has no features'),
    QT_TRANSLATE_NOOP("InputError", 'the layer has no coordinate reference system; set one in '
                                    'the layer properties (for Dutch data usually EPSG:28992)'),
    QT_TRANSLATE_NOOP("InputError", 'the feature has an invalid geometry'),
    QT_TRANSLATE_NOOP("InputError", "the layer mixes geometry types (GeometryCollections among "
                                    "them) and QGIS reads it without a coordinate reference "
                                    "system; add the file again and choose the polygon or point "
                                    "part when QGIS asks, or split it with 'Multipart to "
                                    "singleparts'"),
    QT_TRANSLATE_NOOP("InputError", 'no municipality has a usable geometry'),
    QT_TRANSLATE_NOOP("InputError", 'no feature has a usable geometry'),
    QT_TRANSLATE_NOOP("InputError", 'the coordinates cannot be converted to EPSG:28992; check '
                                    "the layer's CRS"),
    QT_TRANSLATE_NOOP("InputError", 'negative number of beds'),
    QT_TRANSLATE_NOOP("InputError", 'the shares per stay category add up to 0: there is no demand'),
    QT_TRANSLATE_NOOP("InputError", 'no municipality code'),
    QT_TRANSLATE_NOOP("InputError", 'the table has no rows'),
    QT_TRANSLATE_NOOP("InputError", 'negative number of labour migrants'),
    QT_TRANSLATE_NOOP("InputError", 'weights must be finite and not negative'),
    QT_TRANSLATE_NOOP("InputError", 'weights add up to 0'),
    QT_TRANSLATE_NOOP("InputError", 'the user-defined scenario needs a year'),
    QT_TRANSLATE_NOOP("InputError", 'the user-defined scenario needs a province total above 0'),
    QT_TRANSLATE_NOOP("InputError", 'no year'),
    QT_TRANSLATE_NOOP("InputError", 'the table has no year field; give the base year of its '
                                    'figures'),
    QT_TRANSLATE_NOOP("InputError", 'nothing to divide the total over'),
    QT_TRANSLATE_NOOP("InputError", 'no municipality with a geometry and a region'),
    QT_TRANSLATE_NOOP("InputError", 'the layout has no atlas to export'),
    QT_TRANSLATE_NOOP("InputError", 'the atlas has no features: nothing to export'),
    QT_TRANSLATE_NOOP("InputError", 'no municipality has a region'),
    QT_TRANSLATE_NOOP("InputError", 'no site has a usable geometry: no report to make'),
    QT_TRANSLATE_NOOP("InputError", 'no raster given'),
    QT_TRANSLATE_NOOP("InputError", 'only file-based (GDAL) rasters can be read'),
    QT_TRANSLATE_NOOP("InputError", 'no business layer given'),
    QT_TRANSLATE_NOOP("InputError", 'no labour-migrant table given'),
    QT_TRANSLATE_NOOP("InputError", 'a demand table gives the demand of its own year; use it '
                                    'with the current scenario'),
    QT_TRANSLATE_NOOP("InputError", 'the table has no rows; leave the sector table empty to use '
                                    'the shipped one'),
    QT_TRANSLATE_NOOP("InputError", 'no input layer given'),
    QT_TRANSLATE_NOOP("InputError", 'no stays table given'),
    QT_TRANSLATE_NOOP("InputError", 'choose a field for every required input'),
    QT_TRANSLATE_NOOP("InputError", 'no candidate sites layer given'),
    QT_TRANSLATE_NOOP("InputError", 'no built-up area layer given'),
    QT_TRANSLATE_NOOP("InputError", 'the streamed mode writes a GeoPackage: choose a .gpkg file'),
    QT_TRANSLATE_NOOP("InputError", 'the streamed mode reads a layer stored in a GeoPackage '
                                    "(.gpkg); save the layer as a GeoPackage or use 'Classify "
                                    "candidate sites by built-up area'"),
    QT_TRANSLATE_NOOP("InputError", 'the streamed mode reads the whole layer and cannot apply '
                                    "its filter; remove the filter or use 'Classify candidate "
                                    "sites by built-up area'"),
    QT_TRANSLATE_NOOP("InputError", 'cannot create the output'),
    QT_TRANSLATE_NOOP("InputError", 'no PDF file given'),
    QT_TRANSLATE_NOOP("InputError", 'no layer given'),
    QT_TRANSLATE_NOOP("InputError", 'no municipalities layer given'),
    QT_TRANSLATE_NOOP("InputError", 'no field with the number of beds (planned_beds or beds); '
                                    'choose the beds field'),
    QT_TRANSLATE_NOOP("InputError", 'the site context needs the municipalities layer'),
    QT_TRANSLATE_NOOP("InputError", 'the site context needs the labour-migrant table'),
    QT_TRANSLATE_NOOP("InputError", "the streamed classification reads the file with the Python "
                                    "package pyogrio, which QGIS's Python lacks; install it from "
                                    "your QGIS distribution's packages (OSGeo4W: python3-pyogrio; "
                                    "Debian/Ubuntu: python3-pyogrio) or use 'Classify candidate "
                                    "sites by built-up area'"),
    QT_TRANSLATE_NOOP("InputError", 'the service sent something that is not a GeoJSON feature'),
    QT_TRANSLATE_NOOP("InputError", 'the service sent a geometry that cannot be read'),
    QT_TRANSLATE_NOOP("InputError", 'choose a province or municipalities'),
    QT_TRANSLATE_NOOP("InputError", 'no municipality lies in the chosen area'),
    QT_TRANSLATE_NOOP("InputError", 'the official data are written to a GeoPackage: choose a '
                                    '.gpkg file'),
)


def user_message(error) -> str:
    """The message of an ``InputError`` in the user's language."""
    if isinstance(error, MissingFieldsError):
        return missing_fields_message(error)
    words = {"layer": QCoreApplication.translate("InputError", "layer '{0}'"),
             "feature": QCoreApplication.translate("InputError", "feature {0}"),
             "field": QCoreApplication.translate("InputError", "field '{0}'")}
    return describe(QCoreApplication.translate("InputError", error.detail),
                    error.layer, error.feature, error.field, words)


def missing_fields_message(error: MissingFieldsError) -> str:
    """Every missing field of every layer, with the chooser or parameter to set it in."""
    words = {"heading": QCoreApplication.translate("FieldMapping", "Required fields not found."),
             "layer": QCoreApplication.translate("FieldMapping", "Layer '{0}': {1}."),
             "chosen": QCoreApplication.translate("FieldMapping",
                                                  "{0} (the chosen field '{1}' does not exist)"),
             "tried": QCoreApplication.translate("FieldMapping", "{0} (none of {1})"),
             "where": QCoreApplication.translate("FieldMapping", "— choose it in '{0}'")}
    return missing_text(error.missing, words, field_label)


def field_label(text: str) -> str:
    """A logical field's label (marked in ``core.field_mapping``) in the user's language."""
    return QCoreApplication.translate("FieldMapping", text)
