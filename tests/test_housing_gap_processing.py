"""The housing gap through real QGIS Processing: hand-made data worked out on paper, and
the demo GeoPackage checked against its own tables with plain arithmetic."""
import csv
import math

import geopandas as gpd
import pyogrio
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from conftest import open_layer
from gap_data import hand_gpkg  # noqa: F401 (fixture)

import processing

ADDITIVE = ("inhabitants", "labour_migrants", "demand_beds", "demand_short", "demand_mid",
            "demand_long", "supply_beds", "supply_short", "supply_mid", "supply_long",
            "beds_existing", "beds_permitted", "beds_planned", "builtup_km2")


class Collecting(QgsProcessingFeedback):
    """Keeps the warnings a user would see in the Processing log."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.warnings.append(text)
        super().pushWarning(text)


def run_gap(gpkg, tmp_path, feedback=None, **extra):
    layer = lambda name: f"{gpkg}|layername={name}"  # noqa: E731
    out = tmp_path / "gap.gpkg"
    parameters = {
        "MUNICIPALITIES": layer("municipalities"), "MIGRANTS": layer("labour_migrants"),
        "ACCOMMODATIONS": layer("accommodations"), "BUILTUP": layer("builtup"),
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{out}' table=\"municipalities\" (geom)",
        "REGIONS_OUTPUT": f"ogr:dbname='{out}' table=\"regions\" (geom)",
        "ACCOMMODATIONS_OUTPUT": f"ogr:dbname='{out}' table=\"accommodations\" (geom)",
        "CSV_OUTPUT": str(tmp_path / "gap.csv"),
    }
    parameters.update(extra)
    result = processing.run("flexwonen:housinggap", parameters, feedback=feedback)
    municipalities = QgsVectorLayer(result["MUNICIPALITIES_OUTPUT"], "m", "ogr")
    regions = QgsVectorLayer(result["REGIONS_OUTPUT"], "r", "ogr")
    assert municipalities.isValid() and regions.isValid()
    return result, rows(municipalities, "gm_code"), rows(regions, "region")


def rows(layer, key):
    return {feature[key]: {name: _plain(feature[name]) for name in layer.fields().names()}
            for feature in layer.getFeatures()}


def _plain(value):
    from qgis.core import NULL
    return None if value == NULL or value is None else value


# ----------------------------------------------------------------- hand-made data


def test_hand_made_figures_worked_out_on_paper(flexwonen_provider, hand_gpkg, tmp_path):
    feedback = Collecting()
    result, municipalities, regions = run_gap(hand_gpkg, tmp_path, feedback)
    alpha, beta, gamma = municipalities["GM0001"], municipalities["GM0002"], municipalities["GM0003"]
    # Alpha: 200 labour migrants -> 80/70/50 beds; 80 existing short beds; 'gesloten' not counted.
    assert (alpha["demand_beds"], alpha["demand_short"], alpha["demand_mid"], alpha["demand_long"]) == \
        (200, 80, 70, 50)
    assert (alpha["supply_beds"], alpha["supply_short"], alpha["gap_beds"]) == (80, 80, 120)
    assert (alpha["gap_short"], alpha["gap_mid"], alpha["gap_long"]) == (0, 70, 50)
    assert alpha["gap_class"] == "shortage" and alpha["gap_ratio"] == pytest.approx(0.6)
    assert alpha["migrants_per_1000_inh"] == pytest.approx(20.0)
    assert alpha["builtup_km2"] == pytest.approx(1.0)
    assert alpha["migrants_per_km2_builtup"] == pytest.approx(200.0)
    assert alpha["migrant_beds_per_100_inh"] == pytest.approx(0.8)
    assert "Oude boerderij Alpha" in alpha["remarks"] and "gesloten" in alpha["remarks"]
    # Beta: 50 -> 20 / 17.5 / 12.5: the half bed goes to mid (tie, earlier category).
    assert (beta["demand_short"], beta["demand_mid"], beta["demand_long"]) == (20, 18, 12)
    # 40 planned x 0.5 (long) + 10 permitted x 1 (mid).
    assert (beta["supply_beds"], beta["supply_long"], beta["supply_mid"]) == (30, 20, 10)
    assert beta["gap_beds"] == 20 and beta["gap_class"] == "shortage"      # 20/50 = 0.4 > 0.1
    assert (beta["beds_planned"], beta["beds_permitted"]) == (40, 10)
    assert gamma["demand_beds"] == 60 and gamma["supply_beds"] == 0 and gamma["gap_beds"] == 60
    assert gamma["builtup_km2"] == 0 and gamma["migrants_per_km2_builtup"] is None
    assert "no built-up area" in gamma["remarks"]
    for row in municipalities.values():
        assert (row["scenario"], row["year"], row["scenario_method"]) == ("current", 2022, "table")
    assert result["SCENARIO_TITLE"] == "current (2022)"


def test_missing_municipality_is_reported_by_name_never_zero(flexwonen_provider, hand_gpkg, tmp_path):
    feedback = Collecting()
    _, municipalities, regions = run_gap(hand_gpkg, tmp_path, feedback)
    delta = municipalities["GM0004"]
    assert delta["labour_migrants"] is None and delta["demand_beds"] is None
    assert delta["gap_beds"] is None and delta["gap_class"] is None
    assert "no labour-migrant figure for 2022" in delta["remarks"]
    assert any("Delta (GM0004)" in text and "not counted as zero" in text for text in feedback.warnings)
    assert "Delta (GM0004)" in regions["Zuid"]["remarks"]
    assert "Delta (GM0004)" in regions["Limburg"]["remarks"]
    # The region's demand is Gamma's alone; Delta's is unknown, not 0.
    assert regions["Zuid"]["labour_migrants"] == 60


def test_accommodation_outside_every_municipality_is_reported_by_name(flexwonen_provider, hand_gpkg,
                                                                      tmp_path):
    feedback = Collecting()
    result, _, regions = run_gap(hand_gpkg, tmp_path, feedback)
    assert any("'Over de grens'" in text and "outside every municipality" in text
               for text in feedback.warnings)
    assert "'Over de grens'" in regions["Limburg"]["remarks"]
    assert regions["Limburg"]["supply_beds"] == 80 + 30          # its 25 beds are not in it
    accommodations = rows(QgsVectorLayer(result["ACCOMMODATIONS_OUTPUT"], "a", "ogr"), "name")
    outside = accommodations["Over de grens"]
    assert outside["gm_code"] is None and outside["counted"] in (False, 0)
    assert "outside every municipality" in outside["remarks"]
    assert accommodations["Huis Beta"]["supply_beds"] == 20 and accommodations["Huis Beta"]["gm_code"] == "GM0002"


def test_accommodations_assigned_by_a_code_field(flexwonen_provider, hand_gpkg, tmp_path):
    import pandas as pd
    from shapely.geometry import Point
    path = tmp_path / "by_code.gpkg"
    # All three lie in Alpha; their code field says otherwise, and the code wins.
    table = gpd.GeoDataFrame({"name": ["A", "B", "C"], "status": ["bestaand", "gepland", "existing"],
                              "stay_category": ["kort", "lang", "mid"], "beds": [10, 20, 5],
                              "municipality": ["1", "GM0002", "GM9999"]},
                             geometry=[Point(191_500, 361_500)] * 3, crs=28992)
    table.to_file(path, layer="acc")
    layer = lambda name: f"{hand_gpkg}|layername={name}"  # noqa: E731
    feedback = Collecting()
    _, municipalities, regions = run_gap(hand_gpkg, tmp_path, feedback,
                                         ACCOMMODATIONS=f"{path}|layername=acc",
                                         ACCOMMODATION_CODE_FIELD="municipality",
                                         BUILTUP=layer("builtup"))
    # '1' is GM0001; Dutch status and stay spellings are understood; planned counts half.
    assert municipalities["GM0001"]["supply_beds"] == 10
    assert municipalities["GM0001"]["supply_short"] == 10
    assert municipalities["GM0002"]["supply_long"] == 10
    assert any("GM9999" in text for text in feedback.warnings)
    assert "GM9999" in regions["Limburg"]["remarks"]


def test_model_parameters_change_the_figures(flexwonen_provider, hand_gpkg, tmp_path):
    _, municipalities, regions = run_gap(
        hand_gpkg, tmp_path, SHARE_SHORT=50, SHARE_MID=30, SHARE_LONG=20, PERSONS_PER_BED=0.8,
        WEIGHT_PLANNED=1.0, WEIGHT_PERMITTED=0.0, BALANCED_BAND=50)
    beta = municipalities["GM0002"]
    # 50 / 0.8 = 62.5 beds -> 63; 31.25 / 18.75 / 12.5 -> 31 + 19 + 13? floors 31/18/12 = 61,
    # two left for the largest fractions: 0.75 (mid) and 0.5 (long).
    assert (beta["demand_beds"], beta["demand_short"], beta["demand_mid"], beta["demand_long"]) == \
        (63, 31, 19, 13)
    assert beta["supply_beds"] == 40 and beta["gap_beds"] == 23        # planned counted in full
    assert beta["gap_class"] == "balanced"                              # 23 <= 0.5 x 63
    assert "persons per bed 0.8" in beta["parameters"]


def test_shares_above_one_are_refused(flexwonen_provider, hand_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="add up to 1.100"):
        run_gap(hand_gpkg, tmp_path, SHARE_SHORT=50)


def test_user_scenario_by_trend_and_by_share_adds_up_exactly(flexwonen_provider, hand_gpkg, tmp_path):
    # Trend: Alpha 100 -> 200 (2017-2022) gives 360 in 2030, Beta stays 50, Gamma (one year)
    # grows at the rate of the others: (360 + 50) / (200 + 50). Then scaled to 1,000.
    gamma_projection = 60 * (360 + 50) / (200 + 50)
    projections = {"GM0001": 360.0, "GM0002": 50.0, "GM0003": gamma_projection}
    _, trend, trend_regions = run_gap(hand_gpkg, tmp_path, SCENARIO=3, USER_TOTAL=1000, YEAR=2030)
    exact = {code: 1000 * value / sum(projections.values()) for code, value in projections.items()}
    # Largest remainder: whole parts, the one person left to the largest fraction (Gamma).
    assert {code: trend[code]["labour_migrants"] for code in exact} == \
        {code: math.floor(value) + (code == "GM0003") for code, value in exact.items()}
    assert trend_regions["Limburg"]["labour_migrants"] == 1000
    assert trend["GM0001"]["scenario"] == "user-defined" and trend["GM0001"]["year"] == 2030
    assert trend["GM0001"]["scenario_method"] == "trend"
    assert "grows at the province's projected rate" in trend["GM0003"]["remarks"]

    _, share, share_regions = run_gap(hand_gpkg, tmp_path, SCENARIO=3, USER_TOTAL=1000, YEAR=2030,
                                      DISTRIBUTION=1)
    base = {"GM0001": 200, "GM0002": 50, "GM0003": 60}
    exact = {code: 1000 * value / 310 for code, value in base.items()}
    assert {code: share[code]["labour_migrants"] for code in base} == \
        {code: math.floor(value) + (code == "GM0003") for code, value in exact.items()}
    assert share_regions["Limburg"]["labour_migrants"] == 1000
    assert share["GM0001"]["scenario_method"] == "share"


def test_user_scenario_needs_a_year_and_total(flexwonen_provider, hand_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="needs a year"):
        run_gap(hand_gpkg, tmp_path, SCENARIO=3, USER_TOTAL=1000)
    with pytest.raises(QgsProcessingException, match="describes 2030"):
        run_gap(hand_gpkg, tmp_path, SCENARIO=1, YEAR=2028)


def test_bad_table_values_name_the_feature_and_field(flexwonen_provider, hand_gpkg, tmp_path):
    import pandas as pd
    path = tmp_path / "bad.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"gm_code": ["GM0001", "GM0002"], "year": [2022, 2022],
                                          "labour_migrants": ["200", "veel"]}), path, layer="lm")
    with pytest.raises(QgsProcessingException, match=r"field 'labour_migrants': 1 value\(s\) are not numbers: "
                                                    r"feature 2 'veel'"):
        run_gap(hand_gpkg, tmp_path, MIGRANTS=f"{path}|layername=lm")
    with pytest.raises(QgsProcessingException, match="number of labour migrants \\(the chosen field 'aantal' "
                                                     "does not exist\\) — choose it in 'Labour migrants: "
                                                     "number field'"):
        run_gap(hand_gpkg, tmp_path, MIGRANTS_COUNT_FIELD="aantal")


# ----------------------------------------------------------------- demo data


@pytest.fixture(scope="module")
def demo_tables(demo_gpkg):
    migrants = pyogrio.read_dataframe(demo_gpkg, layer="labour_migrants")
    accommodations = gpd.read_file(demo_gpkg, layer="accommodations")
    municipalities = gpd.read_file(demo_gpkg, layer="municipalities")
    builtup = gpd.read_file(demo_gpkg, layer="builtup")
    return migrants, accommodations, municipalities, builtup


@pytest.fixture(scope="module")
def demo_runs(flexwonen_provider, demo_gpkg, tmp_path_factory):
    runs = {}
    for scenario, key in ((0, "current"), (1, "low"), (2, "high")):
        runs[key] = run_gap(demo_gpkg, tmp_path_factory.mktemp(key), SCENARIO=scenario)
    return runs


@pytest.mark.parametrize("key", ["current", "low", "high"])
def test_demo_conservation_regions_and_province(demo_runs, demo_tables, key):
    migrants = demo_tables[0]
    _, municipalities, regions = demo_runs[key]
    assert len(municipalities) == 31 and set(regions) == {
        "Noord-Limburg", "Midden-Limburg", "Zuid-Limburg", "Limburg"}
    for region in ("Noord-Limburg", "Midden-Limburg", "Zuid-Limburg"):
        members = [row for row in municipalities.values() if row["region"] == region]
        for name in ADDITIVE:
            assert regions[region][name] == pytest.approx(sum(row[name] for row in members), abs=1e-3), \
                (region, name)
        assert regions[region]["gap_beds"] == pytest.approx(
            regions[region]["demand_beds"] - regions[region]["supply_beds"])
    for name in ADDITIVE:
        assert regions["Limburg"][name] == pytest.approx(
            sum(regions[r][name] for r in regions if r != "Limburg"), abs=1e-3), name
    expected = {"current": int(migrants[migrants["year"] == 2022]["labour_migrants"].sum()),
                "low": 96_000, "high": 112_000}[key]
    # Scenario totals are met exactly, and the province equals the input in 2022.
    assert regions["Limburg"]["labour_migrants"] == expected
    assert sum(row["labour_migrants"] for row in municipalities.values()) == expected
    assert regions["Limburg"]["year"] == (2022 if key == "current" else 2030)


@pytest.mark.parametrize("code", ["GM0983", "GM1507"])   # Venlo, Horst aan de Maas
def test_demo_numbers_checked_by_hand(demo_runs, demo_tables, code):
    migrants, accommodations, municipalities_table, builtup = demo_tables
    _, municipalities, _ = demo_runs["current"]
    row = municipalities[code]
    count = int(migrants[(migrants["gm_code"] == code) & (migrants["year"] == 2022)]["labour_migrants"].iloc[0])
    inhabitants = int(municipalities_table.set_index("gm_code").loc[code, "inhabitants"])
    weights = {"existing": 1.0, "permitted": 1.0, "planned": 0.5}
    own = accommodations[accommodations["gm_code"] == code]
    supply = sum(beds * weights[status] for beds, status in zip(own["beds"], own["status"]))
    assert row["labour_migrants"] == count
    assert row["demand_beds"] == count                                   # shares add up to 1
    for category, share in (("short", 0.40), ("mid", 0.35), ("long", 0.25)):
        assert abs(row[f"demand_{category}"] - count * share) < 1
        category_supply = sum(beds * weights[status] for beds, status, stay in
                              zip(own["beds"], own["status"], own["stay_category"]) if stay == category)
        assert row[f"supply_{category}"] == pytest.approx(category_supply)
    assert row["supply_beds"] == pytest.approx(supply)
    assert row["gap_beds"] == pytest.approx(count - supply)
    assert row["gap_ratio"] == pytest.approx((count - supply) / count, abs=1e-4)
    assert row["gap_class"] == ("shortage" if count - supply > 0.1 * count else
                                "surplus" if count - supply < -0.1 * count else "balanced")
    assert row["migrants_per_1000_inh"] == pytest.approx(count / inhabitants * 1000, abs=0.01)
    assert row["migrant_beds_per_100_inh"] == pytest.approx(supply / inhabitants * 100, abs=0.001)
    area = builtup[builtup["gm_code"] == code].area.sum() / 1e6
    assert row["builtup_km2"] == pytest.approx(area, abs=1e-3)
    assert row["migrants_per_km2_builtup"] == pytest.approx(count / area, rel=1e-3)


@pytest.mark.parametrize("code", ["GM0983", "GM1507"])
def test_demo_2030_trend_checked_by_hand(demo_runs, demo_tables, code):
    migrants = demo_tables[0]
    _, municipalities, _ = demo_runs["low"]
    by_year = migrants.pivot(index="gm_code", columns="year", values="labour_migrants")
    # Straight line through 2017 and 2022, extended to 2030, then scaled to 96,000.
    projection = (by_year[2022] + (by_year[2022] - by_year[2017]) / 5 * 8).clip(lower=0)
    expected = 96_000 * projection[code] / projection.sum()
    assert abs(municipalities[code]["labour_migrants"] - expected) < 1
    assert municipalities[code]["scenario"] == "2030 low"
    assert municipalities[code]["scenario_method"] == "trend"


def test_demo_csv_holds_the_same_numbers(demo_runs):
    result, municipalities, regions = demo_runs["high"]
    with open(result["CSV_OUTPUT"], encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 31 + 3 + 1
    assert [row["level"] for row in table].count("province") == 1
    province = next(row for row in table if row["level"] == "province")
    assert province["region"] == "Limburg" and int(province["labour_migrants"]) == 112_000
    assert float(province["gap_beds"]) == pytest.approx(regions["Limburg"]["gap_beds"])
    venlo = next(row for row in table if row["gm_code"] == "GM0983")
    assert int(venlo["demand_beds"]) == municipalities["GM0983"]["demand_beds"]
    assert venlo["scenario"] == "2030 high" and venlo["year"] == "2030"
    assert venlo["model_version"].startswith("housing_gap_model ")


# ----------------------------------------------------------------- site context


def test_site_context_before_and_after_planned_beds(flexwonen_provider, demo_gpkg, demo_runs, tmp_path):
    _, municipalities, regions = demo_runs["current"]
    layer = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    result = processing.run("flexwonen:classifysites", {
        "SITES": layer("candidate_sites"), "SITE_ID_FIELD": "site_id", "BUILTUP": layer("builtup"),
        "MUNICIPALITIES": layer("municipalities"), "ADD_CONTEXT": True,
        "CONTEXT_MIGRANTS": layer("labour_migrants"), "CONTEXT_ACCOMMODATIONS": layer("accommodations"),
        "OUTPUT": str(tmp_path / "sites.gpkg")})
    sites = rows(QgsVectorLayer(result["OUTPUT"], "s", "ogr"), "site_id")
    located = [row for row in sites.values() if row["gm_code"]]
    assert located
    for site in located:
        municipality = municipalities[site["gm_code"]]
        region = regions[municipality["region"]]
        beds = site["planned_beds"]
        assert site["ctx_beds_added"] == beds
        assert site["ctx_gm_gap_before"] == pytest.approx(municipality["gap_beds"])
        assert site["ctx_gm_gap_after"] == pytest.approx(municipality["gap_beds"] - beds)
        assert site["ctx_region_gap_after"] == pytest.approx(region["gap_beds"] - beds)
        assert site["ctx_beds_per_100_inh_before"] == pytest.approx(
            municipality["migrant_beds_per_100_inh"], abs=1e-3)
        assert site["ctx_beds_per_100_inh_after"] == pytest.approx(
            (municipality["supply_beds"] + beds) / municipality["inhabitants"] * 100, abs=1e-3)
        stay = site["stay_category"]
        assert site["ctx_gm_stay_gap_after"] == pytest.approx(municipality[f"gap_{stay}"] - beds)
        assert site["ctx_scenario"] == "current (2022)"
    outside = next(row for row in sites.values() if row["case"] == "outside_province")
    assert outside["ctx_gm_gap_before"] is None
    assert "outside every municipality" in outside["ctx_remarks"]
    # The classification itself is untouched by the block.
    assert {"inside", "edge", "outside"} <= {row["location_class"] for row in sites.values()}


def test_site_context_needs_the_migrant_table(flexwonen_provider, demo_gpkg, tmp_path):
    layer = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    with pytest.raises(QgsProcessingException, match="labour-migrant table"):
        processing.run("flexwonen:classifysites", {
            "SITES": layer("candidate_points"), "BUILTUP": layer("builtup"),
            "MUNICIPALITIES": layer("municipalities"), "ADD_CONTEXT": True,
            "OUTPUT": str(tmp_path / "points.gpkg")})


def test_classification_without_context_has_no_context_fields(flexwonen_provider, demo_gpkg, tmp_path):
    layer = lambda name: f"{demo_gpkg}|layername={name}"  # noqa: E731
    result = processing.run("flexwonen:classifysites", {
        "SITES": layer("candidate_points"), "BUILTUP": layer("builtup"),
        "OUTPUT": str(tmp_path / "points.gpkg")})
    names = open_layer(result["OUTPUT"]).fields().names()
    assert "location_class" in names and not [n for n in names if n.startswith("ctx_")]


def test_the_blocks_build_values_their_algorithms_read(flexwonen_provider):
    """What a block's ``values`` gives are its algorithm's parameters, read back as given."""
    from qgis.core import QgsApplication, QgsProcessingContext

    from conftest import unknown_names
    from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters
    from limburg_flexwonen_plugin.core.classify_sites import MunicipalityFields as SiteFields
    from limburg_flexwonen_plugin.core.housing_gap import AccommodationFields, DemandModel, MunicipalityFields
    from limburg_flexwonen_plugin.processing.business.business_effect import BusinessEffectAlgorithm
    from limburg_flexwonen_plugin.processing.location.classify_sites import ClassifySitesAlgorithm
    from limburg_flexwonen_plugin.processing.municipal.housing_gap import HousingGapAlgorithm

    model = DemandModel.defaults().replace(share_short=0.25, household_size=3.0, balanced_band=0.1)
    accommodation_fields = AccommodationFields("a", "b", "c", "d", "e", "f", "g")
    migrant_fields = dict(code="m1", year="m2", count="m3")
    gap = dict(municipalities="municipalities", municipality_fields=MunicipalityFields("c", "n", "r", "i"),
               migrants="migrants", migrant_fields=migrant_fields, accommodations="accommodations",
               accommodation_fields=accommodation_fields, builtup="builtup", scenario="user", model=model)
    inputs = HousingGapAlgorithm.INPUTS
    housing_gap = dict(inputs.values(**gap), **inputs.scenario.values(
        "user", year=2030, user_total=90_000, base_year=2024, distribution="trend"))
    assert len(housing_gap) == 33 and not unknown_names("flexwonen:housinggap", housing_gap)
    algorithm = QgsApplication.processingRegistry().algorithmById("flexwonen:housinggap")
    context = QgsProcessingContext()
    read_back = inputs.model.read(algorithm, housing_gap, context).model
    assert [getattr(read_back, name) for name in DemandModel.PARAMETERS] == \
        pytest.approx([getattr(model, name) for name in DemandModel.PARAMETERS])
    chosen = inputs.scenario.read(algorithm, housing_gap, context)
    assert (chosen.scenario.key, chosen.scenario.year, chosen.scenario.total, chosen.base_year, chosen.method) == \
        ("user", 2030, 90_000, 2024, "trend")
    assert not unknown_names("flexwonen:businesseffect", BusinessEffectAlgorithm.GAP_INPUTS.values(**gap))
    classify = ClassifySitesAlgorithm
    sites = dict(classify.CLASSIFICATION.values("builtup", "kern", ClassificationParameters(100.0, 0.5),
                                                "municipalities", SiteFields("c", "n", "r")),
                 **classify.NORMS.values(True, 1, {key: key for key in ("beds", "bedrooms", "living_area_m2",
                                                                        "bedroom_area_m2", "toilets", "showers",
                                                                        "housing_type")}),
                 **classify.CONTEXT.values(True, "migrants", migrant_fields, "accommodations",
                                           accommodation_fields, "low_2030", "i", "p", "s"))
    assert len(sites) == 34 and not unknown_names("flexwonen:classifysites", sites)
