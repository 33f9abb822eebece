"""The pages carry the other analyses' own results: the housing gap (choropleth, region
totals, atlas figures) and, on the site report, the norm check and the concentration and
gap effect. Each figure is compared with the output of that analysis's own algorithm."""
import datetime
import re
import subprocess  # nosec B404 - pdftotext reads the exported PDF
import unicodedata

import geopandas as gpd
import pytest
from qgis.core import QgsVectorLayer

import processing
from limburg_flexwonen_plugin.core import terms
from limburg_flexwonen_plugin.layouts import gap_fields, templates, texts
from limburg_flexwonen_plugin.layouts.area_atlas import AtlasInputs, build_area_atlas
from limburg_flexwonen_plugin.layouts.layers import copy_of
from limburg_flexwonen_plugin.layouts.page import legend_titles
from limburg_flexwonen_plugin.layouts.province_overview import OverviewInputs, build_province_overview

EXPORT_DAY = datetime.date(2026, 11, 27)
SITES = ("S001", "S003", "S010", "S011", "S013", "S020")


def layer_of(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def table_cells(layout, item_id):
    table = templates.find_item(layout, item_id)
    table.refreshAttributes()
    return [[str(cell) for cell in row] for row in table.contents()]


def pdf_page_text(path, page):
    text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],  # nosec
                          capture_output=True, text=True, check=True, timeout=60).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def gap(flexwonen_provider, demo_gpkg, tmp_path_factory):
    """The housing gap of the demo data (2030 high), made by its own algorithm."""
    package = tmp_path_factory.mktemp("gap") / "gap.gpkg"
    processing.run("flexwonen:housinggap", {
        "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities",
        "MIGRANTS": f"{demo_gpkg}|layername=labour_migrants",
        "ACCOMMODATIONS": f"{demo_gpkg}|layername=accommodations",
        "BUILTUP": f"{demo_gpkg}|layername=builtup", "SCENARIO": 2,
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{package}' table=\"municipalities\" (geom)",
        "REGIONS_OUTPUT": f"ogr:dbname='{package}' table=\"regions\" (geom)",
        "ACCOMMODATIONS_OUTPUT": "TEMPORARY_OUTPUT", "CSV_OUTPUT": "TEMPORARY_OUTPUT"})
    return package


def test_overview_with_the_gap(gap, demo_gpkg):
    regions = layer_of(gap, "regions")
    page = build_province_overview(OverviewInputs(
        copy_of(layer_of(gap, "municipalities"), "gap"), regions=copy_of(regions, "regions"),
        accommodations=copy_of(layer_of(demo_gpkg, "accommodations"), "acc"), export_date=EXPORT_DAY))
    layout = page.layout
    assert templates.find_item(layout, "subtitle").currentText() == \
        "Scenario: 2030 hoog  ·  gemaakt op 27 november 2026"
    assert "Model: housing_gap_model" in templates.find_item(layout, "versions").currentText()
    # The demo's demand rests on the model's placeholder shares: the legend says so.
    assert legend_titles(templates.find_item(layout, "legend"))[-1] == \
        f"{gap_fields.GAP_LEGEND_TITLE}\nbovengrens (aanname)"
    # The municipalities are drawn with the gap style (its rules on gap_class).
    municipalities = templates.find_item(layout, "map").layers()[-1]
    assert "gap_class" in municipalities.renderer().dump()
    expected = {f["region"]: f for f in regions.getFeatures()}
    rows = table_cells(layout, "region_table")
    assert [row[0] for row in rows] == ["Noord-Limburg", "Midden-Limburg", "Zuid-Limburg", "Limburg"]
    for row in rows:
        feature = expected[row[0]]
        assert row[1:] == [texts.dutch_number(feature[name]) for name in gap_fields.TABLE_FIELDS]
    stay_rows = {row[0]: row[1:] for row in table_cells(layout, "stay_table")}
    assert stay_rows["Limburg"] == [texts.dutch_number(expected["Limburg"][name]) for name in gap_fields.STAY_FIELDS]
    # The province row adds up the regions (as the gap algorithm guarantees); the page shows it.
    assert expected["Limburg"]["labour_migrants"] == 112000


