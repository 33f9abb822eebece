"""Housing effect of a business for a point clicked on the map.

A toolbar action (business_effect_action.py) opens a small dialog and a map tool: click
the business's location, type its jobs and share of labour migrants, choose the layers, and
**Run**. The Processing algorithm ``flexwonen:businesseffect`` runs in the background
(business_effect_run.py); its layers are loaded into the project and the PDF report can be
opened from the dialog. Every figure comes from the algorithm (and so from
``core.business_effect``); **Open in Processing…** shows the same run in the algorithm's
own dialog, with every parameter (field mappings, bands, the demand model).
"""
import datetime
import tempfile
from pathlib import Path
from typing import Dict, Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry,
                       QgsMapLayer, QgsMapLayerProxyModel, QgsPointXY, QgsProcessing,
                       QgsProcessingOutputLayerDefinition, QgsProject, QgsVectorLayer)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import QCoreApplication, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                                 QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout)

from ..core.scenarios import SCENARIO_KEYS
from ..processing.business.business_effect import BusinessEffectAlgorithm
from .business_effect_run import ALGORITHM_ID, BusinessEffectRun

RD = "EPSG:28992"
EFFECT = BusinessEffectAlgorithm
OUTPUTS = (EFFECT.BUSINESSES_OUTPUT, EFFECT.PHASING_OUTPUT, EFFECT.ALLOCATION_OUTPUT,
           EFFECT.MUNICIPALITIES_OUTPUT, EFFECT.REGIONS_OUTPUT, EFFECT.REACH_OUTPUT)
