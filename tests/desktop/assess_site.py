"""Runs inside the real QGIS desktop (qgis --code): starts the installed plugin, loads the
demo data, opens the site assessment panel, assesses one demo site, runs the one-click
province analysis, and saves screenshots of what the user sees.

Environment: FLEXWONEN_RESULT (JSON written at the end), FLEXWONEN_DEMO (a copy of the
demo GeoPackage), FLEXWONEN_SHOTS (folder for the PNGs), FLEXWONEN_SITE_CASE (the demo
site to assess, by its 'case').
"""
import hashlib
import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, loadPlugin, plugins, startPlugin

PLUGIN = "limburg_flexwonen_plugin"
WINDOW = QSize(1600, 1000)


def wait(seconds=0.0, until=None, limit=120.0):
    """Lets QGIS work (events, tasks, rendering) for a while or until a condition holds."""
    deadline = time.perf_counter() + (limit if until else seconds)
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.02)
    if until is not None:
        raise TimeoutError("waited too long")
    return True


def render():
    canvas = iface.mapCanvas()
    canvas.refresh()
    wait(0.3)
    wait(until=lambda: not canvas.isDrawing(), limit=60)
    wait(0.3)


def screenshot(path: Path):
    window = iface.mainWindow()
    window.grab().save(str(path))
    return str(path)


def add_demo_layers(demo: str):
    from limburg_flexwonen_plugin.gui.styles import style_outline
    layers = {}
    for name, title in (("municipalities", "Gemeenten"), ("builtup", "Bestaand bebouwd gebied"),
                        ("accommodations", "Huisvestingslocaties"), ("labour_migrants", "Arbeidsmigranten"),
                        ("candidate_sites", "Kandidaatlocaties")):
        layer = QgsVectorLayer(f"{demo}|layername={name}", title, "ogr")
        assert layer.isValid(), name
        QgsProject.instance().addMapLayer(layer)
        layers[name] = layer
    style_outline(layers["municipalities"], "#6f6f6f", "", 0.5)
    style_outline(layers["builtup"], "#9e9e9e", "#e3e3e3", 0.3)
    style_outline(layers["candidate_sites"], "#1f78b4", "#a6cee3", 0.5)
    layers["accommodations"].renderer().symbol().setColor(QColor("#6a3d9a"))
    return layers


def main():
    result = {}
    shots = Path(os.environ["FLEXWONEN_SHOTS"])
    shots.mkdir(parents=True, exist_ok=True)
    try:
        window = iface.mainWindow()
        window.resize(WINDOW)
        window.showMaximized()
        # A tidy window for the pictures: no Browser panel, a Layers panel wide enough to read.
        browser = window.findChild(QDockWidget, "Browser")
        if browser is not None:
            browser.hide()
        layers_dock = window.findChild(QDockWidget, "Layers")
        if layers_dock is not None:
            window.resizeDocks([layers_dock], [330], Qt.Orientation.Horizontal)
        assert loadPlugin(PLUGIN) and startPlugin(PLUGIN), "the plugin did not start"
        plugin = plugins[PLUGIN]
        layers = add_demo_layers(os.environ["FLEXWONEN_DEMO"])

        panel_action = next(a for a in plugin.actions if a.objectName() == "FlexwonenLimburg_panel")
        panel_action.trigger()
        dock = plugin.dock
        window.resizeDocks([dock], [460], Qt.Orientation.Horizontal)
        wait(0.5)
        result["panel_visible"] = dock.isVisible()
        result["panel_title"] = dock.windowTitle()
        for role, name in (("builtup", "builtup"), ("municipalities", "municipalities"),
                           ("accommodations", "accommodations"), ("migrants", "labour_migrants"),
                           ("sites", "candidate_sites")):
            dock.set_layer(role, layers[name])
        case = os.environ.get("FLEXWONEN_SITE_CASE", "touching_outside")
        sites = layers["candidate_sites"]
        sites.selectByExpression(f"\"case\" = '{case}'")
        result["selected"] = sites.selectedFeatureCount()
        dock.selected_button.click()
        wait(until=lambda: not dock.is_running())
        sites.removeSelection()
        result["card"] = dock.card_text()
        result["assessed"] = [{"site_id": a.site_id, "location_class": a.location_class}
                              for a in dock.assessments]
        dock.zoom_to_site()
        render()
        result["panel_png"] = screenshot(shots / "locatietoets_panel.png")

        # The panel alone, its card scrolled to the housing norms and the housing gap.
        card = dock.card
        found = card.document().find("Huisvestingsnormen")  # the headline; then the section
        section = card.document().find("Huisvestingsnormen", found) if not found.isNull() else found
        found = section if not section.isNull() else found
        if not found.isNull():
            bar = card.verticalScrollBar()
            bar.setValue(bar.value() + card.cursorRect(found).top() - 8)
        wait(0.3)
        dock.grab().save(str(shots / "locatietoets_card.png"))
        result["card_png"] = str(shots / "locatietoets_card.png")

        # The one-click province analysis on the layers chosen in the panel.
        outcome = {}

        def chosen_done(ok, message):
            outcome.update(ok=ok, message=message)

        plugin.province.analysis.done.connect(chosen_done)
        province_action = next(a for a in plugin.actions if a.objectName() == "FlexwonenLimburg_province")
        province_action.trigger()
        wait(until=lambda: outcome, limit=180)
        result["province"] = outcome
        group = plugin.province.analysis.group
        result["province_layers"] = [node.layer().name() for node in group.findLayers()] if group else []
        dock.hide()
        for name in ("accommodations", "candidate_sites"):
            QgsProject.instance().layerTreeRoot().findLayer(layers[name].id()).setItemVisibilityChecked(False)
        canvas = iface.mapCanvas()
        canvas.setExtent(QgsRectangle(172_000, 305_000, 214_000, 423_000))
        render()
        result["province_png"] = screenshot(shots / "province_analysis.png")

        # The first look on the demo data shipped inside the installed plugin.
        from limburg_flexwonen_plugin.core.resource_files import demo_data
        shipped = demo_data()
        before = hashlib.sha256(shipped.read_bytes()).hexdigest()
        demo_outcome = {}

        def demo_done(ok, message):
            demo_outcome.update(ok=ok, message=message)

        plugin.province.analysis.done.disconnect(chosen_done)
        plugin.province.analysis.done.connect(demo_done)
        plugin.province.analysis.start(use_demo=True)
        wait(until=lambda: demo_outcome, limit=180)
        group = plugin.province.analysis.group
        result["demo_run"] = {
            "outcome": demo_outcome, "shipped": str(shipped),
            "unchanged": hashlib.sha256(shipped.read_bytes()).hexdigest() == before,
            "layers": [node.layer().name() for node in group.findLayers()] if group else [],
            "sources": [node.layer().source() for node in group.findLayers()] if group else []}

        from limburg_flexwonen_plugin.gui.options_page import FlexwonenOptionsPage
        page = FlexwonenOptionsPage()
        page.resize(QSize(640, 300))
        page.show()
        wait(0.3)
        page.grab().save(str(shots / "options_page.png"))
        page.close()
        result["options_png"] = str(shots / "options_page.png")
    except Exception:  # reported to the test through the JSON
        result["error"] = traceback.format_exc()
    with open(os.environ["FLEXWONEN_RESULT"], "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, ensure_ascii=False)
    QTimer.singleShot(0, QgsApplication.instance().quit)


main()
