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

The package, by job: ``fields`` (vocabulary, output columns, input fields),
``demand_model`` (the model's parameters, demand in whole beds), ``municipalities`` and
``supply`` (reading the inputs; accommodations by date), ``figures`` (gap, ratios and
class from additive sums), ``analysis`` and ``regions`` (the gap per municipality, region
and province), ``site_context`` (a site's before and after), ``result`` (the result, its
CSV). This module is its public face.
"""
from .analysis import compute_housing_gap
from .demand_model import DemandModel, demand_per_category
from .fields import (ACCOMMODATION_FIELDS, ADDITIVE, BALANCED, GAP_FIELDS, OUTPUT_FIELDS,
                     PROVINCE_LEVEL, SHORTAGE, STAY_CATEGORIES, SURPLUS, AccommodationFields,
                     MunicipalityFields)
from .figures import classify_gap, derive_figures
from .municipalities import builtup_zones, prepare_municipalities
from .result import HousingGapResult, write_csv
from .site_context import SITE_CONTEXT_FIELDS, site_context

__all__ = [
    "ACCOMMODATION_FIELDS", "ADDITIVE", "BALANCED", "GAP_FIELDS", "OUTPUT_FIELDS",
    "PROVINCE_LEVEL", "SHORTAGE", "SITE_CONTEXT_FIELDS", "STAY_CATEGORIES", "SURPLUS",
    "AccommodationFields", "DemandModel", "HousingGapResult", "MunicipalityFields",
    "builtup_zones", "classify_gap", "compute_housing_gap", "demand_per_category",
    "derive_figures", "prepare_municipalities", "site_context", "write_csv",
]
