"""The business housing effect through real QGIS Processing: the demo GeoPackage and
hand-made businesses, the report PDFs (rendered and read back) and a background run."""
import math
import subprocess  # nosec B404 - poppler's pdfinfo/pdftotext/pdftoppm read the reports
import time
import unicodedata

import geopandas as gpd
import pytest
from qgis.core import (NULL, QgsApplication, QgsLayoutFrame, QgsLayoutItemLabel,
                       QgsLayoutItemTextTable, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtGui import QImage
from shapely.geometry import Point, box

import processing

STAYS = ("short", "mid", "long")
# Synthetic demo geography (test_data/README.md): a distribution centre just east of the
# town of Venlo; a polygon site near Roermond; Germany east of Venlo (the demo's
# 'outside_province' case) and Belgium west of Maastricht.
VENLO = Point(210_500, 380_500)
ROERMOND_SITE = box(197_000, 356_000, 197_600, 356_500)
GERMANY = Point(216_600, 378_075)
BELGIUM = Point(165_000, 317_000)


class Collecting(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, text, fatalError=False):  # noqa: N802,N803 (QGIS's names)
        self.errors.append(text)
        super().reportError(text, fatalError)


def write_businesses(path, rows, geometries):
    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs=28992)
    frame.to_file(path, layer="businesses", promote_to_multi=any(g.geom_type.endswith("Polygon")
                                                                for g in geometries))
    return f"{path}|layername=businesses"


def run_effect(demo_gpkg, tmp_path, businesses, feedback=None, **extra):
    layer = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    out = tmp_path / "effect.gpkg"
    parameters = {
        "BUSINESSES": businesses, "BUSINESS_ID_FIELD": "bid", "BUSINESS_NAME_FIELD": "name",
        "JOBS_NOW": 300, "YEAR_NOW": 2025, "JOBS_FULL": 1200, "YEAR_FULL": 2028, "MIGRANT_SHARE": 60,
        "MUNICIPALITIES": layer("municipalities"), "MIGRANTS": layer("labour_migrants"),
        "ACCOMMODATIONS": layer("accommodations"), "BUILTUP": layer("builtup"),
        "CSV_OUTPUT": str(tmp_path / "phasing.csv"),
    }
    for key in ("BUSINESSES", "PHASING", "ALLOCATION", "MUNICIPALITIES", "REGIONS", "REACH"):
        parameters[f"{key}_OUTPUT"] = f"ogr:dbname='{out}' table=\"{key.lower()}\" (geom)"
    parameters.update(extra)
    result = processing.run("flexwonen:businesseffect", parameters, feedback=feedback)
    tables = {}
    for key in ("BUSINESSES", "PHASING", "ALLOCATION", "MUNICIPALITIES", "REGIONS", "REACH"):
        layer_ = QgsVectorLayer(result[f"{key}_OUTPUT"], key, "ogr")
        assert layer_.isValid(), key
        tables[key.lower()] = [{name: (None if feature[name] == NULL else feature[name])
                                for name in layer_.fields().names()} for feature in layer_.getFeatures()]
    return result, tables


def by(rows, key):
    return {row[key]: row for row in rows}


@pytest.fixture(scope="module")
def two_businesses(tmp_path_factory):
    path = tmp_path_factory.mktemp("biz") / "businesses.gpkg"
    # A point and a polygon in one layer is not possible: the polygon site gets its own file.
    venlo = write_businesses(path, {"bid": ["DC1"], "name": ["DC Venlo-Oost"]}, [VENLO])
    other = tmp_path_factory.mktemp("biz2") / "site.gpkg"
    site = write_businesses(other, {"bid": ["R1"], "name": ["Bedrijventerrein Roermond"]},
                            [ROERMOND_SITE])
    return venlo, site


# ---------------------------------------------------------------------------- conservation


@pytest.mark.parametrize("allocation, decay", [(0, 0), (0, 1), (1, 0), (2, 0)],
                         ids=["exponential", "inverse-square", "population", "planned-supply"])
