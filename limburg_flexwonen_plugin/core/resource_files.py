"""Where the core finds its data files (rules, norm sets, models: ``resources/``), so
that the core depends on nothing outside itself; the rest of the plugin asks here too
(``paths``)."""
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
