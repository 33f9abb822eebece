"""Security and release quality, as plugins.qgis.org checks an upload.

* Bandit over the plugin package: no finding of medium or high severity, and none at
  all of the checks the plugin repository blocks on (eval/exec, pickle, yaml.load,
  shell=True, unverified SSL, requests without timeout, SQL built from strings,
  subprocess, ...). ``# nosec`` is ignored: nothing in the plugin may be waved through.
* detect-secrets over every file of the built zip: no findings.
* The built zip (``make test`` builds it first) against the repository's rules:
  metadata fields, LICENSE inside, one top-level folder, no caches, size.
* No network at import time: every module of the package imported in a fresh QGIS
  Python whose sockets refuse to connect. Downloads, if ever added, must go through
  QGIS's network manager with a timeout, never urllib/requests.
"""
import ast
import json
import os
import subprocess  # nosec B404 - the tests run the scanners as programs
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import PACKAGE_ZIP, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from check_release import problems  # noqa: E402

PACKAGE = ROOT / "limburg_flexwonen_plugin"
# Bandit checks whose findings block an upload whatever their severity.
BLOCKING_BANDIT_TESTS = {
    "B102",  # exec
    "B307",  # eval
    "B301", "B403",  # pickle
    "B506",  # yaml.load
    "B602", "B604", "B605", "B606", "B607", "B603", "B404",  # shell=True, os.system, subprocess
    "B501", "B502", "B503", "B504",  # unverified or weak SSL
    "B113",  # requests without timeout
    "B608",  # SQL built from strings
    "B310",  # urllib.urlopen on arbitrary schemes
    "B321", "B402",  # ftp
    "B324",  # weak hashes for security
    "B108",  # hard-coded /tmp
    "B105", "B106", "B107",  # hard-coded passwords
}
NETWORK_MODULES = {"urllib", "urllib2", "urllib3", "requests", "httpx", "aiohttp", "http", "socket",
                   "ftplib", "smtplib", "telnetlib", "xmlrpc", "websocket", "websockets"}


def run_tool(*arguments, cwd=None):
    return subprocess.run([sys.executable, "-m", *arguments], cwd=cwd, capture_output=True, text=True,  # nosec B603
                          timeout=300, check=False)


def python_files():
    return sorted(PACKAGE.rglob("*.py"))


@pytest.fixture(scope="module")
def plugin_zip():
    assert PACKAGE_ZIP.exists(), "run `make package` first (make test does)"
    return PACKAGE_ZIP


