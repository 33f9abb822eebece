"""Classify candidate sites as inside, at the edge of, or outside the built-up area.

The rule (see ``resources/rules/location_classification.json``):

* inside  -- the share of the site's area inside the built-up area is at least
  ``min_inside_share`` (for a point: the point lies inside or on the boundary);
* edge    -- not inside, but the site overlaps or touches the built-up area or lies
  within ``edge_distance_m`` of it;
* outside -- otherwise.

Everything is vectorised over whole GeoDataFrames (shapely 2 and bulk STRtree
queries); sites are handled in batches only to report progress and honour cancel.
"""
from dataclasses import dataclass, field
from typing import Dict, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .errors import InputError
from .geometry import WORKING_CRS, check_plausible_extent, prepare_layer
from .progress import SILENT, Progress
from .rules import location_rules
from .validation import duplicate_remarks

INSIDE, EDGE, OUTSIDE = "inside", "edge", "outside"
DISTANCE_TOLERANCE_M = 0.001
SHARE_TOLERANCE = 1e-9
BATCH_SIZE = 50_000

OUTPUT_FIELDS = (
    "site_id", "location_class", "inside_share", "distance_m", "nearest_kern",
    "gm_code", "gm_name", "region", "municipality_share", "straddles_municipalities",
    "edge_distance_m", "min_inside_share", "rules_version", "remarks",
)


@dataclass(frozen=True)
class ClassificationParameters:
    edge_distance_m: float = 250.0
    min_inside_share: float = 0.9

    @classmethod
    def defaults(cls) -> "ClassificationParameters":
        parameters = location_rules()["parameters"]
        return cls(float(parameters["edge_distance_m"]["default"]),
                   float(parameters["min_inside_share"]["default"]))

    def validate(self) -> None:
        limits = location_rules()["parameters"]
        for name in ("edge_distance_m", "min_inside_share"):
            value = getattr(self, name)
            low, high = limits[name]["minimum"], limits[name]["maximum"]
            if not (low <= value <= high):
                raise InputError(f"parameter {name} = {value} is outside {low}–{high}")


@dataclass(frozen=True)
class MunicipalityFields:
    code: str = "gm_code"
    name: str = "gm_name"
    region: str = "region"


@dataclass
class BuiltUpIndex:
    """The built-up area prepared once for many classification batches."""
    parts: np.ndarray            # dissolved, non-overlapping polygon parts
    parts_tree: shapely.STRtree
    kernen: np.ndarray           # the original (repaired) kern polygons
    kern_names: np.ndarray
    kern_tree: shapely.STRtree
    remarks: Dict[object, str] = field(default_factory=dict)

    @classmethod
    def build(cls, builtup: gpd.GeoDataFrame, kern_name_field: Optional[str] = None,
              layer: str = "built-up area") -> "BuiltUpIndex":
        prepared, remarks = prepare_layer(builtup, layer, "polygon")
        usable = ~prepared.geometry.isna().values
        if not usable.any():
            raise InputError("no feature has a usable polygon geometry", layer=layer)
        kernen = prepared.geometry.values[usable]
        kernen = np.asarray(kernen, dtype=object)
        if kern_name_field:
            if kern_name_field not in prepared.columns:
                raise InputError("field not found", layer=layer, field=kern_name_field)
            names = prepared[kern_name_field].values[usable]
        else:
            names = np.full(len(kernen), None, dtype=object)
        # Dissolving makes the parts non-overlapping, so intersection areas with the
        # parts add up to the area inside the built-up area even when kernen overlap.
        parts = shapely.get_parts(shapely.union_all(kernen))
        shapely.prepare(parts)
        return cls(parts=parts, parts_tree=shapely.STRtree(parts), kernen=kernen,
                   kern_names=np.asarray(names, dtype=object),
                   kern_tree=shapely.STRtree(kernen),
                   remarks={index: text for index, text in remarks.items() if text})


