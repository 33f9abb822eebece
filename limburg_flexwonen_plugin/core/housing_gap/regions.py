"""Region and province rows: sums of their municipalities' figures, so conserved exactly."""
from typing import List, Optional, Tuple

import geopandas as gpd
import pandas as pd
import shapely

from ..frames import WORKING_CRS, with_crs_text
from ..scenarios import ScenarioMigrants
from .demand_model import DemandModel
from .fields import PROVINCE_LEVEL, REGION_LEVEL, add_remark
from .figures import aggregate, display_precision, hiaten_of, stamp


def region_rows(municipal: pd.DataFrame, munis: gpd.GeoDataFrame, migrants: ScenarioMigrants,
                model: DemandModel, province_name: str,
                province_remarks: List[str]) -> gpd.GeoDataFrame:
    """One row per region (north to south; the municipalities without a region last),
    then the province."""
    rows, geometries = [], []
    geometry_of = dict(zip(munis["gm_code"], munis.geometry.values))
    region_keys = list(dict.fromkeys(value for value in municipal["region"] if value is not None))
    # North to south, as a planner reads Limburg: by the y of each region's centre.
    def north(region):
        members = [geometry_of[c] for c in municipal.index[municipal["region"] == region]]
        members = [g for g in members if g is not None]
        return -shapely.centroid(shapely.union_all(members)).y if members else 0.0
    region_keys.sort(key=north)
    groups = [(region, municipal[municipal["region"] == region]) for region in region_keys]
    without_region = municipal[municipal["region"].isna()]
    if len(without_region):
        groups.append((None, without_region))
    for region, members in groups:
        row, remark = _summed_row(members, model, region,
                                  "; their supply is counted, their demand is not")
        if region is None:
            remark = add_remark(remark, "municipalities without a region: " + ", ".join(members["gm_name"].astype(str)))
        row["remarks"] = remark
        stamp(row, migrants, model, REGION_LEVEL)
        rows.append(row)
        parts = [geometry_of[c] for c in members["gm_code"] if geometry_of[c] is not None]
        geometries.append(shapely.union_all(parts) if parts else None)
    province, remark = _summed_row(municipal, model, province_name)
    for text in province_remarks:
        remark = add_remark(remark, text)
    province["remarks"] = remark
    stamp(province, migrants, model, PROVINCE_LEVEL)
    rows.append(province)
    # The province total has no geometry: drawn, it would cover the regions.
    geometries.append(None)
    frame = display_precision(pd.concat(rows, ignore_index=True))
    return with_crs_text(gpd.GeoDataFrame(frame, geometry=geometries), WORKING_CRS)


def _summed_row(members: pd.DataFrame, model: DemandModel, region: Optional[str],
                unknown_suffix: str = "") -> Tuple[pd.DataFrame, Optional[str]]:
    """The sums of ``members`` and their hiaten as one row named ``region``, and its remark
    naming the members without a labour-migrant figure (None when there are none)."""
    row = aggregate(members, model)
    for name, value in hiaten_of(members).items():
        row[name] = value
    row["region"] = region
    row["gm_code"] = None
    row["gm_name"] = None
    unknown = members[members["labour_migrants"].isna()]
    remark = None
    if len(unknown):
        remark = "incomplete: no labour-migrant figure for " + ", ".join(
            f"{name} ({code})" for code, name in zip(unknown["gm_code"], unknown["gm_name"])) + \
            unknown_suffix
    return row, remark