def test_allocated_beds_add_up_exactly_to_the_demand(flexwonen_provider, demo_gpkg, tmp_path, allocation, decay):
    path = tmp_path / "b.gpkg"
    points = [VENLO, Point(186_500, 336_000), Point(177_000, 359_500), GERMANY]
    businesses = write_businesses(path, {"bid": ["A", "B", "C", "D"], "name": ["a", "b", "c", "d"],
                                         "jobs": [1200, 437, 95, 800]}, points)
    result, tables = run_effect(demo_gpkg, tmp_path, businesses, ALLOCATION=allocation, DECAY=decay,
                                JOBS_FULL_FIELD="jobs", MIGRANT_SHARE=37, JOBS_NOW=0, RADIUS_KM=15)
    per_business = by(tables["businesses"], "business_id")
    allocation_rows = tables["allocation"]
    for key in ("A", "B", "C", "D"):
        row = per_business[key]
        rows = [r for r in allocation_rows if r["business_id"] == key]
        for stay in STAYS:
            placed = sum(r[f"beds_{stay}"] for r in rows)
            assert placed + row[f"unplaced_{stay}"] == row[f"beds_{stay}"], (key, stay)
        assert sum(r["beds"] for r in rows) == row["placed_beds"]
        assert row["placed_beds"] + row["unplaced_beds"] == row["beds"] > 0
    # D lies in Germany, 3 km outside the province; its 15 km reach still covers Venlo.
    assert result["TOTAL_BEDS"] == result["PLACED_BEDS"] + result["UNPLACED_BEDS"]
    assert result["TOTAL_BEDS"] == sum(per_business[k]["beds"] for k in "ABCD")
    assert per_business["all"]["beds"] == result["TOTAL_BEDS"]
    municipalities = tables["municipalities"]
    assert sum(r["effect_beds"] for r in municipalities) == result["PLACED_BEDS"]
    for stay in STAYS:
        assert sum(r[f"effect_{stay}"] for r in municipalities) == \
            sum(per_business[k][f"beds_{stay}"] - per_business[k][f"unplaced_{stay}"] for k in "ABCD")
    province = by(tables["regions"], "region")["Limburg"]
    assert province["effect_beds"] == result["PLACED_BEDS"]
    assert province["unplaced_beds"] == result["UNPLACED_BEDS"]
    assert province["gap_beds"] == pytest.approx(province["gap_beds_before"] + result["PLACED_BEDS"])
    for row in municipalities:
        if row["gap_beds_before"] is not None:
            assert row["gap_beds"] == pytest.approx(row["gap_beds_before"] + row["effect_beds"])


def test_zero_labour_migrants_gives_zero_effect(flexwonen_provider, demo_gpkg, tmp_path, two_businesses):
    result, tables = run_effect(demo_gpkg, tmp_path, two_businesses[0], MIGRANT_SHARE=0)
    assert (result["TOTAL_BEDS"], result["PLACED_BEDS"], result["UNPLACED_BEDS"]) == (0, 0, 0)
    assert result["EXTRA_MIGRANTS"] == 0
    assert all(row["beds"] == 0 for row in tables["allocation"])
    assert all(row["new_beds"] == 0 for row in tables["phasing"])
    for row in tables["municipalities"] + tables["regions"]:
        assert row["effect_beds"] == 0
        assert row["gap_beds"] == row["gap_beds_before"] and row["gap_class"] == row["gap_class_before"]


