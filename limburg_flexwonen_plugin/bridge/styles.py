"""The plugin's layer styles: the ``.qml`` files in ``resources/styles``, loaded by path
(no .qrc). The one place where a style file is put on a layer: the panel's result
layers, the province analysis, Processing outputs and the print layouts all come here."""
from pathlib import Path
from typing import Optional, Tuple

from ..core.resource_files import resources_dir


def style_path(file_name: str) -> Optional[Path]:
    """``resources/styles/<file_name>``, None when there is no such file."""
    path = resources_dir() / "styles" / file_name
    return path if path.is_file() else None


def load_style(layer, file_name: str) -> Tuple[bool, str]:
    """Puts the style file on the layer and repaints it; (loaded, QGIS's message)."""
    path = style_path(file_name)
    if path is None:
        return False, f"no style file {file_name}"
    message, loaded = layer.loadNamedStyle(str(path))
    if loaded:
        layer.triggerRepaint()
    return bool(loaded), message
