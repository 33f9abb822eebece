"""Norm sets as data: the JSON files in ``resources/norms`` and in a user folder.

A norm set is one JSON file named ``<name>.json``: versioned, dated and sourced,
with a list of rules. Each rule constrains one quantity of a plan (living area per
person, persons per bedroom, ...) with a threshold and names its source. The files
are checked here, so that a mistake in a user's own file gives a message naming the
file and the problem rather than a traceback. See ``docs/norm_sets.md``.
"""
import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from .resource_files import resource
from .errors import InputError

FORMAT = "flexwonen-norm-set/1"
FLOOR_SET = "limburg_floor"
DEFAULT_SET = "snf"
# Built-in sets first, in this order (the Processing enum keeps stable positions).
BUILT_IN_ORDER = ("limburg_floor", "snf", "akf_2024", "akf_2026")
HOUSING_TYPES = ("lodging", "dwelling")


@dataclass(frozen=True)
class Quantity:
    """A quantity a rule can constrain, what it is computed from and its direction."""
    name: str
    comparison: str          # "at_least" (area per person) or "at_most" (persons per ...)
    plan_input: str          # the plan value divided by (or multiplied with) the beds
    unit: str
    label_en: str
    label_nl: str


QUANTITIES: Dict[str, Quantity] = {q.name: q for q in (
    Quantity("living_area_per_person", "at_least", "living_area_m2", "m²",
             "living area per person", "woonoppervlak per persoon"),
    Quantity("bedroom_area_per_person", "at_least", "bedroom_area_m2", "m²",
             "bedroom area per person", "slaapkameroppervlak per persoon"),
    Quantity("persons_per_bedroom", "at_most", "bedrooms", "",
             "persons per bedroom", "personen per slaapkamer"),
    Quantity("persons_per_toilet", "at_most", "toilets", "",
             "persons per toilet", "personen per toilet"),
    Quantity("persons_per_shower", "at_most", "showers", "",
             "persons per shower", "personen per douche"),
)}

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_SOURCE_KEYS = ("publisher", "title", "year")
# A norm set in force has dates; a policy intent (announced, not yet laid down in a
# regulation) has none of its own and is marked as such wherever it is named.
IN_FORCE, POLICY_INTENT = "in_force", "policy_intent"
STATUSES = (IN_FORCE, POLICY_INTENT)
UNVERIFIED = "niet geverifieerd"


def citation_checkable(source) -> bool:
    """True when a reader can find the cited text: publisher, title, the document's
    version or date, the section or page, and where it is published (url), and the
    source is not marked unverified. Anything less is shown as "niet geverifieerd"."""
    if not isinstance(source, dict):
        return False
    if str(source.get("verification", "")).strip().lower() == UNVERIFIED:
        return False
    has = lambda key: bool(str(source.get(key) or "").strip())  # noqa: E731
    return (has("publisher") and has("title") and (has("version") or has("date"))
            and (has("section") or has("page")) and has("url"))


@dataclass(frozen=True)
class NormRule:
    id: str
    quantity: str
    comparison: str
    # One threshold, or one per housing type ("lodging", "dwelling").
    threshold: Union[float, Dict[str, float]]
    description_en: str
    description_nl: str
    source: Dict[str, object]
    set_name: str

    @property
    def spec(self) -> Quantity:
        return QUANTITIES[self.quantity]

    def thresholds(self) -> Dict[Optional[str], float]:
        """Threshold per housing type; the key None holds the one for every type."""
        if isinstance(self.threshold, dict):
            return dict(self.threshold)
        return {None: float(self.threshold)}

    def strict_and_lenient(self, housing_type: Optional[str]) -> Tuple[float, float]:
        """The threshold for the housing type; for an unknown type the strictest and
        the most lenient of the type-specific thresholds."""
        values = self.thresholds()
        if None in values:
            return values[None], values[None]
        if housing_type in values:
            return values[housing_type], values[housing_type]
        ordered = sorted(values.values())
        if self.comparison == "at_least":
            return ordered[-1], ordered[0]
        return ordered[0], ordered[-1]

    def source_text(self) -> str:
        return format_source(self.source)


@dataclass(frozen=True)
class NormSet:
    name: str
    version: str
    title_en: str
    title_nl: str
    valid_from: Optional[datetime.date]
    valid_until: Optional[datetime.date]
    source: Dict[str, object]
    rules: Tuple[NormRule, ...]
    path: Path
    notes: str = ""
    user_defined: bool = False
    status: str = IN_FORCE

    @property
    def replaces_built_in(self) -> bool:
        return self.user_defined and self.name in BUILT_IN_ORDER

    @property
    def label(self) -> str:
        """Name and version as every output records them; an own file that replaces a
        built-in set says so, so no reader takes it for the published set."""
        text = f"{self.name} {self.version}"
        if self.replaces_built_in:
            text += " (own file replacing the built-in set)"
        return text

    def valid_on(self, day: datetime.date) -> bool:
        if self.valid_from is None:   # a policy intent has no dates of its own
            return True
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def validity_text(self) -> str:
        if self.valid_from is None:
            return "policy intent, not yet laid down in a regulation"
        until = self.valid_until.isoformat() if self.valid_until else "…"
        return f"{self.valid_from.isoformat()} – {until}"


