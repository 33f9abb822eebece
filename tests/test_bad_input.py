"""The bad-input matrix, run against every algorithm the ``flexwonen`` provider registers.

``MINIMAL_PARAMETERS`` (below) holds, per algorithm, the valid layers of a minimal run
and the fields of each layer the algorithm reads. A test fails when the provider has an
algorithm without an entry, so a new algorithm joins the matrix the day it is added.

The matrix swaps one input at a time for a bad version of it (see ``bad_inputs.py``:
empty layer, null/empty/invalid geometries, wrong geometry type, no CRS, EPSG:4326 and
EPSG:3857, Z/M values, curves, text in number fields, negative and absurd numbers,
duplicate ids, missing fields, non-ASCII names and file names, a layer far outside the
Netherlands; for rasters their own list) and runs the algorithm through
``processing.run``. Each run must end in one of:

* a ``QgsProcessingException`` whose message names the bad layer (and, for a field
  problem, a field); never the base class's "Unexpected error" wrapper around a
  traceback, never any other exception;
* success with the problem flagged: more non-empty remarks/reasons in the output than
  the valid run has, or a warning naming the layer in the log panel.

Valid variants (other CRSs, Z/M, curves, non-ASCII) must succeed with as many output
features as the valid run. And every run checks that nothing is lost: the input files
are byte-identical afterwards (no file appears beside them either), a failed run leaves
no output behind, a successful one leaves outputs that open.
"""
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import geopandas as gpd
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterMapLayer, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterVectorDestination,
                       QgsProcessingFeatureSourceDefinition, QgsProcessingParameterVectorLayer, QgsProject,
                       QgsVectorLayer, QgsWkbTypes)
from shapely.geometry import Point

import processing
from bad_inputs import (DATE_CASES, EITHER_CASES, GEOMETRY_CASES, LONG_FIELD_NAME, NON_ASCII_NAMES,
                        NUMBER_CASES, RASTER_CASES, RASTER_EITHER,
                        RASTER_VALID_VARIANTS, ROLES, VALID_VARIANTS, vector_cases_for,
                        write_raster, write_raster_case, write_valid_vector, write_vector_case)
from conftest import ROOT

from limburg_flexwonen_plugin.core.atomic import atomic_output, atomic_write
from limburg_flexwonen_plugin.core.errors import CancelledError
from limburg_flexwonen_plugin.processing.base import UNEXPECTED_ERROR_PREFIX, FlexwonenAlgorithm
from limburg_flexwonen_plugin.bridge.values import make_fields
from limburg_flexwonen_plugin.bridge.write import write_frame


@dataclass(frozen=True)
class Reads:
    """What an algorithm reads from one input layer."""
    fields: Tuple[str, ...] = ()    # fields it needs: a layer without them must be refused
    numeric: Tuple[str, ...] = ()   # fields it reads as numbers: text, negative, absurd → flagged
    key: Tuple[str, ...] = ()       # fields that must identify a feature: duplicates → flagged
    dates: Tuple[str, ...] = ()     # fields it reads as dates: text → flagged
    geometry: bool = True           # False: geometry is passed through, never interpreted


@dataclass(frozen=True)
class Minimal:
    layers: Dict[str, str]                                   # parameter -> role in bad_inputs.ROLES
    values: Dict[str, object] = field(default_factory=dict)  # the other parameters
    reads: Dict[str, Reads] = field(default_factory=dict)    # parameter -> what is read from it
    # Layer inputs read by a block of code another algorithm's entry already runs through
    # the matrix (parameter -> that algorithm): listed, so none is forgotten, not repeated.
    shared: Dict[str, str] = field(default_factory=dict)


# Minimal valid parameters of every algorithm. Layers are given by role (the valid
# layer of that role is built from the demo data); outputs are filled in by the test.
MUNICIPALITIES_READ = Reads(fields=("gm_code", "gm_name", "region", "inhabitants"),
                            numeric=("inhabitants",), key=("gm_code",))
MIGRANTS_READ = Reads(fields=("gm_code", "year", "labour_migrants"), numeric=("year", "labour_migrants"),
                      key=("gm_code", "year"))
# permit_end: the end date of the supply by date (read when the layer has it).
ACCOMMODATIONS_READ = Reads(fields=("name", "status", "stay_category", "beds"), numeric=("beds",),
                            dates=("permit_end",))

NORM_FIELDS = ("planned_beds", "bedrooms", "living_area_m2", "bedroom_area_m2", "toilets", "showers")

