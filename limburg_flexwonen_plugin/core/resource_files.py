"""Where the plugin's files are (rules, norm sets, models, styles, templates: ``resources/``;
the demo data), in a source checkout and in the installed zip. Pure Python, so that the
core depends on nothing outside itself; the rest of the plugin asks here too."""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The ``resources`` folder: inside the plugin when installed, beside it in a checkout."""
    for candidate in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"resources folder not found next to {PLUGIN_DIR}")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


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
