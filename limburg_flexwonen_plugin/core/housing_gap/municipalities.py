"""Reading the municipalities (codes, names, regions, inhabitants) and the built-up part
of each."""
from typing import Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..frames import WORKING_CRS, with_crs_text
from ..geometry import prepare_layer
from ..number_notation import read_numbers
from ..scenarios import normalise_code
from ..validation import require_plausible
from .fields import MunicipalityFields, add_remark


def prepare_municipalities(frame: gpd.GeoDataFrame, fields: MunicipalityFields,
                            layer: str) -> Tuple[gpd.GeoDataFrame, pd.Series]:
    prepared, remarks = prepare_layer(frame, layer, "polygon")
    for name in (fields.code, fields.name, fields.region, fields.inhabitants):
        if name and name not in prepared.columns:
            raise InputError("field not found", layer=layer, field=name)
    codes = [normalise_code(value) for value in prepared[fields.code].values]
    for feature, code in zip(prepared.index, codes):
        if code is None:
            raise InputError("no municipality code", layer=layer, feature=feature, field=fields.code)
    duplicated = pd.Series(codes).duplicated(keep=False)
    if duplicated.any():
        code = pd.Series(codes)[duplicated].iloc[0]
        raise InputError(f"municipality code {code} occurs {int((pd.Series(codes) == code).sum())} "
                         f"times; dissolve the municipality into one feature first",
                         layer=layer, field=fields.code)
    if fields.inhabitants:
        inhabitants = pd.Series(read_numbers(prepared[fields.inhabitants], layer, fields.inhabitants,
                                             count=True, features=prepared.index),
                                index=prepared.index)
        require_plausible(inhabitants.values, prepared.index, "inhabitants", layer, fields.inhabitants)
    else:
        inhabitants = pd.Series(np.nan, index=prepared.index)
    # Without a region field there are no region rows (one remark on the rest row);
    # without a name field the code names the municipality.
    region_values = prepared[fields.region].values if fields.region else [None] * len(prepared)
    regions = [None if value is None or (isinstance(value, float) and np.isnan(value))
               or str(value).strip() == "" else str(value) for value in region_values]
    result = with_crs_text(gpd.GeoDataFrame({
        "gm_code": codes,
        "gm_name": prepared[fields.name].values if fields.name else codes,
        "region": regions,
        "inhabitants": inhabitants.astype("float64").values,
    }, geometry=prepared.geometry.values, index=prepared.index), WORKING_CRS)
    remarks = remarks.copy()
    for position in np.flatnonzero(result["inhabitants"].isna().values):
        remarks.iloc[position] = add_remark(remarks.iloc[position], "no number of inhabitants")
    for position in np.flatnonzero(pd.isna(result["region"]).values) if fields.region else []:
        remarks.iloc[position] = add_remark(remarks.iloc[position], "no region")
    return result, remarks


def builtup_zones(municipality_geometries, builtup: gpd.GeoDataFrame,
                  layer: str = "built-up area") -> np.ndarray:
    """Per municipality, the part of it covered by the built-up area (None when none)."""
    prepared, _ = prepare_layer(builtup, layer, "polygon")
    usable = prepared.geometry.values[~prepared.geometry.isna().values]
    geometries = np.asarray(municipality_geometries, dtype=object)
    zones = np.full(len(geometries), None, dtype=object)
    if len(usable) == 0:
        return zones
    parts = shapely.get_parts(shapely.union_all(np.asarray(usable, dtype=object)))
    tree = shapely.STRtree(parts)
    present = np.flatnonzero(~shapely.is_missing(geometries))
    muni_pairs, part_pairs = tree.query(geometries[present], predicate="intersects")
    pieces = shapely.intersection(geometries[present][muni_pairs], parts[part_pairs])
    for position in np.unique(muni_pairs):
        chosen = pieces[muni_pairs == position]
        zone = shapely.union_all(chosen)
        zone = _polygonal(zone)
        if zone is not None and shapely.area(zone) > 0:
            zones[present[position]] = zone
    return zones


def _polygonal(geometry):
    if geometry is None or shapely.is_empty(geometry):
        return None
    if shapely.get_type_id(geometry) == 7:
        parts = shapely.get_parts(geometry)
        parts = parts[shapely.get_dimensions(parts) == 2]
        return shapely.union_all(parts) if len(parts) else None
    return geometry if shapely.get_dimensions(geometry) == 2 else None
