"""Writes the layer styles of the business housing effect in resources/styles (run once,
commit the .qml):

    PROJ_DATA=/usr/share/proj .venv/bin/python scripts/make_business_effect_styles.py

Made with the QGIS API of the oldest supported QGIS (3.22). Legend labels are Dutch, like
the other styles: the maps are read by Dutch planners.
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qgis_headless import ROOT, start_qgis  # noqa: E402

STYLES = ROOT / "resources" / "styles"
# Beds placed by a business in a municipality: ColorBrewer Oranges, half transparent so the
# gap map underneath stays readable.
BED_CLASSES = ((0.5, 9.5, "1–9 bedden", "#fdd0a2"), (9.5, 49.5, "10–49 bedden", "#fdae6b"),
               (49.5, 99.5, "50–99 bedden", "#fd8d3c"), (99.5, 249.5, "100–249 bedden", "#e6550d"),
               (249.5, 1e9, "250 bedden of meer", "#a63603"))


def main() -> int:
    start_qgis()
    from qgis.core import (QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsMarkerSymbol,
                           QgsRendererRange, QgsSingleSymbolRenderer, QgsVectorLayer)

    def save(layer, name):
        path = STYLES / name
        with tempfile.TemporaryDirectory() as folder:
            temporary = Path(folder) / name
            message, ok = layer.saveNamedStyle(str(temporary))
            if not ok:
                raise RuntimeError(f"{name}: {message}")
            path.write_text(temporary.read_text(encoding="utf-8"), encoding="utf-8")
        print(path.relative_to(ROOT))

    points = QgsVectorLayer("MultiPoint?crs=EPSG:28992&field=business_name:string", "Bedrijf", "memory")
    star = QgsMarkerSymbol.createSimple({"name": "star", "color": "#cb181d", "size": "5",
                                         "outline_color": "#67000d", "outline_width": "0.3"})
    points.setRenderer(QgsSingleSymbolRenderer(star))
    save(points, "business_points.qml")

    polygons = QgsVectorLayer("MultiPolygon?crs=EPSG:28992&field=business_name:string", "Bedrijf", "memory")
    polygons.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#cb181d", "outline_color": "#67000d", "outline_width": "0.4"})))
    save(polygons, "business_polygons.qml")

    reach = QgsVectorLayer("MultiPolygon?crs=EPSG:28992&field=outer_km:double", "Bereik", "memory")
    reach.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#08519c", "outline_width": "0.6",
         "outline_style": "dash"})))
    save(reach, "business_reach.qml")

    allocation = QgsVectorLayer("MultiPolygon?crs=EPSG:28992&field=beds:integer", "Bedden", "memory")
    ranges = []
    for lower, upper, label, colour in BED_CLASSES:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#7f2704",
                                             "outline_width": "0.2"})
        symbol.setOpacity(0.7)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    allocation.setRenderer(QgsGraduatedSymbolRenderer("beds", ranges))
    save(allocation, "business_allocation.qml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
