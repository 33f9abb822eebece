"""Flexwonen Limburg: assess housing sites for labour migrants in QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """QGIS entry point: only imports the plugin class, nothing runs at import.

    Neither this package nor ``plugin`` imports geopandas or shapely at import time, so
    the plugin loads in a QGIS whose Python lacks them; ``FlexwonenPlugin`` then checks
    the packages (``dependencies``) and, when one is missing or too old, adds no tools
    and says which package to install and how.
    """
    from .plugin import FlexwonenPlugin
    return FlexwonenPlugin(iface)
