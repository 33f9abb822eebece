"""The housing gap outputs as the pages read them (field names from the gap algorithm).

Municipality and region layers of ``flexwonen:housinggap`` carry these fields; the
province total is the region row named "Limburg".
"""
from typing import Optional

from qgis.core import QgsFeatureRequest

from ..core.demand import ASSUMED_DEMAND

GAP_FIELDS = ("demand_beds", "supply_beds", "gap_beds", "gap_class")
# The shortage first (the sum of the municipal shortages: what is missing where), the
# net gap as context; a gap layer made before the hiaten existed shows the net only.
TABLE_FIELDS = ("labour_migrants", "demand_beds", "supply_beds", "shortage_beds", "gap_beds")
TABLE_HEADINGS = {
    "labour_migrants": "Arbeids-\nmigranten",
    "demand_beds": "Vraag",
    "supply_beds": "Aanbod",
    "shortage_beds": "Tekort",
    "gap_beds": "Saldo\n(netto)",
}
STAY_FIELDS = ("gap_short", "gap_mid", "gap_long")
STAY_HEADINGS = {"gap_short": "Kort", "gap_mid": "Middel-\nlang", "gap_long": "Lang"}
REGION_ORDER = ("Noord-Limburg", "Midden-Limburg", "Zuid-Limburg")
GAP_LEGEND_TITLE = "Tekort of overschot aan bedden"
GAP_NOTE = ("Vraag, aanbod, tekort en saldo in bedden. Saldo = vraag − aanbod: positief is een tekort, negatief een overschot. "
            "Tekort van een regio of van Limburg = de som van de tekorten van zijn gemeenten: "
            "een overschot in de ene gemeente dekt geen tekort in een andere. "
            "Vraag en aanbod volgens het vraagmodel met de genoemde versie.")
# The scenario labels of the demand model file, as the pages say them.
SCENARIO_NL = {
    "current": "huidige situatie",
    "2030 low": "2030 laag",
    "2030 high": "2030 hoog",
    "user-defined": "eigen scenario",
    "2022 (policy)": "2022 (beleid)",
}


def has_gap(layer) -> bool:
    names = set(layer.fields().names())
    return all(name in names for name in GAP_FIELDS)


def _first_value(layer, field: str):
    if layer is None or field not in layer.fields().names():
        return None
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([field], layer.fields())
    for feature in layer.getFeatures(request):
        value = feature[field]
        if value not in (None, "") and str(value) != "NULL":
            return value
    return None


def scenario_text(layer) -> str:
    """'huidige situatie (2022)' from the layer's scenario and year fields."""
    scenario = _first_value(layer, "scenario")
    year = _first_value(layer, "year")
    if scenario is None:
        return ""
    label = SCENARIO_NL.get(str(scenario), str(scenario))
    if year is not None and str(int(year)) not in label:
        label = f"{label} ({int(year)})"
    return label


def model_version(layer) -> Optional[str]:
    value = _first_value(layer, "model_version")
    return str(value) if value is not None else None


def demand_basis(layer) -> Optional[str]:
    """What the layer's demand rests on (``demand_basis``): 'bovengrens (aanname)', a
    shares file or a demand table; None for a layer made before the field existed."""
    value = _first_value(layer, "demand_basis")
    return str(value) if value is not None else None


def legend_title(layer) -> str:
    """The gap legend's title; it says 'bovengrens (aanname)' when the demand rests on
    the model's placeholder shares."""
    if demand_basis(layer) == ASSUMED_DEMAND:
        return f"{GAP_LEGEND_TITLE}\n{ASSUMED_DEMAND}"
    return GAP_LEGEND_TITLE


def demand_note(layer) -> Optional[str]:
    """One sentence for the page notes on what the demand rests on."""
    basis = demand_basis(layer)
    if basis is None:
        return None
    if basis == ASSUMED_DEMAND:
        return (f"Vraag: {ASSUMED_DEMAND}. De aandelen per verblijfsduur zijn aannames van het "
                "model; zij tellen elke werkende arbeidsmigrant als vraag. Vervang ze door de "
                "aandelen of de vraagtabel van de provincie.")
    return f"Vraag volgens {basis}."


def assumptions(layer) -> Optional[str]:
    """The gap layer's assumptions line (``assumptions``, Dutch), None when absent."""
    value = _first_value(layer, "assumptions")
    return str(value) if value is not None else None
