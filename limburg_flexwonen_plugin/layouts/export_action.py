"""The toolbar action "Export maps and reports": the three export algorithms for the
current project, with their layers filled in from the project's layers.

The action opens a small menu (province overview, atlas, site reports); each entry opens
the Processing dialog of its algorithm with the layers it recognises already chosen, so
the user checks and runs it (and sees its progress) as with any algorithm.
"""
from typing import Dict, Optional

from qgis.core import (QgsFeatureRequest, QgsMapLayer, QgsProcessingFeatureSourceDefinition,
                       QgsProject, QgsWkbTypes)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QCursor
from qgis.PyQt.QtWidgets import QMenu

from . import gap_fields

PROVINCE_OVERVIEW = "flexwonen:exportprovinceoverview"
ATLAS = "flexwonen:exportatlas"
SITE_REPORTS = "flexwonen:exportsitereports"


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportAction", text)


def _vector_layers(project):
    # QgsMapLayer.LayerType, not QgsMapLayerType: the former is on QGIS 3.22 and stays in QGIS 4.
    return [layer for layer in project.mapLayers().values()
            if layer.type() == QgsMapLayer.LayerType.VectorLayer and layer.isValid()]


def _geometry(layer):
    return QgsWkbTypes.geometryType(layer.wkbType())


def _has(layer, *names) -> bool:
    fields = set(layer.fields().names())
    return all(name in fields for name in names)


def _first_value(layer, field: str):
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setLimit(1)
    request.setSubsetOfAttributes([field], layer.fields())
    for feature in layer.getFeatures(request):
        return feature[field]
    return None


def find_layers(project: QgsProject) -> Dict[str, object]:
    """The project's layers the exports can use, recognised by their fields.

    municipalities: polygons with a municipality name and region (a housing gap output
    first); regions: the housing gap's region layer; accommodations: points with beds and
    status; builtup: polygons with a kern name; sites: points or polygons with planned beds
    or a site id.
    """
    found: Dict[str, object] = {}
    polygon = QgsWkbTypes.GeometryType.PolygonGeometry
    point = QgsWkbTypes.GeometryType.PointGeometry
    for layer in _vector_layers(project):
        kind = _geometry(layer)
        if kind == polygon and _has(layer, "region") and gap_fields.has_gap(layer) and \
                _has(layer, "level") and _first_value(layer, "level") in ("region", "province"):
            found.setdefault("regions", layer)
        elif kind == polygon and _has(layer, "gm_name", "region"):
            if gap_fields.has_gap(layer):
                found["municipalities"] = layer
            else:
                found.setdefault("municipalities_plain", layer)
        elif kind == point and _has(layer, "beds", "status"):
            found.setdefault("accommodations", layer)
        elif kind == polygon and _has(layer, "kern_name"):
            found.setdefault("builtup", layer)
        if kind in (polygon, point) and (_has(layer, "planned_beds") or _has(layer, "site_id")) \
                and not _has(layer, "beds", "status"):
            found.setdefault("sites", layer)
    if "municipalities" not in found and "municipalities_plain" in found:
        found["municipalities"] = found["municipalities_plain"]
    found.pop("municipalities_plain", None)
    return found


def dialog_parameters(algorithm_id: str, project: QgsProject, active_layer=None) -> Dict[str, object]:
    """Parameters to open an export's dialog with, from the project's layers.

    For the site reports the active layer is used when it holds sites, with only its
    selected features when some are selected.
    """
    layers = find_layers(project)
    parameters: Dict[str, object] = {}

    def put(name, key):
        if key in layers:
            parameters[name] = layers[key].id()

    put("MUNICIPALITIES", "municipalities")
    put("ACCOMMODATIONS", "accommodations")
    if algorithm_id in (PROVINCE_OVERVIEW, ATLAS):
        put("REGIONS", "regions")
    if algorithm_id in (ATLAS, SITE_REPORTS):
        put("BUILTUP", "builtup")
    if algorithm_id == SITE_REPORTS:
        parameters.pop("ACCOMMODATIONS", None)
        sites: Optional[object] = layers.get("sites")
        if active_layer is not None and active_layer.type() == QgsMapLayer.LayerType.VectorLayer and \
                (_has(active_layer, "planned_beds") or _has(active_layer, "site_id")):
            sites = active_layer
        if sites is not None:
            parameters["SITES"] = (QgsProcessingFeatureSourceDefinition(sites.id(), True)
                                   if sites.selectedFeatureCount() else sites.id())
            if _has(sites, "site_id"):
                parameters["SITE_ID_FIELD"] = "site_id"
    return parameters


class ExportAction:
    """Shows the export menu and opens the chosen algorithm's dialog."""

    def __init__(self, iface):
        self.iface = iface

    def entries(self):
        return ((tr("Province overview map (PDF/PNG)…"), PROVINCE_OVERVIEW),
                (tr("Atlas per region and municipality (PDF/PNG)…"), ATLAS),
                (tr("Site assessment reports (PDF/PNG)…"), SITE_REPORTS))

    def show_menu(self):
        """Pops the menu up at the cursor without a nested event loop; the chosen entry
        opens its dialog."""
        menu = QMenu(self.iface.mainWindow())
        for text, algorithm_id in self.entries():
            menu.addAction(text).setData(algorithm_id)
        menu.triggered.connect(lambda action: self.open_dialog(action.data()))
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(QCursor.pos())
        return menu

    def open_dialog(self, algorithm_id: str):
        from processing import execAlgorithmDialog
        execAlgorithmDialog(algorithm_id, dialog_parameters(algorithm_id, QgsProject.instance(),
                                                            self.iface.activeLayer()))
