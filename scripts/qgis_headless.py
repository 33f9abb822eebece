"""Starts the real QGIS headless for scripts (demo, benchmark) with our provider."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"

_APP = None
_PROVIDER = None  # keep a Python reference, or the provider is garbage-collected


def start_qgis():
    """QgsApplication without GUI, Processing initialised, Flexwonen provider registered."""
    global _APP, _PROVIDER
    if _APP is not None:
        return _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
    for path in (str(ROOT), QGIS_PYTHON_PLUGINS):
        if path not in sys.path:
            sys.path.insert(0, path)
    from qgis.core import QgsApplication
    QgsApplication.setPrefixPath("/usr", True)
    _APP = QgsApplication([], False)
    _APP.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    from limburg_flexwonen_plugin.processing.provider import FlexwonenProvider
    registry = QgsApplication.processingRegistry()
    if registry.providerById("flexwonen") is None:
        _PROVIDER = FlexwonenProvider()
        registry.addProvider(_PROVIDER)
    return _APP


def stop_qgis():
    """Closes QGIS cleanly: the project's and Processing's layers released, every data
    source closed (a GeoPackage then has no -wal/-shm file beside it), QGIS exited."""
    global _APP, _PROVIDER
    if _APP is None:
        return
    import gc
    from qgis.core import QgsApplication, QgsProject
    QgsProject.instance().clear()
    if _PROVIDER is not None:
        QgsApplication.processingRegistry().removeProvider(_PROVIDER)
        _PROVIDER = None
    gc.collect()
    _APP.exitQgis()
    _APP = None


def gpkg_layer(path, layer_name):
    """'path|layername=x' URI, the form Processing accepts as a layer parameter."""
    return f"{path}|layername={layer_name}"
