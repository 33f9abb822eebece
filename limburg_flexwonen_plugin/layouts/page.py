"""What every page shares: the texts in its header and footer, the legend, the versions.

A built page is returned as a ``Page``: the layout together with the project and the
layers it draws, which must stay alive until the export is done.
"""
import configparser
import datetime
import math
from dataclasses import dataclass, field
from typing import Iterable, List, Optional, Sequence, Tuple

from qgis.core import (QgsExpressionContextUtils, QgsLayerTree, QgsLayoutItemLabel,
                       QgsLayoutItemLegend, QgsLayoutPoint, QgsLayoutSize, QgsLayoutUtils,
                       QgsLegendRenderer, QgsLegendStyle, QgsMapLayerLegendUtils, QgsPrintLayout,
                       QgsProject, QgsRectangle, QgsScaleBarSettings, QgsUnitTypes)

from ..bridge.provenance import credits_of
from ..core.credits import merged
from ..core.resource_files import PLUGIN_DIR
from . import templates, texts

APP_NAME = "Flexwonen Limburg"


@dataclass
class Page:
    """A filled layout and everything that must outlive it until the export is done."""
    layout: QgsPrintLayout
    project: QgsProject
    layers: List[object] = field(default_factory=list)
    legend_roots: List[QgsLayerTree] = field(default_factory=list)
    page_names: List[str] = field(default_factory=list)
    callbacks: List[object] = field(default_factory=list)


def plugin_version() -> str:
    for path in (PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt"):
        if path.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(path, encoding="utf-8")
            return parser.get("general", "version", fallback="?")
    return "?"


def versions_text(parts: Sequence[Tuple[str, Optional[str]]]) -> str:
    """'Regels: x 2026.1 · Model: y 1.0 · Flexwonen Limburg 0.1.0'; empty parts are left out."""
    items = [f"{name}: {value}" for name, value in parts if value]
    items.append(f"{APP_NAME} {plugin_version()}")
    return texts.join_nonempty(items)


def layer_credits(credits: Optional[Sequence[str]], layers: Iterable[object]) -> List[str]:
    """The credits a page prints: ``credits`` when the caller read them from its inputs
    (an algorithm, before it copied them), else those of the ``layers`` it draws."""
    if credits is not None:
        return merged(credits)
    return merged(*(credits_of(layer) for layer in layers if layer is not None))


def set_variables(layout, *, export_date: datetime.date, credits: Sequence[str] = (),
                  scenario: str = "", sources: str = "", versions: str = "", notes: str = "") -> None:
    """The layout variables the template texts use (@flexwonen_...). ``credits``: those
    of the layers on the page (``layer_credits``); ``sources``: what the user added."""
    values = {
        "flexwonen_export_date": texts.dutch_date(export_date),
        "flexwonen_scenario": scenario or "",
        "flexwonen_source": texts.source_line(credits, sources),
        "flexwonen_versions": versions,
        "flexwonen_notes": notes,
    }
    for name, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    layout.refresh()


def fill_legend(page: Page, legend: QgsLayoutItemLegend, entries: Iterable[Tuple[object, str]],
                filter_by_map: bool = False, flat: bool = False) -> QgsLayerTree:
    """The legend lists exactly these layers, top to bottom, under the given titles.

    A layer with a single symbol shows as one line (its symbol and its title); with
    ``flat`` every layer shows only its symbol lines, without a heading.
    """
    root = QgsLayerTree()
    for layer, title in entries:
        node = root.addLayer(layer)
        node.setCustomProperty("legend/title-label", title)
        single = layer.renderer() is not None and layer.renderer().type() == "singleSymbol"
        if single or flat:
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        if single:
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, title)
        _size_classes_last(node, layer)
    legend.setAutoUpdateModel(False)
    legend.model().setRootGroup(root)
    legend.setLegendFilterByMapEnabled(filter_by_map)
    legend.updateLegend()
    page.legend_roots.append(root)
    return root


def _size_classes_last(node, layer) -> None:
    """QGIS lists a renderer's size classes (``styling.add_bed_size_legend``) before its
    categories; a reader wants the categories first, then what the sizes mean."""
    renderer = layer.renderer()
    size_legend = renderer.dataDefinedSizeLegend() if hasattr(renderer, "dataDefinedSizeLegend") else None
    if size_legend is None or not hasattr(renderer, "categories"):
        return
    categories = len(renderer.categories())
    sizes = len(size_legend.classes()) + (1 if size_legend.title() else 0)
    QgsMapLayerLegendUtils.setLegendNodeOrder(
        node, list(range(sizes, sizes + categories)) + list(range(sizes)))


