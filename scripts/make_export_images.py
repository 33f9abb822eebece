"""Makes the README's example page: docs/images/province_overview.png.

Runs the housing gap (current situation) and the province overview export on the demo
data, the same way as `make demo`, and keeps the PNG (at a resolution that suits a README).

    PROJ_DATA=/usr/share/proj .venv/bin/python scripts/make_export_images.py
"""
import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qgis_headless import ROOT, start_qgis  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "test_data" / "limburg_demo.gpkg")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "images" / "province_overview.png")
    parser.add_argument("--dpi", type=int, default=110)
    arguments = parser.parse_args()
    start_qgis()
    import processing
    layer = lambda name: f"{arguments.data}|layername={name}"  # noqa: E731
    with tempfile.TemporaryDirectory() as folder:
        package = Path(folder) / "gap.gpkg"
        processing.run("flexwonen:housinggap", {
            "MUNICIPALITIES": layer("municipalities"), "MIGRANTS": layer("labour_migrants"),
            "ACCOMMODATIONS": layer("accommodations"), "BUILTUP": layer("builtup"), "SCENARIO": 0,
            "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{package}' table=\"municipalities\" (geom)",
            "REGIONS_OUTPUT": f"ogr:dbname='{package}' table=\"regions\" (geom)",
            "ACCOMMODATIONS_OUTPUT": "TEMPORARY_OUTPUT", "CSV_OUTPUT": "TEMPORARY_OUTPUT"})
        arguments.output.parent.mkdir(parents=True, exist_ok=True)
        processing.run("flexwonen:exportprovinceoverview", {
            "MUNICIPALITIES": f"{package}|layername=municipalities",
            "REGIONS": f"{package}|layername=regions",
            "ACCOMMODATIONS": layer("accommodations"), "PAPER": 0,
            "DPI": arguments.dpi, "OUTPUT_PDF": str(Path(folder) / "overview.pdf"),
            "OUTPUT_PNG": str(arguments.output)})
    print(f"written: {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
