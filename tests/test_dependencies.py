"""The plugin in a QGIS whose Python lacks a package: it still loads, says once which
package to install and how, and its algorithms say so instead of raising ImportError.

Each case runs in a child Python (this file, run as a script) that hides the package
before anything is imported, starts QGIS headless, and loads the plugin the way QGIS
does (``qgis.utils.loadPlugin``/``startPlugin``/``unloadPlugin``) with pytest-qgis's
QgisInterface as ``iface``. qgis_process gets the same test with the installed plugin.
"""
import argparse
import importlib.abc
import json
import os
import shutil
import subprocess  # nosec B404 - the tests start a child Python and QGIS's qgis_process
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "limburg_flexwonen_plugin"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# ----------------------------------------------------------------------------- the child

class _Hider(importlib.abc.MetaPathFinder):
    """Makes packages (and their submodules) not importable, as if not installed."""

    def __init__(self, names):
        self.names = set(names)

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None


def child(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--hide", default="")
    parser.add_argument("--path", action="append", default=[])
    parser.add_argument("--qm")
    parser.add_argument("--raster")
    parser.add_argument("--gpkg")
    parser.add_argument("--output-dir")
    parser.add_argument("--result", required=True)
    arguments = parser.parse_args(argv)
    # First of all: nothing may have imported the hidden packages yet.
    sys.meta_path.insert(0, _Hider(filter(None, arguments.hide.split(","))))
    for path in reversed(arguments.path):
        sys.path.insert(0, path)

    from qgis.core import Qgis, QgsApplication, QgsProcessingException
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTranslator
    from qgis.PyQt.QtWidgets import QAction, QMainWindow, QToolBar
    # Before QgsApplication exists, as in pytest-qgis: otherwise PyQt cannot resolve the
    # signature of QgisInterface's addLayers slot.
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface
    app = QgsApplication([], True)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    log = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda message, tag, level: log.append({"text": message, "tag": tag, "level": int(level)}))
    from processing.core.Processing import Processing
    Processing.initialize()
    import qgis.utils
    window = QMainWindow()
    iface = QgisInterface(QgsMapCanvas(window), MockMessageBar(), window)
    qgis.utils.iface = iface
    if arguments.qm:
        translator = QTranslator()
        assert translator.load(arguments.qm)
        QCoreApplication.installTranslator(translator)

    def plugin_state():
        registry = QgsApplication.processingRegistry()
        provider = registry.providerById("flexwonen")
        return {
            "provider": provider is not None,
            "algorithms": sorted(a.id() for a in provider.algorithms()) if provider else [],
            "actions": sorted(a.objectName() for a in window.findChildren(QAction)
                              if a.objectName().startswith("FlexwonenLimburg")),
            "toolbars": [t.objectName() for t in window.findChildren(QToolBar)
                         if t.objectName().startswith("FlexwonenLimburg") and t.actions()],
        }

    result = {"hidden": [name for name in arguments.hide.split(",") if name]}
    qgis.utils.available_plugins.append(PLUGIN)
    result["loaded"] = qgis.utils.loadPlugin(PLUGIN)
    result["started"] = result["loaded"] and qgis.utils.startPlugin(PLUGIN)
    bar = iface.messageBar()
    result["bar"] = {name: bar.get_messages(level) for name, level in (
        ("warning", Qgis.MessageLevel.Warning), ("critical", Qgis.MessageLevel.Critical),
        ("info", Qgis.MessageLevel.Info), ("success", Qgis.MessageLevel.Success))}
    result["loaded_state"] = plugin_state()

    runs = {}
    if arguments.raster or arguments.gpkg:
        import processing
        gpkg, output = arguments.gpkg, Path(arguments.output_dir)
        cases = {}
        if arguments.raster:
            cases["flexwonen:builtupfromraster"] = {"INPUT": arguments.raster, "BAND": 1,
                                                    "OUTPUT": "TEMPORARY_OUTPUT"}
        if arguments.raster and gpkg:
            cases["flexwonen:densityraster"] = {
                "MUNICIPALITIES": f"{gpkg}|layername=municipalities",
                "MIGRANTS": f"{gpkg}|layername=labour_migrants",
                "BUILTUP": f"{gpkg}|layername=builtup", "OUTPUT": str(output / "density.tif")}
        if gpkg and not arguments.raster:
            cases["flexwonen:classifysites"] = {
                "SITES": f"{gpkg}|layername=candidate_sites", "SITE_ID_FIELD": "site_id",
                "BUILTUP": f"{gpkg}|layername=builtup", "OUTPUT": str(output / "classified.gpkg")}
            cases["flexwonen:classifysitesstreamed"] = {
                "SITES": f"{gpkg}|layername=candidate_sites", "SITE_ID_FIELD": "site_id",
                "BUILTUP": f"{gpkg}|layername=builtup", "OUTPUT": str(output / "streamed.gpkg")}
        for algorithm, parameters in cases.items():
            try:
                outputs = processing.run(algorithm, parameters)
                runs[algorithm] = {"ok": True, "outputs": sorted(outputs)}
            except QgsProcessingException as error:
                runs[algorithm] = {"ok": False, "error": str(error)}
    result["runs"] = runs

    result["unloaded"] = qgis.utils.unloadPlugin(PLUGIN)
    # unload() deletes its widgets with deleteLater(): let Qt do that, as its event loop would.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    result["unloaded_state"] = plugin_state()
    result["modules_left"] = sorted(name for name in sys.modules if name.split(".")[0] == PLUGIN)
    result["log"] = log
    result["geopandas_importable"] = _importable("geopandas")  # last: the plugin checks first
    Path(arguments.result).write_text(json.dumps(result, indent=1), encoding="utf-8")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # a QGIS tear-down crash must not hide the result written above


