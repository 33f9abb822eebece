"""The plugin's vocabulary: the codes the core emits and what they are called, in English
and Dutch, on the printed pages and in the outputs (the GUI translates through the .ts).

A code is what the core writes (a location class, a verdict, a stay category, a remark);
every text shown for it is looked up here, never made by rewriting another text. A code
missing here is shown as it is, so a new code is visible at once and never half translated.
"""
from typing import Dict, Iterable, List, Optional

from .rules import class_label, location_rules

EN, NL = "en", "nl"
Glossary = Dict[str, Dict[str, str]]

# Short names of the location classes (legends); the full names are in the rules file.
LOCATION_CLASS_SHORT: Glossary = {
    "inside": {EN: "inside", NL: "binnen"},
    "edge": {EN: "edge", NL: "rand"},
    "outside": {EN: "outside", NL: "buiten"},
}
VERDICT: Glossary = {
    "pass": {EN: "pass", NL: "voldoet"},
    "fail": {EN: "fail", NL: "voldoet niet"},
    "unknown": {EN: "unknown", NL: "onbekend"},
}
STAY_CATEGORY: Glossary = {
    "short": {EN: "short stay", NL: "kort verblijf"},
    "mid": {EN: "mid stay", NL: "middellang verblijf"},
    "long": {EN: "long stay", NL: "lang verblijf"},
}
BUILDING_TYPE: Glossary = {
    "permanent": {EN: "permanent building", NL: "permanent gebouw"},
    "temporary": {EN: "temporary building", NL: "tijdelijk gebouw"},
}
# The housing type as the norm check reads it, in both languages' spellings.
HOUSING_TYPE: Glossary = {
    "lodging": {EN: "lodging", NL: "logies"},
    "dwelling": {EN: "regular dwelling", NL: "reguliere woning"},
    "logies": {EN: "lodging", NL: "logies"},
    "woning": {EN: "regular dwelling", NL: "reguliere woning"},
}
ACCOMMODATION_STATUS: Glossary = {
    "existing": {EN: "existing", NL: "bestaand"},
    "permitted": {EN: "permitted", NL: "vergund"},
    "planned": {EN: "planned", NL: "gepland"},
}
# The housing gap's classes (``core.housing_gap``: a municipality's or region's gap).
GAP_CLASS: Glossary = {
    "shortage": {EN: "shortage", NL: "tekort"},
    "balanced": {EN: "balanced", NL: "in evenwicht"},
    "surplus": {EN: "surplus", NL: "overschot"},
}
# The scenarios by the name that opens their title ("2030 high (2030)").
SCENARIO: Glossary = {
    "current": {EN: "current", NL: "huidige situatie"},
    "2030 low": {EN: "2030 low", NL: "2030 laag"},
    "2030 high": {EN: "2030 high", NL: "2030 hoog"},
    "user-defined": {EN: "user-defined", NL: "eigen scenario"},
}

# Remark codes. The core writes these constants (it imports them from here), so a code and
# its texts are defined in one place and a changed word cannot miss its translation.
# Remarks on a site (``classify_sites`` and the geometry preparation it uses). A remark is
# one code, or a code followed by its detail in brackets ("invalid geometry repaired (…)").
GEOMETRY_REPAIRED = "invalid geometry repaired"
NO_GEOMETRY = "no geometry"
NOTHING_LEFT_AFTER_REPAIR = "nothing usable left after repair"
OUTSIDE_MUNICIPALITIES = "outside every municipality"
SITE_REMARK: Glossary = {
    GEOMETRY_REPAIRED: {EN: GEOMETRY_REPAIRED, NL: "geometrie hersteld"},
    NO_GEOMETRY: {EN: NO_GEOMETRY, NL: "geen geometrie"},
    OUTSIDE_MUNICIPALITIES: {EN: OUTSIDE_MUNICIPALITIES, NL: "buiten alle gemeenten"},
    NOTHING_LEFT_AFTER_REPAIR: {EN: NOTHING_LEFT_AFTER_REPAIR, NL: "na herstel niets bruikbaars over"},
}
# Remarks on a site's municipal context (``housing_gap.site_context``).
CONTEXT_OUTSIDE = "outside every municipality: no municipal context"
CONTEXT_NO_BEDS = "no planned beds: after equals before"
CONTEXT_NO_STAY = "no known stay category: the stay-category gap is left empty"
CONTEXT_NO_FIGURE = "the municipality has no labour-migrant figure: its gap is unknown"
CONTEXT_REMARK: Glossary = {
    CONTEXT_OUTSIDE: {EN: CONTEXT_OUTSIDE, NL: "buiten alle gemeenten: geen gemeentelijk effect"},
    CONTEXT_NO_BEDS: {EN: CONTEXT_NO_BEDS, NL: "geen geplande bedden: na is gelijk aan voor"},
    CONTEXT_NO_STAY: {EN: CONTEXT_NO_STAY,
                      NL: "verblijfsduur onbekend: tekort per verblijfsduur niet bepaald"},
    CONTEXT_NO_FIGURE: {EN: CONTEXT_NO_FIGURE,
                        NL: "de gemeente heeft geen cijfer arbeidsmigranten: het tekort is onbekend"},
}
SEPARATOR = "; "


def term(glossary: Glossary, code, language: str = NL, default: Optional[str] = None) -> Optional[str]:
    """The text of ``code`` in ``language``; ``default`` (else the code) when it has none."""
    texts = glossary.get(str(code)) if code is not None else None
    if texts and language in texts:
        return texts[language]
    return default if default is not None else (None if code is None else str(code))


def location_class(code: Optional[str], language: str = NL) -> Optional[str]:
    """'binnen bestaand bebouwd gebied': the class's name in the rules file."""
    return class_label(location_rules(), code, language)


def location_classes(codes: Iterable[Optional[str]], language: str = NL) -> List[Optional[str]]:
    """The names of many classes (the rules file read once)."""
    rules = location_rules()
    return [class_label(rules, code, language) for code in codes]


def remark(part: str, glossary: Glossary, language: str = NL) -> str:
    """One remark: a code, or a code with its detail in brackets."""
    if part in glossary:
        return term(glossary, part, language)
    code, bracket, detail = part.partition(" (")
    if bracket and code in glossary:
        return f"{term(glossary, code, language)} ({detail}"
    return part


def remarks(text: Optional[str], glossary: Glossary, language: str = NL,
            leave_out: Iterable[str] = ()) -> str:
    """Remarks joined by '; ' as the core writes them, each in ``language``."""
    left_out = set(leave_out)
    parts = [part for part in str(text or "").split(SEPARATOR) if part and part not in left_out]
    return SEPARATOR.join(remark(part, glossary, language) for part in parts)


def scenario_title(title, language: str = NL) -> Optional[str]:
    """'current (2022)' → 'huidige situatie (2022)'; '2030 high (2030)' → '2030 hoog'
    (the year of a 2030 scenario is in its name already)."""
    if title is None:
        return None
    title = str(title)
    for code in sorted(SCENARIO, key=len, reverse=True):
        if title.startswith(code):
            name = term(SCENARIO, code, language)
            rest = title[len(code):].strip()
            if name.startswith("2030") and rest == "(2030)":
                rest = ""
            return f"{name} {rest}".strip()
    return title
