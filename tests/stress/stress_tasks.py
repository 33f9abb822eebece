"""Background-thread stress: every algorithm and the panel's assessment, many times, in
QGIS's own worker threads. Run by ``tests/test_thread_stress.py`` in a child process, so
that a crash of QGIS (a segmentation fault in a worker thread) fails that test with the
child's trace instead of ending the whole test session.

QGIS's task manager runs tasks on Qt's global thread pool, whose threads end after an
idle while and new ones start later: in the desktop, the threads that run algorithms
come and go. The pool's expiry is made short here, so that every batch of tasks runs on
fresh threads and the ones before have ended: the situation that killed QGIS 3.44 when
pyproj objects were made in worker threads.
"""
import hashlib
import threading
import time
import traceback
from pathlib import Path
from typing import Dict, List

import pytest
from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingAlgRunnerTask,
                       QgsProcessingContext, QgsProcessingFeedback, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterVectorDestination, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QThreadPool

from test_bad_input import (MINIMAL_PARAMETERS, algorithm_of, minimal_parameters,  # noqa: F401
                            valid_inputs)
from test_panel import choose_demo_layers, demo_layers, panel, wait_for  # noqa: F401

RUNS = 20
AT_ONCE = 3          # tasks in flight together (the pool has as many threads as cores)
THREAD_EXPIRY_MS = 50


_PYPROJ_IN_WORKERS: List[str] = []


def _record_worker_thread(kind):
    thread = threading.current_thread()
    if thread is not threading.main_thread():
        _PYPROJ_IN_WORKERS.append(f"{kind} made in thread {thread.name}:\n"
                                  + "".join(traceback.format_stack(limit=12)[:-2]))


@pytest.fixture(scope="session", autouse=True)
def watch_pyproj_threads():
    """Records every pyproj CRS or Transformer made outside the main thread (the thread
    rule, bridge/read.py): such a run is wrong on every QGIS, also where PROJ happens
    not to crash (QGIS 3.22)."""
    import pyproj.crs.crs as crs_module
    import pyproj.transformer as transformer_module
    crs_class, transformer_class = crs_module.CRS, transformer_module.Transformer
    original_init, original_crs = crs_class.__init__, crs_class._crs
    original_transformer_init = transformer_class.__init__

    def guarded_init(self, *args, **kwargs):
        _record_worker_thread("pyproj CRS")
        original_init(self, *args, **kwargs)

    def guarded_crs(self):
        # The PROJ object behind a CRS is made per thread, on first use in that thread.
        if self._local.crs is None:
            _record_worker_thread("pyproj CRS (used)")
        return original_crs.fget(self)

    def guarded_transformer_init(self, *args, **kwargs):
        _record_worker_thread("pyproj Transformer")
        original_transformer_init(self, *args, **kwargs)
    crs_class.__init__, crs_class._crs = guarded_init, property(guarded_crs)
    transformer_class.__init__ = guarded_transformer_init
    yield
    crs_class.__init__, crs_class._crs = original_init, original_crs
    transformer_class.__init__ = original_transformer_init


@pytest.fixture(autouse=True)
def no_pyproj_in_worker_threads(watch_pyproj_threads):
    _PYPROJ_IN_WORKERS.clear()
    yield
    assert not _PYPROJ_IN_WORKERS, (f"{len(_PYPROJ_IN_WORKERS)} pyproj object(s) made in worker "
                                    f"threads; the first:\n{_PYPROJ_IN_WORKERS[0]}")


@pytest.fixture(autouse=True)
def short_lived_pool_threads():
    pool = QThreadPool.globalInstance()
    before = pool.expiryTimeout()
    pool.setExpiryTimeout(THREAD_EXPIRY_MS)
    yield
    pool.setExpiryTimeout(before)


def wait_until(condition, seconds=600.0):
    deadline = time.perf_counter() + seconds
    while not condition():
        assert time.perf_counter() < deadline, "timed out waiting for background tasks"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def let_threads_expire():
    """Waits until the pool's idle threads have ended, so the next tasks start new ones."""
    time.sleep(THREAD_EXPIRY_MS * 3 / 1000)
    QCoreApplication.processEvents()