MINIMAL_PARAMETERS: Dict[str, Minimal] = {
    "flexwonen:businesseffect": Minimal(
        layers={"BUSINESSES": "businesses", "SECTOR_TABLE": "sectors", "MUNICIPALITIES": "municipalities",
                "BUILTUP": "builtup"},
        values={"BUSINESS_ID_FIELD": "bid", "BUSINESS_NAME_FIELD": "name", "JOBS_NOW_FIELD": "now",
                "JOBS_FULL_FIELD": "full", "YEAR_NOW_FIELD": "start", "YEAR_FULL_FIELD": "end",
                "SECTOR_FIELD": "sector", "MIGRANT_SHARE": 50},
        reads={"BUSINESSES": Reads(fields=("bid", "name", "now", "full", "start", "end", "sector"),
                                   numeric=("now", "full", "start", "end"), key=("bid",)),
               "SECTOR_TABLE": Reads(fields=("sector", "labour_migrant_share_pct", "source"),
                                     numeric=("labour_migrant_share_pct",), key=("sector",)),
               "MUNICIPALITIES": MUNICIPALITIES_READ},
        # The labour-migrant table and the accommodations go through the housing gap's
        # readers and model (processing/parameters/gap.py, core/housing_gap/).
        shared={"MIGRANTS": "flexwonen:housinggap", "ACCOMMODATIONS": "flexwonen:housinggap"}),
    "flexwonen:builtupfromraster": Minimal(
        layers={"INPUT": "builtup_raster"},
        values={"BAND": 1, "THRESHOLD": 0.5, "MIN_AREA": 0}),
    "flexwonen:checkhousingnorms": Minimal(
        layers={"INPUT": "sites"},
        reads={"INPUT": Reads(fields=NORM_FIELDS + ("housing_type",), numeric=NORM_FIELDS,
                              geometry=False)}),
    "flexwonen:checkstaydurations": Minimal(
        layers={"INPUT": "stays"},
        values={"REFERENCE_DATE": "2025-01-01"},
        reads={"INPUT": Reads(fields=("acc_id", "resident_id", "start_date", "end_date",
                                      "contract_end", "employment_end"),
                              dates=("start_date", "end_date", "contract_end", "employment_end"))}),
    "flexwonen:classifysites": Minimal(
        layers={"SITES": "sites", "BUILTUP": "builtup", "MUNICIPALITIES": "municipalities",
                "CONTEXT_MIGRANTS": "labour_migrants", "CONTEXT_ACCOMMODATIONS": "accommodations"},
        values={"SITE_ID_FIELD": "site_id", "KERN_NAME_FIELD": "kern_name", "EDGE_DISTANCE": 250,
                "MIN_INSIDE_SHARE": 0.9, "ADD_CONTEXT": True, "CHECK_NORMS": True},
        reads={"SITES": Reads(fields=("site_id", "stay_category") + NORM_FIELDS, numeric=NORM_FIELDS,
                              key=("site_id",)),
               "BUILTUP": Reads(fields=("kern_name",)),
               "MUNICIPALITIES": MUNICIPALITIES_READ,
               "CONTEXT_MIGRANTS": MIGRANTS_READ,
               "CONTEXT_ACCOMMODATIONS": ACCOMMODATIONS_READ}),
    "flexwonen:classifysitesstreamed": Minimal(
        layers={"SITES": "sites", "BUILTUP": "builtup", "MUNICIPALITIES": "municipalities"},
        values={"SITE_ID_FIELD": "site_id", "KERN_NAME_FIELD": "kern_name", "EDGE_DISTANCE": 250,
                "MIN_INSIDE_SHARE": 0.9, "BATCH_SIZE": 1000},
        reads={"SITES": Reads(fields=("site_id",)),
               "BUILTUP": Reads(fields=("kern_name",)),
               "MUNICIPALITIES": Reads(fields=("gm_code", "gm_name", "region"))}),
    "flexwonen:densityraster": Minimal(
        layers={"MUNICIPALITIES": "municipalities", "MIGRANTS": "labour_migrants", "BUILTUP": "builtup"},
        values={"CELL_SIZE": 250},
        reads={"MUNICIPALITIES": Reads(fields=("gm_code", "gm_name", "region"), key=("gm_code",)),
               "MIGRANTS": MIGRANTS_READ}),
    "flexwonen:exportatlas": Minimal(
        layers={"MUNICIPALITIES": "municipalities", "REGIONS": "regions", "ACCOMMODATIONS": "accommodations",
                "BUILTUP": "builtup"},
        values={"LEVEL": 1, "DPI": 50},   # one page per region: three pages
        reads={"MUNICIPALITIES": Reads(fields=("gm_name", "region"), numeric=("inhabitants",)),
               "REGIONS": Reads(fields=("region",))}),
    "flexwonen:exportprovinceoverview": Minimal(
        layers={"MUNICIPALITIES": "municipalities", "REGIONS": "regions", "ACCOMMODATIONS": "accommodations"},
        values={"DPI": 50},
        reads={"MUNICIPALITIES": Reads(fields=("region",)), "REGIONS": Reads(fields=("region",))}),
    "flexwonen:exportsitereports": Minimal(
        layers={"SITES": "few_sites", "BUILTUP": "builtup", "MUNICIPALITIES": "municipalities"},
        values={"SITE_ID_FIELD": "site_id", "DPI": 50},
        reads={"SITES": Reads(fields=("site_id", "name", "stay_category", "building_type") + NORM_FIELDS,
                              numeric=NORM_FIELDS, key=("site_id",)),
               "BUILTUP": Reads(fields=("kern_name",)),
               "MUNICIPALITIES": Reads(fields=("gm_code", "gm_name", "region"))},
        # The site-context block (processing/parameters/site_context.py) is the classification's.
        shared={"CONTEXT_MIGRANTS": "flexwonen:classifysites",
                "CONTEXT_ACCOMMODATIONS": "flexwonen:classifysites"}),
    "flexwonen:housinggap": Minimal(
        layers={"MUNICIPALITIES": "municipalities", "MIGRANTS": "labour_migrants",
                "ACCOMMODATIONS": "accommodations", "BUILTUP": "builtup",
                "DEMAND_TABLE": "demand_table"},
        reads={"MUNICIPALITIES": MUNICIPALITIES_READ, "MIGRANTS": MIGRANTS_READ,
               "ACCOMMODATIONS": ACCOMMODATIONS_READ,
               "DEMAND_TABLE": Reads(fields=("gm_code", "demand_beds"),
                                     numeric=("demand_beds", "demand_dwellings"), key=("gm_code",))}),
}

