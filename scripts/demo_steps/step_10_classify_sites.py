"""Demo step: classify the demo candidate sites (polygons and points)."""
import processing
from qgis.core import QgsVectorLayer

TITLE = "Candidate sites by built-up area class and region"
CLASSES = ("inside", "edge", "outside")
REGIONS = ("Noord-Limburg", "Midden-Limburg", "Zuid-Limburg", None)


def run(demo):
    output = demo.output / "classified_sites.gpkg"
    if output.exists():
        output.unlink()
    counts = {}
    for layer_name in ("candidate_sites", "candidate_points"):
        result = processing.run("flexwonen:classifysites", {
            "SITES": demo.layer(layer_name),
            "SITE_ID_FIELD": "site_id",
            "BUILTUP": demo.layer("builtup"),
            "KERN_NAME_FIELD": "kern_name",
            "MUNICIPALITIES": demo.layer("municipalities"),
            "OUTPUT": f"ogr:dbname='{output}' table=\"{layer_name}_classified\" (geom)",
        })
        layer = QgsVectorLayer(result["OUTPUT"], layer_name, "ogr")
        for feature in layer.getFeatures():
            key = (feature["region"] or None, feature["location_class"] or None)
            counts[key] = counts.get(key, 0) + 1
    demo.results["classified_sites"] = output
    _print_table(counts)
    print(f"written: {output}")


def _print_table(counts):
    header = f"{'region':<16}" + "".join(f"{c:>9}" for c in CLASSES) + f"{'total':>9}"
    print(header)
    print("-" * len(header))
    for region in REGIONS:
        row = [counts.get((region, c), 0) for c in CLASSES]
        if region is None and not sum(row):
            continue
        label = region or "outside Limburg"
        print(f"{label:<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}")
    totals = [sum(n for (r, c), n in counts.items() if c == cls) for cls in CLASSES]
    print("-" * len(header))
    print(f"{'all sites':<16}" + "".join(f"{n:>9}" for n in totals) + f"{sum(totals):>9}")
