"""Loading official boundaries and inhabitants (flexwonen:loadofficialdata) against a
local fake PDOK (tests/fake_pdok.py on 127.0.0.1): paging to the end, the CRS, the
selection, the inhabitants, the stand-in's label, the provenance; and the messages
when a service fails, is slow, or cannot be reached. No test touches the internet."""
import json
import socket
import sqlite3
import subprocess  # nosec B404 (starts the local fake server)
import sys
import threading
import time
import traceback
from pathlib import Path

import pytest
from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication

import processing
from limburg_flexwonen_plugin.bridge import settings
from test_translations import compiled_qm, dutch, dutch_locale  # noqa: F401 (fixtures)

ALGORITHM = "flexwonen:loadofficialdata"
BOUNDARIES = "CBS Gebiedsindelingen 2024, gemeente_gegeneraliseerd"
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def fake_pdok():
    """The fake PDOK in a process of its own; its base address."""
    server = subprocess.Popen([sys.executable, str(HERE / "fake_pdok.py")],  # nosec B603
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    yield f"http://127.0.0.1:{port}"
    server.stdin.close()
    server.wait(timeout=30)


@pytest.fixture
def services(fake_pdok):
    """The plugin's service settings pointed at the fake PDOK; restored afterwards."""
    def point(boundaries="gebiedsindelingen", timeout=None):
        settings.set_service_url(settings.BOUNDARIES_URL, f"{fake_pdok}/{boundaries}")
        settings.set_service_url(settings.INHABITANTS_URL, f"{fake_pdok}/wijken-en-buurten-{{year}}")
        settings.set_service_url(settings.KERNEN_URL, f"{fake_pdok}/bevolkingskernen-{{year}}")
        if timeout is not None:
            settings.set_network_timeout(timeout)
    point()
    yield point
    for key in settings.SERVICE_DEFAULTS:
        settings.set_service_url(key, "")
    settings.set_network_timeout(settings.DEFAULT_TIMEOUT_S)


def requests_received(fake_pdok):
    from qgis.core import QgsBlockingNetworkRequest
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtNetwork import QNetworkRequest
    blocking = QgsBlockingNetworkRequest()
    assert blocking.get(QNetworkRequest(QUrl(f"{fake_pdok}/_log")), True) == \
        QgsBlockingNetworkRequest.ErrorCode.NoError
    return json.loads(bytes(blocking.reply().content()))["requests"]


def rows(path, layer, order="fid"):
    vector = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert vector.isValid(), f"{path} has no layer {layer}"
    assert vector.crs().authid() == "EPSG:28992"
    names = vector.fields().names()
    return [dict(zip(names, feature.attributes()), geometry=feature.geometry())
            for feature in sorted(vector.getFeatures(), key=lambda f: f[order])]


def descriptions(path):
    with sqlite3.connect(path) as connection:
        return dict(connection.execute("SELECT table_name, description FROM gpkg_contents"))


def run(tmp_path, name="official.gpkg", **values):
    parameters = {"PROVINCES": "PV31", "YEAR": 2024, "INHABITANTS": True, "INHABITANTS_YEAR": 2023,
                  "BUILTUP_STANDIN": False, "OUTPUT": str(tmp_path / name)}
    parameters.update(values)
    return processing.run(ALGORITHM, parameters, feedback=QgsProcessingFeedback())


def test_limburg_is_loaded_from_every_page_in_rd_with_inhabitants_and_sources(
        flexwonen_provider, services, fake_pdok, tmp_path):
    result = run(tmp_path, BUILTUP_STANDIN=True)
    path = result["OUTPUT"]
    assert result["MUNICIPALITY_COUNT"] == 5
    municipalities = rows(path, "municipalities", "gm_code")
    # Brabant's municipality stays out; Heerlen (in the last page) is there; 2023's
    # Oud-Heerlen is not a 2024 municipality.
    assert [(m["gm_code"], m["gm_name"], m["region"], m["region_code"], m["province_code"])
            for m in municipalities] == [
        ("GM0917", "Heerlen", "Zuid-Limburg", "CR39", "PV31"),
        ("GM0935", "Maastricht", "Zuid-Limburg", "CR39", "PV31"),
        ("GM0957", "Roermond", "Midden-Limburg", "CR38", "PV31"),
        ("GM0983", "Venlo", "Noord-Limburg", "CR37", "PV31"),
        ("GM1894", "Peel en Maas", "Noord-Limburg", "CR37", "PV31")]
    by_code = {m["gm_code"]: m for m in municipalities}
    # Venlo's water part (water = JA) is not counted; Heerlen's figure is secret (negative).
    assert by_code["GM0983"]["inhabitants"] == 102_361 and by_code["GM0983"]["inhabitants_year"] == 2023
    assert by_code["GM0935"]["inhabitants"] == 121_151
    assert by_code["GM0917"]["inhabitants"] is None or str(by_code["GM0917"]["inhabitants"]) == "NULL"
    assert "no inhabitants in CBS Kerncijfers wijken en buurten 2023" in by_code["GM0917"]["remarks"]
    # Asked for in RD New and delivered so: the rectangles as served, in metres.
    assert by_code["GM0983"]["geometry"].area() == pytest.approx(40_000 * 30_000)
    assert by_code["GM0983"]["geometry"].boundingBox().toString(0) == "170000,390000 : 210000,420000"
    source = ("Kadaster / CBS, CBS Gebiedsindelingen, 2024, CC-BY 4.0; inhabitants: "
              "Kadaster / CBS, CBS Kerncijfers wijken en buurten, 2023, CC-BY 4.0")
    assert {m["source"] for m in municipalities} == {source}
    assert [(r["region_code"], r["region"]) for r in rows(path, "regions", "region_code")] == [
        ("CR37", "Noord-Limburg"), ("CR38", "Midden-Limburg"), ("CR39", "Zuid-Limburg")]
    province = rows(path, "province")
    assert [(p["province_code"], p["province_name"], p["source"]) for p in province] == [
        ("PV31", "Limburg", "Kadaster / CBS, CBS Gebiedsindelingen, 2024, CC-BY 4.0")]
    # The stand-in: the cores in the chosen municipalities, sent in longitude/latitude
    # and reprojected by QGIS; each row says what it stands in for.
    kernen = rows(path, "builtup_standin", "kern_name")
    assert [(k["kern_name"], k["gm_code"]) for k in kernen] == [("Maastricht-kern", "GM0935"),
                                                               ("Venlo-kern", "GM0983")]
    venlo = kernen[1]["geometry"].boundingBox()
    for value, expected in zip((venlo.xMinimum(), venlo.yMinimum(), venlo.xMaximum(), venlo.yMaximum()),
                               (200_000, 400_000, 202_000, 402_000)):
        assert value == pytest.approx(expected, abs=0.05)
    assert all(k["stand_in"].startswith("stand-in for a built-up contour: CBS Bevolkingskernen 2021")
               for k in kernen)
    assert {k["source"] for k in kernen} == {"Kadaster / CBS, CBS Bevolkingskernen, 2021, CC-BY 4.0"}
    described = descriptions(path)
    assert described["municipalities"] == source
    assert described["regions"] == "Kadaster / CBS, CBS Gebiedsindelingen, 2024, CC-BY 4.0"
    assert "stand-in" in described["builtup_standin"]
    # Every page was asked for, in RD New, for the chosen year.
    asked = [r for r in requests_received(fake_pdok) if "/gemeente_gegeneraliseerd/items" in r]
    assert len(asked) == 3   # the 6 municipalities of 2024, two per page
    assert all("jaarcode=2024" in r and "crs=http" in r for r in asked)
    assert sorted("cursor=" in r for r in asked) == [False, True, True]


def test_chosen_municipalities_bring_their_regions_and_province(flexwonen_provider, services, tmp_path):
    result = run(tmp_path, PROVINCES="", MUNICIPALITIES="983; GM0935", INHABITANTS=False)
    path = result["OUTPUT"]
    municipalities = rows(path, "municipalities", "gm_code")
    assert [(m["gm_code"], m["region"]) for m in municipalities] == [("GM0935", "Zuid-Limburg"),
                                                                    ("GM0983", "Noord-Limburg")]
    assert all(str(m["inhabitants"]) == "NULL" or m["inhabitants"] is None for m in municipalities)
    assert {m["source"] for m in municipalities} == {"Kadaster / CBS, CBS Gebiedsindelingen, 2024, CC-BY 4.0"}
    assert [r["region_code"] for r in rows(path, "regions", "region_code")] == ["CR37", "CR39"]
    assert [p["province_code"] for p in rows(path, "province")] == ["PV31"]
    assert "builtup_standin" not in descriptions(path)


def test_the_year_chooses_the_boundaries(flexwonen_provider, services, tmp_path):
    """2023 had Oud-Heerlen, not Heerlen; the kerncijfers have no figure for it."""
    result = run(tmp_path, YEAR=2023, PROVINCES="Limburg")
    municipalities = {m["gm_code"]: m for m in rows(result["OUTPUT"], "municipalities")}
    assert sorted(municipalities) == ["GM0935", "GM0957", "GM0983", "GM0999", "GM1894"]
    assert municipalities["GM0999"]["inhabitants"] in (None,) or str(municipalities["GM0999"]["inhabitants"]) == "NULL"
    assert municipalities["GM0999"]["remarks"] == "no inhabitants in CBS Kerncijfers wijken en buurten 2023"
    assert municipalities["GM0983"]["source"].startswith("Kadaster / CBS, CBS Gebiedsindelingen, 2023,")


@pytest.mark.parametrize("values,expected", [
    ({"PROVINCES": "Atlantis"}, "unknown province Atlantis; known in 2024: PV30 Noord-Brabant, PV31 Limburg"),
    ({"PROVINCES": "", "MUNICIPALITIES": "GM0001"}, "no municipality with the code GM0001 in 2024"),
    ({"PROVINCES": ""}, "choose a province or municipalities"),
])
def test_a_wrong_choice_is_named_and_nothing_is_written(flexwonen_provider, services, tmp_path, values, expected):
    with pytest.raises(QgsProcessingException) as raised:
        run(tmp_path, **values)
    assert expected in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@pytest.mark.parametrize("service,expected", [
    ("error500", "the service answered with HTTP error 500 (Internal Server Error) to http"),
    ("brokenpage", "the service answered with HTTP error 502 (Bad Gateway) to http"),
    ("notjson", "is not JSON (it starts with '<html><body>Maintenance"),
    ("slow", "the service did not answer within 1 seconds"),
    ("offline", "cannot reach the service"),
])
def test_a_failing_service_gives_one_clear_message_and_no_output(
        flexwonen_provider, services, fake_pdok, tmp_path, service, expected):
    if service == "offline":
        settings.set_service_url(settings.BOUNDARIES_URL, f"http://127.0.0.1:{closed_port()}/gebiedsindelingen")
        settings.set_network_timeout(5)
    else:
        services(boundaries=service, timeout=1)
    started = time.perf_counter()
    with pytest.raises(QgsProcessingException) as raised:
        run(tmp_path)
    message = str(raised.value)
    assert message.startswith(f"layer '{BOUNDARIES}': "), message
    assert expected in message
    assert "Settings › Options" in message   # says where to look
    assert "Traceback" not in message and "Unexpected error" not in message
    assert list(tmp_path.iterdir()) == []
    if service == "slow":
        assert time.perf_counter() - started < 5   # the time-out, not the server, ended it


def test_the_offline_message_is_in_dutch(flexwonen_provider, services, dutch, tmp_path):  # noqa: F811
    settings.set_service_url(settings.BOUNDARIES_URL, f"http://127.0.0.1:{closed_port()}/gebiedsindelingen")
    with pytest.raises(QgsProcessingException) as raised:
        run(tmp_path)
    message = str(raised.value)
    assert message.startswith(f"laag '{BOUNDARIES}': de dienst is niet bereikbaar"), message
    assert "Extra › Opties › Flexwonen Limburg" in message


_PYPROJ_IN_WORKERS = []


@pytest.fixture
def pyproj_watch():
    """Records every pyproj CRS or Transformer made outside the main thread."""
    import pyproj.crs.crs as crs_module
    import pyproj.transformer as transformer_module
    crs_class, transformer_class = crs_module.CRS, transformer_module.Transformer
    original_init, original_transformer_init = crs_class.__init__, transformer_class.__init__

    def record(kind):
        if threading.current_thread() is not threading.main_thread():
            _PYPROJ_IN_WORKERS.append(kind + "".join(traceback.format_stack(limit=8)))

    def guarded_init(self, *args, **kwargs):
        record("pyproj CRS")
        original_init(self, *args, **kwargs)

    def guarded_transformer_init(self, *args, **kwargs):
        record("pyproj Transformer")
        original_transformer_init(self, *args, **kwargs)
    crs_class.__init__, transformer_class.__init__ = guarded_init, guarded_transformer_init
    _PYPROJ_IN_WORKERS.clear()
    yield _PYPROJ_IN_WORKERS
    crs_class.__init__, transformer_class.__init__ = original_init, original_transformer_init


def test_the_loader_runs_in_a_processing_worker_thread(flexwonen_provider, services, pyproj_watch, tmp_path):
    """As the Processing dialog runs it: a QgsProcessingAlgRunnerTask on a pool thread,
    where QgsBlockingNetworkRequest waits for the pages; no pyproj object is made there
    (the stand-in's longitude/latitude are reprojected by QGIS)."""
    reference = run(tmp_path, name="main.gpkg", BUILTUP_STANDIN=True)["OUTPUT"]
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    parameters = {"PROVINCES": "PV31", "YEAR": 2024, "INHABITANTS": True, "INHABITANTS_YEAR": 2023,
                  "BUILTUP_STANDIN": True, "OUTPUT": str(tmp_path / "worker.gpkg")}
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    done = {}
    task.executed.connect(lambda ok, results: done.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    deadline = time.perf_counter() + 120
    while "ok" not in done:
        assert time.perf_counter() < deadline, "the task did not end"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert done["ok"], feedback.textLog()[-2000:]
    assert not pyproj_watch, pyproj_watch[0]
    for layer in ("municipalities", "regions", "province", "builtup_standin"):
        assert [{k: str(v) for k, v in row.items() if k != "geometry"} | {"wkt": row["geometry"].asWkt(2)}
                for row in rows(done["results"]["OUTPUT"], layer)] == \
            [{k: str(v) for k, v in row.items() if k != "geometry"} | {"wkt": row["geometry"].asWkt(2)}
             for row in rows(reference, layer)]


def test_cancel_while_loading_leaves_no_file(flexwonen_provider, services, tmp_path):
    class CancelAtFirstReport(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802 (QGIS's name)
            super().setProgress(progress)
            self.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(ALGORITHM, {"PROVINCES": "PV31", "OUTPUT": str(tmp_path / "official.gpkg")},
                       feedback=CancelAtFirstReport())
    assert list(tmp_path.iterdir()) == []


def test_service_settings_have_documented_defaults():
    assert settings.service_url(settings.BOUNDARIES_URL) == "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1"
    assert settings.service_url(settings.INHABITANTS_URL) == \
        "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1"
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    for default in settings.SERVICE_DEFAULTS.values():
        assert default in readme
    assert settings.network_timeout() == settings.DEFAULT_TIMEOUT_S


def test_the_menu_entry_opens_the_loaders_dialog(qgis_iface, qgis_new_project, flexwonen_provider):
    """The plugin menu's entry opens this algorithm's Processing dialog (closed again here)."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.gui import QgsBrowserGuiModel
    from limburg_flexwonen_plugin.plugin import FlexwonenPlugin
    # The Processing dialog asks the desktop for its browser model, as QGIS has one.
    browser = QgsBrowserGuiModel(qgis_iface.mainWindow())
    qgis_iface.browserModel = lambda: browser
    plugin = FlexwonenPlugin(qgis_iface)
    plugin.initGui()
    seen = []

    def close_dialog(tries=[0]):
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and hasattr(w, "algorithm") and hasattr(w, "reject")]
        tries[0] += 1
        if not dialogs and tries[0] < 100:
            QTimer.singleShot(100, close_dialog)
            return
        for dialog in dialogs:
            seen.append(dialog.algorithm().id())
            dialog.reject()
    try:
        action = next(a for a in plugin.actions if a.objectName() == "FlexwonenLimburg_official_data")
        assert action.text() == "Load official boundaries and inhabitants (PDOK)…"
        assert action not in plugin.toolbar.actions()   # the menu only
        QTimer.singleShot(100, close_dialog)
        action.trigger()
    finally:
        plugin.unload()
    assert seen == [ALGORITHM]


def test_answers_are_read_as_cbs_writes_them():
    """The pure part: CRS from the header, codes typed by users, inhabitants in the
    spellings CBS has used, provinces by code, number or name."""
    import geopandas as gpd
    from shapely.geometry import box
    from limburg_flexwonen_plugin.core import official_data as official
    from limburg_flexwonen_plugin.core.errors import InputError
    assert official.crs_of_response(f"<{official.RD_CRS_URI}>") == "EPSG:28992"
    assert official.crs_of_response(None) == "EPSG:4326"
    assert official.crs_of_response("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>") == "EPSG:4326"
    assert official.parse_codes(" PV31, Limburg;\n983 ") == ["PV31", "Limburg", "983"]
    camel = gpd.GeoDataFrame({"gemeentecode": ["GM0983", "GM0935", "GM0917"],
                              "aantalInwoners": [102_361, 121_151, -99_999_997]}, geometry=[None] * 3)
    table = official.inhabitants_table(camel, "kwb")
    assert table["GM0983"] == 102_361 and table["GM0935"] == 121_151 and table.isna()["GM0917"]
    with pytest.raises(InputError) as raised:
        official.inhabitants_table(gpd.GeoDataFrame({"naam": ["x"]}, geometry=[None]), "kwb")
    assert "lacks the fields gemeentecode, aantal_inwoners" in str(raised.value)
    provinces = gpd.GeoDataFrame({"statcode": ["PV31", "PV30"], "statnaam": ["Limburg", "Noord-Brabant"]},
                                 geometry=[box(0, 0, 10, 10), box(10, 0, 20, 10)])
    regions = gpd.GeoDataFrame({"statcode": ["CR39"], "statnaam": ["Zuid-Limburg"]}, geometry=[box(0, 0, 10, 10)])
    municipalities = gpd.GeoDataFrame({"statcode": ["GM0935", "GM0796"], "statnaam": ["Maastricht", "Den Bosch"]},
                                      geometry=[box(1, 1, 2, 2), box(11, 1, 12, 2)])
    for frame in (provinces, regions, municipalities):
        frame.attrs["crs"] = "EPSG:28992"
    layers = {"provinces": "p", "regions": "r", "municipalities": "m"}
    for key in (["limburg"], ["31"], ["pv31"]):
        chosen = official.select_areas(provinces, regions, municipalities, key, [], 2024, layers)
        assert list(chosen.municipalities["gm_code"]) == ["GM0935"], key
        assert list(chosen.provinces["province_code"]) == ["PV31"]
    brabant = official.select_areas(provinces, regions, municipalities, ["PV30"], [], 2024, layers)
    assert list(brabant.municipalities["region"]) == [None]
    assert brabant.remarks == ["Den Bosch: in no COROP region of 2024"]
    assert list(brabant.regions["region_code"]) == []


def test_run_from_the_dialog_adds_the_layers_named_by_year(flexwonen_provider, services, qgis_new_project, tmp_path):
    """As the dialog runs it (results loaded): one layer per output layer, in RD New."""
    project = QgsProject.instance()
    processing.runAndLoadResults(ALGORITHM, {"PROVINCES": "Limburg", "YEAR": 2024, "INHABITANTS": False,
                                             "BUILTUP_STANDIN": True, "OUTPUT": str(tmp_path / "o.gpkg")})
    loaded = {layer.name(): layer for layer in project.mapLayers().values()}
    try:
        assert sorted(loaded) == ["COROP regions 2024 (CBS)", "Municipalities 2024 (CBS)",
                                  "Population cores 2021 (stand-in for built-up area)", "Province 2024 (CBS)"]
        assert loaded["Municipalities 2024 (CBS)"].featureCount() == 5
        assert all(layer.crs().authid() == "EPSG:28992" for layer in loaded.values())
    finally:
        project.removeAllMapLayers()
