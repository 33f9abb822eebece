"""Generate the demo GeoPackage for Flexwonen Limburg.

    python scripts/make_demo_data.py --output test_data/limburg_demo.gpkg

The boundaries are real: the CBS 2024 municipalities, COROP regions and the province
(Kadaster / CBS, CC BY 4.0), and so are the inhabitants (CBS Kerncijfers wijken en
buurten 2023), read from the extract committed in test_data/cbs_2024/. Everything else
is synthetic and made here: built-up kernen, candidate sites, accommodations, labour
migrant counts per municipality and stays. Synthetic features carry neutral names
("Kern GM0983-1", "Locatie S003") and every layer says where it comes from (the
metadata table and the layer description in the GeoPackage). The labour migrant totals
equal the provincial policy figures.

Around one reference kern (an exact rectangle with a rectangular park hole) the
generator builds hand-checkable "hard case" sites for the location classification with
its default parameters (edge distance 250 m, minimum inside share 0.9).

The stays table (residents known only by a pseudonymous id) comes from its own
random stream, so it never changes the other layers.

The output is deterministic (fixed seed): tests regenerate it and compare it with the
committed file. Pure geopandas/shapely/numpy; no QGIS needed.
"""
import argparse
import math
import os
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyogrio.raw import write as write_raw_layer
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import polylabel

GENERATOR_NAME = "scripts/make_demo_data.py"
SEED = 20230101
CRS = "EPSG:28992"
# A fixed GeoPackage timestamp so that regenerating gives byte-identical files.
GPKG_TIMESTAMP = "2024-01-01T00:00:00.000Z"

# The real CBS extract the demo is built on (see test_data/README.md for its provenance).
SOURCE_DIR = Path(__file__).resolve().parents[1] / "test_data" / "cbs_2024"
MUNICIPALITIES_FILE = "limburg_gemeenten_2024_rd.geojson"
REGIONS_FILE = "limburg_corop_2024_rd.geojson"
PROVINCE_FILE = "limburg_provincie_2024_rd.geojson"
INHABITANTS_FILE = "limburg_gemeenten_kwb2023_inwoners.csv"

CBS_ATTRIBUTION = "Kadaster / Centraal Bureau voor de Statistiek (CBS)"
CBS_LICENCE = "CC BY 4.0"
SYNTHETIC = "synthetische demodata"
# Where each layer comes from. The plugin reads this (the metadata table's
# 'source:<layer>' rows, and each layer's description) to credit its outputs.
LAYER_SOURCES = {
    "province": f"{CBS_ATTRIBUTION}, CBS Gebiedsindelingen 2024 (provincie, "
                f"samengevoegd uit de gemeenten), {CBS_LICENCE}",
    "regions": f"{CBS_ATTRIBUTION}, CBS Gebiedsindelingen 2024 (COROP-gebieden), "
               f"{CBS_LICENCE}",
    "municipalities": f"{CBS_ATTRIBUTION}, CBS Gebiedsindelingen 2024 (gemeenten) en "
                      f"Kerncijfers wijken en buurten 2023 (inwoners), {CBS_LICENCE}",
    "builtup": SYNTHETIC,
    "candidate_sites": SYNTHETIC,
    "candidate_points": SYNTHETIC,
    "accommodations": SYNTHETIC,
    "labour_migrants": f"{SYNTHETIC} (totalen 2017 en 2022: provinciaal beleid)",
    "stays": SYNTHETIC,
}

EDGE_DISTANCE_M = 250.0
MIN_INSIDE_SHARE = 0.9

# The reference kern (the second kern of GM1507 Horst aan de Maas): a 1000 x 800 m
# rectangle with a 200 x 200 m park hole whose lower-left corner is
# REFERENCE_KERN_ORIGIN, see reference_kern().
REFERENCE_KERN_ORIGIN = (196000, 383000)
REFERENCE_KERN_GM_CODE = "GM1507"
REFERENCE_KERN_NUMBER = 2
# Other kernen keep this far from the reference kern, so that it is the nearest kern
# of every hard-case site around it.
REFERENCE_CLEARANCE_M = 3000.0

LABOUR_MIGRANT_TOTALS = {2017: 39_860, 2022: 82_895}
INHABITANTS_TOTAL = 1_128_367
MUNICIPALITY_COUNT = 31

BIG_CITIES = {"GM0935", "GM0983", "GM0917", "GM1883"}

# Synthetic: labour migrants in 2022 (relative weight; scaled to the policy total)
# and growth factor 2017 -> 2022, varied so that trend and share forecasts differ.
SYNTHETIC_LABOUR_MIGRANTS = {
    "GM0882": (700, 1.6), "GM0888": (750, 2.4), "GM0889": (900, 2.1),
    "GM0893": (1900, 2.6), "GM0899": (600, 1.5), "GM0907": (1300, 1.9),
    "GM0917": (2900, 1.7), "GM0928": (1300, 2.2), "GM0935": (3600, 1.4),
    "GM0938": (450, 1.8), "GM0944": (250, 1.3), "GM0946": (1700, 2.3),
    "GM0957": (4300, 1.9), "GM0965": (220, 1.6), "GM0971": (1000, 2.5),
    "GM0981": (300, 1.2), "GM0983": (15200, 1.8), "GM0984": (8600, 2.2),
    "GM0986": (260, 1.7), "GM0988": (3700, 2.4), "GM0994": (380, 1.3),
    "GM1507": (12100, 2.0), "GM1640": (2700, 2.7), "GM1641": (1350, 2.1),
    "GM1669": (900, 1.8), "GM1711": (1750, 2.9), "GM1729": (360, 1.5),
    "GM1883": (4100, 2.6), "GM1894": (8100, 2.3), "GM1903": (420, 1.6),
    "GM1954": (750, 2.0),
}


def kern_name(gm_code: str, number: int) -> str:
    """A neutral name that cannot be taken for a real place: 'Kern GM0983-1'."""
    return f"Kern {gm_code}-{number}"


REFERENCE_KERN_NAME = kern_name(REFERENCE_KERN_GM_CODE, REFERENCE_KERN_NUMBER)

# Kernen keep this far inside their municipality, so they never touch a neighbour's.
KERN_MUNICIPALITY_MARGIN_M = 300.0
KERN_GAP_M = 250.0
MIN_KERN_AREA_M2 = 300_000.0

# The site crossing the Leudal / Nederweert boundary, ~70 % in Leudal.
STRADDLE_PAIR = ("GM1640", "GM0946")
STRADDLE_SHARE = 0.7

