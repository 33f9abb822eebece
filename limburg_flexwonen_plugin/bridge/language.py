"""The user's interface language (QGIS locale) and the plugin's Dutch translation."""
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core.resource_files import PLUGIN_DIR


def user_language() -> str:
    """Two-letter language of the QGIS interface, e.g. 'nl' or 'en'."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale().name()
    return (name or "en")[:2].lower()


def translation_file(language: str) -> Path:
    return PLUGIN_DIR / "i18n" / f"flexwonen_{language}.qm"


def install_translator():
    """Loads the .qm for the user's language, if we have one; returns the translator."""
    path = translation_file(user_language())
    if not path.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
