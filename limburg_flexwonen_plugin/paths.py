"""Where the plugin's resources live, in a source checkout and in the installed zip."""
# Both forms on purpose: QGIS's plugin unloader removes the modules its import hook saw,
# and each form shows it one of the two (the core package, its resource_files module).
from .core import resource_files as _core_resource_files  # noqa: F401
from .core.resource_files import PLUGIN_DIR, resource, resources_dir  # noqa: F401 (the plugin's paths)


DEMO_DATA_NAME = "limburg_demo.gpkg"


def demo_data():
    """The synthetic demo GeoPackage: ``resources/demo`` in the installed plugin (the
    package build copies it there), ``test_data`` in a source checkout; None if absent."""
    candidates = [PLUGIN_DIR.parent / "test_data" / DEMO_DATA_NAME]
    try:
        candidates.insert(0, resources_dir() / "demo" / DEMO_DATA_NAME)
    except FileNotFoundError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None
