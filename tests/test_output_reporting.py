"""Every algorithm run as the Processing dialog runs it (outputs to temporary layers,
loaded into the project when done): no "not correctly generated" message, every
reported layer output loads, and an optional output that was not asked for or could not
be made is neither created nor reported."""
import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingFeedback, QgsProject
from rasterio.transform import from_origin

import processing

TEMPORARY = "TEMPORARY_OUTPUT"


class Collecting(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, text, fatalError=False):  # noqa: N802,N803 (QGIS's names)
        self.errors.append(text)
        super().reportError(text, fatalError)


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def _layer(gpkg, name):
    return f"{gpkg}|layername={name}"


def _raster(path):
    values = np.zeros((20, 20), dtype="uint8")
    values[5:12, 5:12] = 1
    with rasterio.open(path, "w", driver="GTiff", height=20, width=20, count=1, dtype="uint8",
                       crs="EPSG:28992", transform=from_origin(190_000, 360_000, 100, 100)) as dataset:
        dataset.write(values, 1)
    return str(path)


def _businesses(path):
    import geopandas as gpd
    from shapely.geometry import Point
    gpd.GeoDataFrame({"bid": ["B1"], "name": ["Distributiecentrum"]}, geometry=[Point(210_500, 380_500)],
                     crs=28992).to_file(path, layer="businesses")
    return f"{path}|layername=businesses"


def _runs(demo, tmp_path):
    L = lambda name: _layer(demo, name)  # noqa: E731
    gap_inputs = {"MUNICIPALITIES": L("municipalities"), "MIGRANTS": L("labour_migrants")}
    return {
        "housinggap without accommodations": ("flexwonen:housinggap", dict(
            gap_inputs, MUNICIPALITIES_OUTPUT=TEMPORARY, REGIONS_OUTPUT=TEMPORARY,
            ACCOMMODATIONS_OUTPUT=TEMPORARY), {"MUNICIPALITIES_OUTPUT", "REGIONS_OUTPUT"}),
        "housinggap": ("flexwonen:housinggap", dict(
            gap_inputs, ACCOMMODATIONS=L("accommodations"), MUNICIPALITIES_OUTPUT=TEMPORARY,
            REGIONS_OUTPUT=TEMPORARY, ACCOMMODATIONS_OUTPUT=TEMPORARY),
            {"MUNICIPALITIES_OUTPUT", "REGIONS_OUTPUT", "ACCOMMODATIONS_OUTPUT"}),
        "densityraster": ("flexwonen:densityraster", dict(gap_inputs, OUTPUT=TEMPORARY), {"OUTPUT"}),
        "classifysites": ("flexwonen:classifysites", {
            "SITES": L("candidate_sites"), "BUILTUP": L("builtup"), "MUNICIPALITIES": L("municipalities"),
            "OUTPUT": TEMPORARY}, {"OUTPUT"}),
        "classifysitesstreamed": ("flexwonen:classifysitesstreamed", {
            "SITES": L("candidate_sites"), "BUILTUP": L("builtup"),
            "OUTPUT": str(tmp_path / "streamed.gpkg")}, {"OUTPUT"}),
        "checkhousingnorms": ("flexwonen:checkhousingnorms", {
            "INPUT": L("candidate_sites"), "OUTPUT": TEMPORARY}, {"OUTPUT"}),
        "checkstaydurations": ("flexwonen:checkstaydurations", {
            "INPUT": L("stays"), "OUTPUT": TEMPORARY}, {"OUTPUT"}),
        "builtupfromraster": ("flexwonen:builtupfromraster", {
            "INPUT": _raster(tmp_path / "builtup.tif"), "BAND": 1, "OUTPUT": TEMPORARY}, {"OUTPUT"}),
        "businesseffect": ("flexwonen:businesseffect", dict(
            gap_inputs, BUSINESSES=_businesses(tmp_path / "businesses.gpkg"), BUSINESS_ID_FIELD="bid",
            JOBS_NOW=300, YEAR_NOW=2025, JOBS_FULL=1200, YEAR_FULL=2028, MIGRANT_SHARE=60,
            **{f"{key}_OUTPUT": TEMPORARY for key in ("BUSINESSES", "PHASING", "ALLOCATION",
                                                        "MUNICIPALITIES", "REGIONS", "REACH")}),
            {"BUSINESSES_OUTPUT", "PHASING_OUTPUT", "ALLOCATION_OUTPUT", "MUNICIPALITIES_OUTPUT",
             "REGIONS_OUTPUT", "REACH_OUTPUT"}),
    }


@pytest.mark.parametrize("case", ["housinggap without accommodations", "housinggap", "densityraster",
                                  "classifysites", "classifysitesstreamed", "checkhousingnorms",
                                  "checkstaydurations", "builtupfromraster", "businesseffect"])
def test_a_dialog_run_loads_what_it_wrote_and_nothing_else(flexwonen_provider, demo_gpkg, tmp_path, project,
                                                           case):
    algorithm, parameters, expected = _runs(demo_gpkg, tmp_path)[case]
    feedback = Collecting()
    results = processing.runAndLoadResults(algorithm, parameters, feedback=feedback)
    assert not [e for e in feedback.errors if "not correctly generated" in e], feedback.errors
    layer_outputs = {name for name, value in results.items() if name.endswith("OUTPUT") and value}
    assert layer_outputs == expected
    loaded = project.mapLayers().values()
    assert len(loaded) == len(expected) and all(layer.isValid() for layer in loaded)
