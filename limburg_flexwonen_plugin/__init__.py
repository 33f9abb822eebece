"""Flexwonen Limburg: assess housing sites for labour migrants in QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """QGIS entry point: only imports the plugin class, nothing runs at import."""
    from .plugin import FlexwonenPlugin
    return FlexwonenPlugin(iface)