@pytest.mark.parametrize("where", [GERMANY, BELGIUM], ids=["germany", "belgium"])
def test_reach_across_the_border_says_how_much_could_not_be_placed(flexwonen_provider, demo_gpkg, tmp_path, where):
    businesses = write_businesses(tmp_path / "b.gpkg", {"bid": ["X"], "name": ["Over de grens"]}, [where])
    feedback = Collecting()
    result, tables = run_effect(demo_gpkg, tmp_path, businesses, feedback, RADIUS_KM=2)
    # 900 extra jobs x 60 % = 540 labour migrants = 540 beds (216 / 189 / 135).
    assert (result["TOTAL_BEDS"], result["PLACED_BEDS"], result["UNPLACED_BEDS"]) == (540, 0, 540)
    expected = "540 of 540 beds (short 216, mid 189, long 135) could not be placed"
    assert expected in result["MESSAGE"]
    assert "covers no municipality" in result["MESSAGE"] and "Germany or Belgium" in result["MESSAGE"]
    assert any(expected in text for text in feedback.errors)
    row = tables["businesses"][0]
    assert row["unplaced_beds"] == 540 and expected in row["message"]
    assert tables["allocation"] == []
    assert by(tables["regions"], "region")["Limburg"]["unplaced_beds"] == 540


def test_reach_partly_across_the_border_by_area(flexwonen_provider, demo_gpkg, tmp_path, two_businesses):
    result, tables = run_effect(demo_gpkg, tmp_path, two_businesses[0], BORDER=1, RADIUS_KM=20)
    row = tables["businesses"][0]
    assert 0.2 < row["outside_share"] < 0.8   # Venlo lies on the German border
    assert row["unplaced_beds"] == int(540 * row["outside_share"] + 0.5)
    assert result["PLACED_BEDS"] + result["UNPLACED_BEDS"] == 540 and result["PLACED_BEDS"] > 0
    assert "across the border" in result["MESSAGE"]


# ---------------------------------------------------------------------------- phasing


def test_phasing_years_add_up_to_full_operation(flexwonen_provider, demo_gpkg, tmp_path):
    businesses = write_businesses(
        tmp_path / "b.gpkg",
        {"bid": ["L", "S"], "name": ["linear", "steps"], "now": [37, 0], "full": [1013, None],
         "start": [2024, 2025], "end": [2031, None], "steps": [None, "2026: 120; 2027: 120; 2029: 733"]},
        [VENLO, Point(186_500, 336_000)])
    result, tables = run_effect(demo_gpkg, tmp_path, businesses, JOBS_NOW_FIELD="now",
                                JOBS_FULL_FIELD="full", YEAR_NOW_FIELD="start", YEAR_FULL_FIELD="end",
                                STEPS_FIELD="steps", MIGRANT_SHARE=43, JOBS_FULL=None, YEAR_FULL=None)
    businesses_out = by(tables["businesses"], "business_id")
    with open(tmp_path / "phasing.csv", encoding="utf-8") as handle:
        csv_lines = handle.read().splitlines()
    assert len(csv_lines) == 1 + len(tables["phasing"])
    for key in ("L", "S", "all"):
        years = sorted((r for r in tables["phasing"] if r["business_id"] == key), key=lambda r: r["year"])
        total = businesses_out[key]
        assert sum(r["new_beds"] for r in years) == years[-1]["beds"] == total["beds"]
        for stay in STAYS:
            assert sum(r[f"new_{stay}"] for r in years) == total[f"beds_{stay}"]
            assert all(r[f"new_{stay}"] >= 0 for r in years)
    linear = [r for r in tables["phasing"] if r["business_id"] == "L"]
    assert [r["year"] for r in linear] == list(range(2024, 2032))
    steps = {r["year"]: r for r in tables["phasing"] if r["business_id"] == "S"}
    assert [steps[y]["jobs"] for y in range(2025, 2030)] == [0, 120, 120, 120, 733]
    assert steps[2027]["new_beds"] == 0 and steps[2026]["new_beds"] > 0
    assert businesses_out["S"]["beds"] == int(733 * 0.43 + 0.5)


def test_bad_business_input_is_a_clean_message(flexwonen_provider, demo_gpkg, tmp_path):
    businesses = write_businesses(tmp_path / "b.gpkg", {"bid": ["X"], "name": ["krimp"], "full": [100]},
                                  [VENLO])
    with pytest.raises(QgsProcessingException) as error:
        run_effect(demo_gpkg, tmp_path, businesses, JOBS_FULL_FIELD="full")
    text = str(error.value)
    assert "fewer jobs at full operation (100) than now (300)" in text
    assert "layer 'businesses'" in text and "field 'full'" in text


