"""The site assessment (pure core) on the demo data: the card's sections and values,
checked against independent computations on the same layers."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from conftest import DEMO_GPKG
from limburg_flexwonen_plugin.core import site_assessment
from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters
from limburg_flexwonen_plugin.core.errors import CancelledError, InputError
from limburg_flexwonen_plugin.core.progress import Progress
from limburg_flexwonen_plugin.core.site_assessment import (AssessmentInputs, Row, Section,
                                                           assess_sites)


def read(layer):
    return gpd.read_file(DEMO_GPKG, layer=layer, engine="pyogrio")


@pytest.fixture(scope="module")
def demo():
    return {name: read(name) for name in ("builtup", "municipalities", "accommodations",
                                          "candidate_sites")} | {
        "labour_migrants": pd.DataFrame(read("labour_migrants").drop(columns="geometry",
                                                                      errors="ignore"))}


@pytest.fixture(scope="module")
def inputs(demo):
    return AssessmentInputs(builtup=demo["builtup"], municipalities=demo["municipalities"],
                            accommodations=demo["accommodations"], migrants=demo["labour_migrants"])


@pytest.fixture(scope="module")
def assessed(demo, inputs):
    sites = demo["candidate_sites"]
    return sites, assess_sites(sites, inputs, site_id_field="site_id")


def by_case(assessed, case):
    sites, results = assessed
    position = int(np.flatnonzero(sites["case"].values == case)[0])
    return sites.iloc[position], results[position]


def test_one_assessment_per_site_in_order_with_the_classification(assessed):
    sites, results = assessed
    assert [r.site_id for r in results] == list(sites["site_id"])
    expected = {"inside": "inside", "touching_outside": "edge", "just_beyond_edge": "outside",
                "in_hole": "edge", "far_outside": "outside"}
    for case, location_class in expected.items():
        _, result = by_case(assessed, case)
        assert result.location_class == location_class, case
        assert result.value("location_class") == location_class


def test_sections_and_rows_of_the_card(assessed):
    site, result = by_case(assessed, "inside")
    assert [s.key for s in result.sections] == ["location", "municipality", "context", "norms",
                                                "housing_gap", "basis"]
    assert result.name == site["name"]
    assert result.value("nearest_kern") == "Kern GM1507-2"
    assert result.value("inside_share") == pytest.approx(1.0)
    assert result.value("distance_m") == pytest.approx(0.0)
    assert result.value("gm_code") == "GM1507" and result.value("gm_name") == "Horst aan de Maas"
    assert result.value("region") == "Noord-Limburg"
    assert result.value("straddles_municipalities") is False
    assert result.value("planned_beds") == site["planned_beds"]
    assert result.value("edge_distance_m") == 250.0
    assert result.row("location_class").kind == site_assessment.CLASS
    # Every row of every section is a labelled Row with a known kind.
    for section in result.sections:
        assert section.title and section.rows
        for row in section.rows:
            assert row.label and row.kind in site_assessment.KIND_FIELD_TYPES


def test_context_figures_agree_with_the_layers(demo, assessed):
    site, result = by_case(assessed, "inside")
    accommodations = demo["accommodations"]
    distances = shapely.distance(accommodations.geometry.values, site.geometry)
    nearest = int(np.argmin(distances))
    assert result.value("nearest_accommodation") == accommodations["name"].iloc[nearest]
    assert result.value("nearest_accommodation_m") == pytest.approx(distances[nearest], abs=0.1)
    assert result.value("stay_category") == site["stay_category"]


def test_housing_norms_of_the_plan_checked_by_hand(assessed):
    """SNF for lodging plus the provincial floor: the most beds is the smallest of the
    capacities the plan's own numbers allow, and the rule giving it binds."""
    site, result = by_case(assessed, "inside")
    assert site["housing_type"] == "lodging"
    capacities = {
        "floor_persons_per_bedroom": site["bedrooms"] // 1,           # at most 1 per bedroom
        "floor_living_area": site["living_area_m2"] // 15,             # at least 15 m² each
        "snf_living_area": site["living_area_m2"] // 10,               # lodging: 10 m² each
        "snf_bedroom_area": site["bedroom_area_m2"] // 3.5,            # 3.5 m² bedroom each
        "snf_toilets": site["toilets"] * 8, "snf_showers": site["showers"] * 8,  # 8 per unit
    }
    most = int(min(capacities.values()))
    assert result.value("norms_max_beds") == most
    binding = result.row("norms_binding_rule")
    assert capacities[binding.value] == most and binding.texts["nl"] and binding.texts["en"]
    assert result.value("norms_verdict") == ("pass" if site["planned_beds"] <= most else "fail")
    assert result.row("norms_verdict").display in site_assessment.VERDICT_TEXTS.values()
    assert result.value("norms_set").startswith("limburg_floor") and "snf" in result.value("norms_set")


