"""Fast, exact bulk overlap and distance queries of many small geometries against
a few large polygons (built-up areas, municipalities).

Large polygons make naive per-pair operations slow: every intersection or distance
with a polygon of 20,000 vertices walks all of them. ``PolygonIndex`` avoids that:

* **a cell grid first** (``CellGrid``): most sites lie in cells wholly inside one
  polygon or wholly outside all, which two table lookups tell without geometry;
* **containment next**: a site lying in a polygon's interior (prepared
  ``contains_properly``, logarithmic in the polygon's size) is fully inside; its
  area needs no intersection at all. So does a site the polygon does not touch;
* **small pieces for areas**: only sites that cross a boundary need an intersection
  area, and that is computed against pieces of at most ``max_piece_vertices``
  vertices (the polygons cut along a quadtree), never against the whole polygon;
  convex sites clip the pieces in bulk with numpy (``ConvexClipper``);
* **indexed distances**: a site apart from every polygon gets its exact distance to
  the nearest polygon boundary from GEOS's indexed facet distance on the prepared
  boundaries, evaluating only polygons whose bounding box may hold a nearer point.

All results are exact (up to floating-point rounding of areas summed over pieces).
"""
from typing import Optional, Tuple

import numpy as np
import shapely

from . import parallel

POLYGON_TYPE_ID = 3
MULTIPOLYGON_TYPE_ID = 6
MAX_PIECE_VERTICES = 128
MAX_SPLIT_DEPTH = 30
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


def subdivide(polygons: np.ndarray, max_vertices: int = MAX_PIECE_VERTICES) -> Tuple[np.ndarray, np.ndarray]:
    """Cuts polygons into polygon pieces of at most ``max_vertices`` vertices.

    Each polygon part with too many vertices is cut into the four quadrants of its
    bounding box, recursively. Returns the pieces and, per piece, the index of the
    polygon it came from. The pieces of a polygon cover it exactly and overlap only
    along cut lines. GEOS's fast rectangle clipping is used and checked (valid
    pieces, same total area); a polygon failing the check is cut again with the
    robust overlay.
    """
    polygons = np.asarray(polygons, dtype=object)
    pieces, owner = _quadtree_pieces(polygons, np.arange(len(polygons)), max_vertices, _clip_fast)
    piece_area = np.bincount(owner, weights=shapely.area(pieces), minlength=len(polygons))
    invalid_owner = np.unique(owner[~shapely.is_valid(pieces)])
    suspect = ~np.isclose(piece_area, shapely.area(polygons), rtol=1e-9, atol=1e-6)
    suspect[invalid_owner] = True
    if suspect.any():
        redo = np.flatnonzero(suspect)
        keep = ~suspect[owner]
        robust, robust_owner = _quadtree_pieces(polygons[redo], redo, max_vertices, _clip_robust)
        pieces = np.concatenate([pieces[keep], robust])
        owner = np.concatenate([owner[keep], robust_owner])
    return pieces, owner


def _quadtree_pieces(polygons, owners, max_vertices, clip):
    done, done_owner = [], []
    pending, pending_owner = polygons, owners
    for depth in range(MAX_SPLIT_DEPTH + 1):
        if len(pending) == 0:
            break
        parts, which = shapely.get_parts(pending, return_index=True)
        owner = pending_owner[which]
        # Cutting can leave lines or points along a cut: they carry no area, and the
        # neighbouring piece holds them as part of its boundary.
        is_polygon = (shapely.get_type_id(parts) == POLYGON_TYPE_ID) & ~shapely.is_empty(parts)
        parts, owner = parts[is_polygon], owner[is_polygon]
        small = shapely.get_num_coordinates(parts) <= max_vertices
        if depth == MAX_SPLIT_DEPTH:
            small[:] = True
        done.append(parts[small])
        done_owner.append(owner[small])
        large, large_owner = parts[~small], owner[~small]
        if len(large) == 0:
            break
        x0, y0, x1, y1 = shapely.bounds(large).T
        xm, ym = (x0 + x1) / 2.0, (y0 + y1) / 2.0
        quadrants = [(x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1)]
        pending = np.concatenate([clip(large, *quadrant) for quadrant in quadrants])
        pending_owner = np.tile(large_owner, 4)
    if not done:
        return np.zeros(0, dtype=object), np.zeros(0, dtype=np.intp)
    return np.concatenate(done), np.concatenate(done_owner).astype(np.intp)


