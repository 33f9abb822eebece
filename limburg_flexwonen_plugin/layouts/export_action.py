"""The toolbar action "Export maps and reports": the three export algorithms for the
current project, with their layers filled in from the project's layers.

The action opens a small menu (province overview, atlas, site reports); each entry opens
the Processing dialog of its algorithm with the layers it recognises already chosen, so
the user checks and runs it (and sees its progress) as with any algorithm. When more
than one project layer fits an input, a small dialog asks which one first.
"""
from typing import Dict, List, Optional

from qgis.core import (QgsFeatureRequest, QgsMapLayer, QgsProcessingFeatureSourceDefinition,
                       QgsProject, QgsWkbTypes)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QCursor
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                                 QMenu)

from ..core.field_mapping import detect
from ..processing.export.export_atlas import ExportAtlasAlgorithm
from ..processing.export.export_province_overview import ExportProvinceOverviewAlgorithm
from ..processing.export.export_site_reports import ExportSiteReportsAlgorithm
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


def _finds(layer, *keys) -> bool:
    """Whether the layer has a field for each logical field (our names, CBS/PDOK and
    Dutch ones: ``core.field_mapping``)."""
    names = layer.fields().names()
    return all(detect(names, key) for key in keys)


def _first_value(layer, field: str):
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setLimit(1)
    request.setSubsetOfAttributes([field], layer.fields())
    for feature in layer.getFeatures(request):
        return feature[field]
    return None


def candidate_layers(project: QgsProject) -> Dict[str, List[object]]:
    """Every project layer each export input can use, recognised by its fields, in the
    order of the project.

    municipalities: polygons with a municipality name and region (housing gap outputs
    first); regions: the housing gap's region layer; accommodations: points with beds and
    status; builtup: polygons with a kern name; sites: points or polygons with planned beds
    or a site id.
    """
    found: Dict[str, List[object]] = {}
    plain_municipalities = []
    polygon = QgsWkbTypes.GeometryType.PolygonGeometry
    point = QgsWkbTypes.GeometryType.PointGeometry
    for layer in _vector_layers(project):
        kind = _geometry(layer)
        if kind == polygon and _has(layer, "region") and gap_fields.has_gap(layer) and \
                _has(layer, "level") and _first_value(layer, "level") in ("region", "province"):
            found.setdefault("regions", []).append(layer)
        elif kind == polygon and _finds(layer, "municipality_code", "municipality_name", "region"):
            if gap_fields.has_gap(layer):
                found.setdefault("municipalities", []).append(layer)
            else:
                plain_municipalities.append(layer)
        elif kind == point and _finds(layer, "beds", "status"):
            found.setdefault("accommodations", []).append(layer)
        elif kind == polygon and _finds(layer, "kern_name") and not _sites_layer(layer):
            found.setdefault("builtup", []).append(layer)
        if kind in (polygon, point) and _sites_layer(layer) and not _finds(layer, "beds", "status"):
            found.setdefault("sites", []).append(layer)
    if plain_municipalities:
        found.setdefault("municipalities", []).extend(plain_municipalities)
    return found


def find_layers(project: QgsProject) -> Dict[str, object]:
    """The first layer that fits each input (``candidate_layers``)."""
    return {role: layers[0] for role, layers in candidate_layers(project).items()}


# The inputs of each export, as (parameter, role).
EXPORT_INPUTS = {
    PROVINCE_OVERVIEW: ((ExportProvinceOverviewAlgorithm.MUNICIPALITIES, "municipalities"),
                        (ExportProvinceOverviewAlgorithm.ACCOMMODATIONS, "accommodations"),
                        (ExportProvinceOverviewAlgorithm.REGIONS, "regions")),
    ATLAS: ((ExportAtlasAlgorithm.MUNICIPALITIES, "municipalities"),
            (ExportAtlasAlgorithm.ACCOMMODATIONS, "accommodations"),
            (ExportAtlasAlgorithm.REGIONS, "regions"), (ExportAtlasAlgorithm.BUILTUP, "builtup")),
    SITE_REPORTS: ((ExportSiteReportsAlgorithm.CLASSIFICATION.MUNICIPALITIES, "municipalities"),
                   (ExportSiteReportsAlgorithm.CLASSIFICATION.BUILTUP, "builtup"),
                   (ExportSiteReportsAlgorithm.SITES, "sites")),
}
ROLE_LABELS = {
    "municipalities": QT_TRANSLATE_NOOP("ExportAction", "Municipalities"),
    "accommodations": QT_TRANSLATE_NOOP("ExportAction", "Accommodations"),
    "regions": QT_TRANSLATE_NOOP("ExportAction", "Regions"),
    "builtup": QT_TRANSLATE_NOOP("ExportAction", "Built-up area"),
    "sites": QT_TRANSLATE_NOOP("ExportAction", "Candidate sites"),
}


