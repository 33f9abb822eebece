"""Processing algorithm: Housing gap per municipality and region."""
from qgis.core import (QgsCoordinateReferenceSystem, QgsFields, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFileDestination, QgsWkbTypes)

from ...core.demand import ASSUMED_DEMAND
from ...core.errors import InputError
from ...core.housing_gap import ACCOMMODATION_FIELDS, GAP_FIELDS, write_csv
from ...bridge.values import make_fields
from ...bridge.write import append_fields, write_frame
from ..base import FlexwonenAlgorithm
from ..outputs.run_outputs import whole_numbers
from ..outputs.styling import style_on_load
from ..parameters.demand import shares_note
from ..parameters.gap import GapInputs


class HousingGapAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "housinggap"
    DISPLAY_NAME = "Housing gap per municipality and region"
    GROUP_ID = "municipal"
    HELP = (
        "Demand, supply and gap of beds for labour migrants per municipality, per region "
        "(Noord-, Midden-, Zuid-Limburg) and for the province, now or in a 2030 scenario.\n\n"
        "Demand = labour migrants x share per stay category / persons per bed (whole beds). "
        "Supply = beds of the accommodations in the municipality x the weight of their status "
        "(existing, permitted, planned). Gap = demand − supply: positive is a shortage. Gap "
        "class: balanced when the gap is within ± the balanced band (share of the demand), "
        "else shortage or surplus.\n\n"
        "Municipalities: polygons with CBS code, name, region and inhabitants.\n"
        "Labour migrants: a table with municipality code, year and number (codes may be "
        "'GM0983' or 983). A municipality missing from the table gets no demand and no gap "
        "(never zero) and a remark.\n"
        "Accommodations: points or polygons with status, stay category and beds, assigned to "
        "a municipality by location, or by a code field. One outside every municipality is not "
        "counted and is named in the province's remarks.\n"
        "Built-up area (optional): gives built-up km² and labour migrants per km² built-up.\n"
        "Scenario: current (the table's figures), 2030 low or high (the policy's 96,000 and "
        "112,000), or user-defined (total and year). A scenario total is divided over the "
        "municipalities by their current share or their own trend (straight line through the "
        "table's years), rounded by largest remainder so that it adds up exactly.\n"
        "Demand model: every parameter is editable; the defaults come from the model file and "
        "the README says which are assumptions to replace with the province's own figures.\n\n"
        "Outputs: a municipality layer, a region layer with the province total (region = "
        "'Limburg', no geometry), the accommodations with their municipality and counted beds, "
        "and a CSV of all rows. Each output names its scenario and year and records the model "
        "version and parameters."
    )

    MUNICIPALITIES_OUTPUT = "MUNICIPALITIES_OUTPUT"
    REGIONS_OUTPUT = "REGIONS_OUTPUT"
    ACCOMMODATIONS_OUTPUT = "ACCOMMODATIONS_OUTPUT"
    CSV_OUTPUT = "CSV_OUTPUT"
    SCENARIO_TITLE = "SCENARIO_TITLE"
    PROVINCE_LABOUR_MIGRANTS = "PROVINCE_LABOUR_MIGRANTS"
    PROVINCE_DEMAND = "PROVINCE_DEMAND"
    PROVINCE_SUPPLY = "PROVINCE_SUPPLY"
    PROVINCE_GAP = "PROVINCE_GAP"
    PROVINCE_SHORTAGE = "PROVINCE_SHORTAGE"
    INPUTS = GapInputs()

    def initAlgorithm(self, config=None):
        self.INPUTS.add(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.MUNICIPALITIES_OUTPUT, self.tr("Housing gap per municipality")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REGIONS_OUTPUT, self.tr("Housing gap per region and province")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ACCOMMODATIONS_OUTPUT, self.tr("Accommodations with their municipality"),
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV_OUTPUT, self.tr("Housing gap table (CSV)"), self.tr("CSV files (*.csv)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.SCENARIO_TITLE, self.tr("Scenario and year")))
        for name, label in ((self.PROVINCE_LABOUR_MIGRANTS, self.tr("Labour migrants in the province")),
                            (self.PROVINCE_DEMAND, self.tr("Demand in the province (beds)")),
                            (self.PROVINCE_SUPPLY, self.tr("Supply in the province (beds)")),
                            (self.PROVINCE_GAP, self.tr("Gap in the province (beds)")),
                            (self.PROVINCE_SHORTAGE,
                             self.tr("Sum of the municipal shortages in the province (beds)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def compute(self, parameters, context, feedback):
        progress = self.progress_for(feedback)
        feedback.pushInfo(self.tr("Reading layers…"))
        inputs = self.INPUTS.read(self, parameters, context, feedback)
        note = shares_note(inputs.model.model)
        if note:
            feedback.pushWarning(note)
        if inputs.accommodations.frame is None:
            feedback.pushWarning(self.tr("No accommodations layer given: the supply is 0 everywhere."))
        if inputs.builtup is None:
            feedback.pushInfo(self.tr("No built-up area given: built-up km² and labour migrants "
                                      "per km² built-up are left empty."))

        result = inputs.housing_gap(progress.scaled(5, 80))
        for warning in result.warnings:
            feedback.pushWarning(warning)
        title = result.title
        feedback.pushInfo(self.tr("Scenario: {0}; labour migrants divided by: {1}").format(
            title, result.migrants.method))
        basis = result.regions["demand_basis"].iloc[0]
        feedback.pushInfo(self.tr("Demand rests on: {0}").format(basis))
        if basis == ASSUMED_DEMAND:
            feedback.pushWarning(self.tr(
                "The demand rests on the model's placeholder shares: it is an upper bound "
                "(bovengrens (aanname)), not the gap. Give the province's shares (shares file or "
                "the parameters) or a demand table."))
        # Layer names carry the label, so the map legend shows it.
        shown = f"{title} – {ASSUMED_DEMAND}" if basis == ASSUMED_DEMAND else title

        fields = make_fields(GAP_FIELDS)
        crs = QgsCoordinateReferenceSystem("EPSG:28992")
        outputs = {}
        for key, frame, name in (
                (self.MUNICIPALITIES_OUTPUT, result.municipalities,
                 self.tr("Housing gap per municipality – {0}").format(shown)),
                (self.REGIONS_OUTPUT, result.regions,
                 self.tr("Housing gap per region – {0}").format(shown))):
            sink, dest_id = self.parameterAsSink(parameters, key, context, fields,
                                                 QgsWkbTypes.Type.MultiPolygon, crs)
            if sink is None:
                raise InputError("cannot create the output", layer=key)
            write_frame(whole_numbers(frame, GAP_FIELDS), sink, fields, multipart=True)
            style_on_load(context, dest_id, "housing_gap.qml", name)
            outputs[key] = dest_id
        progress.report(88)

        if result.accommodations is not None:
            frame, acc_fields, renamed = _accommodations_output(
                result.accommodations, inputs.accommodations.frame, inputs.accommodations.source)
            self.report_renamed_fields(feedback, self.layer_name(
                parameters, "ACCOMMODATIONS", context, self.tr("Accommodations")), renamed)
            sink, dest_id = self.parameterAsSink(parameters, self.ACCOMMODATIONS_OUTPUT, context,
                                                 acc_fields, QgsWkbTypes.Type.Point, crs)
            if sink is not None:
                write_frame(frame, sink, acc_fields)
                style_on_load(context, dest_id, "accommodations.qml",
                              self.tr("Accommodations – {0}").format(title))
                outputs[self.ACCOMMODATIONS_OUTPUT] = dest_id
        progress.report(94)

        csv_path = self.parameterAsFileOutput(parameters, self.CSV_OUTPUT, context)
        if csv_path:
            write_csv(result.table(), csv_path)
            outputs[self.CSV_OUTPUT] = csv_path
        province = result.province
        outputs.update({
            self.SCENARIO_TITLE: title,
            self.PROVINCE_LABOUR_MIGRANTS: float(province["labour_migrants"]),
            self.PROVINCE_DEMAND: float(province["demand_beds"]),
            self.PROVINCE_SUPPLY: float(province["supply_beds"]),
            self.PROVINCE_GAP: float(province["gap_beds"]),
            self.PROVINCE_SHORTAGE: float(province["shortage_beds"]),
        })
        if province["beds_lapsed"] or province["beds_not_yet"]:
            feedback.pushInfo(self.tr("Not counted in {0}: {1:,.0f} beds whose end date falls "
                                      "before the end of {0}, {2:,.0f} beds available only from a "
                                      "later year.").format(result.migrants.year,
                                                            province["beds_lapsed"],
                                                            province["beds_not_yet"]))
        feedback.pushInfo(self.tr("Regional hiaten: the municipalities' shortages add up to "
                                  "{0:,.1f} beds, their surpluses to {1:,.1f}; net gap {2:,.1f}.")
                          .format(province["shortage_beds"], province["surplus_beds"],
                                  province["gap_beds"]))
        feedback.pushInfo(self.tr("Province: {0:,.0f} labour migrants, demand {1:,.0f}, supply "
                                  "{2:,.1f}, gap {3:,.1f} beds ({4})").format(
            province["labour_migrants"], province["demand_beds"], province["supply_beds"],
            province["gap_beds"], province["gap_class"]))
        progress.report(100)
        return outputs


def _accommodations_output(assigned, accommodations, source):
    """The input's attributes, all kept as they were, then the assignment (prefixed
    where the input has the same names: ``bridge.write.append_fields``); returns frame,
    fields, renamed."""
    kept = QgsFields()
    for field in source.fields():
        if field.name().lower() != "fid":
            kept.append(field)
    frame = assigned[[assigned.geometry.name]].copy()
    for field in kept:
        frame[field.name()] = accommodations[field.name()].reindex(assigned.index).values
    return append_fields(frame, kept, whole_numbers(assigned, ACCOMMODATION_FIELDS),
                         ACCOMMODATION_FIELDS, kept.names())

