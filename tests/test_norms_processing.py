"""Check housing norms through real QGIS Processing (processing.run) on GeoPackages,
and the norm verdict carried by the site classification."""
import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer
from shapely.geometry import Point

import processing
from conftest import features_by, open_layer
from limburg_flexwonen_plugin.core.housing_norms import evaluate_plans
from limburg_flexwonen_plugin.core.norm_sets import available_norm_sets, built_in_folder

# Hand-checked plans. bedrooms is a TEXT field on purpose (text in a number field).
PLANS = {
    # 180 m² / 12 = exactly 15 m²; 12 beds in 12 bedrooms; 42 m² / 3.5 = exactly 12.
    "exact_floor": (12, "12", 180.0, 42.0, 2, 2),
    # SNF is met (13 m² >= 12 m², 24 >= 20 persons per toilet and shower, 80 / 3.5 = 22),
    # the floor is not (2 persons per bedroom, 13 m² < 15 m²): at most 10 beds.
    "snf_not_floor": (20, "10", 260.0, 80.0, 3, 3),
    "text_bedrooms": (20, "ca. 20", 400.0, 80.0, 3, 3),
    "missing_area": (10, "10", None, 40.0, 2, 2),
    # One bed more than bedrooms: 195 m² / 13 = 15 m² passes, the bedrooms fail: 12 beds.
    "one_too_many": (13, "12", 195.0, 50.0, 2, 2),
}
EXPECTED_SNF = {
    "exact_floor": ("pass", 12, {"floor_persons_per_bedroom": "pass", "floor_living_area": "pass",
                                 "snf_bedroom_area": "pass"}),
    "snf_not_floor": ("fail", 10, {"floor_persons_per_bedroom": "fail", "floor_living_area": "fail",
                                   "snf_living_area": "pass", "snf_bedroom_area": "pass",
                                   "snf_toilets": "pass", "snf_showers": "pass"}),
    "text_bedrooms": ("unknown", 22, {"floor_persons_per_bedroom": "unknown",
                                      "floor_living_area": "pass"}),
    "missing_area": ("unknown", 10, {"floor_living_area": "unknown", "snf_living_area": "unknown",
                                     "floor_persons_per_bedroom": "pass"}),
    "one_too_many": ("fail", 12, {"floor_persons_per_bedroom": "fail", "floor_living_area": "pass"}),
}


