"""Builders of valid and deliberately bad input files for the bad-input matrix.

Every builder writes a real file (GeoPackage through GDAL/OGR, GeoTIFF through
rasterio), the way a user's data arrives, and copies the demo data's schema exactly,
so that a case differs from the valid layer only in what it is meant to break.
"""
from pathlib import Path
from typing import Callable, Dict, Optional, Tuple

import numpy as np
import shapely
from osgeo import gdal, ogr, osr
from pyproj import Transformer
from shapely.geometry import LineString, Polygon, box

from conftest import DEMO_GPKG

KEEP = object()  # "keep the source's CRS"
NON_ASCII_SUFFIX = "ĳ_ł_ș"
LONG_NAME = "zeer lange naam met spaties café ë ü " * 2 + "einde"
LONG_FIELD_NAME = "opmerking gemeente café ë ü met spaties en een lange naam"
# Dutch, Polish and Romanian names users really type.
NON_ASCII_NAMES = ("Ĳsselstein – café Kerkstraat", "Łódź, ul. Żółkiewskiego", "Timișoara – Strada Țării")


class Role:
    """A kind of input layer the algorithms take, cut from the demo GeoPackage."""

    def __init__(self, name, demo_layer, geometry, key=(), name_field=None, numeric=(), dates=(),
                 limit=None, north_only=False):
        self.name = name
        self.limit = limit                # only the first features (keeps page-per-feature runs short)
        self.north_only = north_only      # only Noord-Limburg's 8 municipalities: keeps runs short
        self.dates = tuple(dates)         # date fields
        self.demo_layer = demo_layer
        self.geometry = geometry          # "polygon", "point", None (a table) or "raster"
        self.key = tuple(key)             # fields identifying a feature
        self.name_field = name_field      # a text field holding names
        self.numeric = tuple(numeric)     # number fields


ROLES = {role.name: role for role in (
    Role("sites", "candidate_sites", "polygon", ("site_id",), "name",
         ("planned_beds", "bedrooms", "living_area_m2", "bedroom_area_m2", "toilets", "showers")),
    Role("points", "candidate_points", "point", ("site_id",), "name",
         ("planned_beds", "bedrooms", "living_area_m2", "toilets", "showers")),
    Role("builtup", "builtup", "polygon", ("kern_id",), "kern_name", north_only=True),
    Role("municipalities", "municipalities", "polygon", ("gm_code",), "gm_name", ("inhabitants",),
         north_only=True),
    Role("accommodations", "accommodations", "point", ("acc_id",), "name",
         ("beds", "bedrooms", "living_area_m2"), ("permit_end",), north_only=True),
    Role("labour_migrants", "labour_migrants", None, ("gm_code", "year"), None,
         ("year", "labour_migrants"), north_only=True),
    Role("province", "province", "polygon", ("code",), "name", ()),
    Role("stays", "stays", None, ("stay_id",), None, (),
         ("start_date", "end_date", "contract_end", "employment_end")),
    Role("few_sites", "candidate_sites", "polygon", ("site_id",), "name",
         ("planned_beds", "bedrooms", "living_area_m2", "bedroom_area_m2", "toilets", "showers"), limit=3),
    Role("regions", None, "polygon", ("region",), "region"),
    Role("businesses", None, "point", ("bid",), "name", ("now", "full", "start", "end")),
    Role("sectors", None, None, ("sector",), None, ("labour_migrant_share_pct",)),
    Role("demand_table", None, None, ("gm_code",), None, ("demand_beds", "demand_dwellings")),
    Role("builtup_raster", None, "raster"),
)}

# ---------------------------------------------------------------- vector cases
# Each: (applies to geometry kinds, builder). The builder gets the role and returns the
# keyword arguments of ``derive``.

RD = 28992
TO_WGS84 = Transformer.from_crs(RD, 4326, always_xy=True)
TO_WEB_MERCATOR = Transformer.from_crs(RD, 3857, always_xy=True)