# Algorithms without layer inputs, so nothing for the matrix to swap: the official-data
# loader reads web services, and tests/test_official_data.py runs it against a local fake
# PDOK (failing, slow and unreachable services, wrong choices, cancel, a worker thread).
WITHOUT_LAYER_INPUTS = {"flexwonen:loadofficialdata": "tests/test_official_data.py"}

LAYER_PARAMETER_TYPES = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                         QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer,
                         QgsProcessingParameterMultipleLayers)
FLAG_FIELD_WORDS = ("remark", "reason", "issue")
TRIED: Dict[Tuple[str, str, str], str] = {}   # (algorithm, parameter, case) -> outcome


def matrix():
    for algorithm_id, minimal in MINIMAL_PARAMETERS.items():
        for parameter, role_name in minimal.layers.items():
            role = ROLES[role_name]
            cases = list(RASTER_CASES) if role.geometry == "raster" else vector_cases_for(role)
            for case in cases:
                yield pytest.param(algorithm_id, parameter, case,
                                   id=f"{algorithm_id.split(':')[1]}-{parameter}-{case}")


# ---------------------------------------------------------------- running


class RecordingFeedback(QgsProcessingFeedback):
    """A real feedback that also keeps what the algorithm told the user."""

    def __init__(self):
        super().__init__()
        self.warnings: List[str] = []
        self.errors: List[str] = []
        self.infos: List[str] = []
        self.progress_reports = 0

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.warnings.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatalError=False):  # noqa: N802,N803 (QGIS's names)
        self.errors.append(text)
        super().reportError(text, fatalError)

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.infos.append(text)
        super().pushInfo(text)

    def setProgress(self, progress):  # noqa: N802 (QGIS's name)
        self.progress_reports += 1
        super().setProgress(progress)


@dataclass
class Outcome:
    error: Optional[str] = None
    results: Optional[dict] = None
    feedback: Optional[RecordingFeedback] = None
    counts: Dict[str, int] = field(default_factory=dict)   # sink output -> features
    flags: int = 0                                         # non-empty remarks/reasons cells
    flag_texts: List[str] = field(default_factory=list)


def algorithm_of(algorithm_id):
    from qgis.core import QgsApplication
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    return algorithm


def layer_uri(path: Path, layer: Optional[str]) -> str:
    return str(path) if layer is None else f"{path}|layername={layer}"


def destination_parameters(algorithm, out_dir: Path, optional_too: bool = False) -> dict:
    """Every output in ``out_dir``; optional outputs not made by default (PNG copies of a
    PDF) only when asked, to keep the matrix fast."""
    parameters = {}
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if not (optional_too or definition.createByDefault()):
            continue
        if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
            parameters[name] = str(out_dir / f"{name.lower()}.gpkg")
        elif isinstance(definition, QgsProcessingParameterFolderDestination):
            parameters[name] = str(out_dir / name.lower())
        elif isinstance(definition, (QgsProcessingParameterRasterDestination,
                                     QgsProcessingParameterFileDestination)):
            parameters[name] = str(out_dir / f"{name.lower()}.{definition.defaultFileExtension()}")
        else:
            parameters[name] = str(out_dir / f"{name.lower()}.{definition.defaultFileExtension()}")
    return parameters


def run_algorithm(algorithm_id: str, parameters: dict, feedback=None) -> Outcome:
    feedback = feedback or RecordingFeedback()
    try:
        results = processing.run(algorithm_id, parameters, feedback=feedback)
    except QgsProcessingException as error:
        return Outcome(error=str(error), feedback=feedback)
    outcome = Outcome(results=results, feedback=feedback)
    algorithm = algorithm_of(algorithm_id)
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if not isinstance(definition, (QgsProcessingParameterFeatureSink,
                                       QgsProcessingParameterVectorDestination)):
            continue
        value = results.get(name)
        if value is None:
            continue
        layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(str(value), name, "ogr")
        assert layer.isValid(), f"output {name} does not open: {value}"
        outcome.counts[name] = layer.featureCount()
        flag_fields = [f.name() for f in layer.fields()
                       if any(word in f.name().lower() for word in FLAG_FIELD_WORDS)]
        for feature in layer.getFeatures():
            for name_of_field in flag_fields:
                value_of_field = feature[name_of_field]
                if value_of_field not in (None, "") and str(value_of_field) not in ("NULL", "[]", "{}"):
                    outcome.flags += 1
                    outcome.flag_texts.append(str(value_of_field))
    return outcome


