"""The real QGIS desktop (under Xvfb, in Dutch) with the installed plugin zip: open the
site assessment panel, assess a demo site, run the province analysis, and keep the
screenshots as test artifacts (test-artifacts/desktop/)."""
import shutil
import sys

import pytest
from qgis.PyQt.QtGui import QColor, QImage

from conftest import PACKAGE_ZIP, ROOT, open_layer

sys.path.insert(0, str(ROOT / "scripts"))
import make_screenshots  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "desktop"


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory):
    assert PACKAGE_ZIP.exists(), "run `make package` first (make test does)"
    work = tmp_path_factory.mktemp("desktop")
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    result = make_screenshots.run_in_desktop(work, ARTIFACTS, site_case="touching_outside")
    assert "error" not in result, result.get("error", "") + result.get("log", "")
    return result


def colour_share(image: QImage, colour: str, left: int, right: int, tolerance: int = 12) -> float:
    """Share of the pixels in the column band [left, right) that have (about) this colour."""
    wanted = QColor(colour)
    hits = total = 0
    for x in range(left, right, 2):
        for y in range(0, image.height(), 2):
            pixel = QColor(image.pixel(x, y))
            total += 1
            if (abs(pixel.red() - wanted.red()) <= tolerance and abs(pixel.green() - wanted.green()) <= tolerance
                    and abs(pixel.blue() - wanted.blue()) <= tolerance):
                hits += 1
    return hits / max(total, 1)


@pytest.mark.desktop
def test_the_panel_assesses_a_demo_site_in_the_desktop(desktop_run, demo_gpkg):
    assert desktop_run["panel_visible"] and desktop_run["panel_title"] == "Locatietoets"
    assert desktop_run["selected"] == 1
    sites = open_layer(demo_gpkg, "candidate_sites")
    site = next(f for f in sites.getFeatures() if f["case"] == "touching_outside")
    assert desktop_run["assessed"] == [{"site_id": site["site_id"], "location_class": "edge"}]
    card = desktop_run["card"]
    for text in (site["name"], "aan de rand van bestaand bebouwd gebied", "Dichtstbijzijnde kern",
                 "Horst aan de Maas", "Noord-Limburg", "Stippellijn op de kaart",
                 "Tekort aan bedden in de gemeente, met deze locatie", "huidig ("):
        assert text in card, text


@pytest.mark.desktop
def test_the_screenshot_shows_the_card_with_the_class_in_colour(desktop_run):
    image = QImage(desktop_run["panel_png"])
    assert not image.isNull() and image.width() >= 1200
    width = image.width()
    # The card (right-hand dock) shows the edge class's colour as a banner; the map does not.
    assert colour_share(image, "#fdae61", int(width * 0.7), width) > 0.002
    # Not a blank window: the map and the panels have many colours.
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


@pytest.mark.desktop
def test_the_province_analysis_adds_styled_results_to_one_group(desktop_run, demo_gpkg):
    sites = open_layer(demo_gpkg, "candidate_sites")
    province = desktop_run["province"]
    assert province["ok"] and province["message"].startswith(f"{sites.featureCount()} locaties")
    names = desktop_run["province_layers"]
    assert names[0] == "Kandidaatlocaties – locatieklasse"
    assert [name.split(" – ")[0] for name in names[1:]] == [
        "Huisvestingslocaties", "Huisvestingsopgave per gemeente", "Huisvestingsopgave per regio"]
    assert all(name.split(" – ")[1].startswith("huidig (") for name in names[1:])  # scenario in Dutch
    assert "Huisvestingsopgave in de provincie, huidig (" in province["message"]
    image = QImage(desktop_run["province_png"])
    for colour in ("#1a9641", "#fdae61", "#d7191c"):  # the three classes on the map
        assert colour_share(image, colour, 0, image.width(), tolerance=8) > 0.00005, colour
    assert not QImage(desktop_run["options_png"]).isNull()


@pytest.mark.desktop
def test_the_card_shows_the_norm_verdict_and_the_gap_effect(desktop_run):
    card = desktop_run["card"]
    for text in ("Huisvestingsnormen:", "Bepalende regel", "Meeste bedden die aan elke regel voldoen",
                 "Tekort aan bedden in de gemeente:", "Tekort aan bedden in de regio, met deze locatie"):
        assert text in card, text
    image = QImage(desktop_run["card_png"])
    assert not image.isNull() and image.width() >= 400
    # The verdict badge is green or red on the scrolled card.
    assert colour_share(image, "#1a9641", 0, image.width()) + colour_share(image, "#d7191c", 0, image.width()) > 0.0005


@pytest.mark.desktop
def test_the_installed_plugin_runs_the_province_analysis_on_its_own_demo_data(desktop_run):
    run = desktop_run["demo_run"]
    assert run["outcome"]["ok"], run
    assert run["shipped"].endswith("python/plugins/limburg_flexwonen_plugin/resources/demo/limburg_demo.gpkg")
    assert run["unchanged"]  # opened from a copy, never the shipped file
    assert run["layers"][0] == "Kandidaatlocaties (demo) – locatieklasse"
    assert not [source for source in run["sources"] if "python/plugins" in source]
