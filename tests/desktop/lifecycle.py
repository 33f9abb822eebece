"""Runs inside the real QGIS desktop (qgis --code): loads and unloads the installed
plugin repeatedly and records what it added and what it left behind as JSON.

Each cycle also opens the site assessment panel. In the first and the last cycle the
Options dialog is opened (loaded and unloaded) to see whether the plugin's page is
there and gone. The result file is named by the FLEXWONEN_RESULT environment variable."""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QToolBar, QWidget
from qgis.utils import iface, loadPlugin, plugins, startPlugin, unloadPlugin

PLUGIN = "limburg_flexwonen_plugin"


def flush():
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def options_pages():
    """The plugin's pages in Settings › Options (opens the dialog and closes it again)."""
    found = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            found.append("no options dialog")
            return
        found.extend(widget.objectName() for widget in dialog.findChildren(QWidget)
                     if widget.objectName().startswith("FlexwonenLimburg"))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    iface.showOptionsDialog(iface.mainWindow())
    flush()
    return sorted(found)


def snapshot(with_options=False):
    window = iface.mainWindow()
    canvas = iface.mapCanvas()
    state = {
        "provider": QgsApplication.processingRegistry().providerById("flexwonen") is not None,
        "algorithms": sorted(a.id() for a in QgsApplication.processingRegistry().algorithms()
                             if a.provider() is not None and a.provider().id() == "flexwonen"),
        "actions": sorted(a.objectName() for a in window.findChildren(QAction)
                          if a.objectName().startswith("FlexwonenLimburg")),
        "toolbars": sorted(t.objectName() for t in window.findChildren(QToolBar)
                           if t.objectName().startswith("FlexwonenLimburg")),
        "docks": sorted(d.objectName() for d in window.findChildren(QDockWidget)
                        if d.objectName().startswith("FlexwonenLimburg")),
        "menu_entries": sorted(a.text() for a in window.menuBar().actions()
                               if "Flexwonen" in a.text())
                        + sorted(a.text() for a in iface.pluginMenu().actions() if "Flexwonen" in a.text()),
        "processing_providers": len(QgsApplication.processingRegistry().providers()),
        "settings_keys": sorted(k for k in QgsSettings().allKeys() if k.startswith("flexwonen")),
        "canvas_items": len(canvas.scene().items()),
        "map_tool": type(canvas.mapTool()).__name__ if canvas.mapTool() is not None else None,
    }
    if with_options:
        state["options_pages"] = options_pages()
    return state


def main():
    cycles = int(os.environ.get("FLEXWONEN_CYCLES", "10"))
    result = {"before": snapshot(with_options=True), "cycles": []}
    try:
        for number in range(cycles):
            with_options = number in (0, cycles - 1)
            assert loadPlugin(PLUGIN), "loadPlugin failed"
            assert startPlugin(PLUGIN), "startPlugin failed"
            flush()
            plugin = plugins[PLUGIN]
            panel = next(a for a in plugin.actions if a.objectName() == "FlexwonenLimburg_panel")
            panel.trigger()
            plugin.dock.draw_button.setChecked(True)  # its map tool is active when unloading
            flush()
            loaded = snapshot(with_options)
            loaded["panel_visible"] = plugin.dock.isVisible()
            assert unloadPlugin(PLUGIN), "unloadPlugin failed"
            flush()
            result["cycles"].append({"loaded": loaded, "unloaded": snapshot(with_options)})
    except Exception:  # reported to the test through the JSON
        result["error"] = traceback.format_exc()
    with open(os.environ["FLEXWONEN_RESULT"], "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QTimer.singleShot(0, QgsApplication.instance().quit)


main()
