"""What the printed pages say and draw, checked without rendering: Dutch dates and
numbers, source lines, scale bar steps, file names, the site report's wording and the
geometry drawn on the site map."""
import datetime

import pytest
import shapely
from shapely.geometry import Point, box

from limburg_flexwonen_plugin.core import housing_gap, housing_norms, terms
from limburg_flexwonen_plugin.core.site_assessment import geometry as site_geometry
from limburg_flexwonen_plugin.layouts import site_report_content, texts
from limburg_flexwonen_plugin.layouts.exporter import slug
from limburg_flexwonen_plugin.layouts.page import nice_segment


@pytest.mark.parametrize("day, expected", [
    (datetime.date(2026, 11, 27), "27 november 2026"),
    (datetime.date(2025, 3, 1), "1 maart 2025"),
    (datetime.date(2024, 2, 29), "29 februari 2024"),
    (datetime.date(2027, 12, 31), "31 december 2027"),
])
def test_dutch_dates(day, expected):
    assert texts.dutch_date(day) == expected


def test_every_month_has_its_dutch_name():
    names = [texts.dutch_date(datetime.date(2026, month, 15)).split()[1] for month in range(1, 13)]
    assert names == ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                     "september", "oktober", "november", "december"]


@pytest.mark.parametrize("value, decimals, expected", [
    (82895, 0, "82.895"), (1128367, 0, "1.128.367"), (12.5, 1, "12,5"), (-1234, 0, "-1.234"),
    (0.4, 0, "0"), (None, 0, "–"), (float("nan"), 1, "–"), (999.95, 1, "1.000,0"),
])
def test_dutch_numbers(value, decimals, expected):
    assert texts.dutch_number(value, decimals) == expected


def test_signed_numbers_and_percentages():
    assert texts.signed_number(120) == "+120"
    assert texts.signed_number(-35) == "\u221235"
    assert texts.signed_number(0.2) == "0"
    assert texts.percentage(0.9) == "90%"
    assert texts.metres(250.4) == "250 m"


def test_source_line_names_the_layers_sources_then_the_users():
    assert texts.source_line([]) == ""
    assert texts.source_line(["Kadaster / CBS (CC BY 4.0)"]) == "Bron: Kadaster / CBS (CC BY 4.0)"
    assert texts.source_line(["Kadaster / CBS (CC BY 4.0)", "synthetische demodata"],
                             " huisvesting: gemeente Venlo 2026; ") == \
        "Bron: Kadaster / CBS (CC BY 4.0); synthetische demodata; huisvesting: gemeente Venlo 2026"
    # Nothing fixed: a map of the user's own layers names those, not CBS.
    assert texts.source_line(["mijn_gemeenten", "mijn_huisvesting"]) == \
        "Bron: mijn_gemeenten; mijn_huisvesting"


@pytest.mark.parametrize("length", [0.37, 1.0, 9.3, 12.0, 31.0, 47.5, 260.0, 1234.0])
def test_scale_bar_steps_are_round_and_fit(length):
    step = nice_segment(length, 2)
    mantissa = step / 10 ** int(f"{step:e}".split("e")[1])
    assert round(mantissa, 6) in (1.0, 2.0, 2.5, 5.0)
    assert 2 * step <= length + 1e-9
    # The next round step would not fit: the bar uses the space it has.
    assert 2 * step > length / 2.5


def test_file_names_are_safe_and_readable():
    assert slug("regio:Noord-Limburg") == "regio_Noord-Limburg"
    assert slug("Gemeente Sittard-Geleen") == "Gemeente_Sittard-Geleen"
    assert slug("Café 't Hoekske / Weert") == "Cafe_t_Hoekske_Weert"
    assert slug("///") == "blad"


def classified_row(**overrides):
    row = {"site_id": "S7", "location_class": "edge", "inside_share": 0.5, "distance_m": 0.0,
           "nearest_kern": "Sevenum", "gm_code": "GM1507", "gm_name": "Horst aan de Maas",
           "region": "Noord-Limburg", "municipality_share": 1.0, "straddles_municipalities": False,
           "edge_distance_m": 250.0, "min_inside_share": 0.9, "rules_version": "location_classification 2026.1",
           "remarks": None}
    row.update(overrides)
    return row


def test_location_rows_word_the_classification():
    site = box(0, 0, 100, 200)
    rows = dict((label, value) for label, value, _ in site_report_content.location_rows(classified_row(), site))
    assert rows["Aandeel binnen bebouwd gebied"] == "50%"
    assert rows["Afstand tot bebouwd gebied"] == "0 m"
    assert rows["Gemeente"] == "Horst aan de Maas (GM1507)"
    assert rows["Oppervlakte locatie"] == "2,00 ha"
    assert rows["Ligging (RD, midden)"] == "x 50, y 100"
    assert "Ligt in meer gemeenten" not in rows


def test_straddling_site_and_remarks_are_reported_in_dutch():
    row = classified_row(straddles_municipalities=True, municipality_share=0.7,
                         remarks="invalid geometry repaired (Self-intersection[5 5])")
    rows = dict((label, value) for label, value, _ in site_report_content.location_rows(row, Point(1, 2)))
    assert rows["Ligt in meer gemeenten"] == "ja: 70% in Horst aan de Maas"
    assert rows["Opmerkingen"].startswith("geometrie hersteld")
    assert "Oppervlakte locatie" not in rows  # a point has no area