def test_no_norm_check_without_a_norm_set(demo):
    sites = demo["candidate_sites"].head(1)
    [result] = assess_sites(sites, AssessmentInputs(builtup=demo["builtup"], norm_set=None))
    assert "norms" not in [section.key for section in result.sections]


def test_housing_gap_before_and_after_the_site(demo, assessed):
    """The site's beds count in full as supply: the gaps shrink by exactly its beds, the
    concentration grows by its beds per 100 inhabitants (checked against the layers)."""
    site, result = by_case(assessed, "inside")
    beds = site["planned_beds"]
    table = demo["labour_migrants"]
    latest = table["year"].max()
    migrants = int(table[(table["gm_code"] == "GM1507") & (table["year"] == latest)]["labour_migrants"].sum())
    row = result.row("municipality_labour_migrants")
    assert row.value == migrants and row.note == str(latest)
    municipalities = demo["municipalities"]
    inhabitants = float(municipalities.loc[municipalities["gm_code"] == "GM1507", "inhabitants"].iloc[0])
    assert result.value("municipality_migrants_per_1000_inh") == pytest.approx(migrants / inhabitants * 1000, rel=1e-3)
    assert result.value("ctx_beds_per_100_inh_after") - result.value("ctx_beds_per_100_inh_before") == \
        pytest.approx(beds / inhabitants * 100, abs=2e-3)
    assert result.value("ctx_gm_gap_before") - result.value("ctx_gm_gap_after") == pytest.approx(beds, abs=1e-4)
    assert result.value("ctx_region_gap_before") - result.value("ctx_region_gap_after") == \
        pytest.approx(beds, abs=1e-4)
    before = result.row("ctx_gm_gap_before")
    assert before.kind == site_assessment.NUMBER
    assert before.note in ("shortage", "balanced", "surplus")
    assert result.value("ctx_scenario") and result.value("ctx_model_version").startswith("housing_gap_model")
    # The card says what the demand rests on and lists the model's assumptions.
    assert result.value("ctx_demand_basis") == "bovengrens (aanname)"
    assert result.value("ctx_assumptions").startswith("Aannames: aandeel kort verblijf 40 %")


def test_a_2030_scenario_is_used_when_chosen(demo):
    sites = demo["candidate_sites"].head(1)
    inputs = AssessmentInputs(builtup=demo["builtup"], municipalities=demo["municipalities"],
                              migrants=demo["labour_migrants"], scenario_key="high_2030")
    [result] = assess_sites(sites, inputs)
    assert "2030" in result.value("ctx_scenario")
    assert result.row("municipality_labour_migrants").note == "2030"


def test_site_outside_the_province_has_no_municipality_and_a_remark(assessed):
    _, result = by_case(assessed, "outside_province")
    assert result.value("gm_code") is None
    assert result.value("municipality_labour_migrants") is None
    assert result.value("ctx_gm_gap_before") is None and result.value("ctx_remarks")
    assert result.sections[-1].key == "remarks"
    assert "outside every municipality" in result.remarks