def _importable(name):
    try:
        __import__(name)
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    # The child: run before the imports below, as nothing of the plugin may be imported
    # before QGIS loads it (and child() does not return).
    child(sys.argv[1:])

from limburg_flexwonen_plugin.core import dependencies  # noqa: E402  (after the child's entry)
from limburg_flexwonen_plugin.core.dependencies import OPTIONAL, REQUIRED, Problem  # noqa: E402

GEOPANDAS, SHAPELY = REQUIRED[4], REQUIRED[2]
PYOGRIO, RASTERIO = OPTIONAL

# The messages word for word: a changed text must be a decision, not an accident.
NO_WHEELS = ("Do not install PyPI wheels of shapely, pyproj, pyogrio or rasterio into QGIS's "
             "Python: they bring their own GEOS, PROJ and GDAL and crash QGIS.")
GEOPANDAS_MISSING_LINUX = (
    "Flexwonen Limburg's tools stay off: QGIS's Python needs geopandas 0.14 or newer (not "
    "installed). Debian/Ubuntu: sudo apt install python3-geopandas, then restart QGIS (other "
    "distributions: their own packages). The geopandas and shapely of Debian 12 and Ubuntu "
    "22.04 are too old; Debian 13 and Ubuntu 24.04 or newer have them. " + NO_WHEELS)
SHAPELY_TOO_OLD_LINUX_NL = (
    "De functies van Flexwonen Limburg blijven uit: de Python van QGIS heeft shapely 2.0 of "
    "nieuwer (gevonden: 1.8.5) nodig. Debian/Ubuntu: sudo apt install python3-shapely en start "
    "QGIS daarna opnieuw (andere distributies: hun eigen pakketten). De geopandas en shapely van "
    "Debian 12 en Ubuntu 22.04 zijn te oud; Debian 13 en Ubuntu 24.04 of nieuwer hebben ze wel. "
    "Installeer geen PyPI-wheels van shapely, pyproj, pyogrio of rasterio in de Python van QGIS: "
    "die brengen een eigen GEOS, PROJ en GDAL mee en laten QGIS crashen.")
RASTERIO_MISSING_LINUX = (
    "QGIS's Python has no rasterio 1.3 or newer, which the raster tools (built-up area from a "
    "raster, density raster) need. Debian/Ubuntu: sudo apt install python3-rasterio, then "
    "restart QGIS (other distributions: their own package). Do not install a PyPI wheel of "
    "rasterio into QGIS's Python: it brings its own GDAL and crashes QGIS.")
PYOGRIO_MISSING_LINUX = (
    "Flexwonen Limburg works without pyogrio 0.7 or newer (not installed), but the streamed "
    "classification of large GeoPackages needs it. Debian/Ubuntu: sudo apt install "
    "python3-pyogrio, then restart QGIS (other distributions: their own packages). " + NO_WHEELS)
FULL_ACTIONS = ["FlexwonenLimburg_business_effect", "FlexwonenLimburg_classify",
                "FlexwonenLimburg_export", "FlexwonenLimburg_official_data", "FlexwonenLimburg_panel",
                "FlexwonenLimburg_province"]
