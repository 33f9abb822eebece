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

The package, by job: ``index`` (the queries), ``pieces`` (the quadtree subdivision),
``cell_grid`` and ``convex_clip``. This module is its public face.
"""
from .cell_grid import CellGrid, grid_cells_for
from .convex_clip import ConvexClipper, RingTable
from .index import PolygonIndex
from .pieces import interiors_overlap, subdivide

__all__ = ["CellGrid", "ConvexClipper", "PolygonIndex", "RingTable", "grid_cells_for",
           "interiors_overlap", "subdivide"]
