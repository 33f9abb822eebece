"""Screenshots of the plugin as a user sees it: the real QGIS desktop (under Xvfb, in
Dutch) with the built plugin zip installed in a throwaway profile and the demo data.

    python scripts/make_screenshots.py --output docs/images     # (`make screenshots`)

The desktop test (tests/test_desktop_panel.py) runs the same and keeps the PNGs under
test-artifacts/. The work inside QGIS is tests/desktop/assess_site.py.
"""
import argparse
import json
import os
import shutil
import subprocess  # nosec B404 - starts QGIS itself
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_ZIP = ROOT / "dist" / "limburg_flexwonen_plugin.zip"
DEMO = ROOT / "test_data" / "limburg_demo.gpkg"
SCRIPT = ROOT / "tests" / "desktop" / "assess_site.py"
IMAGES = ("locatietoets_panel.png", "locatietoets_card.png", "province_analysis.png")

PROFILE_SETTINGS = """[locale]
overrideFlag=true
userLocale=nl_NL
globalLocale=nl_NL

[qgis]
checkVersion=false
showTips={version}=false
"""


def make_profile(root: Path, plugin_zip: Path = PACKAGE_ZIP) -> Path:
    """A QGIS profiles folder with the plugin unpacked, set to Dutch."""
    default = root / "profiles" / "default"
    plugins = default / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    ini = default / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(PROFILE_SETTINGS.format(version=32200), encoding="utf-8")
    return root


def run_in_desktop(work: Path, shots: Path, site_case: str = "touching_outside", timeout: int = 400) -> dict:
    """Runs assess_site.py in QGIS under Xvfb; returns its JSON result (with 'log' on failure)."""
    profile = make_profile(work / "profiles")
    demo = work / "demo.gpkg"
    shutil.copyfile(DEMO, demo)
    result_file = work / "result.json"
    environment = dict(os.environ)
    environment.pop("QT_QPA_PLATFORM", None)
    environment.update(
        PYTHONPATH=sysconfig.get_paths()["purelib"], PROJ_DATA="/usr/share/proj",
        QGIS_CUSTOM_CONFIG_PATH=str(profile), FLEXWONEN_RESULT=str(result_file),
        FLEXWONEN_DEMO=str(demo), FLEXWONEN_SHOTS=str(shots), FLEXWONEN_SITE_CASE=site_case)
    completed = subprocess.run(  # nosec B603 B607 - fixed program and arguments
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profile),
         "--nologo", "--noversioncheck", "--code", str(SCRIPT)],
        env=environment, capture_output=True, text=True, timeout=timeout, check=False)
    if not result_file.exists():
        return {"error": "QGIS wrote no result", "log": completed.stdout[-3000:] + completed.stderr[-3000:]}
    return json.loads(result_file.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "images")
    arguments = parser.parse_args()
    if not PACKAGE_ZIP.exists():
        print("build the plugin first: make package", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="flexwonen_shots_") as folder:
        work = Path(folder)
        result = run_in_desktop(work, work / "shots")
        if "error" in result:
            print(result["error"], result.get("log", ""), file=sys.stderr)
            return 1
        arguments.output.mkdir(parents=True, exist_ok=True)
        for name in IMAGES:
            shutil.copyfile(work / "shots" / name, arguments.output / name)
            print(arguments.output / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
