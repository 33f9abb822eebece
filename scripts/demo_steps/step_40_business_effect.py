"""Demo step: the housing effect of a demo distribution centre near Venlo."""
import math

import geopandas as gpd
import processing
from qgis.core import QgsVectorLayer
from shapely.geometry import Point

TITLE = "Housing effect of a demo distribution centre near Venlo"
# Demo assumptions (not real plans): a distribution centre in the municipality of Venlo
# grows from 300 jobs now (2025) to 1,200 at full operation in 2028, linearly; 60 % of
# the extra jobs are held by labour migrants. Everything else uses the model defaults:
# stay mix 40/35/25 %, 1 person per job and per bed, a 20 km reach, exponential distance
# decay (d0 = 10 km), all demand placed in Limburg.
BUSINESS = {"bid": "DC-VENLO", "name": "Distributiecentrum Venlo-Oost (demo)"}
LOCATION = Point(210_500, 380_500)
ASSUMPTIONS = {"JOBS_NOW": 300, "YEAR_NOW": 2025, "JOBS_FULL": 1200, "YEAR_FULL": 2028,
               "MIGRANT_SHARE": 60}


def run(demo):
    package = demo.output / "business_effect.gpkg"
    # The business is an input: it lives in a file of its own, never in the outputs' file
    # (the plugin refuses to write over an input).
    location = demo.output / "business_location.gpkg"
    for old in (package, location):
        if old.exists():
            old.unlink()
    reports = demo.output / "business_effect_reports"
    for old in reports.glob("*.pdf"):
        old.unlink()
    gpd.GeoDataFrame({key: [value] for key, value in BUSINESS.items()}, geometry=[LOCATION],
                     crs=28992).to_file(location, layer="business")
    parameters = {
        "BUSINESSES": f"{location}|layername=business",
        "BUSINESS_ID_FIELD": "bid", "BUSINESS_NAME_FIELD": "name", **ASSUMPTIONS,
        "MUNICIPALITIES": demo.layer("municipalities"), "MIGRANTS": demo.layer("labour_migrants"),
        "ACCOMMODATIONS": demo.layer("accommodations"), "BUILTUP": demo.layer("builtup"),
        "SCENARIO": 0,
        "CSV_OUTPUT": str(demo.output / "business_effect_phasing.csv"),
        "REPORT_FOLDER": str(reports),
    }
    for key in ("BUSINESSES", "PHASING", "ALLOCATION", "MUNICIPALITIES", "REGIONS", "REACH"):
        parameters[f"{key}_OUTPUT"] = f"ogr:dbname='{package}' table=\"{key.lower()}\" (geom)"
    result = processing.run("flexwonen:businesseffect", parameters)
    demo.results["business_effect"] = package

    def rows(key):
        layer = QgsVectorLayer(result[f"{key}_OUTPUT"], key, "ogr")
        return [feature for feature in layer.getFeatures()]

    business = rows("BUSINESSES")[0]
    print(f"{business['business_name']}: {business['jobs_now']:,.0f} -> {business['jobs_full']:,.0f} jobs "
          f"({business['year_now']}-{business['year_full']}, {business['phasing']}), "
          f"{business['migrant_share'] * 100:.0f} % labour migrants ({business['share_source']})")
    print(f"extra labour migrants {business['extra_migrants']:,.0f} -> extra beds {business['beds']:,} "
          f"(short {business['beds_short']}, mid {business['beds_mid']}, long {business['beds_long']}); "
          f"placed {business['placed_beds']}, not placed {business['unplaced_beds']}")
    print("\nyear   jobs  new beds  (short/mid/long)  beds in total")
    for row in rows("PHASING"):
        print(f"{row['year']}  {row['jobs']:>5,.0f}  {row['new_beds']:>8}  "
              f"({row['new_short']:>3}/{row['new_mid']:>3}/{row['new_long']:>3})  {row['beds']:>13}")
    print("\nmunicipality          km   beds   gap before -> after")
    for row in rows("ALLOCATION"):
        print(f"{row['gm_name']:<20}{row['distance_km']:>5.1f}{row['beds']:>7}   "
              f"{_whole(row['gap_before']):>10,} -> {_whole(row['gap_after']):,} ({row['gap_class_after']})")
    print(f"\n{'region':<15}{'effect':>8}{'gap before':>12}{'gap after':>11}  class after")
    print("-" * 60)
    for row in rows("REGIONS"):
        print(f"{row['region']:<15}{row['effect_beds']:>8}{_whole(row['gap_beds_before']):>12,}"
              f"{_whole(row['gap_beds']):>11,}  {row['gap_class']}")
    print("-" * 60)
    print(f"gap scenario: {result['SCENARIO_TITLE']}; beds; gap = demand - supply (positive = shortage)")
    print(f"{business['model_version']}: {business['parameters']}")
    if result["MESSAGE"]:
        print(result["MESSAGE"])
    elif business["message"]:
        print(business["message"])
    names = ", ".join(path.split("/")[-1] for path in result["REPORTS"].split(";") if path)
    print(f"written: {package}, business_effect_phasing.csv, business_effect_reports/{names}")


def _whole(value) -> int:
    """Half up, so before and after differ by exactly the whole beds added."""
    return int(math.floor(value + 0.5))