# ---------------------------------------------------------------------------- reports


def dutch(count) -> str:
    """A whole number as the Dutch page writes it: 1.200."""
    return f"{int(count):,}".replace(",", ".")


def pdf_text(path):
    """The PDF's text, ligatures (ﬀ, ﬁ) unfolded, white space collapsed."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,  # nosec B603 B607
                          capture_output=True, text=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,  # nosec B603 B607
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def rendered_page(path, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(path),  # nosec B603 B607
                    str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    assert not image.isNull()
    return image


def test_reports_render_one_page_each_with_the_right_figures(flexwonen_provider, demo_gpkg, tmp_path,
                                                             two_businesses):
    folder = tmp_path / "reports"
    venlo, site = two_businesses
    result, tables = run_effect(demo_gpkg, tmp_path, site, REPORT_FOLDER=str(folder), JOBS_NOW=0,
                                JOBS_FULL=250, MIGRANT_SHARE=80)
    (tmp_path / "v").mkdir()
    result_venlo, tables_venlo = run_effect(demo_gpkg, tmp_path / "v", venlo, REPORT_FOLDER=str(folder))
    reports = result["REPORTS"].split(";") + result_venlo["REPORTS"].split(";")
    assert sorted(p.name for p in folder.glob("*.pdf")) == ["huisvestingseffect_DC1.pdf",
                                                            "huisvestingseffect_R1.pdf"]
    assert not list(folder.glob(".*"))   # no temporary files left behind
    for report, rows in ((reports[0], tables), (reports[1], tables_venlo)):
        assert pdf_pages(report) == 1
        image = rendered_page(report, tmp_path)
        coloured = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                       if image.pixelColor(x, y).saturation() > 80)
        assert coloured > 300, "the map shows no coloured municipalities"
        text = pdf_text(report)
        business = rows["businesses"][0]
        # The page is Dutch, like the other printed pages: 1.200 and "kort / middellang / lang".
        assert f"Huisvestingseffect van {business['business_name']}" in text
        assert f"Extra bedden, volledig in {business['year_full']}: {dutch(business['beds'])}" in text
        assert (f"kort {dutch(business['beds_short'])} · middellang {dutch(business['beds_mid'])} · "
                f"lang {dutch(business['beds_long'])}") in text
        for row in rows["allocation"][:5]:
            assert row["gm_name"] in text
        assert "Uitgangspunten en aannames" in text and "business_effect_model 2026.1" in text
        # The sources of the layers used: CBS for the municipalities, the demo's synthetic
        # labour migrants, accommodations and built-up area, the user's own businesses.
        assert "Bron: businesses; Kadaster / CBS (CC BY 4.0); synthetische demodata" in text
        # Every assumption is on the page, the last one too: not clipped at its frame (QGIS
        # 3.22 clipped it) and not drawn over the footer (3.40 did).
        assert "plaatshouders voor de eigen cijfers van de provincie" in text


def test_report_layout_holds_the_figures_of_the_result(flexwonen_provider, demo_gpkg):
    """The layout's own text items and tables, compared with the core result."""
    import pyogrio

    from limburg_flexwonen_plugin.core import business_effect as be
    from limburg_flexwonen_plugin.core.housing_gap import compute_housing_gap
    from limburg_flexwonen_plugin.core.scenarios import read_migrant_table
    from limburg_flexwonen_plugin.layouts.business_effect_report import build_report_layout

    table = read_migrant_table(pyogrio.read_dataframe(demo_gpkg, layer="labour_migrants"),
                               "gm_code", "labour_migrants", "year")
    builtup = gpd.read_file(demo_gpkg, layer="builtup")
    gap = compute_housing_gap(gpd.read_file(demo_gpkg, layer="municipalities"), table,
                              gpd.read_file(demo_gpkg, layer="accommodations"), builtup)
    frame = gpd.GeoDataFrame({"name": ["DC Venlo-Oost"]}, geometry=[VENLO], crs=28992)
    found, _ = be.read_businesses(frame, be.BusinessFields(name="name"),
                                  be.BusinessDefaults(300, 1200, 2025, 2028, 0.6))
    result = be.compute_business_effect(found, gap, reach=be.Reach.radius(20), builtup=builtup)
    effect = result.effects[0]
    project = QgsProject()
    layout = build_report_layout(result, effect.business.key, project,
                                 credits=["Kadaster / CBS (CC BY 4.0)", "synthetische demodata"])
    labels = {item.id(): item.text() for item in layout.items() if isinstance(item, QgsLayoutItemLabel)}
    assert labels["title"] == "Huisvestingseffect van DC Venlo-Oost"
    assert "Extra bedden, volledig in 2028: 540" in labels["key_figures"]
    assert "kort 216 · middellang 189 · lang 135" in labels["key_figures"]
    assert "Extra arbeidsplaatsen: 900 (300 → 1.200)" in labels["key_figures"]
    province = result.business_regions[result.business_regions["level"] == "province"].iloc[0]
    half_up = lambda value: dutch(math.floor(value + 0.5))  # noqa: E731
    assert f"Tekort Limburg (provincie): {half_up(province['gap_before'])} → " \
        f"{half_up(province['gap_after'])}" in labels["key_figures"]
    assert labels["footer"].startswith(
        "Bron: Kadaster / CBS (CC BY 4.0); synthetische demodata · gemaakt op ")
    tables = {item.multiFrame().frame(0).id(): item.multiFrame() for item in layout.items()
              if isinstance(item, QgsLayoutFrame) and isinstance(item.multiFrame(), QgsLayoutItemTextTable)}
    municipal = tables["municipalities_table"].contents()
    allocation = effect.allocation.sort_values(["beds", "distance_km"], ascending=[False, True])
    for row, (_, expected) in zip(municipal, allocation.iterrows()):
        assert row[0] == expected["gm_name"] and row[5] == dutch(expected["beds"])
    assert municipal[-1][:6] == ["totaal", "", "216", "189", "135", "540"]
    years = tables["years_table"].contents()
    assert [row[0] for row in years] == ["2025", "2026", "2027", "2028", "totaal"]
    assert [row[1] for row in years[:4]] == ["300", "600", "900", "1.200"]
    assert years[-1][3] == "540"
    project.removeAllMapLayers()