SITE_FIELDS = ("site_id", "name", "case", "planned_beds", "bedrooms", "living_area_m2",
               "bedroom_area_m2", "toilets", "showers", "stay_category", "building_type",
               "housing_type")
HARD_SITE_CASES = (
    "inside", "on_boundary_inside", "touching_outside", "at_edge_distance",
    "just_beyond_edge", "in_hole", "straddling_contour_half", "mostly_inside_95",
    "multipart", "straddling_municipalities", "outside_province", "far_outside",
)
HARD_POINT_CASES = ("point_inside", "point_on_boundary", "point_in_hole",
                    "point_at_edge_distance", "point_outside")
REGULAR_SITE_COUNT = 40
REGULAR_POINT_COUNT = 15
ACCOMMODATION_COUNT = 80
# Beds in existing and in permitted/planned accommodation, as a share of the 2022
# labour migrants.
EXISTING_BED_SHARE = 0.35
PIPELINE_BED_SHARE = 0.15

# What a site or accommodation is: common nouns only, never a real place or street
# name (the positions are invented). Some have accents, so names are not plain ASCII.
SITE_KINDS = [
    "voormalige zuivelfabriek", "voormalige basisschool", "kloosterlocatie", "boerderij",
    "café", "champignonkwekerij", "bedrijventerrein", "tuinderij", "kantoorpand",
    "sporthal", "pastorie", "logistiek centrum", "hotel", "recreatiepark",
    "glastuinbouwbedrijf", "manege", "weverij", "brouwerij", "kazerneterrein",
    "woonzorgcomplex",
]
ACCOMMODATION_KINDS = [
    "short stay", "logiesgebouw", "huisvesting arbeidsmigranten", "campus",
    "pension", "woonunits", "longstay-appartementen", "midstay-complex",
]


# --------------------------------------------------------------------------- helpers
def largest_remainder(weights: Sequence[float], total: int) -> np.ndarray:
    """Integers proportional to ``weights`` that sum to exactly ``total``."""
    weights = np.asarray(weights, dtype=float)
    exact = weights / weights.sum() * total
    result = np.floor(exact).astype(np.int64)
    shortfall = int(total - result.sum())
    # Ties are broken by position (stable sort) so the result is deterministic.
    order = np.argsort(-(exact - result), kind="stable")
    result[order[:shortfall]] += 1
    return result


def to_multipolygon(geometry) -> MultiPolygon:
    if isinstance(geometry, MultiPolygon):
        return geometry
    return MultiPolygon([geometry])


def ellipse(centre: Tuple[float, float], semi_major: float, semi_minor: float,
            angle_deg: float) -> Polygon:
    circle = Point(0.0, 0.0).buffer(1.0, quad_segs=8)
    shape = affinity.scale(circle, semi_major, semi_minor, origin=(0, 0))
    shape = affinity.rotate(shape, angle_deg, origin=(0, 0))
    return affinity.translate(shape, centre[0], centre[1])


def organic_blob(rng: np.random.Generator, centre: Tuple[float, float],
                 area_m2: float) -> Polygon:
    """A town-like shape: overlapping ellipses plus ribbons along roads.

    Every piece contains the centre, so the union is one polygon without holes.
    """
    radius = math.sqrt(area_m2 / math.pi)
    pieces = []
    for _ in range(int(rng.integers(3, 6))):
        semi_major = radius * rng.uniform(0.5, 0.9)
        semi_minor = semi_major * rng.uniform(0.45, 1.0)
        angle = rng.uniform(0, 360)
        offset = semi_minor * rng.uniform(0.0, 0.8)
        direction = math.radians(rng.uniform(0, 360))
        pieces.append(ellipse((centre[0] + offset * math.cos(direction),
                               centre[1] + offset * math.sin(direction)),
                              semi_major, semi_minor, angle))
    for _ in range(int(rng.integers(0, 3))):
        length = radius * rng.uniform(0.9, 1.5)
        direction = rng.uniform(0, 360)
        along = math.radians(direction)
        pieces.append(ellipse((centre[0] + 0.9 * length * math.cos(along),
                               centre[1] + 0.9 * length * math.sin(along)),
                              length, radius * rng.uniform(0.12, 0.2), direction))
    blob = shapely.union_all(pieces)
    factor = math.sqrt(area_m2 / blob.area)
    return affinity.scale(blob, factor, factor, origin=centre)


def random_point_in(rng: np.random.Generator, region, attempts: int = 1000) -> Optional[Point]:
    """A uniformly random point inside ``region`` (rejection sampling in its bounds)."""
    if region.is_empty:
        return None
    min_x, min_y, max_x, max_y = region.bounds
    for _ in range(attempts):
        candidate = Point(rng.uniform(min_x, max_x), rng.uniform(min_y, max_y))
        if region.contains(candidate):
            return candidate
    return None


def rounded(geometry, grid: float):
    """Snaps coordinates to a grid; the output stays valid."""
    return shapely.set_precision(geometry, grid)


# ------------------------------------------------- province, regions, municipalities
def read_source(name: str) -> gpd.GeoDataFrame:
    path = SOURCE_DIR / name
    if not path.exists():
        raise SystemExit(f"{path} is missing: the demo is built on the CBS extract in "
                         f"test_data/cbs_2024/ (see test_data/README.md)")
    frame = pyogrio.read_dataframe(path)
    if frame.crs is None or frame.crs.to_epsg() != 28992:
        raise AssertionError(f"{name} is not in EPSG:28992")
    return frame.sort_values("statcode", ignore_index=True)


def read_province() -> gpd.GeoDataFrame:
    source = read_source(PROVINCE_FILE)
    shape = source.geometry.iloc[0]
    if len(source) != 1 or shape.geom_type != "Polygon":
        raise AssertionError("the province file must hold one polygon")
    return gpd.GeoDataFrame({"code": [source["statcode"].iloc[0]],
                             "name": [source["statnaam"].iloc[0]]},
                            geometry=[shape], crs=CRS)


def read_regions() -> gpd.GeoDataFrame:
    source = read_source(REGIONS_FILE)
    return gpd.GeoDataFrame({"region_code": source["statcode"], "region": source["statnaam"]},
                            geometry=[to_multipolygon(g) for g in source.geometry], crs=CRS)