LOG_TAG = "Flexwonen Limburg"

on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the texts checked are Linux's")


# ----------------------------------------------------------------------------- helpers

def child_environment(tmp_path):
    environment = dict(os.environ)
    # A fresh QGIS profile and an English locale: the plugin installs no translation of its own.
    environment.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "qgis-config"),
                       LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return environment


def run_plugin(tmp_path, *arguments):
    """Runs the child; returns its result and stderr."""
    result_file = tmp_path / "result.json"
    completed = subprocess.run(  # nosec B603 - this Python and this file, arguments built here
        [sys.executable, __file__, "--result", str(result_file), *arguments],
        env=child_environment(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    assert result_file.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    return json.loads(result_file.read_text(encoding="utf-8")), completed.stderr


def plugin_log(result, level=None):
    return [entry["text"] for entry in result["log"]
            if entry["tag"] == LOG_TAG and (level is None or entry["level"] == level)]


def assert_no_python_error(result, stderr):
    errors = [entry["text"] for entry in result["log"] if entry["tag"] == "Python error"]
    assert not errors, errors
    text = stderr + json.dumps(result)
    for word in ("Traceback", "ImportError", "ModuleNotFoundError"):
        assert word not in text, text[-3000:]


def assert_nothing_left(result):
    assert result["unloaded"] is True
    assert result["unloaded_state"] == {"provider": False, "algorithms": [], "actions": [], "toolbars": []}
    assert result["modules_left"] == []


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    """The demo GeoPackage copied: the children open it with QGIS and GDAL."""
    from conftest import DEMO_GPKG
    copy = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    shutil.copy(DEMO_GPKG, copy)
    return copy


# ----------------------------------------------------------------------------- in a child QGIS

def test_with_every_package_the_plugin_loads_all_its_tools_and_says_nothing(tmp_path):
    """The control case: the same child, nothing hidden."""
    result, stderr = run_plugin(tmp_path)
    assert result["started"] is True
    state = result["loaded_state"]
    assert state["provider"] and state["actions"] == FULL_ACTIONS and state["toolbars"]
    assert "flexwonen:classifysitesstreamed" in state["algorithms"]
    assert "flexwonen:builtupfromraster" in state["algorithms"]
    assert result["bar"]["warning"] == [] and result["bar"]["critical"] == []
    assert plugin_log(result, 1) == [] and plugin_log(result, 0) == []  # no warning, no info
    assert_no_python_error(result, stderr)
    assert_nothing_left(result)


@on_linux
def test_without_geopandas_the_plugin_loads_and_says_once_what_to_install(tmp_path):
    result, stderr = run_plugin(tmp_path, "--hide", "geopandas")
    assert result["geopandas_importable"] is False  # really hidden
    assert result["loaded"] is True and result["started"] is True
    assert result["bar"] == {"warning": [f"Flexwonen Limburg:{GEOPANDAS_MISSING_LINUX}"],
                             "critical": [], "info": [], "success": []}
    assert plugin_log(result, 1) == [GEOPANDAS_MISSING_LINUX]  # one log entry, a warning
    # No tool, and no provider (see FlexwonenPlugin.initProcessing).
    assert result["loaded_state"] == {"provider": False, "algorithms": [], "actions": [], "toolbars": []}
    assert_no_python_error(result, stderr)
    assert_nothing_left(result)


@on_linux
def test_too_old_shapely_is_named_with_its_version_in_dutch(tmp_path):
    """A shapely 1.8 first on the path (as Debian 12's): the message names shapely, not
    geopandas, whose import fails because of it; with the Dutch translation, in Dutch."""
    fake = tmp_path / "old" / "shapely"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('__version__ = "1.8.5"\n', encoding="utf-8")
    qm = tmp_path / "flexwonen_nl.qm"
    ts = ROOT / PLUGIN / "i18n" / "flexwonen_nl.ts"
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)],  # nosec B603 B607
                   check=True, timeout=60)
    result, stderr = run_plugin(tmp_path, "--path", str(fake.parent), "--qm", str(qm))
    assert result["started"] is True
    assert result["bar"]["warning"] == [f"Flexwonen Limburg:{SHAPELY_TOO_OLD_LINUX_NL}"]
    assert plugin_log(result, 1) == [SHAPELY_TOO_OLD_LINUX_NL]
    assert result["loaded_state"]["provider"] is False and result["loaded_state"]["actions"] == []
    assert_no_python_error(result, stderr)
    assert_nothing_left(result)