def _clip_fast(geometries, x0, y0, x1, y1):
    clipped = np.empty(len(geometries), dtype=object)
    for position, geometry in enumerate(geometries):
        clipped[position] = shapely.clip_by_rect(geometry, x0[position], y0[position],
                                                 x1[position], y1[position])
    return clipped


def _clip_robust(geometries, x0, y0, x1, y1):
    return shapely.intersection(geometries, shapely.box(x0, y0, x1, y1))


def interiors_overlap(polygons: np.ndarray) -> np.ndarray:
    """Index pairs (i < j) of polygons whose interiors share points."""
    polygons = np.asarray(polygons, dtype=object)
    first, second = shapely.STRtree(polygons).query(polygons)
    ordered = first < second
    first, second = first[ordered], second[ordered]
    meets = shapely.intersects(polygons[first], polygons[second])
    first, second = first[meets], second[meets]
    overlapping = shapely.relate_pattern(polygons[first], polygons[second], "T********")
    return np.column_stack([first[overlapping], second[overlapping]])


class CellGrid:
    """A regular grid over disjoint polygons telling, per cell, whether the whole
    closed cell lies inside one polygon's interior, outside every polygon, or may meet
    a boundary. A site whose bounding box covers only "inside" cells of one polygon is
    properly inside it; one covering only "outside" cells meets no polygon. Counting
    cells over a site's box is two lookups in summed-area tables.
    """

    OUTSIDE, INSIDE, UNSURE = 0, 1, 2
    MAX_CELLS = 4_000_000         # 16 MiB of counts; a grid this fine pays off from ~1M sites
    MIN_CELL_SIZE = 20.0

    def __init__(self, polygons: np.ndarray, boundaries: np.ndarray, max_cells: Optional[int] = None):
        x0, y0, x1, y1 = shapely.total_bounds(polygons)
        cells = int(max_cells or self.MAX_CELLS)
        size = max(self.MIN_CELL_SIZE, float(np.sqrt((x1 - x0) * (y1 - y0) / cells)))
        # A margin of outside cells all around: boxes reaching beyond the grid only
        # reach outside cells.
        self.x0, self.y0, self.size = x0 - 2 * size, y0 - 2 * size, size
        self.nx = int(np.ceil((x1 - self.x0) / size)) + 2
        self.ny = int(np.ceil((y1 - self.y0) / size)) + 2
        state = np.full((self.ny, self.nx), self.OUTSIDE, dtype=np.int8)
        owner = np.full((self.ny, self.nx), -1, dtype=np.int32)

        # Every cell a boundary segment's box touches (segments cut to at most one
        # cell long, so at most 3 x 3 cells each) may meet a boundary.
        lines = shapely.segmentize(boundaries, size / 2.0)
        parts = shapely.get_parts(lines)
        coordinates, line = shapely.get_coordinates(parts, return_index=True)
        same = line[1:] == line[:-1]
        start, end = coordinates[:-1][same], coordinates[1:][same]
        low_x, high_x = self._span(np.minimum(start[:, 0], end[:, 0]), np.maximum(start[:, 0], end[:, 0]), self.x0)
        low_y, high_y = self._span(np.minimum(start[:, 1], end[:, 1]), np.maximum(start[:, 1], end[:, 1]), self.y0)
        for dx in range(3):
            for dy in range(3):
                mark = (low_x + dx <= high_x) & (low_y + dy <= high_y)
                state[np.clip(low_y[mark] + dy, 0, self.ny - 1), np.clip(low_x[mark] + dx, 0, self.nx - 1)] = self.UNSURE

        # Cells clear of every boundary are wholly inside or outside: their centre says which.
        bounds = shapely.bounds(polygons)
        for number, polygon in enumerate(polygons):
            ix0, ix1 = self._index(bounds[number, [0, 2]], self.x0, self.nx)
            iy0, iy1 = self._index(bounds[number, [1, 3]], self.y0, self.ny)
            block = state[iy0:iy1 + 1, ix0:ix1 + 1]
            rows, columns = np.nonzero(block == self.OUTSIDE)
            x = self.x0 + (ix0 + columns + 0.5) * size
            y = self.y0 + (iy0 + rows + 0.5) * size
            within = shapely.contains_xy(polygon, x, y)
            state[iy0 + rows[within], ix0 + columns[within]] = self.INSIDE
            owner[iy0 + rows[within], ix0 + columns[within]] = number
            # A cell inside two overlapping polygons is left to the exact test.
            again = np.nonzero((block == self.INSIDE) & (owner[iy0:iy1 + 1, ix0:ix1 + 1] != number))
            if len(again[0]):
                inner_rows, inner_columns = again
                x = self.x0 + (ix0 + inner_columns + 0.5) * size
                y = self.y0 + (iy0 + inner_rows + 0.5) * size
                twice = shapely.contains_xy(polygon, x, y)
                state[iy0 + inner_rows[twice], ix0 + inner_columns[twice]] = self.UNSURE
        self.owner = owner
        self.inside_count = _summed_area(state == self.INSIDE)
        self.outside_count = _summed_area(state == self.OUTSIDE)

    def _span(self, low, high, origin):
        """Index range of the cells whose closed extent touches [low, high]."""
        return (np.floor((low - origin) / self.size - 1e-6).astype(np.int64),
                np.floor((high - origin) / self.size + 1e-6).astype(np.int64))

    def _index(self, low_high, origin, count):
        low, high = self._span(np.asarray([low_high[0]]), np.asarray([low_high[1]]), origin)
        return max(int(low[0]), 0), min(int(high[0]), count - 1)

    def classify(self, bounds: np.ndarray):
        """Per box (minx, miny, maxx, maxy): OUTSIDE, INSIDE (with the polygon) or UNSURE."""
        count = len(bounds)
        state = np.full(count, self.UNSURE, dtype=np.int8)
        owner = np.full(count, -1, dtype=np.intp)
        if count == 0:
            return state, owner
        low_x, high_x = self._span(bounds[:, 0], bounds[:, 2], self.x0)
        low_y, high_y = self._span(bounds[:, 1], bounds[:, 3], self.y0)
        beyond = (low_x < 0) | (low_y < 0) | (high_x >= self.nx) | (high_y >= self.ny)
        low_x, high_x = np.clip(low_x, 0, self.nx - 1), np.clip(high_x, 0, self.nx - 1)
        low_y, high_y = np.clip(low_y, 0, self.ny - 1), np.clip(high_y, 0, self.ny - 1)
        cells = (high_x - low_x + 1) * (high_y - low_y + 1)
        inside = _box_sum(self.inside_count, low_x, low_y, high_x, high_y) == cells
        # A box of inside cells without boundary cells is connected, so one polygon.
        inside &= ~beyond
        outside = _box_sum(self.outside_count, low_x, low_y, high_x, high_y) == cells
        state[outside] = self.OUTSIDE
        state[inside] = self.INSIDE
        owner[inside] = self.owner[low_y[inside], low_x[inside]]
        return state, owner


