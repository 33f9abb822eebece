"""The user's own attributes survive every run: a field the plugin also writes keeps
the user's name and values; the plugin's field takes the prefix fw_ (README, "Output
fields")."""
import pyogrio
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

import processing


class Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.texts = []

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.texts.append(text)
        super().pushWarning(text)


def with_own_fields(demo_gpkg, layer, path, **columns):
    """A copy of a demo layer with the user's own columns (given as value makers)."""
    frame = pyogrio.read_dataframe(demo_gpkg, layer=layer)
    for name, make in columns.items():
        frame[name] = [make(position) for position in range(len(frame))]
    pyogrio.write_dataframe(frame, path, layer=layer)
    return f"{path}|layername={layer}"


def rows(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer.fields().names(), [feature.attributes() for feature in layer.getFeatures()], layer


def test_classification_keeps_the_users_site_id_and_remarks(flexwonen_provider, demo_gpkg, tmp_path):
    sites = with_own_fields(demo_gpkg, "candidate_sites", tmp_path / "sites.gpkg",
                            objectnr=lambda i: f"OBJ-{i:03d}", remarks=lambda i: f"eigen opmerking {i}",
                            Location_Class=lambda i: "aanvraag")
    feedback = Warnings()
    result = processing.run("flexwonen:classifysites", {
        "SITES": sites, "SITE_ID_FIELD": "objectnr", "BUILTUP": f"{demo_gpkg}|layername=builtup",
        "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities", "CHECK_NORMS": True,
        "OUTPUT": str(tmp_path / "classified.gpkg")}, feedback=feedback)
    names, _, layer = rows(result["OUTPUT"])
    source = pyogrio.read_dataframe(sites.split("|")[0], read_geometry=False)
    for name in source.columns:
        assert name in names, name
    by_objectnr = {feature["objectnr"]: feature for feature in layer.getFeatures()}
    for _, row in source.iterrows():
        feature = by_objectnr[row["objectnr"]]
        # The user's own values, untouched.
        assert feature["site_id"] == row["site_id"] and feature["remarks"] == row["remarks"]
        assert feature["Location_Class"] == "aanvraag"
        # Ours beside them.
        assert feature["fw_site_id"] == row["objectnr"]
        assert feature["fw_location_class"] in ("inside", "edge", "outside")
        assert feature["fw_remarks"] is not None
    assert "norms_verdict" in names and "location_class" not in [n for n in names if n != "Location_Class"]
    notices = [text for text in feedback.texts if "already has the field(s)" in text]
    assert len(notices) == 1, feedback.texts
    assert "remarks → fw_remarks" in notices[0] and "site_id → fw_site_id" in notices[0]


def test_an_id_field_called_site_id_is_written_once(flexwonen_provider, demo_gpkg, tmp_path):
    result = processing.run("flexwonen:classifysites", {
        "SITES": f"{demo_gpkg}|layername=candidate_sites", "SITE_ID_FIELD": "site_id",
        "BUILTUP": f"{demo_gpkg}|layername=builtup", "OUTPUT": str(tmp_path / "c.gpkg")})
    names, _, _ = rows(result["OUTPUT"])
    assert "site_id" in names and not [name for name in names if name.startswith("fw_")]


def test_the_streamed_classification_keeps_the_users_remarks(flexwonen_provider, demo_gpkg, tmp_path):
    sites = with_own_fields(demo_gpkg, "candidate_sites", tmp_path / "sites.gpkg",
                            remarks=lambda i: f"eigen opmerking {i}")
    result = processing.run("flexwonen:classifysitesstreamed", {
        "SITES": sites, "SITE_ID_FIELD": "site_id", "BUILTUP": f"{demo_gpkg}|layername=builtup",
        "OUTPUT": str(tmp_path / "streamed.gpkg")})
    path, _, layer = result["OUTPUT"].partition("|layername=")
    out = pyogrio.read_dataframe(path, layer=layer or None, read_geometry=False)
    assert sorted(out["remarks"]) == sorted(f"eigen opmerking {i}" for i in range(len(out)))
    assert "fw_remarks" in out.columns and "fw_site_id" not in out.columns


def test_the_housing_gap_keeps_the_accommodations_own_gm_code_and_remarks(
        flexwonen_provider, demo_gpkg, tmp_path):
    accommodations = with_own_fields(demo_gpkg, "accommodations", tmp_path / "acc.gpkg",
                                     remarks=lambda i: f"vergunning {i}")
    source = pyogrio.read_dataframe(accommodations.split("|")[0], read_geometry=False)
    out = tmp_path / "gap.gpkg"
    processing.run("flexwonen:housinggap", {
        "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities",
        "MIGRANTS": f"{demo_gpkg}|layername=labour_migrants", "ACCOMMODATIONS": accommodations,
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{out}' table=\"municipalities\" (geom)",
        "REGIONS_OUTPUT": f"ogr:dbname='{out}' table=\"regions\" (geom)",
        "ACCOMMODATIONS_OUTPUT": f"ogr:dbname='{out}' table=\"accommodations\" (geom)",
        "CSV_OUTPUT": str(tmp_path / "gap.csv")})
    written = pyogrio.read_dataframe(out, layer="accommodations", read_geometry=False)
    by_id = written.set_index("acc_id")
    for _, row in source.iterrows():
        assert by_id.loc[row["acc_id"], "remarks"] == row["remarks"]
        assert by_id.loc[row["acc_id"], "gm_code"] == row["gm_code"]
    assert {"fw_gm_code", "fw_remarks", "acc_beds"} <= set(written.columns)
    # Empty permit end dates stay empty (not 0001-01-01).
    assert written["permit_end"].isna().sum() == source["permit_end"].isna().sum() > 0
    assert (written["permit_end"].dropna().dt.year > 2000).all()


def test_the_norm_check_keeps_an_input_field_named_like_its_verdict(flexwonen_provider, demo_gpkg,
                                                                    tmp_path):
    sites = with_own_fields(demo_gpkg, "candidate_sites", tmp_path / "sites.gpkg",
                            norms_verdict=lambda i: "gemeente: akkoord")
    result = processing.run("flexwonen:checkhousingnorms", {
        "INPUT": sites, "OUTPUT": str(tmp_path / "norms.gpkg")})
    out = pyogrio.read_dataframe(result["OUTPUT"], read_geometry=False)
    assert set(out["norms_verdict"]) == {"gemeente: akkoord"}
    assert set(out["fw_norms_verdict"]) <= {"pass", "fail", "unknown"}
