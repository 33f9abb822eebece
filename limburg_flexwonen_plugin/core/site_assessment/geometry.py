"""The geometry of the classification rule, for maps of a site (shapely only).

Nothing here decides a class: ``core.classify_sites`` does. These are the pictures of
its rule: the edge zone (everything within the edge distance of the built-up area), the
shortest line from a site to the built-up area, and the part of the map to show. The
panel draws the edge zone on the canvas; the site report draws all of them.
"""
from typing import Optional

import geopandas as gpd
import numpy as np
import shapely

from ..geometry import prepare_layer

MIN_VIEW_SIZE_M = 900.0
VIEW_MARGIN = 0.12
# The nearest built-up area is brought into view when it is at most this far away;
# farther away the distance line runs off the map (its length is in the table).
MAX_DISTANCE_IN_VIEW_M = 2500.0


def builtup_parts(builtup_geometries) -> np.ndarray:
    """The dissolved, non-overlapping parts of the built-up area."""
    geometries = np.asarray(builtup_geometries, dtype=object)
    geometries = geometries[~shapely.is_missing(geometries)]
    if len(geometries) == 0:
        return np.asarray([], dtype=object)
    return shapely.get_parts(shapely.union_all(geometries))


def edge_zone(builtup, sites, edge_distance_m: float, reach_m: Optional[float] = None,
              margin_m: float = 1_000.0):
    """The built-up area grown by the edge distance, around the sites (one geometry, RD).

    ``builtup``: the built-up area as a frame (prepared here) or as polygons in RD (for
    example ``builtup_parts``); ``sites``: one geometry or many. Only the built-up area
    near the sites is buffered, so a whole province contour never is: within ``reach_m``
    of a site, or, without it, within the site's own distance to the built-up area plus
    the edge distance plus ``margin_m`` (the outline where "at the edge" ends around the
    nearest built-up area, however far away). None when nothing is near.
    """
    if builtup is None or len(builtup) == 0 or edge_distance_m <= 0:
        return None
    if isinstance(builtup, gpd.GeoDataFrame):
        prepared, _ = prepare_layer(builtup, "built-up area", "polygon")
        polygons = np.asarray(prepared.geometry.values[~prepared.geometry.isna().values], dtype=object)
    else:
        polygons = np.asarray(builtup, dtype=object)
    sites = np.atleast_1d(np.asarray(sites, dtype=object))
    sites = sites[~shapely.is_missing(sites)]
    if len(polygons) == 0 or len(sites) == 0:
        return None
    tree = shapely.STRtree(polygons)
    if reach_m is None:
        nearest = tree.query_nearest(sites, return_distance=True, all_matches=False)[1]
        reach = np.asarray(nearest, dtype=float) + edge_distance_m + margin_m
    else:
        reach = reach_m
    _, near = tree.query(sites, predicate="dwithin", distance=reach)
    near = np.unique(near)
    if len(near) == 0:
        return None
    return shapely.buffer(shapely.union_all(polygons[near]), edge_distance_m, quad_segs=16)


def distance_line(site, parts: np.ndarray, tree: Optional[shapely.STRtree] = None):
    """The shortest line from the site to the built-up area; None when they touch."""
    if site is None or shapely.is_missing(site) or len(parts) == 0:
        return None
    tree = tree or shapely.STRtree(parts)
    nearest = tree.query_nearest(site, all_matches=False)
    if len(nearest) == 0:
        return None
    part = parts[nearest[0]]
    if shapely.intersects(site, part):
        return None
    return shapely.shortest_line(site, part)


def view_box(site, edge_distance_m: float, line=None):
    """The map area for one site: the site grown by the edge distance, the distance line
    when it is short enough, a margin, and at least ``MIN_VIEW_SIZE_M`` across."""
    shapes = [shapely.buffer(site, max(edge_distance_m, 1.0))]
    if line is not None and shapely.length(line) <= MAX_DISTANCE_IN_VIEW_M:
        shapes.append(line)
    minx, miny, maxx, maxy = shapely.total_bounds(np.asarray(shapes, dtype=object))
    width, height = maxx - minx, maxy - miny
    grow = max(width, height) * VIEW_MARGIN
    minx, miny, maxx, maxy = minx - grow, miny - grow, maxx + grow, maxy + grow
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half_w = max(maxx - minx, MIN_VIEW_SIZE_M) / 2
    half_h = max(maxy - miny, MIN_VIEW_SIZE_M) / 2
    return shapely.box(cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def boundary_lines(polygons):
    """The municipal boundaries as one set of lines (shared edges once)."""
    polygons = np.asarray(polygons, dtype=object)
    polygons = polygons[~shapely.is_missing(polygons)]
    if len(polygons) == 0:
        return None
    return shapely.line_merge(shapely.union_all(shapely.boundary(polygons)))
