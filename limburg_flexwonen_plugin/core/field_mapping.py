"""Which field of a user's layer holds what: one table of the names the plugin recognises.

Every logical field the plugin reads (a municipality's code, its name, the inhabitants, a
kern's name, ...) has a list of the usual names: the plugin's own, then those of CBS and
PDOK layers as they come (``statcode``, ``statnaam``, ``aantal_inwoners``,
``aantalInwoners``, ...) and common Dutch ones. Names are compared case-insensitively, so
``GM_CODE`` is ``gm_code``. A field the user chose explicitly always wins and must exist.

Required fields that cannot be found are collected over all layers of a run and refused in
one ``MissingFieldsError`` that names every missing field, per layer, with the chooser or
parameter where to set it. Optional label fields (kern name, municipality name, region)
never block: the output then uses the code or the feature id, and ``notes`` says so once.
"""
import math
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from .errors import InputError
from .texts import QT_TRANSLATE_NOOP



@dataclass(frozen=True)
class LogicalField:
    key: str
    label: str                    # English, marked for translation
    names: Tuple[str, ...]        # the usual names, most specific first; empty: only a chosen one
    fallback: Optional[str] = None  # what an optional field's absence means (English, marked)


_CODE_NAMES = ("gm_code", "statcode", "gemeentecode", "gemeente_code", "gmcode", "gm_cbs_code")
_USES_CODE = QT_TRANSLATE_NOOP("FieldMapping", "the output shows the municipality code instead")

