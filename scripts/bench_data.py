"""Synthetic, seeded benchmark data: a detailed built-up contour and parcel-like sites.

The built-up area imitates a provincial contour ("bestaand bebouwd gebied"): a few
hundred kernen with irregular, finely digitised outlines (hundreds of thousands of
vertices in all), some with holes (parks) and some multipart (satellite
neighbourhoods), none overlapping. Sites imitate cadastral parcels: small urban
parcels in and around the kernen, large rural ones everywhere else. Nothing here is
real geography.
"""
from typing import Tuple

import geopandas as gpd
import numpy as np
import shapely

CRS = "EPSG:28992"
# A province-sized box in RD New (about the extent of Limburg).
EXTENT = (172_000.0, 305_000.0, 214_000.0, 423_000.0)
VERTEX_SPACING_M = 5.0     # a contour digitised at about 1:5,000
KERN_COUNT = 400
URBAN_SHARE = 0.65         # most parcels lie in or near a kern


def _wobbly_ring(rng, centre, radius, vertices):
    """A star-shaped (hence simple) ring: smooth lobes plus fine digitising noise."""
    theta = np.linspace(0.0, 2.0 * np.pi, vertices, endpoint=False)
    r = np.ones(vertices)
    for harmonic in range(2, 7):
        r += rng.uniform(0.0, 0.18 / harmonic * 2) * np.cos(harmonic * theta + rng.uniform(0, 2 * np.pi))
    r += rng.normal(0.0, 0.01, vertices)
    r = radius * np.clip(r, 0.62, 1.45) / 1.45       # 0.43 R .. R
    x = centre[0] + r * np.cos(theta)
    y = centre[1] + r * np.sin(theta)
    return np.column_stack([x, y])


def _vertices_for(radius):
    return int(max(24, 2.0 * np.pi * radius / VERTEX_SPACING_M))


def builtup_area(seed: int = 2024) -> gpd.GeoDataFrame:
    """About 400 non-overlapping kernen: irregular outlines, holes and multipart kernen."""
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = EXTENT
    # Kern radii: many villages, some towns, a few cities (several km across).
    radii = np.clip(rng.lognormal(np.log(420.0), 0.6, KERN_COUNT), 150.0, 2500.0)
    radii[:4] = [3800.0, 3200.0, 2900.0, 2600.0]
    radii = np.sort(radii)[::-1]
    centres, reach = [], []
    geometries, names = [], []
    for number, radius in enumerate(radii):
        multipart = rng.random() < 0.12 and radius < 2000
        extent = radius * (2.6 if multipart else 1.1)
        for _ in range(2000):
            centre = (rng.uniform(minx + extent, maxx - extent), rng.uniform(miny + extent, maxy - extent))
            if all(np.hypot(centre[0] - c[0], centre[1] - c[1]) > extent + e + 150.0
                   for c, e in zip(centres, reach)):
                break
        else:
            continue
        centres.append(centre)
        reach.append(extent)
        shell = _wobbly_ring(rng, centre, radius, _vertices_for(radius))
        holes = []
        if rng.random() < 0.2 or radius > 2000:
            for _ in range(rng.integers(1, 4)):
                angle, offset = rng.uniform(0, 2 * np.pi), rng.uniform(0.0, 0.22) * radius
                hole_centre = (centre[0] + offset * np.cos(angle), centre[1] + offset * np.sin(angle))
                hole_radius = rng.uniform(0.05, 0.12) * radius
                ring = _wobbly_ring(rng, hole_centre, hole_radius, _vertices_for(hole_radius))
                holes.append(ring)
        polygons = [shapely.Polygon(shell, holes)]
        if len(holes) > 1:
            # Holes are placed at random and may touch or overlap: keep those that fit.
            polygons = [shapely.Polygon(shell, [h for i, h in enumerate(holes)
                                                if _hole_fits(holes, i)])]
        if multipart:
            for _ in range(rng.integers(1, 4)):
                angle = rng.uniform(0, 2 * np.pi)
                distance = rng.uniform(1.45, 1.9) * radius
                part_radius = rng.uniform(0.2, 0.45) * radius
                part_centre = (centre[0] + distance * np.cos(angle), centre[1] + distance * np.sin(angle))
                part = shapely.Polygon(_wobbly_ring(rng, part_centre, part_radius, _vertices_for(part_radius)))
                if not any(part.intersects(p) for p in polygons):
                    polygons.append(part)
        geometry = polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)
        geometries.append(geometry)
        names.append(f"Kern {number + 1:03d}")
    frame = gpd.GeoDataFrame({"kern_id": np.arange(1, len(names) + 1), "kern_name": names},
                             geometry=geometries, crs=CRS)
    assert shapely.is_valid(frame.geometry.values).all()
    return frame


