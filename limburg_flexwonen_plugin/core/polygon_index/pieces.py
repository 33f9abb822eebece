"""Polygons cut into small pieces along a quadtree, and which polygons overlap."""
from typing import Tuple

import numpy as np
import shapely

POLYGON_TYPE_ID = 3
MULTIPOLYGON_TYPE_ID = 6
MAX_PIECE_VERTICES = 128
MAX_SPLIT_DEPTH = 30


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
