"""Housing effect of new or growing businesses ("huisvestingseffectrapportage").

For each business (a point or polygon with its jobs now and at full operation):

* extra labour migrants in a year = (jobs that year - jobs now) x persons per job x share of
  labour migrants; jobs grow linearly to full operation or in given steps;
* extra beds = extra labour migrants x share per stay category / persons per bed, in whole
  beds: the housing gap model's rounding (``housing_gap.demand_per_category``) for the
  cumulative total of every year, the categories of the years in between so that none ever
  decreases and each adds up over the years to its full-operation figure;
* the beds at full operation are allocated to the municipalities within reach (a radius
  or distance bands with weights) by distance decay, population or available planned
  supply, per stay category by largest remainder, so that the allocated beds add up exactly
  to the demand (minus what is reported as not placed);
* the allocated beds are added to the demand of the housing gap
  (``housing_gap.compute_housing_gap``'s result) to give the gap before and after, per
  municipality, region and province.

Defaults and their status (sourced / definition / assumption) are in
``resources/models/business_effect.json``; the stay-category mix and persons per bed come
from the housing gap model. Nothing is placed silently: demand that cannot be placed
(reach without municipalities, across the border, no weight) is counted and named.

The package, by job: ``fields`` (vocabulary, output columns), ``model_file`` (defaults),
``businesses`` and ``sectors`` (reading the inputs), ``phasing`` (demand per year),
``reach`` and ``allocation`` (beds to the municipalities within reach), ``gap_effect``
(the gap before and after), ``result`` (the result and its report data), ``analysis``
(the whole computation). This module is its public face.
"""
from .allocation import AllocationSettings, BusinessEffect
from .analysis import compute_business_effect
from .businesses import Business, BusinessDefaults, BusinessFields, read_businesses
from .fields import (ACROSS_BORDER, ALLOCATION_FIELDS, ALLOCATION_METHODS, BORDER_AREA,
                     BORDER_CHOICES, BORDER_SHARE, BUSINESS_FIELDS, COMBINED, DECAY_FUNCTIONS,
                     DISTANCE, EXPONENTIAL, GAP_EFFECT_FIELDS, INVERSE_SQUARE, LINEAR,
                     NO_MUNICIPALITY, NO_WEIGHT, PHASING_FIELDS, PHASING_METHODS, PLANNED_SUPPLY,
                     POPULATION, REACH_FIELDS, STEPS, TO_CENTROID)
from .model_file import default_value, load_effect_document
from .phasing import phasing_rows
from .reach import Reach
from .result import BusinessEffectResult
from .sectors import SectorTable, load_sector_table, sector_table_from_frame

__all__ = [
    "ACROSS_BORDER", "ALLOCATION_FIELDS", "ALLOCATION_METHODS", "BORDER_AREA", "BORDER_CHOICES",
    "BORDER_SHARE", "BUSINESS_FIELDS", "COMBINED", "DECAY_FUNCTIONS", "DISTANCE", "EXPONENTIAL",
    "GAP_EFFECT_FIELDS", "INVERSE_SQUARE", "LINEAR", "NO_MUNICIPALITY", "NO_WEIGHT",
    "PHASING_FIELDS", "PHASING_METHODS", "PLANNED_SUPPLY", "POPULATION", "REACH_FIELDS", "STEPS",
    "TO_CENTROID", "AllocationSettings", "Business", "BusinessDefaults", "BusinessEffect",
    "BusinessEffectResult", "BusinessFields", "Reach", "SectorTable", "compute_business_effect",
    "default_value", "load_effect_document", "load_sector_table", "phasing_rows",
    "read_businesses", "sector_table_from_frame",
]
