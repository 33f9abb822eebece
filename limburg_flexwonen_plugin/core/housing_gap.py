"""Demand, supply and gap of beds for labour migrants per municipality, region and province.

The demand model (``resources/models/housing_gap_model.json``, versioned):

* demand per stay category = labour migrants x share of the category / persons per bed,
  in whole beds (the municipality's total rounded half up, the categories by largest
  remainder so that they add up to it);
* supply = beds of each accommodation x the weight of its status (existing, permitted,
  planned), per stay category;
* gap = demand - supply (positive = shortage); gap class ``shortage`` / ``balanced`` /
  ``surplus`` with the balanced band as a share of the demand.

Region and province figures are sums of the municipal figures (ratios are computed from
those sums), so they are conserved exactly. Nothing is silently counted as zero: a
municipality without a labour-migrant figure gets empty demand and gap and a remark; an
accommodation outside every municipality is not counted and named in the remarks.
"""
import dataclasses
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .atomic import atomic_output
from .demand import DEMAND_COLUMNS, DemandBasis, assumptions_nl
from .classify_sites import MunicipalityFields as _SiteMunicipalityFields
from .classify_sites import assign_municipalities
from .errors import InputError
from .number_notation import read_numbers
from .validation import implausible_remark, require_plausible
from .values import NOT_A_DATE, is_missing, shown, to_dates
from .frames import WORKING_CRS, with_crs_text
from .geometry import prepare_layer
from .progress import SILENT, Progress
from .scenarios import (AUTOMATIC, CURRENT, Scenario, ScenarioMigrants, load_model_document,
                        normalise_code, scenario, scenario_migrants)

STAY_CATEGORIES = ("short", "mid", "long")
STATUSES = ("existing", "permitted", "planned")
SHORTAGE, BALANCED, SURPLUS = "shortage", "balanced", "surplus"
PROVINCE_NAME = "Limburg"
MUNICIPALITY_LEVEL, REGION_LEVEL, PROVINCE_LEVEL = "municipality", "region", "province"
TOLERANCE = 1e-9

# The contract fields first (other parts of the plugin rely on these names), then ours.
OUTPUT_FIELDS = (
    ("gm_code", "string"), ("gm_name", "string"), ("region", "string"), ("inhabitants", "int"),
    ("builtup_km2", "double"), ("scenario", "string"), ("year", "int"),
    ("labour_migrants", "int"), ("demand_beds", "int"), ("demand_short", "int"),
    ("demand_mid", "int"), ("demand_long", "int"), ("supply_beds", "double"),
    ("supply_short", "double"), ("supply_mid", "double"), ("supply_long", "double"),
    ("gap_beds", "double"), ("gap_short", "double"), ("gap_mid", "double"), ("gap_long", "double"),
    ("migrants_per_1000_inh", "double"), ("migrants_per_km2_builtup", "double"),
    ("migrant_beds_per_100_inh", "double"), ("gap_class", "string"), ("model_version", "string"),
    ("level", "string"), ("gap_ratio", "double"), ("supply_unknown_stay", "double"),
    ("beds_existing", "int"), ("beds_permitted", "int"), ("beds_planned", "int"),
    ("accommodations", "int"), ("scenario_method", "string"), ("base_year", "int"),
    ("municipalities", "int"), ("parameters", "string"), ("remarks", "string"),
)
# Policy figures after the contract fields: the supply by date and the regional hiaten.
# shortage_beds / surplus_beds of a region or the province are sums of its municipalities'
# shortages and surpluses (never netted); beds_lapsed and beds_not_yet are unweighted beds
# not counted in the scenario year because their end date or first year rules them out.
POLICY_FIELDS = (
    ("shortage_beds", "double"), ("surplus_beds", "double"),
    ("beds_lapsed", "int"), ("beds_not_yet", "int"),
    ("demand_dwellings", "int"), ("demand_basis", "string"), ("assumptions", "string"),
)
GAP_FIELDS = OUTPUT_FIELDS + POLICY_FIELDS
OUTPUT_FIELD_NAMES = tuple(name for name, _ in GAP_FIELDS)
# Figures that add up from municipalities to regions and the province.
ADDITIVE = (
    "inhabitants", "builtup_km2", "labour_migrants", "demand_beds", "demand_short", "demand_mid",
    "demand_long", "supply_beds", "supply_short", "supply_mid", "supply_long",
    "supply_unknown_stay", "beds_existing", "beds_permitted", "beds_planned", "accommodations",
    "municipalities", "demand_dwellings",
)
# Added up over municipalities too, but kept apart from ADDITIVE: a change of one
# municipality's gap (a site, a business) must derive them again from the municipalities.
DATED_BEDS = ("beds_lapsed", "beds_not_yet")

ACCOMMODATION_FIELDS = (
    ("gm_code", "string"), ("gm_name", "string"), ("region", "string"), ("acc_status", "string"),
    ("acc_stay", "string"), ("acc_beds", "int"), ("supply_weight", "double"),
    ("supply_beds", "double"), ("counted", "bool"), ("acc_end_date", "date"),
    ("acc_from_year", "int"), ("supply_year", "int"), ("remarks", "string"),
)