# Layer names the demo data and common Dutch data use, to preselect the choosers.
LAYER_HINTS = {
    "municipalities": ("municipalities", "gemeenten", "gemeente"),
    "migrants": ("labour_migrants", "arbeidsmigranten"),
    "accommodations": ("accommodations", "huisvesting", "accommodaties"),
    "builtup": ("builtup", "bebouwd", "bbg", "kernen"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("BusinessEffectDialog", text)


class PointTool(QgsMapToolEmitPoint):
    """Emits the clicked point in EPSG:28992."""
    picked = pyqtSignal(QgsPointXY)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.canvas = canvas

    def canvasReleaseEvent(self, event):  # noqa: N802 (QGIS's name)
        point = self.toMapCoordinates(event.pos())
        transform = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(),
                                           QgsCoordinateReferenceSystem(RD), QgsProject.instance())
        self.picked.emit(QgsPointXY(transform.transform(point)))


class BusinessEffectDialog(QDialog):
    """Business location (clicked), jobs, share and reach; runs the algorithm in a task."""
    finished_run = pyqtSignal(bool, str)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("FlexwonenLimburg_business_effect_dialog")
        self.setWindowTitle(tr("Housing effect of a business"))
        self.location: Optional[QgsPointXY] = None
        self.algorithm_run = BusinessEffectRun(self)
        self.algorithm_run.executed.connect(self._executed)
        self.business_layer = None
        self.results: Dict = {}
        self.report_path: Optional[Path] = None
        canvas = iface.mapCanvas() if iface is not None else None
        self.map_tool = PointTool(canvas) if canvas is not None else None
        if self.map_tool is not None:
            self.map_tool.picked.connect(self.set_location)
        self._build()

    # ------------------------------------------------------------------ widgets

    def _build(self):
        this_year = datetime.date.today().year
        layout = QVBoxLayout(self)
        form = QFormLayout()
        location_row = QHBoxLayout()
        self.location_label = QLabel(tr("Click the business's location on the map."))
        self.pick_button = QPushButton(tr("Pick on map"))
        self.pick_button.clicked.connect(self.pick_on_map)
        location_row.addWidget(self.location_label, 1)
        location_row.addWidget(self.pick_button)
        form.addRow(tr("Location"), location_row)
        self.name_edit = QLineEdit(tr("New business"))
        form.addRow(tr("Name"), self.name_edit)
        self.jobs_now = self._spin(0, 0, 1_000_000)
        self.year_now = self._spin(this_year, 1900, 2100)
        self.jobs_full = self._spin(100, 0, 1_000_000)
        self.year_full = self._spin(this_year + 3, 1900, 2100)
        form.addRow(tr("Jobs now / current year"), self._pair(self.jobs_now, self.year_now))
        form.addRow(tr("Jobs at full operation / year"), self._pair(self.jobs_full, self.year_full))
        self.share = self._double(50.0, 0.0, 100.0, " %")
        form.addRow(tr("Share of labour migrants (assumption)"), self.share)
        self.radius = self._double(20.0, 0.1, 200.0, " km")
        form.addRow(tr("Commuting radius"), self.radius)
        self.method = QComboBox()
        self.method.addItems([tr("Distance decay"), tr("Population (inhabitants)"),
                              tr("Available planned supply")])
        form.addRow(tr("Allocation"), self.method)
        self.scenario = QComboBox()
        self.scenario.addItems([tr("Current (the table's latest year)"), tr("2030 low"), tr("2030 high")])
        form.addRow(tr("Housing gap scenario"), self.scenario)
        self.layers = {}
        for key, label, kind, optional in (
                ("municipalities", tr("Municipalities"), QgsMapLayerProxyModel.Filter.PolygonLayer, False),
                ("migrants", tr("Labour migrants (table)"), QgsMapLayerProxyModel.Filter.VectorLayer, False),
                ("accommodations", tr("Accommodations"),
                 QgsMapLayerProxyModel.Filter.PointLayer | QgsMapLayerProxyModel.Filter.PolygonLayer, True),
                ("builtup", tr("Built-up area"), QgsMapLayerProxyModel.Filter.PolygonLayer, True)):
            combo = QgsMapLayerComboBox()
            combo.setFilters(kind)
            combo.setAllowEmptyLayer(optional)
            _preselect(combo, LAYER_HINTS[key])
            self.layers[key] = combo
            form.addRow(label, combo)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setFilePath(str(Path(tempfile.gettempdir()) / "flexwonen_business_effect"))
        form.addRow(tr("Report folder"), self.folder)
        layout.addLayout(form)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.run_button = buttons.addButton(tr("Run"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(tr("Cancel run"), QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button = buttons.addButton(tr("Open report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.processing_button = buttons.addButton(tr("Open in Processing…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.report_button.clicked.connect(self.open_report)
        self.processing_button.clicked.connect(self.open_in_processing)
        close.clicked.connect(self.close)
        self.cancel_button.setEnabled(False)
        self.report_button.setEnabled(False)
        layout.addWidget(buttons)

    @staticmethod
    def _spin(value, minimum, maximum):
        box = QSpinBox()
        box.setRange(minimum, maximum)
        box.setValue(value)
        return box

    @staticmethod
    def _double(value, minimum, maximum, suffix):
        box = QDoubleSpinBox()
        box.setRange(minimum, maximum)
        box.setDecimals(1)
        box.setSuffix(suffix)
        box.setValue(value)
        return box

    @staticmethod
    def _pair(first, second):
        row = QHBoxLayout()
        row.addWidget(first)
        row.addWidget(second)
        return row

    # ------------------------------------------------------------------ location

    def pick_on_map(self):
        if self.map_tool is not None:
            self.iface.mapCanvas().setMapTool(self.map_tool)

    def set_location(self, point: QgsPointXY):
        """The business's location in EPSG:28992."""
        self.location = QgsPointXY(point)
        self.location_label.setText(tr("x {0:,.0f}, y {1:,.0f} (EPSG:28992)").format(point.x(), point.y()))
        self.show()
        self.raise_()

    # ------------------------------------------------------------------ running

    def _business_layer(self) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"Point?crs={RD}&field=bid:string&field=name:string",
                               tr("Business"), "memory")
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["1", self.name_edit.text().strip() or tr("New business")])
        feature.setGeometry(QgsGeometry.fromPointXY(self.location))
        layer.dataProvider().addFeatures([feature])
        return layer

    def parameters(self, for_processing_dialog: bool = False) -> Dict:
        """The algorithm's parameters from the dialog (the business as a memory layer)."""
        if self.location is None:
            raise ValueError(tr("Click the business's location on the map first."))
        for key in ("municipalities", "migrants"):
            if self.layers[key].currentLayer() is None:
                raise ValueError(tr("Choose the municipalities and the labour-migrant table."))
        self.business_layer = self._business_layer()
        parameters = {
            EFFECT.BUSINESSES: self.business_layer, EFFECT.BUSINESS_ID_FIELD: "bid",
            EFFECT.BUSINESS_NAME_FIELD: "name",
            EFFECT.JOBS_NOW: self.jobs_now.value(), EFFECT.YEAR_NOW: self.year_now.value(),
            EFFECT.JOBS_FULL: self.jobs_full.value(), EFFECT.YEAR_FULL: self.year_full.value(),
            EFFECT.MIGRANT_SHARE: self.share.value(), EFFECT.RADIUS_KM: self.radius.value(),
            EFFECT.ALLOCATION: self.method.currentIndex(),
            EFFECT.REPORT_FOLDER: self.folder.filePath() or None,
        }
        # The scenario list is the first SCENARIO_KEYS (no user-defined scenario here).
        parameters.update(EFFECT.GAP_INPUTS.values(
            municipalities=self.layers["municipalities"].currentLayer(),
            migrants=self.layers["migrants"].currentLayer(),
            accommodations=self.layers["accommodations"].currentLayer(),
            builtup=self.layers["builtup"].currentLayer(),
            scenario=SCENARIO_KEYS[self.scenario.currentIndex()]))
        if not for_processing_dialog:
            for output in OUTPUTS:
                parameters[output] = QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT,
                                                                        QgsProject.instance())
        return {key: value for key, value in parameters.items() if value is not None}

    def run(self):
        if self.is_running():
            return
        try:
            parameters = self.parameters()
        except ValueError as error:
            self._show(str(error))
            return
        if not self.algorithm_run.start(parameters):
            self._show(tr("The Flexwonen Limburg Processing provider is not loaded."))
            return
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.report_button.setEnabled(False)
        self._show(tr("Running…"))

    def is_running(self) -> bool:
        return self.algorithm_run.is_running()

    def cancel(self):
        self.algorithm_run.cancel()

    def _executed(self, ok: bool, results: Dict):
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if not ok:
            text = tr("The run failed or was cancelled; the Processing log panel has the details.")
            self._show(text)
            self.finished_run.emit(False, text)
            return
        self.results = results
        reports = [path for path in (results.get(EFFECT.REPORTS) or "").split(";") if path]
        self.report_path = Path(reports[0]) if reports else None
        self.report_button.setEnabled(self.report_path is not None)
        text = tr("{0:,.0f} extra beds at full operation: {1:,.0f} placed in municipalities, "
                  "{2:,.0f} not placed.").format(results[EFFECT.TOTAL_BEDS], results[EFFECT.PLACED_BEDS],
                                                  results[EFFECT.UNPLACED_BEDS])
        if results.get(EFFECT.MESSAGE):
            text += " " + results[EFFECT.MESSAGE]
        self._show(text)
        self.finished_run.emit(True, text)

    def _show(self, text: str):
        self.status.setText(text)

    def open_report(self):
        if self.report_path is not None and self.report_path.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_path)))

    def open_in_processing(self):
        """The algorithm's own dialog with these values; the clicked business is added to the
        project as a scratch layer, since that dialog chooses layers from the project."""
        from processing import execAlgorithmDialog
        try:
            parameters = self.parameters(for_processing_dialog=True)
        except ValueError:
            parameters = {}
        if parameters:
            QgsProject.instance().addMapLayer(self.business_layer)
            # That dialog takes layers by their id.
            parameters = {key: value.id() if isinstance(value, QgsMapLayer) else value
                          for key, value in parameters.items()}
        execAlgorithmDialog(ALGORITHM_ID, parameters)

    def cleanup(self):
        """Stops a run and gives the map tool back; called on unload."""
        self.cancel()
        if self.map_tool is not None and self.iface is not None:
            canvas = self.iface.mapCanvas()
            if canvas is not None and canvas.mapTool() is self.map_tool:
                canvas.unsetMapTool(self.map_tool)


def _preselect(combo: QgsMapLayerComboBox, hints) -> None:
    for layer in QgsProject.instance().mapLayers().values():
        if layer.name().lower() in hints:
            combo.setLayer(layer)
            return
