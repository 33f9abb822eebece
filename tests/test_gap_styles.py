"""The styles in resources/styles load in this QGIS, and the algorithms put their outputs
into the project styled, named after scenario and year, in one layer group."""
import pytest
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from conftest import ROOT, open_layer
from gap_data import hand_gpkg  # noqa: F401 (fixture)

import processing

STYLES = ROOT / "resources" / "styles"


def load(layer, name):
    message, ok = layer.loadNamedStyle(str(STYLES / name))
    assert ok, message
    return layer.renderer()


def test_gap_style_is_a_diverging_rule_set_with_labels(demo_gpkg):
    layer = QgsVectorLayer("MultiPolygon?crs=epsg:28992&field=gm_name:string&field=region:string"
                           "&field=gap_class:string&field=gap_ratio:double", "gap", "memory")
    renderer = load(layer, "housing_gap.qml")
    assert renderer.type() == "RuleRenderer"
    rules = renderer.rootRule().children()   # owned by the layer's renderer
    assert [rule.label() for rule in rules][:5] == [
        "Groot tekort (50 % of meer van de vraag)", "Tekort", "In evenwicht", "Overschot",
        "Groot overschot (50 % of meer van de vraag)"]
    assert len(rules) == 6 and rules[-1].isElse()
    colours = [rule.symbol().color().name() for rule in rules[:5]]
    assert colours == ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"]
    assert layer.labelsEnabled()


def test_accommodation_style_colours_by_status_and_sizes_by_beds(demo_gpkg):
    layer = open_layer(demo_gpkg, "accommodations")   # raw field names: status, beds
    renderer = load(layer, "accommodations.qml")
    assert renderer.type() == "categorizedSymbol"
    categories = renderer.categories()   # keep the copies alive while using their symbols
    assert [c.value() for c in categories] == ["existing", "permitted", "planned", ""]
    assert [c.label() for c in categories][:3] == ["Bestaand", "Vergund", "Gepland"]
    symbol = categories[0].symbol()
    size = symbol.dataDefinedSize()
    assert size.isActive() and "beds" in size.expressionString()
    transformer = size.transformer()
    assert transformer.size(1000) > transformer.size(100)
    assert renderer.dataDefinedSizeLegend() is not None


def test_density_style_is_sequential(flexwonen_provider, demo_gpkg, tmp_path):
    result = processing.run("flexwonen:densityraster", {
        "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities",
        "MIGRANTS": f"{demo_gpkg}|layername=labour_migrants",
        "BUILTUP": f"{demo_gpkg}|layername=builtup", "CELL_SIZE": 500,
        "OUTPUT": str(tmp_path / "d.tif")})
    layer = QgsRasterLayer(result["OUTPUT"], "density")
    renderer = load(layer, "density.qml")
    assert renderer.type() == "singlebandpseudocolor"
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert len(items) == 7
    assert [item.value for item in items] == sorted(item.value for item in items)
    assert items[0].color.alpha() == 0                     # 0 persons: transparent
    lightness = [item.color.lightness() for item in items[1:]]
    assert lightness == sorted(lightness, reverse=True)    # darker with more persons


@pytest.mark.parametrize("geometry,style", [("MultiPolygon", "classified_sites.qml"),
                                            ("Point", "classified_sites_points.qml")])
def test_classified_sites_style_in_dutch(geometry, style):
    layer = QgsVectorLayer(f"{geometry}?crs=epsg:28992&field=location_class:string", "s", "memory")
    renderer = load(layer, style)
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "location_class"
    kept = renderer.categories()
    categories = {c.value(): (c.label(), c.symbol().color().name()) for c in kept}
    assert categories["inside"] == ("binnen bestaand bebouwd gebied", "#1a9641")
    assert categories["edge"] == ("aan de rand van bestaand bebouwd gebied", "#fdae61")
    assert categories["outside"] == ("buiten bestaand bebouwd gebied", "#d7191c")
    assert len(categories) == 4


@pytest.fixture
def clean_project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def test_outputs_load_styled_named_and_grouped(flexwonen_provider, hand_gpkg, clean_project, tmp_path):
    layer = lambda name: f"{hand_gpkg}|layername={name}"  # noqa: E731
    processing.runAndLoadResults("flexwonen:housinggap", {
        "MUNICIPALITIES": layer("municipalities"), "MIGRANTS": layer("labour_migrants"),
        "ACCOMMODATIONS": layer("accommodations"), "BUILTUP": layer("builtup"), "SCENARIO": 3,
        "USER_TOTAL": 500, "YEAR": 2028,
        "MUNICIPALITIES_OUTPUT": str(tmp_path / "m.gpkg"), "REGIONS_OUTPUT": str(tmp_path / "r.gpkg"),
        "ACCOMMODATIONS_OUTPUT": str(tmp_path / "a.gpkg"), "CSV_OUTPUT": str(tmp_path / "t.csv")})
    processing.runAndLoadResults("flexwonen:densityraster", {
        "MUNICIPALITIES": layer("municipalities"), "MIGRANTS": layer("labour_migrants"),
        "BUILTUP": layer("builtup"), "OUTPUT": str(tmp_path / "d.tif")})
    processing.runAndLoadResults("flexwonen:classifysites", {
        "SITES": layer("accommodations"), "BUILTUP": layer("builtup"), "OUTPUT": str(tmp_path / "c.gpkg")})

    group = clean_project.layerTreeRoot().findGroup("Flexwonen Limburg")
    assert group is not None
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    assert len(layers) == 5
    assert not [node for node in clean_project.layerTreeRoot().children()
                if node is not group and hasattr(node, "layer")]
    renderers = {name: layer.renderer().type() for name, layer in layers.items()}
    # The demand rests on the model's placeholder shares: the layer names (and so the
    # legend) say so.
    gap_municipalities = "Housing gap per municipality – user-defined (2028) – bovengrens (aanname)"
    gap_regions = "Housing gap per region – user-defined (2028) – bovengrens (aanname)"
    assert renderers[gap_municipalities] == "RuleRenderer"
    assert renderers[gap_regions] == "RuleRenderer"
    assert renderers["Accommodations – user-defined (2028)"] == "categorizedSymbol"
    assert renderers["Labour migrants per hectare – current (2022)"] == "singlebandpseudocolor"
    classified = [name for name in renderers if name not in (
        gap_municipalities, gap_regions, "Accommodations – user-defined (2028)",
        "Labour migrants per hectare – current (2022)")]
    assert len(classified) == 1 and renderers[classified[0]] == "categorizedSymbol"
    assert layers[classified[0]].renderer().classAttribute() == "location_class"