def format_source(source: Dict[str, object]) -> str:
    text = f"{source['publisher']}, {source['title']} ({source['year']})"
    for key in ("version", "date", "section", "page"):
        if source.get(key):
            text += f", {source[key]}"
    if not citation_checkable(source):
        text += f" [{UNVERIFIED}]"
    return text


# ------------------------------------------------------------------ finding the files
def built_in_folder() -> Path:
    return resource("norms")


def norm_set_files(user_folder: Optional[Path] = None) -> Dict[str, Path]:
    """Every norm set file by name (the file name without ``.json``): the built-in
    sets, then the user's; a user file with a built-in name replaces the built-in."""
    files: Dict[str, Path] = {}
    for folder in (built_in_folder(), Path(user_folder) if user_folder else None):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json"), key=lambda p: p.name.lower()):
            files[path.stem] = path
    return files


def available_norm_sets(user_folder: Optional[Path] = None) -> List[str]:
    """Names of the norm sets to choose from: built-in ones in a fixed order, then the
    user's own sorted by name. Files are not read here (a malformed file is reported
    when it is chosen)."""
    names = list(norm_set_files(user_folder))
    built_in = [name for name in BUILT_IN_ORDER if name in names]
    return built_in + sorted(name for name in names if name not in BUILT_IN_ORDER)


def load_norm_set(name_or_path: Union[str, Path, NormSet],
                  user_folder: Optional[Path] = None) -> NormSet:
    """A norm set by name (built-in or in the user folder) or by the path of a JSON file."""
    if isinstance(name_or_path, NormSet):
        return name_or_path
    text = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or text.lower().endswith(".json") \
        or "/" in text or "\\" in text
    if looks_like_path:
        path = Path(text)
        user_defined = True
    else:
        files = norm_set_files(user_folder)
        if text not in files:
            raise InputError(f"norm set '{text}' not found; available: "
                             f"{', '.join(available_norm_sets(user_folder))}")
        path = files[text]
        user_defined = path.parent.resolve() != built_in_folder().resolve()
    return parse_norm_set(path, user_defined=user_defined)


