"""Labour-migrant density as a raster: persons per hectare, dasymetric.

Each municipality's labour migrants are spread evenly over the part of it that is
built-up (people live in the kernen, not in the fields); a municipality without any
built-up area gets its labour migrants spread over its whole area, and the result says
so. Each cell receives the persons of every zone in proportion to the exact area of the
zone inside the cell, so the raster's sum x cell area (ha) equals the input count up to
floating point (the GeoTIFF stores float32).

The GeoTIFF is in EPSG:28992 with cells aligned to multiples of the cell size; cells
outside every municipality are nodata. rasterio is imported lazily.
"""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .atomic import atomic_output
from .builtup_from_raster import import_rasterio
from .errors import InputError
from .housing_gap import MunicipalityFields, builtup_zones, prepare_municipalities
from .progress import SILENT, Progress
from .scenarios import normalise_code

NODATA = -9999.0
MAX_CELLS = 60_000_000          # about 240 MB of float32: refuse beyond, ask for bigger cells
BOXES_PER_CHUNK = 200_000
UNITS = "labour migrants per hectare"


@dataclass
class DensityResult:
    path: Path
    cell_size: float
    width: int
    height: int
    persons: float                  # labour migrants put into the raster
    raster_persons: float           # sum of the written cells x cell area in ha
    spread_over_whole: List[str] = field(default_factory=list)   # "name (code)"
    skipped: List[str] = field(default_factory=list)             # "name (code): reason"


def density_raster(municipalities: gpd.GeoDataFrame, counts: pd.Series, path,
                   builtup: Optional[gpd.GeoDataFrame] = None, cell_size: float = 100.0,
                   municipality_fields: MunicipalityFields = MunicipalityFields(),
                   municipalities_layer: str = "municipalities",
                   builtup_layer: str = "built-up area",
                   tags: Optional[Dict[str, str]] = None,
                   progress: Progress = SILENT) -> DensityResult:
    """Writes the density GeoTIFF to ``path``; ``counts`` maps municipality code -> persons."""
    rasterio = import_rasterio()
    from rasterio.features import rasterize
    from rasterio.transform import from_origin

    if not cell_size or cell_size <= 0:
        raise InputError(f"cell size must be above 0 m (got {cell_size})")
    munis, _ = prepare_municipalities(municipalities, municipality_fields, municipalities_layer)
    counts = pd.Series(counts.values, index=[normalise_code(c) for c in counts.index], dtype="float64")
    geometries = munis.geometry.values
    present = ~shapely.is_missing(geometries)
    if not present.any():
        raise InputError("no municipality has a usable geometry", layer=municipalities_layer)
    zones = builtup_zones(geometries, builtup, builtup_layer) if builtup is not None \
        else np.full(len(munis), None, dtype=object)
    progress.report(10)

    minx, miny, maxx, maxy = shapely.total_bounds(geometries[present])
    x0 = math.floor(minx / cell_size) * cell_size
    y_top = math.ceil(maxy / cell_size) * cell_size
    width = int(math.ceil((maxx - x0) / cell_size))
    height = int(math.ceil((y_top - miny) / cell_size))
    if width * height > MAX_CELLS:
        raise InputError(f"a {cell_size:g} m raster of this area has {width * height:,} cells; "
                         f"choose a larger cell size")
    persons_grid = np.zeros((height, width), dtype="float64")

    result = DensityResult(Path(path), float(cell_size), width, height, 0.0, 0.0)
    spread = progress.scaled(10, 85)
    for position, (code, name) in enumerate(zip(munis["gm_code"], munis["gm_name"])):
        progress.check()
        label = f"{name} ({code})"
        persons = counts.get(code, np.nan)
        if pd.isna(persons):
            result.skipped.append(f"{label}: no labour-migrant figure")
            continue
        if geometries[position] is None:
            result.skipped.append(f"{label}: no geometry ({persons:g} labour migrants not placed)")
            continue
        if persons == 0:
            continue
        zone = zones[position]
        if zone is None:
            zone = geometries[position]
            result.spread_over_whole.append(label)
        _spread(zone, float(persons), persons_grid, x0, y_top, cell_size)
        result.persons += float(persons)
        spread.report(100.0 * (position + 1) / len(munis))

    transform = from_origin(x0, y_top, cell_size, cell_size)
    inside = rasterize(((g, 1) for g in geometries[present]), out_shape=(height, width),
                       transform=transform, fill=0, all_touched=True, dtype="uint8").astype(bool)
    inside |= persons_grid > 0
    cell_ha = cell_size * cell_size / 10_000.0
    density = np.where(inside, persons_grid / cell_ha, NODATA).astype("float32")
    written = density[inside].astype("float64")
    result.raster_persons = float(written.sum() * cell_ha)
    progress.report(90)

    _write_geotiff(rasterio, density, transform, Path(path), {
        "UNITS": UNITS,
        "CELL_SIZE_M": f"{cell_size:g}",
        "LABOUR_MIGRANTS": f"{result.persons:g}",
        "METHOD": ("dasymetric: each municipality's labour migrants spread evenly over its "
                   "built-up area (its whole area when it has none)"),
        "SPREAD_OVER_WHOLE_MUNICIPALITY": ", ".join(result.spread_over_whole) or "none",
        **(tags or {}),
    })
    progress.report(100)
    return result


