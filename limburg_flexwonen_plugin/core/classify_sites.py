"""Classify candidate sites as inside, at the edge of, or outside the built-up area.

The rule (see ``resources/rules/location_classification.json``):

* inside  -- the share of the site's area inside the built-up area is at least
  ``min_inside_share`` (for a point: the point lies inside or on the boundary);
* edge    -- not inside, but the site overlaps or touches the built-up area or lies
  within ``edge_distance_m`` of it;
* outside -- otherwise.

Everything is vectorised over whole arrays of sites (shapely 2, numpy); sites are
handled in batches only to report progress, honour cancel and bound memory. The
built-up area is prepared once (``core/polygon_index/``): a cell grid settles most
sites without geometry, prepared predicates the rest, intersection areas are taken
against small pieces of the built-up area, and distances come from GEOS's indexed
facet distance on the prepared boundaries. Results equal a direct computation.
"""
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .errors import InputError
from .field_mapping import MunicipalityFields, normalise_code
from .frames import WORKING_CRS, with_crs_text
from .geometry import check_plausible_extent, prepare_layer
from .polygon_index import PolygonIndex, grid_cells_for, interiors_overlap
from .progress import SILENT, Progress
from .rules import location_rules
from .terms import OUTSIDE_MUNICIPALITIES
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


@dataclass
class BuiltUpIndex:
    """The built-up area prepared once for many classification batches.

    ``area_index`` answers "how much of a site is inside": its polygons never overlap
    (overlapping kernen are dissolved first, so nothing is counted twice).
    ``kern_index`` holds the kernen themselves and answers "which kern holds the
    largest part of a site" and "which kern is nearest". When no two kernen overlap
    (the usual case) both are the same index and no dissolve is needed at all.
    """
    kernen: np.ndarray           # the original (repaired) kern polygons
    kern_names: np.ndarray
    area_index: PolygonIndex
    kern_index: PolygonIndex
    remarks: Dict[object, str] = field(default_factory=dict)

    @property
    def parts(self) -> np.ndarray:
        """The non-overlapping polygons the inside share is measured against."""
        return self.area_index.polygons

    @classmethod
    def build(cls, builtup: gpd.GeoDataFrame, kern_name_field: Optional[str] = None,
              layer: str = "built-up area", expected_sites: Optional[int] = None) -> "BuiltUpIndex":
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
            # No name field: the kern is named by its feature id (the caller says so once).
            names = np.array([str(fid) for fid in prepared.index.values[usable]], dtype=object)
        cells = grid_cells_for(expected_sites)
        overlapping = interiors_overlap(kernen)
        if len(overlapping) == 0:
            area_index = kern_index = PolygonIndex(kernen, disjoint=True, grid_cells=cells)
        else:
            # Dissolve only the kernen that overlap another; the rest stay as they are.
            involved = np.zeros(len(kernen), dtype=bool)
            involved[overlapping.ravel()] = True
            dissolved = shapely.get_parts(shapely.union_all(kernen[involved]))
            area_index = PolygonIndex(np.concatenate([kernen[~involved], dissolved]), disjoint=True,
                                      grid_cells=cells)
            kern_index = PolygonIndex(kernen, disjoint=False, grid_cells=cells)
        return cls(kernen=kernen, kern_names=np.asarray(names, dtype=object),
                   area_index=area_index, kern_index=kern_index,
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
    prepared, remarks = prepare_sites(sites, site_id_field, sites_layer)
    progress.report(2)
    classifier = SiteClassifier(builtup, parameters, municipalities, kern_name_field=kern_name_field,
                                municipality_fields=municipality_fields, builtup_layer=builtup_layer,
                                municipalities_layer=municipalities_layer, expected_sites=len(prepared))
    progress.check()
    progress.report(10)
    return classifier.classify_prepared(prepared, remarks, site_id_field, progress.scaled(10, 100),
                                        batch_size=batch_size)


def classify_partition(sites: gpd.GeoDataFrame, builtup: gpd.GeoDataFrame,
                       parameters: Optional[ClassificationParameters] = None,
                       municipalities: Optional[gpd.GeoDataFrame] = None, **options) -> gpd.GeoDataFrame:
    """``classify_sites`` for one partition of a larger dataframe (for example
    ``dask_geopandas.GeoDataFrame.map_partitions``): an empty partition gives an empty
    result with the same columns instead of an error. Each call prepares the
    built-up area again, so partitions should be large (hundreds of thousands of
    sites). Results do not depend on the partitioning."""
    if len(sites) == 0:
        columns = {name: pd.Series([], dtype=object) for name in OUTPUT_FIELDS}
        return with_crs_text(gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries([]),
                                              index=sites.index[:0]), WORKING_CRS)
    return classify_sites(sites, builtup, parameters, municipalities, **options)


