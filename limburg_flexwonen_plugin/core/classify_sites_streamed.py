"""Classify a GeoPackage of sites too large for memory, batch by batch.

The same rule and the same code as ``classify_sites`` (a ``SiteClassifier`` built
once), applied to spatially sorted batches read from the file and appended to the
output as they are done. Memory stays bounded whatever the number of sites:

* the sort order: a Hilbert-curve position per site, from the bounding boxes GDAL
  reads without the geometries (12 bytes per site while sorting, read in slices of
  a million; 8 bytes per site, the feature ids in order, during the run);
* one batch of sites, its results and its geometries (``batch_size`` sites);
* the prepared built-up area (and municipalities), independent of the sites.

Sorting makes each batch a compact area, so its sites meet only a few kernen and
the caches stay warm. Results equal those of ``classify_sites`` on the whole layer;
only the row order differs (spatial order). The output is written to a temporary
file next to the target and moved into place at the end: complete or absent.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

import geopandas as gpd
import numpy as np
import shapely

from .classify_sites import (ClassificationParameters, MunicipalityFields, SiteClassifier,
                             prepare_sites)
from .atomic import atomic_output
from .errors import InputError
from .frames import (WORKING_CRS, added_field_names, read_file, to_working_crs_with_gdal,
                     with_crs_text, write_file)
from .progress import SILENT, Progress


def _pyogrio(layer: Optional[str] = None):
    """pyogrio, imported when the streamed mode runs (some QGIS installs lack it)."""
    try:
        import pyogrio
    except ImportError as error:
        raise InputError("the streamed classification reads the file with the Python package "
                         "pyogrio, which QGIS's Python lacks; install it from your QGIS "
                         "distribution's packages (OSGeo4W: python3-pyogrio; Debian/Ubuntu: "
                         "python3-pyogrio) or use 'Classify candidate sites by built-up area'", layer=layer) from error
    return pyogrio

DEFAULT_BATCH_SIZE = 50_000
BOUNDS_SLICE = 1_000_000
HILBERT_ORDER = 16
SOURCE_FID_FIELD = "source_fid"


@dataclass
class StreamedRun:
    """What a streamed run did."""
    output: Path
    layer: str
    sites: int = 0
    batches: int = 0
    skipped: int = 0
    classes: Dict[str, int] = field(default_factory=dict)


def hilbert_keys(x: np.ndarray, y: np.ndarray, extent, order: int = HILBERT_ORDER) -> np.ndarray:
    """Position of each point on a Hilbert curve of ``2**order`` cells a side over
    ``extent`` (minx, miny, maxx, maxy): nearby points get nearby keys."""
    side = 1 << order
    minx, miny, maxx, maxy = extent
    scale_x = (side - 1) / max(maxx - minx, 1e-9)
    scale_y = (side - 1) / max(maxy - miny, 1e-9)
    cx = np.clip(((x - minx) * scale_x).astype(np.int64), 0, side - 1)
    cy = np.clip(((y - miny) * scale_y).astype(np.int64), 0, side - 1)
    key = np.zeros(len(cx), dtype=np.int64)
    step = side >> 1
    while step > 0:
        rx = (cx & step) > 0
        ry = (cy & step) > 0
        key += step * step * ((3 * rx) ^ ry)
        # Rotate the quadrant so the curve stays continuous.
        flip = ~ry & rx
        cx = np.where(flip, side - 1 - cx, cx)
        cy = np.where(flip, side - 1 - cy, cy)
        swap = ~ry
        cx, cy = np.where(swap, cy, cx), np.where(swap, cx, cy)
        step >>= 1
    return key


def spatial_order(path, layer: Optional[str] = None, progress: Progress = SILENT) -> np.ndarray:
    """Feature ids of a layer in Hilbert order of their bounding-box centres.

    Reads only bounding boxes, a slice at a time; keeps 12 bytes per feature (its id
    and its key) plus the sort's index.
    """
    info = _pyogrio().read_info(path, layer=layer)
    total = int(info["features"])
    extent = info.get("total_bounds")
    if extent is None or not np.all(np.isfinite(extent)):
        extent = _extent_of_boxes(path, layer, total, progress)
    fids, keys = [], []
    for start in range(0, total, BOUNDS_SLICE):
        progress.check()
        slice_fids, bounds = _pyogrio().read_bounds(path, layer=layer, skip_features=start,
                                                 max_features=BOUNDS_SLICE)
        x = (bounds[0] + bounds[2]) / 2.0
        y = (bounds[1] + bounds[3]) / 2.0
        # Sites without geometry have no box; they go last.
        missing = ~(np.isfinite(x) & np.isfinite(y))
        key = hilbert_keys(np.where(missing, extent[0], x), np.where(missing, extent[1], y),
                           extent).astype(np.uint32)
        key[missing] = np.iinfo(np.uint32).max
        fids.append(np.asarray(slice_fids, dtype=np.int64))
        keys.append(key)
        progress.report(100.0 * min(start + BOUNDS_SLICE, total) / max(total, 1))
    if not fids:
        return np.zeros(0, dtype=np.int64)
    fids = np.concatenate(fids)
    return fids[np.argsort(np.concatenate(keys), kind="stable")]


def _extent_of_boxes(path, layer, total, progress):
    low, high = np.array([np.inf, np.inf]), np.array([-np.inf, -np.inf])
    for start in range(0, total, BOUNDS_SLICE):
        progress.check()
        _, bounds = _pyogrio().read_bounds(path, layer=layer, skip_features=start, max_features=BOUNDS_SLICE)
        if bounds.shape[1]:
            low = np.fmin(low, [np.nanmin(bounds[0]), np.nanmin(bounds[1])])
            high = np.fmax(high, [np.nanmax(bounds[2]), np.nanmax(bounds[3])])
    if not np.all(np.isfinite(np.concatenate([low, high]))):
        return (0.0, 0.0, 1.0, 1.0)
    return (low[0], low[1], high[0], high[1])


def classify_sites_streamed(sites_path, builtup: gpd.GeoDataFrame, output_path, *,
                            sites_layer: Optional[str] = None,
                            output_layer: str = "classified_sites",
                            parameters: Optional[ClassificationParameters] = None,
                            municipalities: Optional[gpd.GeoDataFrame] = None,
                            site_id_field: Optional[str] = None,
                            kern_name_field: Optional[str] = "kern_name",
                            municipality_fields: MunicipalityFields = MunicipalityFields(),
                            keep_attributes: bool = True,
                            batch_size: int = DEFAULT_BATCH_SIZE,
                            layer_label: Optional[str] = None,
                            builtup_layer: str = "built-up area",
                            municipalities_layer: str = "municipalities",
                            crs=None,
                            invalid_geometries: str = "repair",
                            progress: Progress = SILENT) -> StreamedRun:
    """Classifies the sites of a GeoPackage (or any file GDAL reads by feature id)
    into a new GeoPackage, ``batch_size`` sites at a time.

    The output holds the input's attributes (``keep_attributes``), the source
    feature id as ``source_fid``, the fields of ``classify_sites`` and the geometry
    in RD New. It has no spatial index (building one costs more than the whole
    classification of a large file; QGIS offers to create it).

    ``crs`` overrides the CRS stored in the file (as a QGIS layer may).
    ``invalid_geometries``: "repair" (repaired and noted in ``remarks``, as
    ``classify_sites`` does), "skip" (left out of the output) or "stop" (an
    ``InputError`` naming the first such feature; nothing is written).
    """
    sites_path, output_path = Path(sites_path), Path(output_path)
    label = layer_label or sites_layer or sites_path.stem
    if not sites_path.exists():
        raise InputError(f"file not found: {sites_path}", layer=label)
    pyogrio = _pyogrio(label)
    try:
        info = pyogrio.read_info(sites_path, layer=sites_layer)
    except Exception as error:  # GDAL's message says what is wrong with the file
        raise InputError(f"cannot read the layer: {error}", layer=label) from error
    if invalid_geometries not in ("repair", "skip", "stop"):
        raise ValueError(f"invalid_geometries must be repair, skip or stop, not {invalid_geometries!r}")
    if int(info["features"]) == 0:
        raise InputError("the layer has no features", layer=label)
    if info.get("crs") is None and crs is None:
        raise InputError("the layer has no coordinate reference system; set one in the "
                         "layer properties (for Dutch data usually EPSG:28992)", layer=label)
    if site_id_field and site_id_field not in list(info["fields"]):
        raise InputError("field not found", layer=label, field=site_id_field)
    batch_size = max(int(batch_size), 1)

    classifier = SiteClassifier(builtup, parameters, municipalities, kern_name_field=kern_name_field,
                                municipality_fields=municipality_fields,
                                builtup_layer=builtup_layer,
                                municipalities_layer=municipalities_layer,
                                expected_sites=int(info["features"]))
    progress.report(2)
    order = spatial_order(sites_path, sites_layer, progress.scaled(2, 8))
    total = len(order)
    geometry_type = _output_geometry_type(info.get("geometry_type"))
    columns = list(info["fields"]) if keep_attributes else ([site_id_field] if site_id_field else [])

    run = StreamedRun(output=output_path, layer=output_layer)
    batch_progress = progress.scaled(8, 100)
    with atomic_output(output_path) as temporary:   # GDAL creates the file itself
        for start in range(0, total, batch_size):
            progress.check()
            batch = _read_batch(sites_path, sites_layer, np.sort(order[start:start + batch_size]),
                                columns, info.get("fid_column"))
            if crs is not None:
                batch = with_crs_text(batch, crs)
            # GDAL reprojects (no pyproj object in the worker thread this runs in).
            batch = to_working_crs_with_gdal(batch, label)
            if invalid_geometries != "repair":
                batch = _without_invalid(batch, invalid_geometries, label, run)
            progress.check()
            if len(batch) == 0:
                continue
            prepared, remarks = prepare_sites(batch, site_id_field, label)
            result = classifier.classify_prepared(prepared, remarks, site_id_field,
                                                  Progress(None, progress.cancelled))
            frame = _output_frame(result, batch, columns, site_id_field)
            progress.check()
            write_file(frame, temporary, output_layer, driver="GPKG", append=run.batches > 0,
                       geometry_type=geometry_type, promote_to_multi=geometry_type.startswith("Multi"),
                       layer_options={"SPATIAL_INDEX": "NO"})
            run.sites += len(frame)
            run.batches += 1
            for name, count in result["location_class"].value_counts().items():
                run.classes[name] = run.classes.get(name, 0) + int(count)
            batch_progress.report(100.0 * min(start + batch_size, total) / total)
        progress.check()
        if run.batches == 0:
            raise InputError("no feature has a usable geometry", layer=label)
    return run


def _without_invalid(batch: gpd.GeoDataFrame, policy: str, label: str, run: "StreamedRun"):
    geometries = np.asarray(batch.geometry.values, dtype=object)
    invalid = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries) & ~shapely.is_valid(geometries)
    if not invalid.any():
        return batch
    if policy == "stop":
        raise InputError("the feature has an invalid geometry", layer=label,
                         feature=batch.index[np.flatnonzero(invalid)[0]])
    run.skipped += int(invalid.sum())
    return batch[~invalid]


def _read_batch(path, layer, fids, columns, fid_column):
    """The features with these ids (ascending). One SQL query with an id list reads
    them about twice as fast as fetching them one by one."""
    if fid_column:
        where = f'"{fid_column}" IN ({",".join(str(int(fid)) for fid in fids)})'
        batch = read_file(path, layer=layer, where=where, columns=columns)
        if len(batch) == len(fids):
            return batch
    return read_file(path, layer=layer, fids=fids, columns=columns)


def _output_frame(result: gpd.GeoDataFrame, batch: gpd.GeoDataFrame, columns,
                  site_id_field: Optional[str]) -> gpd.GeoDataFrame:
    """The input's attributes, all kept as they were, then the results (prefixed where
    they share a name with the input's: ``frames.added_field_names``). An id field
    called site_id is already our site_id: not written twice."""
    kept = [name for name in columns if name.lower() != "fid"]
    same_id = bool(site_id_field) and site_id_field.lower() == "site_id"
    ours = [SOURCE_FID_FIELD] + [name for name in result.columns if name != result.geometry.name
                                 and not (same_id and name == "site_id")]
    names = added_field_names(ours, kept)
    data = {name: batch[name].values for name in kept}
    data[names[SOURCE_FID_FIELD]] = batch.index.values.astype(np.int64)
    for name in ours[1:]:
        data[names[name]] = result[name].values
    return with_crs_text(gpd.GeoDataFrame(data, geometry=result.geometry.values), WORKING_CRS)


def _output_geometry_type(source_type: Optional[str]) -> str:
    """Polygons are written as MultiPolygon (sites may be multipart), points as they are."""
    text = (source_type or "").replace(" Z", "").replace(" M", "").replace("ZM", "").strip()
    if text in ("Point", "MultiPoint"):
        return text
    if text in ("Polygon", "MultiPolygon", "CurvePolygon", "MultiSurface"):
        return "MultiPolygon"
    return "Unknown"