@on_linux
def test_without_rasterio_the_raster_algorithms_say_how_to_install_it(tmp_path, demo_copy):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    raster = tmp_path / "builtup.tif"
    values = np.zeros((20, 20), dtype="uint8")
    values[5:15, 5:15] = 1
    with rasterio.open(raster, "w", driver="GTiff", height=20, width=20, count=1, dtype="uint8",
                       crs="EPSG:28992", transform=from_origin(190_000, 360_000, 10, 10)) as dataset:
        dataset.write(values, 1)
    result, stderr = run_plugin(tmp_path, "--hide", "rasterio", "--raster", str(raster),
                                "--gpkg", str(demo_copy), "--output-dir", str(tmp_path))
    # Everything else works: all tools, no warning in the message bar, one line in the log.
    state = result["loaded_state"]
    assert state["provider"] and state["actions"] == FULL_ACTIONS
    assert {"flexwonen:builtupfromraster", "flexwonen:densityraster"} <= set(state["algorithms"])
    assert result["bar"]["warning"] == [] and result["bar"]["critical"] == []
    assert plugin_log(result, 0) == [RASTERIO_MISSING_LINUX]
    assert plugin_log(result, 1) == []
    # The raster algorithms say the same words, and write nothing.
    assert result["runs"] == {
        "flexwonen:builtupfromraster": {"ok": False, "error": RASTERIO_MISSING_LINUX},
        "flexwonen:densityraster": {"ok": False, "error": RASTERIO_MISSING_LINUX}}
    assert not (tmp_path / "density.tif").exists()
    assert_no_python_error(result, stderr)
    assert_nothing_left(result)


@on_linux
def test_without_pyogrio_the_classification_reads_through_qgis(tmp_path, demo_copy):
    """pyogrio is optional: the layers are read and written through QGIS instead; only the
    streamed classification (which reads GeoPackages with it) says what it lacks."""
    result, stderr = run_plugin(tmp_path, "--hide", "pyogrio", "--gpkg", str(demo_copy),
                                "--output-dir", str(tmp_path))
    state = result["loaded_state"]
    assert state["provider"] and state["actions"] == FULL_ACTIONS
    assert "flexwonen:classifysites" in state["algorithms"]
    assert "flexwonen:classifysitesstreamed" in state["algorithms"]
    assert result["bar"]["warning"] == [] and result["bar"]["critical"] == []
    assert plugin_log(result, 0) == [PYOGRIO_MISSING_LINUX]
    streamed = result["runs"].pop("flexwonen:classifysitesstreamed")
    assert result["runs"] == {"flexwonen:classifysites": {"ok": True, "outputs": ["OUTPUT"]}}
    assert not streamed["ok"] and streamed["error"] == (
        "layer 'candidate_sites': the streamed classification reads the file with the Python package "
        "pyogrio, which QGIS's Python lacks; install it from your QGIS distribution's packages "
        "(OSGeo4W: python3-pyogrio; Debian/Ubuntu: python3-pyogrio) or use 'Classify candidate "
        "sites by built-up area'")
    assert not (tmp_path / "streamed.gpkg").exists()
    from qgis.core import QgsVectorLayer
    classified = QgsVectorLayer(str(tmp_path / "classified.gpkg"), "classified", "ogr")
    assert classified.isValid() and classified.featureCount() > 0
    assert {f["location_class"] for f in classified.getFeatures()} <= {"inside", "edge", "outside"}
    assert_no_python_error(result, stderr)
    assert_nothing_left(result)