def classify_sites(sites: gpd.GeoDataFrame, builtup: gpd.GeoDataFrame,
                   parameters: Optional[ClassificationParameters] = None,
                   municipalities: Optional[gpd.GeoDataFrame] = None, *,
                   site_id_field: Optional[str] = None,
                   kern_name_field: Optional[str] = "kern_name",
                   municipality_fields: MunicipalityFields = MunicipalityFields(),
                   sites_layer: str = "sites", builtup_layer: str = "built-up area",
                   municipalities_layer: str = "municipalities",
                   progress: Progress = SILENT,
                   batch_size: int = BATCH_SIZE) -> gpd.GeoDataFrame:
    """Classifies every site; returns one row per input row, in input order and index.

    The result holds the columns in ``OUTPUT_FIELDS`` and the sites' geometry in RD New
    (repaired where needed). Sites without a usable geometry get no class and a remark.
    Cancel is checked once per batch of ``batch_size`` sites: interactive callers pass a
    smaller batch so that a cancel takes effect quickly.
    """
    parameters = parameters or ClassificationParameters.defaults()
    parameters.validate()
    rules = location_rules()

    prepared, remarks = prepare_layer(sites, sites_layer, "point_or_polygon")
    check_plausible_extent(prepared, sites_layer)
    if site_id_field and site_id_field not in prepared.columns:
        raise InputError("field not found", layer=sites_layer, field=site_id_field)
    progress.report(2)
    index = BuiltUpIndex.build(builtup, kern_name_field, builtup_layer)
    progress.check()
    progress.report(10)

    count = len(prepared)
    geometries = prepared.geometry.values
    share = np.full(count, np.nan)
    distance = np.full(count, np.nan)
    nearest = np.full(count, None, dtype=object)
    batch_progress = progress.scaled(10, 80 if municipalities is not None else 98)
    batch_size = max(1, int(batch_size))
    for start in range(0, count, batch_size):
        progress.check()
        stop = min(start + batch_size, count)
        batch = np.asarray(geometries[start:stop], dtype=object)
        share[start:stop], distance[start:stop], nearest[start:stop] = _measure_batch(batch, index)
        batch_progress.report(100.0 * stop / count)

    location_class = np.full(count, None, dtype=object)
    known = ~np.isnan(share)
    is_inside = known & (share >= parameters.min_inside_share - SHARE_TOLERANCE)
    is_edge = known & ~is_inside & (distance <= parameters.edge_distance_m + DISTANCE_TOLERANCE_M)
    location_class[known] = OUTSIDE
    location_class[is_edge] = EDGE
    location_class[is_inside] = INSIDE

    result = pd.DataFrame(index=prepared.index)
    if site_id_field:
        result["site_id"] = prepared[site_id_field].values
        for position, text in enumerate(duplicate_remarks(result["site_id"].values, "site id")):
            if text:
                remarks.iloc[position] = _join(remarks.iloc[position], text)
    else:
        result["site_id"] = prepared.index.values
    result["location_class"] = location_class
    result["inside_share"] = np.round(share, 6)
    result["distance_m"] = np.round(distance, 3)
    result["nearest_kern"] = nearest

    if municipalities is not None:
        progress.check()
        municipal = assign_municipalities(prepared.geometry.values, municipalities,
                                          municipality_fields, municipalities_layer)
        for column in ("gm_code", "gm_name", "region", "municipality_share", "straddles_municipalities"):
            result[column] = municipal[column].values
        outside = known & municipal["gm_code"].isna().values
        for position in np.flatnonzero(outside):
            remarks.iloc[position] = _join(remarks.iloc[position], "outside every municipality")
    else:
        result["gm_code"] = None
        result["gm_name"] = None
        result["region"] = None
        result["municipality_share"] = np.nan
        result["straddles_municipalities"] = None
    progress.report(98)

    result["edge_distance_m"] = float(parameters.edge_distance_m)
    result["min_inside_share"] = float(parameters.min_inside_share)
    result["rules_version"] = f"{rules['name']} {rules['version']}"
    result["remarks"] = remarks.where(remarks != "", None).values
    output = gpd.GeoDataFrame(result, geometry=prepared.geometry.values, crs=WORKING_CRS)
    output.index = prepared.index
    progress.report(100)
    return output


