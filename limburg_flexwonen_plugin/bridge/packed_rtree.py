"""A GeoPackage spatial index filled in one go instead of one row at a time.

GDAL fills a GeoPackage's R*Tree (SQLite's ``rtree`` module) by inserting every
feature's box; each insert walks and splits the tree, about 10 µs a feature, so the
index of 100,000 sites costs about a second, as much as writing the sites. When all
boxes are known at once the tree can instead be packed (Sort-Tile-Recursive): sort the
boxes into tiles, fill leaf nodes to capacity, and build the levels above the same way.
That takes a few hundredths of a second and gives a tree at least as good for queries.

The tree is stored in SQLite's own format, so SQLite (and GDAL, QGIS) read and update
it as if SQLite had built it (see https://www.sqlite.org/rtree.html and SQLite's
``rtree.c``):

* three shadow tables: ``<name>_node(nodeno, data)``, ``<name>_rowid(rowid, nodeno)``
  and ``<name>_parent(nodeno, parentnode)``; the root is node 1;
* a node is a blob of the table's node size (the root node's length): two bytes tree
  depth (meaningful in the root only), two bytes cell count, then cells of an 8-byte id
  (a feature id in a leaf, a child node number above) and four 4-byte floats
  minx, maxx, miny, maxy, all big-endian;
* coordinates are 32-bit floats rounded outwards, as SQLite rounds them.

The GeoPackage's own parts of the index (the virtual table, its triggers and the
``gpkg_extensions`` row) are made by GDAL; ``pack`` only makes the shadow tables' rows
(``geopackage_output`` writes them).
"""
import math

import numpy as np

CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
HEADER_BYTES = 4


def rounded_boxes(bounds: np.ndarray) -> np.ndarray:
    """(n, 4) minx, miny, maxx, maxy doubles → (n, 4) minx, maxx, miny, maxy float32s
    rounded outwards (a box never shrinks when stored)."""
    lower = bounds[:, [0, 1]]
    upper = bounds[:, [2, 3]]
    lower32 = lower.astype(np.float32)
    upper32 = upper.astype(np.float32)
    lower32 = np.where(lower32.astype(np.float64) > lower, np.nextafter(lower32, np.float32(-np.inf)), lower32)
    upper32 = np.where(upper32.astype(np.float64) < upper, np.nextafter(upper32, np.float32(np.inf)), upper32)
    return np.column_stack([lower32[:, 0], upper32[:, 0], lower32[:, 1], upper32[:, 1]])


def pack_levels(boxes: np.ndarray, capacity: int):
    """Sort-Tile-Recursive packing; yields, leaves first, one (order, boxes, starts) per
    level: ``order`` the positions (into the level below) of the entries in node order,
    ``starts`` where each node's entries begin, and the nodes' own ``boxes``."""
    while True:
        count = len(boxes)
        nodes = math.ceil(count / capacity)
        slices = math.ceil(math.sqrt(nodes))
        centre_x = boxes[:, 0].astype(np.float64) + boxes[:, 1]
        centre_y = boxes[:, 2].astype(np.float64) + boxes[:, 3]
        by_x = np.argsort(centre_x, kind="stable")
        slice_of = np.empty(count, dtype=np.int64)
        slice_of[by_x] = np.arange(count) // (slices * capacity)
        order = np.lexsort((centre_y, slice_of))
        starts = np.arange(0, count, capacity)
        sorted_boxes = boxes[order]
        node_boxes = np.column_stack([
            np.minimum.reduceat(sorted_boxes[:, 0], starts), np.maximum.reduceat(sorted_boxes[:, 1], starts),
            np.minimum.reduceat(sorted_boxes[:, 2], starts), np.maximum.reduceat(sorted_boxes[:, 3], starts)])
        yield order, node_boxes, starts
        if nodes == 1:
            return
        boxes = node_boxes


def pack(ids: np.ndarray, bounds: np.ndarray, node_size: int):
    """The rows of the three shadow tables for the boxes ``bounds`` ((n, 4) minx, miny,
    maxx, maxy) of the rows ``ids``, for a table whose nodes are ``node_size`` bytes:
    (node rows (nodeno, blob), rowid rows (rowid, nodeno), parent rows (nodeno, parent))."""
    if len(ids) == 0:
        return [(1, bytes(node_size))], [], []
    capacity = (node_size - HEADER_BYTES) // CELL.itemsize
    entry_boxes = rounded_boxes(np.asarray(bounds, dtype=np.float64))
    levels = list(pack_levels(entry_boxes, capacity))
    depth = len(levels) - 1
    next_number = 2
    entry_ids = np.asarray(ids, dtype=np.int64)
    node_rows, rowid_rows, parent_rows = [], [], []
    for height, (order, node_boxes, starts) in enumerate(levels):
        node_count = len(starts)
        numbers = np.array([1]) if node_count == 1 else np.arange(next_number, next_number + node_count)
        next_number += 0 if node_count == 1 else node_count
        cell_ids = entry_ids[order]
        cells = np.zeros(node_count * capacity, dtype=CELL)
        cells["id"][:len(order)] = cell_ids
        for position, name in enumerate(("minx", "maxx", "miny", "maxy")):
            cells[name][:len(order)] = entry_boxes[order, position]
        counts = np.diff(np.append(starts, len(order)))
        blobs = np.zeros((node_count, node_size), dtype=np.uint8)
        blobs[:, HEADER_BYTES:HEADER_BYTES + capacity * CELL.itemsize] = \
            cells.view(np.uint8).reshape(node_count, capacity * CELL.itemsize)
        header = np.zeros((node_count, 2), dtype=">u2")
        header[:, 1] = counts
        if node_count == 1:
            header[0, 0] = depth  # the root's first two bytes: the tree's depth
        blobs[:, :HEADER_BYTES] = header.view(np.uint8).reshape(node_count, HEADER_BYTES)
        node_rows.extend(zip(numbers.tolist(), (blob.tobytes() for blob in blobs)))
        owner = np.repeat(numbers, counts)
        if height == 0:
            rowid_rows = list(zip(cell_ids.tolist(), owner.tolist()))
        else:
            parent_rows.extend(zip(cell_ids.tolist(), owner.tolist()))
        entry_ids = numbers
        entry_boxes = node_boxes
    return node_rows, rowid_rows, parent_rows
