"""Official boundaries and inhabitants (CBS / PDOK) as frames: parsing, selection,
joining and provenance. Pure: the bridge fetches the GeoJSON (``bridge.network``) and
reprojects where the service could not deliver RD New (``bridge.crs``).

What the services give (OGC API Features, GeoJSON):

* CBS Gebiedsindelingen: one collection per division (``gemeente_gegeneraliseerd``,
  ``coropgebied_gegeneraliseerd``, ``provincie_gegeneraliseerd``), every year in the
  same collection, told apart by ``jaarcode``; ``statcode`` (GM0983, CR37, PV31) and
  ``statnaam`` name an area.
* CBS Wijken en Buurten (kerncijfers), one service per year: collection ``gemeenten``
  with ``gemeentecode``, ``gemeentenaam``, ``water`` (JA for the water parts) and the
  number of inhabitants (``aantal_inwoners``; older extracts spell it
  ``aantalInwoners``). CBS writes a negative number for "unknown" or "secret".
* CBS Bevolkingskernen: polygons of the built-up cores; used only as a stand-in for a
  built-up contour, and labelled so in every row.

Every output row carries ``source`` ("Kadaster / CBS, <dataset>, <year>, CC-BY 4.0"),
which is how the data's licence asks to be credited.
"""
import math
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from .atomic import atomic_output
from .errors import InputError
from .frames import WORKING_CRS, crs_text, is_working_crs, with_crs_text, write_file
from .scenarios import normalise_code

PUBLISHER = "Kadaster / CBS"
LICENCE = "CC-BY 4.0"
BOUNDARIES_DATASET = "CBS Gebiedsindelingen"
INHABITANTS_DATASET = "CBS Kerncijfers wijken en buurten"
KERNEN_DATASET = "CBS Bevolkingskernen"

# The OGC API's name for RD New (the ``crs`` parameter and the Content-Crs header).
RD_CRS_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
# GeoJSON without CRS negotiation is longitude/latitude on WGS 84 (OGC API Features,
# part 1); QGIS keeps x = longitude for EPSG:4326 geometries, so this text fits it.
LONLAT_CRS = "EPSG:4326"

COLLECTIONS = {"municipalities": "gemeente_gegeneraliseerd",
               "regions": "coropgebied_gegeneraliseerd",
               "provinces": "provincie_gegeneraliseerd"}
KWB_COLLECTION = "gemeenten"

INHABITANT_FIELDS = ("aantal_inwoners", "aantalInwoners", "aantalinwoners")
KWB_CODE_FIELDS = ("gemeentecode", "statcode", "gm_code")
KERN_NAME_FIELDS = ("bevolkingskern", "naam", "kernnaam", "kern_naam", "statnaam", "name")

OUTPUT_LAYERS = ("municipalities", "regions", "province", "builtup_standin")


def credit(dataset: str, year) -> str:
    """The attribution the CBS licence asks for, with the dataset and its year."""
    return f"{PUBLISHER}, {dataset}, {year}, {LICENCE}"


def standin_label(year) -> str:
    return (f"stand-in for a built-up contour: {KERNEN_DATASET} {year} "
            f"(population cores, not the province's own contour)")


def crs_of_response(content_crs: Optional[str]) -> str:
    """The CRS of a GeoJSON answer, from its Content-Crs header (``<uri>``): RD New when
    the service honoured the request, else longitude/latitude, the GeoJSON default."""
    text = (content_crs or "").strip().strip("<>")
    match = re.search(r"/def/crs/EPSG/0/(\d+)$", text)
    if match:
        return f"EPSG:{match.group(1)}"
    return LONLAT_CRS


def features_to_frame(features: Sequence[dict], crs: str, layer: str) -> gpd.GeoDataFrame:
    """GeoJSON features as a frame: properties as columns, the CRS as text."""
    rows, shapes = [], []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise InputError("the service sent something that is not a GeoJSON feature",
                             layer=layer, feature=number)
        rows.append(dict(feature.get("properties") or {}))
        geometry = feature.get("geometry")
        try:
            shapes.append(shapely.geometry.shape(geometry) if geometry else None)
        except (TypeError, ValueError, AttributeError, KeyError, shapely.errors.GEOSException) as error:
            raise InputError("the service sent a geometry that cannot be read",
                             layer=layer, feature=feature.get("id", number)) from error
    frame = gpd.GeoDataFrame(pd.DataFrame(rows, index=pd.RangeIndex(len(rows))),
                             geometry=gpd.GeoSeries(np.array(shapes, dtype=object)))
    return with_crs_text(frame, crs)


