"""Every output names the sources of the data it used, read from the layers: Kadaster /
CBS only where CBS data was used, "synthetische demodata" for the demo's synthetic
layers, the user's own layer names otherwise. Map pages, atlas pages and site reports
are read back from their PDFs, GeoPackage outputs from their layer descriptions.

The demo's municipalities are CBS boundaries; its built-up area, sites, points,
accommodations and labour migrants are synthetic (test_data/README.md).
"""
import contextlib
import re
import sqlite3
import subprocess  # nosec B404 - poppler's pdftotext reads the exported pages back
import unicodedata

import pyogrio
import pytest

import processing

CBS = "Kadaster / CBS (CC BY 4.0)"
SYNTHETIC = "synthetische demodata"


def pdf_pages_text(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,  # nosec
                          text=True, check=True, timeout=120).stdout
    return [" ".join(unicodedata.normalize("NFKC", page).split()) for page in text.split("\f")
            if page.strip()]


def source_lines(path):
    """The 'Bron: …' text of each page, up to what follows it on the page (the date, the
    versions line or the page number)."""
    lines = []
    for page in pdf_pages_text(path):
        found = re.search(r"Bron: (.*?)(?: · gemaakt op| Model: | Regels: | blad \d| Flexwonen Limburg \d|$)",
                          page)
        assert found, f"{path.name}: a page without sources"
        lines.append(found.group(1))
    return lines


def descriptions(path):
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        return dict(connection.execute("SELECT table_name, description FROM gpkg_contents"))


def assert_credits(text, cbs, synthetic, names=()):
    """CBS is credited exactly when CBS data was drawn or used; synthetic data is always
    called synthetic; the user's own layers by their names."""
    assert (CBS in text) == cbs, text
    assert ("CBS" in text) == cbs and ("Kadaster" in text) == cbs, text
    assert (SYNTHETIC in text) == synthetic, text
    for name in names:
        assert name in text, text


@pytest.fixture(scope="module")
def outputs(flexwonen_provider, demo_gpkg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("credits")
    demo = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    # A user's own municipalities: the same shapes, without any metadata.
    own = folder / "eigen_gemeenten.gpkg"
    pyogrio.write_dataframe(pyogrio.read_dataframe(demo_gpkg, layer="municipalities"), own,
                            layer="eigen_gemeenten")
    gap = folder / "gap.gpkg"
    processing.run("flexwonen:housinggap", {
        "MUNICIPALITIES": demo("municipalities"), "MIGRANTS": demo("labour_migrants"),
        "ACCOMMODATIONS": demo("accommodations"), "BUILTUP": demo("builtup"), "SCENARIO": 0,
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{gap}' table=\"municipalities\" (geom)",
        "REGIONS_OUTPUT": f"ogr:dbname='{gap}' table=\"regions\" (geom)",
        "ACCOMMODATIONS_OUTPUT": "TEMPORARY_OUTPUT", "CSV_OUTPUT": "TEMPORARY_OUTPUT"})
    classified = folder / "classified.gpkg"
    processing.run("flexwonen:classifysites", {
        "SITES": demo("candidate_points"), "SITE_ID_FIELD": "site_id", "BUILTUP": demo("builtup"),
        "KERN_NAME_FIELD": "kern_name", "OUTPUT": str(classified)})
    pdf = {}
    for key, municipalities, regions in (("overview_gap", f"{gap}|layername=municipalities",
                                          f"{gap}|layername=regions"),
                                         ("overview_own", f"{own}|layername=eigen_gemeenten", None)):
        parameters = {"MUNICIPALITIES": municipalities, "ACCOMMODATIONS": demo("accommodations"),
                      "DPI": 50, "OUTPUT_PDF": str(folder / f"{key}.pdf")}
        if regions:
            parameters["REGIONS"] = regions
        pdf[key] = processing.run("flexwonen:exportprovinceoverview", parameters)["OUTPUT_PDF"]
    pdf["atlas"] = processing.run("flexwonen:exportatlas", {
        "MUNICIPALITIES": f"{gap}|layername=municipalities", "REGIONS": f"{gap}|layername=regions",
        "BUILTUP": demo("builtup"), "LEVEL": 1, "DPI": 50,
        "OUTPUT_PDF": str(folder / "atlas.pdf")})["OUTPUT_PDF"]
    pdf["sites_own"] = processing.run("flexwonen:exportsitereports", {
        "SITES": demo("candidate_points"), "SITE_ID_FIELD": "site_id", "BUILTUP": demo("builtup"),
        "MUNICIPALITIES": f"{own}|layername=eigen_gemeenten", "DPI": 50,
        "OUTPUT_PDF": str(folder / "sites_own.pdf")})["OUTPUT_PDF"]
    pdf["sites_demo"] = processing.run("flexwonen:exportsitereports", {
        "SITES": demo("candidate_points"), "SITE_ID_FIELD": "site_id", "BUILTUP": demo("builtup"),
        "MUNICIPALITIES": demo("municipalities"), "DPI": 50,
        "OUTPUT_PDF": str(folder / "sites_demo.pdf")})["OUTPUT_PDF"]
    return {"gap": gap, "classified": classified, "pdf": pdf}


def test_geopackage_outputs_record_the_sources_of_their_inputs(outputs):
    gap = descriptions(outputs["gap"])
    for table in ("municipalities", "regions"):
        # CBS boundaries with synthetic labour migrants, accommodations and built-up area.
        assert gap[table] == f"Bronnen: {CBS}; {SYNTHETIC}"
    # Sites classified by the synthetic built-up area only: nothing of CBS in it.
    (described,) = descriptions(outputs["classified"]).values()
    assert described == f"Bronnen: {SYNTHETIC}"


def test_province_overview_credits_the_layers_on_the_page(outputs):
    (line,) = source_lines(outputs["pdf"]["overview_gap"])
    assert line == f"{CBS}; {SYNTHETIC}"
    # The user's own municipalities: their name, not CBS; the accommodations stay synthetic.
    (line,) = source_lines(outputs["pdf"]["overview_own"])
    assert_credits(line, cbs=False, synthetic=True, names=["eigen_gemeenten"])


def test_every_atlas_page_credits_its_sources(outputs):
    lines = source_lines(outputs["pdf"]["atlas"])
    assert len(lines) == 3   # the three regions
    for line in lines:
        assert_credits(line, cbs=True, synthetic=True)


def test_every_site_report_credits_its_sources(outputs):
    own = source_lines(outputs["pdf"]["sites_own"])
    demo = source_lines(outputs["pdf"]["sites_demo"])
    assert len(own) == len(demo) == 20
    for line in own:
        assert_credits(line, cbs=False, synthetic=True, names=["eigen_gemeenten"])
    for line in demo:
        assert_credits(line, cbs=True, synthetic=True)
