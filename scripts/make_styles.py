"""Writes the layer styles in resources/styles from QGIS renderers (run once, commit the .qml).

    PROJ_DATA=/usr/share/proj .venv/bin/python scripts/make_styles.py

The styles are made with the QGIS API of the oldest supported QGIS (3.22), so every
supported QGIS loads them. Legend labels are Dutch: the maps are read by Dutch planners
and the steering group.
"""
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qgis_headless import ROOT, start_qgis  # noqa: E402

STYLES = ROOT / "resources" / "styles"

# ColorBrewer RdBu (5 classes): shortage red, balanced light, surplus blue.
GAP_CLASSES = (
    ("Groot tekort (50 % of meer van de vraag)",
     "\"gap_class\" = 'shortage' AND \"gap_ratio\" >= 0.5", "#ca0020"),
    ("Tekort", "\"gap_class\" = 'shortage' AND (\"gap_ratio\" < 0.5 OR \"gap_ratio\" IS NULL)",
     "#f4a582"),
    ("In evenwicht", "\"gap_class\" = 'balanced'", "#f7f7f7"),
    ("Overschot", "\"gap_class\" = 'surplus' AND (\"gap_ratio\" > -0.5 OR \"gap_ratio\" IS NULL)",
     "#92c5de"),
    ("Groot overschot (50 % of meer van de vraag)",
     "\"gap_class\" = 'surplus' AND \"gap_ratio\" <= -0.5", "#0571b0"),
    ("Onbekend (geen cijfer arbeidsmigranten)", "ELSE", "#bdbdbd"),
)
# Purple, apart from the red-blue of the gap map underneath; planned beds hollow.
ACCOMMODATION_STATUSES = (
    ("existing", "Bestaand", "#3f007d", "#3f007d"),
    ("permitted", "Vergund", "#807dba", "#3f007d"),
    ("planned", "Gepland", "255,255,255,0", "#3f007d"),
)
# Persons per hectare, ColorBrewer YlOrRd; 0 transparent so the map underneath shows.
DENSITY_CLASSES = (
    (0.0, "transparent", "0"),
    (1.0, "#ffffb2", "meer dan 0 tot 1"),
    (2.5, "#fecc5c", "1 tot 2,5"),
    (5.0, "#fd8d3c", "2,5 tot 5"),
    (10.0, "#f03b20", "5 tot 10"),
    (20.0, "#bd0026", "10 tot 20"),
    (float("inf"), "#67000d", "20 of meer"),
)


def main() -> int:
    start_qgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    gap_style()
    accommodations_style()
    density_style()
    classified_sites_styles()
    for path in sorted(STYLES.glob("*.qml")):
        print(path.relative_to(ROOT))
    return 0


def _save(layer, name):
    from qgis.core import QgsMapLayer
    categories = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
    message, ok = layer.saveNamedStyle(str(STYLES / name), categories)
    if not ok:
        raise RuntimeError(f"could not save {name}: {message}")


def _label_settings(expression):
    from qgis.core import (QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat,
                           QgsVectorLayerSimpleLabeling)
    from qgis.PyQt.QtGui import QColor
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor("#252525"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def gap_style():
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer, QgsVectorLayer
    layer = QgsVectorLayer("MultiPolygon?crs=epsg:28992&field=gm_name:string&field=region:string"
                           "&field=gap_class:string&field=gap_ratio:double", "gap", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, colour in GAP_CLASSES:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#636363",
                                             "outline_width": "0.26", "outline_style": "solid"})
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, "" if expression == "ELSE" else expression,
                                         label)
        if expression == "ELSE":
            rule.setIsElse(True)
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setLabeling(_label_settings('coalesce("gm_name", "region")'))
    layer.setLabelsEnabled(True)
    _save(layer, "housing_gap.qml")