def require_properties(frame: pd.DataFrame, names: Iterable[str], layer: str) -> None:
    """One message naming every property the service's answer lacks."""
    missing = [name for name in names if name not in frame.columns]
    if missing and len(frame):
        raise InputError("the service's answer lacks the fields " + ", ".join(missing) +
                         "; check the service address in Settings › Options › Flexwonen Limburg",
                         layer=layer)


# ---------------------------------------------------------------- selection


@dataclass
class Selection:
    municipalities: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    remarks: List[str] = field(default_factory=list)


def parse_codes(text: Optional[str]) -> List[str]:
    """Codes or names typed by the user, separated by commas, semicolons or spaces in a
    list ('PV31, Limburg'; 'GM0983;935')."""
    if not text:
        return []
    return [part.strip() for part in re.split(r"[,;\n]", str(text)) if part.strip()]


def _province_code(key: str, provinces: pd.DataFrame) -> Optional[str]:
    text = key.strip()
    upper = text.upper()
    if upper.isdigit():
        upper = f"PV{int(upper):02d}"
    codes = provinces["statcode"].astype(str).str.upper()
    if upper in set(codes):
        return upper
    names = provinces["statnaam"].astype(str).str.casefold()
    hits = provinces.loc[names == text.casefold(), "statcode"]
    return str(hits.iloc[0]).upper() if len(hits) else None


def _inside(points: np.ndarray, areas: gpd.GeoDataFrame) -> np.ndarray:
    """For each point, the row position in ``areas`` of the area holding it (-1: none)."""
    result = np.full(len(points), -1, dtype=np.int64)
    geometries = np.asarray(areas.geometry.values, dtype=object)
    for position, area in enumerate(geometries):
        if area is None or area.is_empty:
            continue
        shapely.prepare(area)
        free = result < 0
        hit = np.zeros(len(points), dtype=bool)
        hit[free] = shapely.contains(area, points[free])
        result[hit] = position
    return result


def _points(frame: gpd.GeoDataFrame) -> np.ndarray:
    geometries = np.asarray(frame.geometry.values, dtype=object)
    usable = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    points = np.full(len(geometries), None, dtype=object)
    if usable.any():
        points[usable] = shapely.point_on_surface(shapely.make_valid(geometries[usable]))
    return points