def test_atlas_figures_are_the_gap_outputs(gap, demo_gpkg):
    municipalities = layer_of(gap, "municipalities")
    regions = layer_of(gap, "regions")
    page = build_area_atlas(AtlasInputs(copy_of(municipalities, "gap"), regions=copy_of(regions, "regions"),
                                        level="both", export_date=EXPORT_DAY))
    layout = page.layout
    atlas = layout.atlas()
    municipal = {f["gm_name"]: f for f in municipalities.getFeatures()}
    regional = {f["region"]: f for f in regions.getFeatures()}
    assert atlas.beginRender()
    try:
        for index, key in enumerate(page.page_names):
            if key not in ("regio:Noord-Limburg", "gemeente:Venlo", "gemeente:Vaals"):
                continue
            assert atlas.seekTo(index)
            kind, name = key.split(":")
            feature = regional[name] if kind == "regio" else municipal[name]
            figures = {row[0]: row[1:] for row in table_cells(layout, "figures_table")}
            assert figures["Arbeidsmigranten"] == [texts.dutch_number(feature["labour_migrants"]),
                                                   texts.dutch_number(regional["Limburg"]["labour_migrants"])]
            assert figures["Saldo vraag − aanbod (bedden; negatief = overschot)"][0] == \
                texts.dutch_number(feature["gap_beds"])
            # The shortage: the municipalities' shortages added up, never netted.
            assert figures["Tekort: som van de gemeentelijke tekorten (bedden)"] == [
                texts.dutch_number(feature["shortage_beds"]),
                texts.dutch_number(regional["Limburg"]["shortage_beds"])]
            assert figures["Arbeidsmigranten per 1.000 inwoners"][0] == \
                texts.dutch_number(feature["migrants_per_1000_inh"], 1)
            assert figures["Beoordeling"][0] == terms.term(terms.GAP_CLASS, feature["gap_class"])
            members = {row[0]: row for row in table_cells(layout, "members_table")
                       + table_cells(layout, "members_table_2")}
            for member, row in members.items():
                assert row[-1] == texts.dutch_number(municipal[member]["gap_beds"])
    finally:
        atlas.endRender()


@pytest.fixture(scope="module")
def site_pages(flexwonen_provider, demo_gpkg, tmp_path_factory):
    """Site reports with norms and effect, and the same sites through the analyses' own
    algorithms for comparison."""
    folder = tmp_path_factory.mktemp("site_reports")
    subset = folder / "sites.gpkg"
    # A copy of some demo sites (read with geopandas: the demo GeoPackage stays untouched).
    sites = gpd.read_file(demo_gpkg, layer="candidate_sites")
    sites[sites["site_id"].isin(SITES)].to_file(subset, layer="sites", promote_to_multi=True)
    common = {"SITES": f"{subset}|layername=sites", "SITE_ID_FIELD": "site_id",
              "BUILTUP": f"{demo_gpkg}|layername=builtup",
              "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities",
              "ADD_CONTEXT": True, "CONTEXT_MIGRANTS": f"{demo_gpkg}|layername=labour_migrants",
              "CONTEXT_ACCOMMODATIONS": f"{demo_gpkg}|layername=accommodations"}
    report = processing.run("flexwonen:exportsitereports", dict(common, OUTPUT_PDF=str(folder / "report.pdf")))
    classified = processing.run("flexwonen:classifysites", dict(common, CHECK_NORMS=True,
                                                                OUTPUT=str(folder / "classified.gpkg")))
    reference = {f["site_id"]: f for f in QgsVectorLayer(classified["OUTPUT"], "c", "ogr").getFeatures()}
    return report["OUTPUT_PDF"], reference


def test_site_pages_show_the_norm_check_of_the_norm_algorithm(site_pages):
    pdf, reference = site_pages
    for page, site_id in enumerate(SITES, start=1):
        text = pdf_page_text(pdf, page)
        feature = reference[site_id]
        assert "Normtoets: Provinciale ondergrens Limburg + SNF-norm" in text or \
            "Normtoets: SNF-norm (Stichting Normering Flexwonen) + Provinciale ondergrens Limburg" in text
        verdict = terms.VERDICT[feature["norms_verdict"]][terms.NL]
        assert re.search(rf"Oordeel {verdict}\b", text), (site_id, verdict)
        for rule in ("floor_persons_per_bedroom", "floor_living_area", "snf_toilets"):
            assert feature[f"norm_{rule}"] in ("pass", "fail", "unknown")
        if feature["norms_max_beds"]:
            assert f"Hoogstens {texts.dutch_number(feature['norms_max_beds'])} bedden" in text
        assert "limburg_floor 2024.1 + snf 2024.1" in text


def test_site_pages_show_the_gap_effect_of_the_site_context(site_pages):
    pdf, reference = site_pages
    for page, site_id in enumerate(SITES, start=1):
        text = pdf_page_text(pdf, page)
        feature = reference[site_id]
        if feature["ctx_gm_gap_before"] is None or str(feature["ctx_gm_gap_before"]) == "NULL":
            assert "niet te bepalen" in text, site_id
            continue
        change = (f"{texts.dutch_number(feature['ctx_gm_gap_before'])} → "
                  f"{texts.dutch_number(feature['ctx_gm_gap_after'])}")
        assert f"Tekort gemeente (bedden) {change}" in text, site_id
        concentration = (f"{texts.dutch_number(feature['ctx_beds_per_100_inh_before'], 1)} → "
                         f"{texts.dutch_number(feature['ctx_beds_per_100_inh_after'], 1)}")
        assert concentration in text, site_id
        assert "Model: housing_gap_model 2026.2" in text
        # What the demand rests on and the model's assumptions, small but on every page
        # (pdftotext interleaves the two columns, so the parts are looked for apart).
        assert "Vraag berust op bovengrens (aanname)" in text
        assert "Aannames:" in text and "evenwichtsband ±10 %" in text
