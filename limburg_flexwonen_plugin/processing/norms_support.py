"""Processing parameters and output shared by the algorithms that check housing norms:
"Check housing norms" and the optional norm block of "Classify candidate sites".

Both call the same core function (``core.housing_norms.evaluate_plans``).
"""
import datetime
import os
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (QgsApplication, QgsProcessingParameterBoolean,
                       QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterFile)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..bridge import settings
from ..bridge.write import append_fields
from ..core.errors import InputError
from ..core.housing_norms import evaluate_plans, result_columns
from ..core.norm_sets import (NormSet, available_norm_sets, combined_rules,
                              load_norm_set, with_floor)
from .parameters.fields import field_parameter

# A folder of the user's own norm sets; otherwise <QGIS profile>/flexwonen_limburg/norms.
USER_FOLDER_ENV = "FLEXWONEN_NORMS_FOLDER"

NORM_SET = "NORM_SET"
NORM_FILE = "NORM_FILE"
DEFAULT_HOUSING_TYPE = "DEFAULT_HOUSING_TYPE"
HOUSING_TYPE_CHOICES = (None, "lodging", "dwelling")
# (plan input, parameter name, label, logical field of core.field_mapping: an empty
# parameter takes the layer's usual name for it)
FIELD_PARAMETERS = (
    ("beds", "BEDS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Beds field"), "planned_beds"),
    ("bedrooms", "BEDROOMS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Bedrooms field"),
     "bedrooms"),
    ("living_area_m2", "LIVING_AREA_FIELD",
     QT_TRANSLATE_NOOP("NormParameters", "Living area (m²) field"), "living_area"),
    ("bedroom_area_m2", "BEDROOM_AREA_FIELD",
     QT_TRANSLATE_NOOP("NormParameters", "Bedroom area field (m²: a total, or per room as text '9;9;12')"),
     "bedroom_area"),
    ("toilets", "TOILETS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Toilets field"), "toilets"),
    ("showers", "SHOWERS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Showers field"), "showers"),
    ("housing_type", "HOUSING_TYPE_FIELD",
     QT_TRANSLATE_NOOP("NormParameters", "Housing type field (lodging/logies or dwelling/woning)"),
     "housing_type"),
)
MAX_LOGGED_ISSUES = 50


def tr(text: str) -> str:
    return QCoreApplication.translate("NormParameters", text)


def user_norms_folder() -> Path:
    """Where the user's own norm set files are read from (the folder may not exist)."""
    configured = os.environ.get(USER_FOLDER_ENV)
    if configured:
        return Path(configured)
    return Path(QgsApplication.qgisSettingsDirPath()) / "flexwonen_limburg" / "norms"


def norm_set_choices() -> Tuple[List[str], List[str]]:
    """Names and labels of the norm sets offered; a malformed file is still listed (it
    gives its clear message when it is chosen)."""
    folder = user_norms_folder()
    names = available_norm_sets(folder)
    labels = []
    for name in names:
        try:
            norm_set = load_norm_set(name, folder)
        except InputError:
            labels.append(tr("{0} (this file has an error; choose it to see which)").format(name))
            continue
        own = tr(", own file replacing the built-in set") if norm_set.replaces_built_in else \
            tr(", own file") if norm_set.user_defined else ""
        validity = tr("policy intent, not yet laid down in a regulation") \
            if norm_set.valid_from is None else norm_set.validity_text()
        labels.append(f"{norm_set.title_en} ({norm_set.name} {norm_set.version}, "
                      f"{validity}{own})")
    return names, labels


def add_norm_parameters(algorithm, parent: str, advanced: bool = False) -> None:
    """The norm set choice, an own norm file, the field mapping and the housing type."""
    names, labels = norm_set_choices()
    algorithm.norm_set_names = names
    # Default: the norm set chosen in Settings › Options › Flexwonen Limburg.
    preferred = settings.norm_set(names)
    default = names.index(preferred) if preferred in names else 0
    parameters = [
        QgsProcessingParameterEnum(
            NORM_SET, tr("Norm set (the Limburg provincial floor always applies on top)"),
            options=labels, defaultValue=default),
        QgsProcessingParameterFile(
            NORM_FILE, tr("Own norm set file (JSON; used instead of the norm set above)"),
            extension="json", optional=True),
    ]
    for _, name, label, key in FIELD_PARAMETERS:
        parameters.append(field_parameter(name, tr(label), parent, key))
    parameters.append(QgsProcessingParameterEnum(
        DEFAULT_HOUSING_TYPE, tr("Housing type where the field is empty or not given"),
        options=[tr("not known"), tr("lodging (logies)"), tr("regular dwelling (woning)")],
        defaultValue=0))
    for parameter in parameters:
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(parameter)


