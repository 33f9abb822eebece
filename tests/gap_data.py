"""Small hand-made data for the housing-gap tests: every expected figure can be worked out
on paper (see the comments), unlike the demo data where the tests recompute from the tables.

Four square municipalities in two regions (RD metres, in Limburg's part of the grid):

    Alpha  GM0001  Noord  190000-194000 x 360000-364000  10,000 inhabitants, kern 1 km²
    Beta   GM0002  Noord  194000-198000 x 360000-364000   5,000 inhabitants, kern 0.25 km²
    Gamma  GM0003  Zuid   190000-198000 x 356000-360000  20,000 inhabitants, no kern
    Delta  GM0004  Zuid   198000-200000 x 356000-364000   2,000 inhabitants, not in the table

Labour migrants: Alpha 100 (2017) -> 200 (2022), Beta 50 -> 50, Gamma only 2022: 60.
Accommodations: Alpha 80 existing short + a 'gesloten' one (not a supply status);
Beta 40 planned long and 10 permitted mid; 'Over de grens' 25 existing, east of Delta,
outside every municipality.
"""
import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

MUNICIPALITIES = [
    ("GM0001", "Alpha", "Noord", 10_000, box(190_000, 360_000, 194_000, 364_000)),
    ("GM0002", "Beta", "Noord", 5_000, box(194_000, 360_000, 198_000, 364_000)),
    ("GM0003", "Gamma", "Zuid", 20_000, box(190_000, 356_000, 198_000, 360_000)),
    ("GM0004", "Delta", "Zuid", 2_000, box(198_000, 356_000, 200_000, 364_000)),
]
KERNEN = [
    ("Alpha-dorp", "GM0001", box(191_000, 361_000, 192_000, 362_000)),   # 100 ha, on the grid
    ("Beta-dorp", "GM0002", box(195_000, 361_000, 195_500, 361_500)),    # 25 ha
    ("Delta-dorp", "GM0004", box(198_500, 357_000, 199_000, 357_500)),
]
MIGRANTS = [("GM0001", 2017, 100), ("GM0001", 2022, 200), ("GM0002", 2017, 50),
            ("GM0002", 2022, 50), ("GM0003", 2022, 60)]
ACCOMMODATIONS = [
    ("Huis Alpha", "existing", "short", 80, Point(191_500, 361_500)),
    ("Oude boerderij Alpha", "gesloten", "short", 30, Point(191_600, 361_600)),
    ("Huis Beta", "planned", "long", 40, Point(195_200, 361_200)),
    ("Beta vergund", "permitted", "mid", 10, Point(195_300, 361_300)),
    ("Over de grens", "existing", "short", 25, Point(203_000, 361_000)),
]


@pytest.fixture(scope="session")
def hand_gpkg(tmp_path_factory):
    path = tmp_path_factory.mktemp("gap") / "hand.gpkg"
    gpd.GeoDataFrame(
        {"gm_code": [m[0] for m in MUNICIPALITIES], "gm_name": [m[1] for m in MUNICIPALITIES],
         "region": [m[2] for m in MUNICIPALITIES], "inhabitants": [m[3] for m in MUNICIPALITIES]},
        geometry=[m[4] for m in MUNICIPALITIES], crs=28992,
    ).to_file(path, layer="municipalities", promote_to_multi=True)
    gpd.GeoDataFrame({"kern_name": [k[0] for k in KERNEN], "gm_code": [k[1] for k in KERNEN]},
                     geometry=[k[2] for k in KERNEN], crs=28992,
                     ).to_file(path, layer="builtup", promote_to_multi=True)
    gpd.GeoDataFrame(
        {"name": [a[0] for a in ACCOMMODATIONS], "status": [a[1] for a in ACCOMMODATIONS],
         "stay_category": [a[2] for a in ACCOMMODATIONS], "beds": [a[3] for a in ACCOMMODATIONS]},
        geometry=[a[4] for a in ACCOMMODATIONS], crs=28992,
    ).to_file(path, layer="accommodations")
    table = pd.DataFrame(MIGRANTS, columns=["gm_code", "year", "labour_migrants"])
    import pyogrio
    pyogrio.write_dataframe(table, path, layer="labour_migrants")
    return path