def parse_norm_set(path: Path, user_defined: bool = True) -> NormSet:
    """Reads and checks one norm set file; every problem names the file."""
    path = Path(path)
    problem = _Problems(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise problem("the file does not exist") from None
    except UnicodeDecodeError:
        raise problem("the file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise problem(f"not valid JSON: {error.msg} at line {error.lineno}, "
                      f"column {error.colno}") from None
    if not isinstance(data, dict):
        raise problem("the file must hold one JSON object ({...})")
    if "format" in data and data["format"] != FORMAT:
        raise problem(f"'format' is '{data['format']}', expected '{FORMAT}'")
    name = _text(data, "name", problem)
    if not _NAME.match(name):
        raise problem(f"'name' '{name}' must be lower-case letters, digits and _ "
                      "(starting with a letter)")
    if name != path.stem:
        raise problem(f"'name' is '{name}' but the file is called '{path.name}'; "
                      f"name the file '{name}.json' or change 'name'")
    version = _text(data, "version", problem, allow_number=True)
    status = data.get("status", IN_FORCE)
    if status not in STATUSES:
        raise problem(f"'status' is '{status}'; use {' or '.join(STATUSES)}")
    valid_from = _date(data, "valid_from", problem, required=status == IN_FORCE)
    if valid_from is None and data.get("valid_until") is not None:
        raise problem("'valid_until' needs a 'valid_from'")
    valid_until = _date(data, "valid_until", problem, required=False)
    if valid_until is not None and valid_from is not None and valid_until < valid_from:
        raise problem("'valid_until' is before 'valid_from'")
    source = _source(data.get("source"), problem, "'source'")
    rules_data = data.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise problem("'rules' must be a non-empty list of rules")
    rules = []
    seen = set()
    for number, rule_data in enumerate(rules_data, start=1):
        rule = _rule(rule_data, number, name, problem)
        if rule.id in seen:
            raise problem(f"rule id '{rule.id}' appears more than once")
        seen.add(rule.id)
        rules.append(rule)
    return NormSet(name=name, version=version,
                   title_en=_text(data, "title_en", problem),
                   title_nl=_text(data, "title_nl", problem),
                   valid_from=valid_from, valid_until=valid_until, source=source,
                   rules=tuple(rules), path=path, notes=str(data.get("notes", "")),
                   user_defined=user_defined, status=status)


def with_floor(norm_set: NormSet, floor: Optional[NormSet] = None,
               user_folder: Optional[Path] = None) -> Tuple[NormSet, ...]:
    """The provincial floor plus the chosen set (the floor alone when it is chosen).

    Rule ids must be unique over both, since they become output field names.
    """
    floor = floor or load_norm_set(FLOOR_SET, user_folder)
    if norm_set.name == floor.name:
        return (floor,)
    floor_ids = {rule.id for rule in floor.rules}
    clash = [rule.id for rule in norm_set.rules if rule.id in floor_ids]
    if clash:
        raise InputError(f"norm set file {norm_set.path.name}: rule id '{clash[0]}' is also "
                         f"a rule of the provincial floor ({floor.path.name}); give it another id")
    return floor, norm_set


def resolve_norm_sets(chosen: Union[str, Path, NormSet],
                      user_folder: Optional[Path] = None) -> Tuple[NormSet, ...]:
    """The chosen set (a name, a file or a set) with the provincial floor on top, as
    every check uses them (``with_floor``)."""
    return with_floor(load_norm_set(chosen, user_folder), None, user_folder)


def combined_rules(norm_sets: Sequence[NormSet]) -> List[NormRule]:
    return [rule for norm_set in norm_sets for rule in norm_set.rules]


# --------------------------------------------------------------------------- checking
class _Problems:
    def __init__(self, path: Path):
        self.path = path

    def __call__(self, message: str) -> InputError:
        return InputError(f"norm set file {self.path.name} ({self.path}): {message}")


def _text(data: dict, key: str, problem, where: str = "", allow_number: bool = False) -> str:
    value = data.get(key)
    if allow_number and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise problem(f"{where}'{key}' is missing or not a text")
    return value.strip()


def _date(data: dict, key: str, problem, required: bool) -> Optional[datetime.date]:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise problem(f"'{key}' must be a date written as YYYY-MM-DD"
                      + ("" if required else " or null"))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise problem(f"'{key}' '{value}' is not a date written as YYYY-MM-DD") from None


def _source(value, problem, where: str) -> Dict[str, object]:
    if not isinstance(value, dict):
        raise problem(f"{where} must be an object with publisher, title and year")
    for key in _SOURCE_KEYS:
        item = value.get(key)
        if key == "year":
            if not isinstance(item, int) or isinstance(item, bool) or not 1900 <= item <= 2100:
                raise problem(f"{where}: 'year' must be a year such as 2024")
        elif not isinstance(item, str) or not item.strip():
            raise problem(f"{where}: '{key}' is missing or not a text")
    return dict(value)


def _rule(data, number: int, set_name: str, problem) -> NormRule:
    where = f"rule {number}: "
    if not isinstance(data, dict):
        raise problem(f"{where}must be an object")
    rule_id = _text(data, "id", problem, where)
    where = f"rule '{rule_id}': "
    if not _NAME.match(rule_id):
        raise problem(f"{where}the id must be lower-case letters, digits and _ "
                      "(starting with a letter, at most 40 characters)")
    quantity = data.get("quantity")
    if quantity not in QUANTITIES:
        raise problem(f"{where}unknown quantity '{quantity}'; known: {', '.join(QUANTITIES)}")
    comparison = data.get("comparison", QUANTITIES[quantity].comparison)
    if comparison != QUANTITIES[quantity].comparison:
        raise problem(f"{where}'{quantity}' can only be compared '"
                      f"{QUANTITIES[quantity].comparison}', not '{comparison}'")
    threshold = data.get("threshold")
    if isinstance(threshold, dict):
        if not threshold or set(threshold) - set(HOUSING_TYPES):
            raise problem(f"{where}a threshold per housing type needs keys from "
                          f"{', '.join(HOUSING_TYPES)}")
        parsed = {key: _threshold(value, problem, where) for key, value in threshold.items()}
    else:
        parsed = _threshold(threshold, problem, where)
    return NormRule(id=rule_id, quantity=quantity, comparison=comparison, threshold=parsed,
                    description_en=_text(data, "description_en", problem, where),
                    description_nl=_text(data, "description_nl", problem, where),
                    source=_source(data.get("source"), problem, f"{where}'source'"),
                    set_name=set_name)


def _threshold(value, problem, where: str) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0 \
            or value != value or value == float("inf"):
        raise problem(f"{where}'threshold' must be a positive number (or one per housing "
                      f"type), not {json.dumps(value)}")
    return float(value)


def describe_sets(norm_sets: Iterable[NormSet]) -> str:
    """'limburg_floor 2024.1 + snf 2024.1': recorded in every output."""
    return " + ".join(norm_set.label for norm_set in norm_sets)
