"""Builds the installable plugin zip: one folder with code, metadata.txt, LICENSE, resources,
the compiled Dutch translation (i18n/*.qm, made by `make translations`) and the demo data.

plugins.qgis.org wants exactly one top-level folder holding __init__.py and
metadata.txt, a LICENSE file inside it, and no caches or build files.
"""
import argparse
import os
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "limburg_flexwonen_plugin"
EXCLUDED_PARTS = {"__pycache__", ".pytest_cache", ".hypothesis"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej"}
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # reproducible zips
DEMO_DATA = ROOT / "test_data" / "limburg_demo.gpkg"


def package_files():
    """(path on disk, path in the zip) for every file the installed plugin needs."""
    entries = []
    for path in sorted((ROOT / PLUGIN).rglob("*")):
        if path.is_file() and _wanted(path):
            entries.append((path, f"{PLUGIN}/{path.relative_to(ROOT / PLUGIN).as_posix()}"))
    for name in ("metadata.txt", "LICENSE"):
        entries.append((ROOT / name, f"{PLUGIN}/{name}"))
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file() and _wanted(path):
            entries.append((path, f"{PLUGIN}/resources/{path.relative_to(ROOT / 'resources').as_posix()}"))
    # The synthetic demo data, for the province analysis's first look (about 0.4 MB).
    entries.append((DEMO_DATA, f"{PLUGIN}/resources/demo/{DEMO_DATA.name}"))
    return entries


def _wanted(path: Path) -> bool:
    return not (EXCLUDED_PARTS & set(path.parts)) and path.suffix not in EXCLUDED_SUFFIXES


def build(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".zip", dir=output.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for source, name in package_files():
                info = zipfile.ZipInfo(name, FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, source.read_bytes())
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return output


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / f"{PLUGIN}.zip")
    arguments = parser.parse_args()
    path = build(arguments.output)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
          f"{path.stat().st_size / 1024:.0f} KiB")