FIELDS: Dict[str, LogicalField] = {f.key: f for f in (
    LogicalField("municipality_code", QT_TRANSLATE_NOOP("FieldMapping", "municipality code"), _CODE_NAMES),
    LogicalField("municipality_name", QT_TRANSLATE_NOOP("FieldMapping", "municipality name"),
                 ("gm_name", "statnaam", "gemeentenaam", "gemeente_naam", "gm_naam", "naam", "name"),
                 _USES_CODE),
    LogicalField("region", QT_TRANSLATE_NOOP("FieldMapping", "region"),
                 ("region", "regio", "regionaam", "regio_naam", "corop_naam", "coropnaam",
                  "corop_name", "corop"),
                 QT_TRANSLATE_NOOP("FieldMapping", "no region rows are made")),
    LogicalField("inhabitants", QT_TRANSLATE_NOOP("FieldMapping", "inhabitants"),
                 ("inhabitants", "aantal_inwoners", "aantalinwoners", "inwoners", "bevolking",
                  "population")),
    LogicalField("kern_name", QT_TRANSLATE_NOOP("FieldMapping", "kern name"),
                 ("kern_name", "kern_naam", "kernnaam", "naam", "woonplaats", "woonplaatsnaam",
                  "name"),
                 QT_TRANSLATE_NOOP("FieldMapping", "the nearest kern is given by its feature id")),
    LogicalField("migrants_code", QT_TRANSLATE_NOOP("FieldMapping", "municipality code"), _CODE_NAMES),
    LogicalField("migrants_year", QT_TRANSLATE_NOOP("FieldMapping", "year"),
                 ("year", "jaar", "peiljaar"),
                 QT_TRANSLATE_NOOP("FieldMapping", "the figures are taken as one year")),
    LogicalField("migrants_count", QT_TRANSLATE_NOOP("FieldMapping", "number of labour migrants"),
                 ("labour_migrants", "arbeidsmigranten", "aantal_arbeidsmigranten", "aantal",
                  "count")),
    LogicalField("accommodation_name", QT_TRANSLATE_NOOP("FieldMapping", "accommodation name"),
                 ("name", "naam")),
    LogicalField("status", QT_TRANSLATE_NOOP("FieldMapping", "status"), ("status", "planstatus")),
    LogicalField("accommodation_stay", QT_TRANSLATE_NOOP("FieldMapping", "stay category"),
                 ("stay_category", "verblijfsduur", "verblijfscategorie", "verblijf")),
    LogicalField("beds", QT_TRANSLATE_NOOP("FieldMapping", "beds"),
                 ("beds", "bedden", "aantal_bedden")),
    # Assigning accommodations by code instead of by location is a choice, never a guess.
    LogicalField("accommodation_code", QT_TRANSLATE_NOOP("FieldMapping", "municipality code"), ()),
    # Processing's site id is the feature id unless chosen; the panel proposes these.
    LogicalField("site_id", QT_TRANSLATE_NOOP("FieldMapping", "site id"), ("site_id", "locatie_id")),
    LogicalField("site_name", QT_TRANSLATE_NOOP("FieldMapping", "site name"),
                 ("name", "naam", "site_name", "locatienaam", "locatie_naam")),
    LogicalField("planned_beds", QT_TRANSLATE_NOOP("FieldMapping", "planned beds"),
                 ("planned_beds", "beds", "geplande_bedden", "bedden", "aantal_bedden")),
    LogicalField("site_stay", QT_TRANSLATE_NOOP("FieldMapping", "stay category"),
                 ("stay_category", "verblijfsduur", "verblijfscategorie", "verblijf")),
    LogicalField("building_type", QT_TRANSLATE_NOOP("FieldMapping", "building type"),
                 ("building_type", "bouwtype", "gebouwtype")),
    LogicalField("bedrooms", QT_TRANSLATE_NOOP("FieldMapping", "bedrooms"),
                 ("bedrooms", "slaapkamers", "aantal_slaapkamers")),
    LogicalField("living_area", QT_TRANSLATE_NOOP("FieldMapping", "living area"),
                 ("living_area_m2", "woonoppervlak", "woonoppervlak_m2", "woonoppervlakte")),
    LogicalField("bedroom_area", QT_TRANSLATE_NOOP("FieldMapping", "bedroom area"),
                 ("bedroom_area_m2", "slaapkameroppervlak", "slaapkameroppervlak_m2")),
    LogicalField("toilets", QT_TRANSLATE_NOOP("FieldMapping", "toilets"), ("toilets", "toiletten")),
    LogicalField("showers", QT_TRANSLATE_NOOP("FieldMapping", "showers"), ("showers", "douches")),
    LogicalField("housing_type", QT_TRANSLATE_NOOP("FieldMapping", "housing type"),
                 ("housing_type", "woonvorm", "huisvestingsvorm")),
    LogicalField("stay_accommodation", QT_TRANSLATE_NOOP("FieldMapping", "accommodation id"),
                 ("acc_id", "accommodation_id", "accommodatie_id", "locatie_id")),
    LogicalField("resident", QT_TRANSLATE_NOOP("FieldMapping", "resident id"),
                 ("resident_id", "bewoner_id", "persoon_id")),
    LogicalField("start_date", QT_TRANSLATE_NOOP("FieldMapping", "start date"),
                 ("start_date", "startdatum", "begindatum", "datum_start")),
    LogicalField("end_date", QT_TRANSLATE_NOOP("FieldMapping", "end date"),
                 ("end_date", "einddatum", "datum_einde")),
    LogicalField("contract_end", QT_TRANSLATE_NOOP("FieldMapping", "contract end"),
                 ("contract_end", "einde_contract", "einddatum_contract")),
    LogicalField("employment_end", QT_TRANSLATE_NOOP("FieldMapping", "employment end"),
                 ("employment_end", "einde_dienstverband", "einddatum_dienstverband")),
    LogicalField("contract_type", QT_TRANSLATE_NOOP("FieldMapping", "contract type"),
                 ("contract_type", "contracttype", "soort_contract", "type_contract"),
                 QT_TRANSLATE_NOOP("FieldMapping", "every contract is taken to be temporary")),
    LogicalField("transition_clause", QT_TRANSLATE_NOOP("FieldMapping", "transition clause"),
                 ("transition_clause", "overgangsclausule", "overgangstermijn"),
                 QT_TRANSLATE_NOOP("FieldMapping", "the dates decide the transition period")),
    LogicalField("demand_code", QT_TRANSLATE_NOOP("FieldMapping", "municipality code"), _CODE_NAMES),
    LogicalField("demand_beds", QT_TRANSLATE_NOOP("FieldMapping", "demand in beds"),
                 ("demand_beds", "vraag_bedden", "behoefte_bedden")),
    LogicalField("demand_dwellings", QT_TRANSLATE_NOOP("FieldMapping", "demand in dwellings"),
                 ("demand_dwellings", "vraag_woningen", "behoefte_woningen")),
    LogicalField("demand_short", QT_TRANSLATE_NOOP("FieldMapping", "short-stay beds"),
                 ("demand_short", "vraag_kort", "bedden_kort")),
    LogicalField("demand_mid", QT_TRANSLATE_NOOP("FieldMapping", "mid-stay beds"),
                 ("demand_mid", "vraag_middellang", "bedden_middellang")),
    LogicalField("demand_long", QT_TRANSLATE_NOOP("FieldMapping", "long-stay beds"),
                 ("demand_long", "vraag_lang", "bedden_lang")),
    LogicalField("accommodation_end", QT_TRANSLATE_NOOP("FieldMapping", "end date"),
                 ("permit_end", "end_date", "einddatum_vergunning", "vergunning_tot", "einddatum"),
                 QT_TRANSLATE_NOOP("FieldMapping", "the beds count in every year")),
    LogicalField("accommodation_from_year", QT_TRANSLATE_NOOP("FieldMapping", "first year"),
                 ("planned_year", "from_year", "jaar_gereed", "startjaar", "opleverjaar"),
                 QT_TRANSLATE_NOOP("FieldMapping", "the beds count from the start")),
)}


