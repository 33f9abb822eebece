"""The plugin's vocabulary: the codes the core emits and what they are called, in English
and Dutch, on the printed pages and in the outputs (the GUI translates through the .ts).

A code is what the core writes (a location class, a verdict, a stay category, a remark);
every text shown for it is looked up here, never made by rewriting another text. The texts
are in one glossary per language, ``resources/terms/en.json`` and ``nl.json``. A code
missing there is shown as it is, so a new code is visible at once and never half
translated (and ``tests/test_exports_texts.py`` checks that every code has both texts).
"""
import json
from typing import Dict, Iterable, List, Optional

from .resource_files import resource
from .rules import class_label, location_rules

EN, NL = "en", "nl"
LANGUAGES = (EN, NL)
Glossary = Dict[str, Dict[str, str]]

# Remark codes. The core writes these constants (it imports them from here), so a code is
# spelled in one place; its texts are in the glossaries.
# Remarks on a site (``classify_sites`` and the geometry preparation it uses). A remark is
# one code, or a code followed by its detail in brackets ("invalid geometry repaired (…)").
GEOMETRY_REPAIRED = "invalid geometry repaired"
NO_GEOMETRY = "no geometry"
NOTHING_LEFT_AFTER_REPAIR = "nothing usable left after repair"
OUTSIDE_MUNICIPALITIES = "outside every municipality"
SITE_REMARK_CODES = (GEOMETRY_REPAIRED, NO_GEOMETRY, NOTHING_LEFT_AFTER_REPAIR, OUTSIDE_MUNICIPALITIES)
# Remarks on a site's municipal context (``housing_gap.site_context``).
CONTEXT_OUTSIDE = "outside every municipality: no municipal context"
CONTEXT_NO_BEDS = "no planned beds: after equals before"
CONTEXT_NO_STAY = "no known stay category: the stay-category gap is left empty"
CONTEXT_NO_FIGURE = "the municipality has no labour-migrant figure: its gap is unknown"
CONTEXT_REMARK_CODES = (CONTEXT_OUTSIDE, CONTEXT_NO_BEDS, CONTEXT_NO_STAY, CONTEXT_NO_FIGURE)


def _glossaries() -> Dict[str, Glossary]:
    """Section -> code -> language -> text, from one glossary file per language
    (``resources/terms/<language>.json``)."""
    files = {language: json.loads(resource("terms", f"{language}.json").read_text(encoding="utf-8"))
             for language in LANGUAGES}
    sections: Dict[str, Glossary] = {}
    for language, document in files.items():
        for section, texts in document.items():
            if isinstance(texts, dict):
                for code, text in texts.items():
                    sections.setdefault(section, {}).setdefault(code, {})[language] = text
    return sections


_GLOSSARIES = _glossaries()
# Short names of the location classes (legends); the full names are in the rules file.
LOCATION_CLASS_SHORT = _GLOSSARIES["location_class_short"]
VERDICT = _GLOSSARIES["verdict"]
STAY_CATEGORY = _GLOSSARIES["stay_category"]
BUILDING_TYPE = _GLOSSARIES["building_type"]
# The housing type as the norm check reads it, in both languages' spellings.
HOUSING_TYPE = _GLOSSARIES["housing_type"]
ACCOMMODATION_STATUS = _GLOSSARIES["accommodation_status"]
# The housing gap's classes (``core.housing_gap``: a municipality's or region's gap).
GAP_CLASS = _GLOSSARIES["gap_class"]
# The scenarios by the name that opens their title ("2030 high (2030)").
SCENARIO = _GLOSSARIES["scenario"]
SITE_REMARK = _GLOSSARIES["site_remark"]
CONTEXT_REMARK = _GLOSSARIES["context_remark"]
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
