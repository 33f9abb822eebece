"""Errors and per-feature remarks that name the layer, the feature and the field."""
from typing import Optional


class InputError(ValueError):
    """Input that cannot be analysed at all (empty layer, no CRS, missing field...).

    The message always names the layer and, where it applies, the feature and field,
    so that the user knows exactly what to fix.
    """

    def __init__(self, message: str, layer: Optional[str] = None,
                 feature: Optional[object] = None, field: Optional[str] = None):
        self.layer = layer
        self.feature = feature
        self.field = field
        self.detail = message
        super().__init__(describe(message, layer, feature, field))


class CancelledError(RuntimeError):
    """Raised when the user cancels a run; no output is written."""


PLACE_WORDS = {"layer": "layer '{0}'", "feature": "feature {0}", "field": "field '{0}'"}


def describe(message: str, layer: Optional[str] = None, feature: Optional[object] = None,
             field: Optional[str] = None, words: Optional[dict] = None) -> str:
    """Prefixes a message with where the problem is: layer 'x', feature 12, field 'beds'.
    ``words`` replaces ``PLACE_WORDS`` (the same keys) to say it in another language."""
    words = words or PLACE_WORDS
    where = [words[kind].format(value) for kind, value in
             (("layer", layer), ("feature", feature), ("field", field)) if value is not None]
    return f"{', '.join(where)}: {message}" if where else message
