"""Checks of the committed demo GeoPackage (test_data/limburg_demo.gpkg): real CBS
boundaries and inhabitants, everything else synthetic, neutrally named and marked so.

Pure geopandas/shapely; no QGIS needed. One test regenerates the file and compares it
with the committed one, so a stale or non-deterministic generator fails.
"""
import importlib.util
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from shapely.geometry import Polygon

ROOT = Path(__file__).resolve().parents[1]
DEMO_PATH = ROOT / "test_data" / "limburg_demo.gpkg"
GENERATOR_PATH = ROOT / "scripts" / "make_demo_data.py"
CBS_DIR = ROOT / "test_data" / "cbs_2024"
CBS_CREDIT = "Kadaster / Centraal Bureau voor de Statistiek (CBS)"
# The demo's real layers; all others are synthetic.
REAL_LAYERS = ("province", "regions", "municipalities")

SPATIAL_LAYERS = {
    "province": "Polygon",
    "regions": "MultiPolygon",
    "municipalities": "MultiPolygon",
    "builtup": "MultiPolygon",
    "candidate_sites": "MultiPolygon",
    "candidate_points": "Point",
    "accommodations": "Point",
}
TABLES = ("labour_migrants", "metadata", "stays")
SITE_FIELDS = ["site_id", "name", "case", "planned_beds", "bedrooms", "living_area_m2",
               "bedroom_area_m2", "toilets", "showers", "stay_category", "building_type",
               "housing_type"]
HARD_SITE_CASES = {
    "inside", "on_boundary_inside", "touching_outside", "at_edge_distance",
    "just_beyond_edge", "in_hole", "straddling_contour_half", "mostly_inside_95",
    "multipart", "straddling_municipalities", "outside_province", "far_outside",
}
HARD_POINT_CASES = {"point_inside", "point_on_boundary", "point_in_hole",
                    "point_at_edge_distance", "point_outside"}
# (share of the site inside the built-up area, distance to it in metres) around the
# reference kern, and the class these give with edge distance 250 m and share 0.9.
EXPECTED_HARD_CASES = {
    "inside": (1.0, 0.0, "inside"),
    "on_boundary_inside": (1.0, 0.0, "inside"),
    "touching_outside": (0.0, 0.0, "edge"),
    "at_edge_distance": (0.0, 250.0, "edge"),
    "just_beyond_edge": (0.0, 250.5, "outside"),
    "in_hole": (0.0, 50.0, "edge"),
    "straddling_contour_half": (0.5, 0.0, "edge"),
    "mostly_inside_95": (0.95, 0.0, "inside"),
    "multipart": (0.5, 0.0, "edge"),
}
EXPECTED_POINT_DISTANCES = {
    "point_inside": 0.0,
    "point_on_boundary": 0.0,
    "point_in_hole": 100.0,
    "point_at_edge_distance": 250.0,
}