def test_site_outside_every_municipality():
    row = classified_row(gm_name=None, gm_code=None, region=None)
    assert site_report_content.report_subtitle(row) == \
        "buiten de Limburgse gemeenten · dichtstbijzijnde kern Sevenum"
    rows = dict((label, value) for label, value, _ in site_report_content.location_rows(row, None))
    assert rows["Gemeente"] == "buiten de Limburgse gemeenten"


def test_plan_rows_never_invent_a_missing_figure():
    attributes = {"planned_beds": 40, "bedrooms": None, "living_area_m2": 612.5, "stay_category": "short",
                  "building_type": "temporary"}
    rows = dict((label, value) for label, value, _ in
                site_report_content.plan_rows(attributes, site_report_content.PlanFields()))
    assert rows == {"Geplande bedden": "40", "Slaapkamers": "niet opgegeven", "Woonoppervlak": "612,5 m²",
                    "Verblijfsduur": "kort verblijf", "Gebouw": "tijdelijk gebouw"}


def test_plan_rows_show_bedroom_areas_and_housing_type_as_given():
    attributes = {"planned_beds": 3, "bedroom_area_m2": "9;9; 12", "housing_type": "dwelling"}
    rows = dict((label, value) for label, value, _ in
                site_report_content.plan_rows(attributes, site_report_content.PlanFields()))
    assert rows == {"Geplande bedden": "3", "Slaapkameroppervlak": "9 + 9 + 12 m²",
                    "Woningtype": "reguliere woning"}
    rows = dict((label, value) for label, value, _ in
                site_report_content.plan_rows({"bedroom_area_m2": 383.0}, site_report_content.PlanFields()))
    assert rows == {"Slaapkameroppervlak": "383,0 m²"}


def test_every_code_the_core_writes_has_its_english_and_dutch_text():
    """A code without its Dutch text would stand in English on a Dutch page: every code
    the core writes has both texts in the glossaries (resources/terms/*.json)."""
    written = {
        "verdict": (housing_norms.PASS, housing_norms.FAIL, housing_norms.UNKNOWN),
        "stay_category": housing_gap.STAY_CATEGORIES,
        "accommodation_status": housing_gap.fields.STATUSES,
        "gap_class": (housing_gap.SHORTAGE, housing_gap.BALANCED, housing_gap.SURPLUS),
        "location_class_short": ("inside", "edge", "outside"),
        "site_remark": terms.SITE_REMARK_CODES,
        "context_remark": terms.CONTEXT_REMARK_CODES,
    }
    glossaries = {"verdict": terms.VERDICT, "stay_category": terms.STAY_CATEGORY,
                  "accommodation_status": terms.ACCOMMODATION_STATUS, "gap_class": terms.GAP_CLASS,
                  "location_class_short": terms.LOCATION_CLASS_SHORT,
                  "site_remark": terms.SITE_REMARK, "context_remark": terms.CONTEXT_REMARK}
    for section, codes in written.items():
        for code in codes:
            texts_of_code = glossaries[section].get(code, {})
            assert set(texts_of_code) == {terms.EN, terms.NL}, (section, code, texts_of_code)
            assert all(text.strip() for text in texts_of_code.values()), (section, code)
    assert terms.remarks(f"{terms.GEOMETRY_REPAIRED} (Self-intersection); {terms.NO_GEOMETRY}",
                         terms.SITE_REMARK) == "geometrie hersteld (Self-intersection); geen geometrie"


def test_class_text_and_assumptions():
    assert site_report_content.class_text("outside") == "Locatieklasse: buiten bestaand bebouwd gebied"
    assert "geen bruikbare geometrie" in site_report_content.class_text(None)
    text = site_report_content.assumptions_text(classified_row())
    assert "location_classification 2026.1" in text and "250 m" in text and "90%" in text


def test_edge_zone_is_the_builtup_area_grown_by_the_edge_distance():
    kern = box(0, 0, 1000, 800)
    parts = site_geometry.builtup_parts([kern])
    zone = site_geometry.edge_zone(parts, [box(1100, 100, 1200, 200)], 250.0, reach_m=5000.0)
    assert zone.contains(Point(1249, 400)) and not zone.contains(Point(1251, 400))
    # Far from every site nothing is drawn.
    assert site_geometry.edge_zone(parts, [box(90000, 0, 90100, 100)], 250.0, reach_m=5000.0) is None


def test_distance_line_runs_to_the_nearest_builtup_area():
    parts = site_geometry.builtup_parts([box(0, 0, 1000, 800), box(5000, 0, 6000, 800)])
    site = box(1250, 100, 1350, 200)
    line = site_geometry.distance_line(site, parts)
    assert shapely.length(line) == pytest.approx(250.0)
    assert site_geometry.distance_line(box(100, 100, 200, 200), parts) is None


def test_view_covers_the_site_plus_its_edge_distance():
    site = box(1250, 100, 1350, 200)
    parts = site_geometry.builtup_parts([box(0, 0, 1000, 800)])
    line = site_geometry.distance_line(site, parts)
    view = site_geometry.view_box(site, 250.0, line)
    assert view.contains(site.buffer(250.0).envelope)
    assert view.contains(line)
    small = site_geometry.view_box(Point(0, 0), 10.0)
    assert small.bounds[2] - small.bounds[0] >= site_geometry.MIN_VIEW_SIZE_M
