"""The housing-norm parameters: the norm set, an own norm file, the plan's fields and the
housing type. Used by "Check housing norms" and, as an optional block behind a switch, by
"Classify candidate sites" and the site reports; all of them check through
``core.site_assessment.check_norms`` (``core.housing_norms.evaluate_plans``).
"""
import datetime
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (QgsProcessingParameterBoolean, QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterFile)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...bridge import settings
from ...bridge.settings import user_norms_folder
from ...core.errors import InputError
from ...core.housing_norms import PLAN_FIELD_KEYS
from ...core.norm_sets import available_norm_sets, load_norm_set
from ...core.site_assessment import NormChoice, NormResult
from .block import given
from .fields import field_parameter

NORM_SET = "NORM_SET"
NORM_FILE = "NORM_FILE"
DEFAULT_HOUSING_TYPE = "DEFAULT_HOUSING_TYPE"
CHECK_NORMS = "CHECK_NORMS"
HOUSING_TYPE_CHOICES = (None, "lodging", "dwelling")
# (plan input, parameter name, label); an empty parameter takes the layer's usual name
# for the plan input's logical field (core.housing_norms.PLAN_FIELD_KEYS).
FIELD_PARAMETERS = (
    ("beds", "BEDS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Beds field")),
    ("bedrooms", "BEDROOMS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Bedrooms field")),
    ("living_area_m2", "LIVING_AREA_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Living area (m²) field")),
    ("bedroom_area_m2", "BEDROOM_AREA_FIELD",
     QT_TRANSLATE_NOOP("NormParameters", "Bedroom area field (m²: a total, or per room as text '9;9;12')")),
    ("toilets", "TOILETS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Toilets field")),
    ("showers", "SHOWERS_FIELD", QT_TRANSLATE_NOOP("NormParameters", "Showers field")),
    ("housing_type", "HOUSING_TYPE_FIELD",
     QT_TRANSLATE_NOOP("NormParameters", "Housing type field (lodging/logies or dwelling/woning)")),
)
MAX_LOGGED_ISSUES = 50


def tr(text: str) -> str:
    return QCoreApplication.translate("NormParameters", text)


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


