"""Who to credit on an output: read from the layers actually used, never a fixed footer.

A layer says where it comes from in its metadata (QGIS's layer abstract or rights, which
for a GeoPackage is the layer's description; the demo data and the plugin's own outputs
fill it). From that text each layer gets one or more credits:

* "synthetische demodata" when the text calls it synthetic: invented data is never
  credited to anyone, whatever else the text says;
* "Kadaster / CBS (CC BY 4.0)" when it names CBS or Kadaster (their licence demands the
  attribution);
* otherwise the layer's own name, as the user knows it.

An output of the plugin records the credits of its inputs as "Bronnen: a; b; c", so a
later map made from that output credits the same sources (there a part that is neither
CBS nor synthetic is an input layer's name, kept as it is).
"""
import re
from typing import Iterable, List, Optional

CBS_CREDIT = "Kadaster / CBS (CC BY 4.0)"
SYNTHETIC_CREDIT = "synthetische demodata"
SEPARATOR = "; "
RECORD_PREFIX = "Bronnen: "

_SYNTHETIC = re.compile(r"synthe(tic|tisch)", re.IGNORECASE)
_CBS = re.compile(r"\b(CBS|Kadaster)\b|Centraal Bureau voor de Statistiek", re.IGNORECASE)


def layer_credits(layer_name: str, provenance: Optional[str]) -> List[str]:
    """The credits for one layer from its provenance text (see the module's rules)."""
    credits: List[str] = []
    text = (provenance or "").strip()
    recorded = text.startswith(RECORD_PREFIX)
    if recorded:
        text = text[len(RECORD_PREFIX):]
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if _SYNTHETIC.search(part):
            credits.append(SYNTHETIC_CREDIT)
        elif _CBS.search(part):
            credits.append(CBS_CREDIT)
        elif recorded:
            credits.append(part)
        elif layer_name:
            credits.append(layer_name)
    if not credits and layer_name:
        credits.append(layer_name)
    return merged(credits)


def merged(*groups: Iterable[str]) -> List[str]:
    """The credits of several layers, each once, in the order first met."""
    seen: List[str] = []
    for group in groups:
        for credit in group:
            credit = (credit or "").strip()
            if credit and credit not in seen:
                seen.append(credit)
    return seen


def credits_text(credits: Iterable[str]) -> str:
    """'Bronnen: Kadaster / CBS (CC BY 4.0); synthetische demodata': what an output
    records as its description; '' without credits."""
    credits = merged(credits)
    return RECORD_PREFIX + SEPARATOR.join(credits) if credits else ""