def load_generator():
    spec = importlib.util.spec_from_file_location("make_demo_data", GENERATOR_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_layers(path: Path) -> dict:
    return {name: pyogrio.read_dataframe(path, layer=name)
            for name in list(SPATIAL_LAYERS) + list(TABLES)}


@pytest.fixture(scope="module")
def generator():
    return load_generator()


@pytest.fixture(scope="module")
def layers():
    assert DEMO_PATH.exists(), "run `make demo-data` to generate the demo GeoPackage"
    return read_layers(DEMO_PATH)


@pytest.fixture(scope="module")
def builtup_union(layers):
    return shapely.union_all(layers["builtup"].geometry.values)


def classify(geometry, builtup_union, edge_distance=250.0, min_share=0.9):
    if geometry.geom_type == "Point":
        share = 1.0 if builtup_union.covers(geometry) else 0.0
    else:
        share = geometry.intersection(builtup_union).area / geometry.area
    distance = geometry.distance(builtup_union)
    if share >= min_share:
        return share, distance, "inside"
    return share, distance, "edge" if distance <= edge_distance else "outside"


def test_layer_names_and_geometry_types():
    listed = {name: kind for name, kind in pyogrio.list_layers(DEMO_PATH)}
    assert set(listed) == set(SPATIAL_LAYERS) | set(TABLES)
    for name, kind in SPATIAL_LAYERS.items():
        assert listed[name] == kind, name
    for name in TABLES:
        assert listed[name] is None, f"{name} must be a table without geometry"


def test_crs_is_rd_new(layers):
    for name in SPATIAL_LAYERS:
        assert layers[name].crs.to_epsg() == 28992, name


def test_all_geometries_valid_and_present(layers):
    for name in SPATIAL_LAYERS:
        geometries = layers[name].geometry
        assert geometries.notna().all() and not geometries.is_empty.any(), name
        assert geometries.is_valid.all(), name


def test_province(layers):
    province = layers["province"]
    assert len(province) == 1
    assert province.loc[0, "code"] == "PV31" and province.loc[0, "name"] == "Limburg"
    min_x, min_y, max_x, max_y = province.total_bounds
    assert 165_000 < min_x and max_x < 220_000 and 300_000 < min_y and max_y < 430_000


def test_municipality_facts(layers):
    municipalities = layers["municipalities"]
    assert len(municipalities) == 31
    assert municipalities["gm_code"].is_unique
    assert all(re.fullmatch(r"GM\d{4}", code) for code in municipalities["gm_code"])
    assert municipalities["region"].value_counts().to_dict() == {
        "Zuid-Limburg": 16, "Noord-Limburg": 8, "Midden-Limburg": 7}
    region_codes = dict(zip(municipalities["region"], municipalities["region_code"]))
    assert region_codes == {"Noord-Limburg": "CR37", "Midden-Limburg": "CR38",
                            "Zuid-Limburg": "CR39"}
    assert int(municipalities["inhabitants"].sum()) == 1_128_367
    venlo = municipalities.set_index("gm_code").loc["GM0983"]
    assert venlo["gm_name"] == "Venlo" and venlo["inhabitants"] == 103_328


def test_municipalities_tile_the_province(layers):
    province = layers["province"].geometry.iloc[0]
    cells = layers["municipalities"].geometry
    union = shapely.union_all(cells.values)
    assert abs(union.area - province.area) < 1.0
    assert abs(cells.area.sum() - union.area) < 1.0
    assert union.symmetric_difference(province).area < 1.0
    # The real ones: Simpelveld (16 km²) is the smallest, Venlo (129 km²) not the largest.
    assert cells.area.min() > 15e6 and cells.area.max() < 250e6


def test_boundaries_are_the_real_cbs_2024_ones(layers):
    """Municipalities, regions and province are the CBS 2024 boundaries committed in
    test_data/cbs_2024/, and their areas agree with the CBS figures."""
    source = pyogrio.read_dataframe(CBS_DIR / "limburg_gemeenten_2024_rd.geojson").set_index("statcode")
    municipalities = layers["municipalities"].set_index("gm_code")
    assert set(municipalities.index) == set(source.index)
    for code, row in municipalities.iterrows():
        assert row.geometry.equals(source.geometry[code]), code
        assert row["gm_name"] == source.at[code, "statnaam"]
        assert row["region_code"] == source.at[code, "corop_code"]
    kwb = pd.read_csv(CBS_DIR / "limburg_gemeenten_kwb2023_inwoners.csv").set_index("gemeentecode")
    assert municipalities["inhabitants"].to_dict() == kwb["aantalInwoners"].to_dict()
    cbs_area_m2 = kwb["oppervlakteTotaalInHa"] * 1e4
    assert ((municipalities.area / cbs_area_m2.reindex(municipalities.index) - 1).abs() < 0.005).all()
    regions = layers["regions"].set_index("region_code")
    assert regions["region"].to_dict() == {"CR37": "Noord-Limburg", "CR38": "Midden-Limburg",
                                           "CR39": "Zuid-Limburg"}
    for code, region in regions.geometry.items():
        members = municipalities.geometry[municipalities["region_code"] == code]
        assert region.symmetric_difference(shapely.union_all(members.values)).area < 1.0, code
    province = pyogrio.read_dataframe(CBS_DIR / "limburg_provincie_2024_rd.geojson")
    assert layers["province"].geometry.iloc[0].equals(province.geometry.iloc[0])


def test_kernen_inside_their_municipality_and_disjoint(layers):
    builtup = layers["builtup"]
    cells = layers["municipalities"].set_index("gm_code").geometry
    for row in builtup.itertuples():
        assert cells[row.gm_code].covers(row.geometry), row.kern_name
    geometries = builtup.geometry.values
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(geometries[left[pairs]],
                                                geometries[right[pairs]]))
    assert (overlap < 1e-6).all(), "kernen overlap"


def test_kernen_shapes(layers):
    builtup = layers["builtup"]
    assert builtup["kern_id"].is_unique and builtup["kern_name"].str.len().gt(0).all()
    per_municipality = builtup["gm_code"].value_counts()
    assert len(per_municipality) == 31
    assert per_municipality.min() >= 2 and per_municipality.max() <= 6
    holes = builtup.geometry.apply(lambda g: sum(len(part.interiors) for part in g.geoms))
    parts = builtup.geometry.apply(lambda g: len(g.geoms))
    assert (holes > 0).sum() >= 5
    assert (parts > 1).sum() >= 4
    areas_km2 = builtup.area / 1e6
    assert areas_km2.min() >= 0.29 and areas_km2.max() < 25


