"""The fast classification engine against direct geometry, on generated data.

The core takes shortcuts (a cell grid, small pieces, bulk clipping, indexed
distances); these tests compute the same quantities the direct way with shapely on
whole polygons and require equal results for every site.
"""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Polygon

from limburg_flexwonen_plugin.core.classify_sites import (ClassificationParameters, SiteClassifier,
                                                           classify_sites)
from limburg_flexwonen_plugin.core.polygon_index import (CellGrid, ConvexClipper, PolygonIndex,
                                                         RingTable, subdivide)

X0, Y0 = 180_000.0, 350_000.0
RNG_SEED = 20240611


def wobbly(rng, cx, cy, radius, vertices):
    theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    r = radius * (1 + 0.25 * np.cos(3 * theta + rng.uniform(0, 6)) + rng.normal(0, 0.02, vertices))
    return np.column_stack([cx + r * np.cos(theta), cy + r * np.sin(theta)])


@pytest.fixture(scope="module")
def kernen():
    """Detailed kernen: one with holes, one multipart, small villages; names by kern."""
    rng = np.random.default_rng(RNG_SEED)
    town = Polygon(wobbly(rng, X0, Y0, 1500, 900),
                   [wobbly(rng, X0 + 200, Y0 - 100, 150, 60), wobbly(rng, X0 - 400, Y0 + 300, 120, 50)])
    split = MultiPolygon([Polygon(wobbly(rng, X0 + 4200, Y0, 600, 400)),
                          Polygon(wobbly(rng, X0 + 5300, Y0 + 900, 250, 120))])
    villages = [Polygon(wobbly(rng, X0 + dx, Y0 + dy, r, 150))
                for dx, dy, r in ((-3500, 2500, 300), (1000, -3800, 420), (-2600, -2700, 200))]
    geometries = [town, split] + villages
    return gpd.GeoDataFrame({"kern_name": ["Stad", "Tweeling", "Noord", "Zuid", "West"]},
                            geometry=geometries, crs=28992)


def make_sites(rng, count):
    """Parcels (convex and not, some multipart), points and multipoints around the kernen."""
    centres = np.column_stack([rng.uniform(X0 - 5000, X0 + 7000, count), rng.uniform(Y0 - 5000, Y0 + 4000, count)])
    size = rng.choice([15.0, 40.0, 200.0], count)
    angle = rng.uniform(0, np.pi, count)
    geometries = []
    for number, ((cx, cy), s, a) in enumerate(zip(centres, size, angle)):
        kind = number % 10
        if kind == 8:
            geometries.append(shapely.Point(cx, cy))
            continue
        if kind == 9:
            geometries.append(shapely.MultiPoint([(cx, cy), (cx + 60, cy - 20)]))
            continue
        if kind == 7:   # an L shape: not convex
            shape = shapely.Polygon([(0, 0), (s, 0), (s, s / 2), (s / 2, s / 2), (s / 2, s), (0, s)])
        elif kind == 6:
            shape = MultiPolygon([shapely.box(0, 0, s / 2, s / 2), shapely.box(s, s, 1.5 * s, 1.5 * s)])
        else:
            shape = shapely.box(0, 0, s, s * 0.6)
        shape = shapely.affinity.rotate(shape, a, origin=(0, 0), use_radians=True)
        geometries.append(shapely.affinity.translate(shape, cx, cy))
    return gpd.GeoDataFrame({"number": np.arange(count)}, geometry=geometries, crs=28992)


def direct_rule(sites, kernen, parameters):
    """The rule computed the plain way: whole geometries, no index tricks."""
    union = shapely.union_all(kernen.geometry.values)
    rows = []
    for geometry in sites.geometry.values:
        if shapely.get_dimensions(geometry) == 0:
            points = shapely.get_parts(geometry)
            share = float(np.mean([union.intersects(point) for point in points]))
        else:
            share = min(geometry.intersection(union).area / geometry.area, 1.0)
        distance = geometry.distance(union)
        overlaps = [(geometry.intersection(kern).area, -number) for number, kern in enumerate(kernen.geometry.values)
                    if geometry.intersects(kern)]
        if overlaps:
            kern = -max(overlaps)[1]
        else:
            kern = int(np.argmin([geometry.distance(k) for k in kernen.geometry.values]))
        inside = share >= parameters.min_inside_share - 1e-9
        edge = not inside and distance <= parameters.edge_distance_m + 0.001
        rows.append(("inside" if inside else "edge" if edge else "outside", share, distance,
                     kernen.kern_name.values[kern]))
    return pd.DataFrame(rows, columns=["location_class", "inside_share", "distance_m", "nearest_kern"],
                        index=sites.index)


@pytest.fixture(scope="module")
def sites():
    return make_sites(np.random.default_rng(RNG_SEED + 1), 1500)


@pytest.mark.parametrize("overlapping", [False, True])
def test_engine_equals_direct_geometry_on_every_site(kernen, sites, overlapping):
    if overlapping:
        # A kern drawn over another: shares must not count the overlap twice.
        extra = gpd.GeoDataFrame({"kern_name": ["Overlap"]},
                                 geometry=[shapely.buffer(shapely.Point(X0 + 1200, Y0 + 800), 700)], crs=28992)
        kernen = pd.concat([kernen, extra], ignore_index=True)
    parameters = ClassificationParameters(250.0, 0.9)
    result = classify_sites(sites, kernen, parameters)
    expected = direct_rule(sites, kernen, parameters)
    assert (result.location_class == expected.location_class).all()
    assert np.allclose(result.inside_share, expected.inside_share, atol=1e-6)
    assert np.allclose(result.distance_m, expected.distance_m, atol=1e-3)
    assert (result.nearest_kern == expected.nearest_kern).all()
    # The data really exercise every class and both kinds of geometry.
    assert set(result.location_class) == {"inside", "edge", "outside"}
    assert ((result.inside_share > 0) & (result.inside_share < 1)).sum() > 20


