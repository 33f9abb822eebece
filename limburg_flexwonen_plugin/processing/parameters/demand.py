"""The demand model's parameter blocks: the model's parameters (defaults from the model
file, or a province's shares file) and an imported demand per municipality."""
from dataclasses import dataclass
from typing import Dict, Optional

import pandas as pd
from qgis.core import (QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication

from ...bridge.read import table_to_frame
from ...core.demand import read_demand_table, read_shares_file
from ...core.housing_gap import DemandModel
from .block import Block, given, require_fields

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
    # The context of the municipal picture's blocks (processing/parameters/gap.py).
    return QCoreApplication.translate("GapInputs", text)


@dataclass(frozen=True)
class ModelChoice:
    """The demand model, and the province's shares file it took its shares from."""
    model: DemandModel
    shares_source: Optional[str] = None


class Model(Block):
    """The demand model's parameters, defaults from the model file, and a shares file."""

    def add(self, algorithm) -> None:
        defaults = DemandModel.defaults()

        def number(key, label, value, minimum, maximum):
            self._add(algorithm, QgsProcessingParameterNumber(
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
        self._add(algorithm, QgsProcessingParameterFile(
            self.name(SHARES_FILE),
            tr("Province's shares file (JSON with source; replaces the shares above)"),
            extension="json", optional=True))

    def values(self, model: Optional[DemandModel] = None,
               shares_file: Optional[str] = None) -> Dict[str, object]:
        """Parameter values for the model's parameters (shares in per cent, as asked);
        None: the algorithm's default."""
        values = {self.name(SHARES_FILE): shares_file}
        if model is not None:
            values.update({
                self.name(SHARE_SHORT): model.share_short * 100, self.name(SHARE_MID): model.share_mid * 100,
                self.name(SHARE_LONG): model.share_long * 100,
                self.name(SHARE_REGULAR_HOUSING): model.share_regular_housing * 100,
                self.name(HOUSEHOLD_SIZE): model.household_size,
                self.name(PERSONS_PER_BED): model.persons_per_bed,
                self.name(WEIGHT_EXISTING): model.weight_existing,
                self.name(WEIGHT_PERMITTED): model.weight_permitted,
                self.name(WEIGHT_PLANNED): model.weight_planned,
                self.name(BALANCED_BAND): model.balanced_band * 100})
        return given(values)

    def read(self, algorithm, parameters, context) -> ModelChoice:
        def value(key):
            return algorithm.parameterAsDouble(parameters, self.name(key), context)
        model = DemandModel.defaults().replace(
            share_short=value(SHARE_SHORT) / 100.0, share_mid=value(SHARE_MID) / 100.0,
            share_long=value(SHARE_LONG) / 100.0,
            share_regular_housing=value(SHARE_REGULAR_HOUSING) / 100.0,
            household_size=value(HOUSEHOLD_SIZE), persons_per_bed=value(PERSONS_PER_BED),
            weight_existing=value(WEIGHT_EXISTING), weight_permitted=value(WEIGHT_PERMITTED),
            weight_planned=value(WEIGHT_PLANNED), balanced_band=value(BALANCED_BAND) / 100.0)
        path = self._string(algorithm, parameters, context, SHARES_FILE) \
            if self._has(algorithm, SHARES_FILE) else None
        source = None
        if path:
            shares = read_shares_file(path)
            model = model.replace(**shares["values"])
            source = shares["source"]
        model.validate()
        return ModelChoice(model, source)


class DemandTable(Block):
    """An imported demand per municipality that replaces the model's demand."""

    def add(self, algorithm) -> None:
        def field(key, label, field_key, **kind):
            self._field(algorithm, key, label, DEMAND_TABLE, field_key, **kind)

        self._add(algorithm, QgsProcessingParameterFeatureSource(
            self.name(DEMAND_TABLE),
            tr("Demand per municipality (table; replaces the demand model, current scenario)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        field(DEMAND_CODE_FIELD, tr("Demand table: municipality code field"), "demand_code",
              required=True)
        field(DEMAND_BEDS_FIELD, tr("Demand table: beds field"), "demand_beds", numeric=True,
              required=True)
        field(DEMAND_DWELLINGS_FIELD, tr("Demand table: dwellings field (long-term residents)"),
              "demand_dwellings", numeric=True)
        for key, label, field_key in (
                (DEMAND_SHORT_FIELD, tr("Demand table: short-stay beds field"), "demand_short"),
                (DEMAND_MID_FIELD, tr("Demand table: mid-stay beds field"), "demand_mid"),
                (DEMAND_LONG_FIELD, tr("Demand table: long-stay beds field"), "demand_long")):
            field(key, label, field_key, numeric=True)

    def values(self, table=None, code: Optional[str] = None, beds: Optional[str] = None,
               dwellings: Optional[str] = None, short: Optional[str] = None, mid: Optional[str] = None,
               long: Optional[str] = None) -> Dict[str, object]:
        """Parameter values: the table and its fields; None: the algorithm's default."""
        return given({self.name(DEMAND_TABLE): table, self.name(DEMAND_CODE_FIELD): code,
                      self.name(DEMAND_BEDS_FIELD): beds, self.name(DEMAND_DWELLINGS_FIELD): dwellings,
                      self.name(DEMAND_SHORT_FIELD): short, self.name(DEMAND_MID_FIELD): mid,
                      self.name(DEMAND_LONG_FIELD): long})

    def read(self, algorithm, parameters, context) -> Optional[pd.DataFrame]:
        """The imported demand table (``core.demand.read_demand_table``), or None."""
        if not self._has(algorithm, DEMAND_TABLE):
            return None
        source, layer = self._source(algorithm, parameters, context, DEMAND_TABLE,
                                     tr("Demand table"))
        if source is None:
            return None
        # As found (or chosen) by processing.parameters.fields; code and beds are required.
        names = [self._string(algorithm, parameters, context, key) for key in (
            DEMAND_CODE_FIELD, DEMAND_BEDS_FIELD, DEMAND_DWELLINGS_FIELD, DEMAND_SHORT_FIELD,
            DEMAND_MID_FIELD, DEMAND_LONG_FIELD)]
        require_fields(source, layer, names)
        frame = table_to_frame(source, layer, [name for name in names if name])
        return read_demand_table(frame, *names, layer=layer)


def shares_note(model: DemandModel) -> Optional[str]:
    """A warning when the shares add up to less than 100 %: the rest is no demand."""
    total = sum(model.shares.values())
    if total < 1 - 1e-6:
        return tr("The shares per stay category add up to {0:.0f} %: the other {1:.0f} % of the "
                  "labour migrants is taken to live in regular housing and is not counted as "
                  "demand.").format(total * 100, (1 - total) * 100)
    return None
