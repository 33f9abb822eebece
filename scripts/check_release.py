"""Checks a built plugin zip against the rules plugins.qgis.org applies on upload.

    python scripts/check_release.py dist/limburg_flexwonen_plugin.zip

Prints every problem found and exits 1 when there is one. The same checks run in
``make test`` (tests/test_release.py), together with the security scans.
"""
import argparse
import configparser
import re
import sys
import zipfile
from pathlib import Path
from typing import List

MAX_BYTES = 25 * 1024 * 1024
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email",
                     "about", "tracker", "repository")
FORBIDDEN_PARTS = ("__pycache__", ".git", ".svn", ".hg", ".pytest_cache", ".hypothesis", ".idea",
                   ".vscode", "__MACOSX")
FORBIDDEN_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini", "resources_rc.py", "resources.py")
FORBIDDEN_SUFFIXES = (".pyc", ".pyo", ".qrc", ".orig", ".rej", ".swp")
VERSION = re.compile(r"^\d+\.\d+(\.\d+)?([-.]?(alpha|beta|rc|dev)\d*)?$")
QGIS_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL = re.compile(r"^https?://\S+$")


def problems(zip_path) -> List[str]:
    """Every rule the zip breaks, as readable sentences; an empty list when it is fine."""
    zip_path = Path(zip_path)
    found: List[str] = []
    if not zip_path.exists():
        return [f"{zip_path} does not exist"]
    if zip_path.stat().st_size > MAX_BYTES:
        found.append(f"the zip is {zip_path.stat().st_size / 2**20:.1f} MiB, more than 25 MiB")
    try:
        archive = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile:
        return [f"{zip_path.name} is not a zip file"]
    with archive:
        names = [info.filename for info in archive.infolist()]
        if archive.testzip() is not None:
            found.append("the zip holds a corrupt member")
        tops = {name.split("/")[0] for name in names}
        if len(tops) != 1 or any("/" not in name for name in names):
            found.append(f"the zip must hold exactly one top-level folder, holds {sorted(tops)}")
            return found
        folder = tops.pop()
        if not folder.isidentifier():
            found.append(f"the plugin folder '{folder}' is not a valid Python package name")
        for required in ("__init__.py", "metadata.txt"):
            if f"{folder}/{required}" not in names:
                found.append(f"{required} is missing from the plugin folder")
        if not any(re.fullmatch(rf"{re.escape(folder)}/LICEN[CS]E(\.(txt|md))?", n) for n in names):
            found.append("the plugin folder holds no LICENSE file")
        for name in names:
            parts = name.split("/")
            if any(part in FORBIDDEN_PARTS for part in parts):
                found.append(f"forbidden folder in the zip: {name}")
            elif parts[-1] in FORBIDDEN_NAMES or name.endswith(FORBIDDEN_SUFFIXES):
                found.append(f"forbidden file in the zip: {name}")
            if name.startswith("/") or ".." in parts:
                found.append(f"unsafe path in the zip: {name}")
        if f"{folder}/metadata.txt" in names:
            text = archive.read(f"{folder}/metadata.txt").decode("utf-8", errors="replace")
            found += _metadata_problems(text, names, folder)
    return found


def _metadata_problems(text: str, names: List[str], folder: str) -> List[str]:
    found = []
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    try:
        parser.read_string(text)
    except configparser.Error as error:
        return [f"metadata.txt cannot be read: {error}"]
    if "general" not in parser:
        return ["metadata.txt has no [general] section"]
    general = parser["general"]
    for key in REQUIRED_METADATA:
        if not general.get(key, "").strip():
            found.append(f"metadata.txt lacks '{key}'")
    if general.get("version") and not VERSION.match(general["version"].strip()):
        found.append(f"version '{general['version']}' is not like 1.2.3")
    for key in ("qgisMinimumVersion", "qgisMaximumVersion"):
        if general.get(key) and not QGIS_VERSION.match(general[key].strip()):
            found.append(f"{key} '{general[key]}' is not like 3.22")
    if general.get("email") and not EMAIL.match(general["email"].strip()):
        found.append(f"email '{general['email']}' is not an e-mail address")
    for key in ("tracker", "repository", "homepage"):
        if general.get(key) and not URL.match(general[key].strip()):
            found.append(f"{key} '{general[key]}' is not a web address")
    for key in ("experimental", "deprecated"):
        if general.get(key) and general[key].strip().lower() not in ("true", "false"):
            found.append(f"{key} must be True or False")
    icon = general.get("icon", "").strip()
    if icon and f"{folder}/{icon}" not in names:
        found.append(f"the icon '{icon}' named in metadata.txt is not in the zip")
    if general.get("hasProcessingProvider", "").strip().lower() == "yes" and not any(
            name.endswith("/provider.py") for name in names):
        found.append("hasProcessingProvider=yes but the zip holds no provider")
    return found


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zip", type=Path)
    arguments = parser.parse_args()
    issues = problems(arguments.zip)
    for issue in issues:
        print(f"- {issue}")
    print(f"{arguments.zip}: {'OK' if not issues else f'{len(issues)} problem(s)'}")
    sys.exit(1 if issues else 0)