def read_municipalities() -> gpd.GeoDataFrame:
    """The CBS 2024 municipalities with their COROP region and the KWB 2023 inhabitants."""
    source = read_source(MUNICIPALITIES_FILE)
    inhabitants = pd.read_csv(SOURCE_DIR / INHABITANTS_FILE, dtype={"gemeentecode": str})
    inhabitants = inhabitants.set_index("gemeentecode")["aantalInwoners"]
    if set(inhabitants.index) != set(source["statcode"]):
        raise AssertionError("the KWB 2023 table and the boundaries list other municipalities")
    frame = gpd.GeoDataFrame({
        "gm_code": source["statcode"], "gm_name": source["statnaam"],
        "region": source["corop_naam"], "region_code": source["corop_code"],
        "inhabitants": inhabitants.loc[source["statcode"]].to_numpy(dtype=np.int64),
    }, geometry=[to_multipolygon(g) for g in source.geometry], crs=CRS)
    if len(frame) != MUNICIPALITY_COUNT or int(frame["inhabitants"].sum()) != INHABITANTS_TOTAL:
        raise AssertionError("the municipalities or inhabitants are not the CBS 2023 figures")
    return frame


def municipality_centre(cell) -> Point:
    """The point deepest inside the municipality's largest part (the main kern's seed)."""
    largest = max(cell.geoms, key=lambda part: part.area)
    return rounded(polylabel(largest, tolerance=10.0), 1.0)


# --------------------------------------------------------------------- built-up area
def reference_kern() -> Polygon:
    x0, y0 = REFERENCE_KERN_ORIGIN
    park = [(x0 + 400, y0 + 300), (x0 + 400, y0 + 500), (x0 + 600, y0 + 500),
            (x0 + 600, y0 + 300)]
    return Polygon([(x0, y0), (x0 + 1000, y0), (x0 + 1000, y0 + 800), (x0, y0 + 800)],
                   [park])


def kern_count(inhabitants: int) -> int:
    for limit, count in ((15_000, 2), (25_000, 3), (40_000, 4), (80_000, 5)):
        if inhabitants < limit:
            return count
    return 6


def main_kern_area(code: str, inhabitants: int) -> float:
    if code in BIG_CITIES:
        return (1.0 + inhabitants / 6000.0) * 1e6
    return (0.8 + inhabitants / 9000.0) * 1e6


def add_park(rng: np.random.Generator, kern, park_share: float):
    """Cuts a park out of the kern's interior, giving the polygon an interior ring."""
    park_area = kern.area * park_share
    radius = math.sqrt(park_area / math.pi)
    interior = kern.buffer(-(radius * 1.2 + 80))
    for _ in range(100):
        centre = random_point_in(rng, interior)
        if centre is None:
            break
        semi_major = radius * rng.uniform(1.0, 1.4)
        park = ellipse((centre.x, centre.y), semi_major, radius * radius / semi_major,
                       rng.uniform(0, 180))
        if park.buffer(60).within(kern):
            return kern.difference(park)
    return kern


def add_satellite(rng: np.random.Generator, kern: Polygon, allowed) -> Optional[MultiPolygon]:
    """A detached part (e.g. a business park across a canal) a few hundred metres away."""
    for _ in range(60):
        area = kern.area * rng.uniform(0.12, 0.3)
        direction = math.radians(rng.uniform(0, 360))
        step = (math.cos(direction), math.sin(direction))
        centroid = kern.centroid
        satellite = organic_blob(rng, (centroid.x, centroid.y), area)
        gap = rng.uniform(200, 450)
        while satellite.distance(kern) < gap:
            satellite = affinity.translate(satellite, 50 * step[0], 50 * step[1])
        if allowed.contains(satellite):
            return MultiPolygon([kern, satellite])
    return None


