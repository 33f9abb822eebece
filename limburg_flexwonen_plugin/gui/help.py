"""Where the user guide lives: the README's user guide section on the plugin's homepage."""
import configparser

from ..core.resource_files import PLUGIN_DIR

USER_GUIDE_ANCHOR = "user-guide-assessing-a-site-in-qgis"
FALLBACK_HOMEPAGE = "https://github.com/flexwonen-limburg/limburg_flexwonen_plugin"


def homepage() -> str:
    """The homepage from metadata.txt (inside the installed plugin, beside it in a checkout)."""
    for path in (PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt"):
        if path.exists():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(path, encoding="utf-8")
            return parser.get("general", "homepage", fallback=FALLBACK_HOMEPAGE).rstrip("/")
    return FALLBACK_HOMEPAGE


def user_guide_url() -> str:
    return f"{homepage()}#{USER_GUIDE_ANCHOR}"
