"""The demand model distinguishes temporary stay (beds) from long-term residents
(dwellings), and says what the demand rests on: 'bovengrens (aanname)' on the model's
placeholder shares, else the province's shares file or the imported demand table — in the
outputs and on the pages (legend, notes, versions line)."""
import csv
import json

import numpy as np
import pandas as pd
import pyogrio
import pytest
from qgis.core import QgsProcessingException

from gap_data import hand_gpkg  # noqa: F401 (fixture)
from limburg_flexwonen_plugin.core.demand import ASSUMED_DEMAND
from limburg_flexwonen_plugin.core.housing_gap import DemandModel, demand_per_category
from limburg_flexwonen_plugin.layouts import gap_fields, templates
from limburg_flexwonen_plugin.layouts.layers import copy_of
from limburg_flexwonen_plugin.layouts.page import legend_titles
from limburg_flexwonen_plugin.layouts.province_overview import OverviewInputs, build_province_overview
from test_exports_analyses import EXPORT_DAY, layer_of
from test_housing_gap_processing import run_gap


def test_long_term_residents_in_regular_housing_are_no_demand_and_need_dwellings():
    model = DemandModel.defaults().replace(share_regular_housing=0.5, household_size=2.0)
    demand = demand_per_category(np.array([1000.0]), model)
    # 400 short + 350 mid beds (temporary stay); 250 long-term residents of whom half live
    # in regular housing: 125 beds, or 125 / 2 = 62.5 -> 63 dwellings.
    assert demand["demand_short"][0] == 400 and demand["demand_mid"][0] == 350
    assert demand["demand_long"][0] == 125 and demand["demand_beds"][0] == 875
    assert demand["demand_dwellings"][0] == 63
    defaults = demand_per_category(np.array([1000.0]), DemandModel.defaults())
    assert defaults["demand_beds"][0] == 1000 and defaults["demand_dwellings"][0] == 125


def overview_page(package):
    municipalities = layer_of(package, "municipalities")
    page = build_province_overview(OverviewInputs(
        copy_of(municipalities, "gap"), regions=copy_of(layer_of(package, "regions"), "regions"),
        export_date=EXPORT_DAY))
    layout = page.layout
    legend = legend_titles(templates.find_item(layout, "legend"))[-1]
    # What the page prints: the notes and the versions line.
    texts = [templates.find_item(layout, item).currentText() for item in ("notes", "versions")]
    return layout, legend, " ".join(texts)


def test_default_shares_are_labelled_an_upper_bound_everywhere(flexwonen_provider, hand_gpkg,
                                                               tmp_path):
    result, municipalities, regions = run_gap(hand_gpkg, tmp_path)
    assert {row["demand_basis"] for row in municipalities.values()} == {ASSUMED_DEMAND}
    assert {row["demand_basis"] for row in regions.values()} == {ASSUMED_DEMAND}
    with open(result["CSV_OUTPUT"], encoding="utf-8", newline="") as handle:
        assert {row["demand_basis"] for row in csv.DictReader(handle)} == {ASSUMED_DEMAND}
    _, legend, variables = overview_page(tmp_path / "gap.gpkg")
    assert legend == f"{gap_fields.GAP_LEGEND_TITLE}\n{ASSUMED_DEMAND}"
    assert f"Vraag: {ASSUMED_DEMAND}" in variables       # the notes and the versions line


def test_a_province_shares_file_replaces_the_placeholders_and_is_named(flexwonen_provider,
                                                                      hand_gpkg, tmp_path):
    shares = tmp_path / "aandelen_limburg.json"
    shares.write_text(json.dumps({"source": "Provinciale monitor arbeidsmigratie 2025",
                                  "share_short": 0.3, "share_mid": 0.3, "share_long": 0.4,
                                  "share_regular_housing": 0.5, "household_size": 2.5}),
                      encoding="utf-8")
    _, municipalities, regions = run_gap(hand_gpkg, tmp_path, SHARES_FILE=str(shares))
    basis = "aandelen: Provinciale monitor arbeidsmigratie 2025 (aandelen_limburg.json)"
    assert {row["demand_basis"] for row in regions.values()} == {basis}
    alpha = municipalities["GM0001"]                 # 200 labour migrants in 2022
    assert (alpha["demand_short"], alpha["demand_mid"], alpha["demand_long"]) == (60, 60, 40)
    assert alpha["demand_dwellings"] == 16           # 200 x 0.4 x 0.5 / 2.5
    assert "long-term in regular housing 0.5" in alpha["parameters"]
    _, legend, variables = overview_page(tmp_path / "gap.gpkg")
    assert legend == gap_fields.GAP_LEGEND_TITLE
    assert ASSUMED_DEMAND not in variables and f"Vraag volgens {basis}." in variables


def test_own_shares_typed_in_are_no_placeholder(flexwonen_provider, hand_gpkg, tmp_path):
    _, _, regions = run_gap(hand_gpkg, tmp_path, SHARE_REGULAR_HOUSING=30)
    assert regions["Limburg"]["demand_basis"] == "eigen aandelen (parameters)"