def normalise_code(value) -> Optional[str]:
    """A CBS municipality code as 'GM0983', from ``GM0983``, ``gm983``, ``0983``, ``983``
    or 983: trims, upper-cases and completes numbers, so that a table exported with
    numeric codes still joins a PDOK layer's ``statcode``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        value = int(value)
    text = str(value).strip().upper()
    if not text:
        return None
    if text.isdigit():
        return f"GM{int(text):04d}"
    if text.startswith("GM") and text[2:].isdigit():
        return f"GM{int(text[2:]):04d}"
    return text


def table_codes(frame, code_field: str, fields, layer: str) -> List[str]:
    """The normalised municipality code of every row of a table; refuses an empty table,
    a missing field of ``fields`` and a row without a code, naming layer, feature, field."""
    if frame is None or len(frame) == 0:
        raise InputError("the table has no rows", layer=layer)
    for name in fields:
        if name and name not in frame.columns:
            raise InputError("field not found", layer=layer, field=name)
    codes = [normalise_code(value) for value in frame[code_field].values]
    for feature, code in zip(frame.index, codes):
        if code is None:
            raise InputError("no municipality code", layer=layer, feature=feature, field=code_field)
    return codes


def detect(columns: Iterable[str], key: str) -> Optional[str]:
    """The layer's field for ``key`` among its usual names (case-insensitive), or None."""
    by_lower: Dict[str, str] = {}
    for column in columns:
        by_lower.setdefault(str(column).lower(), str(column))
    for name in FIELDS[key].names:
        if name.lower() in by_lower:
            return by_lower[name.lower()]
    return None


def matching(columns: Iterable[str], chosen: str) -> Optional[str]:
    """The layer's own spelling of a chosen field name (exact first, then ignoring case)."""
    columns = [str(column) for column in columns]
    if chosen in columns:
        return chosen
    return next((column for column in columns if column.lower() == chosen.lower()), None)


@dataclass(frozen=True)
class Request:
    """One field to resolve: ``chosen`` is the user's explicit choice (None: detect);
    ``where`` names the chooser or parameter to set it in, in the user's language."""
    key: str
    chosen: Optional[str] = None
    required: bool = True
    where: str = ""


@dataclass(frozen=True)
class Missing:
    key: str
    chosen: Optional[str]         # the explicit name that does not exist, or None
    where: str

    @property
    def label(self) -> str:
        return FIELDS[self.key].label

    @property
    def tried(self) -> Tuple[str, ...]:
        return FIELDS[self.key].names