def test_only_the_built_up_area_is_required(demo):
    sites = demo["candidate_sites"].head(3)
    results = assess_sites(sites, AssessmentInputs(builtup=demo["builtup"]), site_id_field="site_id")
    assert [s.key for s in results[0].sections] == ["location", "context", "norms", "basis"]
    assert results[0].value("gm_code") is None


def test_a_drawn_site_without_attributes(demo):
    drawn = gpd.GeoDataFrame(geometry=[box(196100, 383100, 196200, 383200)], crs=28992)
    [result] = assess_sites(drawn, AssessmentInputs(builtup=demo["builtup"],
                                                    municipalities=demo["municipalities"]))
    assert result.location_class == "inside" and result.site_id == 0 and result.name is None
    assert [s.key for s in result.sections] == ["location", "municipality", "basis"]


def test_parameters_are_used_and_shown(demo):
    sites = demo["candidate_sites"]
    sites = sites[sites["case"] == "just_beyond_edge"]
    [result] = assess_sites(sites, AssessmentInputs(builtup=demo["builtup"],
                                                    parameters=ClassificationParameters(300.0, 0.9)))
    assert result.location_class == "edge" and result.value("edge_distance_m") == 300.0


def test_a_missing_migrant_field_names_layer_and_field(demo):
    bad = demo["labour_migrants"].rename(columns={"labour_migrants": "count"})
    inputs = AssessmentInputs(builtup=demo["builtup"], municipalities=demo["municipalities"],
                              migrants=bad, migrants_layer="migrants 2022")
    with pytest.raises(InputError, match="layer 'migrants 2022', field 'labour_migrants'"):
        assess_sites(demo["candidate_sites"].head(2), inputs)


def test_section_builders_are_the_extension_point(demo, monkeypatch):
    def beds_section(frame, inputs):
        return [Section("extra", "Extra", (Row("double_beds", "Double beds", 2 * beds, "count"),))
                for beds in frame["planned_beds"]]
    monkeypatch.setattr(site_assessment.sections, "SECTION_BUILDERS",
                        tuple(site_assessment.SECTION_BUILDERS) + (beds_section,))
    sites = demo["candidate_sites"].head(2)
    results = assess_sites(sites, AssessmentInputs(builtup=demo["builtup"]))
    assert [r.value("double_beds") for r in results] == [2 * b for b in sites["planned_beds"]]


def test_cancel_stops_after_the_current_batch(demo):
    """A large selection is classified in small batches; a cancel stops at the next one."""
    rng = np.random.default_rng(6)
    count = 20 * site_assessment.INTERACTIVE_BATCH_SIZE
    x = rng.uniform(180_000, 205_000, count)
    y = rng.uniform(320_000, 410_000, count)
    sites = gpd.GeoDataFrame(geometry=shapely.box(x, y, x + 30, y + 20), crs=28992)
    reports = []
    progress = Progress(reports.append, lambda: len(reports) >= 4)
    with pytest.raises(CancelledError):
        assess_sites(sites, AssessmentInputs(builtup=demo["builtup"]), progress=progress)
    # Two reports before the batches start, then one per batch: cancelled after two batches.
    assert len(reports) == 4 and reports[-1] < 20


def test_edge_zone_around_a_site(demo):
    """The zone is the built-up area grown by the edge distance: a site at exactly the edge
    distance touches its outline, one beyond it lies outside."""
    sites = demo["candidate_sites"]
    at_edge = sites.loc[sites["case"] == "at_edge_distance"].geometry.iloc[0]
    beyond = sites.loc[sites["case"] == "just_beyond_edge"].geometry.iloc[0]
    zone = site_assessment.edge_zone(demo["builtup"], at_edge, 250.0)
    assert zone.intersects(at_edge) and not zone.intersects(beyond)
    reference = demo["builtup"].loc[demo["builtup"]["kern_name"] == "Kern GM1507-2"].geometry.iloc[0]
    assert zone.contains(reference.buffer(240).exterior)  # the reference kern's own zone, not a far kern's
    assert site_assessment.edge_zone(demo["builtup"], None, 250.0) is None