def _hole_fits(holes, index):
    own = shapely.Polygon(holes[index])
    return not any(own.buffer(5.0).intersects(shapely.Polygon(other))
                   for j, other in enumerate(holes) if j < index)


def parcels(count: int, builtup: gpd.GeoDataFrame, seed: int = 7) -> gpd.GeoDataFrame:
    """``count`` parcel-like polygons: quadrilaterals (some with more vertices, a few
    multipart), small in and around the kernen and large in the countryside."""
    rng = np.random.default_rng(seed + count)
    urban = int(count * URBAN_SHARE)
    rural = count - urban
    kern_bounds = shapely.bounds(builtup.geometry.values)
    kern_centres = (kern_bounds[:, :2] + kern_bounds[:, 2:]) / 2
    kern_radius = (kern_bounds[:, 2:] - kern_bounds[:, :2]).max(axis=1) / 2
    weights = shapely.area(builtup.geometry.values)
    chosen = rng.choice(len(builtup), size=urban, p=weights / weights.sum())
    # In a disc 1.25 times the kern's radius: inside, across the edge, in the edge zone.
    angle = rng.uniform(0, 2 * np.pi, urban)
    distance = kern_radius[chosen] * 1.25 * np.sqrt(rng.uniform(0, 1, urban))
    urban_xy = kern_centres[chosen] + np.column_stack([distance * np.cos(angle), distance * np.sin(angle)])
    minx, miny, maxx, maxy = EXTENT
    rural_xy = np.column_stack([rng.uniform(minx, maxx, rural), rng.uniform(miny, maxy, rural)])
    centres = np.vstack([urban_xy, rural_xy])
    size = np.concatenate([rng.uniform(12, 35, urban), rng.uniform(60, 250, rural)])
    aspect = rng.uniform(0.4, 1.0, count)
    heading = rng.uniform(0, np.pi, count)
    order = rng.permutation(count)        # parcels are not stored in any useful order
    centres, size, aspect, heading = centres[order], size[order], aspect[order], heading[order]
    geometries = _quadrilaterals(rng, centres, size, size * aspect, heading)
    # One in five parcels has a more detailed outline; one in two hundred is multipart.
    detailed = np.flatnonzero(rng.random(count) < 0.2)
    geometries[detailed] = shapely.segmentize(geometries[detailed], (size[detailed] * aspect[detailed]) / 2.5)
    multipart = np.flatnonzero(rng.random(count) < 0.005)
    offset = centres[multipart] + size[multipart, None] * 1.6
    second = _quadrilaterals(rng, offset, size[multipart] / 2, size[multipart] / 3, heading[multipart])
    geometries[multipart] = shapely.multipolygons(
        np.column_stack([geometries[multipart], second]).tolist())
    return gpd.GeoDataFrame({"parcel_id": np.arange(1, count + 1, dtype=np.int64),
                             "area_class": np.where(size < 40, "urban", "rural")},
                            geometry=geometries, crs=CRS)


def _quadrilaterals(rng, centres, length, width, heading) -> np.ndarray:
    count = len(centres)
    corners = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]])
    local = corners[None, :, :] * np.column_stack([length, width])[:, None, :]
    local += rng.normal(0.0, 0.04, (count, 4, 2)) * np.column_stack([length, width])[:, None, :]
    cos, sin = np.cos(heading)[:, None], np.sin(heading)[:, None]
    x = centres[:, 0, None] + local[:, :, 0] * cos - local[:, :, 1] * sin
    y = centres[:, 1, None] + local[:, :, 0] * sin + local[:, :, 1] * cos
    ring = np.concatenate([np.stack([x, y], axis=2), np.stack([x[:, :1], y[:, :1]], axis=2)], axis=1)
    return shapely.polygons(ring)


def describe(builtup: gpd.GeoDataFrame) -> Tuple[int, int, int, int]:
    """(kernen, vertices, holes, multipart kernen) of a built-up frame."""
    geometries = builtup.geometry.values
    parts = shapely.get_parts(geometries)
    return (len(builtup), int(shapely.get_num_coordinates(geometries).sum()),
            int(shapely.get_num_interior_rings(parts).sum()),
            int((shapely.get_num_geometries(geometries) > 1).sum()))
