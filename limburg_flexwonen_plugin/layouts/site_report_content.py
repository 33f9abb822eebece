"""What the site assessment page says, in Dutch, from the analyses' results (no QGIS here).

Each section is a list of (label, value, detail) rows; the page shows them as tables.
The figures come from the classification (and, where given, the norm check and the
housing gap); this module only words and formats them.
"""
import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import shapely

from . import texts

Row = Tuple[str, str, str]


@dataclass(frozen=True)
class PlanFields:
    """Which fields of the sites layer hold the plan (None: not available)."""
    beds: Optional[str] = "planned_beds"
    bedrooms: Optional[str] = "bedrooms"
    living_area: Optional[str] = "living_area_m2"
    toilets: Optional[str] = "toilets"
    showers: Optional[str] = "showers"
    stay_category: Optional[str] = "stay_category"
    building_type: Optional[str] = "building_type"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def report_title(site_id, name) -> str:
    return texts.join_nonempty([str(site_id) if not _missing(site_id) else None,
                                str(name) if not _missing(name) else None])


def report_subtitle(row: Dict) -> str:
    municipality = row.get("gm_name")
    if _missing(municipality):
        place = "buiten de Limburgse gemeenten"
    else:
        region = row.get("region")
        place = f"Gemeente {municipality}" + (f" ({region})" if not _missing(region) else "")
    kern = row.get("nearest_kern")
    return texts.join_nonempty([place, f"dichtstbijzijnde kern {kern}" if not _missing(kern) else None])


def class_text(location_class: Optional[str]) -> str:
    if _missing(location_class):
        return "Geen locatieklasse: de locatie heeft geen bruikbare geometrie"
    return f"Locatieklasse: {texts.LOCATION_CLASS_NL[location_class].lower()}"


def location_rows(row: Dict, geometry) -> List[Row]:
    """Share inside, distance, nearest kern, municipality, size, position (the class
    itself heads the page)."""
    rows: List[Row] = []
    rows.append(("Aandeel binnen bebouwd gebied", texts.percentage(row.get("inside_share")), ""))
    rows.append(("Afstand tot bebouwd gebied", texts.metres(row.get("distance_m")), ""))
    rows.append(("Dichtstbijzijnde kern", _text(row.get("nearest_kern")), ""))
    municipality = row.get("gm_name")
    if not _missing(municipality):
        code = row.get("gm_code")
        rows.append(("Gemeente", f"{municipality} ({code})" if not _missing(code) else str(municipality), ""))
        rows.append(("Regio", _text(row.get("region")), ""))
        if row.get("straddles_municipalities"):
            rows.append(("Ligt in meer gemeenten", "ja: " + texts.percentage(row.get("municipality_share"))
                         + f" in {municipality}", ""))
    else:
        rows.append(("Gemeente", "buiten de Limburgse gemeenten", ""))
    if geometry is not None and not shapely.is_missing(geometry):
        if shapely.get_dimensions(geometry) == 2:
            rows.append(("Oppervlakte locatie", f"{texts.dutch_number(shapely.area(geometry) / 10_000, 2)} ha", ""))
        centre = shapely.centroid(geometry) if shapely.get_dimensions(geometry) == 2 else geometry
        if shapely.get_type_id(centre) != 0:
            centre = shapely.centroid(centre)
        rows.append(("Ligging (RD, midden)", f"x {texts.dutch_number(shapely.get_x(centre))}, "
                                              f"y {texts.dutch_number(shapely.get_y(centre))}", ""))
    remarks = row.get("remarks")
    if not _missing(remarks):
        rows.append(("Opmerkingen", _remarks_nl(str(remarks)), ""))
    return rows


def plan_rows(attributes: Dict, fields: PlanFields) -> List[Row]:
    """The plan as the applicant gave it; a missing figure shows as 'niet opgegeven'."""
    rows: List[Row] = []

    def add(label, field, formatter):
        if field is None or field not in attributes:
            return
        value = attributes.get(field)
        rows.append((label, "niet opgegeven" if _missing(value) else formatter(value), ""))

    add("Geplande bedden", fields.beds, lambda v: texts.dutch_number(v))
    add("Slaapkamers", fields.bedrooms, lambda v: texts.dutch_number(v))
    add("Woonoppervlak", fields.living_area, lambda v: f"{texts.dutch_number(v, 1)} m²")
    add("Toiletten", fields.toilets, lambda v: texts.dutch_number(v))
    add("Douches", fields.showers, lambda v: texts.dutch_number(v))
    add("Verblijfsduur", fields.stay_category, lambda v: texts.STAY_CATEGORY_NL.get(str(v), str(v)))
    add("Gebouw", fields.building_type, lambda v: texts.BUILDING_TYPE_NL.get(str(v), str(v)))
    return rows


def assumptions_text(row: Dict, extra: Sequence[str] = ()) -> str:
    """The rules and parameters the page was made with, as one short paragraph."""
    parts = [
        f"Locatieklasse volgens de regels {_text(row.get('rules_version'))}: binnen bij minstens "
        f"{texts.percentage(row.get('min_inside_share'))} van de oppervlakte in bestaand bebouwd gebied; "
        f"rand tot {texts.metres(row.get('edge_distance_m'))} ervan (gestippelde lijn op de kaart).",
        "Afstanden en oppervlakten gemeten in RD New (EPSG:28992).",
    ]
    parts.extend(text for text in extra if text)
    return " ".join(parts)


def _text(value) -> str:
    return "–" if _missing(value) else str(value)


_REMARKS_NL = (
    ("invalid geometry repaired", "geometrie hersteld"),
    ("no geometry", "geen geometrie"),
    ("outside every municipality", "buiten alle gemeenten"),
    ("nothing usable left after repair", "na herstel niets bruikbaars over"),
)


def _remarks_nl(remarks: str) -> str:
    for english, dutch in _REMARKS_NL:
        remarks = remarks.replace(english, dutch)
    return remarks
