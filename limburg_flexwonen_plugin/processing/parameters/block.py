"""What every parameter block shares: a prefix for its names, Advanced or not, and the
reading of its fields and layers."""
from typing import Dict, Optional

from qgis.core import QgsProcessingParameterDefinition

from ...core.errors import InputError
from .fields import field_parameter


def given(values: Dict[str, object]) -> Dict[str, object]:
    """The parameter values given: None or an empty field name leaves the algorithm's
    default (for a field: the layer's usual field)."""
    return {name: value for name, value in values.items()
            if value is not None and not (isinstance(value, str) and not value)}


class Block:
    """Names its parameters with ``prefix``; ``advanced`` puts them under Advanced."""

    def __init__(self, prefix: str = "", advanced: bool = False):
        self.prefix = prefix
        self.advanced = advanced

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def _add(self, algorithm, parameter) -> None:
        if self.advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(parameter)

    def _field(self, algorithm, key, label, parent, field_key, numeric=False, required=False):
        # Empty (the default) finds the layer's usual field for ``field_key``
        # (processing.parameters.fields), CBS/PDOK names included.
        self._add(algorithm, field_parameter(self.name(key), label, self.name(parent), field_key,
                                             required=required, numeric=numeric))

    def _string(self, algorithm, parameters, context, key) -> Optional[str]:
        return algorithm.parameterAsString(parameters, self.name(key), context) or None

    def _has(self, algorithm, key) -> bool:
        return algorithm.parameterDefinition(self.name(key)) is not None

    def _source(self, algorithm, parameters, context, key, fallback):
        source = algorithm.parameterAsSource(parameters, self.name(key), context)
        if source is None:
            return None, None
        return source, algorithm.layer_name(parameters, self.name(key), context, fallback)


def require_fields(source, layer, names) -> None:
    """Names the missing field before any reading (the default names may not exist)."""
    existing = set(source.fields().names())
    for name in names:
        if name and name not in existing:
            raise InputError("field not found", layer=layer, field=name)