def select_areas(provinces: gpd.GeoDataFrame, regions: gpd.GeoDataFrame,
                 municipalities: gpd.GeoDataFrame, province_keys: Sequence[str],
                 municipality_codes: Sequence[str], year, layers: Dict[str, str]) -> Selection:
    """The municipalities, COROP regions and provinces of the user's choice.

    ``municipality_codes`` (GM0983, 0983, 983) choose municipalities one by one; without
    them ``province_keys`` (PV31, 31 or the name) choose whole provinces. Regions and
    provinces are those holding a chosen municipality (a point on its surface), and each
    municipality gets the code and name of its region and province. All frames in one
    CRS (RD New)."""
    for frame, key in ((provinces, "provinces"), (regions, "regions"), (municipalities, "municipalities")):
        require_properties(frame, ("statcode", "statnaam"), layers[key])
        if len(frame) == 0:
            raise InputError(f"the service has no areas for {year}; check the year",
                             layer=layers[key])
    municipality_points = _points(municipalities)
    in_province = _inside(municipality_points, provinces)
    gm_codes = municipalities["statcode"].map(normalise_code)
    if municipality_codes:
        wanted = [normalise_code(code) for code in municipality_codes]
        unknown = [code for code, norm in zip(municipality_codes, wanted) if norm not in set(gm_codes)]
        if unknown:
            raise InputError(f"no municipality with the code {', '.join(unknown)} in {year}",
                             layer=layers["municipalities"])
        chosen = gm_codes.isin(wanted).to_numpy()
    else:
        if not province_keys:
            raise InputError("choose a province or municipalities", layer=layers["provinces"])
        codes, unknown = [], []
        for key in province_keys:
            code = _province_code(key, provinces)
            (codes if code else unknown).append(code or key)
        if unknown:
            known = ", ".join(f"{row.statcode} {row.statnaam}" for row in
                              provinces.sort_values("statcode").itertuples())
            raise InputError(f"unknown province {', '.join(unknown)}; known in {year}: {known}",
                             layer=layers["provinces"])
        positions = np.flatnonzero(provinces["statcode"].astype(str).str.upper().isin(codes).to_numpy())
        chosen = np.isin(in_province, positions)
    if not chosen.any():
        raise InputError("no municipality lies in the chosen area", layer=layers["municipalities"])
    chosen_municipalities = municipalities.loc[chosen]
    chosen_points = municipality_points[chosen]
    in_region = _inside(chosen_points, regions)
    province_of = in_province[chosen]
    region_rows = sorted(set(in_region[in_region >= 0]))
    province_rows = sorted(set(province_of[province_of >= 0]))
    remarks = []
    result = gpd.GeoDataFrame({
        "gm_code": gm_codes[chosen].to_numpy(),
        "gm_name": chosen_municipalities["statnaam"].astype(str).to_numpy(),
        "region_code": _take(regions["statcode"], in_region),
        "region": _take(regions["statnaam"], in_region),
        "province_code": _take(provinces["statcode"], province_of),
        "province_name": _take(provinces["statnaam"], province_of),
        "remarks": "",
    }, geometry=gpd.GeoSeries(np.asarray(chosen_municipalities.geometry.values, dtype=object)))
    no_region = result["region_code"].isna()
    result.loc[no_region, "remarks"] = f"in no COROP region of {year}"
    for name in result.loc[no_region, "gm_name"]:
        remarks.append(f"{name}: in no COROP region of {year}")
    result = with_crs_text(result.sort_values("gm_code", kind="stable").reset_index(drop=True),
                           crs_text(municipalities))
    region_frame = gpd.GeoDataFrame({
        "region_code": regions["statcode"].iloc[region_rows].astype(str).to_numpy(),
        "region": regions["statnaam"].iloc[region_rows].astype(str).to_numpy(),
    }, geometry=gpd.GeoSeries(np.asarray(regions.geometry.values, dtype=object)[region_rows]))
    province_frame = gpd.GeoDataFrame({
        "province_code": provinces["statcode"].iloc[province_rows].astype(str).to_numpy(),
        "province_name": provinces["statnaam"].iloc[province_rows].astype(str).to_numpy(),
    }, geometry=gpd.GeoSeries(np.asarray(provinces.geometry.values, dtype=object)[province_rows]))
    return Selection(
        result,
        with_crs_text(region_frame.sort_values("region_code").reset_index(drop=True), crs_text(regions)),
        with_crs_text(province_frame.sort_values("province_code").reset_index(drop=True), crs_text(provinces)),
        remarks)


def _take(column: pd.Series, positions: np.ndarray) -> np.ndarray:
    values = column.astype(str).to_numpy(dtype=object)
    return np.array([values[p] if p >= 0 else None for p in positions], dtype=object)


def selection_box(selection: Selection, margin: float = 1000.0) -> Tuple[float, float, float, float]:
    """The bounding box (RD New) of the chosen municipalities, to ask the services only
    for what lies near them."""
    minx, miny, maxx, maxy = shapely.total_bounds(np.asarray(selection.municipalities.geometry.values))
    return minx - margin, miny - margin, maxx + margin, maxy + margin


# ---------------------------------------------------------------- inhabitants


def inhabitants_table(kwb: pd.DataFrame, layer: str) -> pd.Series:
    """Inhabitants per municipality code from the kerncijfers' ``gemeenten`` features
    (land parts only; CBS's negative 'unknown' becomes missing)."""
    if len(kwb) == 0:
        return pd.Series(dtype=float)
    code_field = next((name for name in KWB_CODE_FIELDS if name in kwb.columns), None)
    count_field = next((name for name in INHABITANT_FIELDS if name in kwb.columns), None)
    missing = ([KWB_CODE_FIELDS[0]] if code_field is None else []) + \
              ([INHABITANT_FIELDS[0]] if count_field is None else [])
    require_properties(kwb, missing, layer)
    rows = kwb
    if "water" in kwb.columns:
        rows = kwb.loc[kwb["water"].astype(str).str.upper() != "JA"]
    counts = pd.to_numeric(rows[count_field], errors="coerce")
    counts = counts.where(counts >= 0)
    codes = rows[code_field].map(normalise_code)
    table = pd.Series(counts.to_numpy(dtype=float), index=codes.to_numpy())
    table = table[table.index.notna()]
    return table.groupby(level=0).max()


