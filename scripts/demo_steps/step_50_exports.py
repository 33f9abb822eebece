"""Demo step: the Stuurgroep maps and the site assessment reports, as PDF and PNG."""
import subprocess  # nosec B404 - pdfinfo only counts pages for the printout
from pathlib import Path

import processing

TITLE = "Stuurgroep maps and site assessment reports (PDF and PNG)"
SCENARIOS = ((0, "current"), (2, "high_2030"))


def run(demo):
    folder = demo.output / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    gap = _housing_gap(demo, folder)
    rows = []
    for paper, index, scenario in (("A4", 0, "current"), ("A3", 1, "current"), ("A4", 0, "high_2030")):
        stem = f"province_overview_{paper.lower()}_{scenario}"
        result = processing.run("flexwonen:exportprovinceoverview", {
            "MUNICIPALITIES": _layer(gap, f"municipalities_{scenario}"),
            "REGIONS": _layer(gap, f"regions_{scenario}"),
            "ACCOMMODATIONS": demo.layer("accommodations"),
            "PAPER": index,
            "DPI": 150,
            "OUTPUT_PDF": str(folder / f"{stem}.pdf"),
            "OUTPUT_PNG": str(folder / f"{stem}.png"),
        })
        rows.append((f"province overview {paper} {scenario}", result))
    result = processing.run("flexwonen:exportatlas", {
        "MUNICIPALITIES": _layer(gap, "municipalities_current"),
        "REGIONS": _layer(gap, "regions_current"),
        "ACCOMMODATIONS": demo.layer("accommodations"),
        "BUILTUP": demo.layer("builtup"),
        "LEVEL": 0,
        "DPI": 120,
        "OUTPUT_PDF": str(folder / "atlas_regions_municipalities.pdf"),
        "OUTPUT_PNG": str(folder / "atlas"),
    })
    rows.append(("region and municipality atlas", result))
    for layer_name, stem in (("candidate_sites", "site_reports_polygons"),
                             ("candidate_points", "site_reports_points")):
        result = processing.run("flexwonen:exportsitereports", {
            "SITES": demo.layer(layer_name),
            "SITE_ID_FIELD": "site_id",
            "SITE_NAME_FIELD": "name",
            "BUILTUP": demo.layer("builtup"),
            "KERN_NAME_FIELD": "kern_name",
            "MUNICIPALITIES": demo.layer("municipalities"),
            "CHECK_NORMS": True,
            "ADD_CONTEXT": True,
            "CONTEXT_MIGRANTS": demo.layer("labour_migrants"),
            "CONTEXT_ACCOMMODATIONS": demo.layer("accommodations"),
            "DPI": 120,
            "OUTPUT_PDF": str(folder / f"{stem}.pdf"),
            "OUTPUT_PNG": str(folder / stem),
        })
        rows.append((f"site reports ({layer_name})", result))
    demo.results["exports"] = {name: result for name, result in rows}
    _print_table(rows, demo.output)


def _housing_gap(demo, folder: Path) -> Path:
    """The housing gap package of the gap step, or made here when that step did not run."""
    package = demo.results.get("housing_gap")
    if package is not None and Path(package).exists():
        return Path(package)
    package = folder / "housing_gap_for_maps.gpkg"
    if package.exists():
        package.unlink()
    for scenario, key in SCENARIOS:
        processing.run("flexwonen:housinggap", {
            "MUNICIPALITIES": demo.layer("municipalities"),
            "MIGRANTS": demo.layer("labour_migrants"),
            "ACCOMMODATIONS": demo.layer("accommodations"),
            "BUILTUP": demo.layer("builtup"),
            "SCENARIO": scenario,
            "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{package}' table=\"municipalities_{key}\" (geom)",
            "REGIONS_OUTPUT": f"ogr:dbname='{package}' table=\"regions_{key}\" (geom)",
            "ACCOMMODATIONS_OUTPUT": "TEMPORARY_OUTPUT",
            "CSV_OUTPUT": "TEMPORARY_OUTPUT",
        })
    return package


def _layer(package: Path, name: str) -> str:
    return f"{package}|layername={name}"


def _print_table(rows, root: Path):
    print(f"{'export':<36}{'pages':>6}{'PNG files':>11}  PDF")
    print("-" * 100)
    for name, result in rows:
        pdf = Path(result["OUTPUT_PDF"])
        png = Path(result["OUTPUT_PNG"])
        png_count = len(list(png.glob("*.png"))) if png.is_dir() else int(png.exists())
        print(f"{name:<36}{_pdf_pages(pdf):>6}{png_count:>11}  {pdf.relative_to(root)}")


def _pdf_pages(pdf: Path) -> str:
    """Pages as the PDF itself says (pdfinfo), not as we meant to write them."""
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,  # nosec B603 B607
                              timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return line.split()[1]
    return "?"