def _measure_batch(geometries: np.ndarray, index: BuiltUpIndex):
    """Share inside, distance and nearest kern name for one batch of sites."""
    count = len(geometries)
    share = np.full(count, np.nan)
    distance = np.full(count, np.nan)
    nearest = np.full(count, None, dtype=object)
    present = ~shapely.is_missing(geometries)
    if not present.any():
        return share, distance, nearest
    positions = np.flatnonzero(present)
    sites = geometries[positions]
    is_point = shapely.get_dimensions(sites) == 0

    inside_area = np.zeros(len(sites))
    site_pairs, part_pairs = index.parts_tree.query(sites, predicate="intersects")
    touching = np.zeros(len(sites), dtype=bool)
    touching[site_pairs] = True

    # Polygon sites: area of the intersection with the (non-overlapping) parts. A part
    # that holds the whole site needs no intersection at all.
    polygon_pair = ~is_point[site_pairs]
    poly_sites, poly_parts = site_pairs[polygon_pair], part_pairs[polygon_pair]
    if len(poly_sites):
        site_area_of_pair = shapely.area(sites[poly_sites])
        whole = shapely.contains_properly(index.parts[poly_parts], sites[poly_sites])
        pair_area = site_area_of_pair.copy()
        partial = ~whole
        if partial.any():
            pair_area[partial] = shapely.area(
                shapely.intersection(sites[poly_sites[partial]], index.parts[poly_parts[partial]]))
        inside_area += np.bincount(poly_sites, weights=pair_area, minlength=len(sites))
    site_area = shapely.area(sites)
    with np.errstate(divide="ignore", invalid="ignore"):
        polygon_share = np.where(site_area > 0, np.minimum(inside_area / site_area, 1.0), 0.0)

    # Point sites (also multipoints): the fraction of their points that lie in or on
    # the built-up area.
    point_share = np.zeros(len(sites))
    if is_point.any():
        point_positions = np.flatnonzero(is_point)
        points, owners = shapely.get_parts(sites[point_positions], return_index=True)
        hit_points, _ = index.parts_tree.query(points, predicate="intersects")
        hit = np.zeros(len(points), dtype=bool)
        hit[hit_points] = True
        per_site_hits = np.bincount(owners, weights=hit, minlength=len(point_positions))
        per_site_points = np.bincount(owners, minlength=len(point_positions))
        point_share[point_positions] = per_site_hits / per_site_points

    batch_share = np.where(is_point, point_share, polygon_share)

    batch_distance = np.zeros(len(sites))
    apart = np.flatnonzero(~touching)
    if len(apart):
        _, batch_distance[apart] = index.parts_tree.query_nearest(
            sites[apart], return_distance=True, all_matches=False)

    share[positions] = batch_share
    distance[positions] = batch_distance
    nearest[positions] = _nearest_kern_names(sites, touching, index)
    return share, distance, nearest


def _nearest_kern_names(sites: np.ndarray, touching: np.ndarray, index: BuiltUpIndex) -> np.ndarray:
    """The kern holding the largest part of the site, else the nearest kern."""
    names = np.full(len(sites), None, dtype=object)
    if len(sites) == 0:
        return names
    site_pairs, kern_pairs = index.kern_tree.query(sites, predicate="intersects")
    if len(site_pairs):
        overlap = shapely.area(shapely.intersection(sites[site_pairs], index.kernen[kern_pairs]))
        # Largest overlap first, so the first row per site is its best kern.
        order = np.lexsort((-overlap, site_pairs))
        first = np.unique(site_pairs[order], return_index=True)[1]
        chosen = order[first]
        names[site_pairs[chosen]] = index.kern_names[kern_pairs[chosen]]
    apart = np.flatnonzero(~touching)
    if len(apart):
        site_idx, kern_idx = index.kern_tree.query_nearest(sites[apart], all_matches=False)
        names[apart[site_idx]] = index.kern_names[kern_idx]
    return names


