"""The exports as a user gets them: run through QGIS Processing on the demo data, then the
PDF and PNG files are opened with poppler (pdfinfo, pdftotext, pdftoppm) and looked at
pixel by pixel."""
import datetime
import re
import subprocess  # nosec B404 - the tests run poppler's command-line tools
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

import processing
from limburg_flexwonen_plugin.core import terms
from limburg_flexwonen_plugin.layouts import texts
from test_plugin_install import plugin_zip, profile  # noqa: F401 (fixtures: the installed plugin)

A4_LANDSCAPE_PT = (841.89, 595.28)
A3_LANDSCAPE_PT = (1190.55, 841.89)
A4_PORTRAIT_PT = (595.28, 841.89)
DATA_SOURCES = "kandidaatlocaties: testgemeente 2026"


# -- poppler and pixels ----------------------------------------------------------------

def pdf_info(path):
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True,  # nosec
                            timeout=60).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", output, re.M).group(1))
    width, height = (float(v) for v in re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", output, re.M).groups())
    return pages, (width, height)


def pdf_text(path, page=None):
    command = ["pdftotext", "-layout"]
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    text = subprocess.run(command + [str(path), "-"], capture_output=True, text=True, check=True,  # nosec
                          timeout=60).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligatures as two letters


def render_pdf(path, folder, dpi=20):
    """Every page of the PDF as a PNG (poppler, independent of QGIS)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(folder / "page")],  # nosec
                   check=True, timeout=300)
    return sorted(folder.glob("page*.png"))


def pixels(path):
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull(), path
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits().asstring(stride * height), dtype=np.uint8)
    return data.reshape(height, stride)[:, :width * 3].reshape(height, width, 3)


def drawn_share(array):
    """Share of pixels that are not (near-)white paper."""
    return float((array.min(axis=2) < 235).mean())


def assert_not_blank(path, minimum_share=0.02):
    array = pixels(path)
    assert array.std() > 10, f"{path.name} is a flat colour"
    assert drawn_share(array) > minimum_share, f"{path.name} is (nearly) empty"


def map_rectangle_share(png_path, layout_rect_mm, page_width_mm):
    """Drawn share inside the map item's rectangle (mm on the page) of a PNG of the page."""
    array = pixels(png_path)
    scale = array.shape[1] / page_width_mm
    x, y, w, h = (round(v * scale) for v in layout_rect_mm)
    inner = array[y + 3:y + h - 3, x + 3:x + w - 3]
    return drawn_share(inner)


# -- the exports, once per module ------------------------------------------------------

@pytest.fixture(scope="module")
def exports(flexwonen_provider, demo_gpkg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    layer = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    results = {}
    for paper, index in (("a4", 0), ("a3", 1)):
        results[f"overview_{paper}"] = processing.run("flexwonen:exportprovinceoverview", {
            "MUNICIPALITIES": layer("municipalities"), "ACCOMMODATIONS": layer("accommodations"),
            "DATA_SOURCES": DATA_SOURCES, "PAPER": index, "DPI": 60,
            "OUTPUT_PDF": str(folder / f"overview_{paper}.pdf"),
            "OUTPUT_PNG": str(folder / f"overview_{paper}.png")})
    results["atlas"] = processing.run("flexwonen:exportatlas", {
        "MUNICIPALITIES": layer("municipalities"), "ACCOMMODATIONS": layer("accommodations"),
        "BUILTUP": layer("builtup"), "LEVEL": 0, "DATA_SOURCES": DATA_SOURCES, "DPI": 50,
        "OUTPUT_PDF": str(folder / "atlas.pdf"), "OUTPUT_PNG": str(folder / "atlas_png")})
    results["sites"] = processing.run("flexwonen:exportsitereports", {
        "SITES": layer("candidate_points"), "SITE_ID_FIELD": "site_id", "BUILTUP": layer("builtup"),
        "MUNICIPALITIES": layer("municipalities"), "DATA_SOURCES": DATA_SOURCES, "DPI": 50,
        "OUTPUT_PDF": str(folder / "sites.pdf"), "OUTPUT_PNG": str(folder / "sites_png")})
    return folder, results


def feature_count(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer.featureCount(), layer


def test_pdfs_have_the_expected_pages_and_paper(exports, demo_gpkg):
    _, results = exports
    assert pdf_info(results["overview_a4"]["OUTPUT_PDF"]) == (1, pytest.approx(A4_LANDSCAPE_PT, abs=1))
    assert pdf_info(results["overview_a3"]["OUTPUT_PDF"]) == (1, pytest.approx(A3_LANDSCAPE_PT, abs=1))
    municipalities, layer = feature_count(demo_gpkg, "municipalities")
    regions = len({feature["region"] for feature in layer.getFeatures()})
    pages, size = pdf_info(results["atlas"]["OUTPUT_PDF"])
    assert (pages, results["atlas"]["PAGES"]) == (regions + municipalities, regions + municipalities)
    assert size == pytest.approx(A4_LANDSCAPE_PT, abs=1)
    sites, _ = feature_count(demo_gpkg, "candidate_points")
    assert pdf_info(results["sites"]["OUTPUT_PDF"]) == (sites, pytest.approx(A4_PORTRAIT_PT, abs=1))


def test_a_png_per_page(exports):
    _, results = exports
    assert Path(results["overview_a4"]["OUTPUT_PNG"]).is_file()
    atlas_pngs = sorted(Path(results["atlas"]["OUTPUT_PNG"]).glob("*.png"))
    assert len(atlas_pngs) == results["atlas"]["PAGES"]
    assert "atlas_regio_Noord-Limburg.png" in {p.name for p in atlas_pngs}
    site_pngs = sorted(Path(results["sites"]["OUTPUT_PNG"]).glob("*.png"))
    assert [p.name for p in site_pngs] == [f"locatietoets_P{n:03d}.png" for n in range(1, len(site_pngs) + 1)]
    for png in [Path(results["overview_a4"]["OUTPUT_PNG"])] + atlas_pngs + site_pngs:
        assert_not_blank(png)


def test_every_pdf_page_renders_and_is_not_blank(exports, tmp_path):
    _, results = exports
    for name, result in results.items():
        pages = render_pdf(result["OUTPUT_PDF"], tmp_path / name, dpi=15)
        assert len(pages) == pdf_info(result["OUTPUT_PDF"])[0]
        for page in pages:
            assert_not_blank(page)


def test_map_areas_show_the_features(exports):
    """Inside the map frames most pixels are drawn: the features are there, not white paper."""
    _, results = exports
    overview = Path(results["overview_a4"]["OUTPUT_PNG"])
    # Map item of the A4 template: x 12, y 31, 100 × 162 mm on a 297 mm wide page.
    # Limburg is long and narrow: about a quarter of the frame is the province itself.
    assert map_rectangle_share(overview, (12, 31, 100, 162), 297) > 0.2
    a3 = Path(results["overview_a3"]["OUTPUT_PNG"])
    assert map_rectangle_share(a3, tuple(v * 2 ** 0.5 for v in (12, 31, 100, 162)), 420) > 0.2
    for png in Path(results["atlas"]["OUTPUT_PNG"]).glob("*.png"):
        assert map_rectangle_share(png, (12, 31, 110, 162), 297) > 0.2, png.name
    for png in Path(results["sites"]["OUTPUT_PNG"]).glob("*.png"):
        # A site map always shows the site, the edge zone line and usually built-up area.
        assert map_rectangle_share(png, (15, 50, 180, 64), 210) > 0.003, png.name


def test_page_texts_are_dated_sourced_and_dutch(exports):
    _, results = exports
    today = texts.dutch_date(datetime.date.today())
    overview = pdf_text(results["overview_a4"]["OUTPUT_PDF"])
    assert "Huisvestingsopgave arbeidsmigranten Limburg" in overview
    assert f"gemaakt op {today}" in overview
    # CBS's municipalities, the demo's synthetic accommodations, then the user's text.
    assert f"Bron: Kadaster / CBS (CC BY 4.0); synthetische demodata; {DATA_SOURCES}" in overview
    assert "Legenda" in overview and "Regio" in overview and "bestaand" in overview
    assert re.search(r"\b10 +20 km\b", overview), "scale bar in round kilometres"
    # What the symbol sizes mean, after the status categories.
    assert overview.index("Bestaand") < overview.index("Aantal bedden") \
        < overview.index("25 bedden") < overview.index("1000 bedden")
    atlas_first = pdf_text(results["atlas"]["OUTPUT_PDF"], page=1)
    assert "Regio Noord-Limburg" in atlas_first and f"gemaakt op {today}" in atlas_first
    assert "blad 1 van 34" in atlas_first
    site = " ".join(pdf_text(results["sites"]["OUTPUT_PDF"], page=1).split())
    assert "LOCATIETOETS HUISVESTING ARBEIDSMIGRANTEN" in site and today in site
    assert "P001" in site and "Locatieklasse: binnen bestaand bebouwd gebied" in site
    assert "location_classification 2026.1" in site


def test_site_pages_carry_each_sites_own_class(exports, demo_gpkg, tmp_path):
    """The class on every page is the classification algorithm's class for that site."""
    folder, results = exports
    classified = processing.run("flexwonen:classifysites", {
        "SITES": f"{demo_gpkg}|layername=candidate_points", "SITE_ID_FIELD": "site_id",
        "BUILTUP": f"{demo_gpkg}|layername=builtup", "OUTPUT": str(tmp_path / "classified.gpkg")})
    layer = QgsVectorLayer(classified["OUTPUT"], "classified", "ogr")
    expected = {f["site_id"]: f["location_class"] for f in layer.getFeatures()}
    pdf = results["sites"]["OUTPUT_PDF"]
    for page, site_id in enumerate(sorted(expected), start=1):
        text = pdf_text(pdf, page=page)
        assert site_id in text
        label = terms.location_class(expected[site_id], terms.NL)
        assert f"Locatieklasse: {label}" in text, site_id


def test_files_are_complete_or_absent(flexwonen_provider, demo_gpkg, tmp_path):
    target = tmp_path / "overview.pdf"
    target.write_bytes(b"old content")
    processing.run("flexwonen:exportprovinceoverview", {
        "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities", "OUTPUT_PDF": str(target)})
    assert target.read_bytes().startswith(b"%PDF") and pdf_info(target)[0] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["overview.pdf"]  # no temporary files left

    cancelled = tmp_path / "cancelled"
    cancelled.mkdir()
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    # A cancelled run is an error (nothing was written), so a model or batch stops too.
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("flexwonen:exportsitereports", {
            "SITES": f"{demo_gpkg}|layername=candidate_points", "BUILTUP": f"{demo_gpkg}|layername=builtup",
            "OUTPUT_PDF": str(cancelled / "sites.pdf"), "OUTPUT_PNG": str(cancelled / "png")},
            feedback=feedback)
    assert not (cancelled / "sites.pdf").exists()
    assert not list(cancelled.rglob("*.png")) and not list(cancelled.glob(".*"))


def test_bad_input_gives_a_clear_message(flexwonen_provider, demo_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="field 'no_such_field'"):
        processing.run("flexwonen:exportprovinceoverview", {
            "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities", "REGION_FIELD": "no_such_field",
            "OUTPUT_PDF": str(tmp_path / "x.pdf")})
    assert not (tmp_path / "x.pdf").exists()


def test_qgis_process_exports_headless(profile, demo_gpkg, tmp_path):
    """The installed plugin's export through qgis_process (no Python session of ours)."""
    from test_plugin_install import PLUGIN, run_qgis_process
    assert run_qgis_process(profile, "plugins", "enable", PLUGIN).returncode == 0
    pdf, png = tmp_path / "overzicht.pdf", tmp_path / "overzicht.png"
    completed = run_qgis_process(
        profile, "run", "flexwonen:exportprovinceoverview", "--",
        f"MUNICIPALITIES={demo_gpkg}|layername=municipalities",
        f"ACCOMMODATIONS={demo_gpkg}|layername=accommodations", "PAPER=1", "DPI=50",
        f"DATA_SOURCES={DATA_SOURCES}", f"OUTPUT_PDF={pdf}", f"OUTPUT_PNG={png}")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert pdf_info(pdf) == (1, pytest.approx(A3_LANDSCAPE_PT, abs=1))
    assert_not_blank(png)
    assert f"gemaakt op {texts.dutch_date(datetime.date.today())}" in pdf_text(pdf)


def test_site_page_headings_stay_on_one_line(exports):
    """The norms heading names both norm sets on one line, above its table (QGIS 3.40 set
    it a little wider than 3.22 and wrapped its last word into the table's header)."""
    folder, results = exports
    text = pdf_text(results["sites"]["OUTPUT_PDF"], page=1)
    heading = next(line.strip() for line in text.splitlines() if line.strip().startswith("Normtoets"))
    assert heading.endswith("Limburg"), heading
    assert "SNF" in heading or "AKF" in heading, heading
