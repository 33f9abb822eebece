"""Demo step: housing gap per municipality and region, now and in both 2030 scenarios,
and the labour-migrant density raster."""
import processing
from qgis.core import QgsVectorLayer

TITLE = "Housing gap per region: now and in the 2030 scenarios"
SCENARIOS = ((0, "current"), (1, "low_2030"), (2, "high_2030"))


def run(demo):
    package = demo.output / "housing_gap.gpkg"
    if package.exists():
        package.unlink()
    tables = {}
    titles = {}
    for scenario, key in SCENARIOS:
        parameters = {
            "MUNICIPALITIES": demo.layer("municipalities"),
            "MIGRANTS": demo.layer("labour_migrants"),
            "ACCOMMODATIONS": demo.layer("accommodations"),
            "BUILTUP": demo.layer("builtup"),
            "SCENARIO": scenario,
            "MUNICIPALITIES_OUTPUT": _table(package, f"municipalities_{key}"),
            "REGIONS_OUTPUT": _table(package, f"regions_{key}"),
            "ACCOMMODATIONS_OUTPUT": _table(package, "accommodations") if key == "current"
            else "TEMPORARY_OUTPUT",
            "CSV_OUTPUT": str(demo.output / f"housing_gap_{key}.csv"),
        }
        result = processing.run("flexwonen:housinggap", parameters)
        titles[key] = result["SCENARIO_TITLE"]
        layer = QgsVectorLayer(result["REGIONS_OUTPUT"], key, "ogr")
        tables[key] = {feature["region"]: feature for feature in layer.getFeatures()}
        raster = demo.output / f"labour_migrants_per_ha_{key}.tif"
        density = processing.run("flexwonen:densityraster", {
            "MUNICIPALITIES": demo.layer("municipalities"),
            "MIGRANTS": demo.layer("labour_migrants"),
            "BUILTUP": demo.layer("builtup"),
            "SCENARIO": scenario,
            "CELL_SIZE": 100,
            "OUTPUT": str(raster),
        })
        print(f"{titles[key]}: raster {raster.name}, sum x 1 ha = {density['RASTER_SUM']:,.2f} "
              f"(labour migrants {density['LABOUR_MIGRANTS']:,.0f})")
    demo.results["housing_gap"] = package
    _print_table(tables, titles)
    print(f"written: {package}, housing_gap_*.csv, labour_migrants_per_ha_*.tif")


def _table(package, name):
    return f"ogr:dbname='{package}' table=\"{name}\" (geom)"


def _print_table(tables, titles):
    keys = [key for _, key in SCENARIOS]
    current = tables["current"]
    regions = list(current)
    widths = {key: 27 if key == "current" else 18 for key in keys}
    print()
    print(f"{'':<15}" + "".join(f" | {titles[key]:^{widths[key]}}" for key in keys))
    print(f"{'region':<15}" + "".join(
        f" | {'demand':>9}{'supply':>9}{'gap':>9}" if key == "current" else f" | {'demand':>9}{'gap':>9}"
        for key in keys))
    rule = "-" * (15 + sum(widths.values()) + 3 * len(keys))
    print(rule)
    for region in regions:
        line = f"{region:<15}"
        for key in keys:
            row = tables[key][region]
            line += f" | {row['demand_beds']:>9,.0f}"
            if key == "current":
                line += f"{row['supply_beds']:>9,.0f}"
            line += f"{row['gap_beds']:>9,.0f}"
        print(line)
    print(rule)
    province = current[regions[-1]]
    print("beds; gap = demand - supply (positive = shortage); the supply is the same in every "
          "scenario")
    print(f"model {province['model_version']}: {province['parameters']}")
