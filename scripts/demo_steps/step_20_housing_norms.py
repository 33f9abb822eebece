"""Demo step: the demo sites' location class and housing-norm verdict in one run."""
import processing
from qgis.core import NULL, QgsVectorLayer

from limburg_flexwonen_plugin.core.norm_sets import available_norm_sets

TITLE = "Housing norms (SNF + Limburg provincial floor) per location class"
CLASSES = ("inside", "edge", "outside")
VERDICTS = ("pass", "fail", "unknown")


def run(demo):
    output = demo.output / "housing_norms.gpkg"
    if output.exists():
        output.unlink()
    counts, beds, unknown_rules, failed_rules, floor_only = {}, {}, {}, {}, {}
    norm_set = None
    for layer_name in ("candidate_sites", "candidate_points"):
        result = processing.run("flexwonen:classifysites", {
            "SITES": demo.layer(layer_name),
            "SITE_ID_FIELD": "site_id",
            "BUILTUP": demo.layer("builtup"),
            "KERN_NAME_FIELD": "kern_name",
            "MUNICIPALITIES": demo.layer("municipalities"),
            "CHECK_NORMS": True,
            "NORM_SET": available_norm_sets().index("snf"),
            "OUTPUT": f"ogr:dbname='{output}' table=\"{layer_name}_norms\" (geom)",
        })
        layer = QgsVectorLayer(result["OUTPUT"], layer_name, "ogr")
        rule_fields = [name for name in layer.fields().names() if name.startswith("norm_")]
        for feature in layer.getFeatures():
            key = (feature["location_class"] or "no class", feature["norms_verdict"])
            counts[key] = counts.get(key, 0) + 1
            planned, allowed = beds.get(key[0], (0, 0))
            maximum = feature["norms_max_beds"]
            within = feature["planned_beds"] if maximum == NULL else min(feature["planned_beds"], maximum)
            beds[key[0]] = (planned + feature["planned_beds"], allowed + within)
            floor = {feature[name] for name in rule_fields if name.startswith("norm_floor_")}
            floor_verdict = "fail" if "fail" in floor else "unknown" if "unknown" in floor else "pass"
            floor_only[floor_verdict] = floor_only.get(floor_verdict, 0) + 1
            norm_set = feature["norms_set"]
            for name in rule_fields:
                tally = {"unknown": unknown_rules, "fail": failed_rules}.get(feature[name])
                if tally is not None:
                    tally[name[len("norm_"):]] = tally.get(name[len("norm_"):], 0) + 1
    demo.results["housing_norms"] = output
    _print_table(counts, beds)
    print(f"norm sets: {norm_set}")
    print("provincial floor alone: " + ", ".join(f"{v} {floor_only.get(v, 0)}" for v in VERDICTS))
    print("rules failed (sites):  " + _tally(failed_rules))
    print("rules unknown (sites): " + _tally(unknown_rules))
    print("unknown = no rule fails, but a rule lacks data: a few demo plans lack the bedroom "
          "area (SNF's 3.5 m² per person in the bedroom), the bedrooms or the living area.")
    print("beds within norms: per site the planned beds, capped at the largest number that meets "
          "every rule with data.")
    print(f"written: {output}")


def _tally(counts):
    return ", ".join(f"{rule} {count}" for rule, count in
                     sorted(counts.items(), key=lambda item: (-item[1], item[0]))) or "none"


def _print_table(counts, beds):
    header = (f"{'location class':<16}" + "".join(f"{v:>9}" for v in VERDICTS) + f"{'total':>9}"
              + f"{'planned beds':>14}{'within norms':>14}")
    print(header)
    print("-" * len(header))
    classes = list(CLASSES) + sorted({c for c, _ in counts} - set(CLASSES))
    for location_class in classes:
        row = [counts.get((location_class, v), 0) for v in VERDICTS]
        planned, allowed = beds.get(location_class, (0, 0))
        print(f"{location_class:<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}"
              + f"{planned:>14,}{allowed:>14,}")
    totals = [sum(n for (_, v), n in counts.items() if v == verdict) for verdict in VERDICTS]
    planned = sum(p for p, _ in beds.values())
    allowed = sum(a for _, a in beds.values())
    print("-" * len(header))
    print(f"{'all sites':<16}" + "".join(f"{n:>9}" for n in totals) + f"{sum(totals):>9}"
          + f"{planned:>14,}{allowed:>14,}")