def test_reference_kern_is_exact_rectangle_with_hole(layers, generator):
    x0, y0 = generator.REFERENCE_KERN_ORIGIN
    assert x0 % 100 == 0 and y0 % 100 == 0
    builtup = layers["builtup"]
    reference = builtup[builtup["kern_name"] == generator.REFERENCE_KERN_NAME]
    assert len(reference) == 1 and reference["gm_code"].iloc[0] == "GM1507"
    geometry = reference.geometry.iloc[0]
    expected = Polygon(
        [(x0, y0), (x0 + 1000, y0), (x0 + 1000, y0 + 800), (x0, y0 + 800)],
        [[(x0 + 400, y0 + 300), (x0 + 600, y0 + 300), (x0 + 600, y0 + 500),
          (x0 + 400, y0 + 500)]])
    assert len(geometry.geoms) == 1
    assert shapely.normalize(geometry.geoms[0]).equals_exact(shapely.normalize(expected), 0)
    assert geometry.area == 1000 * 800 - 200 * 200
    others = builtup[builtup["kern_name"] != generator.REFERENCE_KERN_NAME]
    assert others.distance(expected).min() > 1500
    horst = layers["municipalities"].set_index("gm_code").geometry["GM1507"]
    assert horst.contains(expected.buffer(1000))


def test_each_hard_case_exists_once(layers):
    sites, points = layers["candidate_sites"], layers["candidate_points"]
    site_cases = sites.loc[sites["case"] != "regular", "case"]
    point_cases = points.loc[points["case"] != "regular", "case"]
    assert sorted(site_cases) == sorted(HARD_SITE_CASES)
    assert sorted(point_cases) == sorted(HARD_POINT_CASES)
    assert (sites["case"] == "regular").sum() >= 35
    assert (points["case"] == "regular").sum() >= 10


def test_hard_case_sites_around_reference_kern(layers, builtup_union):
    sites = layers["candidate_sites"].set_index("case")
    for case, (share, distance, expected_class) in EXPECTED_HARD_CASES.items():
        actual_share, actual_distance, actual_class = classify(
            sites.geometry[case], builtup_union)
        assert actual_share == pytest.approx(share, abs=1e-12), case
        assert actual_distance == pytest.approx(distance, abs=1e-9), case
        assert actual_class == expected_class, case
    multipart = sites.geometry["multipart"]
    assert len(multipart.geoms) == 2
    assert multipart.geoms[0].area == multipart.geoms[1].area
    assert sorted(part.distance(builtup_union) for part in multipart.geoms) == [0.0, 600.0]
    assert classify(sites.geometry["far_outside"], builtup_union)[1] >= 1000


def test_hard_case_points(layers, builtup_union, generator):
    points = layers["candidate_points"].set_index("case")
    for case, distance in EXPECTED_POINT_DISTANCES.items():
        geometry = points.geometry[case]
        if case in ("point_inside", "point_on_boundary"):
            assert builtup_union.covers(geometry), case
        else:
            assert geometry.distance(builtup_union) == distance, case
    reference = layers["builtup"].set_index("kern_name").geometry[generator.REFERENCE_KERN_NAME]
    assert reference.boundary.distance(points.geometry["point_on_boundary"]) == 0
    assert points.geometry["point_outside"].distance(builtup_union) >= 1000


def test_straddling_and_outside_province_sites(layers):
    sites = layers["candidate_sites"].set_index("case")
    municipalities = layers["municipalities"]
    straddling = sites.geometry["straddling_municipalities"]
    crossed = municipalities.geometry[municipalities.intersects(straddling)]
    shares = sorted(cell.intersection(straddling).area / straddling.area for cell in crossed)
    assert len(shares) == 2
    assert 0.65 < shares[1] < 0.75 and shares[0] + shares[1] == pytest.approx(1.0)
    province = layers["province"].geometry.iloc[0]
    outside = sites.geometry["outside_province"]
    assert outside.distance(province) >= 2000
    assert outside.centroid.x > province.bounds[2]


