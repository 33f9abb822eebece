"""The streamed GeoPackage mode gives what the in-memory classification gives."""
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from limburg_flexwonen_plugin.core.classify_sites import classify_sites
from limburg_flexwonen_plugin.core.classify_sites_streamed import (classify_sites_streamed,
                                                                   hilbert_keys, spatial_order)
from limburg_flexwonen_plugin.core.errors import CancelledError, InputError
from limburg_flexwonen_plugin.core.progress import Progress

from test_classify_engine import RNG_SEED, kernen, make_sites  # noqa: F401  (fixture)

COMPARED = ["location_class", "inside_share", "distance_m", "nearest_kern", "gm_code",
            "municipality_share", "remarks"]


@pytest.fixture(scope="module")
def sites_gpkg(tmp_path_factory):
    sites = make_sites(np.random.default_rng(RNG_SEED + 10), 1200)
    polygons = sites[shapely.get_dimensions(sites.geometry.values) == 2].copy()
    polygons["label"] = [f"perceel {n}" for n in polygons["number"]]
    # One invalid (bow-tie) parcel and one without geometry, as real files have them.
    polygons.loc[polygons.index[3], "geometry"] = shapely.Polygon(
        [(180_000, 350_000), (180_050, 350_050), (180_050, 350_000), (180_000, 350_050)])
    polygons.loc[polygons.index[5], "geometry"] = None
    path = tmp_path_factory.mktemp("streamed") / "sites.gpkg"
    pyogrio.write_dataframe(polygons, path, layer="parcels", promote_to_multi=True)
    return path


@pytest.fixture(scope="module")
def municipalities():
    import geopandas as gpd
    from test_classify_engine import X0, Y0
    return gpd.GeoDataFrame({"gm_code": ["GM0001", "GM0002"], "gm_name": ["West", "Oost"], "region": ["R", "R"]},
                            geometry=[shapely.box(X0 - 9000, Y0 - 9000, X0 + 1000, Y0 + 9000),
                                      shapely.box(X0 + 1000, Y0 - 9000, X0 + 9000, Y0 + 9000)], crs=28992)


def test_streamed_equals_in_memory_for_every_site(sites_gpkg, kernen, municipalities, tmp_path):  # noqa: F811
    output = tmp_path / "classified.gpkg"
    run = classify_sites_streamed(sites_gpkg, kernen, output, sites_layer="parcels", site_id_field="number",
                                  municipalities=municipalities, batch_size=250)
    features = pyogrio.read_info(sites_gpkg, layer="parcels")["features"]
    assert run.sites == features and run.batches == -(-features // 250)
    written = pyogrio.read_dataframe(output, layer="classified_sites")
    streamed = written.set_index("site_id").sort_index()
    in_memory = classify_sites(pyogrio.read_dataframe(sites_gpkg, layer="parcels", fid_as_index=True),
                               kernen, municipalities=municipalities,
                               site_id_field="number").set_index("site_id").sort_index()
    assert list(streamed.index) == list(in_memory.index)
    for column in COMPARED:
        left, right = streamed[column], in_memory[column]
        if left.dtype.kind == "f":
            assert np.allclose(left.fillna(-1), right.fillna(-1), atol=1e-9), column
        else:
            assert ((left == right) | (left.isna() & right.isna())).all(), column
    assert "invalid geometry repaired" in streamed.remarks.dropna().str.cat()
    assert streamed.label.str.startswith("perceel").all()
    assert set(streamed.geometry.geom_type.dropna()) == {"MultiPolygon"}
    # Batches are spatially compact: the rows come in Hilbert order, not file order.
    assert not written.source_fid.is_monotonic_increasing


def test_invalid_geometries_can_be_skipped_or_stop_the_run(sites_gpkg, kernen, tmp_path):  # noqa: F811
    skipped = classify_sites_streamed(sites_gpkg, kernen, tmp_path / "skip.gpkg", sites_layer="parcels",
                                      invalid_geometries="skip")
    features = pyogrio.read_info(sites_gpkg, layer="parcels")["features"]
    assert skipped.skipped == 1 and skipped.sites == features - 1
    with pytest.raises(InputError, match="invalid geometry"):
        classify_sites_streamed(sites_gpkg, kernen, tmp_path / "stop.gpkg", sites_layer="parcels",
                                invalid_geometries="stop")
    assert not (tmp_path / "stop.gpkg").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]   # no temporary left


def test_cancel_leaves_no_output(sites_gpkg, kernen, tmp_path):  # noqa: F811
    reports = []
    progress = Progress(reports.append, lambda: len(reports) > 6)
    with pytest.raises(CancelledError):
        classify_sites_streamed(sites_gpkg, kernen, tmp_path / "out.gpkg", sites_layer="parcels",
                                batch_size=100, progress=progress)
    assert not (tmp_path / "out.gpkg").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]   # no temporary left


def test_unusable_inputs_are_named(sites_gpkg, kernen, tmp_path):  # noqa: F811
    with pytest.raises(InputError, match="file not found"):
        classify_sites_streamed(tmp_path / "missing.gpkg", kernen, tmp_path / "out.gpkg")
    with pytest.raises(InputError, match="field 'nope'"):
        classify_sites_streamed(sites_gpkg, kernen, tmp_path / "out.gpkg", sites_layer="parcels",
                                site_id_field="nope")


def test_spatial_order_lists_every_feature_once(sites_gpkg):
    order = spatial_order(sites_gpkg, "parcels")
    fids, _ = pyogrio.read_bounds(sites_gpkg, layer="parcels")
    assert sorted(order) == sorted(fids)


def test_hilbert_keys_visit_a_grid_cell_by_neighbouring_cell():
    side = 32
    x, y = np.meshgrid(np.arange(side, dtype=float), np.arange(side, dtype=float))
    keys = hilbert_keys(x.ravel(), y.ravel(), (0, 0, side - 1, side - 1), order=5)
    assert sorted(keys) == list(range(side * side))
    path = np.column_stack([x.ravel(), y.ravel()])[np.argsort(keys)]
    assert (np.abs(np.diff(path, axis=0)).sum(axis=1) == 1).all()
    assert pd.Series(keys).is_unique