def assign_municipalities(geometries: np.ndarray, municipalities: gpd.GeoDataFrame,
                          fields: MunicipalityFields = MunicipalityFields(),
                          layer: str = "municipalities") -> pd.DataFrame:
    """The municipality holding the largest part of each geometry (RD geometries).

    ``straddles_municipalities`` is true when a polygon has area in more than one
    municipality, or a point lies on a shared boundary.
    """
    prepared, _ = prepare_layer(municipalities, layer, "polygon")
    for name in (fields.code, fields.name, fields.region):
        if name and name not in prepared.columns:
            raise InputError("field not found", layer=layer, field=name)
    usable = ~prepared.geometry.isna().values
    polygons = np.asarray(prepared.geometry.values[usable], dtype=object)
    attributes = prepared.loc[usable, [fields.code, fields.name, fields.region]].reset_index(drop=True)
    tree = shapely.STRtree(polygons)

    count = len(geometries)
    codes_out = np.full(count, None, dtype=object)
    names_out = np.full(count, None, dtype=object)
    regions_out = np.full(count, None, dtype=object)
    share_out = np.full(count, np.nan)
    straddles_out = np.full(count, None, dtype=object)
    present = np.flatnonzero(~shapely.is_missing(geometries))
    if len(present):
        sites = np.asarray(geometries[present], dtype=object)
        site_pairs, muni_pairs = tree.query(sites, predicate="intersects")
        is_point = shapely.get_dimensions(sites) == 0
        pair_is_point = is_point[site_pairs]
        pair_area = np.zeros(len(site_pairs))
        polygon_pairs = ~pair_is_point
        if polygon_pairs.any():
            pair_area[polygon_pairs] = shapely.area(shapely.intersection(
                sites[site_pairs[polygon_pairs]], polygons[muni_pairs[polygon_pairs]]))
        site_area = shapely.area(sites)
        # Points weigh 1 per municipality they touch; ties go to the lowest code, so the
        # result does not depend on the order of the municipalities layer.
        weight = np.where(pair_is_point, 1.0, pair_area)
        counts_as_member = np.where(pair_is_point, True, pair_area > 0)
        codes = attributes[fields.code].astype(str).values[muni_pairs]
        order = np.lexsort((codes, -weight, site_pairs))
        first = np.unique(site_pairs[order], return_index=True)[1]
        chosen = order[first]
        chosen_sites = site_pairs[chosen]
        chosen_munis = muni_pairs[chosen]
        members = np.bincount(site_pairs[counts_as_member], minlength=len(sites))

        rows = present[chosen_sites]
        codes_out[rows] = attributes[fields.code].values[chosen_munis]
        names_out[rows] = attributes[fields.name].values[chosen_munis]
        regions_out[rows] = attributes[fields.region].values[chosen_munis]
        with np.errstate(divide="ignore", invalid="ignore"):
            share_out[rows] = np.round(np.where(is_point[chosen_sites], 1.0,
                                                weight[chosen] / site_area[chosen_sites]), 6)
        straddles_out[present] = members > 1
    return pd.DataFrame({"gm_code": codes_out, "gm_name": names_out, "region": regions_out,
                         "municipality_share": share_out,
                         "straddles_municipalities": straddles_out})
    sites = np.asarray(geometries[present], dtype=object)
    site_pairs, muni_pairs = tree.query(sites, predicate="intersects")
    is_point = shapely.get_dimensions(sites) == 0
    pair_is_point = is_point[site_pairs]
    pair_area = np.zeros(len(site_pairs))
    polygon_pairs = ~pair_is_point
    if polygon_pairs.any():
        pair_area[polygon_pairs] = shapely.area(
            shapely.intersection(sites[site_pairs[polygon_pairs]], polygons[muni_pairs[polygon_pairs]]))
    site_area = shapely.area(sites)
    # Points weigh 1 per municipality they touch; ties go to the lowest code, so the
    # result does not depend on the order of the municipalities layer.
    weight = np.where(pair_is_point, 1.0, pair_area)
    counts_as_member = np.where(pair_is_point, True, pair_area > 0)
    codes = attributes[fields.code].astype(str).values[muni_pairs]
    order = np.lexsort((codes, -weight, site_pairs))
    first = np.unique(site_pairs[order], return_index=True)[1]
    chosen = order[first]
    chosen_sites = site_pairs[chosen]
    chosen_munis = muni_pairs[chosen]
    members = np.bincount(site_pairs[counts_as_member], minlength=len(sites))

    rows = present[chosen_sites]
    result.loc[rows, "gm_code"] = attributes[fields.code].values[chosen_munis]
    result.loc[rows, "gm_name"] = attributes[fields.name].values[chosen_munis]
    result.loc[rows, "region"] = attributes[fields.region].values[chosen_munis]
    with np.errstate(divide="ignore", invalid="ignore"):
        muni_share = np.where(is_point[chosen_sites], 1.0,
                              weight[chosen] / site_area[chosen_sites])
    result.loc[rows, "municipality_share"] = np.round(muni_share, 6)
    straddles = members > 1
    result.loc[present, "straddles_municipalities"] = straddles
    return result


def _join(first: Optional[str], second: str) -> str:
    return f"{first}; {second}" if first else second
