"""The index: polygons prepared once, and the bulk overlap and distance queries of sites
against them."""
from typing import Optional, Tuple

import numpy as np
import shapely

from .. import parallel
from .cell_grid import CellGrid
from .convex_clip import ConvexClipper, RingTable
from .pieces import MAX_PIECE_VERTICES, subdivide

FIRST_SEARCH_RADIUS = 1000.0   # metres


class PolygonIndex:
    """Polygons prepared once for many bulk queries.

    ``disjoint`` declares that no two polygons share interior points (touching is
    fine): a site inside one polygon then cannot meet any other, which saves work.
    """

    def __init__(self, polygons: np.ndarray, disjoint: bool = False,
                 max_piece_vertices: int = MAX_PIECE_VERTICES, grid_cells: Optional[int] = None):
        self.polygons = np.asarray(polygons, dtype=object)
        self.disjoint = disjoint
        shapely.prepare(self.polygons)
        self.tree = shapely.STRtree(self.polygons)
        self.bounds = shapely.bounds(self.polygons)
        self.pieces, self.piece_owner = subdivide(self.polygons, max_piece_vertices)
        shapely.prepare(self.pieces)
        self.piece_rings = RingTable(self.pieces)
        self.piece_tree = shapely.STRtree(self.pieces)
        # Distances to a polygon from outside are distances to its boundary; prepared
        # boundaries answer them through an index of their segments.
        self.boundaries = shapely.boundary(self.polygons)
        self.prepared_boundaries = parallel.PreparedCopies(self.boundaries)
        self.grid = CellGrid(self.polygons, self.boundaries, grid_cells) if len(self.polygons) else None

    def __len__(self) -> int:
        return len(self.polygons)

    # -- overlaps ---------------------------------------------------------------------
    def overlaps(self, sites: np.ndarray, site_area: Optional[np.ndarray] = None
                 ) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every (site, polygon) pair that intersects, with the area of the site inside
        that polygon (0 for points and for sites that only touch).

        Returns ``(site, polygon, area, point_share)``: the pairs as index arrays into
        ``sites`` and ``self.polygons``, their areas, and per site the share of its
        points (for point and multipoint sites) lying in or on some polygon.
        """
        sites = np.asarray(sites, dtype=object)
        count = len(sites)
        if site_area is None:
            site_area = shapely.area(sites)
        is_point = shapely.get_dimensions(sites) == 0
        point_share = np.zeros(count)
        empty = np.zeros(0, dtype=np.intp)
        pair_sites, pair_polygons, pair_areas = [empty], [empty], [np.zeros(0)]

        polygon_sites = np.flatnonzero(~is_point & ~shapely.is_missing(sites))
        if len(polygon_sites):
            s, k, a = self._polygon_site_overlaps(sites[polygon_sites], site_area[polygon_sites])
            pair_sites.append(polygon_sites[s])
            pair_polygons.append(k)
            pair_areas.append(a)
        point_sites = np.flatnonzero(is_point & ~shapely.is_missing(sites))
        if len(point_sites):
            s, k, share = self._point_site_overlaps(sites[point_sites])
            pair_sites.append(point_sites[s])
            pair_polygons.append(k)
            pair_areas.append(np.zeros(len(s)))
            point_share[point_sites] = share
        return (np.concatenate(pair_sites), np.concatenate(pair_polygons),
                np.concatenate(pair_areas), point_share)

    def _polygon_site_overlaps(self, sites, site_area):
        if self.grid is not None:
            # Most sites lie in cells wholly inside one polygon or wholly outside all;
            # only those near a boundary need geometry.
            state, owner = self.grid.classify(shapely.bounds(sites))
            inside = np.flatnonzero(state == CellGrid.INSIDE)
            unsure = np.flatnonzero(state == CellGrid.UNSURE)
            s, k, a = self._polygon_site_overlaps_exact(sites[unsure], site_area[unsure])
            return (np.concatenate([inside, unsure[s]]), np.concatenate([owner[inside], k]),
                    np.concatenate([site_area[inside], a]))
        return self._polygon_site_overlaps_exact(sites, site_area)

    def _polygon_site_overlaps_exact(self, sites, site_area):
        site_pairs, polygon_pairs = self.tree.query(sites)
        # A site in the interior of a polygon is wholly inside it.
        inside = shapely.contains_properly(self.polygons[polygon_pairs], sites[site_pairs])
        remaining = ~inside
        if self.disjoint:
            settled = np.zeros(len(sites), dtype=bool)
            settled[site_pairs[inside]] = True
            remaining &= ~settled[site_pairs]
        candidates = np.flatnonzero(remaining)
        meets = shapely.intersects(self.polygons[polygon_pairs[candidates]], sites[site_pairs[candidates]])
        crossing = candidates[meets]
        crossing_area = self._crossing_areas(sites, site_area, site_pairs[crossing], polygon_pairs[crossing])
        return (np.concatenate([site_pairs[inside], site_pairs[crossing]]),
                np.concatenate([polygon_pairs[inside], polygon_pairs[crossing]]),
                np.concatenate([site_area[site_pairs[inside]], crossing_area]))

    def _crossing_areas(self, sites, site_area, site_pairs, polygon_pairs):
        """Area of each site inside each polygon for pairs whose site meets the boundary,
        summed over the polygon's small pieces."""
        areas = np.zeros(len(site_pairs))
        if len(site_pairs) == 0:
            return areas
        crossing_sites = np.unique(site_pairs)
        local, piece = self.piece_tree.query(sites[crossing_sites])
        site_of = crossing_sites[local]
        owner = self.piece_owner[piece]
        # Keep the pieces of the polygons each site was found to meet.
        width = np.int64(len(self.polygons))
        wanted_keys = site_pairs.astype(np.int64) * width + polygon_pairs
        piece_keys = site_of.astype(np.int64) * width + owner
        keep = np.isin(piece_keys, wanted_keys)
        site_of, piece, piece_keys = site_of[keep], piece[keep], piece_keys[keep]
        piece_area = np.zeros(len(site_of))
        # Simple convex sites (most parcels): clip the piece by the site in bulk.
        clip = ConvexClipper(sites[crossing_sites])
        by_clipping = clip.usable[np.searchsorted(crossing_sites, site_of)]
        rows = np.flatnonzero(by_clipping)
        if len(rows):
            piece_area[rows] = clip.areas(np.searchsorted(crossing_sites, site_of[rows]),
                                          self.piece_rings, piece[rows])
        rows = np.flatnonzero(~by_clipping)
        if len(rows):
            piece_area[rows] = self._overlay_areas(sites, site_area, site_of[rows], piece[rows])
        unique_keys, inverse = np.unique(piece_keys, return_inverse=True)
        sums = np.bincount(inverse, weights=piece_area, minlength=len(unique_keys))
        found = np.searchsorted(unique_keys, wanted_keys)
        present = (found < len(unique_keys)) & (unique_keys[np.minimum(found, len(unique_keys) - 1)] == wanted_keys)
        areas[present] = sums[found[present]]
        return areas

    def _overlay_areas(self, sites, site_area, site_of, piece):
        """Intersection areas by GEOS overlay, for sites the clipper cannot take."""
        area = np.zeros(len(site_of))
        meets = shapely.intersects(self.pieces[piece], sites[site_of])
        covered = np.zeros(len(site_of), dtype=bool)
        covered[meets] = shapely.covers(self.pieces[piece[meets]], sites[site_of[meets]])
        area[covered] = site_area[site_of[covered]]
        cut = np.flatnonzero(meets & ~covered)
        if len(cut):
            area[cut] = shapely.area(shapely.intersection(sites[site_of[cut]], self.pieces[piece[cut]]))
        return area

    def _point_site_overlaps(self, sites):
        points, owner = shapely.get_parts(sites, return_index=True)
        if self.grid is not None:
            state, cell_owner = self.grid.classify(shapely.bounds(points))
            inside = np.flatnonzero(state == CellGrid.INSIDE)
            unsure = np.flatnonzero(state == CellGrid.UNSURE)
            point_pairs, polygon_pairs = self.tree.query(points[unsure])
            point_pairs = unsure[point_pairs]
        else:
            inside = np.zeros(0, dtype=np.intp)
            cell_owner = np.zeros(0, dtype=np.intp)
            point_pairs, polygon_pairs = self.tree.query(points)
        hit = shapely.intersects(self.polygons[polygon_pairs], points[point_pairs])
        point_pairs = np.concatenate([inside, point_pairs[hit]])
        polygon_pairs = np.concatenate([cell_owner[inside], polygon_pairs[hit]])
        is_hit = np.zeros(len(points), dtype=bool)
        is_hit[point_pairs] = True
        per_site_points = np.bincount(owner, minlength=len(sites))
        per_site_hits = np.bincount(owner, weights=is_hit, minlength=len(sites))
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(per_site_points > 0, per_site_hits / np.maximum(per_site_points, 1), 0.0)
        pairs = np.unique(np.column_stack([owner[point_pairs], polygon_pairs]), axis=0)
        return pairs[:, 0], pairs[:, 1], share

    # -- distances --------------------------------------------------------------------
    def nearest(self, sites: np.ndarray, first_radius: float) -> Tuple[np.ndarray, np.ndarray]:
        """Exact distance from each site to the nearest polygon, and that polygon.

        Only for sites that meet no polygon (their distance to a polygon is then the
        distance to its boundary). Ties go to the polygon listed first. The search
        starts with polygons whose bounding box lies within ``first_radius`` and
        widens only for the sites that found nothing there.
        """
        sites = np.asarray(sites, dtype=object)
        count = len(sites)
        distance = np.full(count, np.inf)
        nearest = np.full(count, -1, dtype=np.intp)
        if count == 0 or len(self.polygons) == 0:
            return distance, nearest
        site_bounds = shapely.bounds(sites)
        # Apart from the polygons, a site's distance is its outline's distance, and GEOS
        # measures outlines faster than polygons.
        outlines = np.where(shapely.get_dimensions(sites) == 2,
                            parallel.elementwise(shapely.boundary, sites), sites)
        todo = np.arange(count)
        # Looking further than asked costs little (candidates are only boxes) and saves
        # most far sites a second round.
        reach = np.full(count, max(float(first_radius), FIRST_SEARCH_RADIUS))
        while len(todo):
            bounds = site_bounds[todo]
            radius = reach[todo]
            search = shapely.box(bounds[:, 0] - radius, bounds[:, 1] - radius,
                                 bounds[:, 2] + radius, bounds[:, 3] + radius)
            local, polygon = self.tree.query(search)
            gap = _box_gap(bounds[local], self.bounds[polygon])
            close = (gap <= radius[local]) & (polygon != nearest[todo[local]])
            local, polygon, gap = local[close], polygon[close], gap[close]
            distance[todo], nearest[todo] = self._nearest_among(
                outlines[todo], local, polygon, gap, distance[todo], nearest[todo])
            # A polygon nearer than the best found has a bounding-box gap below it, so
            # the best is final when it lies within the searched radius.
            final = distance[todo] <= radius
            reach[todo] = np.where(np.isfinite(distance[todo]), distance[todo], radius * 8.0)
            todo = todo[~final]
        return distance, nearest

    def _nearest_among(self, outlines, local, polygon, gap, known, known_polygon):
        """Per site the nearest of its candidate polygons and the one already known:
        first the candidate with the smallest bounding-box gap (when nothing is known
        yet), then only those whose gap does not exceed the best distance so far."""
        best = known.copy()
        if len(local) == 0:
            return best, known_polygon.copy()
        order = np.lexsort((polygon, gap, local))
        local, polygon, gap = local[order], polygon[order], gap[order]
        is_first = np.ones(len(local), dtype=bool)
        is_first[1:] = local[1:] != local[:-1]
        is_first &= ~np.isfinite(known[local])
        distance = np.full(len(local), np.inf)
        distance[is_first] = self._boundary_distance(polygon[is_first], outlines[local[is_first]])
        best[local[is_first]] = distance[is_first]
        others = ~is_first & (gap <= best[local])
        distance[others] = self._boundary_distance(polygon[others], outlines[local[others]])
        evaluated = np.flatnonzero(is_first | others)
        # Smallest distance first, then the polygon listed first.
        held = np.flatnonzero(known_polygon >= 0)
        all_sites = np.concatenate([local[evaluated], held])
        all_polygons = np.concatenate([polygon[evaluated], known_polygon[held]])
        all_distances = np.concatenate([distance[evaluated], known[held]])
        order = np.lexsort((all_polygons, all_distances, all_sites))
        first = np.ones(len(order), dtype=bool)
        first[1:] = all_sites[order[1:]] != all_sites[order[:-1]]
        chosen = order[first]
        best_polygon = known_polygon.copy()
        best[all_sites[chosen]] = all_distances[chosen]
        best_polygon[all_sites[chosen]] = all_polygons[chosen]
        return best, best_polygon

    def _boundary_distance(self, polygon, outlines):
        """Exact distances between polygon boundaries and site outlines, pair by pair."""
        result = np.empty(len(polygon))
        if len(polygon) == 0:
            return result
        # One polygon after another keeps its segment index warm in the CPU caches.
        order = np.argsort(polygon, kind="stable")

        def measure(number, polygons, site_outlines):
            # shortest_line uses the prepared boundary's segment index; distance() does
            # not. Each thread has its own prepared copy of the boundaries.
            boundaries = self.prepared_boundaries[number]
            return shapely.length(shapely.shortest_line(boundaries[polygons], site_outlines))
        result[order] = parallel.map_slices(measure, polygon[order], outlines[order])
        return result


def _box_gap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance between axis-aligned boxes (minx, miny, maxx, maxy), row by row."""
    dx = np.maximum(0.0, np.maximum(a[:, 0] - b[:, 2], b[:, 0] - a[:, 2]))
    dy = np.maximum(0.0, np.maximum(a[:, 1] - b[:, 3], b[:, 1] - a[:, 3]))
    return np.hypot(dx, dy)
