"""What the site assessment page says, in Dutch, from the analyses' results (no QGIS here).

Each section is a list of (label, value, detail) rows; the page shows them as tables.
The figures come from the classification (and, where given, the norm check and the
housing gap); this module only words and formats them.
"""
import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd
import shapely

from ..core import terms
from ..core.housing_norms import PASS
from ..core.site_assessment import AssessmentResult, ContextResult, NormResult
from . import texts

Row = Tuple[str, str, str]


@dataclass(frozen=True)
class PlanFields:
    """Which fields of the sites layer hold the plan (None: not available)."""
    beds: Optional[str] = "planned_beds"
    bedrooms: Optional[str] = "bedrooms"
    living_area: Optional[str] = "living_area_m2"
    bedroom_area: Optional[str] = "bedroom_area_m2"
    toilets: Optional[str] = "toilets"
    showers: Optional[str] = "showers"
    stay_category: Optional[str] = "stay_category"
    building_type: Optional[str] = "building_type"
    housing_type: Optional[str] = "housing_type"


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and value == "")


def report_title(site_id, name) -> str:
    return texts.join_nonempty([str(site_id) if not _missing(site_id) else None,
                                str(name) if not _missing(name) else None])


def report_subtitle(row: Dict) -> str:
    municipality = row.get("gm_name")
    if _missing(municipality):
        place = "buiten de Limburgse gemeenten"
    else:
        region = row.get("region")
        place = f"Gemeente {municipality}" + (f" ({region})" if not _missing(region) else "")
    kern = row.get("nearest_kern")
    return texts.join_nonempty([place, f"dichtstbijzijnde kern {kern}" if not _missing(kern) else None])


def class_text(location_class: Optional[str]) -> str:
    if _missing(location_class):
        return "Geen locatieklasse: de locatie heeft geen bruikbare geometrie"
    return f"Locatieklasse: {terms.location_class(location_class, terms.NL)}"


def location_rows(row: Dict, geometry) -> List[Row]:
    """Share inside, distance, nearest kern, municipality, size, position (the class
    itself heads the page)."""
    rows: List[Row] = []
    rows.append(("Aandeel binnen bebouwd gebied", texts.percentage(row.get("inside_share")), ""))
    rows.append(("Afstand tot bebouwd gebied", texts.metres(row.get("distance_m")), ""))
    rows.append(("Dichtstbijzijnde kern", _text(row.get("nearest_kern")), ""))
    municipality = row.get("gm_name")
    if not _missing(municipality):
        code = row.get("gm_code")
        rows.append(("Gemeente", f"{municipality} ({code})" if not _missing(code) else str(municipality), ""))
        rows.append(("Regio", _text(row.get("region")), ""))
        if row.get("straddles_municipalities"):
            rows.append(("Ligt in meer gemeenten", "ja: " + texts.percentage(row.get("municipality_share"))
                         + f" in {municipality}", ""))
    else:
        rows.append(("Gemeente", "buiten de Limburgse gemeenten", ""))
    if geometry is not None and not shapely.is_missing(geometry):
        if shapely.get_dimensions(geometry) == 2:
            rows.append(("Oppervlakte locatie", f"{texts.dutch_number(shapely.area(geometry) / 10_000, 2)} ha", ""))
        centre = shapely.centroid(geometry) if shapely.get_dimensions(geometry) == 2 else geometry
        if shapely.get_type_id(centre) != 0:
            centre = shapely.centroid(centre)
        rows.append(("Ligging (RD, midden)", f"x {texts.dutch_number(shapely.get_x(centre))}, "
                                              f"y {texts.dutch_number(shapely.get_y(centre))}", ""))
    # "Outside every municipality" is said in the municipality row already.
    remarks = terms.remarks(row.get("remarks"), terms.SITE_REMARK, terms.NL,
                            leave_out=[terms.OUTSIDE_MUNICIPALITIES])
    if remarks:
        rows.append(("Opmerkingen", remarks, ""))
    return rows


