"""Where the demand comes from, and whether it is an upper bound.

The housing gap's demand rests either on the demand model's shares (the model file's
placeholders, the user's own values, or a province-supplied shares file) or on an
imported per-municipality demand table (such as a study of the housing need of labour
migrants per municipality). While it rests on the placeholders, every output labels it
``bovengrens (aanname)``: the placeholder shares count every working labour migrant as
demand, which is an upper bound, not the gap.
"""
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional

import numpy as np
import pandas as pd

from .errors import InputError
from .field_mapping import table_codes

# The label the pages, cards and legends show beside demand that rests on placeholders.
ASSUMED_DEMAND = "bovengrens (aanname)"
SHARE_PARAMETERS = ("share_short", "share_mid", "share_long", "share_regular_housing",
                    "household_size")
DEMAND_COLUMNS = ("demand_beds", "demand_short", "demand_mid", "demand_long", "demand_dwellings")


@dataclass(frozen=True)
class DemandBasis:
    """What the demand rests on, as recorded in every output (``demand_basis``)."""
    text: str
    assumed: bool

    @classmethod
    def of_model(cls, model, document: Dict[str, Any],
                 shares_source: Optional[str] = None) -> "DemandBasis":
        if shares_source:
            return cls(f"aandelen: {shares_source}", False)
        parameters = document["parameters"]
        placeholder = all(
            parameters[name].get("status") != "assumption"
            or abs(getattr(model, name) - float(parameters[name]["default"])) < 1e-9
            for name in SHARE_PARAMETERS)
        if placeholder:
            return cls(ASSUMED_DEMAND, True)
        return cls("eigen aandelen (parameters)", False)

    @classmethod
    def of_table(cls, layer: str) -> "DemandBasis":
        return cls(f"vraagtabel: {layer}", False)


def read_shares_file(path) -> Dict[str, Any]:
    """A province's shares as a JSON object: ``source`` (required: where the figures come
    from) and any of ``share_short``, ``share_mid``, ``share_long`` (0-1),
    ``share_regular_housing`` (0-1), ``household_size``. Returns the values and the source."""
    path = Path(path)
    where = f"shares file {path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{where} does not exist") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{where} is not valid UTF-8 JSON: {error}") from None
    if not isinstance(data, dict):
        raise InputError(f"{where} must hold one JSON object ({{...}})")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise InputError(f"{where} has no 'source': name where the shares come from")
    unknown = sorted(set(data) - set(SHARE_PARAMETERS) - {"source", "notes"})
    if unknown:
        raise InputError(f"{where}: unknown key '{unknown[0]}'; known: "
                         f"{', '.join(SHARE_PARAMETERS)}, source, notes")
    values = {}
    for name in SHARE_PARAMETERS:
        if name not in data:
            continue
        value = data[name]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not np.isfinite(value):
            raise InputError(f"{where}: '{name}' must be a number")
        values[name] = float(value)
    if not values:
        raise InputError(f"{where} gives no share")
    return {"values": values, "source": f"{source.strip()} ({path.name})"}


def read_demand_table(frame: pd.DataFrame, code_field: str, beds_field: str,
                      dwellings_field: Optional[str] = None, short_field: Optional[str] = None,
                      mid_field: Optional[str] = None, long_field: Optional[str] = None,
                      layer: str = "demand table") -> pd.DataFrame:
    """The imported demand per municipality code: ``demand_beds`` (beds for temporary and
    long stay together), and where given per stay category and in dwellings. A category
    not given stays empty (never invented from shares)."""
    codes = table_codes(frame, code_field, (code_field, beds_field, dwellings_field, short_field, mid_field, long_field), layer)
    duplicated = pd.Series(codes).duplicated()
    if duplicated.any():
        code = pd.Series(codes)[duplicated].iloc[0]
        raise InputError(f"municipality code {code} occurs more than once", layer=layer,
                         field=code_field)
    table = pd.DataFrame(index=pd.Index(codes))
    for column, name in (("demand_beds", beds_field), ("demand_dwellings", dwellings_field),
                         ("demand_short", short_field), ("demand_mid", mid_field),
                         ("demand_long", long_field)):
        if not name:
            table[column] = np.nan
            continue
        values = pd.to_numeric(frame[name], errors="coerce")
        text = values.isna() & frame[name].notna() & (frame[name].astype(str).str.strip() != "")
        bad = text | (values < 0)
        if bad.any():
            feature = frame.index[np.flatnonzero(bad.values)[0]]
            raise InputError(f"'{frame[name][feature]}' is not a number of 0 or more",
                             layer=layer, feature=feature, field=name)
        table[column] = values.astype("float64").values
    given = [f"demand_{c}" for c, name in (("short", short_field), ("mid", mid_field),
                                            ("long", long_field)) if name]
    if len(given) == 3:
        sums = table[given].sum(axis=1, min_count=3)
        off = (sums - table["demand_beds"]).abs() > 0.5
        if off.any():
            code = table.index[np.flatnonzero(off.values)[0]]
            raise InputError(f"the stay categories of {code} add up to {sums[code]:g} beds, "
                             f"not to its {table.at[code, 'demand_beds']:g}", layer=layer,
                             field=beds_field)
    table.attrs["layer_name"] = layer
    return table


# Dutch labels of the demand model's parameters for the assumptions line of every page
# and card: (label, "pct" for a share shown in %, "band" for ± %, "" for a plain number).
PARAMETER_LABELS_NL = {
    "share_short": ("aandeel kort verblijf", "pct"),
    "share_mid": ("aandeel middellang verblijf", "pct"),
    "share_long": ("aandeel lang verblijf (blijvers)", "pct"),
    "share_regular_housing": ("blijvers in reguliere woning", "pct"),
    "household_size": ("huishoudensgrootte blijvers", ""),
    "persons_per_bed": ("personen per bed", ""),
    "weight_existing": ("gewicht bestaande bedden", ""),
    "weight_permitted": ("gewicht vergunde bedden", ""),
    "weight_planned": ("gewicht geplande bedden", ""),
    "balanced_band": ("evenwichtsband", "band"),
}


def _dutch(value: float, kind: str) -> str:
    if kind in ("pct", "band"):
        text = f"{value * 100:.4g} %"
        text = ("±" + text) if kind == "band" else text
    else:
        text = f"{value:.4g}"
    return text.replace(".", ",")


def assumptions_nl(model, document: Dict[str, Any], demand_from_table: bool = False) -> str:
    """In Dutch, in one line: every parameter value that is still an assumption (the model
    file's placeholder, unchanged) and every value that differs from the file's default.
    With an imported demand table the shares play no part and are left out."""
    parameters = document["parameters"]
    assumed, changed = [], []
    for name, (label, kind) in PARAMETER_LABELS_NL.items():
        if demand_from_table and name in SHARE_PARAMETERS:
            continue
        value = float(getattr(model, name))
        default = float(parameters[name]["default"])
        if abs(value - default) > 1e-9:
            changed.append(f"{label} {_dutch(value, kind)} (standaard {_dutch(default, kind)})")
        elif parameters[name].get("status") == "assumption":
            assumed.append(f"{label} {_dutch(value, kind)}")
    parts = []
    if assumed:
        parts.append("Aannames: " + "; ".join(assumed) + ".")
    if changed:
        parts.append("Afwijkend van de standaard: " + "; ".join(changed) + ".")
    return " ".join(parts)