SITE_CONTEXT_FIELDS = (
    ("ctx_scenario", "string"), ("ctx_beds_added", "int"),
    ("ctx_beds_per_100_inh_before", "double"), ("ctx_beds_per_100_inh_after", "double"),
    ("ctx_gm_gap_before", "double"), ("ctx_gm_gap_after", "double"),
    ("ctx_gm_class_before", "string"), ("ctx_gm_class_after", "string"),
    ("ctx_gm_stay_gap_before", "double"), ("ctx_gm_stay_gap_after", "double"),
    ("ctx_region_gap_before", "double"), ("ctx_region_gap_after", "double"),
    ("ctx_region_class_before", "string"), ("ctx_region_class_after", "string"),
    ("ctx_model_version", "string"), ("ctx_demand_basis", "string"), ("ctx_assumptions", "string"),
    ("ctx_remarks", "string"),
)


@dataclass(frozen=True)
class DemandModel:
    """The demand model's parameters; defaults come from the model file."""
    share_short: float
    share_mid: float
    share_long: float
    share_regular_housing: float
    household_size: float
    persons_per_bed: float
    weight_existing: float
    weight_permitted: float
    weight_planned: float
    balanced_band: float
    name: str = "housing_gap_model"
    version: str = ""

    PARAMETERS = ("share_short", "share_mid", "share_long", "share_regular_housing",
                  "household_size", "persons_per_bed", "weight_existing", "weight_permitted",
                  "weight_planned", "balanced_band")

    @classmethod
    def defaults(cls, document: Optional[Dict[str, Any]] = None) -> "DemandModel":
        document = document or load_model_document()
        values = {}
        for name in cls.PARAMETERS:
            if name not in document["parameters"]:
                raise InputError(f"model file has no parameter '{name}'")
            values[name] = float(document["parameters"][name]["default"])
        return cls(name=document["name"], version=str(document["version"]), **values)

    def replace(self, **changes) -> "DemandModel":
        return dataclasses.replace(self, **{k: float(v) for k, v in changes.items() if v is not None})

    def validate(self, document: Optional[Dict[str, Any]] = None) -> None:
        limits = (document or load_model_document())["parameters"]
        for name in self.PARAMETERS:
            value = getattr(self, name)
            low, high = limits[name]["minimum"], limits[name]["maximum"]
            if not (low - TOLERANCE <= value <= high + TOLERANCE):
                raise InputError(f"parameter {name} = {value:g} is outside {low:g}–{high:g}")
        total = sum(self.shares.values())
        if total > 1 + 1e-6:
            raise InputError(f"the shares per stay category add up to {total:.3f}; they may add "
                             f"up to at most 1 (100 %)")
        if total <= 0:
            raise InputError("the shares per stay category add up to 0: there is no demand")

    @property
    def shares(self) -> Dict[str, float]:
        return {"short": self.share_short, "mid": self.share_mid, "long": self.share_long}

    @property
    def demand_shares(self) -> Dict[str, float]:
        """Shares of the labour migrants that are demand per stay category: the long-term
        residents living in regular housing are not."""
        return {"short": self.share_short, "mid": self.share_mid,
                "long": self.share_long * (1.0 - self.share_regular_housing)}

    @property
    def weights(self) -> Dict[str, float]:
        return {"existing": self.weight_existing, "permitted": self.weight_permitted,
                "planned": self.weight_planned}

    @property
    def version_label(self) -> str:
        return f"{self.name} {self.version}".strip()

    def describe(self) -> str:
        """The parameters in one line, recorded in every output."""
        return ("shares short/mid/long {0:g}/{1:g}/{2:g}; long-term in regular housing {8:g}; "
                "household size {9:g}; persons per bed {3:g}; supply weights "
                "existing {4:g}, permitted {5:g}, planned {6:g}; balanced band ±{7:g} of demand"
                ).format(self.share_short, self.share_mid, self.share_long, self.persons_per_bed,
                         self.weight_existing, self.weight_permitted, self.weight_planned,
                         self.balanced_band, self.share_regular_housing, self.household_size)


@dataclass(frozen=True)
class MunicipalityFields:
    code: str = "gm_code"
    name: Optional[str] = "gm_name"      # None: the code names the municipality
    region: Optional[str] = "region"     # None: no region rows
    inhabitants: Optional[str] = "inhabitants"


@dataclass(frozen=True)
class AccommodationFields:
    name: Optional[str] = "name"
    status: str = "status"
    stay: Optional[str] = "stay_category"
    beds: str = "beds"
    code: Optional[str] = None   # assign by this municipality code field instead of by location
    end_date: Optional[str] = None   # permit end / end of a temporary building (date)
    from_year: Optional[str] = None  # first year a planned accommodation is available


@dataclass
class HousingGapResult:
    municipalities: gpd.GeoDataFrame       # one row per municipality, OUTPUT_FIELDS + geometry
    regions: gpd.GeoDataFrame              # one row per region, then the province (no geometry)
    accommodations: Optional[gpd.GeoDataFrame]
    migrants: ScenarioMigrants
    model: DemandModel
    warnings: List[str] = field(default_factory=list)

    @property
    def province(self) -> pd.Series:
        return self.regions[self.regions["level"] == PROVINCE_LEVEL].iloc[0]

    @property
    def title(self) -> str:
        return self.migrants.title

    def table(self) -> pd.DataFrame:
        """Municipalities, regions and the province in one table (the CSV)."""
        columns = ["level"] + [name for name in OUTPUT_FIELD_NAMES if name != "level"]
        frames = [pd.DataFrame(self.municipalities[columns]), pd.DataFrame(self.regions[columns])]
        table = pd.concat(frames, ignore_index=True)
        for name, kind in GAP_FIELDS:
            if kind == "int":
                table[name] = table[name].astype("float64").round().astype("Int64")
        return table


# ---------------------------------------------------------------------------- the model