def _reproject(transformer, shift=(0.0, 0.0)):
    def convert(index, geometry):
        if geometry is None:
            return None
        return shapely.transform(geometry, lambda xy: np.column_stack(
            transformer.transform(xy[:, 0], xy[:, 1])) + np.asarray(shift))
    return convert


def _srs(epsg):
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return reference


def _first_features(count, replace):
    def convert(index, geometry):
        return replace(geometry) if index < count else geometry
    return convert


def _bow_tie(geometry):
    x, y = shapely.get_coordinates(geometry)[0]
    return Polygon([(x, y), (x + 100, y + 100), (x + 100, y), (x, y + 100), (x, y)])


def _hole_outside_shell(geometry):
    """Self-intersecting in the GEOS sense: a ring crossing the shell."""
    x, y = shapely.get_coordinates(geometry)[0]
    shell = box(x, y, x + 100, y + 100)
    return Polygon(shell.exterior.coords, [box(x + 50, y + 20, x + 150, y + 80).exterior.coords])


def _wrong_type(role):
    if role.geometry == "polygon":
        return dict(geometry=lambda i, g: None if g is None else g.boundary,
                    geometry_type=ogr.wkbMultiLineString)
    return dict(geometry=lambda i, g: None if g is None else LineString([(g.x, g.y), (g.x + 50, g.y)]),
                geometry_type=ogr.wkbLineString)


def _curved(role):
    return dict(geometry=lambda i, g: None if g is None else curved_wkt(g),
                geometry_type=ogr.wkbMultiSurface)


def _with_numbers(role, make):
    return dict(values=lambda i, name, value: make(i, value) if name in role.numeric else value)


def _text_numbers(role):
    texts = ("12,5", "veel", "", "n.v.t.", "1.200")
    return dict(fields={name: ogr.OFTString for name in role.numeric},
                values=lambda i, name, value: texts[i % len(texts)] if name in role.numeric else value)


def _text_dates(role):
    texts = ("31-02-2024", "gisteren", "2024-13-01", "", "volgende week")
    return dict(fields={name: ogr.OFTString for name in role.dates},
                values=lambda i, name, value: texts[i % len(texts)] if name in role.dates else value)


def _duplicate_ids(role):
    copies = {}

    def values(index, name, value):
        if name in role.key:
            if index == 0:
                copies[name] = value
            elif index == 1:
                return copies.get(name, value)
        return value
    return dict(values=values)


def _non_ascii(role):
    if role.name_field is None:
        return dict()
    return dict(values=lambda i, name, value: NON_ASCII_NAMES[i % 3] if name == role.name_field else value)


# Absurd values: a million beds (the example), and as absurd for the others (1e9
# when not listed).
ABSURD = {"planned_beds": 1_000_000, "beds": 1_000_000, "bedrooms": 1_000_000, "toilets": 1_000_000,
          "showers": 1_000_000, "now": 1_000_000, "full": 1_000_000, "year": 20_224, "start": 20_224,
          "end": 20_224}