def test_algorithm_and_report_run_in_a_background_task(flexwonen_provider, demo_gpkg, tmp_path, two_businesses):
    """What the map-click dialog does: the algorithm in a QgsTask, the report written there."""
    layer = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("flexwonen:businesseffect")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    parameters = {
        "BUSINESSES": two_businesses[0], "BUSINESS_NAME_FIELD": "name", "JOBS_NOW": 0,
        "YEAR_NOW": 2025, "JOBS_FULL": 500, "YEAR_FULL": 2027, "MIGRANT_SHARE": 50,
        "MUNICIPALITIES": layer("municipalities"), "MIGRANTS": layer("labour_migrants"),
        "ACCOMMODATIONS": layer("accommodations"), "BUILTUP": layer("builtup"),
        "REPORT_FOLDER": str(tmp_path / "task"),
    }
    for key in ("BUSINESSES", "PHASING", "ALLOCATION", "MUNICIPALITIES", "REGIONS", "REACH"):
        parameters[f"{key}_OUTPUT"] = "TEMPORARY_OUTPUT"
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    outcome = {}
    task.executed.connect(lambda ok, results: outcome.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 120
    while "ok" not in outcome and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert outcome.get("ok"), "the background run failed"
    assert outcome["results"]["TOTAL_BEDS"] == 250
    (report,) = (tmp_path / "task").glob("*.pdf")
    assert pdf_pages(report) == 1 and "Extra bedden, volledig in 2027: 250" in pdf_text(report)
