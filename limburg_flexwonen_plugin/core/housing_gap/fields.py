"""The housing gap's vocabulary: stay categories, statuses, gap classes and levels, the
output columns, and the fields read from the municipality and accommodation layers."""
from dataclasses import dataclass
from typing import Optional

from ..field_mapping import MunicipalityFields  # noqa: F401 (part of the package's vocabulary)


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


@dataclass(frozen=True)
class AccommodationFields:
    name: Optional[str] = "name"
    status: str = "status"
    stay: Optional[str] = "stay_category"
    beds: str = "beds"
    code: Optional[str] = None   # assign by this municipality code field instead of by location
    end_date: Optional[str] = None   # permit end / end of a temporary building (date)
    from_year: Optional[str] = None  # first year a planned accommodation is available


def add_remark(first: Optional[str], second: Optional[str]) -> Optional[str]:
    """``first`` with ``second`` added after a semicolon (either may be empty)."""
    if not second:
        return first
    return f"{first}; {second}" if first else second