def classify_gap(gap, demand, band: float) -> np.ndarray:
    """shortage when gap > band x demand, surplus when gap < -band x demand, else balanced;
    None when the demand is unknown. With no demand any supply is a surplus."""
    gap = np.asarray(gap, dtype="float64")
    demand = np.asarray(demand, dtype="float64")
    result = np.full(len(gap), None, dtype=object)
    known = ~np.isnan(demand) & ~np.isnan(gap)
    limit = band * np.where(np.isnan(demand), 0.0, demand) + TOLERANCE
    result[known] = BALANCED
    result[known & (gap > limit)] = SHORTAGE
    result[known & (gap < -limit)] = SURPLUS
    return result


def demand_per_category(migrants, model: DemandModel) -> Dict[str, np.ndarray]:
    """Whole beds: the total rounded half up, the categories by largest remainder (so they
    add up to the total). NaN where the number of labour migrants is unknown."""
    migrants = np.asarray(migrants, dtype="float64")
    exact = np.column_stack([migrants * model.demand_shares[c] / model.persons_per_bed
                             for c in STAY_CATEGORIES])
    known = ~np.isnan(migrants)
    result = {name: np.full(len(migrants), np.nan) for name in
              ("demand_beds",) + tuple(f"demand_{c}" for c in STAY_CATEGORIES)
              + ("demand_dwellings",)}
    if not known.any():
        return result
    # Long-term residents as households: the dwellings they need, rounded half up.
    result["demand_dwellings"][known] = np.floor(
        migrants[known] * model.demand_shares["long"] / model.household_size + 0.5 + TOLERANCE)
    exact = exact[known]
    totals = np.floor(exact.sum(axis=1) + 0.5 + TOLERANCE)
    whole = np.floor(exact + TOLERANCE)
    left = (totals - whole.sum(axis=1)).astype("int64")
    fraction = exact - whole
    # Ties go to the earlier category (short, mid, long): stable sort on -fraction.
    ranking = np.argsort(-fraction, axis=1, kind="stable")
    for rank in range(len(STAY_CATEGORIES)):
        gets_one = left > rank
        whole[np.flatnonzero(gets_one), ranking[gets_one, rank]] += 1
    result["demand_beds"][known] = totals
    for position, category in enumerate(STAY_CATEGORIES):
        result[f"demand_{category}"][known] = whole[:, position]
    return result