def output_digest(algorithm, results: dict) -> Dict[str, object]:
    """What a user would compare between two runs: each vector output's rows (attributes
    and geometry), each file output's presence and readability."""
    digest = {}
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        value = results.get(name)
        if value is None:
            continue
        if isinstance(definition, (QgsProcessingParameterFeatureSink,
                                   QgsProcessingParameterVectorDestination)):
            layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(str(value), name, "ogr")
            assert layer.isValid(), f"output {name} does not open: {value}"
            rows = sorted(hashlib.sha256(
                (repr([str(v) for v in feature.attributes()]) + feature.geometry().asWkt(3)).encode()
            ).hexdigest() for feature in layer.getFeatures())
            digest[name] = (layer.featureCount(), hashlib.sha256("".join(rows).encode()).hexdigest())
        else:
            path = Path(str(value))
            if path.is_dir():
                digest[name] = sorted(p.name for p in path.iterdir() if p.stat().st_size > 0)
            else:
                digest[name] = path.is_file() and path.stat().st_size > 0
    return digest


def out_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_on_main_thread(algorithm_id, parameters):
    import processing
    return processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())


@pytest.mark.parametrize("algorithm_id", sorted(MINIMAL_PARAMETERS))
def test_algorithm_many_times_in_background_tasks(flexwonen_provider, valid_inputs, tmp_path, algorithm_id):
    algorithm = algorithm_of(algorithm_id)
    reference = output_digest(algorithm, run_on_main_thread(
        algorithm_id, minimal_parameters(algorithm_id, valid_inputs[1], out_dir(tmp_path / "reference"))))
    assert reference, f"{algorithm_id} wrote no output"

    if algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading:
        # QGIS runs these on the main thread (layouts), as here. Not while tasks run:
        # Processing's own context set-up on the main thread (createExpressionContext,
        # projectScope of the project) then crashes QGIS 3.40 now and then, as it does with
        # QGIS's own native:buffer (qgis/QGIS#58296, open): QGIS's race, not the plugin's.
        for number in range(RUNS):
            results = run_on_main_thread(
                algorithm_id, minimal_parameters(algorithm_id, valid_inputs[1], out_dir(tmp_path / f"run{number}")))
            assert output_digest(algorithm, results) == reference, f"run {number} differs"
        return

    finished: List[dict] = []
    for start in range(0, RUNS, AT_ONCE):
        batch = _start_tasks(algorithm_id, valid_inputs, tmp_path / f"batch{start}",
                             min(AT_ONCE, RUNS - start))
        wait_until(lambda: all(done["finished"] for done in batch))
        finished.extend(batch)
        let_threads_expire()
    assert len(finished) == RUNS
    for number, done in enumerate(finished):
        assert done["ok"], f"run {number} failed: {done['error']}"
        assert output_digest(algorithm, done["results"]) == reference, f"run {number} differs"


def _start_tasks(algorithm_id, valid_inputs, folder, count):
    """``count`` runs of the algorithm as QgsProcessingAlgRunnerTasks, as the Processing
    dialog starts them; returns one record per run, filled in when it ends."""
    algorithm = algorithm_of(algorithm_id)
    records = []
    for number in range(count):
        parameters = minimal_parameters(algorithm_id, valid_inputs[1], out_dir(folder / f"run{number}"))
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        record = {"finished": False, "ok": False, "results": None, "error": None,
                  "keep": (task, context, feedback)}

        def executed(ok, results, record=record, feedback=feedback):
            record.update(finished=True, ok=ok, results=results,
                          error=None if ok else feedback.textLog()[-2000:])
        task.executed.connect(executed)
        records.append(record)
        QgsApplication.taskManager().addTask(task)
    return records


def test_panel_assessment_many_times_from_its_task(panel, demo_layers):  # noqa: F811
    """The Locatietoets panel assesses the selected demo sites 20 times, each run in the
    panel's own QgsTask on a fresh pool thread; every run gives the same card."""
    choose_demo_layers(panel, demo_layers)
    sites = demo_layers["candidate_sites"]
    sites.selectByExpression("\"case\" IN ('inside', 'touching_outside', 'far_outside')")
    first = None
    for number in range(RUNS):
        panel.selected_button.click()
        wait_for(panel, seconds=120)
        outcome = panel.last_outcome
        assert outcome.error is None and not outcome.cancelled, f"run {number}: {outcome.error}"
        assessments = [(a.site_id, a.location_class) for a in panel.assessments]
        assert sorted(cls for _, cls in assessments) == ["edge", "inside", "outside"]
        if first is None:
            first = (assessments, panel.card_text())
        assert (assessments, panel.card_text()) == first, f"run {number} differs"
        let_threads_expire()
