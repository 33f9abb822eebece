"""Processing algorithm: Check stay durations."""
import datetime

from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing,
                       QgsProcessingParameterDateTime, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsWkbTypes)

from ...core.errors import InputError
from ...core.stay_durations import (BREAKS, NO_CLAUSE, NOT_APPLICABLE, READINGS, TOO_SHORT,
                                    UNKNOWN, StayFields, StayRules, check_stays)
from ...bridge.read import table_to_frame
from ...bridge.values import make_fields
from ...bridge.write import write_frame
from ..base import FlexwonenAlgorithm
from ..parameters.fields import field_parameter

ACCOMMODATION_FIELDS = (
    ("acc_id", "string"), ("stays", "int"), ("residents", "int"), ("stays_breaking", "int"),
    ("residents_breaking", "int"), ("stays_ongoing", "int"), ("stays_unknown", "int"),
    ("longest_consecutive_days", "int"), ("longest_resident_id", "string"),
    ("longest_start", "date"), ("longest_end", "date"), ("most_period_days", "int"),
    ("contracts_checked", "int"), ("transitions_too_short", "int"),
    ("shortest_transition_days", "int"), ("shortest_transition_resident_id", "string"),
    ("transitions_no_clause", "int"), ("contracts_not_applicable", "int"),
)
STAY_FIELDS = (
    ("acc_id", "string"), ("resident_id", "string"), ("start_date", "date"),
    ("end_date", "date"), ("ongoing", "bool"), ("consecutive_start", "date"),
    ("consecutive_end", "date"), ("consecutive_days", "int"), ("allowed_end", "date"),
    ("breaks_consecutive", "bool"), ("period_days", "int"), ("period_allowed_days", "int"),
    ("breaks_period", "bool"), ("short_stay_status", "string"), ("contract_end", "date"),
    ("employment_end", "date"), ("transition_days", "int"), ("transition_status", "string"),
    ("contract_type", "string"), ("transition_basis", "string"), ("remarks", "string"),
)
PARAMETER_FIELDS = (("max_months", "int"), ("period_months", "int"),
                    ("transition_months", "int"), ("reference_date", "date"),
                    ("short_stay_reading", "string"), ("rules_version", "string"))


class CheckStayDurationsAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "checkstaydurations"
    DISPLAY_NAME = "Check stay durations"
    GROUP_ID = "norms"
    HELP = (
        "Checks a table of stays (accommodation id, pseudonymous resident id, start and end "
        "date; optionally the end of the rental contract and of the employment) against the "
        "provincial short-stay rule and the transition period for temporary rental "
        "contracts.\n\n"
        "Short stay: a consecutive stay lasts at most the given number of calendar months "
        "(default 4): a stay starting on S may end at the latest on S + 4 months, clamped to "
        "the month's end (31 October + 4 months = 28 or 29 February). Overlapping stays of one "
        "resident, and stays starting the day after the previous one ends, form one "
        "consecutive stay (also across accommodations). Within the period (default 12 months) "
        "from the start of each consecutive stay, the resident's stays together may not last "
        "longer than one consecutive stay may.\n"
        "A stay without an end date is ongoing: it is measured up to the reference date "
        "(default today).\n"
        "Reading of the short-stay rule: 'rolling window' (default) as above; 'status of at "
        "most one year' instead requires every stay of a resident to end within the period "
        "from the first day of the resident's first stay (several stays of up to 4 months "
        "with breaks are then allowed within that year). Every output records the reading.\n"
        "Transition period (temporary rental contracts only): with a contract type field, "
        "regular contracts are not checked; with a transition clause field (yes / no), the "
        "clause decides; otherwise the contract must end at least the given number of "
        "calendar months (default 1) after the end of employment. transition_basis says "
        "which was used.\n\n"
        "Output: one row per accommodation (counts, the longest consecutive stay, the "
        "shortest transition) and, on request, one row per stay with its status (ok, breaks, "
        "ongoing, unknown) and the reason. Only the mapped fields are read; no personal data "
        "other than the pseudonymous resident id is read or written."
    )

    INPUT = "INPUT"
    ACCOMMODATION_FIELD = "ACCOMMODATION_FIELD"
    RESIDENT_FIELD = "RESIDENT_FIELD"
    START_FIELD = "START_FIELD"
    END_FIELD = "END_FIELD"
    CONTRACT_END_FIELD = "CONTRACT_END_FIELD"
    EMPLOYMENT_END_FIELD = "EMPLOYMENT_END_FIELD"
    CONTRACT_TYPE_FIELD = "CONTRACT_TYPE_FIELD"
    TRANSITION_CLAUSE_FIELD = "TRANSITION_CLAUSE_FIELD"
    READING = "READING"
    MAX_MONTHS = "MAX_MONTHS"
    PERIOD_MONTHS = "PERIOD_MONTHS"
    TRANSITION_MONTHS = "TRANSITION_MONTHS"
    REFERENCE_DATE = "REFERENCE_DATE"
    OUTPUT = "OUTPUT"
    STAYS_OUTPUT = "STAYS_OUTPUT"

    def initAlgorithm(self, config=None):
        defaults = StayRules.defaults()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Stays"), [QgsProcessing.SourceType.TypeVector]))
        # The field parameters are optional for QGIS (a required field parameter in QGIS
        # 3.22 ignores its default when the caller leaves it out); compute() insists on
        # the required ones.
        # Empty: the usual name of each (processing.parameters.fields).
        for name, label, key, required in (
                (self.ACCOMMODATION_FIELD, self.tr("Accommodation id field"), "stay_accommodation", True),
                (self.RESIDENT_FIELD, self.tr("Resident id field (pseudonymous)"), "resident", True),
                (self.START_FIELD, self.tr("Start date field"), "start_date", True),
                (self.END_FIELD, self.tr("End date field (empty: ongoing)"), "end_date", True),
                (self.CONTRACT_END_FIELD, self.tr("Contract end field"), "contract_end", False),
                (self.EMPLOYMENT_END_FIELD, self.tr("Employment end field"), "employment_end", False),
                (self.CONTRACT_TYPE_FIELD,
                 self.tr("Contract type field (temporary / regular; empty: all temporary)"),
                 "contract_type", False),
                (self.TRANSITION_CLAUSE_FIELD,
                 self.tr("Transition clause in the contract field (yes / no)"),
                 "transition_clause", False)):
            self.addParameter(field_parameter(name, label, self.INPUT, key, required=required))
        for name, label, default, low, high in (
                (self.MAX_MONTHS, self.tr("Longest consecutive stay (calendar months)"),
                 defaults.max_consecutive_months, 1, 24),
                (self.PERIOD_MONTHS, self.tr("Within a period of (calendar months)"),
                 defaults.period_months, 1, 60),
                (self.TRANSITION_MONTHS,
                 self.tr("Transition period after employment (calendar months)"),
                 defaults.transition_months, 0, 12)):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Integer,
                defaultValue=default, minValue=low, maxValue=high))
        self.addParameter(QgsProcessingParameterEnum(
            self.READING, self.tr("Reading of the short-stay rule"),
            options=[self.tr("Rolling window: at most 4 months within any period from the start "
                             "of a stay"),
                     self.tr("Short-stay status of at most one year from the first stay")],
            defaultValue=READINGS.index(defaults.reading)))
        self.addParameter(QgsProcessingParameterDateTime(
            self.REFERENCE_DATE, self.tr("Reference date for ongoing stays (empty: today)"),
            QgsProcessingParameterDateTime.Type.Date, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Stays per accommodation"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STAYS_OUTPUT, self.tr("Checked stays"), QgsProcessing.SourceType.TypeVector,
            optional=True, createByDefault=False))

    def compute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise InputError("no stays table given", layer=self.tr("Stays"))
        name = self.layer_name(parameters, self.INPUT, context, self.tr("stays"))
        columns = source.fields().names()
        fields = StayFields(*(self._field(parameters, context, parameter, columns, name, optional)
                              for parameter, optional in (
                                  (self.ACCOMMODATION_FIELD, False), (self.RESIDENT_FIELD, False),
                                  (self.START_FIELD, False), (self.END_FIELD, False),
                                  (self.CONTRACT_END_FIELD, True),
                                  (self.EMPLOYMENT_END_FIELD, True),
                                  (self.CONTRACT_TYPE_FIELD, True),
                                  (self.TRANSITION_CLAUSE_FIELD, True))))
        if bool(fields.contract_end) != bool(fields.employment_end) and not fields.transition_clause:
            feedback.pushWarning(self.tr("The transition period needs both the contract end "
                                         "and the employment end; it is not checked."))
        if not fields.contract_type:
            feedback.pushInfo(self.tr("No contract type field: every contract is taken to be a "
                                      "temporary rental contract for the transition period."))
        rules = StayRules(
            self.parameterAsInt(parameters, self.MAX_MONTHS, context),
            self.parameterAsInt(parameters, self.PERIOD_MONTHS, context),
            self.parameterAsInt(parameters, self.TRANSITION_MONTHS, context),
            StayRules.defaults().back_to_back_days,
            READINGS[self.parameterAsEnum(parameters, self.READING, context)])
        reference = self.parameterAsDateTime(parameters, self.REFERENCE_DATE, context)
        reference_date = reference.date().toPyDate() if reference.isValid() else datetime.date.today()

        # Only the mapped fields are read: nothing else about a resident enters the plugin.
        wanted = [value for value in (fields.accommodation, fields.resident, fields.start,
                                      fields.end, fields.contract_end, fields.employment_end,
                                      fields.contract_type, fields.transition_clause) if value]
        stays = table_to_frame(source, name, wanted)
        if stays.empty:
            raise InputError("the table has no rows", layer=name)
        feedback.pushInfo(self.tr("Checking {0} stays (reference date {1}; short-stay reading: "
                                  "{2})…").format(len(stays), reference_date.isoformat(),
                                                 rules.reading))
        check = check_stays(stays, rules, fields, reference_date, layer=name,
                            progress=self.progress_for(feedback).scaled(0, 80))

        per_acc_fields = make_fields(ACCOMMODATION_FIELDS + PARAMETER_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, per_acc_fields,
                                             QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem())
        write_frame(check.accommodations, sink, per_acc_fields)
        results = {self.OUTPUT: dest_id}
        stay_fields = make_fields(STAY_FIELDS + PARAMETER_FIELDS)
        stays_sink, stays_id = self.parameterAsSink(
            parameters, self.STAYS_OUTPUT, context, stay_fields, QgsWkbTypes.Type.NoGeometry,
            QgsCoordinateReferenceSystem())
        if stays_sink is not None:
            write_frame(check.stays, stays_sink, stay_fields)
            results[self.STAYS_OUTPUT] = stays_id
        feedback.setProgress(100)

        status = check.stays["short_stay_status"]
        feedback.pushInfo(self.tr(
            "{0} stays at {1} accommodations: {2} break the short-stay rule, {3} are ongoing, "
            "{4} could not be checked; {5} contracts have a transition period shorter than "
            "{6} month(s), {7} lack the transition clause, {8} regular contracts are not "
            "checked.").format(
                len(status), len(check.accommodations), int((status == BREAKS).sum()),
                int((status == "ongoing").sum()), int((status == UNKNOWN).sum()),
                int((check.stays["transition_status"] == TOO_SHORT).sum()), rules.transition_months,
                int((check.stays["transition_status"] == NO_CLAUSE).sum()),
                int((check.stays["transition_status"] == NOT_APPLICABLE).sum())))
        unusable = check.stays.loc[status == UNKNOWN, "remarks"]
        for fid, remark in list(unusable.items())[:50]:
            feedback.pushWarning(self.tr("layer '{0}', feature {1}: {2}").format(name, fid, remark))
        return results

    def _field(self, parameters, context, parameter, columns, layer, optional):
        """The mapped field, as found by processing.parameters.fields."""
        value = self.parameterAsString(parameters, parameter, context) or None
        if value is None:
            if optional:
                return None
            raise InputError("choose a field for every required input", layer=layer)
        if value not in columns:
            raise InputError("field not found", layer=layer, field=value)
        return value
