"""Adds site assessments to a layer: a new memory layer, or a layer the user chooses."""
import datetime
from typing import List, Sequence, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature,
                       QgsGeometry, QgsProject, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import site_assessment as sa
from ..core.geometry import WORKING_CRS
from ..core.rules import class_label, location_rules
from ..bridge.language import user_language
from ..bridge.values import make_fields, qgis_value
from .styles import style_by_location_class

POLYGON, POINT = "polygon", "point"


def tr(text: str) -> str:
    return QCoreApplication.translate("ResultsLayer", text)


def field_spec(assessments: Sequence[sa.SiteAssessment]) -> List[Tuple[str, str]]:
    """(name, kind) of every result field, in card order."""
    spec = [("site_id", "string"), ("site_name", "string"), ("location_label", "string")]
    seen = {name for name, _ in spec}
    for assessment in assessments:
        for section in assessment.sections:
            for row in section.rows:
                if row.key not in seen:
                    seen.add(row.key)
                    spec.append((row.key, sa.KIND_FIELD_TYPES[row.kind]))
    spec.append(("assessed_on", "date"))
    return spec


def geometry_kind(assessment: sa.SiteAssessment) -> str:
    geometry = assessment.geometry
    return POINT if geometry is not None and geometry.geom_type in ("Point", "MultiPoint") else POLYGON


def new_results_layer(kind: str, assessments: Sequence[sa.SiteAssessment]) -> QgsVectorLayer:
    """A memory layer in EPSG:28992 with the result fields, styled by location class."""
    wkb = "MultiPoint" if kind == POINT else "MultiPolygon"
    name = tr("Site assessments (points)") if kind == POINT else tr("Site assessments")
    layer = QgsVectorLayer(f"{wkb}?crs={WORKING_CRS}", name, "memory")
    layer.dataProvider().addAttributes(list(make_fields(field_spec(assessments))))
    layer.updateFields()
    style_by_location_class(layer)
    return layer


def compatible(layer: QgsVectorLayer, kind: str) -> bool:
    geometry_type = QgsWkbTypes.geometryType(layer.wkbType())
    wanted = (QgsWkbTypes.GeometryType.PointGeometry if kind == POINT
              else QgsWkbTypes.GeometryType.PolygonGeometry)
    return geometry_type == wanted


def add_assessments(layer: QgsVectorLayer, assessments: Sequence[sa.SiteAssessment]) -> int:
    """Adds one feature per assessment with a geometry; returns how many were added.

    Fields are matched by name, so a layer of the user's own with only some of the
    result fields receives those. A layer in edit mode gets the features in its edit
    buffer (the user saves them); otherwise they are saved at once.
    """
    rules = location_rules()
    language = user_language()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(WORKING_CRS), layer.crs(),
                                       QgsProject.instance())
    fields = layer.fields()
    multi = QgsWkbTypes.isMultiType(layer.wkbType())
    today = datetime.date.today()
    features = []
    for assessment in assessments:
        if assessment.geometry is None:
            continue
        values = {"site_id": str(assessment.site_id), "site_name": assessment.name,
                  "location_label": class_label(rules, assessment.location_class, language),
                  "assessed_on": today}
        values.update(assessment.values())
        feature = QgsFeature(fields)
        for name, value in values.items():
            index = fields.indexOf(name)
            if index >= 0:
                feature.setAttribute(index, qgis_value(value))
        geometry = QgsGeometry()
        geometry.fromWkb(assessment.geometry.wkb)
        geometry.transform(transform)
        if multi:
            geometry.convertToMultiType()
        else:
            geometry.convertToSingleType()
        feature.setGeometry(geometry)
        features.append(feature)
    if not features:
        return 0
    if layer.dataProvider().name() == "memory" and not layer.isEditable():
        added, _ = layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        layer.triggerRepaint()
        return len(features) if added else 0
    if layer.isEditable():
        return len(features) if layer.addFeatures(features) else 0
    layer.startEditing()
    if not layer.addFeatures(features) or not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise RuntimeError(errors or tr("the layer did not accept the features"))
    return len(features)