def derive_figures(frame: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """Gaps, ratios and the gap class from the additive figures (in place; returns it)."""
    frame["gap_beds"] = frame["demand_beds"] - frame["supply_beds"]
    for category in STAY_CATEGORIES:
        frame[f"gap_{category}"] = frame[f"demand_{category}"] - frame[f"supply_{category}"]
    inhabitants = frame["inhabitants"].astype("float64")
    builtup = frame["builtup_km2"].astype("float64")
    demand = frame["demand_beds"].astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["migrants_per_1000_inh"] = np.where(
            inhabitants > 0, frame["labour_migrants"] / inhabitants * 1000.0, np.nan)
        frame["migrants_per_km2_builtup"] = np.where(
            builtup > 0, frame["labour_migrants"] / builtup, np.nan)
        frame["migrant_beds_per_100_inh"] = np.where(
            inhabitants > 0, frame["supply_beds"] / inhabitants * 100.0, np.nan)
        frame["gap_ratio"] = np.where(demand > 0, frame["gap_beds"] / demand, np.nan)
    frame["gap_class"] = classify_gap(frame["gap_beds"].values, demand.values, model.balanced_band)
    return frame


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Display precision for the derived figures (computed from unrounded sums)."""
    decimals = {"builtup_km2": 4, "migrants_per_1000_inh": 2, "migrants_per_km2_builtup": 2,
                "migrant_beds_per_100_inh": 3, "gap_ratio": 4}
    for name, places in decimals.items():
        frame[name] = frame[name].astype("float64").round(places)
    for name in ("supply_beds", "supply_short", "supply_mid", "supply_long", "supply_unknown_stay",
                 "gap_beds", "gap_short", "gap_mid", "gap_long", "shortage_beds", "surplus_beds"):
        if name in frame.columns:
            frame[name] = frame[name].astype("float64").round(6)
    return frame


# ---------------------------------------------------------------------------- inputs


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
        remarks.iloc[position] = _join(remarks.iloc[position], "no number of inhabitants")
    for position in np.flatnonzero(pd.isna(result["region"]).values) if fields.region else []:
        remarks.iloc[position] = _join(remarks.iloc[position], "no region")
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


def value_aliases(document: Dict[str, Any], kind: str) -> Dict[str, str]:
    """Lower-case spellings of a status or stay category (English and Dutch) -> key."""
    aliases = {}
    for key, spellings in document.get("values", {}).get(kind, {}).items():
        aliases[key] = key
        for spelling in spellings:
            aliases[str(spelling).strip().lower()] = key
    return aliases


def assign_accommodations(accommodations: gpd.GeoDataFrame, municipalities: gpd.GeoDataFrame,
                          model: DemandModel, fields: AccommodationFields = AccommodationFields(),
                          layer: str = "accommodations",
                          document: Optional[Dict[str, Any]] = None,
                          year: Optional[int] = None) -> gpd.GeoDataFrame:
    """Each accommodation with its municipality, status, stay category, beds and the beds
    it counts as supply; output geometry is a point (a polygon's point on surface).

    ``municipalities`` is the prepared frame (gm_code, gm_name, region, geometry).
    With ``year`` (the scenario year) an accommodation whose end date (``fields.end_date``)
    falls before the end of that year, or whose first year (``fields.from_year``) is later,
    is not counted: supply by date.
    """
    document = document or load_model_document()
    for name in (fields.name, fields.status, fields.stay, fields.beds, fields.code,
                 fields.end_date, fields.from_year):
        if name and name not in accommodations.columns:
            raise InputError("field not found", layer=layer, field=name)
    if len(accommodations) == 0:
        return gpd.GeoDataFrame({name: [] for name, _ in ACCOMMODATION_FIELDS},
                                geometry=gpd.GeoSeries([]))
    prepared, geometry_remarks = prepare_layer(accommodations, layer, "point_or_polygon")
    count = len(prepared)
    remarks = [text for text in geometry_remarks.values]

    beds = pd.Series(read_numbers(prepared[fields.beds], layer, fields.beds, count=True,
                                  features=prepared.index), index=prepared.index)
    if (beds < 0).any():
        feature = prepared.index[np.flatnonzero((beds < 0).values)[0]]
        raise InputError("negative number of beds", layer=layer, feature=feature, field=fields.beds)
    require_plausible(beds.values, prepared.index, "beds", layer, fields.beds)

    if fields.code:
        codes = [normalise_code(value) for value in prepared[fields.code].values]
        known = dict(zip(municipalities["gm_code"], zip(municipalities["gm_name"],
                                                        municipalities["region"])))
        gm_codes = np.array([code if code in known else None for code in codes], dtype=object)
        gm_names = np.array([known[code][0] if code in known else None for code in codes], dtype=object)
        regions = np.array([known[code][1] if code in known else None for code in codes], dtype=object)
        for position, code in enumerate(codes):
            if code is None:
                remarks[position] = _join(remarks[position], "no municipality code: not counted")
            elif code not in known:
                remarks[position] = _join(remarks[position], f"municipality code {code} is not in "
                                          f"the municipalities layer: not counted")
    else:
        located = assign_municipalities(
            prepared.geometry.values, municipalities[["gm_code", "gm_name", "region", "geometry"]],
            _SiteMunicipalityFields("gm_code", "gm_name", "region"))
        gm_codes = located["gm_code"].values
        gm_names = located["gm_name"].values
        regions = located["region"].values
        has_geometry = ~prepared.geometry.isna().values
        for position in np.flatnonzero(has_geometry & pd.isna(gm_codes)):
            remarks[position] = _join(remarks[position], "outside every municipality: not counted")
        for position in np.flatnonzero(~has_geometry):
            remarks[position] = _join(remarks[position], "no location: not counted")

    statuses = value_aliases(document, "status")
    stays = value_aliases(document, "stay_category")
    status_values = np.full(count, None, dtype=object)
    stay_values = np.full(count, None, dtype=object)
    for position, raw in enumerate(prepared[fields.status].values):
        key = statuses.get(str(raw).strip().lower()) if raw is not None else None
        status_values[position] = key
        if key is None:
            reason = "no status" if raw is None or str(raw).strip() == "" else f"status '{raw}' is not a supply status"
            remarks[position] = _join(remarks[position], f"{reason}: not counted")
    stay_column = prepared[fields.stay].values if fields.stay else np.full(count, None, dtype=object)
    for position, raw in enumerate(stay_column):
        key = stays.get(str(raw).strip().lower()) if raw is not None else None
        stay_values[position] = key
        if key is None:
            remarks[position] = _join(remarks[position], "no known stay category: counted in the "
                                      "total supply only")
    for position in np.flatnonzero(beds.isna().values):
        remarks[position] = _join(remarks[position], "no number of beds: not counted")

    weights = np.array([model.weights.get(status, np.nan) if status else np.nan
                        for status in status_values], dtype="float64")
    counted = ~pd.isna(gm_codes) & ~np.isnan(weights) & beds.notna().values
    end_dates, from_years, lapsed, not_yet = _supply_dates(prepared, fields, layer, year, remarks)
    counted &= ~lapsed & ~not_yet
    supply = np.where(counted, beds.fillna(0).values * np.nan_to_num(weights), 0.0)
    points = prepared.geometry.values.copy()
    polygons = ~shapely.is_missing(points) & (shapely.get_dimensions(points) == 2)
    points[polygons] = shapely.point_on_surface(points[polygons])
    multipoints = ~shapely.is_missing(points) & (shapely.get_type_id(points) == 4)
    points[multipoints] = shapely.point_on_surface(points[multipoints])
    result = with_crs_text(gpd.GeoDataFrame({
        "acc_name": prepared[fields.name].values if fields.name else np.full(count, None, dtype=object),
        "gm_code": gm_codes, "gm_name": gm_names, "region": regions,
        "acc_status": status_values, "acc_stay": stay_values,
        "acc_beds": beds.values, "supply_weight": weights, "supply_beds": supply,
        "counted": counted, "acc_end_date": _date_objects(end_dates),
        "acc_from_year": from_years, "supply_year": np.full(count, year, dtype=object),
        "lapsed": lapsed, "not_yet": not_yet,
        "remarks": [text or None for text in remarks],
    }, geometry=points, index=prepared.index), WORKING_CRS)
    return result


def _supply_dates(prepared: pd.DataFrame, fields: AccommodationFields, layer: str,
                  year: Optional[int], remarks: List[Optional[str]]):
    """End dates and first years of the accommodations, and which of them do not count in
    ``year``: ended before 31 December of it (the beds are gone before the year is out),
    or available only from a later year. Unreadable values name feature and field."""
    count = len(prepared)
    end_dates = np.full(count, np.datetime64("NaT", "D"))
    from_years = np.full(count, None, dtype=object)
    if fields.end_date:
        end_dates, issues = to_dates(prepared[fields.end_date])
        if (issues == NOT_A_DATE).any():
            position = int(np.flatnonzero(issues == NOT_A_DATE)[0])
            raise InputError(f"'{shown(prepared[fields.end_date].iloc[position])}' is not a date "
                             f"(write it as 2027-12-31)", layer=layer,
                             feature=prepared.index[position], field=fields.end_date)
    if fields.from_year:
        for position, value in enumerate(prepared[fields.from_year].values):
            if is_missing(value):
                continue
            number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
            if hasattr(value, "year") and not isinstance(value, (int, float)):
                number = value.year
            if pd.isna(number) or float(number) != int(number) or not 1900 <= int(number) <= 2100:
                raise InputError(f"'{shown(value)}' is not a year (write it as 2028)", layer=layer,
                                 feature=prepared.index[position], field=fields.from_year)
            from_years[position] = int(number)
    lapsed = np.zeros(count, dtype=bool)
    not_yet = np.zeros(count, dtype=bool)
    if year is not None:
        year_end = np.datetime64(f"{int(year):04d}-12-31", "D")
        with np.errstate(invalid="ignore"):
            lapsed = ~np.isnat(end_dates) & (end_dates < year_end)
        not_yet = np.array([value is not None and value > int(year) for value in from_years],
                           dtype=bool)
        for position in np.flatnonzero(lapsed):
            remarks[position] = _join(remarks[position], f"ends {end_dates[position]}, before the "
                                      f"end of {int(year)}: not counted in {int(year)}")
        for position in np.flatnonzero(not_yet):
            remarks[position] = _join(remarks[position], f"available from {from_years[position]}, "
                                      f"after {int(year)}: not counted in {int(year)}")
    return end_dates, from_years, lapsed, not_yet


def _date_objects(values: np.ndarray) -> np.ndarray:
    return np.array([None if np.isnat(value) else value.astype(datetime.date)
                     for value in np.asarray(values, dtype="datetime64[D]")], dtype=object)


def accommodation_label(row_index, name) -> str:
    """How messages name an accommodation: its name and feature id."""
    if name is not None and str(name).strip():
        return f"'{name}' (feature {row_index})"
    return f"feature {row_index}"


def _supply_per_municipality(assigned: Optional[gpd.GeoDataFrame], codes: List[str]) -> pd.DataFrame:
    columns = ["supply_beds"] + [f"supply_{c}" for c in STAY_CATEGORIES] + \
        ["supply_unknown_stay"] + [f"beds_{s}" for s in STATUSES] + ["accommodations"] + \
        list(DATED_BEDS)
    supply = pd.DataFrame(0.0, index=pd.Index(codes), columns=columns)
    if assigned is None or len(assigned) == 0:
        return supply
    counted = assigned[assigned["counted"].astype(bool)]
    if len(counted):
        supply["supply_beds"] = counted.groupby("gm_code")["supply_beds"].sum().reindex(codes).fillna(0.0)
        for category in STAY_CATEGORIES:
            rows = counted[counted["acc_stay"] == category]
            supply[f"supply_{category}"] = rows.groupby("gm_code")["supply_beds"].sum().reindex(codes).fillna(0.0)
        rows = counted[counted["acc_stay"].isna()]
        supply["supply_unknown_stay"] = rows.groupby("gm_code")["supply_beds"].sum().reindex(codes).fillna(0.0)
    located = assigned[assigned["gm_code"].notna()]
    for status in STATUSES:
        rows = located[located["acc_status"] == status]
        supply[f"beds_{status}"] = rows.groupby("gm_code")["acc_beds"].sum().reindex(codes).fillna(0.0)
    supply["accommodations"] = located[located["acc_status"].notna()].groupby("gm_code").size() \
        .reindex(codes).fillna(0).astype("float64")
    supplying = located[located["acc_status"].notna()]
    for name, flag in (("beds_lapsed", "lapsed"), ("beds_not_yet", "not_yet")):
        rows = supplying[supplying[flag].astype(bool)]
        supply[name] = rows.groupby("gm_code")["acc_beds"].sum().reindex(codes).fillna(0.0)
    return supply


# ---------------------------------------------------------------------------- the analysis


def compute_housing_gap(municipalities: gpd.GeoDataFrame, migrant_table: pd.DataFrame,
                        accommodations: Optional[gpd.GeoDataFrame] = None,
                        builtup: Optional[gpd.GeoDataFrame] = None,
                        model: Optional[DemandModel] = None,
                        chosen: Optional[Scenario] = None, *,
                        base_year: Optional[int] = None, method: str = AUTOMATIC,
                        municipality_fields: MunicipalityFields = MunicipalityFields(),
                        accommodation_fields: AccommodationFields = AccommodationFields(),
                        municipalities_layer: str = "municipalities",
                        accommodations_layer: str = "accommodations",
                        builtup_layer: str = "built-up area",
                        province_name: str = PROVINCE_NAME,
                        document: Optional[Dict[str, Any]] = None,
                        demand_table: Optional[pd.DataFrame] = None,
                        shares_source: Optional[str] = None,
                        progress: Progress = SILENT) -> HousingGapResult:
    """The housing gap per municipality, region and province for one scenario.

    ``migrant_table`` comes from :func:`core.scenarios.read_migrant_table`. A
    ``demand_table`` (:func:`core.demand.read_demand_table`) replaces the model's demand
    and is recorded as its source; ``shares_source`` names a province's shares file.
    """
    document = document or load_model_document()
    model = model or DemandModel.defaults(document)
    model.validate(document)
    chosen = chosen or scenario(CURRENT, document=document)
    if demand_table is not None and chosen.key != CURRENT:
        raise InputError("a demand table gives the demand of its own year; use it with the "
                         "current scenario")
    basis = DemandBasis.of_table(demand_table.attrs.get("layer_name", "demand table")) \
        if demand_table is not None else DemandBasis.of_model(model, document, shares_source)
    warnings: List[str] = []
    table_layer = migrant_table.attrs.get("layer_name", "labour migrants")

    munis, remarks = prepare_municipalities(municipalities, municipality_fields, municipalities_layer)
    codes = list(munis["gm_code"])
    names = dict(zip(munis["gm_code"], munis["gm_name"]))
    remarks.index = codes
    progress.report(10)
    progress.check()

    if builtup is not None:
        zones = builtup_zones(munis.geometry.values, builtup, builtup_layer)
        areas = np.array([shapely.area(zone) / 1e6 if zone is not None else 0.0 for zone in zones])
        areas[munis.geometry.isna().values] = np.nan
        for code in np.array(codes, dtype=object)[areas == 0]:
            remarks[code] = _join(remarks[code], "no built-up area")
    else:
        areas = np.full(len(munis), np.nan)
    progress.report(30)
    progress.check()

    migrants = scenario_migrants(migrant_table, chosen, codes, base_year, method)
    for code in migrants.missing:
        remarks[code] = _join(remarks[code], f"no labour-migrant figure for {migrants.base_year} in "
                              f"'{table_layer}': demand and gap unknown")
        warnings.append(f"Municipality {names[code]} ({code}) has no labour-migrant figure for "
                        f"{migrants.base_year} in '{table_layer}': its demand and gap are left "
                        f"empty, not counted as zero.")
    for code, note in migrants.notes.items():
        remarks[code] = _join(remarks[code], note)
    province_remarks: List[str] = []
    for code, count in migrants.unknown_codes.items():
        text = (f"'{table_layer}' has {count:g} labour migrants in {migrants.base_year} for {code}, "
                f"which is not in '{municipalities_layer}': not counted")
        province_remarks.append(text)
        warnings.append(text[0].upper() + text[1:] + ".")
    progress.report(40)
    progress.check()

    assigned = None
    if accommodations is not None and len(accommodations) == 0:
        warnings.append(f"Layer '{accommodations_layer}' has no features: the supply is 0 everywhere.")
    if accommodations is not None:
        assigned = assign_accommodations(accommodations, munis, model, accommodation_fields,
                                         accommodations_layer, document, year=migrants.year)
        for index, row in assigned.iterrows():
            if row["remarks"] is None:
                continue
            label = accommodation_label(index, row["acc_name"])
            if pd.isna(row["gm_code"]):
                text = f"accommodation {label} in '{accommodations_layer}': {row['remarks']}"
                province_remarks.append(text)
                warnings.append(f"Accommodation {label} in '{accommodations_layer}': {row['remarks']}.")
            else:
                remarks[row["gm_code"]] = _join(remarks[row["gm_code"]],
                                                f"accommodation {label}: {row['remarks']}")
                if not row["counted"]:
                    warnings.append(f"Accommodation {label} in '{accommodations_layer}' "
                                    f"({names[row['gm_code']]}): {row['remarks']}.")
    progress.report(60)
    progress.check()

    frame = pd.DataFrame(index=pd.Index(codes))
    frame["gm_code"] = codes
    frame["gm_name"] = munis["gm_name"].values
    frame["region"] = munis["region"].values
    frame["inhabitants"] = munis["inhabitants"].values
    frame["builtup_km2"] = areas
    frame["labour_migrants"] = migrants.counts.reindex(codes).astype("float64").values
    for name, values in demand_per_category(frame["labour_migrants"].values, model).items():
        frame[name] = values
    if demand_table is not None:
        _use_demand_table(frame, demand_table, remarks, warnings, province_remarks)
    supply = _supply_per_municipality(assigned, codes)
    for column in supply.columns:
        frame[column] = supply[column].values
    frame["municipalities"] = 1.0
    derive_figures(frame, model)
    add_hiaten(frame)
    frame["demand_basis"] = basis.text
    assumptions = assumptions_nl(model, document, demand_from_table=demand_table is not None)
    frame["assumptions"] = assumptions
    _stamp(frame, migrants, model, MUNICIPALITY_LEVEL)
    frame["remarks"] = [text or None for text in remarks.reindex(codes).values]
    municipal = with_crs_text(gpd.GeoDataFrame(_rounded(frame.copy()), geometry=munis.geometry.values), WORKING_CRS)
    municipal.index = munis.index
    progress.report(75)
    progress.check()

    regions = _regions(frame, munis, migrants, model, province_name, province_remarks)
    regions["demand_basis"] = basis.text
    regions["assumptions"] = assumptions
    progress.report(100)
    return HousingGapResult(municipal, regions, assigned, migrants, model, warnings)


def _use_demand_table(frame: pd.DataFrame, table: pd.DataFrame, remarks: pd.Series,
                      warnings: List[str], province_remarks: List[str]) -> None:
    """Replaces the model's demand by the imported table's; a municipality the table
    lacks gets no demand (never zero), a code the table has in excess is named."""
    layer = table.attrs.get("layer_name", "demand table")
    codes = list(frame.index)
    for column in DEMAND_COLUMNS:
        frame[column] = table[column].reindex(codes).astype("float64").values
    for code in [c for c in codes if c not in table.index]:
        remarks[code] = _join(remarks[code], f"no figure in demand table '{layer}': demand and "
                              f"gap unknown")
        warnings.append(f"Municipality {frame.at[code, 'gm_name']} ({code}) is not in demand "
                        f"table '{layer}': its demand and gap are left empty.")
    for code in [c for c in table.index if c not in frame.index]:
        text = f"demand table '{layer}' has {code}, which is not a municipality: not counted"
        province_remarks.append(text)
        warnings.append(text[0].upper() + text[1:] + ".")
    missing = [c for c in ("short", "mid", "long") if table[f"demand_{c}"].isna().all()]
    if missing:
        warnings.append(f"Demand table '{layer}' gives no demand per stay category "
                        f"({', '.join(missing)}): the gap per stay category is left empty.")


def add_hiaten(municipal: pd.DataFrame) -> pd.DataFrame:
    """A municipality's shortage and surplus: the positive and the negative part of its gap
    (empty when the gap is unknown). In place; returns the frame."""
    gap = municipal["gap_beds"].astype("float64")
    municipal["shortage_beds"] = gap.clip(lower=0.0)
    municipal["surplus_beds"] = (-gap).clip(lower=0.0)
    return municipal


def hiaten_of(members: pd.DataFrame) -> Dict[str, float]:
    """Regional hiaten: the sums of the members' shortages and surpluses (a surplus in one
    municipality never hides a shortage in another), and of their dated beds."""
    gap = members["gap_beds"].astype("float64")
    result = {"shortage_beds": gap.clip(lower=0.0).sum(min_count=1),
              "surplus_beds": (-gap).clip(lower=0.0).sum(min_count=1)}
    for name in DATED_BEDS:
        result[name] = members[name].astype("float64").sum() if name in members else np.nan
    return result


def _stamp(frame: pd.DataFrame, migrants: ScenarioMigrants, model: DemandModel, level: str) -> None:
    frame["scenario"] = migrants.scenario.label
    frame["year"] = migrants.year
    frame["scenario_method"] = migrants.method
    frame["base_year"] = migrants.base_year
    frame["model_version"] = model.version_label
    frame["parameters"] = model.describe()
    frame["level"] = level


def aggregate(frame: pd.DataFrame, model: DemandModel) -> pd.DataFrame:
    """Sums of the additive figures of the rows given and the figures derived from them."""
    sums = frame[list(ADDITIVE)].astype("float64").sum(min_count=1)
    row = pd.DataFrame([sums.values], columns=list(ADDITIVE))
    return derive_figures(row, model)


def _regions(municipal: pd.DataFrame, munis: gpd.GeoDataFrame, migrants: ScenarioMigrants,
             model: DemandModel, province_name: str, province_remarks: List[str]) -> gpd.GeoDataFrame:
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
                "; their supply is counted, their demand is not"
        if region is None:
            remark = _join(remark, "municipalities without a region: " + ", ".join(members["gm_name"].astype(str)))
        row["remarks"] = remark
        _stamp(row, migrants, model, REGION_LEVEL)
        rows.append(row)
        parts = [geometry_of[c] for c in members["gm_code"] if geometry_of[c] is not None]
        geometries.append(shapely.union_all(parts) if parts else None)
    province = aggregate(municipal, model)
    for name, value in hiaten_of(municipal).items():
        province[name] = value
    province["region"] = province_name
    province["gm_code"] = None
    province["gm_name"] = None
    unknown = municipal[municipal["labour_migrants"].isna()]
    remark = None
    if len(unknown):
        remark = "incomplete: no labour-migrant figure for " + ", ".join(
            f"{name} ({code})" for code, name in zip(unknown["gm_code"], unknown["gm_name"]))
    for text in province_remarks:
        remark = _join(remark, text)
    province["remarks"] = remark
    _stamp(province, migrants, model, PROVINCE_LEVEL)
    rows.append(province)
    # The province total has no geometry: drawn, it would cover the regions.
    geometries.append(None)
    frame = _rounded(pd.concat(rows, ignore_index=True))
    return with_crs_text(gpd.GeoDataFrame(frame, geometry=geometries), WORKING_CRS)


# ---------------------------------------------------------------------------- site context


def site_context(codes, planned_beds, stay_categories, gap: HousingGapResult,
                 document: Optional[Dict[str, Any]] = None) -> pd.DataFrame:
    """For each candidate site: its municipality's concentration (migrant beds per 100
    inhabitants) and the municipal and regional gap before and after its planned beds.

    ``codes`` are the sites' municipality codes (None: outside every municipality). Each
    site is weighed on its own, its beds counted in full as supply of its stay category.
    Returns one row per site with the columns of ``SITE_CONTEXT_FIELDS``.
    """
    document = document or load_model_document()
    stays = value_aliases(document, "stay_category")
    count = len(codes)
    model = gap.model
    municipal = pd.DataFrame(gap.municipalities.drop(columns=gap.municipalities.geometry.name))
    municipal.index = municipal["gm_code"].values
    regional = pd.DataFrame(gap.regions.drop(columns=gap.regions.geometry.name))
    regional = regional[regional["level"] == REGION_LEVEL]
    regional.index = regional["region"].values

    codes = [normalise_code(code) for code in codes]
    planned = list(planned_beds)
    beds = pd.to_numeric(pd.Series(planned, dtype=object), errors="coerce").values
    categories = [stays.get(str(value).strip().lower()) if value is not None else None
                  for value in stay_categories]
    remarks: List[Optional[str]] = [None] * count
    # A negative or absurd number of beds is not added: flagged, after equals before.
    implausible = [implausible_remark(value, "beds", "planned beds") for value in planned]
    beds = np.where([bool(text) for text in implausible], np.nan, beds) if count else beds
    result = pd.DataFrame({name: [None] * count for name, _ in SITE_CONTEXT_FIELDS})
    result["ctx_scenario"] = gap.title
    result["ctx_model_version"] = model.version_label
    for name in ("demand_basis", "assumptions"):
        result[f"ctx_{name}"] = gap.regions[name].iloc[0] if name in gap.regions else None
    for position in range(count):
        if codes[position] is None or codes[position] not in municipal.index:
            remarks[position] = "outside every municipality: no municipal context"
            continue
        if implausible[position]:
            remarks[position] = f"{implausible[position]}: after equals before"
        elif np.isnan(beds[position]):
            remarks[position] = "no planned beds: after equals before"
        elif categories[position] is None:
            remarks[position] = "no known stay category: the stay-category gap is left empty"
        if np.isnan(municipal.at[codes[position], "labour_migrants"]):
            remarks[position] = _join(remarks[position], "the municipality has no labour-migrant "
                                      "figure: its gap is unknown")
    located = np.array([code is not None and code in municipal.index for code in codes])
    if located.any():
        positions = np.flatnonzero(located)
        added = np.nan_to_num(beds[positions])
        site_codes = [codes[p] for p in positions]
        site_stays = [categories[p] for p in positions]
        before = municipal.loc[site_codes, list(ADDITIVE)].astype("float64").reset_index(drop=True)
        after = _with_extra_supply(before, added, site_stays)
        derive_figures(before, model)
        derive_figures(after, model)
        _set_rows(result, positions, "ctx_beds_added", [int(value) for value in added])
        _set_rows(result, positions, "ctx_beds_per_100_inh_before", before["migrant_beds_per_100_inh"].round(3).values)
        _set_rows(result, positions, "ctx_beds_per_100_inh_after", after["migrant_beds_per_100_inh"].round(3).values)
        _set_rows(result, positions, "ctx_gm_gap_before", before["gap_beds"].round(6).values)
        _set_rows(result, positions, "ctx_gm_gap_after", after["gap_beds"].round(6).values)
        _set_rows(result, positions, "ctx_gm_class_before", before["gap_class"].values)
        _set_rows(result, positions, "ctx_gm_class_after", after["gap_class"].values)
        stay_before = [before.at[i, f"gap_{c}"] if c else np.nan for i, c in enumerate(site_stays)]
        stay_after = [after.at[i, f"gap_{c}"] if c else np.nan for i, c in enumerate(site_stays)]
        _set_rows(result, positions, "ctx_gm_stay_gap_before", np.round(stay_before, 6))
        _set_rows(result, positions, "ctx_gm_stay_gap_after", np.round(stay_after, 6))

        site_regions = [municipal.at[code, "region"] for code in site_codes]
        in_region = np.array([region in regional.index for region in site_regions])
        if in_region.any():
            region_positions = positions[in_region]
            names = [r for r, keep in zip(site_regions, in_region) if keep]
            region_before = regional.loc[names, list(ADDITIVE)].astype("float64").reset_index(drop=True)
            region_after = _with_extra_supply(region_before, added[in_region],
                                              [s for s, keep in zip(site_stays, in_region) if keep])
            derive_figures(region_before, model)
            derive_figures(region_after, model)
            _set_rows(result, region_positions, "ctx_region_gap_before", region_before["gap_beds"].round(6).values)
            _set_rows(result, region_positions, "ctx_region_gap_after", region_after["gap_beds"].round(6).values)
            _set_rows(result, region_positions, "ctx_region_class_before", region_before["gap_class"].values)
            _set_rows(result, region_positions, "ctx_region_class_after", region_after["gap_class"].values)
    result["ctx_remarks"] = remarks
    for name, kind in SITE_CONTEXT_FIELDS:
        if kind == "double":
            result[name] = pd.to_numeric(result[name], errors="coerce").astype("float64")
    return result


def _set_rows(frame: pd.DataFrame, positions, column: str, values) -> None:
    """Sets some rows of one column by position, replacing the whole column (so pandas
    never has to guess whether to change the dtype in place)."""
    current = frame[column].to_numpy(copy=True)
    values = np.asarray(values)
    if current.dtype.kind == "f" and values.dtype.kind not in "fiub":
        current = current.astype(object)
    current[np.asarray(positions)] = values
    frame[column] = current


def _with_extra_supply(rows: pd.DataFrame, beds: np.ndarray, categories: List[Optional[str]]) -> pd.DataFrame:
    after = rows.copy()
    after["supply_beds"] = after["supply_beds"] + beds
    for category in STAY_CATEGORIES:
        mask = np.array([c == category for c in categories])
        after.loc[mask, f"supply_{category}"] = after.loc[mask, f"supply_{category}"] + beds[mask]
    unknown = np.array([c is None for c in categories])
    after.loc[unknown, "supply_unknown_stay"] = after.loc[unknown, "supply_unknown_stay"] + beds[unknown]
    return after


# ---------------------------------------------------------------------------- files


def write_csv(frame: pd.DataFrame, path) -> Path:
    """Writes the table as UTF-8 CSV, complete or absent (``atomic``)."""
    path = Path(path)
    output = frame.copy()
    for column in output.columns:
        if output[column].dtype == object:
            output[column] = output[column].where(output[column].notna(), None)
    with atomic_output(path) as temporary:
        output.to_csv(temporary, index=False, encoding="utf-8", lineterminator="\n")
    return path


def _join(first: Optional[str], second: Optional[str]) -> Optional[str]:
    if not second:
        return first
    return f"{first}; {second}" if first else second