def place_kern(rng: np.random.Generator, allowed, centre_hint: Optional[Point],
               area_m2: float, label: str, required: bool = True):
    """An organic kern of about ``area_m2`` lying entirely inside ``allowed``; None when
    it does not fit and is not ``required`` (a narrow municipality has fewer kernen)."""
    shapely.prepare(allowed)
    for attempt in range(400):
        # Shrink the target after repeated failures; never below the minimum size.
        area = max(MIN_KERN_AREA_M2 * 1.1, area_m2 * 0.9 ** (attempt // 15))
        if centre_hint is not None and attempt < 200:
            jitter = 150.0 * (attempt // 15)
            centre = Point(centre_hint.x + rng.uniform(-jitter, jitter),
                           centre_hint.y + rng.uniform(-jitter, jitter))
        else:
            centre = random_point_in(rng, allowed)
            if centre is None:
                break
        blob = organic_blob(rng, (centre.x, centre.y), area)
        if allowed.contains(blob):
            return blob
    if not required:
        return None
    raise AssertionError(f"could not place kern {label}")


def build_builtup(rng: np.random.Generator, municipalities: gpd.GeoDataFrame,
                  exclusions) -> gpd.GeoDataFrame:
    reference = reference_kern()
    reference_zone = box(*reference.bounds).buffer(REFERENCE_CLEARANCE_M)
    records = []
    for row in municipalities.itertuples():
        allowed_base = (row.geometry.buffer(-KERN_MUNICIPALITY_MARGIN_M)
                        .difference(reference_zone).difference(exclusions))
        seed = municipality_centre(row.geometry)
        placed: List = []
        for index in range(kern_count(row.inhabitants)):
            name = kern_name(row.gm_code, len(placed) + 1)
            if name == REFERENCE_KERN_NAME:
                placed.append(reference)
                records.append({"kern_name": name, "gm_code": row.gm_code,
                                "geometry": reference})
                continue
            allowed = allowed_base
            if placed:
                allowed = allowed.difference(shapely.union_all(placed).buffer(KERN_GAP_M))
            is_main = index == 0
            if is_main:
                # Dense Zuid-Limburg cells are small: cap the town at a share of them.
                cap = 0.4 if row.gm_code in BIG_CITIES else 0.3
                target = min(main_kern_area(row.gm_code, row.inhabitants),
                             cap * allowed.area)
                kern = place_kern(rng, allowed, seed, target, name)
            else:
                target = rng.uniform(0.4, 2.4) * 1e6
                kern = place_kern(rng, allowed, None, target, name,
                                  required=len(placed) < 2)
                if kern is None:
                    continue
            # Larger towns get a park (interior ring); some get a detached part.
            if is_main and row.inhabitants >= 30_000:
                kern = add_park(rng, kern, rng.uniform(0.02, 0.05))
            if index == 1 and row.inhabitants >= 40_000:
                with_satellite = add_satellite(rng, kern, allowed)
                if with_satellite is not None:
                    kern = with_satellite
            kern = rounded(kern, 0.01)
            placed.append(kern)
            records.append({"kern_name": name, "gm_code": row.gm_code, "geometry": kern})
    frame = gpd.GeoDataFrame(records, geometry="geometry", crs=CRS)
    frame.geometry = [to_multipolygon(g) for g in frame.geometry]
    frame.insert(0, "kern_id", np.arange(1, len(frame) + 1, dtype=np.int64))
    return frame


# ------------------------------------------------------------------- candidate sites
def site_box(dx0: float, dy0: float, dx1: float, dy1: float) -> Polygon:
    """An axis-aligned rectangle relative to the reference kern origin."""
    x0, y0 = REFERENCE_KERN_ORIGIN
    return box(x0 + dx0, y0 + dy0, x0 + dx1, y0 + dy1)


def reference_point(dx: float, dy: float) -> Point:
    x0, y0 = REFERENCE_KERN_ORIGIN
    return Point(x0 + dx, y0 + dy)


def straddling_site(municipalities: gpd.GeoDataFrame) -> Polygon:
    """A 200 x 150 m rectangle across the boundary of STRADDLE_PAIR, 70 % in the first.

    It lies on the longest straight stretch of their common boundary, aligned with it,
    so the boundary splits it at the chosen share.
    """
    cells = municipalities.set_index("gm_code").geometry
    first, second = cells[STRADDLE_PAIR[0]], cells[STRADDLE_PAIR[1]]
    common = shapely.line_merge(first.boundary.intersection(second.boundary))
    lines = getattr(common, "geoms", [common])
    segments = [LineString(pair) for line in lines
                for pair in zip(line.coords[:-1], line.coords[1:])]
    segment = max(segments, key=lambda s: (s.length, s.coords[0]))
    start, end = np.array(segment.coords[0]), np.array(segment.coords[1])
    along = (end - start) / np.linalg.norm(end - start)
    normal = np.array([-along[1], along[0]])
    middle = (start + end) / 2
    if not first.contains(Point(*(middle + normal * 10))):
        normal = -normal                                             # towards the first
    length, width = 200.0, 150.0
    centre = middle + normal * (STRADDLE_SHARE - 0.5) * width
    corners = [centre + sign_a * along * length / 2 + sign_n * normal * width / 2
               for sign_a, sign_n in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    site = rounded(Polygon([tuple(c) for c in corners]), 0.01)
    share = site.intersection(first).area / site.area
    rest = site.intersection(second).area / site.area
    if not (0.65 < share < 0.75 and abs(share + rest - 1) < 1e-6):
        raise AssertionError(f"straddling site splits {share:.3f} / {rest:.3f}")
    return site


def outside_province_site(province: Polygon) -> Polygon:
    # East of Venlo, across the German border.
    site = box(216_500, 378_000, 216_700, 378_150)
    if site.distance(province) < 2000:
        raise AssertionError("outside_province site is too close to the province")
    return site


def hard_case_geometries(municipalities: gpd.GeoDataFrame, province: Polygon) -> Dict:
    """Hard cases around the reference kern (rectangle 0..1000 x 0..800 m relative to
    REFERENCE_KERN_ORIGIN, park hole 400..600 x 300..500 m).
    Expected classes with edge distance 250 m and minimum inside share 0.9 are noted."""
    return {
        "inside": site_box(100, 100, 200, 200),                        # inside
        "on_boundary_inside": site_box(100, 700, 200, 800),            # inside
        "touching_outside": site_box(700, 800, 800, 900),              # edge, distance 0
        "at_edge_distance": site_box(1250, 100, 1350, 200),            # edge, 250 m
        "just_beyond_edge": site_box(1250.5, 500, 1350.5, 600),        # outside, 250.5 m
        "in_hole": site_box(450, 350, 550, 450),                       # edge, 50 m
        "straddling_contour_half": site_box(100, -50, 200, 50),        # edge, share 0.5
        "mostly_inside_95": site_box(700, -10, 800, 190),              # inside, share 0.95
        "multipart": MultiPolygon([site_box(300, 100, 400, 200),       # edge, share 0.5
                                   site_box(-700, 100, -600, 200)]),
        "straddling_municipalities": straddling_site(municipalities),
        "outside_province": outside_province_site(province),
        "far_outside": site_box(450, -1300, 550, -1200),               # outside, 1200 m
        "point_inside": reference_point(250, 550),                     # inside
        "point_on_boundary": reference_point(500, 800),                # inside
        "point_in_hole": reference_point(500, 400),                    # edge, 100 m
        "point_at_edge_distance": reference_point(-250, 400),          # edge, 250 m
        "point_outside": reference_point(-1500, 400),                  # outside, 1500 m
    }


def plan_attributes(rng: np.random.Generator, beds: Optional[int] = None) -> Dict:
    """Plausible plan numbers; bedrooms and living area are sometimes too tight for
    the norms (1 person per bedroom, 15 m2 per person) so checks give a mix."""
    if beds is None:
        beds = int(np.clip(round(rng.lognormal(math.log(60), 0.8)), 10, 300))
    if rng.random() < 0.5:
        bedrooms = beds
    else:
        bedrooms = max(1, int(round(beds / rng.uniform(1.2, 2.5))))
    living_area = round(beds * rng.uniform(10.0, 28.0) * 2) / 2
    return {
        "planned_beds": beds,
        "bedrooms": bedrooms,
        "living_area_m2": living_area,
        "toilets": max(1, int(math.ceil(beds / rng.uniform(3.0, 9.0)))),
        "showers": max(1, int(math.ceil(beds / rng.uniform(3.0, 10.0)))),
        "stay_category": str(rng.choice(["short", "mid", "long"], p=[0.35, 0.35, 0.3])),
        "building_type": str(rng.choice(["permanent", "temporary"], p=[0.6, 0.4])),
    }


def site_shape(rng: np.random.Generator, centre: Point, area_m2: float) -> Polygon:
    """A rotated rectangle, sometimes L-shaped, on a 0.5 m grid."""
    aspect = rng.uniform(1.0, 2.5)
    width = math.sqrt(area_m2 * aspect)
    height = area_m2 / width
    shape = box(-width / 2, -height / 2, width / 2, height / 2)
    if rng.random() < 0.3:
        shape = shape.difference(box(width / 2 - width * rng.uniform(0.25, 0.4),
                                     height / 2 - height * rng.uniform(0.25, 0.4),
                                     width / 2, height / 2))
    shape = affinity.rotate(shape, rng.uniform(0, 180), origin=(0, 0))
    return rounded(affinity.translate(shape, centre.x, centre.y), 0.5)


class RegularPlacer:
    """Places regular sites and points near kernen: inside, at the edge or outside."""

    def __init__(self, rng, municipalities, builtup, keep_clear):
        self.rng = rng
        self.cells = municipalities.set_index("gm_code").geometry
        self.inner_cells = {code: cell.buffer(-50) for code, cell in self.cells.items()}
        weights = np.array([math.sqrt(SYNTHETIC_LABOUR_MIGRANTS[c][0])
                            for c in municipalities["gm_code"]])
        self.codes = list(municipalities["gm_code"])
        self.weights = weights / weights.sum()
        self.builtup = builtup[builtup["kern_name"] != REFERENCE_KERN_NAME]
        self.all_kernen = shapely.union_all(builtup.geometry.values)
        shapely.prepare(self.all_kernen)
        self.occupied = [keep_clear]

    def _target(self):
        code = self.codes[self.rng.choice(len(self.codes), p=self.weights)]
        kernen = self.builtup[self.builtup["gm_code"] == code]
        kern = kernen.geometry.iloc[int(self.rng.integers(len(kernen)))]
        return code, kern

    def _region(self, kern, location: str):
        if location == "inside":
            return kern.buffer(-30)
        if location == "edge":
            return kern.buffer(200).difference(kern.buffer(-60))
        return kern.buffer(1500).difference(kern.buffer(450))

    def _acceptable(self, geometry, code, kern, location) -> bool:
        if not self.inner_cells[code].contains(geometry):
            return False
        if any(geometry.distance(other) < 100 for other in self.occupied):
            return False
        if location == "inside":
            return kern.contains(geometry)
        if location == "edge":
            return geometry.distance(kern) <= 200 and not kern.contains(geometry)
        return geometry.distance(self.all_kernen) > 350

    def place(self, location: str, as_point: bool):
        for _ in range(500):
            code, kern = self._target()
            centre = random_point_in(self.rng, self._region(kern, location), attempts=200)
            if centre is None:
                continue
            if as_point:
                geometry = rounded(centre, 0.5)
            else:
                geometry = site_shape(self.rng, centre, self.rng.uniform(2_000, 30_000))
            if self._acceptable(geometry, code, kern, location):
                self.occupied.append(geometry)
                return geometry
        raise AssertionError(f"could not place a regular {location} site")


def site_kind(rng: np.random.Generator) -> str:
    return SITE_KINDS[int(rng.integers(len(SITE_KINDS)))]


def site_label(site_id: str, kind: str) -> str:
    """'Locatie S003 – café': neutral, by id, never a real place name."""
    return f"Locatie {site_id} – {kind}"


# What each hard case shows, as the second half of its name.
HARD_CASE_KINDS = {
    "inside": "binnen de kern",
    "on_boundary_inside": "op de kerngrens, binnen",
    "touching_outside": "raakt de kern van buiten",
    "at_edge_distance": "precies 250 m van de kern",
    "just_beyond_edge": "net voorbij 250 m",
    "in_hole": "paviljoen in het park",
    "straddling_contour_half": "half binnen de kern",
    "mostly_inside_95": "95 % binnen de kern",
    "multipart": "twee kavels",
    "straddling_municipalities": "over de gemeentegrens",
    "outside_province": "buiten de provincie",
    "far_outside": "ver buiten de kern",
    "point_inside": "bovenwoning in de kern",
    "point_on_boundary": "hoekpand op de kerngrens",
    "point_in_hole": "theehuis in het park",
    "point_at_edge_distance": "woonboerderij op 250 m",
    "point_outside": "schuur in het buitengebied",
}


def build_candidates(rng: np.random.Generator, municipalities: gpd.GeoDataFrame,
                     builtup: gpd.GeoDataFrame, province: Polygon
                     ) -> Tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    hard = hard_case_geometries(municipalities, province)
    reference_zone = box(*reference_kern().bounds).buffer(2000)
    keep_clear = shapely.union_all([reference_zone, hard["straddling_municipalities"]])
    placer = RegularPlacer(rng, municipalities, builtup, keep_clear)

    site_rows, point_rows = [], []
    for case in HARD_SITE_CASES:
        site_rows.append({"name": HARD_CASE_KINDS[case], "case": case,
                          **plan_attributes(rng), "geometry": hard[case]})
    for case in HARD_POINT_CASES:
        point_rows.append({"name": HARD_CASE_KINDS[case], "case": case,
                           **plan_attributes(rng), "geometry": hard[case]})

    locations = ["inside", "edge", "edge", "outside"]
    for index in range(REGULAR_SITE_COUNT):
        geometry = placer.place(locations[index % len(locations)], as_point=False)
        site_rows.append({"name": site_kind(rng), "case": "regular",
                          **plan_attributes(rng), "geometry": geometry})
    for index in range(REGULAR_POINT_COUNT):
        geometry = placer.place(locations[index % len(locations)], as_point=True)
        point_rows.append({"name": site_kind(rng), "case": "regular",
                           **plan_attributes(rng), "geometry": geometry})

    sites = gpd.GeoDataFrame(site_rows, geometry="geometry", crs=CRS)
    sites.geometry = [to_multipolygon(g) for g in sites.geometry]
    points = gpd.GeoDataFrame(point_rows, geometry="geometry", crs=CRS)
    for frame, prefix in ((sites, "S"), (points, "P")):
        frame.insert(0, "site_id", [f"{prefix}{i:03d}" for i in range(1, len(frame) + 1)])
        frame["name"] = [site_label(site_id, kind)
                         for site_id, kind in zip(frame["site_id"], frame["name"])]
        # Missing data on purpose, in regular rows only.
        regular = frame.index[frame["case"] == "regular"]
        frame["bedrooms"] = frame["bedrooms"].astype("Int64")
        frame.loc[regular[[3, 11]], "bedrooms"] = pd.NA
        frame.loc[regular[[5, 9, 13]], "living_area_m2"] = np.nan
        add_room_details(frame, prefix)
    return sites[[*SITE_FIELDS, "geometry"]], points[[*SITE_FIELDS, "geometry"]]


PLAN_DETAIL_SEED = (SEED, 4)


def add_room_details(frame: pd.DataFrame, prefix: str) -> None:
    """Total bedroom area and housing type, drawn from their own random stream so that
    adding them left every other layer unchanged. About one plan in four has bedrooms
    too small for 3.5 m2 per person (SNF); a few leave the area empty (unknown)."""
    rng = np.random.default_rng([*PLAN_DETAIL_SEED, ord(prefix)])
    beds = frame["planned_beds"].astype(float).values
    tight = rng.random(len(frame)) < 0.25
    per_person = np.where(tight, rng.uniform(2.5, 3.4, len(frame)), rng.uniform(3.6, 7.0, len(frame)))
    area = np.round(beds * per_person * 2) / 2
    frame["bedroom_area_m2"] = area
    frame.loc[frame.index[rng.random(len(frame)) < 0.1], "bedroom_area_m2"] = np.nan
    frame["housing_type"] = np.where(frame["stay_category"].values == "long", "dwelling", "lodging")


# -------------------------------------------------------------------- accommodations
def build_accommodations(rng: np.random.Generator, builtup: gpd.GeoDataFrame,
                         labour: pd.DataFrame) -> Tuple[gpd.GeoDataFrame, np.ndarray]:
    """Existing and planned housing, concentrated where labour migrants are."""
    migrants_2022 = labour[labour["year"] == 2022].set_index("gm_code")["labour_migrants"]
    total_2022 = int(migrants_2022.sum())
    candidates = builtup[builtup["kern_name"] != REFERENCE_KERN_NAME]
    codes = list(migrants_2022.index)
    per_municipality = largest_remainder(migrants_2022.values.astype(float),
                                         ACCOMMODATION_COUNT)
    statuses = np.array(["existing"] * 56 + ["permitted"] * 10 + ["planned"] * 14)
    rng.shuffle(statuses)

    rows = []
    occupied: List[Point] = []
    for code, count in zip(codes, per_municipality):
        kernen = candidates[candidates["gm_code"] == code]
        # Bigger kernen attract more accommodation.
        areas = kernen.geometry.area.values
        for _ in range(int(count)):
            for _attempt in range(200):
                kern = kernen.geometry.iloc[rng.choice(len(kernen), p=areas / areas.sum())]
                at_edge = rng.random() < 0.3
                region = kern.buffer(100).difference(kern) if at_edge else kern
                point = random_point_in(rng, region)
                if point is None:
                    continue
                point = rounded(point, 0.5)
                if all(point.distance(other) > 150 for other in occupied):
                    break
            else:
                raise AssertionError(f"could not place an accommodation in {code}")
            occupied.append(point)
            rows.append({"gm_code": code, "kern_name": kernen.loc[
                kernen.geometry.distance(point).idxmin(), "kern_name"], "geometry": point})

    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS)
    frame["status"] = statuses[:len(frame)]
    sizes = np.clip(rng.lognormal(math.log(300), 0.7, len(frame)), 40, 900)
    beds = np.zeros(len(frame), dtype=np.int64)
    existing = (frame["status"] == "existing").values
    beds[existing] = largest_remainder(sizes[existing], round(EXISTING_BED_SHARE * total_2022))
    beds[~existing] = largest_remainder(sizes[~existing],
                                        round(PIPELINE_BED_SHARE * total_2022))
    frame["beds"] = beds
    frame["acc_id"] = [f"A{i:03d}" for i in range(1, len(frame) + 1)]
    # Neutral names by id ('Huisvesting A001 – campus'): the positions are invented.
    names = [f"Huisvesting {acc_id} – {ACCOMMODATION_KINDS[int(rng.integers(len(ACCOMMODATION_KINDS)))]}"
             for acc_id in frame["acc_id"]]
    frame["name"] = names
    frame["stay_category"] = rng.choice(["short", "mid", "long"], len(frame), p=[0.4, 0.35, 0.25])
    frame["bedrooms"] = [max(1, int(round(b / rng.uniform(1.0, 2.5)))) for b in beds]
    frame["living_area_m2"] = [round(b * rng.uniform(11.0, 26.0) * 2) / 2 for b in beds]
    certified = frame["status"] == "existing"
    frame["certification"] = np.where(
        certified, rng.choice(["SNF", "AKF", "none"], len(frame), p=[0.6, 0.25, 0.15]),
        rng.choice(["SNF", "none"], len(frame), p=[0.2, 0.8]))
    frame["building_type"] = rng.choice(["permanent", "temporary"], len(frame), p=[0.65, 0.35])
    # Temporary buildings have a permit that ends between 2026 and 2034.
    permit_end = np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[D]")
    for index in np.flatnonzero(frame["building_type"].values == "temporary"):
        year = int(rng.integers(2026, 2035))
        day = int(rng.integers(0, 365))
        permit_end[index] = np.datetime64(f"{year}-01-01") + np.timedelta64(day, "D")
    columns = ["acc_id", "name", "gm_code", "status", "stay_category", "beds", "bedrooms",
               "living_area_m2", "certification", "building_type", "geometry"]
    return frame[columns], permit_end


# ----------------------------------------------------------------------------- stays
# A separate random stream, so that adding or changing stays never changes the layers
# generated before them.
STAYS_SEED = (SEED, 3)
STAYS_REFERENCE_DATE = "2025-12-31"
STAY_DATE_FIELDS = ("start_date", "end_date", "contract_end", "employment_end")
# Hand-checkable stays (short-stay rule: at most 4 calendar months consecutively,
# within 12 months; transition period of at least 1 month), by resident:
# (case, [(accommodation number, start, end, contract end, employment end), ...]).
# Accommodation numbers index the short-stay accommodations; None is an empty date.
HAND_STAYS = [
    ("exact_4_months_month_end", [(0, "2024-10-31", "2025-02-28", "2025-03-31", "2025-02-28")]),
    ("exact_4_months_leap_year", [(0, "2023-10-31", "2024-02-29", "2024-03-31", "2024-02-29")]),
    ("one_day_too_long", [(1, "2024-10-31", "2025-03-01", "2025-04-01", "2025-03-01")]),
    ("back_to_back_two_accommodations", [(1, "2024-03-01", "2024-04-30", None, None),
                                         (2, "2024-05-01", "2024-07-20", "2024-08-31", "2024-07-20")]),
    ("overlapping", [(2, "2025-01-10", "2025-03-31", None, None),
                     (2, "2025-03-15", "2025-05-31", "2025-07-01", "2025-05-31")]),
    ("gap_of_one_day", [(3, "2024-01-01", "2024-03-31", None, None),
                        (3, "2024-04-02", "2024-04-30", "2024-05-31", "2024-04-30")]),
    ("split_by_short_break", [(3, "2024-06-01", "2024-08-31", None, None),
                              (0, "2024-09-20", "2024-11-30", "2024-12-31", "2024-11-30")]),
    ("ongoing_too_long", [(4, "2025-06-01", None, None, None)]),
    ("ongoing_within_limit", [(4, "2025-11-01", None, None, None)]),
    ("transition_too_short", [(5, "2025-01-01", "2025-01-31", "2025-02-15", "2025-01-31")]),
    ("transition_exactly_one_month", [(5, "2024-12-01", "2025-01-31", "2025-02-28", "2025-01-31")]),
    ("no_start_date", [(6, None, "2025-03-31", None, None)]),
]
REGULAR_STAY_RESIDENTS = 240


def build_stays(accommodations: gpd.GeoDataFrame) -> Tuple[pd.DataFrame, Dict[str, np.ndarray]]:
    """Stays of pseudonymous residents in the existing short-stay accommodations.

    Most follow the short-stay rule; about one in ten lasts too long, some residents
    return after a break (sometimes the next day), some contracts end less than a month
    after the employment, some stays are still ongoing on the reference date. Returns
    the text columns and the date columns (datetime64[D], NaT for empty)."""
    rng = np.random.default_rng(list(STAYS_SEED))
    short = accommodations[(accommodations["stay_category"] == "short")
                           & (accommodations["status"] == "existing")]
    acc_ids = list(short["acc_id"])
    if len(acc_ids) < 8:
        raise AssertionError("too few short-stay accommodations for the stays table")
    reference = np.datetime64(STAYS_REFERENCE_DATE)
    rows = []
    used_ids = set()

    def pseudonym() -> str:
        while True:
            candidate = "R" + "".join(rng.choice(list("0123456789ABCDEF"), 7))
            if candidate not in used_ids:
                used_ids.add(candidate)
                return candidate

    def date(text):
        return np.datetime64(text) if text else np.datetime64("NaT")

    for case, stays in HAND_STAYS:
        resident = pseudonym()
        for number, start, end, contract_end, employment_end in stays:
            rows.append((acc_ids[number], resident, case, date(start), date(end),
                         date(contract_end), date(employment_end)))
    # Weights: bigger accommodations house more residents.
    weights = short["beds"].to_numpy(dtype=float)
    weights /= weights.sum()
    first_day = np.datetime64("2024-01-01")
    for _ in range(REGULAR_STAY_RESIDENTS):
        resident = pseudonym()
        accommodation = acc_ids[int(rng.choice(len(acc_ids), p=weights))]
        start = first_day + np.timedelta64(int(rng.integers(0, 690)), "D")
        visits = 1 + int(rng.random() < 0.3)
        for _visit in range(visits):
            if start > reference:
                break
            too_long = rng.random() < 0.1
            days = int(rng.integers(125, 220) if too_long else rng.integers(20, 115))
            end = start + np.timedelta64(days, "D")
            if end > reference:
                # Still living there on the reference date: no end date yet.
                rows.append((accommodation, resident, "regular", start, np.datetime64("NaT"),
                             np.datetime64("NaT"), np.datetime64("NaT")))
                break
            employment_end = end
            draw = rng.random()
            if draw < 0.1:
                contract_end = employment_end = np.datetime64("NaT")
            elif draw < 0.22:
                contract_end = end + np.timedelta64(int(rng.integers(0, 25)), "D")
            else:
                contract_end = end + np.timedelta64(int(rng.integers(31, 62)), "D")
            rows.append((accommodation, resident, "regular", start, end, contract_end,
                         employment_end))
            # A return: sometimes the next day (one consecutive stay), else after weeks.
            gap = 1 if rng.random() < 0.3 else int(rng.integers(10, 120))
            start = end + np.timedelta64(gap, "D")
            if rng.random() < 0.3:
                accommodation = acc_ids[int(rng.choice(len(acc_ids), p=weights))]
    order = sorted(range(len(rows)), key=lambda i: (rows[i][0], str(rows[i][3]), rows[i][1]))
    rows = [rows[i] for i in order]
    text = pd.DataFrame({
        "stay_id": [f"ST{i:04d}" for i in range(1, len(rows) + 1)],
        "acc_id": [row[0] for row in rows],
        "resident_id": [row[1] for row in rows],
        "case": [row[2] for row in rows],
    })
    dates = {name: np.array([row[3 + k] for row in rows], dtype="datetime64[D]")
             for k, name in enumerate(STAY_DATE_FIELDS)}
    return text, dates


def write_stays(path: Path, text: pd.DataFrame, dates: Dict[str, np.ndarray]) -> None:
    """A table without geometry; dates through the raw interface so they become DATE fields."""
    names = list(text.columns) + list(STAY_DATE_FIELDS)
    values = [text[c].to_numpy(dtype=object) for c in text.columns] + \
        [dates[name] for name in STAY_DATE_FIELDS]
    write_raw_layer(path, None, values, names, layer="stays", driver="GPKG",
                    geometry_type=None, crs=None, append=False,
                    layer_options=description("stays"))


# ------------------------------------------------------------------- labour migrants
def build_labour_migrants(municipalities: gpd.GeoDataFrame) -> pd.DataFrame:
    codes = list(municipalities["gm_code"])
    weights_2022 = np.array([SYNTHETIC_LABOUR_MIGRANTS[c][0] for c in codes], dtype=float)
    growth = np.array([SYNTHETIC_LABOUR_MIGRANTS[c][1] for c in codes])
    counts = {
        2017: largest_remainder(weights_2022 / growth, LABOUR_MIGRANT_TOTALS[2017]),
        2022: largest_remainder(weights_2022, LABOUR_MIGRANT_TOTALS[2022]),
    }
    rows = [{"gm_code": code, "year": year, "labour_migrants": int(counts[year][i])}
            for year in sorted(counts) for i, code in enumerate(codes)]
    frame = pd.DataFrame(rows).sort_values(["gm_code", "year"], ignore_index=True)
    frame["year"] = frame["year"].astype(np.int64)
    frame["labour_migrants"] = frame["labour_migrants"].astype(np.int64)
    if (frame["labour_migrants"] <= 0).any():
        raise AssertionError("every municipality needs labour migrants")
    return frame


def build_metadata() -> pd.DataFrame:
    items = [
        ("generator", GENERATOR_NAME),
        ("seed", str(SEED)),
        ("crs", CRS),
        ("geometry", "real boundaries (province, regions, municipalities); everything "
                     "else synthetic"),
        ("facts_source", f"{CBS_ATTRIBUTION}: CBS Gebiedsindelingen 2024 and Kerncijfers "
                         f"wijken en buurten 2023, {CBS_LICENCE}"),
        ("facts", "boundaries of the province, COROP regions and municipalities (2024); "
                  "municipality codes, names, regions, inhabitants 1 January 2023"),
        ("synthetic", "built-up kernen, candidate sites and points, accommodations, labour "
                      "migrants per municipality, stays; neutral names, invented positions"),
        ("labour_migrants", "synthetic distribution, totals equal the policy figures"),
        ("labour_migrants_2017_total", str(LABOUR_MIGRANT_TOTALS[2017])),
        ("labour_migrants_2022_total", str(LABOUR_MIGRANT_TOTALS[2022])),
        ("inhabitants_total", str(INHABITANTS_TOTAL)),
        ("reference_kern", f"{REFERENCE_KERN_NAME} {REFERENCE_KERN_GM_CODE} origin "
                           f"{REFERENCE_KERN_ORIGIN[0]} {REFERENCE_KERN_ORIGIN[1]}"),
        ("edge_distance_m", str(EDGE_DISTANCE_M)),
        ("min_inside_share", str(MIN_INSIDE_SHARE)),
        # Kernen are placed by trial inside buffered real boundaries: another GEOS release
        # may round a buffer differently and place them elsewhere (tests/test_demo_data.py).
        ("geos", shapely.geos_version_string),
    ]
    items += [(f"source:{layer}", source) for layer, source in LAYER_SOURCES.items()]
    return pd.DataFrame(items, columns=["key", "value"])


# --------------------------------------------------------------------------- checks
def check_consistency(province, municipalities, builtup, sites, points) -> None:
    """Fails loudly when a generated layer breaks a promise the tests rely on."""
    cells = municipalities.set_index("gm_code").geometry
    union = shapely.union_all(cells.values)
    if abs(union.area - province.area) > 1 or abs(cells.area.sum() - union.area) > 1:
        raise AssertionError("municipalities do not tile the province")
    for row in builtup.itertuples():
        if not (row.geometry.is_valid and cells[row.gm_code].contains(row.geometry)):
            raise AssertionError(f"kern {row.kern_name} is invalid or outside its municipality")
    reference = reference_kern()
    others = builtup[builtup["kern_name"] != REFERENCE_KERN_NAME]
    if others.distance(reference).min() < 1500:
        raise AssertionError("another kern is too close to the reference kern")
    if not cells[REFERENCE_KERN_GM_CODE].contains(reference.buffer(1000)):
        raise AssertionError("the reference kern is too close to its municipality boundary")
    hard = pd.concat([sites, points])
    hard = hard[hard["case"].isin(HARD_SITE_CASES + HARD_POINT_CASES)]
    for row in hard.itertuples():
        if row.case in ("straddling_municipalities", "outside_province"):
            continue
        if not cells[REFERENCE_KERN_GM_CODE].contains(row.geometry):
            raise AssertionError(f"hard case {row.case} is not inside {REFERENCE_KERN_GM_CODE}")
        if row.case in ("far_outside", "point_outside") and \
                builtup.distance(row.geometry).min() < 1000:
            raise AssertionError(f"hard case {row.case} is within 1 km of a kern")


# --------------------------------------------------------------------------- writing
LAYER_GEOMETRY_TYPES = {"province": "Polygon", "regions": "MultiPolygon",
                        "municipalities": "MultiPolygon",
                        "builtup": "MultiPolygon", "candidate_sites": "MultiPolygon",
                        "candidate_points": "Point"}


def description(layer: str) -> Dict[str, str]:
    """The layer's source as its GeoPackage description (gpkg_contents), where QGIS and
    GDAL show it; the metadata table holds the same per layer."""
    return {"DESCRIPTION": LAYER_SOURCES.get(layer, "Herkomst en parameters van de demodata")}


def write_geopackage(output: Path, layers: Dict[str, pd.DataFrame],
                     accommodations: gpd.GeoDataFrame, permit_end: np.ndarray,
                     stays: Tuple[pd.DataFrame, Dict[str, np.ndarray]]) -> None:
    """Writes all layers to a temporary file next to ``output``, then moves it into
    place, so an interrupted run never leaves a half-written GeoPackage."""
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.stem}.{os.getpid()}.tmp.gpkg")
    if temporary.exists():
        temporary.unlink()
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": GPKG_TIMESTAMP})
    try:
        for name, frame in layers.items():
            if isinstance(frame, gpd.GeoDataFrame):
                geometry_type = LAYER_GEOMETRY_TYPES[name]
                pyogrio.write_dataframe(frame, temporary, layer=name, driver="GPKG",
                                        geometry_type=geometry_type,
                                        layer_options=description(name))
            else:
                pyogrio.write_dataframe(frame, temporary, layer=name, driver="GPKG",
                                        layer_options=description(name))
            if name == "candidate_points":
                write_accommodations(temporary, accommodations, permit_end)
        # Last, so that every earlier layer is written exactly as before it existed.
        write_stays(temporary, *stays)
        os.replace(temporary, output)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
        if temporary.exists():
            temporary.unlink()


def write_accommodations(path: Path, accommodations: gpd.GeoDataFrame,
                         permit_end: np.ndarray) -> None:
    """Written through the raw interface: only there does datetime64[D] become a real
    GeoPackage DATE field (pandas would make it a DATETIME)."""
    attributes = accommodations.drop(columns="geometry")
    names = list(attributes.columns) + ["permit_end"]
    values = [attributes[c].to_numpy() for c in attributes.columns] + [permit_end]
    write_raw_layer(path, shapely.to_wkb(accommodations.geometry.values), values, names,
                    layer="accommodations", driver="GPKG", crs=CRS, geometry_type="Point",
                    append=False, layer_options=description("accommodations"))


def generate(output: Path) -> Dict[str, pd.DataFrame]:
    rng = np.random.default_rng(SEED)
    province = read_province()
    province_shape = province.geometry.iloc[0]
    regions = read_regions()
    municipalities = read_municipalities()
    exclusions = straddling_site(municipalities).buffer(1000)
    builtup = build_builtup(rng, municipalities, exclusions)
    sites, points = build_candidates(rng, municipalities, builtup, province_shape)
    labour = build_labour_migrants(municipalities)
    accommodations, permit_end = build_accommodations(rng, builtup, labour)
    check_consistency(province_shape, municipalities, builtup, sites, points)
    layers = {
        "province": province,
        "regions": regions,
        "municipalities": municipalities,
        "builtup": builtup,
        "candidate_sites": sites,
        "candidate_points": points,
        "labour_migrants": labour,
        "metadata": build_metadata(),
    }
    stays = build_stays(accommodations)
    write_geopackage(output, layers, accommodations, permit_end, stays)
    layers["accommodations"] = accommodations
    layers["stays"] = stays[0]
    return layers


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("test_data/limburg_demo.gpkg"),
                        help="GeoPackage to write (replaced if it exists)")
    arguments = parser.parse_args(argv)
    layers = generate(arguments.output)
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in layers.items())
    print(f"wrote {arguments.output}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
