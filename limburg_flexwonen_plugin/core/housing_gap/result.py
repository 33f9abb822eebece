"""The housing gap's result and its CSV."""
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import geopandas as gpd
import pandas as pd

from ..atomic import atomic_output
from ..scenarios import ScenarioMigrants
from .demand_model import DemandModel
from .fields import GAP_FIELDS, OUTPUT_FIELD_NAMES, PROVINCE_LEVEL


@dataclass
class HousingGapResult:
    municipalities: gpd.GeoDataFrame       # one row per municipality, OUTPUT_FIELDS + geometry
    regions: gpd.GeoDataFrame              # one row per region, then the province (no geometry)
    accommodations: Optional[gpd.GeoDataFrame]
    migrants: ScenarioMigrants
    model: DemandModel
    warnings: List[str] = field(default_factory=list)

    @property
    def province(self) -> pd.Series:
        return self.regions[self.regions["level"] == PROVINCE_LEVEL].iloc[0]

    @property
    def title(self) -> str:
        return self.migrants.title

    def table(self) -> pd.DataFrame:
        """Municipalities, regions and the province in one table (the CSV)."""
        columns = ["level"] + [name for name in OUTPUT_FIELD_NAMES if name != "level"]
        frames = [pd.DataFrame(self.municipalities[columns]), pd.DataFrame(self.regions[columns])]
        table = pd.concat(frames, ignore_index=True)
        for name, kind in GAP_FIELDS:
            if kind == "int":
                table[name] = table[name].astype("float64").round().astype("Int64")
        return table


def write_csv(frame: pd.DataFrame, path) -> Path:
    """Writes the table as UTF-8 CSV, complete or absent (``atomic``)."""
    path = Path(path)
    output = frame.copy()
    for column in output.columns:
        if output[column].dtype == object:
            output[column] = output[column].where(output[column].notna(), None)
    with atomic_output(path) as temporary:
        output.to_csv(temporary, index=False, encoding="utf-8", lineterminator="\n")
    return path
