"""The filled print layouts before export: the texts in their items, the map extents, the
legends and the tables, page by page (QgsPrintLayout read back as QGIS holds it)."""
import datetime

import geopandas as gpd
import pytest
import shapely
from qgis.core import QgsProject, QgsRectangle, QgsVectorLayer

from limburg_flexwonen_plugin.bridge.provenance import credits_of
from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters
from limburg_flexwonen_plugin.core.credits import merged
from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.core import terms
from limburg_flexwonen_plugin.layouts import templates, texts
from limburg_flexwonen_plugin.layouts.area_atlas import AtlasInputs, build_area_atlas
from limburg_flexwonen_plugin.layouts.layers import copy_of
from limburg_flexwonen_plugin.layouts.page import legend_titles
from limburg_flexwonen_plugin.layouts.province_overview import OverviewInputs, build_province_overview
from limburg_flexwonen_plugin.core.site_assessment import AssessmentInputs, assess
from limburg_flexwonen_plugin.layouts.site_reports import SiteReportInputs, build_site_reports

EXPORT_DAY = datetime.date(2026, 11, 27)


def demo_copy(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return copy_of(layer, name)


def text_of(layout, item_id):
    return templates.find_item(layout, item_id).currentText()


def legend_layer_ids(layout):
    return [node.layerId() for node in templates.find_item(layout, "legend").model().rootGroup().findLayers()]


def table_cells(layout, item_id):
    table = templates.find_item(layout, item_id)
    table.refreshAttributes()
    return [[str(cell) for cell in row] for row in table.contents()]


@pytest.mark.parametrize("name", [templates.PROVINCE_OVERVIEW["A4"], templates.PROVINCE_OVERVIEW["A3"],
                                  templates.AREA_ATLAS, templates.SITE_REPORT])
def test_templates_hold_the_items_the_code_fills(qgis_app, name):
    required = {templates.AREA_ATLAS: templates.ATLAS_ITEMS, templates.SITE_REPORT: templates.SITE_ITEMS}.get(
        name, templates.PROVINCE_ITEMS)
    layout = templates.load_layout(name, QgsProject(), required=required)
    assert layout.pageCollection().pageCount() == 1
    assert templates.find_item(layout, "north_arrow").picturePath().endswith("north_arrow.svg")


def test_a_template_without_a_required_item_is_refused_by_name(qgis_app):
    with pytest.raises(InputError, match="lacks the item.*region_table"):
        templates.load_layout(templates.SITE_REPORT, QgsProject(), required=("title", "region_table"))


@pytest.fixture(scope="module")
def overview(qgis_app, demo_gpkg):
    municipalities = demo_copy(demo_gpkg, "municipalities")
    accommodations = demo_copy(demo_gpkg, "accommodations")
    page = build_province_overview(OverviewInputs(
        municipalities, accommodations=accommodations, scenario="2030 hoog",
        data_sources="huisvesting: provinciale monitor 2026", paper="A4", export_date=EXPORT_DAY))
    return page, municipalities, accommodations


def test_overview_texts(overview):
    layout = overview[0].layout
    assert text_of(layout, "title") == "Huisvestingsopgave arbeidsmigranten Limburg"
    assert text_of(layout, "subtitle") == "Scenario: 2030 hoog  ·  gemaakt op 27 november 2026"
    # Read from the layers drawn: CBS's municipalities, the demo's synthetic accommodations.
    assert text_of(layout, "source") == ("Bron: Kadaster / CBS (CC BY 4.0); synthetische demodata; "
                                         "huisvesting: provinciale monitor 2026")
    assert text_of(layout, "versions").startswith("Flexwonen Limburg ")


def test_overview_subtitle_without_a_scenario_shows_only_the_date(qgis_app, demo_gpkg):
    page = build_province_overview(OverviewInputs(demo_copy(demo_gpkg, "municipalities"),
                                                  export_date=datetime.date(2027, 1, 5)))
    assert text_of(page.layout, "subtitle") == "gemaakt op 5 januari 2027"


def test_overview_map_covers_limburg(overview):
    page, municipalities, _ = overview
    map_item = templates.find_item(page.layout, "map")
    assert map_item.crs().authid() == "EPSG:28992"
    assert map_item.extent().contains(municipalities.extent())
    # ... and not much more: Limburg fills the map's height.
    assert map_item.extent().height() < 1.15 * municipalities.extent().height()


def test_overview_legend_lists_exactly_the_layers_shown(overview):
    page, municipalities, accommodations = overview
    map_item = templates.find_item(page.layout, "map")
    assert legend_layer_ids(page.layout) == [layer.id() for layer in map_item.layers()]
    assert legend_titles(templates.find_item(page.layout, "legend")) == \
        ["Huisvesting arbeidsmigranten (bedden)", "Regio", "Gemeente"]


def test_overview_shows_no_region_table_without_the_housing_gap(overview):
    layout = overview[0].layout
    assert templates.find_frame(layout, "region_table") is None
    assert templates.find_frame(layout, "table_title") is None


def test_a3_is_the_a4_design_scaled(qgis_app, demo_gpkg):
    a3 = build_province_overview(OverviewInputs(demo_copy(demo_gpkg, "municipalities"), paper="A3",
                                                export_date=EXPORT_DAY)).layout
    page = a3.pageCollection().page(0).pageSize()
    assert (round(page.width()), round(page.height())) == (420, 297)
    a4 = templates.load_layout(templates.PROVINCE_OVERVIEW["A4"], QgsProject())
    ratio = templates.find_item(a3, "title").font().pointSizeF() / templates.find_item(a4, "title").font().pointSizeF()
    assert ratio == pytest.approx(2 ** 0.5, rel=0.01)


@pytest.fixture(scope="module")
def atlas(qgis_app, demo_gpkg):
    municipalities = demo_copy(demo_gpkg, "municipalities")
    page = build_area_atlas(AtlasInputs(municipalities, accommodations=demo_copy(demo_gpkg, "accommodations"),
                                        builtup=demo_copy(demo_gpkg, "builtup"), export_date=EXPORT_DAY))
    frame = gpd.read_file(demo_gpkg, layer="municipalities")
    return page, frame


def test_atlas_has_a_page_per_region_then_its_municipalities(atlas):
    page, frame = atlas
    expected = []
    for region in ("Noord-Limburg", "Midden-Limburg", "Zuid-Limburg"):
        expected.append(f"regio:{region}")
        expected += [f"gemeente:{name}" for name in sorted(frame.loc[frame.region == region, "gm_name"])]
    assert page.page_names == expected
    assert page.layout.atlas().count() == len(expected)


def test_atlas_pages_follow_their_area(atlas):
    page, frame = atlas
    layout = page.layout
    atlas_ = layout.atlas()
    map_item = templates.find_item(layout, "map")
    regions = frame.dissolve("region")
    assert atlas_.beginRender()
    try:
        for index, key in enumerate(page.page_names):
            assert atlas_.seekTo(index)
            kind, name = key.split(":", 1)
            geometry = regions.geometry[name] if kind == "regio" else \
                frame.loc[frame.gm_name == name].geometry.iloc[0]
            minx, miny, maxx, maxy = geometry.bounds
            extent = map_item.extent()
            assert extent.contains(QgsRectangle(minx, miny, maxx, maxy)), key
            assert extent.width() * extent.height() < 4 * (maxx - minx) * (maxy - miny) + 4e6, key
            title = text_of(layout, "title")
            assert title.endswith(f"Regio {name}" if kind == "regio" else f"Gemeente {name} ({geometry_region(frame, name)})")
            assert text_of(layout, "page_number") == f"blad {index + 1} van {len(page.page_names)}"
            figures = dict((row[0], row[1]) for row in table_cells(layout, "figures_table"))
            inhabitants = frame.loc[frame.region == name, "inhabitants"].sum() if kind == "regio" else \
                int(frame.loc[frame.gm_name == name, "inhabitants"].iloc[0])
            assert figures["Inwoners"] == texts.dutch_number(inhabitants)
            members = [row[0] for row in table_cells(layout, "members_table")
                       + table_cells(layout, "members_table_2")]
            region = name if kind == "regio" else geometry_region(frame, name)
            assert members == sorted(frame.loc[frame.region == region, "gm_name"])
    finally:
        atlas_.endRender()


def geometry_region(frame, name):
    return frame.loc[frame.gm_name == name, "region"].iloc[0]


def test_atlas_legend_lists_the_layers_shown(atlas):
    page, _ = atlas
    map_item = templates.find_item(page.layout, "map")
    shown = [layer.id() for layer in map_item.layers() if layer.name() != "Buiten dit blad"]
    assert sorted(legend_layer_ids(page.layout)) == sorted(shown)
    assert legend_titles(templates.find_item(page.layout, "legend")) == [
        "Huisvesting arbeidsmigranten (bedden)", "Regiogrens", "Bestaand bebouwd gebied", "Gemeente"]


@pytest.fixture(scope="module")
def site_reports(qgis_app, demo_gpkg):
    sites = gpd.read_file(demo_gpkg, layer="candidate_sites")
    hard = sites[sites["case"] != "regular"]
    assessment = assess(hard, AssessmentInputs(
        gpd.read_file(demo_gpkg, layer="builtup"), gpd.read_file(demo_gpkg, layer="municipalities"),
        parameters=ClassificationParameters(300.0, 0.9), norm_set=None), site_id_field="site_id")
    inputs = SiteReportInputs(
        assessment, data_sources="kandidaatlocaties: demodata", export_date=EXPORT_DAY,
        credits=merged(*(credits_of(QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr"))
                         for name in ("candidate_sites", "builtup", "municipalities"))))
    page, data = build_site_reports(inputs)
    return page, data, hard


def test_one_site_page_per_site_in_input_order(site_reports):
    page, data, hard = site_reports
    assert page.page_names == list(hard["site_id"])
    assert page.layout.atlas().count() == len(hard)
    assert data.skipped == []


def test_site_pages_show_the_site_plus_its_edge_distance(site_reports):
    page, data, hard = site_reports
    layout = page.layout
    atlas_ = layout.atlas()
    map_item = templates.find_item(layout, "map")
    classified = data.classified.set_index("page_key")
    assert atlas_.beginRender()
    try:
        for index, key in enumerate(page.page_names):
            assert atlas_.seekTo(index)
            site = classified.loc[key]
            minx, miny, maxx, maxy = shapely.buffer(site.geometry, 300.0).bounds
            assert map_item.extent().contains(QgsRectangle(minx, miny, maxx, maxy)), key
            label = terms.location_class(site.location_class, terms.NL)
            assert text_of(layout, "class_box") == f"Locatieklasse: {label}", key
            assert text_of(layout, "date") == "27 november 2026"
            assert text_of(layout, "source") == \
                "Bron: synthetische demodata; Kadaster / CBS (CC BY 4.0); kandidaatlocaties: demodata"
            location = dict((row[0], row[1]) for row in table_cells(layout, "location_table"))
            assert location["Afstand tot bebouwd gebied"] == texts.metres(site.distance_m), key
            assert location["Aandeel binnen bebouwd gebied"] == texts.percentage(site.inside_share), key
            plan = dict((row[0], row[1]) for row in table_cells(layout, "plan_table"))
            beds = hard.set_index("site_id").loc[key, "planned_beds"]
            assert plan["Geplande bedden"] == texts.dutch_number(beds)
            assert "300 m" in text_of(layout, "assumptions")
    finally:
        atlas_.endRender()


def test_site_map_legend_lists_the_layers_shown(site_reports):
    page, _, _ = site_reports
    map_item = templates.find_item(page.layout, "map")
    assert legend_layer_ids(page.layout) == [layer.id() for layer in map_item.layers()]
    assert legend_titles(templates.find_item(page.layout, "legend")) == [
        "Kandidaatlocaties", "Kortste afstand tot bebouwd gebied", "Randzone (300 m rond bebouwd gebied)",
        "Bestaand bebouwd gebied", "Gemeentegrens"]


def test_site_without_geometry_gets_no_page_and_is_named(qgis_app, demo_gpkg):
    sites = gpd.read_file(demo_gpkg, layer="candidate_sites").head(3)
    sites.loc[sites.index[1], "geometry"] = None
    assessment = assess(sites, AssessmentInputs(gpd.read_file(demo_gpkg, layer="builtup"), norm_set=None),
                        site_id_field="site_id")
    page, data = build_site_reports(SiteReportInputs(assessment, export_date=EXPORT_DAY))
    assert data.skipped == [sites.iloc[1]["site_id"]]
    assert page.page_names == [sites.iloc[0]["site_id"], sites.iloc[2]["site_id"]]