@pytest.fixture(scope="module")
def plans_gpkg(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "plans.gpkg"
    names = list(PLANS)
    columns = list(zip(*PLANS.values()))
    frame = gpd.GeoDataFrame({
        "plan_id": names, "planned_beds": list(columns[0]), "bedrooms": list(columns[1]),
        "living_area_m2": list(columns[2]), "bedroom_area_m2": list(columns[3]),
        "toilets": list(columns[4]), "showers": list(columns[5]),
        "housing_type": ["woning"] * len(names),
    }, geometry=[Point(196_100 + 10 * i, 383_100) for i in range(len(names))], crs=28992)
    frame.to_file(path, layer="plans")
    pyogrio.write_dataframe(pd.DataFrame(frame.drop(columns="geometry")), path, layer="plans_table")
    return path


def run_norms(path, layer, tmp_path, **extra):
    parameters = {"INPUT": f"{path}|layername={layer}", "OUTPUT": str(tmp_path / f"{layer}_norms.gpkg")}
    parameters.update(extra)
    result = processing.run("flexwonen:checkhousingnorms", parameters)
    output = QgsVectorLayer(result["OUTPUT"], "norms", "ogr")
    assert output.isValid()
    return output


def test_hand_checked_plans_through_processing(flexwonen_provider, plans_gpkg, tmp_path):
    layer = run_norms(plans_gpkg, "plans", tmp_path)
    rows = features_by(layer, "plan_id")
    assert set(rows) == set(PLANS)
    for name, (verdict, max_beds, rules) in EXPECTED_SNF.items():
        feature = rows[name]
        assert feature["norms_verdict"] == verdict, name
        assert feature["norms_max_beds"] == max_beds, name
        for rule_id, status in rules.items():
            assert feature[f"norm_{rule_id}"] == status, (name, rule_id)
        assert feature["norms_set"] == "limburg_floor 2024.1 + snf 2024.1"
        assert feature["norms_housing_type"] == "dwelling"
    assert rows["exact_floor"]["norms_max_beds_complete"] in (True, 1)
    assert rows["text_bedrooms"]["norms_data_issues"] == "field 'bedrooms': 'ca. 20' is not a number"
    assert rows["snf_not_floor"]["norms_binding_rule"] == "floor_persons_per_bedroom"
    assert ("floor_persons_per_bedroom: 2 persons per bedroom is above the maximum of 1 (at most 10 beds)"
            in rows["snf_not_floor"]["norms_reasons_en"])
    assert ("floor_persons_per_bedroom: 2 personen per slaapkamer is meer dan het maximum van 1 "
            "(hoogstens 10 bedden)" in rows["snf_not_floor"]["norms_reasons_nl"])
    assert "onbekend, geen woonoppervlak opgegeven" in rows["missing_area"]["norms_reasons_nl"]
    assert not rows["exact_floor"]["norms_reasons_en"]
    # The input's attributes and geometry are kept; the input itself is untouched.
    assert rows["exact_floor"]["bedrooms"] == "12" and rows["exact_floor"]["planned_beds"] == 12
    assert layer.crs().authid() == "EPSG:28992" and layer.featureCount() == len(PLANS)
    assert rows["exact_floor"].geometry().asPoint().x() == pytest.approx(196_100)
    source = open_layer(plans_gpkg, "plans")
    assert "norms_verdict" not in source.fields().names() and source.featureCount() == len(PLANS)


def test_each_norm_set_gives_its_own_rule_fields(flexwonen_provider, plans_gpkg, tmp_path):
    names = available_norm_sets()
    akf = run_norms(plans_gpkg, "plans", tmp_path, NORM_SET=names.index("akf_2024"))
    fields = akf.fields().names()
    assert {"norm_floor_living_area", "norm_akf_living_area", "norm_akf_persons_per_bedroom"} <= set(fields)
    assert not [f for f in fields if f.startswith("norm_snf")]
    rows = features_by(akf, "plan_id")
    # AKF allows 2 per bedroom, but the floor on top still limits snf_not_floor to 10 beds.
    assert rows["snf_not_floor"]["norm_akf_persons_per_bedroom"] == "pass"
    assert rows["snf_not_floor"]["norms_verdict"] == "fail"
    assert rows["snf_not_floor"]["norms_max_beds"] == 10
    floor = run_norms(plans_gpkg, "plans", tmp_path, NORM_SET=names.index("limburg_floor"))
    assert features_by(floor, "plan_id")["exact_floor"]["norms_set"] == "limburg_floor 2024.1"


def test_a_table_without_geometry(flexwonen_provider, plans_gpkg, tmp_path):
    layer = run_norms(plans_gpkg, "plans_table", tmp_path, NORM_SET=available_norm_sets().index("limburg_floor"))
    rows = features_by(layer, "plan_id")
    assert rows["one_too_many"]["norms_verdict"] == "fail" and rows["exact_floor"]["norms_verdict"] == "pass"
    assert not layer.isSpatial()


def own_set(name, **rule_changes):
    data = json.loads((built_in_folder() / "akf_2024.json").read_text(encoding="utf-8"))
    data.update(name=name)
    data["rules"] = [dict(data["rules"][0], **rule_changes)]
    return json.dumps(data)


def test_own_norm_file(flexwonen_provider, plans_gpkg, tmp_path):
    own_file = tmp_path / "strict_town.json"
    own_file.write_text(own_set("strict_town", id="town_living_area", threshold=20), encoding="utf-8")
    layer = run_norms(plans_gpkg, "plans", tmp_path, NORM_FILE=str(own_file))
    rows = features_by(layer, "plan_id")
    assert rows["exact_floor"]["norm_town_living_area"] == "fail"      # 15 m² < 20 m²
    assert rows["exact_floor"]["norms_max_beds"] == 9                  # 180 / 20
    assert rows["exact_floor"]["norms_binding_rule"] == "town_living_area"


def test_a_malformed_own_norm_file_is_named(flexwonen_provider, plans_gpkg, tmp_path):
    bad = tmp_path / "bad_town.json"
    bad.write_text(own_set("bad_town", threshold=0), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"bad_town\.json.*'threshold' must be a positive number"):
        run_norms(plans_gpkg, "plans", tmp_path, NORM_FILE=str(bad))


def test_sets_in_the_user_folder_are_offered(flexwonen_provider, plans_gpkg, tmp_path, monkeypatch):
    folder = tmp_path / "norms"
    folder.mkdir()
    own = json.loads((built_in_folder() / "limburg_floor.json").read_text(encoding="utf-8"))
    own.update(name="venlo_2027", title_en="Venlo 2027", version="1")
    own["rules"] = [dict(own["rules"][1], id="venlo_living_area", threshold=16)]
    (folder / "venlo_2027.json").write_text(json.dumps(own), encoding="utf-8")
    monkeypatch.setenv("FLEXWONEN_NORMS_FOLDER", str(folder))
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("flexwonen:checkhousingnorms")
    options = algorithm.parameterDefinition("NORM_SET").options()
    assert options[-1].startswith("Venlo 2027 (venlo_2027 1,") and "own file" in options[-1]
    layer = run_norms(plans_gpkg, "plans", tmp_path, NORM_SET=len(options) - 1)
    assert features_by(layer, "plan_id")["exact_floor"]["norm_venlo_living_area"] == "fail"


def test_a_named_field_that_does_not_exist_is_an_error(flexwonen_provider, plans_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="Layer 'plans': bedrooms \\(the chosen field 'kamers' does "
                                                     "not exist\\) — choose it in 'Bedrooms field'"):
        run_norms(plans_gpkg, "plans", tmp_path, BEDROOMS_FIELD="kamers")


def test_accommodations_use_their_beds_field(flexwonen_provider, demo_gpkg, tmp_path):
    layer = run_norms(demo_gpkg, "accommodations", tmp_path,
                      NORM_SET=available_norm_sets().index("akf_2026"))
    accommodations = pyogrio.read_dataframe(demo_gpkg, layer="accommodations")
    expected = evaluate_plans(accommodations, "akf_2026", {"beds": "beds", "bedrooms": "bedrooms",
                                                           "living_area_m2": "living_area_m2"})
    rows = features_by(layer, "acc_id")
    assert len(rows) == len(accommodations) == 80
    for position, acc_id in enumerate(accommodations["acc_id"]):
        assert rows[acc_id]["norms_verdict"] == expected.iloc[position]["norms_verdict"]
        assert rows[acc_id]["norms_max_beds"] == expected.iloc[position]["norms_max_beds"]
        # By hand: the floor's one person per bedroom and 15 m² per person, AKF's 2 and 15 m².
        beds, bedrooms, area = (accommodations.iloc[position][k] for k in ("beds", "bedrooms", "living_area_m2"))
        assert rows[acc_id]["norms_max_beds"] == min(bedrooms, int(area // 15 + 1e-9))
        assert (rows[acc_id]["norms_verdict"] == "pass") == (beds <= min(bedrooms, area / 15))


def test_classification_carries_the_norm_verdict(flexwonen_provider, demo_gpkg, tmp_path):
    base = {"SITES": f"{demo_gpkg}|layername=candidate_sites", "SITE_ID_FIELD": "site_id",
            "BUILTUP": f"{demo_gpkg}|layername=builtup"}
    plain = QgsVectorLayer(processing.run("flexwonen:classifysites", dict(
        base, OUTPUT=str(tmp_path / "plain.gpkg")))["OUTPUT"], "plain", "ogr")
    assert not [name for name in plain.fields().names() if name.startswith("norm")]
    both = QgsVectorLayer(processing.run("flexwonen:classifysites", dict(
        base, CHECK_NORMS=True, OUTPUT=str(tmp_path / "both.gpkg")))["OUTPUT"], "both", "ogr")
    norms = run_norms(demo_gpkg, "candidate_sites", tmp_path)
    classified, checked = features_by(both, "site_id"), features_by(norms, "site_id")
    assert set(classified) == set(checked) and len(classified) == 52
    verdicts = set()
    for site_id, feature in classified.items():
        assert feature["location_class"] in ("inside", "edge", "outside")
        for name in ("norms_verdict", "norms_max_beds", "norms_binding_rule", "norms_reasons_nl",
                     "norm_floor_living_area", "norm_snf_toilets", "norms_set"):
            assert feature[name] == checked[site_id][name], (site_id, name)
        verdicts.add(feature["norms_verdict"])
    assert {"fail", "unknown"} <= verdicts
    # The missing values planted in the demo data are unknown, never a pass.
    sites = pyogrio.read_dataframe(demo_gpkg, layer="candidate_sites").set_index("site_id")
    for site_id in sites.index[sites["bedrooms"].isna()]:
        assert classified[site_id]["norm_floor_persons_per_bedroom"] == "unknown"