def test_site_fields_and_ids(layers):
    sites, points = layers["candidate_sites"], layers["candidate_points"]
    for frame, prefix in ((sites, "S"), (points, "P")):
        assert list(frame.columns[:-1]) == SITE_FIELDS
        assert frame["site_id"].str.fullmatch(prefix + r"\d{3}").all()
        assert set(frame["stay_category"]) <= {"short", "mid", "long"}
        assert set(frame["building_type"]) == {"permanent", "temporary"}
        assert frame["planned_beds"].between(10, 300).all()
    all_ids = pd.concat([sites["site_id"], points["site_id"]])
    assert all_ids.is_unique
    names = pd.concat([sites["name"], points["name"]])
    assert names.map(lambda name: not name.isascii()).sum() >= 3
    assert sites["living_area_m2"].isna().any() and sites["bedrooms"].isna().any()
    regular = sites[sites["case"] == "regular"]
    areas_ha = regular.area / 1e4
    assert areas_ha.min() >= 0.2 and areas_ha.max() <= 3.0
    per_person = regular["living_area_m2"] / regular["planned_beds"]
    assert (per_person >= 15).any() and (per_person < 15).any()
    assert (regular["bedrooms"] >= regular["planned_beds"]).any()
    assert (regular["bedrooms"] < regular["planned_beds"]).any()


def test_labour_migrants(layers):
    labour = layers["labour_migrants"]
    totals = labour.groupby("year")["labour_migrants"].sum().to_dict()
    assert totals == {2017: 39_860, 2022: 82_895}
    assert labour.groupby("year").size().to_dict() == {2017: 31, 2022: 31}
    assert set(labour["gm_code"]) == set(layers["municipalities"]["gm_code"])
    assert (labour["labour_migrants"] > 0).all()
    wide = labour.pivot(index="gm_code", columns="year", values="labour_migrants")
    growth = wide[2022] / wide[2017]
    assert growth.std() > 0.2, "growth must vary so trend and share methods differ"
    regions = layers["municipalities"].set_index("gm_code")["region"]
    by_region = wide[2022].groupby(regions).sum()
    assert by_region.idxmax() == "Noord-Limburg"


def ogr_field_types(layer_name):
    """Field name -> OGR type name, as GDAL stores them (pyogrio reports these only from 0.11)."""
    from osgeo import ogr
    dataset = ogr.Open(str(DEMO_PATH))
    definition = dataset.GetLayerByName(layer_name).GetLayerDefn()
    return {definition.GetFieldDefn(i).GetName(): "OFT" + ogr.GetFieldTypeName(definition.GetFieldDefn(i).GetType())
            for i in range(definition.GetFieldCount())}


def test_accommodations(layers, builtup_union):
    accommodations = layers["accommodations"]
    assert 70 <= len(accommodations) <= 90
    assert accommodations["acc_id"].is_unique
    assert set(accommodations["status"]) == {"existing", "permitted", "planned"}
    assert set(accommodations["certification"]) <= {"SNF", "AKF", "none"}
    assert set(accommodations["gm_code"]) <= set(layers["municipalities"]["gm_code"])
    assert ogr_field_types("accommodations")["permit_end"] == "OFTDate"
    temporary = accommodations["building_type"] == "temporary"
    assert accommodations.loc[~temporary, "permit_end"].isna().all()
    years = pd.to_datetime(accommodations.loc[temporary, "permit_end"]).dt.year
    assert years.notna().all() and years.between(2026, 2034).all()
    assert (accommodations.distance(builtup_union) <= 100.5).all()
    migrants_2022 = 82_895
    beds = accommodations.groupby("status")["beds"].sum()
    assert 0.30 <= beds["existing"] / migrants_2022 <= 0.40
    assert 0.10 <= (beds["permitted"] + beds["planned"]) / migrants_2022 <= 0.20


def test_metadata(layers):
    metadata = dict(zip(layers["metadata"]["key"], layers["metadata"]["value"]))
    assert "synthetic" in metadata["geometry"] and "real boundaries" in metadata["geometry"]
    assert CBS_CREDIT in metadata["facts_source"] and "CC BY 4.0" in metadata["facts_source"]
    assert metadata["labour_migrants_2022_total"] == "82895"
    assert metadata["labour_migrants_2017_total"] == "39860"