@on_linux
def test_qgis_process_without_geopandas_says_what_to_install(tmp_path):
    """The installed plugin in qgis_process (no message bar there): the message on stderr,
    then QGIS's own "not found", no traceback."""
    program = shutil.which("qgis_process.bin")  # the qgis_process wrapper adds a bad flag
    assert program, "qgis_process is missing; run make setup"
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_package import package_files
    plugins = tmp_path / "profiles" / "profiles" / "default" / "python" / "plugins"
    for source, name in package_files():
        target = plugins / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    hider = tmp_path / "hider"
    hider.mkdir()
    # sitecustomize runs before qgis_process loads any plugin.
    (hider / "sitecustomize.py").write_text(
        "import importlib.abc, sys\n\n\n"
        "class Hider(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'geopandas':\n"
        "            raise ModuleNotFoundError(f\"No module named '{name}'\", name=name)\n\n\n"
        "sys.meta_path.insert(0, Hider())\n", encoding="utf-8")
    environment = child_environment(tmp_path)
    environment.update(QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profiles"),
                       PYTHONPATH=os.pathsep.join([str(hider), sysconfig.get_paths()["purelib"]]))

    def qgis_process(*arguments):
        return subprocess.run([program, *arguments], env=environment, capture_output=True,  # nosec B603
                              text=True, timeout=300, check=False)
    assert qgis_process("plugins", "enable", PLUGIN).returncode == 0
    completed = qgis_process("run", "flexwonen:classifysites", "--", "SITES=x")
    assert completed.returncode != 0
    lines = completed.stderr.splitlines()
    assert GEOPANDAS_MISSING_LINUX in lines
    assert lines.count(GEOPANDAS_MISSING_LINUX) == 1
    assert "Algorithm flexwonen:classifysites not found!" in completed.stdout + completed.stderr
    for word in ("Traceback", "ImportError", "ModuleNotFoundError"):
        assert word not in completed.stdout + completed.stderr


# ----------------------------------------------------------------------------- in this process

def test_versions_are_compared_by_their_release_numbers():
    assert dependencies.version_numbers("2.0.1") == (2, 0, 1)
    assert dependencies.version_numbers("1.0.0rc1") == (1, 0, 0)
    assert dependencies.version_numbers("0.14.4+dfsg") == (0, 14, 4)
    assert dependencies.at_least("2.0", "2.0") and dependencies.at_least("2.0.0", "2.0")
    assert dependencies.at_least("1.0.1", "0.14") and dependencies.at_least("0.14.0", "0.14")
    assert not dependencies.at_least("1.8.5", "2.0") and not dependencies.at_least("0.12.2", "0.14")
    assert dependencies.at_least(None, "2.0") and dependencies.at_least("unknown", "2.0")


def test_this_environment_has_every_package_the_plugin_needs():
    assert dependencies.check_required() == []
    assert dependencies.check_optional() == []


