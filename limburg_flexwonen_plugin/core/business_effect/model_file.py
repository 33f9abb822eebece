"""The business effect model file: defaults and their status, its version."""
from pathlib import Path
from typing import Any, Dict, Optional

from ..errors import InputError
from ..resource_files import resource
from ..rules import load_rules
from .fields import MODEL_FILE


def load_effect_document(path: Optional[Path] = None) -> Dict[str, Any]:
    """The business effect model file (default: the one in ``resources/models``)."""
    path = Path(path) if path is not None else resource("models", MODEL_FILE)
    document = load_rules(MODEL_FILE, path)
    for key in ("parameters", "choices", "sector_table"):
        if key not in document:
            raise InputError(f"model file {path.name} has no '{key}'")
    return document


def default_value(name: str, document: Optional[Dict[str, Any]] = None) -> float:
    document = document or load_effect_document()
    return float(document["parameters"][name]["default"])


def version_label(document: Optional[Dict[str, Any]] = None) -> str:
    document = document or load_effect_document()
    return f"{document['name']} {document['version']}"
