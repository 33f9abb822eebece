"""A cell grid that settles most sites inside or outside the polygons without geometry."""
from typing import Optional

import numpy as np
import shapely


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


def grid_cells_for(sites: Optional[int]) -> Optional[int]:
    """A grid size worth building for this many sites (a finer grid settles more
    sites without geometry but takes longer to build)."""
    if not sites:
        return None
    return int(min(max(4 * sites, 250_000), CellGrid.MAX_CELLS))
