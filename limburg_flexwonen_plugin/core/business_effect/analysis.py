"""The housing effect of the businesses on the gap of one scenario."""
from typing import Any, Dict, List, Optional, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..frames import WORKING_CRS, with_crs_text
from ..housing_gap import HousingGapResult, DemandModel, builtup_zones
from ..progress import SILENT, Progress
from .allocation import (AllocationSettings, BusinessEffect, allocate_business,
                         unplaced_text)
from .businesses import Business
from .fields import BORDER_MUNICIPALITIES
from .gap_effect import (allocation_frame, business_region_rows, effect_by_municipality,
                         municipal_frame, regional_frame, with_extra_demand)
from .model_file import load_effect_document, version_label
from .phasing import combined_phasing
from .reach import Reach
from .result import BusinessEffectResult, business_frame, describe_parameters, reach_rings_frame


def compute_business_effect(businesses: Sequence[Business], gap: HousingGapResult, *,
                            reach: Reach, business_model: Optional[DemandModel] = None,
                            settings: Optional[AllocationSettings] = None,
                            builtup: Optional[gpd.GeoDataFrame] = None,
                            builtup_layer: str = "built-up area",
                            municipalities_layer: str = "municipalities",
                            document: Optional[Dict[str, Any]] = None,
                            progress: Progress = SILENT) -> BusinessEffectResult:
    """The housing effect of ``businesses`` on the gap of ``gap`` (one scenario).

    ``business_model`` holds the stay-category mix of the businesses' labour migrants and
    persons per bed (default: the gap's model); ``builtup`` gives the distances to each
    municipality's built-up area (without it: to its centroid).
    """
    document = document or load_effect_document()
    settings = settings or AllocationSettings.defaults(document)
    settings.validate()
    business_model = business_model or gap.model
    business_model.validate()
    if not businesses:
        raise InputError("no businesses given")
    warnings: List[str] = []
    municipal = gap.municipalities
    codes = list(municipal["gm_code"])
    zones = builtup_zones(municipal.geometry.values, builtup, builtup_layer) if builtup is not None \
        else np.full(len(municipal), None, dtype=object)
    present = municipal.geometry.values[~shapely.is_missing(municipal.geometry.values)]
    land = shapely.union_all(present) if len(present) else None
    if land is not None:
        shapely.prepare(land)
    progress.report(10)

    effects: List[BusinessEffect] = []
    for number, business in enumerate(businesses):
        progress.check()
        effect = allocate_business(business, business_model, municipal, zones, reach, settings,
                                   land, municipalities_layer)
        if int(effect.unplaced.sum()):
            text = f"Business {business.label}: {effect.message}; {unplaced_text(effect)}."
            effect.message = text
            warnings.append(text)
        elif effect.outside_share > 0.005 and settings.border == BORDER_MUNICIPALITIES:
            effect.message = (f"Business {business.label}: {effect.outside_share * 100:.1f} % of "
                              f"the reach lies outside the municipalities (across the border); all "
                              f"demand is placed in the municipalities within reach.")
        effects.append(effect)
        progress.report(10 + 60 * (number + 1) / len(businesses))

    version = version_label(document)
    parameters = describe_parameters(business_model, reach, settings)
    model = gap.model

    # Combined effect on the gap per municipality, region and province.
    effect_table = effect_by_municipality(codes, effects)
    before = pd.DataFrame(municipal.drop(columns=municipal.geometry.name))
    before.index = codes
    after_figures = with_extra_demand(before, effect_table, model)
    after_figures.index = codes
    municipalities_after = municipal_frame(before, after_figures, effect_table, version, parameters)
    municipalities_after = with_crs_text(gpd.GeoDataFrame(municipalities_after, geometry=municipal.geometry.values), WORKING_CRS)
    regions_after = regional_frame(gap, before, effect_table, version, parameters,
                                   sum(int(e.unplaced.sum()) for e in effects))
    progress.report(80)

    allocation = allocation_frame(effects, before, model, municipal)
    business_regions = business_region_rows(effects, gap, before, model)
    summary = business_frame(effects, reach, settings, version, parameters)
    phasing_frames = [effect.phasing for effect in effects]
    phasing = pd.concat(phasing_frames + ([combined_phasing(phasing_frames)] if len(effects) > 1 else []),
                        ignore_index=True)
    reach_frame = reach_rings_frame(effects, reach)
    progress.report(100)
    return BusinessEffectResult(effects, summary, phasing, allocation, municipalities_after,
                                regions_after, business_regions, reach_frame, gap, business_model,
                                reach, settings, version, parameters, warnings)
