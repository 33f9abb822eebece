"""Demo step: the site assessment card (what the Locatietoets panel shows) for three demo
sites, one per class, from the same core function the panel runs in the background."""
import csv
import os
import tempfile

import geopandas as gpd
import pandas as pd

from limburg_flexwonen_plugin.core.site_assessment import AssessmentInputs, assess_sites

TITLE = "Site assessment cards (Locatietoets) for three demo sites"
CASES = ("inside", "touching_outside", "far_outside")


def run(demo):
    def read(layer):
        return gpd.read_file(demo.data, layer=layer, engine="pyogrio")

    sites = read("candidate_sites")
    sites = sites[sites["case"].isin(CASES)]
    inputs = AssessmentInputs(
        builtup=read("builtup"), municipalities=read("municipalities"),
        accommodations=read("accommodations"),
        migrants=pd.DataFrame(read("labour_migrants").drop(columns="geometry", errors="ignore")))
    assessments = assess_sites(sites, inputs, site_id_field="site_id")
    for assessment in assessments:
        print(f"\n{assessment.site_id} {assessment.name}: {assessment.location_class}")
        for section in assessment.sections:
            print(f"  {section.title}")
            for row in section.rows:
                value = "–" if row.value is None else row.value
                if isinstance(value, float):
                    value = f"{value:,.2f}".rstrip("0").rstrip(".")
                note = f" ({row.note})" if row.note else ""
                print(f"    {row.label:<58} {value}{note}")
    path = demo.output / "site_assessments.csv"
    _write_csv(path, assessments)
    print(f"\nwritten: {path}")


def _write_csv(path, assessments):
    """All values of the cards, one row per site (complete or absent: temp file, then move)."""
    names = ["site_id", "site_name"]
    for assessment in assessments:
        names += [key for key in assessment.values() if key not in names]
    handle, temporary = tempfile.mkstemp(suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, fieldnames=names)
            writer.writeheader()
            for assessment in assessments:
                writer.writerow({"site_id": assessment.site_id, "site_name": assessment.name,
                                 **assessment.values()})
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
