"""The map-click dialog for a business's housing effect, in a real QGIS (pytest-qgis): the
action is added and removed; a click on the map and Run give the layers and report."""
import time

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QAction, QToolBar

from conftest import open_layer, unknown_names
from limburg_flexwonen_plugin.gui.business_effect_action import ACTION_NAME, add_business_effect_action
from limburg_flexwonen_plugin.gui.business_effect_dialog import EFFECT, BusinessEffectDialog
from limburg_flexwonen_plugin.gui.business_effect_run import ALGORITHM_ID
from limburg_flexwonen_plugin.plugin import MENU

RD = QgsCoordinateReferenceSystem("EPSG:28992")
VENLO = (210_500, 380_500)


@pytest.fixture
def demo_project(qgis_new_project, demo_gpkg):
    layers = [open_layer(demo_gpkg, name) for name in
              ("municipalities", "labour_migrants", "accommodations", "builtup")]
    QgsProject.instance().addMapLayers(layers)
    return layers


@pytest.fixture
def canvas(qgis_canvas, qgis_parent):
    qgis_parent.show()
    qgis_canvas.resize(600, 600)
    qgis_canvas.show()
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(RD)
    qgis_canvas.setExtent(QgsRectangle(190_000, 360_000, 230_000, 400_000))
    return qgis_canvas


def click(canvas, tool, point):
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(*point))
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease,
                             QPoint(round(pixel.x()), round(pixel.y())), Qt.MouseButton.LeftButton)
    tool.canvasReleaseEvent(event)


def test_action_is_added_and_removed_with_its_dialog_and_map_tool(qgis_iface, canvas, qgis_new_project):
    """What plugin.py's initGui and unload call (the desktop lifecycle test loads and
    unloads the whole installed plugin ten times)."""
    toolbar = QToolBar("Flexwonen Limburg", qgis_iface.mainWindow())
    handle = add_business_effect_action(qgis_iface, toolbar, MENU)
    try:
        (action,) = [a for a in toolbar.actions() if a.objectName() == ACTION_NAME]
        action.trigger()
        dialog = handle.dialog
        assert dialog is not None and dialog.isVisible()
        assert canvas.mapTool() is dialog.map_tool
    finally:
        handle.remove()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert handle.dialog is None and canvas.mapTool() is None
    assert not toolbar.actions()
    assert not [a for a in qgis_iface.mainWindow().findChildren(QAction) if a.objectName() == ACTION_NAME]
    toolbar.deleteLater()


def test_click_and_run_loads_the_layers_and_writes_the_report(qgis_iface, canvas, demo_project,
                                                              flexwonen_provider, tmp_path):
    dialog = BusinessEffectDialog(qgis_iface)
    try:
        assert dialog.layers["municipalities"].currentLayer().name() == "municipalities"
        assert dialog.layers["builtup"].currentLayer().name() == "builtup"
        dialog.pick_on_map()
        assert canvas.mapTool() is dialog.map_tool
        click(canvas, dialog.map_tool, VENLO)
        assert dialog.location.x() == pytest.approx(VENLO[0], abs=100)
        assert dialog.location.y() == pytest.approx(VENLO[1], abs=100)
        dialog.name_edit.setText("DC Venlo-Oost")
        dialog.jobs_now.setValue(300)
        dialog.year_now.setValue(2025)
        dialog.jobs_full.setValue(1200)
        dialog.year_full.setValue(2028)
        dialog.share.setValue(60)
        dialog.folder.setFilePath(str(tmp_path))
        finished = []
        dialog.finished_run.connect(lambda ok, text: finished.append((ok, text)))
        dialog.run()
        assert dialog.is_running()
        deadline = time.monotonic() + 120
        while not finished and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.02)
        assert finished and finished[0][0], dialog.status.text()
        assert "540 extra beds at full operation: 540 placed" in dialog.status.text()
        assert dialog.report_path.exists() and dialog.report_path.parent == tmp_path
        names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
        assert any(name.startswith("Housing gap per municipality with the effect") for name in names)
        assert "Reach of the businesses" in names and "Beds per business and municipality" in names
    finally:
        dialog.cleanup()
        dialog.deleteLater()
        QCoreApplication.processEvents()


def test_the_dialog_fills_in_only_the_algorithms_parameters(qgis_iface, canvas, demo_project,
                                                            flexwonen_provider, tmp_path):
    """Every name the dialog gives or reads is one of the algorithm's (a renamed parameter
    would be ignored by Processing, not refused)."""
    dialog = BusinessEffectDialog(qgis_iface)
    try:
        dialog.pick_on_map()
        click(canvas, dialog.map_tool, VENLO)
        dialog.folder.setFilePath(str(tmp_path))
        for for_processing_dialog in (False, True):
            parameters = dialog.parameters(for_processing_dialog)
            assert len(parameters) >= 15 and not unknown_names(ALGORITHM_ID, parameters)
        results = (EFFECT.REPORTS, EFFECT.TOTAL_BEDS, EFFECT.PLACED_BEDS, EFFECT.UNPLACED_BEDS,
                   EFFECT.MESSAGE)
        assert not unknown_names(ALGORITHM_ID, results)
    finally:
        dialog.cleanup()
        dialog.deleteLater()
        QCoreApplication.processEvents()


def test_run_without_a_location_says_what_is_missing(qgis_iface, canvas, demo_project):
    dialog = BusinessEffectDialog(qgis_iface)
    dialog.run()
    assert not dialog.is_running()
    assert "Click the business's location on the map first" in dialog.status.text()
    dialog.deleteLater()
