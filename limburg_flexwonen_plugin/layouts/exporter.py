"""PDF and PNG export of a layout or an atlas, written atomically.

Every file is rendered to a temporary file in the target folder and moved into place
when complete, so a reader never finds half a PDF; on failure nothing is left behind.
Works headless (QT_QPA_PLATFORM=offscreen) as well as in the desktop.
"""
import re
import unicodedata
from pathlib import Path
from typing import Callable, List, Optional

from qgis.core import Qgis, QgsLayoutExporter, QgsRenderContext

from ..core.atomic import atomic_output
from ..core.errors import CancelledError, InputError

DEFAULT_PNG_DPI = 150
PDF_DPI = 300


class ExportError(RuntimeError):
    """QGIS could not write an export file."""


_RESULT_TEXT = {
    QgsLayoutExporter.ExportResult.Canceled: "cancelled",
    QgsLayoutExporter.ExportResult.MemoryError: "not enough memory to render the page",
    QgsLayoutExporter.ExportResult.FileError: "the file could not be written",
    QgsLayoutExporter.ExportResult.PrintError: "printing failed",
    QgsLayoutExporter.ExportResult.SvgLayerError: "SVG export failed",
    QgsLayoutExporter.ExportResult.IteratorError: "the atlas could not be prepared",
}


def slug(text: str) -> str:
    """A file-name-safe form: 'Gemeente Sittard-Geleen' → 'Gemeente_Sittard-Geleen'."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9-]+", "_", ascii_text).strip("_")
    return cleaned or "blad"


def _check(result, path: Path, error_message: str = "") -> None:
    if result != QgsLayoutExporter.ExportResult.Success:
        if result == QgsLayoutExporter.ExportResult.Canceled:
            raise CancelledError("cancelled by the user")
        reason = error_message or _RESULT_TEXT.get(result, f"QGIS export result {int(result)}")
        raise ExportError(f"could not export {path.name}: {reason}")


def _pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = PDF_DPI
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.exportMetadata = True
    # Text stays text in the PDF (searchable, sharp); the enum moved to Qgis in 3.28.
    settings.textRenderFormat = getattr(Qgis, "TextRenderFormat", QgsRenderContext.TextRenderFormat).AlwaysText
    settings.appendGeoreference = False
    return settings


def _image_settings(dpi: float) -> QgsLayoutExporter.ImageExportSettings:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False
    settings.generateWorldFile = False
    return settings


def export_pdf(layout, path) -> Path:
    """One PDF of every page of the layout."""
    path = Path(path)
    with atomic_output(path) as temporary:
        result = QgsLayoutExporter(layout).exportToPdf(str(temporary), _pdf_settings())
        _check(result, path)
    return path


def export_png(layout, path, dpi: float = DEFAULT_PNG_DPI) -> List[Path]:
    """A PNG per page: ``path`` for the first, ``<stem>_2.png``... for further pages."""
    path = Path(path)
    written = []
    for page in range(layout.pageCollection().pageCount()):
        target = path if page == 0 else path.with_name(f"{path.stem}_{page + 1}{path.suffix}")
        written.append(_export_page_image(layout, page, target, dpi))
    return written


def _export_page_image(layout, page: int, target: Path, dpi: float) -> Path:
    with atomic_output(target) as temporary:
        exporter = QgsLayoutExporter(layout)
        image = exporter.renderPageToImage(page, dpi=dpi)
        if image.isNull():
            raise ExportError(f"could not export {target.name}: {_RESULT_TEXT[QgsLayoutExporter.ExportResult.MemoryError]}")
        if not image.save(str(temporary), "PNG"):
            raise ExportError(f"could not export {target.name}: {_RESULT_TEXT[QgsLayoutExporter.ExportResult.FileError]}")
    return target


def export_atlas_pdf(layout, path, is_cancelled: Optional[Callable[[], bool]] = None) -> Path:
    """One PDF with a page per atlas feature."""
    path = Path(path)
    atlas = layout.atlas()
    if not atlas.enabled() or atlas.coverageLayer() is None:
        raise InputError("the layout has no atlas to export")
    if atlas.updateFeatures() == 0:
        raise InputError("the atlas has no features: nothing to export")
    with atomic_output(path) as temporary:
        result, error = QgsLayoutExporter.exportToPdf(atlas, str(temporary), _pdf_settings())
        _check(result, path, error)
        if is_cancelled is not None and is_cancelled():
            raise CancelledError("cancelled by the user")
    return path


def export_atlas_png(layout, folder, name_for: Callable[[int], str], dpi: float = DEFAULT_PNG_DPI,
                     is_cancelled: Optional[Callable[[], bool]] = None,
                     progress: Optional[Callable[[float], None]] = None) -> List[Path]:
    """A PNG per atlas feature in ``folder``; ``name_for(index)`` gives the file name."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    atlas = layout.atlas()
    count = atlas.updateFeatures()
    written = []
    if not atlas.beginRender():
        raise ExportError("the atlas could not be prepared")
    try:
        for index in range(count):
            if is_cancelled is not None and is_cancelled():
                raise CancelledError("cancelled by the user")
            if not atlas.seekTo(index):
                raise ExportError(f"atlas page {index + 1} could not be prepared")
            written.append(_export_page_image(layout, 0, folder / name_for(index), dpi))
            if progress is not None:
                progress(100.0 * (index + 1) / max(count, 1))
    finally:
        atlas.endRender()
    return written