def test_regenerated_file_equals_committed_file(tmp_path, generator, layers):
    output = tmp_path / "regenerated.gpkg"
    assert generator.main(["--output", str(output)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["regenerated.gpkg"], \
        "the temporary file must be moved into place"
    regenerated = read_layers(output)
    committed_geos = dict(zip(layers["metadata"]["key"], layers["metadata"]["value"])).get("geos")
    if committed_geos != shapely.geos_version_string:
        # Another GEOS release (the QGIS 3.40/3.44 legs) rounds the buffered boundaries
        # the synthetic kernen are placed in differently, so they land elsewhere: here
        # the real layers must be equal and every layer must keep its fields.
        for name in ("province", "regions", "municipalities"):
            assert_geodataframe_equal(regenerated[name], layers[name], check_less_precise=True)
        for name in list(SPATIAL_LAYERS) + list(TABLES):
            assert list(regenerated[name].columns) == list(layers[name].columns), name
        return
    # The same coordinates up to a micrometre.
    for name in SPATIAL_LAYERS:
        assert_geodataframe_equal(regenerated[name], layers[name], check_less_precise=True)
        assert np.all(shapely.equals_exact(regenerated[name].geometry.values,
                                           layers[name].geometry.values, tolerance=1e-6))
    for name in TABLES:
        pd.testing.assert_frame_equal(regenerated[name], layers[name])


STAY_FIELDS = ["stay_id", "acc_id", "resident_id", "case", "start_date", "end_date",
               "contract_end", "employment_end"]


def test_stays(layers):
    stays = layers["stays"]
    # Only ids, the hand case and dates: nothing else about a resident.
    assert list(stays.columns) == STAY_FIELDS
    types = ogr_field_types("stays")
    assert all(types[name] == "OFTDate" for name in STAY_FIELDS[4:])
    assert stays["stay_id"].is_unique
    assert stays["resident_id"].str.fullmatch(r"R[0-9A-F]{7}").all()
    accommodations = layers["accommodations"].set_index("acc_id")
    assert set(stays["acc_id"]) <= set(accommodations.index)
    used = accommodations.loc[sorted(set(stays["acc_id"]))]
    assert (used["stay_category"] == "short").all() and (used["status"] == "existing").all()
    hand = stays[stays["case"] != "regular"]
    assert {"exact_4_months_month_end", "exact_4_months_leap_year", "one_day_too_long",
            "back_to_back_two_accommodations", "overlapping", "split_by_short_break",
            "ongoing_too_long", "transition_too_short"} <= set(hand["case"])
    regular = stays[stays["case"] == "regular"]
    assert len(regular) >= 250 and regular["resident_id"].nunique() >= 200
    days = (regular["end_date"] - regular["start_date"]).dt.days
    assert (days > 125).sum() >= 10 and (days <= 115).sum() >= 150   # some break the rule
    assert regular["end_date"].isna().sum() >= 5                       # ongoing stays
    assert (regular["start_date"] <= pd.Timestamp("2025-12-31")).all()
    transition = (regular["contract_end"] - regular["employment_end"]).dt.days
    assert (transition < 28).sum() >= 10 and (transition >= 31).sum() >= 100


def test_every_layer_says_where_it_comes_from(layers):
    """Real layers credit Kadaster / CBS, synthetic ones say 'synthetische demodata' and
    never CBS: in the metadata table and in the GeoPackage's layer description."""
    from osgeo import ogr
    metadata = dict(zip(layers["metadata"]["key"], layers["metadata"]["value"]))
    dataset = ogr.Open(str(DEMO_PATH))
    for name in list(SPATIAL_LAYERS) + ["labour_migrants", "stays"]:
        described = dataset.GetLayerByName(name).GetMetadataItem("DESCRIPTION")
        for source in (metadata[f"source:{name}"], described):
            if name in REAL_LAYERS:
                assert CBS_CREDIT in source and "CC BY 4.0" in source, name
            else:
                assert source.startswith("synthetische demodata"), name
                assert "CBS" not in source and "Kadaster" not in source, name


def test_synthetic_features_have_neutral_names(layers, generator):
    """No invented position carries a real place or street name."""
    builtup = layers["builtup"]
    assert builtup.apply(lambda row: re.fullmatch(rf"Kern {row.gm_code}-\d", row.kern_name)
                         is not None, axis=1).all()
    for frame in (layers["candidate_sites"], layers["candidate_points"]):
        assert (frame["name"].str.split(" – ").str[0] == "Locatie " + frame["site_id"]).all()
    accommodations = layers["accommodations"]
    assert (accommodations["name"].str.split(" – ").str[0] == "Huisvesting " + accommodations["acc_id"]).all()
    real_names = set(pd.read_csv(ROOT / "test_data" / "cbs_2024" / "limburg_gemeenten_kwb2023_inwoners.csv")
                     ["gemeentenaam"]) | set(layers["municipalities"]["gm_name"])
    texts = pd.concat([builtup["kern_name"], layers["candidate_sites"]["name"],
                       layers["candidate_points"]["name"], accommodations["name"]])
    for name in real_names:
        assert not texts.str.contains(name, regex=False).any(), name