def test_results_do_not_depend_on_how_sites_are_split(kernen, sites):
    classifier = SiteClassifier(kernen)
    whole = classifier.classify(sites)
    parts = pd.concat([classifier.classify(sites.iloc[start:start + 137])
                       for start in range(0, len(sites), 137)])
    pd.testing.assert_frame_equal(whole.drop(columns="geometry"), parts.drop(columns="geometry"))


def test_pieces_cover_each_polygon_exactly_and_are_small(kernen):
    polygons = kernen.geometry.values
    pieces, owner = subdivide(polygons, 32)
    assert shapely.is_valid(pieces).all()
    assert (shapely.get_num_coordinates(pieces) <= 32).all()
    assert len(pieces) > 10 * len(polygons)
    for number, polygon in enumerate(polygons):
        rebuilt = shapely.union_all(pieces[owner == number])
        assert rebuilt.symmetric_difference(polygon).area < 1e-6
        assert abs(shapely.area(pieces[owner == number]).sum() - polygon.area) < 1e-6


def test_cell_grid_never_claims_what_geometry_denies(kernen):
    rng = np.random.default_rng(RNG_SEED + 2)
    index = PolygonIndex(kernen.geometry.values)
    lows = np.column_stack([rng.uniform(X0 - 5000, X0 + 7000, 5000), rng.uniform(Y0 - 5000, Y0 + 4000, 5000)])
    boxes = shapely.box(lows[:, 0], lows[:, 1], lows[:, 0] + rng.uniform(0, 120, 5000),
                        lows[:, 1] + rng.uniform(0, 120, 5000))
    state, owner = index.grid.classify(shapely.bounds(boxes))
    inside = state == CellGrid.INSIDE
    outside = state == CellGrid.OUTSIDE
    assert inside.sum() > 200 and outside.sum() > 2000
    assert shapely.contains_properly(index.polygons[owner[inside]], boxes[inside]).all()
    assert not shapely.intersects(shapely.union_all(index.polygons), boxes[outside]).any()


@pytest.mark.parametrize("clockwise", [False, True])
def test_bulk_clipping_areas_equal_overlay_areas(kernen, clockwise):
    pieces, _ = subdivide(kernen.geometry.values, 48)
    centres = shapely.get_coordinates(shapely.point_on_surface(pieces))
    count = len(pieces)
    sites = shapely.polygons(np.stack([
        centres + offset for offset in
        ([-40, -25], [35, -30], [45, 20], [-20, 40], [-40, -25])], axis=1))
    if clockwise:
        sites = shapely.reverse(sites)
    clipper = ConvexClipper(sites)
    assert clipper.usable.all()
    areas = clipper.areas(np.arange(count), RingTable(pieces), np.arange(count))
    expected = shapely.area(shapely.intersection(sites, pieces))
    assert np.allclose(areas, expected, atol=1e-6)
    assert (expected > 0).sum() > count * 0.9


def test_far_sites_get_exact_distances_and_nearest_kern(kernen):
    far = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[
        shapely.box(X0 - 20_000, Y0, X0 - 19_900, Y0 + 100),
        shapely.Point(X0 + 30_000, Y0 - 25_000)], crs=28992)
    result = classify_sites(far, kernen)
    union = shapely.union_all(kernen.geometry.values)
    assert np.allclose(result.distance_m, shapely.distance(far.geometry.values, union), atol=1e-3)
    assert list(result.location_class) == ["outside", "outside"]


def test_threads_give_the_same_results_as_one(kernen, sites, monkeypatch):
    """The GEOS-heavy steps run in threads (core/parallel.py): forced onto three
    threads even for small arrays, every result equals the one-thread run and the
    direct computation."""
    from limburg_flexwonen_plugin.core import parallel
    monkeypatch.setattr(parallel, "THREADS", 1)
    alone = classify_sites(sites, kernen)
    calls = []
    real_map = parallel.map_slices

    def counted(step, *arrays, threads=0):
        calls.append(parallel.thread_count(len(arrays[0]), threads))
        return real_map(step, *arrays, threads=threads)
    monkeypatch.setattr(parallel, "THREADS", 3)
    monkeypatch.setattr(parallel, "MIN_PER_THREAD", 5)
    monkeypatch.setattr(parallel, "map_slices", counted)
    threaded = classify_sites(sites, kernen)
    assert max(calls) == 3, "no step ran in threads"
    pd.testing.assert_frame_equal(alone.drop(columns="geometry"), threaded.drop(columns="geometry"))
    expected = direct_rule(sites, kernen, ClassificationParameters(250.0, 0.9))
    assert np.allclose(threaded.distance_m, expected.distance_m, atol=1e-3)
    assert (threaded.nearest_kern == expected.nearest_kern).all()


def test_slices_come_back_in_order_and_each_thread_has_its_own_prepared_copy(monkeypatch):
    from limburg_flexwonen_plugin.core import parallel
    monkeypatch.setattr(parallel, "MIN_PER_THREAD", 10)
    values = np.arange(1_000)
    seen = {}

    def step(number, part):
        seen[number] = (part[0], part[-1])
        return part * 2
    assert (parallel.map_slices(step, values, threads=4) == values * 2).all()
    assert sorted(seen) == [0, 1, 2, 3] and seen[0][0] == 0 and seen[3][1] == 999
    copies = parallel.PreparedCopies(np.array([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)]))
    assert copies[1] is not copies[0] and copies[1] is copies[1]
    assert shapely.is_prepared(copies[1]).all() and shapely.equals(copies[1], copies[0]).all()