VECTOR_CASES: Dict[str, Tuple[Tuple[Optional[str], ...], Callable]] = {
    "empty_layer": (("polygon", "point", None), lambda role: dict(where=lambda i, feature: False)),
    "null_geometry": (("polygon", "point"), lambda role: dict(geometry=_first_features(2, lambda g: None))),
    "empty_geometry": (("polygon", "point"), lambda role: dict(
        geometry=_first_features(2, lambda g: Polygon() if role.geometry == "polygon" else shapely.Point()))),
    "bow_tie": (("polygon",), lambda role: dict(geometry=_first_features(2, _bow_tie))),
    "self_intersecting": (("polygon",), lambda role: dict(geometry=_first_features(2, _hole_outside_shell))),
    "wrong_geometry_type": (("polygon", "point"), _wrong_type),
    "no_crs": (("polygon", "point"), lambda role: dict(srs=None)),
    "epsg_4326": (("polygon", "point"), lambda role: dict(srs=_srs(4326), geometry=_reproject(TO_WGS84))),
    "epsg_3857": (("polygon", "point"), lambda role: dict(srs=_srs(3857),
                                                          geometry=_reproject(TO_WEB_MERCATOR))),
    "z_and_m": (("polygon", "point"), lambda role: dict(geometry_type="zm")),
    "curved_geometry": (("polygon",), _curved),
    "text_in_numbers": (("polygon", "point", None), _text_numbers),
    "text_in_dates": (("polygon", "point", None), _text_dates),
    "negative_numbers": (("polygon", "point", None),
                         lambda role: _with_numbers(role, lambda i, v: -5 if i % 2 == 0 else v)),
    "absurd_numbers": (("polygon", "point", None),
                       lambda role: dict(values=lambda i, name, value: ABSURD.get(name, 1e9)
                                         if name in role.numeric and i % 2 == 0 else value)),
    "duplicate_ids": (("polygon", "point", None), _duplicate_ids),
    "missing_fields": (("polygon", "point", None), lambda role: dict(drop_fields=True)),
    "non_ascii_names": (("polygon", "point", None), _non_ascii),
    # A GEOMETRY layer whose first features are GeometryCollections holding the shape
    # (what DXF/GML conversions and some GeoPackages deliver).
    "geometry_collection": (("polygon", "point"), lambda role: dict(
        geometry_type=ogr.wkbUnknown, srs=_srs(RD),
        geometry=_first_features(2, lambda g: None if g is None else shapely.geometrycollections([g])))),
    # Long file, layer and field names with spaces and é, ë, ü.
    "long_spaced_names": (("polygon", "point", None), lambda role: dict(
        extra_fields={LONG_FIELD_NAME: "opmerking van de gemeente – één, twee, drie"})),
    # A file that another program holds (a Windows share lock), simulated read-only.
    "read_only_file": (("polygon", "point", None), lambda role: dict()),
    # A project layer with a filter (subset string) and a selection, "selected features only".
    "subset_and_selection": (("polygon", "point", None), lambda role: dict()),
    # The same shapes near Sydney (in EPSG:4326): a layer far outside the Netherlands.
    "far_outside_nl": (("polygon", "point"), lambda role: dict(
        srs=_srs(4326), geometry=_reproject(TO_WGS84, shift=(145.0, -85.0)))),
}
VALID_VARIANTS = {"epsg_4326", "epsg_3857", "z_and_m", "curved_geometry", "non_ascii_names",
                  "long_spaced_names", "read_only_file"}
# Cases with a clear result either way: run (with a remark where something changed) or be
# refused naming the layer.
EITHER_CASES = {"geometry_collection", "subset_and_selection"}
NUMBER_CASES = {"text_in_numbers", "negative_numbers", "absurd_numbers"}
DATE_CASES = {"text_in_dates"}
# Cases about the geometry only: no problem for an algorithm that passes geometry through.
GEOMETRY_CASES = {"null_geometry", "empty_geometry", "bow_tie", "self_intersecting",
                  "wrong_geometry_type", "no_crs", "far_outside_nl"}


def vector_cases_for(role: Role):
    return [case for case, (kinds, _) in VECTOR_CASES.items() if role.geometry in kinds
            and not (case in NUMBER_CASES and not role.numeric)
            and not (case in DATE_CASES and not role.dates)
            and not (case == "non_ascii_names" and role.name_field is None)]


def curved_wkt(geometry) -> str:
    """A MultiSurface whose rings start with a real arc (bulging 5 % of the first side)."""
    polygons = shapely.get_parts(geometry)
    parts = []
    for polygon in polygons:
        rings = [polygon.exterior, *polygon.interiors]
        ring_texts = [_arc_ring(rings[0])] + [f"({_coords(ring.coords)})" for ring in rings[1:]]
        parts.append(f"CURVEPOLYGON({', '.join(ring_texts)})")
    return f"MULTISURFACE({', '.join(parts)})"