def _summed_area(mask: np.ndarray) -> np.ndarray:
    table = np.zeros((mask.shape[0] + 1, mask.shape[1] + 1), dtype=np.int32)
    table[1:, 1:] = mask.cumsum(axis=0, dtype=np.int32).cumsum(axis=1, dtype=np.int32)
    return table


def _box_sum(table, low_x, low_y, high_x, high_y):
    return (table[high_y + 1, high_x + 1] - table[low_y, high_x + 1]
            - table[high_y + 1, low_x] + table[low_y, low_x])


class RingTable:
    """The rings of many polygons as flat coordinate arrays (no closing vertex), for
    bulk arithmetic: per polygon its first ring and ring count, per ring its first
    vertex, vertex count and sign (+1 exterior, -1 hole)."""

    def __init__(self, polygons: np.ndarray):
        polygons = np.asarray(polygons, dtype=object)
        holes = shapely.get_num_interior_rings(polygons)
        self.ring_count = np.where(shapely.is_missing(polygons), 0, holes + 1).astype(np.intp)
        self.first_ring = np.concatenate([[0], np.cumsum(self.ring_count)[:-1]]).astype(np.intp)
        rings = shapely.get_rings(polygons)
        coordinates, ring_of = shapely.get_coordinates(rings, return_index=True)
        closing = np.zeros(len(ring_of), dtype=bool)
        closing[:-1] = ring_of[1:] != ring_of[:-1]
        closing[-1:] = True
        self.xy = coordinates[~closing]
        ring_of = ring_of[~closing]
        self.vertex_count = np.bincount(ring_of, minlength=len(rings)).astype(np.intp)
        self.first_vertex = np.concatenate([[0], np.cumsum(self.vertex_count)[:-1]]).astype(np.intp)
        self.sign = np.ones(len(rings))
        is_hole = np.ones(len(rings), dtype=bool)
        is_hole[self.first_ring[self.ring_count > 0]] = False
        self.sign[is_hole] = -1.0


