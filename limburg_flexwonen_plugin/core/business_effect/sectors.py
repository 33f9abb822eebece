"""Reference shares of labour migrants per sector, each with its source."""
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Tuple

import pandas as pd

from ..errors import InputError
from ..resource_files import resource
from .fields import SECTOR_FILE


@dataclass
class SectorTable:
    """Reference shares of labour migrants per sector, each with its source."""
    shares: Dict[str, Tuple[str, float, str]]   # lower-case sector -> (sector, share 0-1, source)
    layer: str = "sector table"

    def lookup(self, sector) -> Optional[Tuple[str, float, str]]:
        if sector is None or str(sector).strip() == "":
            return None
        return self.shares.get(str(sector).strip().lower())


SECTOR_COLUMNS = ("sector", "labour_migrant_share_pct", "source")


def sector_table_from_frame(frame: pd.DataFrame, layer: str = "sector table",
                            sector_field: str = "sector",
                            share_field: str = "labour_migrant_share_pct",
                            source_field: str = "source") -> SectorTable:
    """Reads and checks a sector table: every row needs a share of 0-100 % and a source."""
    for name in (sector_field, share_field, source_field):
        if name not in frame.columns:
            raise InputError("field not found", layer=layer, field=name)
    shares: Dict[str, Tuple[str, float, str]] = {}
    for index, row in frame.iterrows():
        sector = row[sector_field]
        if sector is None or (isinstance(sector, float) and math.isnan(sector)) or not str(sector).strip():
            continue
        value = pd.to_numeric(pd.Series([row[share_field]]), errors="coerce").iloc[0]
        if pd.isna(value) or not 0 <= value <= 100:
            raise InputError(f"share '{row[share_field]}' is not a percentage from 0 to 100",
                             layer=layer, feature=index, field=share_field)
        source = row[source_field]
        if source is None or (isinstance(source, float) and math.isnan(source)) or not str(source).strip():
            raise InputError(f"sector '{sector}' has no source: only sourced shares may be used",
                             layer=layer, feature=index, field=source_field)
        key = str(sector).strip().lower()
        if key in shares:
            raise InputError(f"sector '{sector}' occurs twice", layer=layer, feature=index,
                             field=sector_field)
        shares[key] = (str(sector).strip(), float(value) / 100.0, str(source).strip())
    return SectorTable(shares, layer)


def load_sector_table(path: Optional[Path] = None) -> SectorTable:
    """The shipped sector table (empty until sourced figures are added)."""
    path = Path(path) if path is not None else resource("models", SECTOR_FILE)
    frame = pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""])
    return sector_table_from_frame(frame, path.name)
