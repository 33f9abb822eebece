"""Dutch texts on the printed pages: dates, numbers, source lines (the names of codes are
in ``core.terms``).

The pages speak Dutch whatever the QGIS interface language, because the people who read
them (the Stuurgroep, a municipality's application file) do. Formatting is done here,
not through the system locale, so a page looks the same on every machine.
"""
import datetime
import math
from typing import Iterable, Optional, Sequence

from ..core.credits import merged

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")

def dutch_date(day: datetime.date) -> str:
    """'27 november 2026': day without leading zero, month in lower case."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def dutch_number(value, decimals: int = 0) -> str:
    """Dutch digit grouping: 82.895 and 12,5 (a dash for a missing value)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def typed_number(value) -> str:
    """A parameter as typed, with a decimal comma: 0.5 -> '0,5', 10.0 -> '10'."""
    return dutch_number(value, _decimals_of(float(value)))


def _decimals_of(value: float) -> int:
    """The decimals ``value`` is written with (at most 6, as Python's shortest form)."""
    text = f"{value:g}"
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def signed_number(value, decimals: int = 0) -> str:
    """A change with its sign: +120, −35, 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if round(float(value), decimals) == 0:
        return dutch_number(0, decimals)
    sign = "+" if value > 0 else "\u2212"
    return sign + dutch_number(abs(value), decimals)


def metres(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{dutch_number(value, 0)} m"


def percentage(share, decimals: int = 0) -> str:
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{dutch_number(100.0 * float(share), decimals)}%"


def yes_no(value) -> str:
    if value is None:
        return "–"
    return "ja" if bool(value) else "nee"


def source_line(credits: Sequence[str], user_sources: Optional[str] = None) -> str:
    """'Bron: Kadaster / CBS (CC BY 4.0); synthetische demodata; <the user's own sources>':
    the credits of the layers used (``core.credits``), then what the user typed."""
    extra = [part for part in (user_sources or "").split(";")]
    parts = merged(credits, extra)
    return "Bron: " + "; ".join(parts) if parts else ""


def join_nonempty(parts: Iterable[Optional[str]], separator: str = " · ") -> str:
    return separator.join(part for part in parts if part)
