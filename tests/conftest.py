"""Shared fixtures: the real QGIS (pytest-qgis starts it headless), Processing with our
provider, the demo GeoPackage and a few helpers to open layers."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")

DEMO_GPKG = ROOT / "test_data" / "limburg_demo.gpkg"
PACKAGE_ZIP = ROOT / "dist" / "limburg_flexwonen_plugin.zip"


@pytest.fixture(scope="session")
def flexwonen_provider(qgis_app, qgis_processing):
    """Our Processing provider, registered once in the test session's QGIS."""
    from qgis.core import QgsApplication

    from limburg_flexwonen_plugin.processing.provider import FlexwonenProvider
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("flexwonen")
    if provider is None:
        provider = FlexwonenProvider()
        assert registry.addProvider(provider)
    return provider


@pytest.fixture(scope="session", autouse=True)
def layer_tree_view_in_iface(qgis_iface):  # noqa: PT004 (kept for its effect)
    """A real layer tree view behind pytest-qgis's stand-in iface, as the desktop has:
    QGIS 3.44's Processing hands ``iface.layerTreeView()`` to C++ when it loads an
    algorithm's results, and the stand-in's mock there ends the process."""
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView
    # Owned by the main window (and the model by the view), so that Qt, not Python's
    # garbage collector after QGIS has exited, deletes them.
    view = QgsLayerTreeView(qgis_iface.mainWindow())
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    qgis_iface.layerTreeView = lambda: view
    return view


@pytest.fixture(scope="session", autouse=True)
def demo_data_untouched():
    """The demo GeoPackage is the input of most tests: it must be byte-identical after the
    whole session, with no journal files beside it (QGIS switching a GeoPackage it opened
    for writing to WAL mode would be caught here)."""
    import hashlib
    folder = DEMO_GPKG.parent

    def state():
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted(folder.iterdir()) if path.is_file()}
    before = state()
    yield
    assert state() == before, "the session changed test_data/ (an input was modified or a file added)"


@pytest.fixture(scope="session")
def demo_gpkg():
    assert DEMO_GPKG.exists(), "test_data/limburg_demo.gpkg is missing; run make demo-data"
    return DEMO_GPKG


def open_layer(path, layer_name=None):
    """A QgsVectorLayer on a GeoPackage layer (or a whole file), checked to be valid."""
    from qgis.core import QgsVectorLayer
    uri = f"{path}|layername={layer_name}" if layer_name else str(path)
    layer = QgsVectorLayer(uri, layer_name or Path(path).stem, "ogr")
    assert layer.isValid(), f"could not open {uri}"
    return layer


def features_by(layer, key):
    return {feature[key]: feature for feature in layer.getFeatures()}


def unknown_names(algorithm_id, names):
    """The names that are neither a parameter nor an output of the algorithm (our provider
    loaded): Processing ignores an unknown parameter, so a GUI that fills in a renamed one
    would go on running with the default instead."""
    from qgis.core import QgsApplication
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    return sorted(name for name in names if algorithm.parameterDefinition(name) is None
                  and algorithm.outputDefinition(name) is None)
