"""Field parameters that find their field: declared with the logical field they stand for
(``core.field_mapping``), left empty they take the layer's usual name for it (CBS/PDOK
names included); a field the user chose always wins.

``resolve`` runs before every algorithm's ``compute`` (``FlexwonenAlgorithm``): it fills
in the field of every such parameter, names what it chose in the log, says once which
optional label fields are absent, and refuses all missing required fields of all layers
in one message that names the parameter to set.
"""
from typing import Dict

from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterField
from qgis.PyQt.QtCore import QCoreApplication

from ...bridge.messages import field_label
from ...core.field_mapping import FIELDS, FieldResolution, Request, note_text

METADATA_KEY = "flexwonen_field"


def tr(text: str) -> str:
    return QCoreApplication.translate("FieldParameters", text)


def field_parameter(name: str, label: str, parent: str, key: str, required: bool = False,
                    numeric: bool = False, advanced: bool = False) -> QgsProcessingParameterField:
    """An optional-for-QGIS field parameter without default name: empty means "find it"
    (``required`` is enforced by ``resolve`` when the parent layer is given)."""
    assert key in FIELDS, key
    kind = QgsProcessingParameterField.DataType.Numeric if numeric else \
        QgsProcessingParameterField.DataType.Any
    parameter = QgsProcessingParameterField(name, label, parentLayerParameterName=parent,
                                            type=kind, optional=True)
    metadata = parameter.metadata()
    metadata[METADATA_KEY] = {"key": key, "required": required}
    parameter.setMetadata(metadata)
    names = FIELDS[key].names
    if names:   # the dialog's tooltip
        parameter.setHelp(tr("Empty: the layer's field named {0} (the first found, in any case).")
                          .format(", ".join(names)))
    if advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


def resolve(algorithm, parameters: Dict, context, feedback) -> Dict:
    """``parameters`` with every declared field parameter set to the layer's field (or
    None); raises ``MissingFieldsError`` for all missing required fields at once."""
    groups = {}
    for definition in algorithm.parameterDefinitions():
        declared = definition.metadata().get(METADATA_KEY)
        if declared and isinstance(definition, QgsProcessingParameterField):
            groups.setdefault(definition.parentLayerParameterName(), []).append((definition, declared))
    resolved = dict(parameters)
    resolution = FieldResolution()
    layers = []
    for parent, members in groups.items():
        if parameters.get(parent) in (None, ""):
            continue
        columns = _columns(algorithm, parameters, parent, context)
        if columns is None:
            continue
        parent_definition = algorithm.parameterDefinition(parent)
        layer = algorithm.layer_name(parameters, parent, context, parent_definition.description())
        requests = [Request(declared["key"], _chosen(parameters.get(definition.name())),
                            bool(declared["required"]), definition.description())
                    for definition, declared in members]
        names = resolution.resolve_each(layer, columns, requests)
        found = {definition.name(): name for (definition, _), name in zip(members, names)}
        resolved.update(found)
        layers.append(layer)
    resolution.check()
    if feedback is not None:
        for layer in layers:
            feedback.pushInfo(tr("Fields of layer '{0}': {1}").format(layer, resolution.summary(layer)))
        for layer, key in dict.fromkeys(resolution.notes):
            feedback.pushWarning(absent_label_text(layer, key))
    return resolved


def absent_label_text(layer: str, key: str) -> str:
    """The one remark about an absent optional label field, in the user's language."""
    field = FIELDS[key]
    return tr("Layer '{0}' has no {1} field (none of {2}): {3}.").format(
        layer, field_label(field.label), ", ".join(field.names), field_label(note_text(key)))


def _chosen(value):
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _columns(algorithm, parameters, parent, context):
    facts = algorithm.layer_facts(parent)
    if facts is not None:
        return facts.fields().names()
    source = algorithm.parameterAsSource(parameters, parent, context)
    return None if source is None else source.fields().names()
