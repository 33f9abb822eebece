"""Runs inside the real QGIS desktop (qgis --code): loads and unloads the installed
plugin repeatedly and records what it added and what it left behind as JSON.

The result file is named by the FLEXWONEN_RESULT environment variable."""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar
from qgis.utils import iface, loadPlugin, startPlugin, unloadPlugin

PLUGIN = "limburg_flexwonen_plugin"


def flush():
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def snapshot():
    window = iface.mainWindow()
    return {
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
    }


def main():
    result = {"before": snapshot(), "cycles": []}
    try:
        for _ in range(int(os.environ.get("FLEXWONEN_CYCLES", "10"))):
            assert loadPlugin(PLUGIN), "loadPlugin failed"
            assert startPlugin(PLUGIN), "startPlugin failed"
            flush()
            loaded = snapshot()
            assert unloadPlugin(PLUGIN), "unloadPlugin failed"
            flush()
            result["cycles"].append({"loaded": loaded, "unloaded": snapshot()})
    except Exception:  # reported to the test through the JSON
        result["error"] = traceback.format_exc()
    with open(os.environ["FLEXWONEN_RESULT"], "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QTimer.singleShot(0, QgsApplication.instance().quit)


main()