def accommodations_style():
    from qgis.core import (QgsCategorizedSymbolRenderer, QgsDataDefinedSizeLegend,
                           QgsMarkerSymbol, QgsProperty, QgsRendererCategory,
                           QgsSizeScaleTransformer, QgsVectorLayer)
    layer = QgsVectorLayer("Point?crs=epsg:28992&field=acc_status:string&field=acc_beds:integer"
                           "&field=status:string&field=beds:integer", "acc", "memory")
    # Works on the algorithm's output (acc_status, acc_beds) and on a raw layer with the
    # default field names (status, beds).
    size = QgsProperty.fromExpression("coalesce(attribute('acc_beds'), attribute('beds'))")
    size.setTransformer(QgsSizeScaleTransformer(QgsSizeScaleTransformer.ScaleType.Flannery,
                                                0, 1500, 1.5, 10, 1.5, 0.57))
    categories = []
    for value, label, fill, outline in ACCOMMODATION_STATUSES:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": fill,
                                               "outline_color": outline, "outline_width": "0.4"})
        symbol.setDataDefinedSize(size)
        categories.append(QgsRendererCategory(value, symbol, label))
    other = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#bdbdbd",
                                          "outline_color": "#636363", "outline_width": "0.3"})
    other.setDataDefinedSize(size)
    categories.append(QgsRendererCategory(None, other, "Overig / onbekend"))
    renderer = QgsCategorizedSymbolRenderer(
        "coalesce(attribute('acc_status'), attribute('status'))", categories)
    legend = QgsDataDefinedSizeLegend()
    legend.setTitle("Bedden")
    legend.setLegendType(QgsDataDefinedSizeLegend.LegendType.LegendCollapsed)
    legend.setClasses([QgsDataDefinedSizeLegend.SizeClass(size.transformer().size(v), str(v))
                       for v in (100, 500, 1000)])
    renderer.setDataDefinedSizeLegend(legend)
    layer.setRenderer(renderer)
    _save(layer, "accommodations.qml")


def density_style():
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from qgis.core import (QgsColorRampShader, QgsRasterLayer, QgsRasterShader,
                           QgsSingleBandPseudoColorRenderer)
    from qgis.PyQt.QtGui import QColor
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "density.tif"
        with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="float32",
                           crs="EPSG:28992", transform=from_origin(190000, 360000, 100, 100),
                           nodata=-9999.0) as dataset:
            dataset.write(np.linspace(0, 30, 16, dtype="float32").reshape(4, 4), 1)
        layer = QgsRasterLayer(str(path), "density")
        ramp = QgsColorRampShader(0.0, 20.0)
        ramp.setColorRampType(QgsColorRampShader.Type.Discrete)
        ramp.setClassificationMode(QgsColorRampShader.ClassificationMode.Continuous)
        ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(
            value, QColor(0, 0, 0, 0) if colour == "transparent" else QColor(colour), label)
            for value, colour, label in DENSITY_CLASSES])
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
        renderer.setClassificationMin(0.0)
        renderer.setClassificationMax(20.0)
        layer.setRenderer(renderer)
        _save(layer, "density.qml")


def classified_sites_styles():
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory, QgsVectorLayer
    rules = json.loads((ROOT / "resources" / "rules" / "location_classification.json")
                       .read_text(encoding="utf-8"))
    for geometry, name in (("MultiPolygon", "classified_sites.qml"),
                           ("Point", "classified_sites_points.qml")):
        layer = QgsVectorLayer(f"{geometry}?crs=epsg:28992&field=location_class:string",
                               "sites", "memory")
        categories = []
        for value in ("inside", "edge", "outside"):
            colour = rules["classes"][value]["color"]
            categories.append(QgsRendererCategory(value, _site_symbol(geometry, colour),
                                                  rules["classes"][value]["label_nl"]))
        categories.append(QgsRendererCategory(None, _site_symbol(geometry, "#bdbdbd"),
                                              "geen klasse (geen bruikbare geometrie)"))
        layer.setRenderer(QgsCategorizedSymbolRenderer("location_class", categories))
        _save(layer, name)


def _site_symbol(geometry, colour):
    from qgis.core import QgsFillSymbol, QgsMarkerSymbol
    if geometry == "Point":
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "3",
                                             "outline_color": "#252525", "outline_width": "0.3"})
    from qgis.core import QgsCentroidFillSymbolLayer
    symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#252525",
                                         "outline_width": "0.4"})
    # A dot at the centre keeps sites of a hectare visible on a province-wide map.
    centre = QgsCentroidFillSymbolLayer()
    centre.setSubSymbol(QgsMarkerSymbol.createSimple({
        "name": "circle", "color": colour, "size": "2.6", "outline_color": "#ffffff",
        "outline_width": "0.3"}))
    symbol.appendSymbolLayer(centre)
    return symbol


if __name__ == "__main__":
    sys.exit(main())