def _arc_ring(ring) -> str:
    coords = list(ring.coords)
    (x0, y0), (x1, y1) = coords[0][:2], coords[1][:2]
    length = float(np.hypot(x1 - x0, y1 - y0))
    bulge = 0.05 * length
    mx, my = (x0 + x1) / 2 - bulge * (y1 - y0) / length, (y0 + y1) / 2 + bulge * (x1 - x0) / length
    return (f"COMPOUNDCURVE(CIRCULARSTRING({x0!r} {y0!r}, {mx!r} {my!r}, {x1!r} {y1!r}), "
            f"({_coords(coords[1:])}))")


def _coords(coords) -> str:
    return ", ".join(f"{c[0]!r} {c[1]!r}" for c in coords)


def derive(source: Path, layer: str, target: Path, target_layer: str, *, geometry=None,
           geometry_type=None, srs=KEEP, where=None, fields=None, values=None, drop_fields=False,
           extra_fields=None):
    """Copies an OGR layer feature by feature into a new GeoPackage layer, changing what
    a case needs: geometry(index, shapely) -> shapely/WKT/None, values(index, field, value),
    field type overrides, no fields at all, no features (where(index, feature) keeps
    some), another or no CRS, extra text fields {name: value}."""
    source_ds = gdal.OpenEx(str(source), gdal.OF_VECTOR | gdal.OF_READONLY)
    source_layer = source_ds.GetLayerByName(layer)
    assert source_layer is not None, layer
    driver = ogr.GetDriverByName("GPKG")
    target_ds = ogr.Open(str(target), 1) if target.exists() else driver.CreateDataSource(str(target))
    out_srs = source_layer.GetSpatialRef() if srs is KEEP else srs
    zm = geometry_type == "zm"
    out_type = source_layer.GetGeomType() if geometry_type in (None, "zm") else geometry_type
    if zm:
        out_type = ogr.GT_SetModifier(out_type, True, True)
    target_layer_handle = target_ds.CreateLayer(target_layer, out_srs, out_type)
    definition = source_layer.GetLayerDefn()
    names = []
    if not drop_fields:
        for position in range(definition.GetFieldCount()):
            field = definition.GetFieldDefn(position)
            wanted = (fields or {}).get(field.GetName(), field.GetType())
            new = ogr.FieldDefn(field.GetName(), wanted)
            if wanted == field.GetType():
                new.SetSubType(field.GetSubType())
            target_layer_handle.CreateField(new)
            names.append(field.GetName())
    for name in extra_fields or {}:
        target_layer_handle.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    target_layer_handle.StartTransaction()
    source_layer.ResetReading()
    for index, feature in enumerate(source_layer):
        if where is not None and not where(index, feature):
            continue
        out = ogr.Feature(target_layer_handle.GetLayerDefn())
        for name in names:
            value = feature.GetField(name)
            if values is not None:
                value = values(index, name, value)
            if value is None:
                out.SetFieldNull(name)
            else:
                out.SetField(name, value)
        for name, value in (extra_fields or {}).items():
            out.SetField(name, value)
        reference = feature.GetGeometryRef()
        shape = None if reference is None else shapely.from_wkb(bytes(reference.ExportToIsoWkb()))
        if geometry is not None:
            shape = geometry(index, shape)
        if zm and shape is not None:
            shape = shapely.force_3d(shape, 42.0)
        out_geometry = _to_ogr(shape, out_type)
        if out_geometry is not None:
            if zm:
                out_geometry.SetMeasured(True)
            out.SetGeometry(out_geometry)
        assert target_layer_handle.CreateFeature(out) == 0
    target_layer_handle.CommitTransaction()
    target_ds = None
    source_ds = None
    return target


