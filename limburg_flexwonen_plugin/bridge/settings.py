"""The plugin's own settings, stored with QgsSettings under ``flexwonen_limburg/``.

The user sets them on the "Flexwonen Limburg" page of Settings › Options; the
Processing algorithms and the site assessment panel take their defaults from here.
Nothing is written until the user changes a value, so loading the plugin leaves the
settings as they were.
"""
import os
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

from ..core.classify_sites import ClassificationParameters
from ..core.errors import InputError
from ..core.norm_sets import DEFAULT_SET
from ..core.scenarios import CURRENT, HIGH_2030, LOW_2030

GROUP = "flexwonen_limburg"
EDGE_DISTANCE = "edge_distance_m"
MIN_INSIDE_SHARE = "min_inside_share"
NORM_SET = "norm_set"
SCENARIO = "scenario"
BOUNDARIES_URL = "pdok_boundaries_url"
INHABITANTS_URL = "pdok_inhabitants_url"
KERNEN_URL = "pdok_kernen_url"
NETWORK_TIMEOUT = "network_timeout_s"
KEYS = (EDGE_DISTANCE, MIN_INSIDE_SHARE, NORM_SET, SCENARIO, BOUNDARIES_URL, INHABITANTS_URL,
        KERNEN_URL, NETWORK_TIMEOUT)
# The official data's services (OGC API Features landing pages); "{year}" is replaced
# by the year chosen in the loader. See the README, "Loading official data".
SERVICE_DEFAULTS = {
    BOUNDARIES_URL: "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1",
    INHABITANTS_URL: "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1",
    KERNEN_URL: "https://api.pdok.nl/cbs/bevolkingskernen-{year}/ogc/v1",
}
DEFAULT_TIMEOUT_S = 60.0
TIMEOUT_RANGE_S = (1.0, 3600.0)
# A folder of the user's own norm sets; otherwise <QGIS profile>/flexwonen_limburg/norms.
USER_NORMS_FOLDER_ENV = "FLEXWONEN_NORMS_FOLDER"
# The scenarios a default can be: the user-defined one needs its own year and total.
DEFAULT_SCENARIOS = (CURRENT, LOW_2030, HIGH_2030)


def _key(name: str) -> str:
    return f"{GROUP}/{name}"


def classification_defaults() -> ClassificationParameters:
    """The user's default edge distance and minimum inside share.

    Falls back to the rules file's defaults for a value that is missing or out of the
    rules' range (a hand-edited settings file must not break the algorithms).
    """
    rules_defaults = ClassificationParameters.defaults()
    settings = QgsSettings()
    values = {}
    for name in (EDGE_DISTANCE, MIN_INSIDE_SHARE):
        fallback = getattr(rules_defaults, name)
        try:
            values[name] = float(settings.value(_key(name), fallback))
        except (TypeError, ValueError):
            values[name] = fallback
    chosen = ClassificationParameters(values[EDGE_DISTANCE], values[MIN_INSIDE_SHARE])
    try:
        chosen.validate()
    except InputError:
        return rules_defaults
    return chosen


def save_classification_defaults(parameters: ClassificationParameters) -> None:
    parameters.validate()
    settings = QgsSettings()
    settings.setValue(_key(EDGE_DISTANCE), float(parameters.edge_distance_m))
    settings.setValue(_key(MIN_INSIDE_SHARE), float(parameters.min_inside_share))


def forget_classification_defaults() -> None:
    """Back to the rules file's defaults (removes the user's values)."""
    settings = QgsSettings()
    for name in (EDGE_DISTANCE, MIN_INSIDE_SHARE):
        settings.remove(_key(name))


def text_value(name: str, default: str = "") -> str:
    """A text setting (norm set, scenario); ``default`` when the user has set none."""
    value = QgsSettings().value(_key(name), default)
    return str(value) if value is not None else default


def set_text_value(name: str, value: str) -> None:
    QgsSettings().setValue(_key(name), value)


def scenario_key() -> str:
    """The default housing-gap scenario (a key of ``core.scenarios``)."""
    value = text_value(SCENARIO, CURRENT)
    return value if value in DEFAULT_SCENARIOS else CURRENT


def set_scenario_key(key: str) -> None:
    if key not in DEFAULT_SCENARIOS:
        raise ValueError(f"unknown default scenario {key!r}")
    if key == CURRENT:
        QgsSettings().remove(_key(SCENARIO))
    else:
        set_text_value(SCENARIO, key)


def norm_set(available=None) -> str:
    """The default norm set (the provincial floor always applies on top of it); the
    built-in default when the chosen one is no longer available."""
    value = text_value(NORM_SET, DEFAULT_SET)
    if available is not None and value not in available:
        return DEFAULT_SET
    return value or DEFAULT_SET


def user_norms_folder() -> Path:
    """Where the user's own norm set files are read from (the folder may not exist)."""
    configured = os.environ.get(USER_NORMS_FOLDER_ENV)
    if configured:
        return Path(configured)
    return Path(QgsApplication.qgisSettingsDirPath()) / GROUP / "norms"


def set_norm_set(name: str) -> None:
    if name == DEFAULT_SET:
        QgsSettings().remove(_key(NORM_SET))
    else:
        set_text_value(NORM_SET, name)


def service_url(name: str) -> str:
    """The address of one of the official data's services (``SERVICE_DEFAULTS``)."""
    value = text_value(name, SERVICE_DEFAULTS[name]).strip()
    return value or SERVICE_DEFAULTS[name]


def set_service_url(name: str, value: str) -> None:
    if name not in SERVICE_DEFAULTS:
        raise ValueError(f"unknown service {name!r}")
    value = (value or "").strip()
    if not value or value == SERVICE_DEFAULTS[name]:
        QgsSettings().remove(_key(name))
    else:
        set_text_value(name, value)


def network_timeout() -> float:
    """Seconds a web service may stay silent before a request is given up."""
    try:
        value = float(QgsSettings().value(_key(NETWORK_TIMEOUT), DEFAULT_TIMEOUT_S))
    except (TypeError, ValueError):
        return DEFAULT_TIMEOUT_S
    low, high = TIMEOUT_RANGE_S
    return value if low <= value <= high else DEFAULT_TIMEOUT_S


def set_network_timeout(seconds: float) -> None:
    if float(seconds) == DEFAULT_TIMEOUT_S:
        QgsSettings().remove(_key(NETWORK_TIMEOUT))
    else:
        QgsSettings().setValue(_key(NETWORK_TIMEOUT), float(seconds))


def reset() -> None:
    """Forgets every value the user set: the rules' defaults apply again."""
    settings = QgsSettings()
    settings.remove(GROUP)