def join_inhabitants(municipalities: gpd.GeoDataFrame, table: pd.Series, year) -> List[str]:
    """Adds ``inhabitants`` and ``inhabitants_year`` (and a remark where there is no
    figure: a municipality merged or renamed since, or a figure CBS does not give);
    returns the names of the municipalities without a figure."""
    values = municipalities["gm_code"].map(table)
    counts = [None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
              for value in values]
    municipalities["inhabitants"] = pd.array(counts, dtype="Int64")
    municipalities["inhabitants_year"] = pd.array([int(year) if count is not None else None
                                                   for count in counts], dtype="Int64")
    missing = [count is None for count in counts]
    note = f"no inhabitants in {INHABITANTS_DATASET} {year}"
    if "remarks" not in municipalities.columns:
        municipalities["remarks"] = ""
    municipalities.loc[missing, "remarks"] = [
        f"{old}; {note}" if old else note for old in municipalities.loc[missing, "remarks"]]
    return [f"{row.gm_name} ({row.gm_code})" for row, absent in
            zip(municipalities.itertuples(), missing) if absent]


# ---------------------------------------------------------------- the built-up stand-in


def builtup_standin(kernen: gpd.GeoDataFrame, selection: Selection, year, layer: str) -> gpd.GeoDataFrame:
    """The population cores whose point on the surface lies in a chosen municipality,
    each labelled as the stand-in it is."""
    if not is_working_crs(crs_text(kernen)) or not is_working_crs(crs_text(selection.municipalities)):
        raise ValueError("the stand-in is selected in RD New")
    points = _points(kernen)
    holder = _inside(points, selection.municipalities)
    rows = kernen.loc[holder >= 0]
    name_field = next((name for name in KERN_NAME_FIELDS if name in kernen.columns), None)
    names = (rows[name_field].astype(str).to_numpy() if name_field is not None
             else np.array([f"kern {number}" for number in rows.index + 1], dtype=object))
    frame = gpd.GeoDataFrame({
        "kern_name": names,
        "gm_code": selection.municipalities["gm_code"].to_numpy()[holder[holder >= 0]],
        "stand_in": standin_label(year),
        "source": credit(KERNEN_DATASET, year),
    }, geometry=gpd.GeoSeries(np.asarray(rows.geometry.values, dtype=object)))
    return with_crs_text(frame.reset_index(drop=True), WORKING_CRS)


# ---------------------------------------------------------------- output


@dataclass
class OfficialLayers:
    """What the loader writes: one frame per output layer (RD New), with its credit."""
    frames: Dict[str, gpd.GeoDataFrame]
    credits: Dict[str, str]


def assemble(selection: Selection, boundary_year, inhabitants_year=None,
             standin: Optional[gpd.GeoDataFrame] = None, standin_year=None) -> OfficialLayers:
    boundaries = credit(BOUNDARIES_DATASET, boundary_year)
    municipalities = selection.municipalities.copy()
    municipalities.attrs = dict(selection.municipalities.attrs)
    if "inhabitants" not in municipalities.columns:
        municipalities["inhabitants"] = pd.array([None] * len(municipalities), dtype="Int64")
        municipalities["inhabitants_year"] = pd.array([None] * len(municipalities), dtype="Int64")
    municipalities["boundary_year"] = int(boundary_year)
    municipalities["source"] = boundaries + (
        f"; inhabitants: {credit(INHABITANTS_DATASET, inhabitants_year)}" if inhabitants_year else "")
    frames = {"municipalities": municipalities}
    for name, frame in (("regions", selection.regions), ("province", selection.provinces)):
        copy = frame.copy()
        copy.attrs = dict(frame.attrs)
        copy["boundary_year"] = int(boundary_year)
        copy["source"] = boundaries
        frames[name] = copy
    credits = {name: frame["source"].iloc[0] if len(frame) else boundaries for name, frame in frames.items()}
    if standin is not None:
        frames["builtup_standin"] = standin
        credits["builtup_standin"] = f"{credit(KERNEN_DATASET, standin_year)}; {standin_label(standin_year)}"
    for frame in frames.values():
        if not is_working_crs(crs_text(frame)):
            raise ValueError("official layers are written in RD New")
    return OfficialLayers(frames, credits)


def write_official_geopackage(layers: OfficialLayers, path, progress=None) -> None:
    """One GeoPackage with a layer per frame, complete or absent (``core.atomic``); each
    layer's description (GeoPackage contents) holds its credit."""
    with atomic_output(path) as temporary:
        for number, (name, frame) in enumerate(layers.frames.items()):
            write_file(frame, temporary, name, geometry_type="MultiPolygon", promote_to_multi=True,
                       layer_metadata={"DESCRIPTION": layers.credits[name],
                                       "IDENTIFIER": name})
            if progress is not None:
                progress.report(100.0 * (number + 1) / len(layers.frames))
