"""Demo step: the demo stays checked against the short-stay rule and the transition period."""
import processing
from qgis.core import QgsVectorLayer

TITLE = "Stay durations: short-stay rule (4 months within 12) and transition period (1 month)"
# A fixed reference date, so that ongoing stays give the same result on every run.
REFERENCE_DATE = "2025-12-31"
SHOWN = 8


def run(demo):
    per_accommodation = demo.output / "stays_per_accommodation.gpkg"
    checked = demo.output / "stays_checked.gpkg"
    for path in (per_accommodation, checked):
        if path.exists():
            path.unlink()
    result = processing.run("flexwonen:checkstaydurations", {
        "INPUT": demo.layer("stays"),
        "REFERENCE_DATE": REFERENCE_DATE,
        "OUTPUT": str(per_accommodation),
        "STAYS_OUTPUT": str(checked),
    })
    summary = QgsVectorLayer(result["OUTPUT"], "per accommodation", "ogr")
    stays = QgsVectorLayer(result["STAYS_OUTPUT"], "stays", "ogr")
    statuses, transitions = {}, {}
    for feature in stays.getFeatures():
        statuses[feature["short_stay_status"]] = statuses.get(feature["short_stay_status"], 0) + 1
        transitions[feature["transition_status"]] = transitions.get(feature["transition_status"], 0) + 1
    print(f"reference date {REFERENCE_DATE}; {stays.featureCount()} stays at "
          f"{summary.featureCount()} short-stay accommodations")
    print("short-stay rule:   " + ", ".join(f"{k} {statuses.get(k, 0)}"
                                            for k in ("ok", "breaks", "ongoing", "unknown")))
    print("transition period: " + ", ".join(f"{k} {transitions.get(k, 0)}"
                                            for k in ("ok", "too_short", "unknown")))
    rows = sorted(summary.getFeatures(), key=lambda f: (-f["stays_breaking"], f["acc_id"]))[:SHOWN]
    header = (f"{'accommodation':<14}{'stays':>7}{'residents':>11}{'breaking':>10}"
              f"{'longest (days)':>16}{'short transition':>18}")
    print(header)
    print("-" * len(header))
    for feature in rows:
        print(f"{feature['acc_id']:<14}{feature['stays']:>7}{feature['residents']:>11}"
              f"{feature['stays_breaking']:>10}{feature['longest_consecutive_days']:>16}"
              f"{feature['transitions_too_short']:>18}")
    print(f"(the {SHOWN} accommodations with the most stays breaking the rule)")
    demo.results["stays"] = (per_accommodation, checked)
    print(f"written: {per_accommodation}, {checked}")