def fingerprint(*folders: Path) -> Dict[str, str]:
    """sha256 of every file in the folders (also catches files appearing beside inputs).

    One exception: when QGIS opens a raster it computes band statistics for the
    renderer and GDAL saves them in a ``.aux.xml`` beside the raster as the layer
    closes. QGIS does that for every raster a user adds to a map; the raster itself
    stays byte-identical, so a statistics-only sidecar is left out of the fingerprint.
    """
    prints = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not _statistics_sidecar(path):
                prints[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return prints


def input_fingerprint(parameters: dict, *folders: Path) -> Dict[str, str]:
    """sha256 of the files a run reads, and the names of everything in the input folders
    (a file appearing beside an input shows up as a new name)."""
    prints = {}
    for value in parameters.values():
        if isinstance(value, str) and value:
            path = Path(value.split("|")[0])
            if path.is_file() and any(folder in path.parents for folder in folders):
                prints[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    for folder in folders:
        prints[f"{folder}/"] = " ".join(sorted(
            str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and not _statistics_sidecar(p)))
    return prints


def _statistics_sidecar(path: Path) -> bool:
    if not path.name.endswith(".aux.xml"):
        return False
    text = path.read_text(encoding="utf-8", errors="replace")
    keys = re.findall(r'<MDI key="([^"]+)">', text)
    return text.lstrip().startswith("<PAMDataset>") and bool(keys) and all(
        key.startswith("STATISTICS_") for key in keys)


def files_in(folder: Path) -> List[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def valid_inputs(tmp_path_factory):
    """Each role's valid layer, in its own file, shared by all runs (and hashed by all)."""
    folder = tmp_path_factory.mktemp("valid_inputs")
    inputs = {}
    for name, role in ROLES.items():
        if role.geometry == "raster":
            inputs[name] = (write_raster(folder / "builtup_raster.tif"), None)
        else:
            inputs[name] = write_valid_vector(role, folder)
    return folder, inputs


@pytest.fixture(scope="session")
def baselines(flexwonen_provider, valid_inputs, tmp_path_factory):
    """The valid run of each algorithm, computed once: what a bad run is compared with."""
    cache = {}

    def baseline(algorithm_id):
        if algorithm_id not in cache:
            out_dir = tmp_path_factory.mktemp("baseline")
            parameters = minimal_parameters(algorithm_id, valid_inputs[1], out_dir)
            outcome = run_algorithm(algorithm_id, parameters)
            assert outcome.error is None, f"the minimal valid run of {algorithm_id} fails: {outcome.error}"
            cache[algorithm_id] = outcome
        return cache[algorithm_id]
    return baseline


@pytest.fixture(scope="session")
def bad_files(valid_inputs, tmp_path_factory):
    """Each bad layer built once, in its own folder, and hashed by every run that reads it."""
    cache = {}

    def bad_file(role, case):
        if (role.name, case) not in cache:
            folder = tmp_path_factory.mktemp(f"{role.name}_{case}")
            if role.geometry == "raster":
                path, layer_name = write_raster_case(case, folder)
                uri = str(path)
            else:
                path, layer_name = write_vector_case(role, case, valid_inputs[1][role.name][0], folder)
                uri = layer_uri(path, layer_name)
            cache[(role.name, case)] = (folder, uri, layer_name)
        return cache[(role.name, case)]
    return bad_file


def minimal_parameters(algorithm_id, inputs, out_dir: Path, optional_outputs: bool = False) -> dict:
    minimal = MINIMAL_PARAMETERS[algorithm_id]
    layers = dict(minimal.layers)
    for parameter, other in minimal.shared.items():
        layers[parameter] = MINIMAL_PARAMETERS[other].layers[parameter]
    parameters = {parameter: layer_uri(*inputs[role]) for parameter, role in layers.items()}
    parameters.update(minimal.values)
    parameters.update(destination_parameters(algorithm_of(algorithm_id), out_dir, optional_outputs))
    return parameters


# ---------------------------------------------------------------- the table is complete


def test_every_algorithm_is_in_the_matrix(flexwonen_provider):
    registered = {algorithm.id() for algorithm in flexwonen_provider.algorithms()}
    assert registered, "the provider registers no algorithms"
    missing = sorted(registered - set(MINIMAL_PARAMETERS) - set(WITHOUT_LAYER_INPUTS))
    assert not missing, (f"add these algorithms to MINIMAL_PARAMETERS in {Path(__file__).name} "
                         f"(their valid layers and the fields they read): {missing}")
    assert not sorted(set(MINIMAL_PARAMETERS) - registered), "the matrix names unknown algorithms"
    for algorithm_id in WITHOUT_LAYER_INPUTS:
        assert algorithm_id in registered and not [
            d for d in algorithm_of(algorithm_id).parameterDefinitions()
            if isinstance(d, LAYER_PARAMETER_TYPES)], f"{algorithm_id} has layer inputs: put it in the matrix"
    for algorithm_id, minimal in MINIMAL_PARAMETERS.items():
        algorithm = algorithm_of(algorithm_id)
        names = {definition.name() for definition in algorithm.parameterDefinitions()}
        for name in [*minimal.layers, *minimal.values, *minimal.reads]:
            assert name in names, f"{algorithm_id} has no parameter {name}"
        layer_inputs = {d.name() for d in algorithm.parameterDefinitions()
                        if isinstance(d, LAYER_PARAMETER_TYPES)}
        covered = set(minimal.layers) | set(minimal.shared)
        assert layer_inputs <= covered, (
            f"{algorithm_id}: every layer input must be in the matrix, missing "
            f"{sorted(layer_inputs - covered)}")
        for parameter, other in minimal.shared.items():
            assert parameter in MINIMAL_PARAMETERS[other].layers, (algorithm_id, parameter, other)
        for role in minimal.layers.values():
            assert role in ROLES, f"unknown role {role}"


def test_minimal_valid_runs_succeed(baselines):
    for algorithm_id in MINIMAL_PARAMETERS:
        outcome = baselines(algorithm_id)
        assert outcome.error is None
        assert all(count > 0 for count in outcome.counts.values()), (algorithm_id, outcome.counts)


# ---------------------------------------------------------------- the matrix


def expectation(role, case: str, reads: Reads) -> str:
    """'succeed' (a valid variant or something the algorithm does not read), 'problem'
    (must be refused or flagged) or 'either' (no traceback; a refusal names the layer)."""
    if role.geometry == "raster":
        if case in RASTER_VALID_VARIANTS:
            return "succeed"
        return "either" if case in RASTER_EITHER else "problem"
    if case in VALID_VARIANTS:
        return "succeed"
    if case in EITHER_CASES:
        return "either"
    if case in GEOMETRY_CASES and not reads.geometry:
        return "succeed"
    if case in NUMBER_CASES:
        return "problem" if set(reads.numeric) & set(role.numeric) else "succeed"
    if case in DATE_CASES:
        return "problem" if set(reads.dates) & set(role.dates) else "succeed"
    if case == "duplicate_ids":
        return "problem" if reads.key else "succeed"
    if case == "missing_fields":
        return "problem" if reads.fields else "succeed"
    return "problem"


@pytest.mark.parametrize("algorithm_id,parameter,case", list(matrix()))
def test_bad_input(algorithm_id, parameter, case, baselines, valid_inputs, bad_files, tmp_path):
    baseline = baselines(algorithm_id)
    valid_folder, inputs = valid_inputs
    minimal = MINIMAL_PARAMETERS[algorithm_id]
    role = ROLES[minimal.layers[parameter]]
    reads = minimal.reads.get(parameter, Reads())
    case_folder, uri, layer_name = bad_files(role, case)
    out_dir = tmp_path / "output"
    out_dir.mkdir()
    parameters = minimal_parameters(algorithm_id, inputs, out_dir)
    parameters[parameter] = uri
    project_layer = None
    if case == "subset_and_selection":
        project_layer, parameters[parameter] = filtered_and_selected(
            uri, layer_name, algorithm_of(algorithm_id).parameterDefinition(parameter))

    before = input_fingerprint({**parameters, parameter: uri}, valid_folder, case_folder)
    try:
        outcome = run_algorithm(algorithm_id, parameters)
    finally:
        if project_layer is not None:
            subset, selection = project_layer.subsetString(), set(project_layer.selectedFeatureIds())
            QgsProject.instance().removeMapLayer(project_layer.id())
    assert input_fingerprint({**parameters, parameter: uri}, valid_folder, case_folder) == before, \
        "an input file was changed or added to"
    if project_layer is not None:
        assert (subset, selection) == (SUBSET, SELECTED), "the layer's filter or selection was changed"

    expected = expectation(role, case, reads)
    TRIED[(algorithm_id, parameter, case)] = "refused" if outcome.error else "ran"
    if outcome.error is not None:
        assert UNEXPECTED_ERROR_PREFIX not in outcome.error, (
            f"an unexpected error reached the user (handle this input): {outcome.error}")
        assert expected != "succeed", f"a valid input was refused: {outcome.error}"
        assert layer_name in outcome.error, f"the message does not name the layer '{layer_name}': {outcome.error}"
        if case == "geometry_collection":
            assert "mixes geometry types" in outcome.error, f"not the reason: {outcome.error}"
        if case in NUMBER_CASES | DATE_CASES | {"missing_fields"}:
            assert "field" in outcome.error, f"the message does not name the field: {outcome.error}"
        assert files_in(out_dir) == [], f"a failed run left output behind: {files_in(out_dir)}"
        return

    for name, count in baseline.counts.items():
        assert name in outcome.counts, f"output {name} missing"
    if expected == "succeed":
        if role.geometry != "raster":
            assert outcome.counts == baseline.counts, "a valid variant gave a different number of features"
        if case == "non_ascii_names" and role.name_field:
            _assert_names_survive(outcome)
        if case == "long_spaced_names":
            _assert_long_field_survives(outcome)
        return
    if expected == "problem":
        warned = [text for text in outcome.feedback.warnings if layer_name in text]
        flagged = outcome.flags > baseline.flags
        TRIED[(algorithm_id, parameter, case)] = "flagged" if flagged else "warned"
        assert flagged or warned, (
            "the run succeeded without flagging the problem in a remarks/reasons field or "
            f"warning about layer '{layer_name}' (warnings: {outcome.feedback.warnings})")


SUBSET = '"fid" > 1'
SELECTED = {2, 3, 5, 7, 9, 11}


def filtered_and_selected(uri, layer_name, definition):
    """The case's layer in the project with a filter and a selection; the parameter value
    that asks for the selected features only (a vector layer parameter takes the layer)."""
    layer = QgsVectorLayer(uri, layer_name, "ogr")
    assert layer.isValid() and layer.setSubsetString(SUBSET)
    layer.selectByIds(sorted(SELECTED))
    QgsProject.instance().addMapLayer(layer)
    if isinstance(definition, QgsProcessingParameterFeatureSource):
        return layer, QgsProcessingFeatureSourceDefinition(layer.id(), True)
    return layer, layer.id()


def _assert_long_field_survives(outcome):
    """A field with a long name with spaces and accents keeps its name and values wherever
    an output carries the input's attributes."""
    for name, value in outcome.results.items():
        if not isinstance(value, str) or ".gpkg" not in value:
            continue
        layer = QgsVectorLayer(value, name, "ogr")
        if layer.fields().indexOf(LONG_FIELD_NAME) >= 0:
            assert {feature[LONG_FIELD_NAME] for feature in layer.getFeatures()} == \
                {"opmerking van de gemeente – één, twee, drie"}


def _assert_names_survive(outcome):
    """Names typed with ĳ, ł, ż, ș, ț come out as they went in, wherever they are kept."""
    for name, value in outcome.results.items():
        if not isinstance(value, str) or not value.endswith(".gpkg"):
            continue
        layer = QgsVectorLayer(value, name, "ogr")
        texts = {str(feature[f.name()]) for feature in layer.getFeatures() for f in layer.fields()}
        if any("ł" in text or "ș" in text or "Ĳ" in text for text in texts):
            assert texts & set(NON_ASCII_NAMES), "non-ASCII names were altered on the way"


@pytest.mark.parametrize("algorithm_id", list(MINIMAL_PARAMETERS))
def test_absurd_parameter_values(algorithm_id, baselines, valid_inputs, tmp_path):
    """Negative and absurdly large numbers for every number parameter: refused with a
    message naming the parameter, or a normal run; never a traceback."""
    baselines(algorithm_id)
    algorithm = algorithm_of(algorithm_id)
    numbers = [d for d in algorithm.parameterDefinitions() if isinstance(d, QgsProcessingParameterNumber)]
    for definition in numbers:
        for value in (-1e9, 1e12):
            if definition.dataType() == QgsProcessingParameterNumber.Type.Integer:
                value = int(value)
            out_dir = tmp_path / f"{definition.name()}_{value:g}"
            out_dir.mkdir()
            parameters = minimal_parameters(algorithm_id, valid_inputs[1], out_dir)
            parameters[definition.name()] = value
            outcome = run_algorithm(algorithm_id, parameters)
            TRIED[(algorithm_id, definition.name(), f"parameter {value:g}")] = (
                "refused" if outcome.error else "ran")
            if outcome.error is not None:
                assert UNEXPECTED_ERROR_PREFIX not in outcome.error, outcome.error
                message = outcome.error.lower()
                named = (definition.name().lower() in message or "parameter" in message
                         or definition.description().split()[0].lower() in message)
                assert named, f"the message does not name the parameter: {outcome.error}"
                assert files_in(out_dir) == [], files_in(out_dir)


# ---------------------------------------------------------------- cancel: no output, project as it was


class CancelAtProgress(RecordingFeedback):
    """Cancels at the n-th progress report, as a user pressing Cancel halfway."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def setProgress(self, progress):  # noqa: N802 (QGIS's name)
        super().setProgress(progress)
        if self.progress_reports >= self.at:
            self.cancel()


def project_state():
    project = QgsProject.instance()
    return sorted(project.mapLayers()), project.isDirty(), len(project.layerTreeRoot().children())


@pytest.mark.parametrize("algorithm_id", list(MINIMAL_PARAMETERS))
def test_cancel_halfway_leaves_no_output_and_the_project_as_it_was(algorithm_id, baselines,
                                                                   valid_inputs, tmp_path):
    baseline = baselines(algorithm_id)
    reports = baseline.feedback.progress_reports
    assert reports >= 2, f"{algorithm_id} reports no progress, so it cannot be cancelled halfway"
    # The first report, the middle and the last but one: each a different stage.
    for at in sorted({1, max(1, reports // 2), max(1, reports - 1)}):
        for temporary in (False, True):
            out_dir = tmp_path / f"cancel_{at}_{temporary}"
            out_dir.mkdir()
            parameters = minimal_parameters(algorithm_id, valid_inputs[1], out_dir, optional_outputs=True)
            if temporary:
                for definition in algorithm_of(algorithm_id).destinationParameterDefinitions():
                    if isinstance(definition, QgsProcessingParameterFeatureSink):
                        parameters[definition.name()] = "TEMPORARY_OUTPUT"
            state = project_state()
            before = fingerprint(valid_inputs[0])
            feedback = CancelAtProgress(at)
            with pytest.raises(QgsProcessingException, match="Cancelled"):
                processing.runAndLoadResults(algorithm_id, parameters, feedback=feedback)
            assert files_in(out_dir) == [], f"cancel at report {at} left {files_in(out_dir)}"
            assert project_state() == state, "a cancelled run changed the project"
            assert fingerprint(valid_inputs[0]) == before
            TRIED[(algorithm_id, "cancel", f"at report {at}, temporary={temporary}")] = "cancelled"


# ---------------------------------------------------------------- numbers for the README


def test_zz_report_the_matrix_numbers(capsys):
    """Prints (and keeps in test-artifacts/) how much bad input was tried on how many algorithms."""
    if not TRIED:
        pytest.skip("the matrix did not run in this session")
    algorithms = sorted({key[0] for key in TRIED})
    bad_inputs = {key: value for key, value in TRIED.items() if value != "cancelled"}
    summary = {
        "algorithms": len(algorithms),
        "bad_input_runs": len(bad_inputs),
        "case_kinds": len({key[2] for key in bad_inputs if not key[2].startswith("parameter")}),
        "refused": sum(1 for v in bad_inputs.values() if v == "refused"),
        "flagged": sum(1 for v in bad_inputs.values() if v in ("flagged", "warned")),
        "ran_normally": sum(1 for v in bad_inputs.values() if v == "ran"),
        "cancel_runs": sum(1 for v in TRIED.values() if v == "cancelled"),
    }
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "bad_input_matrix.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    with capsys.disabled():
        print(f"\nbad-input matrix: {summary['bad_input_runs']} bad inputs ({summary['case_kinds']} kinds) "
              f"on {summary['algorithms']} algorithms: {summary['refused']} refused with a clear "
              f"message, {summary['flagged']} flagged, {summary['ran_normally']} ran normally "
              f"(valid variants, unread fields, parameters); {summary['cancel_runs']} cancelled runs")
    assert summary["algorithms"] == len(MINIMAL_PARAMETERS)


# ---------------------------------------------------------------- outputs complete or absent


class WritesHalfThenFails(FlexwonenAlgorithm):
    """A real algorithm on the real base class that fails while writing: what the base
    class must clean up after, whatever the algorithm was doing."""

    ALGORITHM_ID = "writeshalfthenfails"
    DISPLAY_NAME = "Writes half, then fails"
    GROUP_ID = "data"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Output"))
        self.addParameter(QgsProcessingParameterFileDestination("TABLE", "Table", "CSV files (*.csv)"))

    def compute(self, parameters, context, feedback):
        fields = make_fields([("n", "int")])
        frame = gpd.GeoDataFrame({"n": range(10)}, geometry=[Point(190_000 + i, 380_000) for i in range(10)],
                                 crs=28992)
        sink, _ = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.Point,
                                       QgsCoordinateReferenceSystem("EPSG:28992"))
        write_frame(frame, sink, fields)
        table = self.parameterAsFileOutput(parameters, "TABLE", context)
        with open(table, "w", encoding="utf-8") as handle:  # not atomic on purpose: half a file
            handle.write("n\n0\n")
            raise RuntimeError("the disk is full")


def _layers_of(path):
    from osgeo import gdal
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
    layers = {dataset.GetLayerByIndex(i).GetName(): dataset.GetLayerByIndex(i).GetFeatureCount()
              for i in range(dataset.GetLayerCount())}
    dataset = None
    return layers


@pytest.mark.parametrize("destination", ["new file", "layer in an existing GeoPackage", "memory layer"])
def test_a_failed_run_removes_what_it_wrote(flexwonen_provider, tmp_path, destination):
    existing = tmp_path / "existing.gpkg"
    gpd.GeoDataFrame({"kept": [1, 2]}, geometry=[Point(0, 0), Point(1, 1)], crs=28992).to_file(
        existing, layer="users_layer")
    output = {"new file": str(tmp_path / "new.gpkg"),
              "layer in an existing GeoPackage": f"ogr:dbname='{existing}' table=\"result\" (geom)",
              "memory layer": "TEMPORARY_OUTPUT"}[destination]
    table = tmp_path / "table.csv"
    state = project_state()
    with pytest.raises(QgsProcessingException, match="the disk is full"):
        processing.runAndLoadResults(WritesHalfThenFails().create(), {"OUTPUT": output, "TABLE": str(table)})
    assert not (tmp_path / "new.gpkg").exists()
    assert not table.exists(), "half a CSV stayed behind"
    assert _layers_of(existing) == {"users_layer": 2}, "the user's GeoPackage lost or kept something"
    assert project_state() == state


def test_atomic_output_is_complete_or_absent(tmp_path):
    target = tmp_path / "gap.csv"
    target.write_text("old,complete\n", encoding="utf-8")
    with pytest.raises(CancelledError):
        with atomic_write(target) as handle:
            handle.write("new,half")
            raise CancelledError("cancelled by the user")
    assert target.read_text(encoding="utf-8") == "old,complete\n"
    with atomic_write(target, newline="") as handle:
        handle.write("new,complete\n")
    assert target.read_text(encoding="utf-8") == "new,complete\n"
    with atomic_output(tmp_path / "density.tif") as temporary:
        write_raster(temporary)
        (temporary.parent / "density.tif.aux.xml").write_text("<PAMDataset/>", encoding="utf-8")
    assert (tmp_path / "density.tif").stat().st_size > 0 and (tmp_path / "density.tif.aux.xml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["density.tif", "density.tif.aux.xml", "gap.csv"], \
        "a temporary file or folder stayed behind"


def test_layers_open_in_the_project_are_left_byte_identical(flexwonen_provider, demo_gpkg, tmp_path):
    """As a user works: the GeoPackage's layers added to the project, every algorithm run on
    the layer objects, the project closed; the file is byte-identical throughout."""
    import shutil
    data = tmp_path / "werkmap" / "limburg.gpkg"
    data.parent.mkdir()
    shutil.copy(demo_gpkg, data)
    before = fingerprint(data.parent)
    project = QgsProject.instance()
    layers = {name: QgsVectorLayer(f"{data}|layername={name}", name, "ogr")
              for name in ("candidate_sites", "builtup", "municipalities", "labour_migrants",
                           "accommodations", "stays")}
    assert all(layer.isValid() for layer in layers.values())
    project.addMapLayers(list(layers.values()))
    try:
        runs = {
            "flexwonen:classifysites": {"SITES": layers["candidate_sites"], "BUILTUP": layers["builtup"],
                                        "MUNICIPALITIES": layers["municipalities"]},
            "flexwonen:housinggap": {"MUNICIPALITIES": layers["municipalities"],
                                     "MIGRANTS": layers["labour_migrants"],
                                     "ACCOMMODATIONS": layers["accommodations"], "BUILTUP": layers["builtup"]},
            "flexwonen:checkhousingnorms": {"INPUT": layers["candidate_sites"]},
            "flexwonen:checkstaydurations": {"INPUT": layers["stays"]},
        }
        for algorithm_id, parameters in runs.items():
            out_dir = tmp_path / algorithm_id.split(":")[1]
            out_dir.mkdir()
            parameters.update(destination_parameters(algorithm_of(algorithm_id), out_dir))
            outcome = run_algorithm(algorithm_id, parameters)
            assert outcome.error is None, outcome.error
            assert fingerprint(data.parent) == before, f"{algorithm_id} changed the GeoPackage"
    finally:
        project.removeMapLayers([layer.id() for layer in layers.values()])
    assert fingerprint(data.parent) == before


def test_every_geopackage_output_is_complete_on_its_own(baselines, tmp_path):
    """A user copies or e-mails the .gpkg alone: every layer must be in it, not in a
    -wal file beside it (QGIS's GeoPackage writer leaves one)."""
    import shutil

    import pyogrio
    checked = 0
    for algorithm_id in MINIMAL_PARAMETERS:
        outcome = baselines(algorithm_id)
        paths = {str(value).split("|")[0] for value in outcome.results.values()
                 if isinstance(value, str) and value.split("|")[0].lower().endswith(".gpkg")}
        for path in sorted(paths):
            copy = tmp_path / f"{algorithm_id.split(':')[1]}_{Path(path).name}"
            shutil.copyfile(path, copy)
            original = {name: pyogrio.read_info(path, layer=name)["features"]
                        for name, _ in pyogrio.list_layers(path)}
            alone = {name: pyogrio.read_info(copy, layer=name)["features"]
                     for name, _ in pyogrio.list_layers(copy)}
            assert alone == original, f"{algorithm_id}: {Path(path).name} copied alone lacks layers or rows"
            checked += 1
    assert checked >= 8


def test_layers_added_to_one_geopackage_are_in_the_file_itself(flexwonen_provider, demo_gpkg, tmp_path):
    """Outputs added to one GeoPackage, run after run, while the earlier results are open
    in QGIS (as the demo and a user's project do): the .gpkg copied alone has them all."""
    import shutil

    import pyogrio
    package = tmp_path / "housing_gap.gpkg"
    opened = []
    for scenario, key in ((0, "current"), (1, "low_2030"), (2, "high_2030")):
        result = processing.run("flexwonen:housinggap", {
            "MUNICIPALITIES": f"{demo_gpkg}|layername=municipalities",
            "MIGRANTS": f"{demo_gpkg}|layername=labour_migrants",
            "ACCOMMODATIONS": f"{demo_gpkg}|layername=accommodations",
            "BUILTUP": f"{demo_gpkg}|layername=builtup",
            "SCENARIO": scenario,
            "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{package}' table=\"municipalities_{key}\" (geom)",
            "REGIONS_OUTPUT": f"ogr:dbname='{package}' table=\"regions_{key}\" (geom)",
            "ACCOMMODATIONS_OUTPUT": (f"ogr:dbname='{package}' table=\"accommodations\" (geom)"
                                      if key == "current" else "TEMPORARY_OUTPUT"),
            "CSV_OUTPUT": str(tmp_path / f"{key}.csv")})
        layer = QgsVectorLayer(result["REGIONS_OUTPUT"], key, "ogr")
        assert layer.isValid() and layer.featureCount() > 0
        opened.append((layer, list(layer.getFeatures())))
    copy = tmp_path / "alone" / "housing_gap.gpkg"
    copy.parent.mkdir()
    shutil.copyfile(package, copy)
    names = sorted(name for name, _ in pyogrio.list_layers(copy))
    assert names == ["accommodations", "municipalities_current", "municipalities_high_2030",
                     "municipalities_low_2030", "regions_current", "regions_high_2030", "regions_low_2030"]
    for name in names:
        assert pyogrio.read_info(copy, layer=name)["features"] > 0, name


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink"])
@pytest.mark.parametrize("algorithm_id", sorted(MINIMAL_PARAMETERS))
def test_an_output_over_an_input_is_refused(flexwonen_provider, valid_inputs, tmp_path, algorithm_id, spelling):
    """Choosing an input file as an output, also spelled differently or through a link, is
    refused before anything is written; the message names both parameters; the input
    file stays byte-identical."""
    import os
    import shutil
    algorithm = algorithm_of(algorithm_id)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    parameters = minimal_parameters(algorithm_id, valid_inputs[1], out_dir)
    input_name = next(name for name in MINIMAL_PARAMETERS[algorithm_id].layers)
    source_path = Path(str(parameters[input_name]).split("|")[0])
    own = tmp_path / "in" / source_path.name
    own.parent.mkdir()
    shutil.copyfile(source_path, own)
    parameters[input_name] = str(parameters[input_name]).replace(str(source_path), str(own))
    if spelling == "same":
        target = str(own)
    elif spelling == "dot":
        target = f"{own.parent}/./{own.name}"
    else:
        link = tmp_path / "link" / own.name
        link.parent.mkdir()
        os.symlink(own, link)
        target = str(link)
    output = next(d for d in algorithm.destinationParameterDefinitions()
                  if not isinstance(d, QgsProcessingParameterFolderDestination))
    parameters[output.name()] = target
    before = hashlib.sha256(own.read_bytes()).hexdigest()
    outcome = run_algorithm(algorithm_id, parameters)
    assert outcome.error is not None, f"{algorithm_id} wrote {output.name()} over its input"
    input_description = algorithm.parameterDefinition(input_name).description()
    assert output.description() in outcome.error and input_description in outcome.error, outcome.error
    assert hashlib.sha256(own.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in own.parent.iterdir()) == [own.name]