def _to_ogr(shape, out_type):
    if shape is None:
        return None
    if isinstance(shape, str):
        geometry = ogr.CreateGeometryFromWkt(shape)
    else:
        geometry = ogr.CreateGeometryFromWkb(shapely.to_wkb(shape))
    if out_type not in (ogr.wkbUnknown, ogr.wkbNone):
        geometry = ogr.ForceTo(geometry, ogr.GT_Flatten(out_type) if not ogr.GT_HasZ(out_type)
                               else ogr.GT_SetModifier(ogr.GT_Flatten(out_type), True, False))
    return geometry


def write_valid_vector(role: Role, folder: Path) -> Tuple[Path, str]:
    path = folder / f"{role.name}.gpkg"
    if path.exists():
        return path, role.name
    if role.name in MADE_HERE:
        MADE_HERE[role.name](path, role.name)
        return path, role.name
    north = north_codes() if role.north_only else None

    def keep(index, feature):
        if role.limit is not None and index >= role.limit:
            return False
        return north is None or feature.GetField("gm_code") in north
    derive(DEMO_GPKG, role.demo_layer, path, role.name, where=keep)
    return path, role.name


def _regions(path, layer):
    """The regions of the demo municipalities (as the housing gap's region output has them)."""
    import geopandas as gpd
    municipalities = gpd.read_file(DEMO_GPKG, layer="municipalities")
    regions = municipalities.dissolve(by="region", as_index=False)[["region", "geometry"]]
    regions.to_file(path, layer=layer, promote_to_multi=True)


def _businesses(path, layer):
    """Two growing businesses in Noord-Limburg (the demo has none): a distribution centre
    east of Venlo and a glasshouse firm near Sevenum."""
    import geopandas as gpd
    gpd.GeoDataFrame({"bid": ["B1", "B2"], "name": ["Distributiecentrum Venlo-Oost", "Kwekerij Sevenum"],
                      "now": [300, 20], "full": [1200, 150], "start": [2025, 2026], "end": [2028, 2029],
                      "sector": ["logistiek", "glastuinbouw"]},
                     geometry=[shapely.Point(210_500, 380_500), shapely.Point(197_500, 382_500)],
                     crs=28992).to_file(path, layer=layer)


def _sectors(path, layer):
    """A sector table as the business effect reads it (invented shares, for the tests only)."""
    import pandas as pd
    import pyogrio
    pyogrio.write_dataframe(pd.DataFrame({
        "sector": ["logistiek", "glastuinbouw"], "labour_migrant_share_pct": [60.0, 70.0],
        "source": ["invented for the bad-input tests", "invented for the bad-input tests"]}),
        path, layer=layer)


def _demand_table(path, layer):
    """An imported demand per municipality (invented figures, for the tests only): the
    Noord-Limburg municipalities, as the valid municipalities layer holds them."""
    import pandas as pd
    import pyogrio
    codes = sorted(north_codes())
    pyogrio.write_dataframe(pd.DataFrame({
        "gm_code": codes, "demand_beds": [100 + 10 * i for i in range(len(codes))],
        "demand_dwellings": [10 + i for i in range(len(codes))]}), path, layer=layer)


MADE_HERE = {"regions": _regions, "businesses": _businesses, "sectors": _sectors,
             "demand_table": _demand_table}


def north_codes():
    import pyogrio
    municipalities = pyogrio.read_dataframe(DEMO_GPKG, layer="municipalities", read_geometry=False)
    return set(municipalities.loc[municipalities["region"] == "Noord-Limburg", "gm_code"])


def write_vector_case(role: Role, case: str, valid: Path, folder: Path) -> Tuple[Path, str]:
    """The bad version of ``role``'s valid layer for ``case``; returns (file, layer name)."""
    label = {"non_ascii_names": NON_ASCII_SUFFIX, "long_spaced_names": LONG_NAME}.get(case, case)
    path = folder / f"{role.name}_{label}.gpkg"
    layer = f"{role.name}_{label}"
    _, builder = VECTOR_CASES[case]
    derive(valid, role.name, path, layer, **builder(role))
    if case == "read_only_file":
        path.chmod(0o444)
    return path, layer


