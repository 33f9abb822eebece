"""No crash of QGIS from background threads (see tests/stress/stress_tasks.py).

The stress runs in a child pytest process: a segmentation fault there fails this test
with the child's own trace (faulthandler names the thread and the Python frames),
where in-process it would end the whole session without a word.
"""
import os
import subprocess  # nosec B404 - the child test process
import sys

import pytest

from conftest import ROOT

STRESS = ROOT / "tests" / "stress" / "stress_tasks.py"


@pytest.mark.slow
def test_algorithms_and_panel_in_background_threads_never_crash_qgis(tmp_path):
    environment = dict(os.environ, PYTHONFAULTHANDLER="1")
    completed = subprocess.run(  # nosec B603 - our own interpreter and test file
        [sys.executable, "-X", "faulthandler", "-m", "pytest", str(STRESS), "-q", "-p", "no:cacheprovider",
         "-p", "no:randomly", "--basetemp", str(tmp_path / "stress"), "-o", "addopts=", "-x"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=3000)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, (
        f"the stress run ended with code {completed.returncode}"
        f"{' (killed by signal %d: QGIS crashed)' % -completed.returncode if completed.returncode < 0 else ''}"
        f":\n{output[-12000:]}")
    assert " passed" in output and "failed" not in output.splitlines()[-1]