def prepare_sites(sites: gpd.GeoDataFrame, site_id_field: Optional[str] = None,
                  sites_layer: str = "sites") -> Tuple[gpd.GeoDataFrame, pd.Series]:
    """Sites in RD New, repaired, checked; with a remark per row ("" when fine)."""
    prepared, remarks = prepare_layer(sites, sites_layer, "point_or_polygon")
    check_plausible_extent(prepared, sites_layer)
    if site_id_field and site_id_field not in prepared.columns:
        raise InputError("field not found", layer=sites_layer, field=site_id_field)
    return prepared, remarks


class SiteClassifier:
    """The rule with its built-up area (and municipalities) prepared once.

    ``classify`` then takes any number of site frames: the whole layer, the batches
    of a streamed run (``classify_sites_streamed``) or the partitions of a
    distributed dataframe. Results do not depend on how the sites are split.
    """

    def __init__(self, builtup: gpd.GeoDataFrame,
                 parameters: Optional[ClassificationParameters] = None,
                 municipalities: Optional[gpd.GeoDataFrame] = None, *,
                 kern_name_field: Optional[str] = "kern_name",
                 municipality_fields: MunicipalityFields = MunicipalityFields(),
                 builtup_layer: str = "built-up area",
                 municipalities_layer: str = "municipalities",
                 expected_sites: Optional[int] = None):
        self.parameters = parameters or ClassificationParameters.defaults()
        self.parameters.validate()
        rules = location_rules()
        self.rules_version = f"{rules['name']} {rules['version']}"
        self.index = BuiltUpIndex.build(builtup, kern_name_field, builtup_layer, expected_sites)
        self.municipal = (MunicipalIndex.build(municipalities, municipality_fields, municipalities_layer,
                                               expected_sites)
                          if municipalities is not None else None)

    def classify(self, sites: gpd.GeoDataFrame, *, site_id_field: Optional[str] = None,
                 sites_layer: str = "sites", progress: Progress = SILENT,
                 batch_size: int = BATCH_SIZE) -> gpd.GeoDataFrame:
        """Like ``classify_sites``, with the prepared built-up area and municipalities."""
        prepared, remarks = prepare_sites(sites, site_id_field, sites_layer)
        return self.classify_prepared(prepared, remarks, site_id_field, progress, batch_size)

    def classify_prepared(self, prepared: gpd.GeoDataFrame, remarks: pd.Series,
                          site_id_field: Optional[str] = None,
                          progress: Progress = SILENT,
                          batch_size: int = BATCH_SIZE) -> gpd.GeoDataFrame:
        parameters = self.parameters
        count = len(prepared)
        geometries = prepared.geometry.values
        share = np.full(count, np.nan)
        distance = np.full(count, np.nan)
        nearest = np.full(count, None, dtype=object)
        batch_progress = progress.scaled(0, 85 if self.municipal is not None else 98)
        batch_size = max(1, int(batch_size))
        for start in range(0, count, batch_size):
            progress.check()
            stop = min(start + batch_size, count)
            batch = np.asarray(geometries[start:stop], dtype=object)
            share[start:stop], distance[start:stop], nearest[start:stop] = _measure_batch(
                batch, self.index, parameters.edge_distance_m + DISTANCE_TOLERANCE_M)
            batch_progress.report(100.0 * stop / count)

        location_class = np.full(count, None, dtype=object)
        known = ~np.isnan(share)
        is_inside = known & (share >= parameters.min_inside_share - SHARE_TOLERANCE)
        is_edge = known & ~is_inside & (distance <= parameters.edge_distance_m + DISTANCE_TOLERANCE_M)
        location_class[known] = OUTSIDE
        location_class[is_edge] = EDGE
        location_class[is_inside] = INSIDE

        # The vectorised test first: naming the repeated ids runs per row.
        if site_id_field and pd.Series(prepared[site_id_field].values).duplicated().any():
            duplicates = duplicate_remarks(prepared[site_id_field].values, "site id")
            if any(duplicates):
                remarks = remarks.copy()
                remarks[:] = [_join(text, extra) if extra else text
                              for text, extra in zip(remarks.values, duplicates)]
        columns = {
            "site_id": prepared[site_id_field].values if site_id_field else prepared.index.values,
            "location_class": location_class,
            "inside_share": np.round(share, 6),
            "distance_m": np.round(distance, 3),
            "nearest_kern": nearest,
        }
        if self.municipal is not None:
            progress.check()
            municipal = self.municipal.assign(geometries, progress=progress.scaled(85, 98))
            for column in ("gm_code", "gm_name", "region", "municipality_share", "straddles_municipalities"):
                columns[column] = municipal[column].values
            outside = np.flatnonzero(known & municipal["gm_code"].isna().values)
            if len(outside):
                remarks = remarks.copy()
                remarks.iloc[outside] = [_join(text, OUTSIDE_MUNICIPALITIES)
                                         for text in remarks.iloc[outside]]
        else:
            columns["gm_code"] = np.full(count, None, dtype=object)
            columns["gm_name"] = np.full(count, None, dtype=object)
            columns["region"] = np.full(count, None, dtype=object)
            columns["municipality_share"] = np.full(count, np.nan)
            columns["straddles_municipalities"] = np.full(count, None, dtype=object)
        progress.report(98)

        columns["edge_distance_m"] = np.full(count, float(parameters.edge_distance_m))
        columns["min_inside_share"] = np.full(count, float(parameters.min_inside_share))
        columns["rules_version"] = np.full(count, self.rules_version, dtype=object)
        columns["remarks"] = remarks.where(remarks != "", None).values
        output = with_crs_text(gpd.GeoDataFrame(columns, geometry=geometries, index=prepared.index), WORKING_CRS)
        progress.report(100)
        return output


