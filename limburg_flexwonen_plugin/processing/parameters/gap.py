"""The parameter blocks of the municipal picture (housing gap, density raster, business
effect, site context).

One definition of each input, so every algorithm that needs municipalities, the
labour-migrant table, accommodations, a scenario or the demand model (``demand.py``)
offers the same parameters with the same defaults (taken from the model file) and reads
them the same way.
Each block is a value (its prefix and options) with ``add(algorithm)`` and
``read(algorithm, parameters, context)``; it keeps nothing of a run. A ``prefix`` keeps
the names unique where a block is added to another algorithm.
"""
from dataclasses import dataclass
from typing import Dict, Optional

import geopandas as gpd
import pandas as pd
from qgis.core import (QgsProcessing, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication

from ...bridge import settings
from ...bridge.read import source_to_frame, table_to_frame
from ...core.errors import InputError
from ...core.housing_gap import (AccommodationFields, DemandModel, HousingGapResult,
                                 MunicipalityFields, compute_housing_gap)
from ...core.scenarios import (DISTRIBUTION_METHODS, SCENARIO_KEYS, Scenario, load_model_document,
                               read_migrant_table, scenario)
from .block import Block, given, require_fields
from .demand import DemandTable, Model, ModelChoice

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
BUILTUP = "BUILTUP"
SCENARIO = "SCENARIO"
YEAR = "YEAR"
USER_TOTAL = "USER_TOTAL"
BASE_YEAR = "BASE_YEAR"
DISTRIBUTION = "DISTRIBUTION"


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


# ----------------------------------------------------------------------------- what is read

@dataclass(frozen=True)
class LayerInput:
    """A layer input as a frame, with the name the user knows it by."""
    frame: gpd.GeoDataFrame
    layer: str


@dataclass(frozen=True)
class MunicipalitiesInput(LayerInput):
    fields: MunicipalityFields


@dataclass(frozen=True)
class AccommodationsInput:
    """The accommodations (frame and source None when not given) and their fields."""
    frame: Optional[gpd.GeoDataFrame]
    fields: AccommodationFields
    layer: Optional[str]
    source: object = None


@dataclass(frozen=True)
class ScenarioChoice:
    scenario: Scenario
    base_year: Optional[int]
    method: str


# ----------------------------------------------------------------------------- blocks

class Municipalities(Block):
    """The municipalities with their code, name, region and inhabitants fields."""

    def __init__(self, prefix: str = "", advanced: bool = False, inhabitants: bool = True):
        super().__init__(prefix, advanced)
        self.inhabitants = inhabitants   # False: the inhabitants field is neither required nor read

    def add(self, algorithm) -> None:
        self._add(algorithm, QgsProcessingParameterFeatureSource(
            self.name(MUNICIPALITIES), tr("Municipalities"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self._field(algorithm, MUNICIPALITY_CODE_FIELD, tr("Municipality code field (CBS, GM####)"),
                    MUNICIPALITIES, "municipality_code", required=True)
        self._field(algorithm, MUNICIPALITY_NAME_FIELD, tr("Municipality name field"),
                    MUNICIPALITIES, "municipality_name")
        self._field(algorithm, REGION_FIELD, tr("Region field"), MUNICIPALITIES, "region")
        self._field(algorithm, INHABITANTS_FIELD, tr("Inhabitants field"), MUNICIPALITIES,
                    "inhabitants", numeric=True, required=self.inhabitants)

    def values(self, layer=None, fields: Optional[MunicipalityFields] = None) -> Dict[str, object]:
        """Parameter values for these parameters (None: the algorithm's default)."""
        values = {self.name(MUNICIPALITIES): layer}
        if fields is not None:
            values.update({self.name(MUNICIPALITY_CODE_FIELD): fields.code,
                           self.name(MUNICIPALITY_NAME_FIELD): fields.name,
                           self.name(REGION_FIELD): fields.region,
                           self.name(INHABITANTS_FIELD): fields.inhabitants})
        return given(values)

    def read(self, algorithm, parameters, context, feedback=None) -> MunicipalitiesInput:
        source, layer = self._source(algorithm, parameters, context, MUNICIPALITIES,
                                     tr("Municipalities"))
        if source is None:
            raise InputError("no municipalities layer given", layer=tr("Municipalities"))
        # The fields as found by processing.parameters.fields: name and region may be absent.
        fields = MunicipalityFields(
            self._string(algorithm, parameters, context, MUNICIPALITY_CODE_FIELD),
            self._string(algorithm, parameters, context, MUNICIPALITY_NAME_FIELD),
            self._string(algorithm, parameters, context, REGION_FIELD),
            self._string(algorithm, parameters, context, INHABITANTS_FIELD)
            if self.inhabitants else None)
        names = [fields.code, fields.name, fields.region, fields.inhabitants]
        require_fields(source, layer, names)
        return MunicipalitiesInput(source_to_frame(source, layer, names, feedback=feedback),
                                   layer, fields)


class Migrants(Block):
    """The labour-migrant table: municipality code, year and number."""

    def __init__(self, prefix: str = "", advanced: bool = False, optional: bool = False):
        super().__init__(prefix, advanced)
        self.optional = optional

    def add(self, algorithm) -> None:
        self._add(algorithm, QgsProcessingParameterFeatureSource(
            self.name(MIGRANTS), tr("Labour migrants per municipality (table)"),
            [QgsProcessing.SourceType.TypeVector], optional=self.optional))
        self._field(algorithm, MIGRANTS_CODE_FIELD, tr("Labour migrants: municipality code field"),
                    MIGRANTS, "migrants_code", required=True)
        self._field(algorithm, MIGRANTS_YEAR_FIELD, tr("Labour migrants: year field"), MIGRANTS,
                    "migrants_year", numeric=True)
        self._field(algorithm, MIGRANTS_COUNT_FIELD, tr("Labour migrants: number field"), MIGRANTS,
                    "migrants_count", numeric=True, required=True)

    def values(self, table=None, code: Optional[str] = None, year: Optional[str] = None,
               count: Optional[str] = None) -> Dict[str, object]:
        """Parameter values: the table and its code, year and number fields."""
        return given({self.name(MIGRANTS): table, self.name(MIGRANTS_CODE_FIELD): code,
                      self.name(MIGRANTS_YEAR_FIELD): year, self.name(MIGRANTS_COUNT_FIELD): count})

    def read(self, algorithm, parameters, context) -> Optional[pd.DataFrame]:
        """The table (``core.scenarios.read_migrant_table``), None when not given."""
        source, layer = self._source(algorithm, parameters, context, MIGRANTS, tr("Labour migrants"))
        if source is None:
            return None
        code, year, count = (self._string(algorithm, parameters, context, key) for key in (
            MIGRANTS_CODE_FIELD, MIGRANTS_YEAR_FIELD, MIGRANTS_COUNT_FIELD))
        require_fields(source, layer, [code, year, count])
        frame = table_to_frame(source, layer, [code, year, count])
        return read_migrant_table(frame, code, count, year, layer)


class Accommodations(Block):
    """Existing, permitted and planned accommodations with status, stay, beds and dates."""

    def __init__(self, prefix: str = "", advanced: bool = False, name_and_code: bool = True):
        super().__init__(prefix, advanced)
        self.name_and_code = name_and_code

    def add(self, algorithm) -> None:
        def field(key, label, field_key, **kind):
            self._field(algorithm, key, label, ACCOMMODATIONS, field_key, **kind)

        self._add(algorithm, QgsProcessingParameterFeatureSource(
            self.name(ACCOMMODATIONS), tr("Accommodations (existing, permitted, planned)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        if self.name_and_code:
            field(ACCOMMODATION_NAME_FIELD, tr("Accommodations: name field"), "accommodation_name")
        field(ACCOMMODATION_STATUS_FIELD, tr("Accommodations: status field"), "status",
              required=True)
        field(ACCOMMODATION_STAY_FIELD, tr("Accommodations: stay category field"),
              "accommodation_stay")
        field(ACCOMMODATION_BEDS_FIELD, tr("Accommodations: beds field"), "beds", numeric=True,
              required=True)
        if self.name_and_code:
            field(ACCOMMODATION_CODE_FIELD,
                  tr("Accommodations: municipality code field (assign by code instead of "
                     "by location)"), "accommodation_code")
        field(ACCOMMODATION_END_FIELD,
              tr("Accommodations: end date field (permit end, temporary building; counted "
                 "in a scenario year only when it ends on or after 31 December of it)"),
              "accommodation_end")
        field(ACCOMMODATION_FROM_YEAR_FIELD,
              tr("Accommodations: first year field (a planned accommodation counts from "
                 "this year)"), "accommodation_from_year", numeric=True)

    def values(self, layer=None, fields: Optional[AccommodationFields] = None) -> Dict[str, object]:
        """Parameter values for these parameters (name and code only where offered)."""
        values = {self.name(ACCOMMODATIONS): layer}
        if fields is not None:
            values.update({self.name(ACCOMMODATION_STATUS_FIELD): fields.status,
                           self.name(ACCOMMODATION_STAY_FIELD): fields.stay,
                           self.name(ACCOMMODATION_BEDS_FIELD): fields.beds,
                           self.name(ACCOMMODATION_END_FIELD): fields.end_date,
                           self.name(ACCOMMODATION_FROM_YEAR_FIELD): fields.from_year})
            if self.name_and_code:
                values.update({self.name(ACCOMMODATION_NAME_FIELD): fields.name,
                               self.name(ACCOMMODATION_CODE_FIELD): fields.code})
        return given(values)

    def read(self, algorithm, parameters, context, feedback=None) -> AccommodationsInput:
        source, layer = self._source(algorithm, parameters, context, ACCOMMODATIONS,
                                     tr("Accommodations"))
        if source is None:
            return AccommodationsInput(None, AccommodationFields(), None)

        def chosen(key):
            # None for a field this algorithm does not offer.
            return self._string(algorithm, parameters, context, key) \
                if self._has(algorithm, key) else None

        fields = AccommodationFields(*(chosen(key) for key in (
            ACCOMMODATION_NAME_FIELD, ACCOMMODATION_STATUS_FIELD, ACCOMMODATION_STAY_FIELD,
            ACCOMMODATION_BEDS_FIELD, ACCOMMODATION_CODE_FIELD, ACCOMMODATION_END_FIELD,
            ACCOMMODATION_FROM_YEAR_FIELD)))
        require_fields(source, layer, [fields.name, fields.status, fields.stay, fields.beds,
                                        fields.code, fields.end_date, fields.from_year])
        return AccommodationsInput(source_to_frame(source, layer, feedback=feedback), fields,
                                   layer, source)


class Builtup(Block):
    """The built-up area (optional)."""

    def add(self, algorithm) -> None:
        self._add(algorithm, QgsProcessingParameterFeatureSource(
            self.name(BUILTUP), tr("Built-up area"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))

    def values(self, layer=None) -> Dict[str, object]:
        return given({self.name(BUILTUP): layer})

    def read(self, algorithm, parameters, context, feedback=None) -> Optional[LayerInput]:
        source, layer = self._source(algorithm, parameters, context, BUILTUP, tr("Built-up area"))
        if source is None:
            return None
        return LayerInput(source_to_frame(source, layer, [], feedback=feedback), layer)


class ScenarioParameters(Block):
    """The scenario and year, and (``distribution``) how a total is divided."""

    def __init__(self, prefix: str = "", advanced: bool = False, distribution: bool = True):
        super().__init__(prefix, advanced)
        self.distribution = distribution

    def add(self, algorithm) -> None:
        # Default: the scenario chosen in Settings › Options › Flexwonen Limburg.
        self._add(algorithm, QgsProcessingParameterEnum(
            self.name(SCENARIO), tr("Scenario"), options=scenario_options(),
            defaultValue=SCENARIO_KEYS.index(settings.scenario_key())))
        self._add(algorithm, QgsProcessingParameterNumber(
            self.name(YEAR), tr("Year (0 = the scenario's own year; required for user-defined)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, maxValue=2100))
        self._add(algorithm, QgsProcessingParameterNumber(
            self.name(USER_TOTAL), tr("User-defined scenario: labour migrants in the province"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, optional=True))
        if self.distribution:
            self._add(algorithm, QgsProcessingParameterNumber(
                self.name(BASE_YEAR), tr("Base year of a scenario (0 = the table's latest year)"),
                QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, maxValue=2100))
            self._add(algorithm, QgsProcessingParameterEnum(
                self.name(DISTRIBUTION), tr("Dividing a scenario total over municipalities"),
                options=distribution_options(), defaultValue=0))

    def values(self, scenario: Optional[str] = None, year: Optional[int] = None,
               user_total: Optional[int] = None, base_year: Optional[int] = None,
               distribution: Optional[str] = None) -> Dict[str, object]:
        """Parameter values: the scenario by its key (one of SCENARIO_KEYS), its year and
        total, and (``distribution``) the base year and the method (one of
        DISTRIBUTION_METHODS); None: the algorithm's default."""
        values = {self.name(SCENARIO): None if scenario is None else SCENARIO_KEYS.index(scenario),
                  self.name(YEAR): year, self.name(USER_TOTAL): user_total}
        if self.distribution:
            values.update({self.name(BASE_YEAR): base_year, self.name(DISTRIBUTION):
                           None if distribution is None else DISTRIBUTION_METHODS.index(distribution)})
        return given(values)

    def read(self, algorithm, parameters, context) -> ScenarioChoice:
        key = SCENARIO_KEYS[algorithm.parameterAsEnum(parameters, self.name(SCENARIO), context)]
        year = algorithm.parameterAsInt(parameters, self.name(YEAR), context) or None
        total = algorithm.parameterAsInt(parameters, self.name(USER_TOTAL), context) or None
        base_year, method = None, DISTRIBUTION_METHODS[0]
        if self._has(algorithm, BASE_YEAR):
            base_year = algorithm.parameterAsInt(parameters, self.name(BASE_YEAR), context) or None
            method = DISTRIBUTION_METHODS[algorithm.parameterAsEnum(
                parameters, self.name(DISTRIBUTION), context)]
        return ScenarioChoice(scenario(key, year, total), base_year, method)


# ----------------------------------------------------------------------------- the whole model

@dataclass(frozen=True)
class GapData:
    """Everything the housing gap model reads, as the user gave it (None: not offered)."""
    municipalities: MunicipalitiesInput
    migrants: pd.DataFrame
    accommodations: Optional[AccommodationsInput]
    builtup: Optional[LayerInput]
    scenario: ScenarioChoice
    model: Optional[ModelChoice]
    demand_table: Optional[pd.DataFrame] = None

    @property
    def builtup_frame(self):
        return self.builtup.frame if self.builtup is not None else None

    @property
    def builtup_layer(self) -> str:
        return self.builtup.layer if self.builtup is not None else "built-up area"

    def housing_gap(self, progress) -> HousingGapResult:
        """``core.housing_gap.compute_housing_gap`` on these inputs."""
        municipalities, accommodations, chosen = self.municipalities, self.accommodations, self.scenario
        return compute_housing_gap(
            municipalities.frame, self.migrants, accommodations.frame, self.builtup_frame,
            self.model.model, chosen.scenario, base_year=chosen.base_year,
            method=chosen.method, municipality_fields=municipalities.fields,
            accommodation_fields=accommodations.fields,
            municipalities_layer=municipalities.layer,
            accommodations_layer=accommodations.layer or "accommodations",
            builtup_layer=self.builtup_layer, demand_table=self.demand_table,
            shares_source=self.model.shares_source,
            progress=progress)


class GapInputs:
    """The inputs of the municipal picture as one block, in this order: municipalities
    (``inhabitants``: their inhabitants field required and read), labour migrants,
    ``accommodations``, built-up area, scenario, the demand ``model`` (``advanced_model``:
    under Advanced) and an imported ``demand_table``."""

    def __init__(self, inhabitants: bool = True, accommodations: bool = True, model: bool = True,
                 demand_table: bool = True, advanced_model: bool = False):
        self.municipalities = Municipalities(inhabitants=inhabitants)
        self.migrants = Migrants()
        self.accommodations = Accommodations() if accommodations else None
        self.builtup = Builtup()
        self.scenario = ScenarioParameters()
        self.model = Model(advanced=advanced_model) if model else None
        self.demand_table = DemandTable() if demand_table else None

    def add(self, algorithm) -> None:
        for block in (self.municipalities, self.migrants, self.accommodations, self.builtup,
                      self.scenario, self.model, self.demand_table):
            if block is not None:
                block.add(algorithm)

    def values(self, municipalities=None, municipality_fields: Optional[MunicipalityFields] = None,
               migrants=None, migrant_fields: Optional[Dict[str, Optional[str]]] = None,
               accommodations=None, accommodation_fields: Optional[AccommodationFields] = None,
               builtup=None, scenario: Optional[str] = None,
               model: Optional[DemandModel] = None) -> Dict[str, object]:
        """Parameter values for the municipal picture's inputs (``migrant_fields``: the
        keyword arguments of ``Migrants.values``; the scenario by its key); None: the
        algorithm's default."""
        values = self.municipalities.values(municipalities, municipality_fields)
        values.update(self.migrants.values(migrants, **(migrant_fields or {})))
        if self.accommodations is not None:
            values.update(self.accommodations.values(accommodations, accommodation_fields))
        values.update(self.builtup.values(builtup))
        values.update(self.scenario.values(scenario))
        if self.model is not None:
            values.update(self.model.values(model))
        return values

    def read(self, algorithm, parameters, context, feedback=None) -> GapData:
        def read(block, *more):
            return None if block is None else block.read(algorithm, parameters, context, *more)

        municipalities = read(self.municipalities, feedback)
        migrants = read(self.migrants)
        if migrants is None:
            raise InputError("no labour-migrant table given", layer=tr("Labour migrants"))
        accommodations = read(self.accommodations, feedback)
        builtup = read(self.builtup, feedback)
        return GapData(municipalities, migrants, accommodations, builtup, read(self.scenario),
                       read(self.model), read(self.demand_table))