# ---------------------------------------------------------------- raster cases

# A 0/1 built-up raster around the reference kern (Kern GM1507-2: 196000-197000 x 383000-383800
# with a park hole), 10 m cells.
RASTER_BOUNDS = (195_000.0, 382_000.0, 198_000.0, 384_800.0)
RASTER_CELL = 10.0


def _builtup_values():
    x0, y0, x1, y1 = RASTER_BOUNDS
    columns, rows = int((x1 - x0) / RASTER_CELL), int((y1 - y0) / RASTER_CELL)
    xs = x0 + (np.arange(columns) + 0.5) * RASTER_CELL
    ys = y1 - (np.arange(rows) + 0.5) * RASTER_CELL
    grid_x, grid_y = np.meshgrid(xs, ys)
    kern = (grid_x >= 196_000) & (grid_x <= 197_000) & (grid_y >= 383_000) & (grid_y <= 383_800)
    park = (grid_x >= 196_400) & (grid_x <= 196_600) & (grid_y >= 383_300) & (grid_y <= 383_500)
    return (kern & ~park).astype("uint8")


def write_raster(path: Path, values=None, crs="EPSG:28992", bounds=RASTER_BOUNDS, nodata=None):
    import rasterio
    from rasterio.transform import from_bounds
    values = _builtup_values() if values is None else values
    rows, columns = values.shape
    profile = dict(driver="GTiff", width=columns, height=rows, count=1, dtype=values.dtype.name,
                   transform=from_bounds(*bounds, columns, rows))
    if crs is not None:
        profile["crs"] = crs
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(values, 1)
    return path


def _bounds_in(transformer):
    x0, y0, x1, y1 = RASTER_BOUNDS
    xs, ys = transformer.transform([x0, x1, x0, x1], [y0, y0, y1, y1])
    return min(xs), min(ys), max(xs), max(ys)


RASTER_CASES = {
    "no_crs": lambda path: write_raster(path, crs=None),
    "epsg_4326": lambda path: write_raster(path, crs="EPSG:4326", bounds=_bounds_in(TO_WGS84)),
    "epsg_3857": lambda path: write_raster(path, crs="EPSG:3857", bounds=_bounds_in(TO_WEB_MERCATOR)),
    "nothing_built_up": lambda path: write_raster(path, values=np.zeros_like(_builtup_values())),
    "all_nodata": lambda path: write_raster(path, values=np.full_like(_builtup_values(), 255), nodata=255),
    "nan_cells": lambda path: write_raster(path, values=np.where(
        np.arange(_builtup_values().size).reshape(_builtup_values().shape) % 7 == 0, np.nan,
        _builtup_values().astype("float32")).astype("float32")),
    "absurd_numbers": lambda path: write_raster(path, values=np.where(
        _builtup_values() == 1, 1e30, -1e30).astype("float32")),
    "far_outside_nl": lambda path: write_raster(path, bounds=(5_000_000.0, 382_000.0, 5_003_000.0, 384_800.0)),
    "not_a_raster": lambda path: path.write_text("this is not a GeoTIFF\n", encoding="utf-8") or path,
    "non_ascii_names": lambda path: write_raster(path),
}
RASTER_VALID_VARIANTS = {"epsg_4326", "epsg_3857", "non_ascii_names"}
RASTER_EITHER = {"nan_cells", "absurd_numbers"}


def write_raster_case(case: str, folder: Path) -> Tuple[Path, str]:
    label = NON_ASCII_SUFFIX if case == "non_ascii_names" else case
    path = folder / f"raster_{label}.tif"
    RASTER_CASES[case](path)
    return path, path.stem