class ConvexClipper:
    """Areas of polygons clipped by small convex sites, in bulk (Sutherland-Hodgman).

    Clipping a polygon ring by a convex polygon, edge by edge, leaves a ring whose
    signed area is exactly the area of the ring's region inside the convex polygon
    (where the ring is concave the result may run along the clip edge and back, which
    adds no area). Exterior rings add, holes subtract. Coordinates are taken relative
    to each site's first vertex, so the arithmetic stays exact to well below a square
    millimetre.
    """

    MAX_VERTICES = 32
    CONVEX_TOLERANCE = 1e-9   # sine of a turn still counted as straight

    def __init__(self, sites: np.ndarray):
        sites = np.asarray(sites, dtype=object)
        count = len(sites)
        self.usable = np.zeros(count, dtype=bool)
        # A multipolygon of one part (as GeoPackages often store parcels) is its part.
        single = (shapely.get_type_id(sites) == MULTIPOLYGON_TYPE_ID) & (shapely.get_num_geometries(sites) == 1)
        if single.any():
            sites = sites.copy()
            sites[single] = shapely.get_geometry(sites[single], 0)
        simple = (shapely.get_type_id(sites) == POLYGON_TYPE_ID) & \
            (shapely.get_num_interior_rings(sites) == 0)
        candidates = np.flatnonzero(simple)
        rings = RingTable(sites[candidates])
        vertex_count = rings.vertex_count
        small = (vertex_count >= 3) & (vertex_count <= self.MAX_VERTICES)
        width = self.MAX_VERTICES + 1
        self.corners = np.zeros((count, width, 2))
        self.edge_count = np.zeros(count, dtype=np.intp)
        self.orientation = np.ones(count)
        self.origin = np.zeros((count, 2))
        self.low = np.zeros((count, 2))
        self.high = np.zeros((count, 2))
        if not small.any():
            return
        chosen = np.flatnonzero(small)
        counts = vertex_count[chosen]
        owner = np.repeat(np.arange(len(chosen)), counts)
        position = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        xy = rings.xy[np.repeat(rings.first_vertex[chosen], counts) + position]
        following = np.arange(len(xy)) + 1
        ends = np.cumsum(counts) - 1
        following[ends] = ends - counts + 1
        edge = xy[following] - xy
        after = edge[following]
        cross = edge[:, 0] * after[:, 1] - edge[:, 1] * after[:, 0]
        scale = np.hypot(edge[:, 0], edge[:, 1]) * np.hypot(after[:, 0], after[:, 1])
        with np.errstate(divide="ignore", invalid="ignore"):
            turn = np.where(scale > 0, cross / scale, 0.0)
        starts = np.cumsum(counts) - counts
        lowest = np.minimum.reduceat(turn, starts)
        highest = np.maximum.reduceat(turn, starts)
        convex = (lowest >= -self.CONVEX_TOLERANCE) | (highest <= self.CONVEX_TOLERANCE)
        rows = candidates[chosen]
        self.usable[rows] = convex
        self.origin[rows] = xy[starts]
        local = xy - self.origin[rows][owner]
        self.corners[rows[owner], position] = local
        self.corners[rows, counts] = local[starts]          # closes the ring
        self.low[rows] = np.minimum.reduceat(local, starts, axis=0)
        self.high[rows] = np.maximum.reduceat(local, starts, axis=0)
        self.edge_count[rows] = counts
        signed = np.bincount(owner, weights=edge[:, 1] * (local[:, 0] + local[following, 0]),
                             minlength=len(chosen))
        self.orientation[rows] = np.where(signed < 0, -1.0, 1.0)

    def areas(self, site: np.ndarray, rings: RingTable, polygon: np.ndarray) -> np.ndarray:
        """Area of ``polygon`` (indices into the ring table) inside ``site`` (indices
        into the clipper's sites), pair by pair."""
        pairs = len(site)
        if pairs == 0:
            return np.zeros(0)
        # Pairs with the most site edges first: the pairs still being clipped at a
        # later edge are then always a prefix of the vertex arrays.
        order = np.argsort(-self.edge_count[site], kind="stable")
        site, polygon = site[order], polygon[order]
        edges = self.edge_count[site]
        ring_counts = rings.ring_count[polygon]
        ring_pair = np.repeat(np.arange(pairs), ring_counts)
        ring = rings.first_ring[polygon][ring_pair] + _ranks(ring_counts)
        sign = rings.sign[ring]
        counts = rings.vertex_count[ring]
        vertex_ring = np.repeat(np.arange(len(ring)), counts)
        xy = rings.xy[rings.first_vertex[ring][vertex_ring] + _ranks(counts)]
        xy = xy - self.origin[site][ring_pair][vertex_ring]
        x, y = xy[:, 0].copy(), xy[:, 1].copy()
        # The site's bounding box first: four cheap cuts that drop most vertices.
        low, high = self.low[site], self.high[site]
        for axis, bound, direction in ((0, low, 1.0), (0, high, -1.0), (1, low, 1.0), (1, high, -1.0)):
            if len(x) == 0:
                break
            pair_of_vertex = ring_pair[vertex_ring]
            coordinate = x if axis == 0 else y
            side = (coordinate - bound[pair_of_vertex, axis]) * direction
            x, y, vertex_ring = _clip_pass(x, y, vertex_ring, side)
        for edge in range(int(edges.max())):
            active_rings = np.searchsorted(-edges[ring_pair], -edge, side="right")
            active = np.searchsorted(vertex_ring, active_rings)
            if active == 0:
                break
            site_of_vertex = site[ring_pair[vertex_ring[:active]]]
            a = self.corners[site_of_vertex, edge]
            b = self.corners[site_of_vertex, edge + 1]
            side = ((b[:, 0] - a[:, 0]) * (y[:active] - a[:, 1]) -
                    (b[:, 1] - a[:, 1]) * (x[:active] - a[:, 0])) * self.orientation[site_of_vertex]
            head_x, head_y, head_ring = _clip_pass(x[:active], y[:active], vertex_ring[:active], side)
            x = np.concatenate([head_x, x[active:]])
            y = np.concatenate([head_y, y[active:]])
            vertex_ring = np.concatenate([head_ring, vertex_ring[active:]])
        result = np.zeros(pairs)
        if len(x):
            following = np.arange(len(x)) + 1
            starts, ends = _ring_limits(vertex_ring)
            following[ends] = starts
            twice = np.bincount(vertex_ring, weights=x * y[following] - x[following] * y,
                                minlength=len(ring))
            result[order] = np.bincount(ring_pair, weights=sign * np.abs(twice) / 2.0, minlength=pairs)
        return result


