"""The parameter blocks of the municipal picture (housing gap, density raster, site context).

One definition of each input, so every algorithm that needs municipalities, the
labour-migrant table, accommodations, a scenario or the demand model offers the same
parameters with the same defaults (taken from the model file) and reads them the same way.
A ``prefix`` keeps the names unique where a block is added to another algorithm.
"""
from typing import Optional, Tuple

from qgis.core import (QgsProcessing, QgsProcessingParameterDefinition, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication

from ..bridge import settings
from ..core.demand import read_demand_table, read_shares_file
from ..core.errors import InputError
from ..core.housing_gap import AccommodationFields, DemandModel, MunicipalityFields
from ..core.scenarios import (DISTRIBUTION_METHODS, SCENARIO_KEYS, Scenario, load_model_document,
                              read_migrant_table, scenario)
from ..bridge.read import source_to_frame, table_to_frame
from .field_parameters import field_parameter

MUNICIPALITIES = "MUNICIPALITIES"
MUNICIPALITY_CODE_FIELD = "MUNICIPALITY_CODE_FIELD"
MUNICIPALITY_NAME_FIELD = "MUNICIPALITY_NAME_FIELD"
REGION_FIELD = "REGION_FIELD"
INHABITANTS_FIELD = "INHABITANTS_FIELD"
MIGRANTS = "MIGRANTS"
MIGRANTS_CODE_FIELD = "MIGRANTS_CODE_FIELD"
MIGRANTS_YEAR_FIELD = "MIGRANTS_YEAR_FIELD"
MIGRANTS_COUNT_FIELD = "MIGRANTS_COUNT_FIELD"
ACCOMMODATIONS = "ACCOMMODATIONS"
ACCOMMODATION_NAME_FIELD = "ACCOMMODATION_NAME_FIELD"
ACCOMMODATION_STATUS_FIELD = "ACCOMMODATION_STATUS_FIELD"
ACCOMMODATION_STAY_FIELD = "ACCOMMODATION_STAY_FIELD"
ACCOMMODATION_BEDS_FIELD = "ACCOMMODATION_BEDS_FIELD"
ACCOMMODATION_CODE_FIELD = "ACCOMMODATION_CODE_FIELD"
ACCOMMODATION_END_FIELD = "ACCOMMODATION_END_FIELD"
ACCOMMODATION_FROM_YEAR_FIELD = "ACCOMMODATION_FROM_YEAR_FIELD"
# Default names of the supply-by-date fields; a layer without them has no dates.
BUILTUP = "BUILTUP"
SCENARIO = "SCENARIO"
YEAR = "YEAR"
USER_TOTAL = "USER_TOTAL"
BASE_YEAR = "BASE_YEAR"
DISTRIBUTION = "DISTRIBUTION"
SHARE_SHORT = "SHARE_SHORT"
SHARE_MID = "SHARE_MID"
SHARE_LONG = "SHARE_LONG"
SHARE_REGULAR_HOUSING = "SHARE_REGULAR_HOUSING"
HOUSEHOLD_SIZE = "HOUSEHOLD_SIZE"
SHARES_FILE = "SHARES_FILE"
DEMAND_TABLE = "DEMAND_TABLE"
DEMAND_CODE_FIELD = "DEMAND_CODE_FIELD"
DEMAND_BEDS_FIELD = "DEMAND_BEDS_FIELD"
DEMAND_DWELLINGS_FIELD = "DEMAND_DWELLINGS_FIELD"
DEMAND_SHORT_FIELD = "DEMAND_SHORT_FIELD"
DEMAND_MID_FIELD = "DEMAND_MID_FIELD"
DEMAND_LONG_FIELD = "DEMAND_LONG_FIELD"
PERSONS_PER_BED = "PERSONS_PER_BED"
WEIGHT_EXISTING = "WEIGHT_EXISTING"
WEIGHT_PERMITTED = "WEIGHT_PERMITTED"
WEIGHT_PLANNED = "WEIGHT_PLANNED"
BALANCED_BAND = "BALANCED_BAND"


def tr(text: str) -> str:
    return QCoreApplication.translate("GapInputs", text)


def scenario_options():
    """Labels of SCENARIO_KEYS, in that order, with the figures from the model file."""
    scenarios = load_model_document()["scenarios"]
    return [
        tr("Current (the table's latest year, or the year given)"),
        tr("2030 low ({0:,} labour migrants in Limburg)").format(scenarios["low_2030"]["total"]),
        tr("2030 high ({0:,} labour migrants in Limburg)").format(scenarios["high_2030"]["total"]),
        tr("User-defined (province total and year below)"),
    ]


def distribution_options():
    """Labels of DISTRIBUTION_METHODS, in that order."""
    return [
        tr("Automatic: own trend when the table holds several years, else current share"),
        tr("Current share of each municipality"),
        tr("Own trend of each municipality (straight line through the table's years)"),
    ]


class GapInputs:
    """Adds one block of parameters to ``algorithm`` and reads them back."""

    def __init__(self, algorithm, prefix: str = "", advanced: bool = False):
        self.algorithm = algorithm
        self.prefix = prefix
        self.advanced = advanced
        self.shares_source: Optional[str] = None   # set by read_model from a shares file

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def _add(self, parameter) -> None:
        if self.advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.algorithm.addParameter(parameter)

    def _field(self, key, label, parent, field_key, numeric=False, required=False):
        # Empty (the default) finds the layer's usual field for ``field_key``
        # (processing.field_parameters), CBS/PDOK names included.
        self._add(field_parameter(self.name(key), label, self.name(parent), field_key,
                                  required=required, numeric=numeric))

    # ------------------------------------------------------------------ adding

    def add_municipalities(self, inhabitants_required: bool = True) -> None:
        self._add(QgsProcessingParameterFeatureSource(
            self.name(MUNICIPALITIES), tr("Municipalities"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self._field(MUNICIPALITY_CODE_FIELD, tr("Municipality code field (CBS, GM####)"),
                    MUNICIPALITIES, "municipality_code",
                    required=True)
        self._field(MUNICIPALITY_NAME_FIELD, tr("Municipality name field"), MUNICIPALITIES,
                    "municipality_name")
        self._field(REGION_FIELD, tr("Region field"), MUNICIPALITIES, "region")
        self._field(INHABITANTS_FIELD, tr("Inhabitants field"), MUNICIPALITIES, "inhabitants",
                    numeric=True, required=inhabitants_required)

    def add_migrants(self, optional: bool = False) -> None:
        self._add(QgsProcessingParameterFeatureSource(
            self.name(MIGRANTS), tr("Labour migrants per municipality (table)"),
            [QgsProcessing.SourceType.TypeVector], optional=optional))
        self._field(MIGRANTS_CODE_FIELD, tr("Labour migrants: municipality code field"), MIGRANTS,
                    "migrants_code", required=True)
        self._field(MIGRANTS_YEAR_FIELD, tr("Labour migrants: year field"), MIGRANTS,
                    "migrants_year", numeric=True)
        self._field(MIGRANTS_COUNT_FIELD, tr("Labour migrants: number field"), MIGRANTS,
                    "migrants_count", numeric=True, required=True)

    def add_accommodations(self, with_name_and_code: bool = True) -> None:
        self._add(QgsProcessingParameterFeatureSource(
            self.name(ACCOMMODATIONS), tr("Accommodations (existing, permitted, planned)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        if with_name_and_code:
            self._field(ACCOMMODATION_NAME_FIELD, tr("Accommodations: name field"), ACCOMMODATIONS,
                        "accommodation_name")
        self._field(ACCOMMODATION_STATUS_FIELD, tr("Accommodations: status field"), ACCOMMODATIONS,
                    "status", required=True)
        self._field(ACCOMMODATION_STAY_FIELD, tr("Accommodations: stay category field"),
                    ACCOMMODATIONS, "accommodation_stay")
        self._field(ACCOMMODATION_BEDS_FIELD, tr("Accommodations: beds field"), ACCOMMODATIONS,
                    "beds", numeric=True, required=True)
        if with_name_and_code:
            self._field(ACCOMMODATION_CODE_FIELD,
                        tr("Accommodations: municipality code field (assign by code instead of "
                           "by location)"), ACCOMMODATIONS, "accommodation_code")
        self._field(ACCOMMODATION_END_FIELD,
                    tr("Accommodations: end date field (permit end, temporary building; counted "
                       "in a scenario year only when it ends on or after 31 December of it)"),
                    ACCOMMODATIONS, "accommodation_end")
        self._field(ACCOMMODATION_FROM_YEAR_FIELD,
                    tr("Accommodations: first year field (a planned accommodation counts from "
                       "this year)"), ACCOMMODATIONS, "accommodation_from_year", numeric=True)

    def add_builtup(self) -> None:
        self._add(QgsProcessingParameterFeatureSource(
            self.name(BUILTUP), tr("Built-up area"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))

    def add_scenario(self, with_distribution: bool = True) -> None:
        # Default: the scenario chosen in Settings › Options › Flexwonen Limburg.
        self._add(QgsProcessingParameterEnum(
            self.name(SCENARIO), tr("Scenario"), options=scenario_options(),
            defaultValue=SCENARIO_KEYS.index(settings.scenario_key())))
        self._add(QgsProcessingParameterNumber(
            self.name(YEAR), tr("Year (0 = the scenario's own year; required for user-defined)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, maxValue=2100))
        self._add(QgsProcessingParameterNumber(
            self.name(USER_TOTAL), tr("User-defined scenario: labour migrants in the province"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, optional=True))
        if with_distribution:
            self._add(QgsProcessingParameterNumber(
                self.name(BASE_YEAR), tr("Base year of a scenario (0 = the table's latest year)"),
                QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, maxValue=2100))
            self._add(QgsProcessingParameterEnum(
                self.name(DISTRIBUTION), tr("Dividing a scenario total over municipalities"),
                options=distribution_options(), defaultValue=0))

    def add_model(self) -> None:
        """The demand model's parameters, defaults from the model file."""
        defaults = DemandModel.defaults()

        def number(key, label, value, minimum, maximum):
            self._add(QgsProcessingParameterNumber(
                self.name(key), label, QgsProcessingParameterNumber.Type.Double,
                defaultValue=value, minValue=minimum, maxValue=maximum))

        number(SHARE_SHORT, tr("Share of labour migrants in short stay (%)"),
               defaults.share_short * 100, 0.0, 100.0)
        number(SHARE_MID, tr("Share of labour migrants in mid stay (%)"),
               defaults.share_mid * 100, 0.0, 100.0)
        number(SHARE_LONG, tr("Share of labour migrants in long stay (long-term residents, %)"),
               defaults.share_long * 100, 0.0, 100.0)
        number(SHARE_REGULAR_HOUSING,
               tr("Share of long-term residents living in regular housing (no demand, %)"),
               defaults.share_regular_housing * 100, 0.0, 100.0)
        number(HOUSEHOLD_SIZE, tr("Household size of long-term residents (persons per dwelling)"),
               defaults.household_size, 1.0, 6.0)
        number(PERSONS_PER_BED, tr("Persons per bed"), defaults.persons_per_bed, 0.5, 1.0)
        number(WEIGHT_EXISTING, tr("Supply weight of existing beds (0–1)"),
               defaults.weight_existing, 0.0, 1.0)
        number(WEIGHT_PERMITTED, tr("Supply weight of permitted beds (0–1)"),
               defaults.weight_permitted, 0.0, 1.0)
        number(WEIGHT_PLANNED, tr("Supply weight of planned beds (0–1)"),
               defaults.weight_planned, 0.0, 1.0)
        number(BALANCED_BAND, tr("Balanced when the gap is within ± this share of the demand (%)"),
               defaults.balanced_band * 100, 0.0, 100.0)
        self._add(QgsProcessingParameterFile(
            self.name(SHARES_FILE),
            tr("Province's shares file (JSON with source; replaces the shares above)"),
            extension="json", optional=True))

    def add_demand_table(self) -> None:
        """An imported demand per municipality that replaces the model's demand."""
        self._add(QgsProcessingParameterFeatureSource(
            self.name(DEMAND_TABLE),
            tr("Demand per municipality (table; replaces the demand model, current scenario)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self._field(DEMAND_CODE_FIELD, tr("Demand table: municipality code field"), DEMAND_TABLE,
                    "demand_code", required=True)
        self._field(DEMAND_BEDS_FIELD, tr("Demand table: beds field"), DEMAND_TABLE,
                    "demand_beds", numeric=True, required=True)
        self._field(DEMAND_DWELLINGS_FIELD, tr("Demand table: dwellings field (long-term residents)"),
                    DEMAND_TABLE, "demand_dwellings", numeric=True)
        for key, label, field_key in (
                (DEMAND_SHORT_FIELD, tr("Demand table: short-stay beds field"), "demand_short"),
                (DEMAND_MID_FIELD, tr("Demand table: mid-stay beds field"), "demand_mid"),
                (DEMAND_LONG_FIELD, tr("Demand table: long-stay beds field"), "demand_long")):
            self._field(key, label, DEMAND_TABLE, field_key, numeric=True)

    # ------------------------------------------------------------------ reading

    def _string(self, parameters, context, key) -> Optional[str]:
        return self.algorithm.parameterAsString(parameters, self.name(key), context) or None

    def source(self, parameters, context, key, fallback):
        source = self.algorithm.parameterAsSource(parameters, self.name(key), context)
        if source is None:
            return None, None
        return source, self.algorithm.layer_name(parameters, self.name(key), context, fallback)

    def read_municipalities(self, parameters, context, feedback, with_inhabitants: bool = True):
        source, layer = self.source(parameters, context, MUNICIPALITIES, tr("Municipalities"))
        if source is None:
            raise InputError("no municipalities layer given", layer=tr("Municipalities"))
        # The fields as found by processing.field_parameters: name and region may be absent.
        fields = MunicipalityFields(
            self._string(parameters, context, MUNICIPALITY_CODE_FIELD),
            self._string(parameters, context, MUNICIPALITY_NAME_FIELD),
            self._string(parameters, context, REGION_FIELD),
            self._string(parameters, context, INHABITANTS_FIELD) if with_inhabitants else None)
        _require_fields(source, layer, [fields.code, fields.name, fields.region, fields.inhabitants])
        frame = source_to_frame(source, layer, [fields.code, fields.name, fields.region,
                                                fields.inhabitants], feedback=feedback)
        return frame, fields, layer

    def read_migrants(self, parameters, context):
        source, layer = self.source(parameters, context, MIGRANTS, tr("Labour migrants"))
        if source is None:
            return None
        code = self._string(parameters, context, MIGRANTS_CODE_FIELD)
        year = self._string(parameters, context, MIGRANTS_YEAR_FIELD)
        count = self._string(parameters, context, MIGRANTS_COUNT_FIELD)
        _require_fields(source, layer, [code, year, count])
        frame = table_to_frame(source, layer, [code, year, count])
        return read_migrant_table(frame, code, count, year, layer)

    def read_accommodations(self, parameters, context, feedback):
        source, layer = self.source(parameters, context, ACCOMMODATIONS, tr("Accommodations"))
        if source is None:
            return None, AccommodationFields(), None, None
        fields = AccommodationFields(
            self._string(parameters, context, ACCOMMODATION_NAME_FIELD),
            self._string(parameters, context, ACCOMMODATION_STATUS_FIELD),
            self._string(parameters, context, ACCOMMODATION_STAY_FIELD),
            self._string(parameters, context, ACCOMMODATION_BEDS_FIELD),
            self._string(parameters, context, ACCOMMODATION_CODE_FIELD),
            self._optional_field(parameters, context, ACCOMMODATION_END_FIELD),
            self._optional_field(parameters, context, ACCOMMODATION_FROM_YEAR_FIELD))
        _require_fields(source, layer, [fields.name, fields.status, fields.stay, fields.beds,
                                        fields.code, fields.end_date, fields.from_year])
        frame = source_to_frame(source, layer, feedback=feedback)
        return frame, fields, layer, source

    def _optional_field(self, parameters, context, key) -> Optional[str]:
        """The field found or chosen for an input not every algorithm has (None: absent)."""
        if self.algorithm.parameterDefinition(self.name(key)) is None:
            return None
        return self._string(parameters, context, key)

    def read_builtup(self, parameters, context, feedback):
        source, layer = self.source(parameters, context, BUILTUP, tr("Built-up area"))
        if source is None:
            return None, None
        return source_to_frame(source, layer, [], feedback=feedback), layer

    def read_scenario(self, parameters, context) -> Tuple[Scenario, Optional[int], str]:
        algorithm = self.algorithm
        key = SCENARIO_KEYS[algorithm.parameterAsEnum(parameters, self.name(SCENARIO), context)]
        year = algorithm.parameterAsInt(parameters, self.name(YEAR), context) or None
        total = algorithm.parameterAsInt(parameters, self.name(USER_TOTAL), context) or None
        chosen = scenario(key, year, total)
        base_year, method = None, DISTRIBUTION_METHODS[0]
        if algorithm.parameterDefinition(self.name(BASE_YEAR)) is not None:
            base_year = algorithm.parameterAsInt(parameters, self.name(BASE_YEAR), context) or None
            method = DISTRIBUTION_METHODS[algorithm.parameterAsEnum(
                parameters, self.name(DISTRIBUTION), context)]
        return chosen, base_year, method

    def read_model(self, parameters, context) -> DemandModel:
        def value(key):
            return self.algorithm.parameterAsDouble(parameters, self.name(key), context)
        model = DemandModel.defaults().replace(
            share_short=value(SHARE_SHORT) / 100.0, share_mid=value(SHARE_MID) / 100.0,
            share_long=value(SHARE_LONG) / 100.0,
            share_regular_housing=value(SHARE_REGULAR_HOUSING) / 100.0,
            household_size=value(HOUSEHOLD_SIZE), persons_per_bed=value(PERSONS_PER_BED),
            weight_existing=value(WEIGHT_EXISTING), weight_permitted=value(WEIGHT_PERMITTED),
            weight_planned=value(WEIGHT_PLANNED), balanced_band=value(BALANCED_BAND) / 100.0)
        path = self._string(parameters, context, SHARES_FILE) \
            if self.algorithm.parameterDefinition(self.name(SHARES_FILE)) is not None else None
        if path:
            shares = read_shares_file(path)
            model = model.replace(**shares["values"])
            self.shares_source = shares["source"]
        model.validate()
        return model

    def read_demand_table(self, parameters, context):
        """The imported demand table, or None."""
        if self.algorithm.parameterDefinition(self.name(DEMAND_TABLE)) is None:
            return None
        source, layer = self.source(parameters, context, DEMAND_TABLE, tr("Demand table"))
        if source is None:
            return None
        # As found (or chosen) by processing.field_parameters; code and beds are required.
        code = self._string(parameters, context, DEMAND_CODE_FIELD)
        beds = self._string(parameters, context, DEMAND_BEDS_FIELD)
        dwellings = self._string(parameters, context, DEMAND_DWELLINGS_FIELD)
        categories = [self._string(parameters, context, key)
                      for key in (DEMAND_SHORT_FIELD, DEMAND_MID_FIELD, DEMAND_LONG_FIELD)]
        names = [code, beds, dwellings] + categories
        _require_fields(source, layer, names)
        frame = table_to_frame(source, layer, [name for name in names if name])
        return read_demand_table(frame, code, beds, dwellings, *categories, layer=layer)


def _require_fields(source, layer, names) -> None:
    """Names the missing field before any reading (the default names may not exist)."""
    existing = set(source.fields().names())
    for name in names:
        if name and name not in existing:
            raise InputError("field not found", layer=layer, field=name)


def shares_note(model: DemandModel) -> Optional[str]:
    """A warning when the shares add up to less than 100 %: the rest is no demand."""
    total = sum(model.shares.values())
    if total < 1 - 1e-6:
        return tr("The shares per stay category add up to {0:.0f} %: the other {1:.0f} % of the "
                  "labour migrants is taken to live in regular housing and is not counted as "
                  "demand.").format(total * 100, (1 - total) * 100)
    return None