def test_a_shares_file_without_source_is_refused(flexwonen_provider, hand_gpkg, tmp_path):
    shares = tmp_path / "aandelen.json"
    shares.write_text(json.dumps({"share_short": 0.3}), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="shares file aandelen.json has no 'source'"):
        run_gap(hand_gpkg, tmp_path, SHARES_FILE=str(shares))


@pytest.fixture
def demand_table(tmp_path):
    path = tmp_path / "vraag.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({
        "gemeente": ["GM0001", "GM0002", "GM9999"], "bedden": [150, 30, 5],
        "kort": [90, 10, 5], "middel": [40, 10, 0], "lang": [20, 10, 0], "woningen": [12, 4, 0]}),
        path, layer="vraag_vro")
    return f"{path}|layername=vraag_vro"


def test_an_imported_demand_table_replaces_the_model_and_is_named_as_source(
        flexwonen_provider, hand_gpkg, demand_table, tmp_path):
    _, municipalities, regions = run_gap(
        hand_gpkg, tmp_path, DEMAND_TABLE=demand_table, DEMAND_CODE_FIELD="gemeente",
        DEMAND_BEDS_FIELD="bedden", DEMAND_SHORT_FIELD="kort", DEMAND_MID_FIELD="middel",
        DEMAND_LONG_FIELD="lang", DEMAND_DWELLINGS_FIELD="woningen")
    alpha, gamma = municipalities["GM0001"], municipalities["GM0003"]
    assert (alpha["demand_beds"], alpha["demand_short"], alpha["demand_long"]) == (150, 90, 20)
    assert alpha["demand_dwellings"] == 12
    assert alpha["gap_beds"] == pytest.approx(150 - 80)           # 'Huis Alpha', 80 beds
    # Gamma is not in the table: no demand, never zero, and said so.
    assert gamma["demand_beds"] is None and gamma["gap_beds"] is None
    assert "no figure in demand table 'vraag_vro'" in gamma["remarks"]
    assert "GM9999" in regions["Limburg"]["remarks"]
    assert {row["demand_basis"] for row in regions.values()} == {"vraagtabel: vraag_vro"}
    _, legend, variables = overview_page(tmp_path / "gap.gpkg")
    assert legend == gap_fields.GAP_LEGEND_TITLE
    assert ASSUMED_DEMAND not in variables and "Vraag volgens vraagtabel: vraag_vro." in variables


def test_a_demand_table_is_for_the_current_scenario_only(flexwonen_provider, hand_gpkg,
                                                         demand_table, tmp_path):
    with pytest.raises(QgsProcessingException, match="use it with the current scenario"):
        run_gap(hand_gpkg, tmp_path, SCENARIO=1, DEMAND_TABLE=demand_table,
                DEMAND_CODE_FIELD="gemeente", DEMAND_BEDS_FIELD="bedden")


# ------------------------------------------------------------- assumptions on every page


def test_the_assumptions_line_lists_placeholders_and_changed_values():
    from limburg_flexwonen_plugin.core.demand import assumptions_nl
    from limburg_flexwonen_plugin.core.scenarios import load_model_document
    document = load_model_document()
    text = assumptions_nl(DemandModel.defaults(), document)
    assert text.startswith("Aannames: aandeel kort verblijf 40 %; aandeel middellang verblijf 35 %")
    assert "gewicht geplande bedden 0,5" in text and "evenwichtsband ±10 %" in text
    assert "personen per bed" not in text            # sourced, unchanged: no assumption
    changed = assumptions_nl(DemandModel.defaults().replace(persons_per_bed=0.9, weight_planned=0.2),
                             document)
    assert "Afwijkend van de standaard: personen per bed 0,9 (standaard 1); gewicht geplande " \
           "bedden 0,2 (standaard 0,5)." in changed
    assert "gewicht geplande bedden 0,5" not in changed
    # With a demand table the shares play no part.
    assert "aandeel" not in assumptions_nl(DemandModel.defaults(), document, demand_from_table=True)


def test_atlas_pages_and_site_reports_list_the_assumptions(flexwonen_provider, hand_gpkg, tmp_path):
    from limburg_flexwonen_plugin.layouts.area_atlas import AtlasInputs, build_area_atlas
    run_gap(hand_gpkg, tmp_path)
    package = tmp_path / "gap.gpkg"
    municipalities = layer_of(package, "municipalities")
    expected = next(municipalities.getFeatures())["assumptions"]
    assert expected.startswith("Aannames: ")
    page = build_area_atlas(AtlasInputs(copy_of(municipalities, "gap"),
                                        regions=copy_of(layer_of(package, "regions"), "regions"),
                                        level="both", export_date=EXPORT_DAY))
    line = templates.find_item(page.layout, "assumptions").currentText()
    assert f"Vraag: {ASSUMED_DEMAND}." in line and expected in line
    _, _, variables = overview_page(package)
    assert expected in variables