def _ranks(counts: np.ndarray) -> np.ndarray:
    """0, 1, ..., n-1 for each count n, concatenated."""
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _ring_limits(vertex_ring: np.ndarray):
    """First and last vertex position of each run of equal ring numbers."""
    starts = np.flatnonzero(np.r_[True, vertex_ring[1:] != vertex_ring[:-1]])
    ends = np.r_[starts[1:], len(vertex_ring)] - 1
    return starts, ends


def _clip_pass(x, y, vertex_ring, side):
    """One Sutherland-Hodgman step: keeps the part of each ring where ``side >= 0``."""
    inside = side >= 0
    previous = np.arange(len(x)) - 1
    starts, ends = _ring_limits(vertex_ring)
    previous[starts] = ends
    crosses = inside != inside[previous]
    emitted = inside.astype(np.intp) + crosses
    offset = np.cumsum(emitted) - emitted
    total = int(offset[-1] + emitted[-1]) if len(emitted) else 0
    new_x, new_y = np.empty(total), np.empty(total)
    where = np.flatnonzero(crosses)
    if len(where):
        before = previous[where]
        t = side[before] / (side[before] - side[where])
        new_x[offset[where]] = x[before] + t * (x[where] - x[before])
        new_y[offset[where]] = y[before] + t * (y[where] - y[before])
    kept = np.flatnonzero(inside)
    new_x[offset[kept] + crosses[kept]] = x[kept]
    new_y[offset[kept] + crosses[kept]] = y[kept]
    return new_x, new_y, np.repeat(vertex_ring, emitted)


def grid_cells_for(sites: Optional[int]) -> Optional[int]:
    """A grid size worth building for this many sites (a finer grid settles more
    sites without geometry but takes longer to build)."""
    if not sites:
        return None
    return int(min(max(4 * sites, 250_000), CellGrid.MAX_CELLS))
