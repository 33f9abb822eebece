"""Versioned rule files in ``resources/rules``: loaded and checked, never hard-coded."""
import json
from pathlib import Path
from typing import Any, Dict, Optional

from .resource_files import resource
from .errors import InputError

LOCATION_RULES = "location_classification.json"


def load_rules(name: str, path: Optional[Path] = None) -> Dict[str, Any]:
    """Reads one rules file; a malformed file gives a message naming the file."""
    path = Path(path) if path is not None else resource("rules", name)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as error:
        raise InputError(f"rules file not found: {path}") from error
    except json.JSONDecodeError as error:
        raise InputError(f"rules file {path.name} is not valid JSON: {error.msg} "
                         f"at line {error.lineno}, column {error.colno}") from error
    for key in ("name", "version"):
        if key not in data:
            raise InputError(f"rules file {path.name} has no '{key}'")
    return data


def location_rules() -> Dict[str, Any]:
    return load_rules(LOCATION_RULES)


def class_label(rules: Dict[str, Any], location_class: Optional[str], language: str = "en") -> Optional[str]:
    if location_class is None:
        return None
    key = "label_nl" if language.lower().startswith("nl") else "label_en"
    return rules["classes"][location_class][key]