def plan_rows(attributes: Dict, fields: PlanFields) -> List[Row]:
    """The plan as the applicant gave it; a missing figure shows as 'niet opgegeven'."""
    rows: List[Row] = []

    def add(label, field, formatter):
        if field is None or field not in attributes:
            return
        value = attributes.get(field)
        if _missing(value):
            shown = "niet opgegeven"
        else:
            try:
                shown = formatter(value)
            except (TypeError, ValueError):
                # Text in a number field: shown as given (the norm check calls it unknown).
                shown = f"'{value}' (geen getal)"
        rows.append((label, shown, ""))

    add("Geplande bedden", fields.beds, lambda v: texts.dutch_number(v))
    add("Slaapkamers", fields.bedrooms, lambda v: texts.dutch_number(v))
    add("Woonoppervlak", fields.living_area, lambda v: f"{texts.dutch_number(v, 1)} m²")
    add("Slaapkameroppervlak", fields.bedroom_area, _bedroom_area)
    add("Toiletten", fields.toilets, lambda v: texts.dutch_number(v))
    add("Douches", fields.showers, lambda v: texts.dutch_number(v))
    add("Verblijfsduur", fields.stay_category, lambda v: terms.term(terms.STAY_CATEGORY, v))
    add("Gebouw", fields.building_type, lambda v: terms.term(terms.BUILDING_TYPE, v))
    add("Woningtype", fields.housing_type, lambda v: terms.term(terms.HOUSING_TYPE, str(v).lower(), default=str(v)))
    return rows


def _bedroom_area(value) -> str:
    """A total ('383 m²') or the rooms as given ('9;9;12' → '9 + 9 + 12 m²')."""
    if isinstance(value, str) and ";" in value:
        return " + ".join(part.strip() for part in value.split(";") if part.strip()) + " m²"
    try:
        return f"{texts.dutch_number(float(value), 1)} m²"
    except (TypeError, ValueError):
        return str(value)


def assumptions_text(row: Dict, extra: Sequence[str] = ()) -> str:
    """The rules and parameters the page was made with, as one short paragraph."""
    parts = [
        f"Locatieklasse volgens de regels {_text(row.get('rules_version'))}: binnen bij minstens "
        f"{texts.percentage(row.get('min_inside_share'))} van de oppervlakte in bestaand bebouwd gebied; "
        f"rand tot {texts.metres(row.get('edge_distance_m'))} ervan (gestippelde lijn op de kaart).",
        "Afstanden en oppervlakten gemeten in RD New (EPSG:28992).",
    ]
    parts.extend(text for text in extra if text)
    return " ".join(parts)


def _text(value) -> str:
    return "–" if _missing(value) else str(value)


def norm_rows(result: Dict, rules: Sequence) -> List[Row]:
    """One row per rule of the norm check (floor first), then the overall verdict.

    ``result`` is a site's row of the norm check (``NormResult.frame``); ``rules`` the rules it
    checked (with ``id`` and ``description_nl``).
    """
    result = {key: None if _missing(value) else value for key, value in result.items()}
    reasons = {}
    for part in str(result.get("norms_reasons_nl") or "").split("; "):
        rule_id, _, text = part.partition(": ")
        if text:
            reasons[rule_id] = text
    all_rules = reasons.get("alle regels")
    rows: List[Row] = []
    for rule in rules:
        status = result.get(f"norm_{rule.id}")
        detail = reasons.get(rule.id) or (all_rules if status != PASS else "") or ""
        rows.append((rule.description_nl.rstrip("."), terms.term(terms.VERDICT, status, default="–"), _sentence(detail)))
    verdict = result.get("norms_verdict")
    max_beds = result.get("norms_max_beds")
    binding = result.get("norms_binding_rule")
    binding_text = next((rule.description_nl.rstrip(".").lower() for rule in rules if rule.id == binding), None)
    if _missing(max_beds):
        summary = "het grootste toegestane aantal bedden is niet te bepalen"
    else:
        summary = f"hoogstens {texts.dutch_number(max_beds)} bedden"
        if binding_text:
            summary += f" (bepalend: {binding_text})"
        if result.get("norms_max_beds_complete") is False:
            summary += "; niet alle regels konden worden getoetst"
    rows.append(("Oordeel", terms.term(terms.VERDICT, verdict, default="–"), _sentence(summary)))
    return rows


def _sentence(text: str) -> str:
    text = (text or "").strip()
    return text[:1].upper() + text[1:] if text else ""