def _measure_batch(geometries: np.ndarray, index: BuiltUpIndex, search_radius: float = 250.0):
    """Share inside, distance and nearest kern name for one batch of sites.

    ``search_radius`` is where the distance search starts (the edge distance): most
    sites that touch nothing find their nearest kern within it.
    """
    count = len(geometries)
    share = np.full(count, np.nan)
    distance = np.full(count, np.nan)
    nearest = np.full(count, None, dtype=object)
    present = ~shapely.is_missing(geometries)
    if not present.any():
        return share, distance, nearest
    positions = np.flatnonzero(present)
    sites = np.asarray(geometries[positions], dtype=object)
    is_point = shapely.get_dimensions(sites) == 0
    site_area = shapely.area(sites)

    # Inside share: areas against the non-overlapping polygons; points count the share
    # of their points lying in or on the built-up area.
    site_pairs, polygon_pairs, pair_area, point_share = index.area_index.overlaps(sites, site_area)
    touching = np.zeros(len(sites), dtype=bool)
    touching[site_pairs] = True
    inside_area = np.bincount(site_pairs, weights=pair_area, minlength=len(sites))
    with np.errstate(divide="ignore", invalid="ignore"):
        polygon_share = np.where(site_area > 0, np.minimum(inside_area / site_area, 1.0), 0.0)
    share[positions] = np.where(is_point, point_share, polygon_share)

    # The kern holding the largest part of a touching site (ties: the kern listed
    # first); for the others the nearest kern and the exact distance to it.
    if index.kern_index is not index.area_index:
        site_pairs, polygon_pairs, pair_area, _ = index.kern_index.overlaps(sites, site_area)
    kern = np.full(len(sites), -1, dtype=np.intp)
    if len(site_pairs):
        order = np.lexsort((polygon_pairs, -pair_area, site_pairs))
        first = np.ones(len(order), dtype=bool)
        first[1:] = site_pairs[order[1:]] != site_pairs[order[:-1]]
        kern[site_pairs[order[first]]] = polygon_pairs[order[first]]
    batch_distance = np.zeros(len(sites))
    apart = np.flatnonzero(~touching)
    if len(apart):
        batch_distance[apart], kern[apart] = index.kern_index.nearest(sites[apart], search_radius)
    distance[positions] = batch_distance
    nearest[positions] = np.where(kern >= 0, index.kern_names[np.maximum(kern, 0)], None)
    return share, distance, nearest