def test_a_missing_or_broken_package_is_reported_without_raising(tmp_path, monkeypatch):
    missing = dependencies.Package("flexwonen_no_such_package", "1.0", "python3-x", "python3-x")
    assert dependencies.check([missing]) == [Problem(missing)]
    broken = tmp_path / "flexwonen_broken_package"
    broken.mkdir()
    (broken / "__init__.py").write_text("raise OSError('libgeos_c.so: cannot open')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    package = dependencies.Package("flexwonen_broken_package", "1.0", "x", "x")
    problem, = dependencies.check([package])
    assert problem.error == "libgeos_c.so: cannot open"
    assert dependencies.describe_problem(problem) == \
        "flexwonen_broken_package 1.0 or newer (cannot be loaded: libgeos_c.so: cannot open)"
    optional = dependencies.Package("flexwonen_no_such_package", "1.0", "x", "x", required=False)
    assert dependencies.check([optional]) == [Problem(optional)]


def test_a_package_failing_for_a_missing_dependency_is_named_only_when_missing_too(tmp_path, monkeypatch):
    """pandas missing: geopandas (installed) fails because of it and is not named; a
    geopandas that is missing as well is named at once (one round of installing)."""
    dependent = tmp_path / "flexwonen_dependent_package"
    dependent.mkdir()
    (dependent / "__init__.py").write_text("import flexwonen_no_such_package\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    missing = dependencies.Package("flexwonen_no_such_package", "1.0", "x", "x")
    installed = dependencies.Package("flexwonen_dependent_package", "1.0", "x", "x")
    also_missing = dependencies.Package("flexwonen_no_such_package_either", "1.0", "x", "x")
    assert dependencies.check([missing, installed]) == [Problem(missing)]
    assert dependencies.check([missing, also_missing]) == [Problem(missing), Problem(also_missing)]
    assert dependencies.check([installed])[0].error == "No module named 'flexwonen_no_such_package'"


def test_install_advice_per_platform():
    problems = [Problem(SHAPELY, "1.8.5"), Problem(GEOPANDAS)]
    windows = dependencies.required_message(problems, "win32")
    assert windows == (
        "Flexwonen Limburg's tools stay off: QGIS's Python needs shapely 2.0 or newer (found 1.8.5), "
        "geopandas 0.14 or newer (not installed). Windows: in the OSGeo4W Setup (the network "
        "installer, Advanced Install) select python3-shapely, python3-geopandas, then restart QGIS. "
        "The QGIS installers for Windows include geopandas, shapely, pandas and pyogrio from QGIS "
        "3.40 on. " + NO_WHEELS)
    macos = dependencies.required_message(problems, "darwin")
    assert "macOS: use a QGIS build whose Python has shapely, geopandas, e.g. conda-forge's: conda " \
           "create -n qgis -c conda-forge qgis geopandas rasterio" in macos and macos.endswith(NO_WHEELS)
    assert "sudo apt install python3-shapely python3-geopandas," in dependencies.required_message(problems, "linux")
    assert "Install shapely, geopandas from the packages of your QGIS distribution" in \
        dependencies.required_message(problems, "freebsd14")
    # rasterio alone: no word about geopandas in the advice.
    assert "geopandas" not in dependencies.install_advice([Problem(RASTERIO)], "linux")
    assert "installers for Windows include" not in dependencies.install_advice([Problem(RASTERIO)], "win32")


def test_the_rasterio_texts_state_the_minimum_and_the_package_per_platform():
    texts = dependencies.RASTERIO_MISSING
    assert set(texts) == {"windows", "linux", "macos", "other"}
    for text in texts.values():
        assert f"rasterio {RASTERIO.minimum} or newer" in text and text.endswith("crashes QGIS.")
    assert "select python3-rasterio" in texts["windows"]
    assert "sudo apt install python3-rasterio" in texts["linux"]
    assert "conda-forge qgis geopandas rasterio" in texts["macos"]
    assert dependencies.rasterio_missing("win32") == texts["windows"]
    assert dependencies.rasterio_missing("darwin") == texts["macos"]


def test_an_old_rasterio_gets_the_same_message(monkeypatch):
    import rasterio

    from limburg_flexwonen_plugin.core import builtup_from_raster
    from limburg_flexwonen_plugin.core.errors import InputError
    assert builtup_from_raster.import_rasterio() is rasterio
    monkeypatch.setattr(rasterio, "__version__", "1.2.10")
    with pytest.raises(InputError) as raised:
        builtup_from_raster.import_rasterio()
    assert str(raised.value) == dependencies.rasterio_missing()


def test_only_a_missing_optional_package_lets_an_algorithm_module_be_skipped():
    assert dependencies.optional_package_of(ModuleNotFoundError("x", name="pyogrio")) == "pyogrio"
    assert dependencies.optional_package_of(ModuleNotFoundError("x", name="rasterio.features")) == "rasterio"
    assert dependencies.optional_package_of(ModuleNotFoundError("x", name="geopandas")) is None
    assert dependencies.optional_package_of(ImportError("cannot import name 'x' from 'pyogrio'")) is None


def test_the_plugin_package_and_its_entry_module_import_nothing_heavy():
    """What classFactory imports may not pull in the GIS packages (read from the code:
    importing it here would prove nothing, geopandas being loaded already)."""
    import ast
    heavy = {"geopandas", "shapely", "pandas", "numpy", "pyproj", "pyogrio", "rasterio"}
    # core/resource_files.py (the plugin's paths) and core/dependencies.py import only the
    # standard library, and core/__init__.py nothing: they are checked like the entry modules.
    light_core = {".core.resource_files", ".resource_files", ".core.dependencies", ".dependencies"}
    for name in ("__init__.py", "plugin.py", "core/dependencies.py", "bridge/__init__.py",
                 "bridge/language.py", "bridge/log.py", "core/__init__.py", "core/resource_files.py"):
        tree = ast.parse((ROOT / PLUGIN / name).read_text(encoding="utf-8"))
        for node in tree.body:  # module level only: imports inside functions run later
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else \
                    [f".{node.module or ''}"] + [f".{alias.name}" for alias in node.names]
            else:
                continue
            if names in ([".core", ".resource_files"], [".core", ".dependencies"]):
                continue   # from .core import resource_files / dependencies
            for imported in names:
                if imported in light_core:
                    continue
                assert imported.split(".")[0] not in heavy, (name, imported)
                assert imported.lstrip(".").split(".")[0] not in ("core", "processing", "gui", "layouts"), \
                    (name, imported)

