"""The density raster through real QGIS Processing, read back with rasterio and QGIS."""
import numpy as np
import pyogrio
import pytest
import rasterio
from qgis.core import QgsProcessingFeedback, QgsRasterLayer

from gap_data import hand_gpkg  # noqa: F401 (fixture)

import processing


class Collecting(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.warnings.append(text)
        super().pushWarning(text)


def run_density(gpkg, output, feedback=None, **extra):
    parameters = {
        "MUNICIPALITIES": f"{gpkg}|layername=municipalities",
        "MIGRANTS": f"{gpkg}|layername=labour_migrants",
        "BUILTUP": f"{gpkg}|layername=builtup",
        "OUTPUT": str(output),
    }
    parameters.update(extra)
    return processing.run("flexwonen:densityraster", parameters, feedback=feedback)


def read(path):
    with rasterio.open(path) as dataset:
        values = dataset.read(1)
        return values, dataset.nodata, dataset.transform, dataset.crs, dataset.tags()


def test_demo_raster_sum_equals_the_labour_migrants(flexwonen_provider, demo_gpkg, tmp_path):
    migrants = pyogrio.read_dataframe(demo_gpkg, layer="labour_migrants")
    expected = int(migrants[migrants["year"] == 2022]["labour_migrants"].sum())
    result = run_density(demo_gpkg, tmp_path / "density.tif")
    values, nodata, transform, crs, tags = read(result["OUTPUT"])
    data = values != nodata
    # 100 m cells are 1 ha: persons per hectare sum to persons, up to float32 rounding.
    assert values[data].astype("float64").sum() * 1.0 == pytest.approx(expected, abs=0.5)
    assert result["RASTER_SUM"] == pytest.approx(expected, abs=0.5)
    assert crs.to_epsg() == 28992
    assert transform.a == 100 and transform.e == -100
    assert transform.c % 100 == 0 and transform.f % 100 == 0     # aligned with the RD grid
    assert tags["UNITS"] == "labour migrants per hectare"
    assert tags["SCENARIO"] == "current" and tags["YEAR"] == "2022"
    assert (values[data] >= 0).all() and (values[data] == 0).any() and (values[data] > 0).any()
    # The bounding box corners lie outside the province's outline: nodata, not 0.
    assert (~data).any() and values[0, 0] == nodata
    layer = QgsRasterLayer(str(result["OUTPUT"]), "density")
    assert layer.isValid() and layer.crs().authid() == "EPSG:28992"


def test_demo_scenario_raster_sum_equals_the_scenario_total(flexwonen_provider, demo_gpkg, tmp_path):
    result = run_density(demo_gpkg, tmp_path / "high.tif", SCENARIO=2, CELL_SIZE=250)
    values, nodata, transform, _, tags = read(result["OUTPUT"])
    cell_ha = 250 * 250 / 10_000
    assert values[values != nodata].astype("float64").sum() * cell_ha == pytest.approx(112_000, abs=0.5)
    assert transform.a == 250 and tags["YEAR"] == "2030" and tags["SCENARIO"] == "2030 high"


def test_hand_made_densities_and_the_whole_municipality_fallback(flexwonen_provider, hand_gpkg, tmp_path):
    feedback = Collecting()
    result = run_density(hand_gpkg, tmp_path / "hand.tif", feedback)
    values, nodata, transform, _, tags = read(result["OUTPUT"])

    def at(x, y):
        row, col = rasterio.transform.rowcol(transform, x, y)
        return values[row, col]

    # Alpha: 200 labour migrants on its 100 ha kern -> 2 per ha in each of its cells.
    assert at(191_050, 361_050) == pytest.approx(2.0)
    assert at(191_950, 361_950) == pytest.approx(2.0)
    # Beta: 50 on 25 ha -> 2 per ha; Alpha outside its kern: 0.
    assert at(195_250, 361_250) == pytest.approx(2.0)
    assert at(193_000, 363_000) == 0
    # Gamma has no kern: 60 over its whole 3,200 ha.
    assert at(194_000, 358_000) == pytest.approx(60 / 3200)
    assert any("Gamma (GM0003)" in text and "whole municipality" in text for text in feedback.warnings)
    assert "Gamma (GM0003)" in tags["SPREAD_OVER_WHOLE_MUNICIPALITY"]
    # Delta is not in the table: named, and nothing placed in it.
    assert any("Delta (GM0004)" in text for text in feedback.warnings)
    assert at(198_750, 357_250) == 0
    assert result["RASTER_SUM"] == pytest.approx(200 + 50 + 60, abs=1e-3)
    assert values[values != nodata].astype("float64").sum() == pytest.approx(310, abs=1e-3)


def test_cells_cut_by_a_kern_boundary_get_their_share(flexwonen_provider, hand_gpkg, tmp_path):
    # With 300 m cells Alpha's kern (191,000-192,000) cuts cells: every person still lands.
    result = run_density(hand_gpkg, tmp_path / "coarse.tif", CELL_SIZE=300)
    values, nodata, transform, _, _ = read(result["OUTPUT"])
    data = values[values != nodata].astype("float64")
    assert data.sum() * 9 == pytest.approx(310, abs=1e-3)
    assert len(np.unique(np.round(data[data > 0.5], 4))) > 1     # partial cells hold less


def test_cell_size_too_small_for_the_area_is_refused(flexwonen_provider, demo_gpkg, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="choose a larger cell size"):
        run_density(demo_gpkg, tmp_path / "tiny.tif", CELL_SIZE=1)
    assert not (tmp_path / "tiny.tif").exists()


def test_written_files_get_the_folders_normal_permissions(flexwonen_provider, demo_gpkg, tmp_path):
    """Outputs are readable by whoever may read the folder (as a plain open() would make
    them, umask respected), not private to their owner as a temporary file starts out."""
    import os
    import stat

    from limburg_flexwonen_plugin.core.housing_gap import write_csv
    previous = os.umask(0o022)
    try:
        raster = run_density(demo_gpkg, tmp_path / "density.tif")["OUTPUT"]
        table = write_csv(pyogrio.read_dataframe(demo_gpkg, layer="labour_migrants", read_geometry=False),
                          tmp_path / "migrants.csv")
    finally:
        os.umask(previous)
    for path in (raster, table):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o644, path
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_output_folder_that_cannot_be_made_is_named(flexwonen_provider, demo_gpkg, tmp_path):
    """A folder that cannot be written (here: a file stands where the folder should be)
    gives one message naming the folder, no traceback, and nothing written."""
    from qgis.core import QgsProcessingException
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder")
    with pytest.raises(QgsProcessingException) as raised:
        run_density(demo_gpkg, blocker / "density.tif")
    message = str(raised.value)
    assert f"cannot write in the folder '{blocker}'" in message, message
    assert "Unexpected error" not in message and "Traceback" not in message
    assert blocker.read_text() == "not a folder"