def effect_rows(context: Dict) -> List[Row]:
    """Concentration and housing gap before → after the site's planned beds (the gap
    core's site context); empty when the site has no municipal context."""
    rows: List[Row] = []

    def change(before, after, decimals=0):
        return f"{texts.dutch_number(before, decimals)} → {texts.dutch_number(after, decimals)}"

    if _missing(context.get("ctx_gm_gap_before")) and _missing(context.get("ctx_beds_per_100_inh_before")):
        remark = context.get("ctx_remarks")
        if not _missing(remark):
            rows.append(("Effect", "niet te bepalen: " + terms.remarks(remark, terms.CONTEXT_REMARK), ""))
        return rows
    rows.append(("Scenario", scenario_title_nl(context.get("ctx_scenario")), ""))
    if not _missing(context.get("ctx_demand_basis")):
        rows.append(("Vraag berust op", str(context.get("ctx_demand_basis")), ""))
    rows.append(("Bedden arbeidsmigranten per 100 inwoners",
                 change(context.get("ctx_beds_per_100_inh_before"), context.get("ctx_beds_per_100_inh_after"), 1),
                 ""))
    rows.append(("Tekort gemeente (bedden)",
                 change(context.get("ctx_gm_gap_before"), context.get("ctx_gm_gap_after")), ""))
    if not _missing(context.get("ctx_gm_stay_gap_before")):
        rows.append(("Tekort gemeente, zelfde verblijfsduur",
                     change(context.get("ctx_gm_stay_gap_before"), context.get("ctx_gm_stay_gap_after")), ""))
    if not _missing(context.get("ctx_region_gap_before")):
        rows.append(("Tekort regio (bedden)",
                     change(context.get("ctx_region_gap_before"), context.get("ctx_region_gap_after")), ""))
    remark = context.get("ctx_remarks")
    if not _missing(remark):
        rows.append(("Opmerking", terms.remarks(remark, terms.CONTEXT_REMARK), ""))
    return rows


def scenario_title_nl(title) -> str:
    """'current (2022)' → 'huidige situatie (2022)'; '2030 high (2030)' → '2030 hoog'."""
    if _missing(title):
        return "–"
    return terms.scenario_title(title, terms.NL)


# Why a page has no norm check (the heading says so).
NORMS_NOT_ASKED, NORMS_NO_BEDS = "not asked", "no beds"
_NORMS_NOT_RUN_TITLES = {NORMS_NOT_ASKED: "Normtoets (niet uitgevoerd)",
                         NORMS_NO_BEDS: "Normtoets (niet uitgevoerd: geen aantal bedden)"}


def norms_title(norms: Optional[NormResult], not_run: Optional[str] = None) -> str:
    """'Normtoets: SNF-norm (...) + Provinciale ondergrens Limburg', or why it did not run."""
    if norms is None:
        return _NORMS_NOT_RUN_TITLES.get(not_run, "Normtoets")
    return "Normtoets: " + " + ".join(s.title_nl for s in reversed(norms.norm_sets))


def _norms_version(norms: Optional[NormResult]) -> Optional[str]:
    return " + ".join(s.label for s in norms.norm_sets) if norms is not None else None


def norm_sections(norms: Optional[NormResult]) -> Dict[object, List[Row]]:
    """The norms table of each site (by index of the sites)."""
    if norms is None:
        return {}
    rules = norms.rules
    return {index: norm_rows(row.to_dict(), rules) for index, row in norms.frame.iterrows()}


def effect_sections(context: Optional[ContextResult]) -> Dict[object, List[Row]]:
    """The effect table of each site (by index of the sites)."""
    if context is None:
        return {}
    return {index: effect_rows(row.to_dict()) for index, row in context.frame.iterrows()}


def versions(assessment: AssessmentResult) -> List[Tuple[str, Optional[str]]]:
    """The versions line after the rules: the norm sets and the demand model used."""
    parts = [("Normen", _norms_version(assessment.norms))]
    context = assessment.context
    if context is not None and not context.frame.empty:
        parts.append(("Model", context.frame["ctx_model_version"].iloc[0]))
    return parts


def extra_assumptions(assessment: AssessmentResult) -> List[str]:
    """The assumptions of the norm check and the effect, after the classification's."""
    parts = []
    version = _norms_version(assessment.norms)
    if version:
        parts.append(f"Normen {version}; ontbrekende gegevens geven 'onbekend', nooit 'voldoet'.")
    context = assessment.context
    if context is not None and not context.frame.empty:
        frame = context.frame
        parts.append(
            f"Effect in scenario {scenario_title_nl(frame['ctx_scenario'].iloc[0])}: "
            "alleen de bedden van deze locatie, volledig als aanbod; tekort = vraag − aanbod.")
        # What the demand rests on is in the effect table; its assumptions go here.
        value = frame["ctx_assumptions"].iloc[0] if "ctx_assumptions" in frame else None
        if isinstance(value, str) and value:
            parts.append(value)
    return parts