def legend_titles(legend: QgsLayoutItemLegend) -> List[str]:
    """The layer titles the legend lists (what a reader sees)."""
    root = legend.model().rootGroup()
    return [node.customProperty("legend/title-label") or node.name() for node in root.findLayers()]


def fitted_extent(map_item, extent: QgsRectangle, margin: float = 0.0) -> QgsRectangle:
    """``extent`` grown by ``margin`` (share) and widened to the map item's aspect ratio."""
    size = map_item.rect()
    ratio = size.width() / size.height()
    grown = QgsRectangle(extent)
    grown.grow(max(extent.width(), extent.height()) * margin)
    width, height = grown.width(), grown.height()
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = grown.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                        centre.x() + width / 2, centre.y() + height / 2)


def show_extent(map_item, extent: QgsRectangle, margin: float = 0.0) -> None:
    """Shows at least ``extent`` (plus margin) without changing the map item's shape."""
    map_item.setExtent(fitted_extent(map_item, extent, margin))


# Room kept beside a measured text: QGIS releases lay out the same text a few per cent
# wider or narrower (3.40 wrapped a heading that 3.22 set on one line).
TEXT_WIDTH_MARGIN = 1.1


def fit_on_one_line(label, text: str, smallest: float = 7.0, step: float = 0.5) -> float:
    """Makes a layout label's font just small enough (not below ``smallest`` points)
    for ``text`` to fit its width on one line; returns the size used."""
    width = label.rect().width()
    uses_format = hasattr(label, "textFormat") and hasattr(label, "setTextFormat")
    text_format = label.textFormat() if uses_format else None
    font = text_format.toQFont() if uses_format else label.font()
    size = text_format.size() if uses_format else font.pointSizeF()
    while size > smallest:
        font.setPointSizeF(size)
        if QgsLayoutUtils.textWidthMM(font, text) * TEXT_WIDTH_MARGIN <= width:
            break
        size = max(smallest, size - step)
    if uses_format:
        text_format.setSize(size)
        label.setTextFormat(text_format)
    else:
        font.setPointSizeF(size)
        label.setFont(font)
    return size


def nice_segment(length: float, segments: int = 2) -> float:
    """The largest of 1, 2, 2.5, 5 × 10^n with ``segments`` of it at most ``length``."""
    target = length / segments
    if target <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(target))
    best = power
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * power <= target:
            best = step * power
    return best


def keep_scale_bar_round(page: Page, scale_bar, map_item, share: float = 0.3) -> None:
    """Scale bar segments of 1, 2, 2.5 or 5 (× 10^n) at every extent the map takes
    (QGIS's own fit-to-width gives steps such as 9 km on some atlas pages)."""
    per_unit = 1000.0 if scale_bar.units() == QgsUnitTypes.DistanceUnit.DistanceKilometers else 1.0

    def update(*_args):
        width = map_item.extent().width()
        if width <= 0:
            return
        segments = max(scale_bar.numberOfSegments(), 1)
        scale_bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
        scale_bar.setUnitsPerSegment(nice_segment(width * share / per_unit, segments))
        scale_bar.update()

    map_item.extentChanged.connect(update)
    page.callbacks.append(update)
    update()


def add_line_below(layout, reference_id: str, text: str, item_id: str, shift_up: float = 3.0):
    """A small one-line label under the template's ``reference_id`` label, in its style:
    the reference and the labels above it (same x, within 5 mm) move up by ``shift_up``
    mm to make room. Used for the assumptions line on pages whose template has none."""
    reference = templates.find_item(layout, reference_id)
    if reference is None or not text:
        return None
    position = reference.positionWithUnits()
    size = reference.sizeWithUnits()
    millimetres = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    for item_name in (reference_id, "source"):
        item = templates.find_item(layout, item_name)
        if item is not None:
            where = item.positionWithUnits()
            item.attemptMove(QgsLayoutPoint(where.x(), where.y() - shift_up, millimetres))
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    if hasattr(reference, "textFormat") and hasattr(label, "setTextFormat"):
        label.setTextFormat(reference.textFormat())
    else:
        label.setFont(reference.font())
        label.setFontColor(reference.fontColor())
    label.setText(text)
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(size.width(), size.height(), millimetres))
    label.attemptMove(QgsLayoutPoint(position.x(), position.y() + 0.2, millimetres))
    fit_on_one_line(label, text, smallest=5.0)
    return label
