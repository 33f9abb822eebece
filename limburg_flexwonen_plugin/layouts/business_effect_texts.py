"""The texts of the business effect report (``layouts/business_effect_report.py``): the
figures as printed, the key figures, message, assumptions, footer and table rows.
"""
import datetime
import math
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd

from ..core.business_effect import (ACROSS_BORDER, BORDER_AREA, BORDER_SHARE, DISTANCE,
                                    EXPONENTIAL, NO_MUNICIPALITY, NO_WEIGHT, POPULATION,
                                    BusinessEffect, BusinessEffectResult)
from ..core import terms
from ..core.housing_gap import PROVINCE_LEVEL
from . import texts
from .exporter import slug
from .page import versions_text
from .site_report_content import scenario_title_nl

# The page speaks Dutch whatever the interface language, like the other printed pages
# (layouts/texts.py): its readers are the province, the municipality and the Stuurgroep.

MAX_MUNICIPALITY_ROWS = 10
MAX_YEAR_ROWS = 9
STAY_NL = ("kort", "middellang", "lang")


def number(value, decimals: int = 0) -> str:
    """Dutch grouping (1.200), rounded half up: Python's own rounding goes half to even,
    which would make a gap of 9.053,5 -> 9.270,5 look like a change of 216 for 217 beds."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    factor = 10 ** decimals
    rounded = math.floor(abs(float(value)) * factor + 0.5 + 1e-9) / factor
    return texts.dutch_number(math.copysign(rounded, float(value)) if rounded else 0.0, decimals)


def percent(share, decimals: int = 0) -> str:
    return f"{number(float(share) * 100.0, decimals)}%"


def class_text(value) -> str:
    return terms.term(terms.GAP_CLASS, value, default="–") if isinstance(value, str) else "–"


def stay_text(values: Sequence[int]) -> str:
    return " · ".join(f"{name} {number(value)}" for name, value in zip(STAY_NL, values))


def report_file_name(key: str) -> str:
    return f"huisvestingseffect_{slug(key)}.pdf"


def share_source_text(source: str) -> str:
    """Where the share of labour migrants comes from, in Dutch."""
    if source == "typed in":
        return "ingevoerd"
    if source.startswith("field "):
        return "veld " + source[len("field "):]
    if source.startswith("sector table: "):
        return "sectortabel: " + source[len("sector table: "):]
    return source


def reach_text(result: BusinessEffectResult) -> str:
    reach = result.reach_settings
    if reach.is_radius:
        return f"straal {texts.typed_number(reach.outer_km)} km"
    return "ringen " + "; ".join(f"{texts.typed_number(band.inner_km)}–{texts.typed_number(band.outer_km)} km × {texts.typed_number(band.weight)}"
                                 for band in reach.bands)


def title_text(effect: BusinessEffect) -> str:
    return f"Huisvestingseffect van {effect.business.name}"


def subtitle_text(effect: BusinessEffect, scenario: str) -> str:
    business = effect.business
    return (f"Bedrijf {business.key} · {number(business.jobs_now)} → {number(business.jobs_full)} "
            f"arbeidsplaatsen ({business.year_now}–{business.year_full}) · tekort volgens "
            f"{scenario_title_nl(scenario)}")


def key_figure_lines(result: BusinessEffectResult, effect: BusinessEffect) -> List[str]:
    business = effect.business
    last = effect.phasing.iloc[-1]
    lines = [
        f"Extra arbeidsplaatsen: {number(business.jobs_full - business.jobs_now)} "
        f"({number(business.jobs_now)} → {number(business.jobs_full)})",
        f"Aandeel arbeidsmigranten: {percent(business.migrant_share, 1 if business.migrant_share * 100 % 1 else 0)} "
        f"({share_source_text(business.share_source)})",
        f"Extra arbeidsmigranten: {number(last['extra_migrants'])}",
        f"Extra bedden, volledig in {business.year_full}: {number(effect.total)}",
        "   " + stay_text(effect.demand),
        f"Geplaatst in {int((effect.allocation['beds'] > 0).sum())} gemeenten: "
        f"{number(effect.placed.sum())} bedden",
        f"Niet geplaatst: {number(effect.unplaced.sum())} bedden",
    ]
    regions = result.business_regions[result.business_regions["business_id"] == business.key]
    for _, row in regions.iterrows():
        name = row["region"] if row["level"] != PROVINCE_LEVEL else f"{row['region']} (provincie)"
        lines.append(f"Tekort {name}: {number(row['gap_before'])} → {number(row['gap_after'])} "
                     f"({class_text(row['gap_class_after'])})")
    return lines


def message_text(result: BusinessEffectResult, effect: BusinessEffect) -> str:
    """Why demand was not placed (or where the reach crosses the border), in Dutch."""
    unplaced = int(effect.unplaced.sum())
    lost = (f"{number(unplaced)} van {number(effect.total)} bedden ("
            + ", ".join(f"{name} {number(v)}" for name, v in zip(STAY_NL, effect.unplaced))
            + ") konden niet in een gemeente worden geplaatst.")
    outside = percent(effect.outside_share, 1)
    if effect.reason == ACROSS_BORDER:
        return (f"Het bereik ({reach_text(result)}) omvat geen gemeente: het bedrijf ligt buiten de "
                f"gemeenten (over de grens in Duitsland of België, of buiten Limburg). {lost}")
    if effect.reason == NO_MUNICIPALITY:
        return (f"Het bereik ({reach_text(result)}) omvat geen gemeente: geen bebouwd gebied of "
                f"middelpunt van een gemeente ligt erbinnen. {lost}")
    if effect.reason == NO_WEIGHT:
        return f"Geen gemeente binnen het bereik heeft beschikbaar gepland aanbod. {lost}"
    if effect.reason == BORDER_SHARE:
        return (f"{outside} van het bereik ligt buiten de gemeenten (over de grens); dat deel wordt "
                f"geacht daar te wonen. {lost}")
    if effect.outside_share > 0.005:
        return (f"{outside} van het bereik ligt buiten de gemeenten (over de grens); alle vraag is "
                f"geplaatst in de gemeenten binnen het bereik.")
    return ""


def assumption_lines(result: BusinessEffectResult, effect: BusinessEffect) -> List[str]:
    business = effect.business
    model = result.business_model
    gap_model = result.gap.model
    settings = result.settings
    if business.phasing == "linear":
        phasing = f"de arbeidsplaatsen groeien lineair van {business.year_now} tot {business.year_full}"
    else:
        steps = business.steps or ((business.year_full, business.jobs_full),)
        phasing = "de arbeidsplaatsen groeien in stappen (" + "; ".join(
            f"{year}: {number(jobs)}" for year, jobs in steps) + ")"
    if settings.method == DISTANCE:
        method = (f"afstandsverval exp(−d / {texts.typed_number(settings.decay_km)} km)" if settings.decay == EXPONENTIAL
                  else f"afstandsverval 1 / d² (d minstens {texts.typed_number(settings.min_distance_km)} km)")
    elif settings.method == POPULATION:
        method = "naar rato van het aantal inwoners"
    else:
        method = (f"naar rato van het beschikbare geplande aanbod (vergund × "
                  f"{texts.typed_number(gap_model.weight_permitted)} + gepland × {texts.typed_number(gap_model.weight_planned)})")
    border = ("het deel van het bereik buiten de gemeenten woont daar (niet geplaatst)"
              if settings.border == BORDER_AREA else
              "alle vraag wordt geplaatst in de gemeenten binnen het bereik")
    shares = " / ".join(number(share * 100) for share in (model.share_short, model.share_mid, model.share_long))
    weights = " / ".join(texts.typed_number(w) for w in (gap_model.weight_existing, gap_model.weight_permitted,
                                            gap_model.weight_planned))
    return [
        f"Alleen de groei telt: de huidige arbeidsplaatsen zijn al gehuisvest; {phasing}.",
        f"{texts.typed_number(business.persons_per_job)} persoon per arbeidsplaats; {percent(business.migrant_share, 1)} "
        f"van de extra arbeidsplaatsen door arbeidsmigranten ({share_source_text(business.share_source)}).",
        f"Verblijfsduur kort / middellang / lang {shares}%; {texts.typed_number(model.persons_per_bed)} persoon per bed; "
        f"hele bedden (totaal half naar boven afgerond, categorieën met de grootste-restmethode).",
        f"Bereik: {reach_text(result)}, hemelsbreed van het bedrijf tot het bebouwd gebied van elke "
        f"gemeente (het middelpunt waar dat ontbreekt); {percent(effect.outside_share, 1)} van het "
        f"bereik ligt buiten de gemeenten; {border}.",
        f"Verdeling: {method}, per verblijfsduur met de grootste-restmethode, zodat de bedden precies "
        f"optellen tot de vraag.",
        f"Tekort voor en na: vraagmodel {gap_model.version_label}, {scenario_title_nl(result.gap.title)}; "
        f"tekort = vraag − aanbod (positief is een tekort); aanbod telt bestaand / vergund / gepland "
        f"× {weights}.",
        "Standaardwaarden die in de modelbestanden als aanname zijn gemarkeerd, zijn plaatshouders "
        "voor de eigen cijfers van de provincie.",
    ]


def footer_lines(result: BusinessEffectResult, day: datetime.date, sources: Optional[str],
                 credits: Sequence[str] = ()) -> List[str]:
    """Sources (``credits``: of the input layers; ``sources``: the user's), date, versions."""
    return [
        texts.join_nonempty([texts.source_line(credits, sources), f"gemaakt op {texts.dutch_date(day)}"]),
        versions_text([("Model", result.model_version), ("Vraagmodel", result.gap.model.version_label)]),
    ]


def municipality_headings() -> List[str]:
    return ["Gemeente", "km", "kort", "middellang", "lang", "bedden", "tekort voor", "tekort na",
            "klasse na"]


def municipality_rows(effect: BusinessEffect, allocation: pd.DataFrame) -> List[List[str]]:
    """The table rows: the municipalities with most beds, the rest summed, a total."""
    rows = allocation[allocation["business_id"] == effect.business.key]
    rows = rows.sort_values(["beds", "distance_km"], ascending=[False, True])
    shown = rows.iloc[:MAX_MUNICIPALITY_ROWS]
    result = []
    for _, row in shown.iterrows():
        result.append([str(row["gm_name"]), number(row["distance_km"], 1), number(row["beds_short"]),
                       number(row["beds_mid"]), number(row["beds_long"]), number(row["beds"]),
                       number(row["gap_before"]), number(row["gap_after"]),
                       class_text(row["gap_class_after"])])
    rest = rows.iloc[MAX_MUNICIPALITY_ROWS:]
    if len(rest):
        result.append([f"{len(rest)} overige gemeenten", "", number(rest["beds_short"].sum()),
                       number(rest["beds_mid"].sum()), number(rest["beds_long"].sum()),
                       number(rest["beds"].sum()), "", "", ""])
    if effect.unplaced.sum():
        result.append(["niet geplaatst", "", *[number(v) for v in effect.unplaced],
                       number(effect.unplaced.sum()), "", "", ""])
    result.append(["totaal", "", *[number(v) for v in effect.demand], number(effect.total), "", "", ""])
    return result


def year_headings() -> List[str]:
    return ["Jaar", "arbeidsplaatsen", "extra arbeidsmigranten", "nieuwe bedden", "kort",
            "middellang", "lang", "bedden totaal"]


def year_rows(effect: BusinessEffect) -> List[List[str]]:
    phasing = effect.phasing
    if len(phasing) > MAX_YEAR_ROWS:
        phasing = pd.concat([phasing.iloc[:MAX_YEAR_ROWS - 1], phasing.iloc[-1:]])
    rows = [[str(int(row["year"])), number(row["jobs"]), number(row["extra_migrants"]),
             number(row["new_beds"]), number(row["new_short"]), number(row["new_mid"]),
             number(row["new_long"]), number(row["beds"])] for _, row in phasing.iterrows()]
    full = effect.phasing
    rows.append(["totaal", "", "", number(full["new_beds"].sum()), number(full["new_short"].sum()),
                 number(full["new_mid"].sum()), number(full["new_long"].sum()), ""])
    return rows