class NormsBlock:
    """The norm parameters of the plans in the layer parameter ``parent``; ``optional``:
    behind a switch "Also check housing norms" (on when ``checked``), under Advanced."""

    def __init__(self, parent: str, optional: bool = False, checked: bool = False):
        self.parent = parent
        self.optional = optional
        self.checked = checked

    def add(self, algorithm) -> None:
        if self.optional:
            switch = QgsProcessingParameterBoolean(
                CHECK_NORMS, tr("Also check housing norms (norm set and fields under Advanced)"),
                defaultValue=self.checked)
            switch.setHelp(tr("Adds the fields of 'Check housing norms' (norms_verdict, norms_max_beds, "
                              "norm_<rule id>, reasons) for the same features."))
            algorithm.addParameter(switch)
        names, labels = norm_set_choices()
        # Default: the norm set chosen in Settings › Options › Flexwonen Limburg.
        preferred = settings.norm_set(names)
        choice = QgsProcessingParameterEnum(
            NORM_SET, tr("Norm set (the Limburg provincial floor always applies on top)"),
            options=labels, defaultValue=names.index(preferred) if preferred in names else 0)
        # The names offered, so that the number chosen is read as the set it was offered as.
        choice.setMetadata({"norm_set_names": names})
        parameters = [choice, QgsProcessingParameterFile(
            NORM_FILE, tr("Own norm set file (JSON; used instead of the norm set above)"),
            extension="json", optional=True)]
        for key, name, label in FIELD_PARAMETERS:
            parameters.append(field_parameter(name, tr(label), self.parent, PLAN_FIELD_KEYS[key]))
        parameters.append(QgsProcessingParameterEnum(
            DEFAULT_HOUSING_TYPE, tr("Housing type where the field is empty or not given"),
            options=[tr("not known"), tr("lodging (logies)"), tr("regular dwelling (woning)")],
            defaultValue=0))
        for parameter in parameters:
            if self.optional:
                parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            algorithm.addParameter(parameter)

    def values(self, check: Optional[bool] = None, norm_set: Optional[int] = None,
               plan_fields: Optional[Dict[str, Optional[str]]] = None) -> Dict[str, object]:
        """Parameter values for these parameters: the switch (``optional`` only), the
        number of the norm set, and the plan's fields by plan input ("beds", "bedrooms",
        ... of FIELD_PARAMETERS); what is None is left to the algorithm's default."""
        values = {NORM_SET: norm_set}
        if self.optional:
            values[CHECK_NORMS] = check
        names = {key: name for key, name, _ in FIELD_PARAMETERS}
        values.update({names[key]: field for key, field in (plan_fields or {}).items()})
        return given(values)

    def read(self, algorithm, parameters, context) -> Optional[NormChoice]:
        """The norm set and the plan's fields as chosen (fields as found by
        processing.parameters.fields; None: not given); None when the switch is off."""
        if self.optional and not algorithm.parameterAsBoolean(parameters, CHECK_NORMS, context):
            return None
        fields = {key: algorithm.parameterAsString(parameters, name, context) or None
                  for key, name, _ in FIELD_PARAMETERS}
        housing_type = HOUSING_TYPE_CHOICES[algorithm.parameterAsEnum(parameters, DEFAULT_HOUSING_TYPE, context)]
        return NormChoice(_chosen_norm_set(algorithm, parameters, context), fields, user_norms_folder(),
                          housing_type)

    @staticmethod
    def require_fields(choice: NormChoice, columns, layer: str) -> None:
        """Refuses a chosen field the plans lack; without a beds field there is nothing to check."""
        for value in choice.plan_fields.values():
            if value is not None and value not in columns:
                raise InputError("field not found", layer=layer, field=value)
        if choice.plan_fields.get("beds") is None:
            raise InputError("no field with the number of beds (planned_beds or beds); choose "
                             "the beds field", layer=layer)

    @staticmethod
    def report(feedback, result: NormResult, layer: str) -> None:
        """Says which sets and fields were used, a set not valid today, unusable values."""
        today = datetime.date.today()
        for checked in result.norm_sets:
            if not checked.valid_on(today):
                feedback.pushWarning(tr("Norm set {0} is valid {1}, not today ({2}).").format(
                    checked.label, checked.validity_text(), today.isoformat()))
        feedback.pushInfo(tr("Norm sets: {0}; fields: {1}").format(
            " + ".join(f"{s.label} ({s.path})" for s in result.norm_sets),
            ", ".join(f"{key}={value or '-'}" for key, value in result.field_map.items())))
        issues = result.frame["norms_data_issues"].dropna()
        for fid, text in list(issues.items())[:MAX_LOGGED_ISSUES]:
            feedback.pushWarning(tr("layer '{0}', feature {1}: {2}").format(layer, fid, text))
        if len(issues) > MAX_LOGGED_ISSUES:
            feedback.pushWarning(tr("… and {0} more features with unusable values (see the field "
                                    "norms_data_issues)").format(len(issues) - MAX_LOGGED_ISSUES))


def report_verdicts(feedback, result: NormResult) -> None:
    feedback.pushInfo(tr("Housing norms: {0}").format(verdict_counts(result.frame)))


def verdict_counts(result) -> str:
    counts = result["norms_verdict"].value_counts()
    return ", ".join(f"{verdict} {int(counts.get(verdict, 0))}"
                     for verdict in ("pass", "fail", "unknown"))


def _chosen_norm_set(algorithm, parameters, context):
    path = algorithm.parameterAsFile(parameters, NORM_FILE, context)
    if path:
        return load_norm_set(Path(path))
    index = algorithm.parameterAsEnum(parameters, NORM_SET, context)
    definition = algorithm.parameterDefinition(NORM_SET)
    names = (definition.metadata().get("norm_set_names") if definition is not None else None) \
        or available_norm_sets(user_norms_folder())
    if not 0 <= index < len(names):
        raise InputError(f"norm set number {index} does not exist; there are {len(names)}")
    return load_norm_set(names[index], user_norms_folder())
