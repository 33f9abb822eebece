"""Field mapping that fits real layers: the CBS/PDOK field names found without renaming,
labels that never block, one message for every missing field, codes as CBS writes them.

The second fixture set (``cbs_names.write_cbs_named``) is the demo GeoPackage with the
field names of real layers; every algorithm runs on it without a field parameter and must
give the same results as on the demo's own names."""
import numpy as np
import pyogrio
import pytest
import rasterio
from qgis.core import NULL, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

import processing
from limburg_flexwonen_plugin.core.field_mapping import (FieldResolution, MissingFieldsError, Request,
                                                         detect, normalise_code)

from cbs_names import write_cbs_named


class Collecting(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS's name)
        self.warnings.append(warning)
        super().pushWarning(warning)


@pytest.fixture(scope="module")
def cbs_gpkg(demo_gpkg, tmp_path_factory):
    return write_cbs_named(demo_gpkg, tmp_path_factory.mktemp("cbs") / "limburg_cbs_names.gpkg")


def _layer(gpkg, name):
    return f"{gpkg}|layername={name}"


def _rows(path, key, fields):
    layer = QgsVectorLayer(path, "x", "ogr")
    assert layer.isValid(), path
    return {feature[key]: tuple(None if feature[f] == NULL else feature[f] for f in fields)
            for feature in layer.getFeatures()}


# ----------------------------------------------------------------- pure rules


@pytest.mark.parametrize("value", ["GM0983", "gm0983", " GM0983 ", "GM983", "0983", "983", 983, 983.0,
                                   np.int64(983)])
def test_every_spelling_of_a_municipality_code_becomes_gm_and_four_digits(value):
    assert normalise_code(value) == "GM0983"


def test_no_code_stays_no_code():
    assert normalise_code(None) is None and normalise_code("") is None and normalise_code(float("nan")) is None


def test_usual_names_are_found_whatever_their_case():
    assert detect(["id", "STATCODE", "statnaam"], "municipality_code") == "STATCODE"
    assert detect(["GM_CODE"], "municipality_code") == "GM_CODE"
    assert detect(["gemeentecode", "aantalInwoners"], "inhabitants") == "aantalInwoners"
    assert detect(["aantal_inwoners"], "inhabitants") == "aantal_inwoners"
    assert detect(["woonplaats"], "kern_name") == "woonplaats"
    # The plugin's own name goes first when a layer holds both.
    assert detect(["naam", "kern_name"], "kern_name") == "kern_name"
    assert detect(["code"], "municipality_code") is None


def test_all_missing_fields_of_all_layers_in_one_message():
    resolution = FieldResolution()
    found = resolution.resolve("gemeenten", ["fid", "statnaam"], [
        Request("municipality_code", where="Municipality code field"),
        Request("municipality_name", where="Municipality name field", required=False),
        Request("region", required=False), Request("inhabitants", chosen="inwoners2024")])
    assert found == {"municipality_code": None, "municipality_name": "statnaam", "region": None,
                     "inhabitants": None}
    resolution.resolve("arbeidsmigranten", ["gemeentecode"], [
        Request("migrants_code"), Request("migrants_count", where="Labour migrants: number field")])
    with pytest.raises(MissingFieldsError) as raised:
        resolution.check()
    text = str(raised.value)
    assert text.count("Layer '") == 2
    assert "Layer 'gemeenten': municipality code (none of gm_code, statcode" in text
    assert "— choose it in 'Municipality code field'" in text
    assert "inhabitants (the chosen field 'inwoners2024' does not exist)" in text
    assert "Layer 'arbeidsmigranten': number of labour migrants (none of labour_migrants" in text
    assert "region" not in text   # optional: never in the message
    assert resolution.notes == [("gemeenten", "region")]


# ----------------------------------------------------------------- every algorithm on CBS names


def _gap(gpkg, tmp_path, feedback=None):
    tmp_path.mkdir(exist_ok=True)
    out = tmp_path / "gap.gpkg"
    result = processing.run("flexwonen:housinggap", {
        "MUNICIPALITIES": _layer(gpkg, "municipalities"), "MIGRANTS": _layer(gpkg, "labour_migrants"),
        "ACCOMMODATIONS": _layer(gpkg, "accommodations"), "BUILTUP": _layer(gpkg, "builtup"),
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{out}' table=\"municipalities\" (geom)",
        "REGIONS_OUTPUT": f"ogr:dbname='{out}' table=\"regions\" (geom)",
        "ACCOMMODATIONS_OUTPUT": f"ogr:dbname='{out}' table=\"accommodations\" (geom)",
    }, feedback=feedback)
    fields = ("gm_name", "region", "inhabitants", "labour_migrants", "demand_beds", "supply_beds",
              "gap_beds", "gap_class", "migrants_per_1000_inh")
    return (_rows(result["MUNICIPALITIES_OUTPUT"], "gm_code", fields),
            _rows(result["REGIONS_OUTPUT"], "region", ("labour_migrants", "gap_beds", "gap_class")),
            _rows(result["ACCOMMODATIONS_OUTPUT"], "acc_id", ("gm_code", "acc_beds", "supply_beds")))


def test_housing_gap_on_cbs_names_equals_the_demo(flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path):
    feedback = Collecting()
    expected = _gap(demo_gpkg, tmp_path / "demo")
    actual = _gap(cbs_gpkg, tmp_path / "cbs", feedback)
    assert len(expected[0]) > 10 and len(expected[1]) >= 3
    assert actual == expected
    # What was chosen is in the log.
    assert any("municipality code = statcode (found)" in line and "inhabitants = aantalInwoners (found)"
               in line and "region = corop_naam (found)" in line for line in feedback.infos)
    assert any("municipality code = gemeentecode (found)" in line and "year = jaar (found)" in line
               for line in feedback.infos)


def _classify(gpkg, tmp_path, sites="candidate_sites", feedback=None, **extra):
    parameters = {
        "SITES": _layer(gpkg, sites), "BUILTUP": _layer(gpkg, "builtup"),
        "MUNICIPALITIES": _layer(gpkg, "municipalities"), "CHECK_NORMS": True, "ADD_CONTEXT": True,
        "CONTEXT_MIGRANTS": _layer(gpkg, "labour_migrants"),
        "CONTEXT_ACCOMMODATIONS": _layer(gpkg, "accommodations"), "OUTPUT": str(tmp_path / "sites.gpkg")}
    parameters.update(extra)
    result = processing.run("flexwonen:classifysites", parameters, feedback=feedback)
    return _rows(result["OUTPUT"], "site_id", (
        "location_class", "nearest_kern", "gm_code", "gm_name", "region", "norms_verdict",
        "norms_max_beds", "ctx_beds_added", "ctx_gm_gap_before", "ctx_gm_gap_after",
        "ctx_region_gap_after", "ctx_beds_per_100_inh_after"))


@pytest.mark.parametrize("sites", ["candidate_sites", "candidate_points"])
def test_classification_with_norms_and_context_on_cbs_names_equals_the_demo(
        flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path, sites):
    expected = _classify(demo_gpkg, tmp_path, sites)
    actual = _classify(cbs_gpkg, tmp_path, sites)
    assert actual == expected
    values = list(expected.values())
    assert {v[0] for v in values} == {"inside", "edge", "outside"}
    assert any(v[3] for v in values) and any(v[5] in ("pass", "fail") for v in values)
    assert any(v[7] for v in values)


def test_streamed_classification_on_cbs_names_equals_the_demo(flexwonen_provider, demo_gpkg, cbs_gpkg,
                                                               tmp_path):
    def run(gpkg, name):
        result = processing.run("flexwonen:classifysitesstreamed", {
            "SITES": _layer(gpkg, "candidate_sites"), "BUILTUP": _layer(gpkg, "builtup"),
            "MUNICIPALITIES": _layer(gpkg, "municipalities"), "OUTPUT": str(tmp_path / f"{name}.gpkg")})
        return _rows(result["OUTPUT"], "site_id", ("location_class", "nearest_kern", "gm_code", "gm_name",
                                                   "region"))
    expected = run(demo_gpkg, "demo")
    assert run(cbs_gpkg, "cbs") == expected and all(v[1] for v in expected.values())


def test_density_raster_on_cbs_names_equals_the_demo(flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path):
    def run(gpkg, name):
        path = tmp_path / f"{name}.tif"
        processing.run("flexwonen:densityraster", {
            "MUNICIPALITIES": _layer(gpkg, "municipalities"), "MIGRANTS": _layer(gpkg, "labour_migrants"),
            "BUILTUP": _layer(gpkg, "builtup"), "OUTPUT": str(path)})
        with rasterio.open(path) as dataset:
            return dataset.read(1)
    expected = run(demo_gpkg, "demo")
    actual = run(cbs_gpkg, "cbs")
    assert expected.shape == actual.shape and np.array_equal(expected, actual)
    assert np.nansum(np.where(expected > 0, expected, 0)) > 0


def test_norm_check_on_cbs_names_equals_the_demo(flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path):
    def run(gpkg, name):
        result = processing.run("flexwonen:checkhousingnorms", {
            "INPUT": _layer(gpkg, "candidate_sites"), "OUTPUT": str(tmp_path / f"{name}.gpkg")})
        layer = QgsVectorLayer(result["OUTPUT"], "n", "ogr")
        return [(f["norms_verdict"], f["norms_max_beds"], f["norms_binding_rule"]) for f in layer.getFeatures()]
    expected = run(demo_gpkg, "demo")
    assert run(cbs_gpkg, "cbs") == expected
    assert {verdict for verdict, _, _ in expected} >= {"pass", "fail"}


def test_stay_check_on_dutch_names_equals_the_demo(flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path):
    def run(gpkg, name):
        result = processing.run("flexwonen:checkstaydurations", {
            "INPUT": _layer(gpkg, "stays"), "OUTPUT": "TEMPORARY_OUTPUT",
            "STAYS_OUTPUT": str(tmp_path / f"{name}.gpkg")})
        layer = QgsVectorLayer(result["STAYS_OUTPUT"], "s", "ogr")
        return [(f["short_stay_status"], f["transition_status"]) for f in layer.getFeatures()]
    expected = run(demo_gpkg, "demo")
    assert run(cbs_gpkg, "cbs") == expected and len(expected) > 5


def test_business_effect_on_cbs_names_equals_the_demo(flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point
    businesses = tmp_path / "businesses.gpkg"
    gpd.GeoDataFrame({"bid": ["B1"], "name": ["Distributiecentrum"]}, geometry=[Point(210_500, 380_500)],
                     crs=28992).to_file(businesses, layer="businesses")

    def run(gpkg, name):
        out = tmp_path / f"{name}.gpkg"
        parameters = {
            "BUSINESSES": f"{businesses}|layername=businesses", "BUSINESS_ID_FIELD": "bid",
            "BUSINESS_NAME_FIELD": "name", "JOBS_NOW": 300, "YEAR_NOW": 2025, "JOBS_FULL": 1200,
            "YEAR_FULL": 2028, "MIGRANT_SHARE": 60, "MUNICIPALITIES": _layer(gpkg, "municipalities"),
            "MIGRANTS": _layer(gpkg, "labour_migrants"), "ACCOMMODATIONS": _layer(gpkg, "accommodations"),
            "BUILTUP": _layer(gpkg, "builtup")}
        for key in ("BUSINESSES", "PHASING", "ALLOCATION", "MUNICIPALITIES", "REGIONS", "REACH"):
            parameters[f"{key}_OUTPUT"] = f"ogr:dbname='{out}' table=\"{key.lower()}\" (geom)"
        result = processing.run("flexwonen:businesseffect", parameters)
        layer = QgsVectorLayer(result["MUNICIPALITIES_OUTPUT"], "m", "ogr")
        names = [n for n in layer.fields().names() if n not in ("fid",)]
        return sorted(tuple(str(f[n]) for n in names) for f in layer.getFeatures())
    expected = run(demo_gpkg, "demo")
    assert run(cbs_gpkg, "cbs") == expected and expected


def test_maps_and_reports_run_on_cbs_names(flexwonen_provider, cbs_gpkg, tmp_path):
    boundaries = _layer(cbs_gpkg, "municipalities")
    overview = processing.run("flexwonen:exportprovinceoverview", {
        "MUNICIPALITIES": boundaries, "ACCOMMODATIONS": _layer(cbs_gpkg, "accommodations"),
        "OUTPUT_PDF": str(tmp_path / "overview.pdf")})
    atlas = processing.run("flexwonen:exportatlas", {
        "MUNICIPALITIES": boundaries, "OUTPUT_PDF": str(tmp_path / "atlas.pdf")})
    reports = processing.run("flexwonen:exportsitereports", {
        "SITES": _layer(cbs_gpkg, "candidate_sites"), "BUILTUP": _layer(cbs_gpkg, "builtup"),
        "MUNICIPALITIES": boundaries, "OUTPUT_PDF": str(tmp_path / "sites.pdf")})
    for path in (tmp_path / "overview.pdf", tmp_path / "atlas.pdf", tmp_path / "sites.pdf"):
        assert path.stat().st_size > 10_000
    assert overview and atlas and reports


# ----------------------------------------------------------------- labels never block


def test_without_label_fields_the_code_and_feature_id_stand_in_said_once(flexwonen_provider, cbs_gpkg,
                                                                          tmp_path):
    bare = tmp_path / "bare.gpkg"
    for name, drop in (("builtup", ["naam"]), ("municipalities", ["statnaam", "corop_naam"]),
                       ("candidate_sites", [])):
        frame = pyogrio.read_dataframe(str(cbs_gpkg), layer=name)
        pyogrio.write_dataframe(frame.drop(columns=drop), str(bare), layer=name, promote_to_multi=True)
    feedback = Collecting()
    result = processing.run("flexwonen:classifysites", {
        "SITES": _layer(bare, "candidate_sites"), "BUILTUP": _layer(bare, "builtup"),
        "MUNICIPALITIES": _layer(bare, "municipalities"), "OUTPUT": str(tmp_path / "sites.gpkg")},
        feedback=feedback)
    sites = _rows(result["OUTPUT"], "site_id", ("nearest_kern", "gm_code", "gm_name", "region"))
    builtup_ids = {str(fid) for fid in pyogrio.read_dataframe(str(bare), layer="builtup",
                                                              fid_as_index=True).index}
    located = [row for row in sites.values() if row[1]]
    assert located and all(row[2] == row[1] and row[3] is None for row in located)
    assert all(row[0] in builtup_ids for row in sites.values() if row[0])
    notes = [w for w in feedback.warnings if "has no" in w]
    assert len([w for w in notes if "kern name" in w]) == 1
    assert len([w for w in notes if "municipality name" in w]) == 1
    assert len([w for w in notes if "region" in w]) == 1


def test_gap_without_region_field_has_no_region_rows_and_one_remark(flexwonen_provider, cbs_gpkg,
                                                                    tmp_path):
    bare = tmp_path / "bare.gpkg"
    frame = pyogrio.read_dataframe(str(cbs_gpkg), layer="municipalities")
    pyogrio.write_dataframe(frame.drop(columns=["corop_naam"]), str(bare), layer="municipalities",
                            promote_to_multi=True)
    out = tmp_path / "gap.gpkg"
    result = processing.run("flexwonen:housinggap", {
        "MUNICIPALITIES": _layer(bare, "municipalities"), "MIGRANTS": _layer(cbs_gpkg, "labour_migrants"),
        "REGIONS_OUTPUT": f"ogr:dbname='{out}' table=\"regions\" (geom)",
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{out}' table=\"municipalities\" (geom)"})
    municipalities = QgsVectorLayer(result["MUNICIPALITIES_OUTPUT"], "m", "ogr")
    assert all("no region" not in str(f["remarks"]) for f in municipalities.getFeatures())
    regions = [(f["level"], f["region"]) for f in QgsVectorLayer(result["REGIONS_OUTPUT"], "r", "ogr").getFeatures()]
    assert [level for level, _ in regions if level == "region"] == ["region"]   # the rest row only
    assert regions[-1] == ("province", "Limburg")


# ----------------------------------------------------------------- one message for everything missing


def test_missing_fields_of_two_layers_are_named_in_one_message(flexwonen_provider, cbs_gpkg, tmp_path):
    bare = tmp_path / "bare.gpkg"
    frame = pyogrio.read_dataframe(str(cbs_gpkg), layer="municipalities")
    pyogrio.write_dataframe(frame.drop(columns=["statcode", "aantalInwoners"]), str(bare),
                            layer="gemeenten", promote_to_multi=True)
    table = pyogrio.read_dataframe(str(cbs_gpkg), layer="labour_migrants")
    pyogrio.write_dataframe(table.rename(columns={"arbeidsmigranten": "n"}), str(bare), layer="tabel")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("flexwonen:housinggap", {
            "MUNICIPALITIES": _layer(bare, "gemeenten"), "MIGRANTS": _layer(bare, "tabel"),
            "MUNICIPALITIES_OUTPUT": "TEMPORARY_OUTPUT", "REGIONS_OUTPUT": "TEMPORARY_OUTPUT"})
    text = str(raised.value)
    assert text.startswith("Required fields not found.")
    assert "Layer 'gemeenten': municipality code (none of gm_code, statcode" in text
    assert "— choose it in 'Municipality code field (CBS, GM####)'" in text
    assert "inhabitants (none of inhabitants, aantal_inwoners" in text and "'Inhabitants field'" in text
    assert "Layer 'tabel': number of labour migrants" in text and "'Labour migrants: number field'" in text


def test_the_density_raster_needs_no_inhabitants(flexwonen_provider, demo_gpkg, cbs_gpkg, tmp_path):
    bare = tmp_path / "bare.gpkg"
    frame = pyogrio.read_dataframe(str(cbs_gpkg), layer="municipalities")
    pyogrio.write_dataframe(frame.drop(columns=["aantalInwoners"]), str(bare), layer="municipalities",
                            promote_to_multi=True)
    result = processing.run("flexwonen:densityraster", {
        "MUNICIPALITIES": _layer(bare, "municipalities"), "MIGRANTS": _layer(cbs_gpkg, "labour_migrants"),
        "BUILTUP": _layer(cbs_gpkg, "builtup"), "OUTPUT": str(tmp_path / "density.tif")})
    table = pyogrio.read_dataframe(str(demo_gpkg), layer="labour_migrants")
    assert result["LABOUR_MIGRANTS"] == pytest.approx(table[table["year"] == table["year"].max()]
                                                      ["labour_migrants"].sum())
