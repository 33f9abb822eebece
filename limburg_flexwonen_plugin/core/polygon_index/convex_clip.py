"""Areas of polygon pieces clipped by small convex sites, in bulk with numpy."""
import numpy as np
import shapely

from .pieces import MULTIPOLYGON_TYPE_ID, POLYGON_TYPE_ID


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
