"""Where the plugin's resources live, in a source checkout and in the installed zip."""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder: inside the plugin when installed, beside it in a checkout."""
    for candidate in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"resources folder not found next to {PLUGIN_DIR}")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