def _sites_layer(layer) -> bool:
    return layer is not None and layer.type() == QgsMapLayer.LayerType.VectorLayer and \
        (_finds(layer, "planned_beds") or _finds(layer, "site_id"))


def layer_choices(algorithm_id: str, project: QgsProject, active_layer=None) -> Dict[str, List[object]]:
    """The inputs of an export that more than one project layer fits: the user is asked
    which to use rather than the first being taken (the active sites layer is no
    question)."""
    candidates = candidate_layers(project)
    choices = {}
    for _, role in EXPORT_INPUTS[algorithm_id]:
        if role == "sites" and _sites_layer(active_layer):
            continue
        if len(candidates.get(role, [])) > 1:
            choices[role] = candidates[role]
    return choices


def dialog_parameters(algorithm_id: str, project: QgsProject, active_layer=None,
                      chosen: Optional[Dict[str, object]] = None) -> Dict[str, object]:
    """Parameters to open an export's dialog with, from the project's layers: the layer
    ``chosen`` for an input, else the only (or first) one that fits.

    For the site reports the active layer is used when it holds sites, with only its
    selected features when some are selected.
    """
    layers = find_layers(project)
    layers.update(chosen or {})
    parameters: Dict[str, object] = {}
    for parameter, role in EXPORT_INPUTS[algorithm_id]:
        if role != "sites" and role in layers:
            parameters[parameter] = layers[role].id()
    if algorithm_id == SITE_REPORTS:
        sites: Optional[object] = active_layer if _sites_layer(active_layer) else layers.get("sites")
        if sites is not None:
            parameters[ExportSiteReportsAlgorithm.SITES] = (
                QgsProcessingFeatureSourceDefinition(sites.id(), True)
                if sites.selectedFeatureCount() else sites.id())
            site_id = detect(sites.fields().names(), "site_id")
            if site_id:
                parameters[ExportSiteReportsAlgorithm.SITE_ID_FIELD] = site_id
    return parameters


class LayerChoiceDialog(QDialog):
    """Which layer to use, for each input that several project layers fit."""

    def __init__(self, choices: Dict[str, List[object]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Which layers should the export use?"))
        form = QFormLayout(self)
        form.addRow(QLabel(tr("More than one layer in the project fits these inputs.")))
        self.boxes: Dict[str, QComboBox] = {}
        for role, layers in choices.items():
            box = QComboBox(self)
            for layer in layers:
                box.addItem(layer.name(), layer)
            form.addRow(QCoreApplication.translate("ExportAction", ROLE_LABELS[role]), box)
            self.boxes[role] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> Dict[str, object]:
        return {role: box.currentData() for role, box in self.boxes.items()}


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
        """Asks first which layers to use when several fit an input (a window-modal
        question, no nested event loop), then opens the algorithm's dialog with them;
        nothing when the question is cancelled."""
        choices = layer_choices(algorithm_id, QgsProject.instance(), self.iface.activeLayer())
        if not choices:
            self._open_algorithm(algorithm_id, {})
            return None
        question = LayerChoiceDialog(choices, self.iface.mainWindow())
        question.accepted.connect(lambda: self._open_algorithm(algorithm_id, question.chosen()))
        question.finished.connect(question.deleteLater)
        question.open()
        return question

    def _open_algorithm(self, algorithm_id: str, chosen: Dict[str, object]):
        from processing import execAlgorithmDialog
        execAlgorithmDialog(algorithm_id, dialog_parameters(
            algorithm_id, QgsProject.instance(), self.iface.activeLayer(), chosen))