def _spread(zone, persons: float, grid: np.ndarray, x0: float, y_top: float, cell: float) -> None:
    """Adds ``persons`` to the grid in proportion to the zone's area in each cell."""
    height, width = grid.shape
    minx, miny, maxx, maxy = shapely.bounds(zone)
    col0 = max(int(math.floor((minx - x0) / cell)), 0)
    col1 = min(int(math.ceil((maxx - x0) / cell)), width)
    row0 = max(int(math.floor((y_top - maxy) / cell)), 0)
    row1 = min(int(math.ceil((y_top - miny) / cell)), height)
    if col1 <= col0 or row1 <= row0:
        return
    shapely.prepare(zone)
    areas = np.zeros((row1 - row0, col1 - col0), dtype="float64")
    rows_per_chunk = max(1, BOXES_PER_CHUNK // (col1 - col0))
    columns = np.arange(col0, col1)
    for start in range(row0, row1, rows_per_chunk):
        rows = np.arange(start, min(start + rows_per_chunk, row1))
        rr, cc = np.meshgrid(rows, columns, indexing="ij")
        boxes = shapely.box(x0 + cc * cell, y_top - (rr + 1) * cell, x0 + (cc + 1) * cell, y_top - rr * cell)
        # Cells wholly inside need no intersection; only the zone's edge cells do.
        inside = shapely.contains_properly(zone, boxes)
        chunk = np.where(inside, cell * cell, 0.0)
        edge = ~inside & shapely.intersects(zone, boxes)
        if edge.any():
            chunk[edge] = shapely.area(shapely.intersection(boxes[edge], zone))
        areas[start - row0:start - row0 + len(rows), :] = chunk
    total = areas.sum()
    if total <= 0:
        # A sliver smaller than float precision: its persons go to the cell of a point on it.
        point = shapely.point_on_surface(zone)
        row = min(max(int((y_top - point.y) // cell), 0), height - 1)
        col = min(max(int((point.x - x0) // cell), 0), width - 1)
        grid[row, col] += persons
        return
    grid[row0:row1, col0:col1] += persons * areas / total


def _write_geotiff(rasterio, density: np.ndarray, transform, path: Path, tags: Dict[str, str]) -> None:
    """Writes the GeoTIFF complete or not at all (``atomic``)."""
    profile = {
        "driver": "GTiff", "width": density.shape[1], "height": density.shape[0], "count": 1,
        "dtype": "float32", "crs": rasterio.crs.CRS.from_epsg(28992), "transform": transform,
        "nodata": NODATA, "compress": "deflate", "predictor": 3, "tiled": True,
        "blockxsize": 256, "blockysize": 256,
    }
    if density.shape[0] < 256 or density.shape[1] < 256:
        profile.update(tiled=False)
        profile.pop("blockxsize")
        profile.pop("blockysize")
    with atomic_output(path) as temporary:
        with rasterio.open(temporary, "w", **profile) as dataset:
            dataset.write(density, 1)
            dataset.update_tags(**{key: str(value) for key, value in tags.items()})
            dataset.set_band_description(1, UNITS)

