"""The business effect's vocabulary (allocation, decay, phasing and border choices, why
demand was not placed) and its output columns."""
from ..housing_gap import OUTPUT_FIELDS


MODEL_FILE = "business_effect.json"
SECTOR_FILE = "business_sector_shares.csv"

DISTANCE, POPULATION, PLANNED_SUPPLY = "distance", "population", "planned_supply"
ALLOCATION_METHODS = (DISTANCE, POPULATION, PLANNED_SUPPLY)
EXPONENTIAL, INVERSE_SQUARE = "exponential", "inverse_square"
DECAY_FUNCTIONS = (EXPONENTIAL, INVERSE_SQUARE)
LINEAR, STEPS = "linear", "steps"
PHASING_METHODS = (LINEAR, STEPS)
BORDER_MUNICIPALITIES, BORDER_AREA = "municipalities", "area"
BORDER_CHOICES = (BORDER_MUNICIPALITIES, BORDER_AREA)
COMBINED = "all"
# Why demand could not be placed.
ACROSS_BORDER, NO_MUNICIPALITY, NO_WEIGHT, BORDER_SHARE = (
    "across_border", "no_municipality", "no_weight", "border_share")
UNPLACED_REASONS = (ACROSS_BORDER, NO_MUNICIPALITY, NO_WEIGHT, BORDER_SHARE)
TO_BUILTUP, TO_CENTROID = "built-up area", "centroid"
# Cells per reach diameter when measuring the share of the reach outside the municipalities.
SAMPLES_PER_DIAMETER = 200

BUSINESS_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("jobs_now", "double"),
    ("year_now", "int"), ("jobs_full", "double"), ("year_full", "int"), ("extra_jobs", "double"),
    ("phasing", "string"), ("migrant_share", "double"), ("share_source", "string"),
    ("persons_per_job", "double"), ("extra_migrants", "double"), ("beds", "int"),
    ("beds_short", "int"), ("beds_mid", "int"), ("beds_long", "int"), ("placed_beds", "int"),
    ("unplaced_beds", "int"), ("unplaced_short", "int"), ("unplaced_mid", "int"),
    ("unplaced_long", "int"), ("municipalities", "int"), ("reach", "string"),
    ("allocation", "string"), ("outside_share", "double"), ("message", "string"),
    ("model_version", "string"), ("parameters", "string"),
)
PHASING_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("year", "int"), ("jobs", "double"),
    ("extra_jobs", "double"), ("extra_migrants", "double"), ("beds", "int"), ("beds_short", "int"),
    ("beds_mid", "int"), ("beds_long", "int"), ("new_beds", "int"), ("new_short", "int"),
    ("new_mid", "int"), ("new_long", "int"),
)
ALLOCATION_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("gm_code", "string"),
    ("gm_name", "string"), ("region", "string"), ("distance_km", "double"),
    ("distance_to", "string"), ("band_weight", "double"), ("method_weight", "double"),
    ("weight", "double"), ("allocation_share", "double"), ("beds", "int"), ("beds_short", "int"),
    ("beds_mid", "int"), ("beds_long", "int"), ("gap_before", "double"), ("gap_after", "double"),
    ("gap_class_before", "string"), ("gap_class_after", "string"), ("allocation", "string"),
    ("remarks", "string"),
)
# The housing gap's fields describe the situation AFTER the effect (so the gap styles and
# exports read the layer as a gap layer); these add the effect and the situation before.
EFFECT_FIELDS = (
    ("effect_beds", "int"), ("effect_short", "int"), ("effect_mid", "int"), ("effect_long", "int"),
    ("effect_businesses", "int"), ("demand_beds_before", "int"), ("gap_beds_before", "double"),
    ("gap_short_before", "double"), ("gap_mid_before", "double"), ("gap_long_before", "double"),
    ("gap_ratio_before", "double"), ("gap_class_before", "string"), ("unplaced_beds", "int"),
    ("effect_model_version", "string"), ("effect_parameters", "string"),
)
GAP_EFFECT_FIELDS = tuple(OUTPUT_FIELDS) + EFFECT_FIELDS
REACH_FIELDS = (
    ("business_id", "string"), ("business_name", "string"), ("inner_km", "double"),
    ("outer_km", "double"), ("band_weight", "double"),
)
BUSINESS_REGION_FIELDS = ("business_id", "region", "level", "beds", "gap_before", "gap_after",
                          "gap_class_before", "gap_class_after")
