"""Demand per year: the extra labour migrants and whole beds per stay category from the
current year to full operation, per business and all together."""
from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..housing_gap import STAY_CATEGORIES, DemandModel, demand_per_category
from .businesses import Business
from .fields import COMBINED, PHASING_FIELDS


def beds_by_year(extra_migrants, model: DemandModel) -> np.ndarray:
    """Cumulative whole beds per year (rows) and stay category (columns short, mid, long).

    Each year's total is the housing gap model's rounding of that year's extra labour
    migrants; the last year's categories are its largest-remainder split. In between, the
    beds added in a year go one by one to the category furthest below its proportional
    share, so no category decreases and each ends exactly at its last-year figure.
    """
    migrants = np.asarray(extra_migrants, dtype="float64")
    figures = demand_per_category(migrants, model)
    totals = figures["demand_beds"].astype("int64")
    final = np.array([figures[f"demand_{c}"][-1] for c in STAY_CATEGORIES], dtype="float64")
    final_total = int(totals[-1])
    counts = np.zeros(len(STAY_CATEGORIES), dtype="int64")
    rows = np.zeros((len(totals), len(STAY_CATEGORIES)), dtype="int64")
    for position, total in enumerate(totals):
        extra = int(total) - int(counts.sum())
        if extra < 0:
            raise InputError("the extra labour migrants decrease over the years")
        target = final * (total / final_total) if final_total else np.zeros(len(counts))
        for _ in range(extra):
            counts[int(np.argmax(target - counts))] += 1  # ties: the earlier category
        rows[position] = counts
    return rows


def phasing_rows(business: Business, model: DemandModel) -> pd.DataFrame:
    path = business.jobs_by_year()
    years = [year for year, _ in path]
    jobs = np.array([jobs for _, jobs in path], dtype="float64")
    extra_jobs = jobs - business.jobs_now
    migrants = extra_jobs * business.persons_per_job * business.migrant_share
    cumulative = beds_by_year(migrants, model)
    new = np.diff(np.vstack([np.zeros((1, cumulative.shape[1]), dtype="int64"), cumulative]), axis=0)
    frame = pd.DataFrame({
        "business_id": business.key, "business_name": business.name, "year": years,
        "jobs": np.round(jobs, 2), "extra_jobs": np.round(extra_jobs, 2),
        "extra_migrants": np.round(migrants, 2),
        "beds": cumulative.sum(axis=1), "new_beds": new.sum(axis=1),
    })
    for position, category in enumerate(STAY_CATEGORIES):
        frame[f"beds_{category}"] = cumulative[:, position]
        frame[f"new_{category}"] = new[:, position]
    return frame[[name for name, _ in PHASING_FIELDS]]


def combined_phasing(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """All businesses together per year: increments summed; cumulative figures carried on
    after a business's full operation and 0 before its current year."""
    years = sorted({int(year) for frame in frames for year in frame["year"]})
    totals = pd.DataFrame(0.0, index=pd.Index(years), columns=[
        "jobs", "extra_jobs", "extra_migrants", "beds", "new_beds"]
        + [f"beds_{c}" for c in STAY_CATEGORIES] + [f"new_{c}" for c in STAY_CATEGORIES])
    for frame in frames:
        indexed = frame.set_index("year")
        first, last = indexed.index.min(), indexed.index.max()
        for column in totals.columns:
            if column.startswith("new_"):
                totals[column] += indexed[column].reindex(years).fillna(0).values
            else:
                series = indexed[column].reindex(years)
                # Before its first year a business adds nothing; after its last, it stays.
                series = series.where(~(series.index < first), 0.0)
                series = series.ffill()
                totals[column] += series.fillna(0).values
    totals = totals.reset_index().rename(columns={"index": "year"})
    totals.insert(0, "business_name", "all businesses")
    totals.insert(0, "business_id", COMBINED)
    for name, kind in PHASING_FIELDS:
        if kind == "int":
            totals[name] = totals[name].round().astype("int64")
        elif kind == "double":
            totals[name] = totals[name].astype("float64").round(2)
    return totals[[name for name, _ in PHASING_FIELDS]]