def assign_municipalities(geometries: np.ndarray, municipalities: gpd.GeoDataFrame,
                          fields: MunicipalityFields = MunicipalityFields(),
                          layer: str = "municipalities",
                          progress: Progress = SILENT) -> pd.DataFrame:
    """The municipality holding the largest part of each geometry (RD geometries).

    ``straddles_municipalities`` is true when a polygon has area in more than one
    municipality, or a point lies on a shared boundary.
    """
    return MunicipalIndex.build(municipalities, fields, layer, len(geometries)).assign(geometries, progress)


@dataclass
class MunicipalIndex:
    """Municipalities prepared once for assigning many geometries."""
    index: Optional[PolygonIndex]
    codes: np.ndarray
    names: np.ndarray
    regions: np.ndarray

    @classmethod
    def build(cls, municipalities: gpd.GeoDataFrame, fields: MunicipalityFields = MunicipalityFields(),
              layer: str = "municipalities", expected_sites: Optional[int] = None) -> "MunicipalIndex":
        prepared, _ = prepare_layer(municipalities, layer, "polygon")
        for name in (fields.code, fields.name, fields.region):
            if name and name not in prepared.columns:
                raise InputError("field not found", layer=layer, field=name)
        usable = ~prepared.geometry.isna().values
        polygons = np.asarray(prepared.geometry.values[usable], dtype=object)
        attributes = prepared.loc[usable]
        # Codes as CBS writes them (GM0983, also from 983 or '0983'); without a name field
        # the code names the municipality, without a region field there is none.
        codes = np.array([normalise_code(value) for value in attributes[fields.code].values], dtype=object)
        names = attributes[fields.name].values if fields.name else codes
        regions = attributes[fields.region].values if fields.region else np.full(len(codes), None, dtype=object)
        return cls(index=PolygonIndex(polygons, grid_cells=grid_cells_for(expected_sites)) if len(polygons) else None,
                   codes=codes, names=names, regions=regions)

    def assign(self, geometries: np.ndarray, progress: Progress = SILENT) -> pd.DataFrame:
        geometries = np.asarray(geometries, dtype=object)
        count = len(geometries)
        codes_out = np.full(count, None, dtype=object)
        names_out = np.full(count, None, dtype=object)
        regions_out = np.full(count, None, dtype=object)
        share_out = np.full(count, np.nan)
        straddles_out = np.full(count, None, dtype=object)
        code_text = self.codes.astype(str)
        for start in range(0, count, BATCH_SIZE):
            progress.check()
            stop = min(start + BATCH_SIZE, count)
            present = start + np.flatnonzero(~shapely.is_missing(geometries[start:stop]))
            if len(present) == 0 or self.index is None:
                continue
            sites = geometries[present]
            is_point = shapely.get_dimensions(sites) == 0
            site_area = shapely.area(sites)
            site_pairs, muni_pairs, pair_area, _ = self.index.overlaps(sites, site_area)
            straddles_out[present] = False
            if len(site_pairs):
                # Points weigh 1 per municipality they touch; ties go to the lowest code,
                # so the result does not depend on the order of the municipalities layer.
                pair_is_point = is_point[site_pairs]
                weight = np.where(pair_is_point, 1.0, pair_area)
                counts_as_member = np.where(pair_is_point, True, pair_area > 0)
                order = np.lexsort((code_text[muni_pairs], -weight, site_pairs))
                first = np.ones(len(order), dtype=bool)
                first[1:] = site_pairs[order[1:]] != site_pairs[order[:-1]]
                chosen = order[first]
                chosen_sites = site_pairs[chosen]
                chosen_munis = muni_pairs[chosen]
                members = np.bincount(site_pairs[counts_as_member], minlength=len(sites))
                rows = present[chosen_sites]
                codes_out[rows] = self.codes[chosen_munis]
                names_out[rows] = self.names[chosen_munis]
                regions_out[rows] = self.regions[chosen_munis]
                with np.errstate(divide="ignore", invalid="ignore"):
                    share_out[rows] = np.round(np.where(is_point[chosen_sites], 1.0,
                                                        weight[chosen] / site_area[chosen_sites]), 6)
                straddles_out[present] = members > 1
            progress.report(100.0 * stop / count)
        return pd.DataFrame({"gm_code": codes_out, "gm_name": names_out, "region": regions_out,
                             "municipality_share": share_out,
                             "straddles_municipalities": straddles_out})


def _join(first: Optional[str], second: str) -> str:
    return f"{first}; {second}" if first else second