@pytest.fixture(scope="module")
def unpacked(plugin_zip, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(folder)
    return folder


def test_bandit_finds_nothing_plugins_qgis_org_blocks(tmp_path):
    report = tmp_path / "bandit.json"
    completed = run_tool("bandit", "-r", str(PACKAGE), "-f", "json", "-o", str(report), "-q",
                         "--ignore-nosec")
    assert report.exists(), completed.stderr
    result = json.loads(report.read_text(encoding="utf-8"))
    assert not result["errors"], f"bandit could not scan: {result['errors']}"
    assert result["metrics"]["_totals"]["loc"] > 500, "bandit scanned (almost) nothing"
    blocking = [f"{r['test_id']} {r['issue_severity']} {Path(r['filename']).name}:{r['line_number']} "
                f"{r['issue_text']}" for r in result["results"]
                if r["issue_severity"] in ("MEDIUM", "HIGH") or r["test_id"] in BLOCKING_BANDIT_TESTS]
    assert not blocking, "bandit findings:\n" + "\n".join(blocking)


def test_bandit_would_catch_what_it_must(tmp_path):
    """The scan is not vacuous: the same call flags code doing what the repository blocks."""
    bad = tmp_path / "bad_plugin"
    bad.mkdir()
    (bad / "__init__.py").write_text(
        "import pickle, subprocess, yaml\n"
        "def run(text, data, command):\n"
        "    eval(text)\n"
        "    pickle.loads(data)\n"
        "    yaml.load(data)\n"
        "    subprocess.call(command, shell=True)\n", encoding="utf-8")
    report = tmp_path / "bad.json"
    run_tool("bandit", "-r", str(bad), "-f", "json", "-o", str(report), "-q", "--ignore-nosec")
    found = {r["test_id"] for r in json.loads(report.read_text(encoding="utf-8"))["results"]}
    assert {"B307", "B301", "B506", "B602"} <= found


def test_detect_secrets_finds_nothing_in_the_zip(unpacked):
    completed = run_tool("detect_secrets", "scan", "--all-files", ".", cwd=unpacked)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    scanned = [p for p in unpacked.rglob("*") if p.is_file()]
    assert len(scanned) > 10
    assert report["results"] == {}, f"detect-secrets findings: {report['results']}"


def test_detect_secrets_would_catch_a_key(tmp_path):
    (tmp_path / "settings.py").write_text(
        'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\n'
        'password = "hunter2-but-much-longer-Xq9!"\n', encoding="utf-8")
    completed = run_tool("detect_secrets", "scan", "--all-files", ".", cwd=tmp_path)
    assert json.loads(completed.stdout)["results"], "detect-secrets found nothing in a file full of secrets"


def test_zip_meets_the_plugin_repository_rules(plugin_zip):
    assert problems(plugin_zip) == []


def test_zip_check_catches_what_the_repository_refuses(tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("my-plugin/__init__.py", "")
        archive.writestr("my-plugin/metadata.txt", "[general]\nname=x\nversion=one\n")
        archive.writestr("my-plugin/__pycache__/plugin.cpython-311.pyc", b"")
        archive.writestr("my-plugin/resources.qrc", "<RCC/>")
        archive.writestr("README.md", "")
    found = problems(bad)
    assert any("one top-level folder" in problem for problem in found), found
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("my-plugin/__init__.py", "")
        archive.writestr("my-plugin/metadata.txt", "[general]\nname=x\nversion=one\nicon=icon.svg\n")
        archive.writestr("my-plugin/__pycache__/plugin.cpython-311.pyc", b"")
        archive.writestr("my-plugin/resources.qrc", "<RCC/>")
    found = " | ".join(problems(bad))
    for expected in ("not a valid Python package name", "no LICENSE", "__pycache__", ".qrc",
                     "lacks 'email'", "lacks 'about'", "version 'one'", "icon"):
        assert expected in found, (expected, found)


def test_no_network_at_import_time(tmp_path):
    """Every module of the package imports (and classFactory runs) with sockets refusing."""
    script = tmp_path / "import_offline.py"
    script.write_text(f'''
import importlib, pkgutil, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access at import time")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sys.path.insert(0, {str(ROOT)!r})
import limburg_flexwonen_plugin as package
names = [package.__name__] + [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
plugin = package.classFactory(None)
print("imported", len(names))
''', encoding="utf-8")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROJ_DATA="/usr/share/proj")
    completed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,  # nosec B603
                               timeout=120, env=environment, check=False)
    assert completed.returncode == 0, completed.stderr[-3000:]
    imported = int(completed.stdout.split("imported")[1])
    assert imported == len(python_files()), "not every module was imported"


def test_no_network_library_in_the_plugin():
    """Downloads must use QGIS's network manager (proxy, auth, timeout), never these."""
    offenders = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules = [node.module]
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno} imports {m}" for m in modules
                          if m.split(".")[0] in NETWORK_MODULES]
        text = path.read_text(encoding="utf-8")
        if ("QgsNetworkAccessManager" in text or "QgsBlockingNetworkRequest" in text) and "imeout" not in text:
            offenders.append(f"{path.relative_to(ROOT)} uses QGIS's network manager without a timeout")
    assert not offenders, offenders


def test_no_call_named_exec_or_eval():
    """The repository's upload scan flags any call named exec or eval, methods included
    (QMenu.exec, QDialog.exec): the plugin uses popup()/open() and signals instead."""
    found = []
    for path in sorted((ROOT / "limburg_flexwonen_plugin").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in ("exec", "exec_", "eval"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}()")
    assert not found, "\n".join(found)


def test_plugin_code_parses_as_python_3_9():
    """QGIS builds with Python 3.9 and 3.10 are still in use: no newer syntax (match,
    parenthesised context managers, ...) in the plugin. Only syntax is checked here;
    those Pythons are not run."""
    import ast
    package = ROOT / "limburg_flexwonen_plugin"
    problems = []
    for path in sorted(package.rglob("*.py")):
        try:
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 9))
        except SyntaxError as error:
            problems.append(f"{path.relative_to(ROOT)}:{error.lineno}: {error.msg}")
    assert not problems, problems
