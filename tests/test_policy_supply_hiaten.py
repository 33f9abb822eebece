"""Policy fidelity of the housing gap through real QGIS Processing: supply by date (a
permit ending before the scenario year is not supply then) and regional hiaten (a surplus
in one municipality never hides a shortage in another)."""
import datetime

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point

from gap_data import MIGRANTS, MUNICIPALITIES
from test_housing_gap_processing import rows, run_gap


@pytest.fixture(scope="module")
def dated_gpkg(tmp_path_factory):
    """The hand-made municipalities and table (Alpha 200, Beta 50 labour migrants in 2022)
    with accommodations that carry an end date and a first year.

    Alpha: 'Tijdelijk' 80 existing beds, permit ends 2027-06-30; 'Blijvend' 20 existing,
    permit ends 2031-01-01; 'Nieuwbouw' 40 planned (weight 0.5) from 2031.
    Beta: 'Groot' 150 existing beds, no end date.
    """
    path = tmp_path_factory.mktemp("dated") / "dated.gpkg"
    gpd.GeoDataFrame(
        {"gm_code": [m[0] for m in MUNICIPALITIES], "gm_name": [m[1] for m in MUNICIPALITIES],
         "region": [m[2] for m in MUNICIPALITIES], "inhabitants": [m[3] for m in MUNICIPALITIES]},
        geometry=[m[4] for m in MUNICIPALITIES], crs=28992,
    ).to_file(path, layer="municipalities", promote_to_multi=True)
    accommodations = gpd.GeoDataFrame({
        "name": ["Tijdelijk", "Blijvend", "Nieuwbouw", "Groot"],
        "status": ["existing", "existing", "planned", "existing"],
        "stay_category": ["short", "mid", "long", "short"],
        "beds": [80, 20, 40, 150],
        "permit_end": [datetime.date(2027, 6, 30), datetime.date(2031, 1, 1), None, None],
        "planned_year": [None, None, 2031, None],
    }, geometry=[Point(191_500, 361_500), Point(191_600, 361_600), Point(191_700, 361_700),
                 Point(195_200, 361_200)], crs=28992)
    accommodations["permit_end"] = pd.to_datetime(accommodations["permit_end"])
    accommodations.to_file(path, layer="accommodations")
    table = pd.DataFrame(MIGRANTS, columns=["gm_code", "year", "labour_migrants"])
    pyogrio.write_dataframe(table, path, layer="labour_migrants")
    gpd.GeoDataFrame({"kern_name": ["Alpha-dorp"]},
                     geometry=[MUNICIPALITIES[0][4].buffer(-1000)], crs=28992,
                     ).to_file(path, layer="builtup", promote_to_multi=True)
    return path


def test_a_permit_ending_in_2027_does_not_count_in_2030(flexwonen_provider, dated_gpkg, tmp_path):
    result, municipalities, regions = run_gap(dated_gpkg, tmp_path, SCENARIO=3, USER_TOTAL=250,
                                              YEAR=2030)
    alpha = municipalities["GM0001"]
    assert alpha["year"] == 2030
    # Only 'Blijvend' (valid into 2031) counts; 'Tijdelijk' lapses in 2027, 'Nieuwbouw'
    # is available from 2031.
    assert alpha["supply_beds"] == pytest.approx(20.0)
    assert alpha["supply_short"] == pytest.approx(0.0)
    assert alpha["beds_lapsed"] == 80
    assert alpha["beds_not_yet"] == 40
    assert regions["Limburg"]["beds_lapsed"] == 80
    acc = rows(pyogrio_layer(result["ACCOMMODATIONS_OUTPUT"]), "name")
    assert acc["Tijdelijk"]["counted"] is False or acc["Tijdelijk"]["counted"] == 0
    assert "before the end of 2030" in acc["Tijdelijk"]["remarks"]
    assert acc["Tijdelijk"]["acc_end_date"].toPyDate() == datetime.date(2027, 6, 30)
    assert "available from 2031" in acc["Nieuwbouw"]["remarks"]
    assert bool(acc["Blijvend"]["counted"])


def test_the_same_permit_counts_in_a_year_it_is_still_valid(flexwonen_provider, dated_gpkg, tmp_path):
    _, municipalities, _ = run_gap(dated_gpkg, tmp_path, SCENARIO=3, USER_TOTAL=250, YEAR=2026)
    alpha = municipalities["GM0001"]
    assert alpha["supply_beds"] == pytest.approx(100.0)      # 80 + 20; the plan is for 2031
    assert alpha["beds_lapsed"] == 0 and alpha["beds_not_yet"] == 40
    # A planned accommodation counts (with its weight) from its first year on.
    _, later, _ = run_gap(dated_gpkg, tmp_path, SCENARIO=3, USER_TOTAL=250, YEAR=2031)
    # ... while 'Blijvend' (ends 1 January 2031) no longer counts in 2031.
    assert later["GM0001"]["supply_beds"] == pytest.approx(0.5 * 40)
    assert later["GM0001"]["beds_lapsed"] == 100


def test_without_the_date_fields_every_accommodation_counts(flexwonen_provider, dated_gpkg, tmp_path):
    # The same accommodations in a layer without end date and first year fields.
    undated = tmp_path / "undated.gpkg"
    import shutil
    shutil.copy(dated_gpkg, undated)
    frame = gpd.read_file(dated_gpkg, layer="accommodations").drop(columns=["permit_end",
                                                                            "planned_year"])
    frame.to_file(undated, layer="accommodations")
    _, municipalities, _ = run_gap(undated, tmp_path, SCENARIO=3, USER_TOTAL=250, YEAR=2030)
    assert municipalities["GM0001"]["supply_beds"] == pytest.approx(80 + 20 + 0.5 * 40)
    assert municipalities["GM0001"]["beds_lapsed"] == 0


def test_a_region_shows_the_shortage_an_equal_surplus_would_hide(flexwonen_provider, dated_gpkg,
                                                                 tmp_path):
    # Current scenario (2022): Alpha 200 demand, 100 supply (the plan is for 2031): +100;
    # Beta 50 demand, 150 supply: -100. Noord nets to 0 but lacks 100 beds in Alpha.
    _, municipalities, regions = run_gap(dated_gpkg, tmp_path)
    assert municipalities["GM0001"]["gap_beds"] == pytest.approx(100.0)
    assert municipalities["GM0002"]["gap_beds"] == pytest.approx(-100.0)
    noord = regions["Noord"]
    assert noord["gap_beds"] == pytest.approx(0.0)
    assert noord["gap_class"] == "balanced"
    assert noord["shortage_beds"] == pytest.approx(100.0)
    assert noord["surplus_beds"] == pytest.approx(100.0)
    assert municipalities["GM0001"]["shortage_beds"] == pytest.approx(100.0)
    assert municipalities["GM0001"]["surplus_beds"] == pytest.approx(0.0)
    # Gamma: 60 demand, no supply; Delta has no figure and is left out, never zero.
    assert regions["Zuid"]["shortage_beds"] == pytest.approx(60.0)
    assert municipalities["GM0004"]["shortage_beds"] is None
    assert regions["Limburg"]["shortage_beds"] == pytest.approx(160.0)
    assert regions["Limburg"]["gap_beds"] == pytest.approx(60.0)


def pyogrio_layer(uri):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(uri, "a", "ogr")
    assert layer.isValid()
    return layer