def chosen_norm_set(algorithm, parameters, context) -> NormSet:
    path = algorithm.parameterAsFile(parameters, NORM_FILE, context)
    if path:
        return load_norm_set(Path(path))
    index = algorithm.parameterAsEnum(parameters, NORM_SET, context)
    names = getattr(algorithm, "norm_set_names", None) or available_norm_sets(user_norms_folder())
    if not 0 <= index < len(names):
        raise InputError(f"norm set number {index} does not exist; there are {len(names)}")
    return load_norm_set(names[index], user_norms_folder())


def field_map(algorithm, parameters, context, columns, layer: str) -> Dict[str, Optional[str]]:
    """Plan input → field, as found by processing.field_parameters (None: not given,
    its rules are unknown); without a beds field there is nothing to check."""
    mapping: Dict[str, Optional[str]] = {}
    for key, name, _, _ in FIELD_PARAMETERS:
        value = algorithm.parameterAsString(parameters, name, context) or None
        if value is not None and value not in columns:
            raise InputError("field not found", layer=layer, field=value)
        mapping[key] = value
    if mapping["beds"] is None:
        raise InputError("no field with the number of beds (planned_beds or beds); choose "
                         "the beds field", layer=layer)
    return mapping


def run_norm_check(algorithm, parameters, context, feedback, frame, layer: str, progress):
    """Evaluates every row of ``frame``; returns the result frame and its (name, kind) list."""
    norm_set = chosen_norm_set(algorithm, parameters, context)
    norm_sets = with_floor(norm_set, user_folder=user_norms_folder())
    today = datetime.date.today()
    for checked in norm_sets:
        if not checked.valid_on(today):
            feedback.pushWarning(tr("Norm set {0} is valid {1}, not today ({2}).").format(
                checked.label, checked.validity_text(), today.isoformat()))
    mapping = field_map(algorithm, parameters, context, frame.columns, layer)
    housing_type = HOUSING_TYPE_CHOICES[
        algorithm.parameterAsEnum(parameters, DEFAULT_HOUSING_TYPE, context)]
    feedback.pushInfo(tr("Norm sets: {0}; fields: {1}").format(
        " + ".join(f"{s.label} ({s.path})" for s in norm_sets),
        ", ".join(f"{key}={value or '-'}" for key, value in mapping.items())))
    result = evaluate_plans(frame, norm_set, mapping, user_folder=user_norms_folder(),
                            floor=norm_sets[0] if len(norm_sets) > 1 else None,
                            default_housing_type=housing_type, layer=layer, progress=progress)
    issues = result["norms_data_issues"].dropna()
    for fid, text in list(issues.items())[:MAX_LOGGED_ISSUES]:
        feedback.pushWarning(tr("layer '{0}', feature {1}: {2}").format(layer, fid, text))
    if len(issues) > MAX_LOGGED_ISSUES:
        feedback.pushWarning(tr("… and {0} more features with unusable values (see the field "
                                "norms_data_issues)").format(len(issues) - MAX_LOGGED_ISSUES))
    return result, result_columns(combined_rules(norm_sets))


def append_norm_results(frame, fields, result, columns, input_names):
    """Adds the norm result columns to an output frame and its QgsFields (prefixed where
    the input has the same names: ``bridge.write.append_fields``); returns frame,
    fields, renamed."""
    return append_fields(frame, fields, result, columns, input_names)


def verdict_counts(result) -> str:
    counts = result["norms_verdict"].value_counts()
    return ", ".join(f"{verdict} {int(counts.get(verdict, 0))}"
                     for verdict in ("pass", "fail", "unknown"))


# ------------------------------------------------- the optional block of other algorithms
CHECK_NORMS = "CHECK_NORMS"


def add_optional_norm_check(algorithm, parent: str) -> None:
    """A switch 'Also check housing norms' plus the norm parameters (advanced)."""
    switch = QgsProcessingParameterBoolean(
        CHECK_NORMS, tr("Also check housing norms (norm set and fields under Advanced)"),
        defaultValue=False)
    switch.setHelp(tr("Adds the fields of 'Check housing norms' (norms_verdict, norms_max_beds, "
                      "norm_<rule id>, reasons) for the same features."))
    algorithm.addParameter(switch)
    add_norm_parameters(algorithm, parent, advanced=True)


def apply_optional_norm_check(algorithm, parameters, context, feedback, frame, layer: str,
                              output, fields, input_names):
    """When the switch is on, adds the norm results to the output frame and fields;
    returns frame, fields, renamed."""
    if not algorithm.parameterAsBoolean(parameters, CHECK_NORMS, context):
        return output, fields, {}
    progress = algorithm.progress_for(feedback).scaled(90, 95)
    result, columns = run_norm_check(algorithm, parameters, context, feedback, frame, layer, progress)
    feedback.pushInfo(tr("Housing norms: {0}").format(verdict_counts(result)))
    return append_norm_results(output, fields, result, columns, input_names)
