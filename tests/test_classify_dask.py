"""The core classification on the partitions of a dask-geopandas dataframe, on a
local cluster of worker processes: the same results as in one piece."""
import functools
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from limburg_flexwonen_plugin.core.classify_sites import classify_partition, classify_sites

from test_classify_engine import RNG_SEED, kernen, make_sites  # noqa: F401  (fixture)

dask_geopandas = pytest.importorskip("dask_geopandas")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


def test_partitions_on_a_local_cluster_equal_one_piece(kernen, monkeypatch):  # noqa: F811
    sites = make_sites(np.random.default_rng(RNG_SEED + 20), 1200)
    # Worker processes import the plugin's core by name.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("PROJ_DATA", os.environ.get("PROJ_DATA", "/usr/share/proj"))
    distributed_sites = dask_geopandas.from_geopandas(sites, npartitions=4)
    distributed_sites = distributed_sites.spatial_shuffle(by="hilbert", npartitions=4)
    meta = classify_partition(sites.iloc[:0], kernen)
    # spatial_shuffle re-indexes the rows by their Hilbert distance: the site id goes along.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        # The built-up area goes along whole (a frame given as an argument would be split
        # into partitions like the sites).
        task = functools.partial(classify_partition, builtup=kernen, site_id_field="number")
        result = distributed_sites.map_partitions(task, meta=meta).compute()
    assert result.site_id.is_unique and len(result) == len(sites)
    expected = classify_sites(sites, kernen, site_id_field="number").set_index("site_id")
    result = result.set_index("site_id").loc[expected.index]
    pd.testing.assert_frame_equal(result.drop(columns="geometry"), expected.drop(columns="geometry"),
                                  check_dtype=False)