class MissingFieldsError(InputError):
    """Every required field that is missing, per layer, in one message."""

    def __init__(self, missing: Sequence[Tuple[str, Sequence[Missing]]]):
        self.missing = [(layer, list(items)) for layer, items in missing]
        super().__init__(missing_text(self.missing))
        self.detail = "required fields not found"


def missing_text(missing, words: Optional[Dict[str, str]] = None,
                 label_text=lambda text: text) -> str:
    """The message of a ``MissingFieldsError``; ``words`` and ``label_text`` put it in
    another language (the keys of ``MISSING_WORDS``)."""
    words = words or MISSING_WORDS
    parts = []
    for layer, items in missing:
        texts = []
        for item in items:
            if item.chosen:
                what = words["chosen"].format(label_text(item.label), item.chosen)
            else:
                what = words["tried"].format(label_text(item.label), ", ".join(item.tried)) \
                    if item.tried else label_text(item.label)
            if item.where:
                what += " " + words["where"].format(item.where)
            texts.append(what)
        parts.append(words["layer"].format(layer, "; ".join(texts)))
    return words["heading"] + " " + " ".join(parts)


MISSING_WORDS = {
    "heading": "Required fields not found.",
    "layer": "Layer '{0}': {1}.",
    "chosen": "{0} (the chosen field '{1}' does not exist)",
    "tried": "{0} (none of {1})",
    "where": "— choose it in '{0}'",
}


@dataclass
class FieldResolution:
    """Resolves the fields of one run's layers and collects what is missing."""
    chosen: Dict[Tuple[str, str], Optional[str]] = field(default_factory=dict)
    detected: Dict[Tuple[str, str], bool] = field(default_factory=dict)
    missing: List[Tuple[str, List[Missing]]] = field(default_factory=list)
    notes: List[Tuple[str, str]] = field(default_factory=list)   # (layer, key) of absent labels

    def resolve(self, layer: str, columns: Iterable[str],
                requests: Sequence[Request]) -> Dict[str, Optional[str]]:
        """key -> the layer's field (None for an optional field that is absent)."""
        return dict(zip((request.key for request in requests),
                        self.resolve_each(layer, columns, requests)))

    def resolve_each(self, layer: str, columns: Iterable[str],
                     requests: Sequence[Request]) -> List[Optional[str]]:
        """The layer's field for each request, in order (a key may be asked twice)."""
        columns = [str(column) for column in columns]
        names: List[Optional[str]] = []
        missing: List[Missing] = []
        for request in requests:
            if request.chosen:
                name = matching(columns, request.chosen)
                if name is None:
                    missing.append(Missing(request.key, request.chosen, request.where))
            else:
                name = detect(columns, request.key)
                self.detected[(layer, request.key)] = name is not None
                if name is None and request.required:
                    missing.append(Missing(request.key, None, request.where))
                elif name is None and FIELDS[request.key].fallback:
                    self.notes.append((layer, request.key))
            names.append(name)
            if name is not None or (layer, request.key) not in self.chosen:
                self.chosen[(layer, request.key)] = name
        if missing:
            self.missing.append((layer, missing))
        return names

    def check(self) -> None:
        """Raises one ``MissingFieldsError`` for all layers resolved so far."""
        if self.missing:
            raise MissingFieldsError(self.missing)

    def summary(self, layer: str) -> str:
        """'municipality code = statcode (found), region: -' for the log."""
        parts = []
        for (name, key), value in self.chosen.items():
            if name != layer:
                continue
            found = " (found)" if self.detected.get((name, key)) else ""
            parts.append(f"{FIELDS[key].label} = {value}{found}" if value else f"{FIELDS[key].label}: -")
        return ", ".join(parts)


def note_text(key: str) -> str:
    """Why an absent optional field does not matter (English)."""
    return FIELDS[key].fallback or ""


@dataclass(frozen=True)
class MunicipalityFields:
    """The fields of a municipalities layer, as every analysis reads them: the
    classification uses code, name and region, the municipal picture also inhabitants."""
    code: str = "gm_code"
    name: Optional[str] = "gm_name"      # None: the code names the municipality
    region: Optional[str] = "region"     # None: no region (no region rows)
    inhabitants: Optional[str] = "inhabitants"
