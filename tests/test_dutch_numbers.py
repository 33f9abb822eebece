"""Numbers as people write them: the Dutch spreadsheet's "1.901" is 1901, never 1.901.

The Processing tests load the labour-migrant table as a user would: the CSV that a
Dutch Excel writes (';' between values, '.' between thousands, CRLF, Windows-1252),
added to QGIS as a file (OGR: every column text) or as Delimited Text (QGIS types the
column as decimal and reads 1.901).
"""
import pyogrio
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

from limburg_flexwonen_plugin.core.errors import InputError
from limburg_flexwonen_plugin.core.number_notation import read_numbers
from limburg_flexwonen_plugin.core.values import TEXT, to_numbers

import processing


# ------------------------------------------------------------------ the notation rules


@pytest.mark.parametrize("texts, count, expected", [
    (["1.901", "905", "12.345"], True, [1901, 905, 12345]),       # Dutch thousands in counts
    (["1.901", "905", "2,5"], False, [1901, 905, 2.5]),            # the decimal comma decides
    (["1.234.567", "1,5"], False, [1234567, 1.5]),
    (["1.901,5", "12"], False, [1901.5, 12]),
    (["1,901.5", "1.901"], False, [1901.5, 1.901]),                # English: 1.901 is a decimal
    (["82,895", "3"], True, [82895, 3]),                           # English thousands in counts
    (["12.5", " 7 "], False, [12.5, 7]),
    (["0.500"], False, [0.5]),                                     # 0.500 cannot be thousands
    (["1 901", "12"], True, [1901, 12]),                           # space between thousands
    (["", None, "4"], True, [None, None, 4]),
])
def test_a_column_is_read_in_the_notation_its_values_are_written_in(texts, count, expected):
    numbers = read_numbers(texts, "table", "value", count=count)
    assert [None if n != n else pytest.approx(n) for n in numbers] == \
        [None if e is None else pytest.approx(e) for e in expected]


@pytest.mark.parametrize("texts, words", [
    (["82,895"], ["'82,895' can be read as 82895", "or as 82.895"]),
    (["1.901", "12"], ["'1.901' can be read as 1901"]),
])
def test_a_value_that_can_mean_two_numbers_is_refused_naming_it(texts, words):
    with pytest.raises(InputError) as raised:
        read_numbers(texts, "plans", "area_m2")
    message = str(raised.value)
    assert message.startswith("layer 'plans', feature 0, field 'area_m2':"), message
    for word in words:
        assert word in message


def test_two_notations_in_one_column_are_refused():
    with pytest.raises(InputError, match=r"feature 1, field 'beds': numbers written in two "
                                         r"notations: '2,5' .* and '1,250.5'"):
        read_numbers(["3", "2,5", "1,250.5"], "plans", "beds")
    with pytest.raises(InputError, match="'1.901' and '82,895' use different separators"):
        read_numbers(["1.901", "82,895"], "table", "labour_migrants", count=True)


def test_a_count_that_is_not_whole_is_a_data_issue_with_a_hint_for_thousands():
    with pytest.raises(InputError) as raised:
        read_numbers([1.901, 905.0, 12.345], "table", "labour_migrants", count=True,
                     features=[10, 11, 12])
    message = str(raised.value)
    assert "2 count(s) are not whole numbers: feature 10 1.901, feature 12 12.345" in message
    assert "Dutch thousands separators read as a decimal point" in message
    with pytest.raises(InputError) as raised:
        read_numbers([2.5, 3.0], "table", "beds", count=True)
    assert "thousands" not in str(raised.value)


def test_text_that_is_no_number_is_named_with_its_rows():
    with pytest.raises(InputError) as raised:
        read_numbers(["12", "ca. 20", "veel"], "table", "beds", count=True, features=[1, 2, 3])
    assert "2 value(s) are not numbers: feature 2 'ca. 20', feature 3 'veel'" in str(raised.value)


def test_row_checks_keep_their_remarks_and_read_dutch_numbers():
    numbers, issues = to_numbers(["1.250", "veel", "12,5", None], "plans", "living_area_m2")
    assert numbers[0] == 1250 and numbers[2] == 12.5
    assert list(issues) == ["", TEXT, "", "missing"]


# ------------------------------------------------------------------ through QGIS


def dutch_excel_csv(gpkg, path):
    """The demo's labour-migrant table as a Dutch Excel saves it ("CSV (gescheiden door
    lijstscheidingsteken)"): thousands with a dot, ';' between values, CRLF, cp1252."""
    table = pyogrio.read_dataframe(gpkg, layer="labour_migrants", read_geometry=False)
    lines = ["gm_code;jaar;arbeidsmigranten"] + [
        f"{row.gm_code};{row.year};{row.labour_migrants:,}".replace(",", ".")
        for row in table.itertuples()]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert any("." in line.split(";")[2] for line in lines[1:])   # the file has thousands
    return path


def gap_totals(gpkg, migrants, tmp_path, name):
    out = tmp_path / f"{name}.gpkg"
    result = processing.run("flexwonen:housinggap", {
        "MUNICIPALITIES": f"{gpkg}|layername=municipalities", "MIGRANTS": migrants,
        "MIGRANTS_CODE_FIELD": "gm_code", "MIGRANTS_YEAR_FIELD": "jaar",
        "MIGRANTS_COUNT_FIELD": "arbeidsmigranten",
        "MUNICIPALITIES_OUTPUT": f"ogr:dbname='{out}' table=\"municipalities\" (geom)",
        "REGIONS_OUTPUT": f"ogr:dbname='{out}' table=\"regions\" (geom)",
        "CSV_OUTPUT": str(tmp_path / f"{name}.csv")})
    layer = QgsVectorLayer(result["MUNICIPALITIES_OUTPUT"], "m", "ogr")
    return sum(feature["labour_migrants"] for feature in layer.getFeatures())


def test_the_dutch_excel_csv_gives_the_province_its_82895_labour_migrants(
        flexwonen_provider, demo_gpkg, tmp_path):
    csv_file = dutch_excel_csv(demo_gpkg, tmp_path / "arbeidsmigranten.csv")
    layer = QgsVectorLayer(str(csv_file), "arbeidsmigranten", "ogr")
    assert layer.isValid() and layer.fields().names() == ["gm_code", "jaar", "arbeidsmigranten"]
    assert gap_totals(demo_gpkg, str(csv_file), tmp_path, "csv") == 82_895


def test_the_dutch_csv_as_an_xlsx_with_text_cells_reads_the_same(flexwonen_provider, demo_gpkg,
                                                                  tmp_path):
    table = pyogrio.read_dataframe(demo_gpkg, layer="labour_migrants", read_geometry=False)
    path = tmp_path / "arbeidsmigranten.xlsx"
    source = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    sheet = source.CreateLayer("Blad1", geom_type=ogr.wkbNone)
    # Years as number cells, the counts as text cells (pasted from a report).
    for name, kind in (("gm_code", ogr.OFTString), ("jaar", ogr.OFTInteger),
                       ("arbeidsmigranten", ogr.OFTString)):
        sheet.CreateField(ogr.FieldDefn(name, kind))
    for row in table.itertuples():
        feature = ogr.Feature(sheet.GetLayerDefn())
        for name, value in (("gm_code", row.gm_code), ("jaar", int(row.year)),
                            ("arbeidsmigranten", f"{row.labour_migrants:,}".replace(",", "."))):
            feature.SetField(name, value)
        sheet.CreateFeature(feature)
    source = None
    assert gap_totals(demo_gpkg, f"{path}|layername=Blad1", tmp_path, "xlsx") == 82_895


def test_delimited_text_that_read_1901_as_decimal_is_refused_with_the_reason(
        flexwonen_provider, demo_gpkg, tmp_path):
    csv_file = dutch_excel_csv(demo_gpkg, tmp_path / "arbeidsmigranten.csv")
    layer = QgsVectorLayer(f"file://{csv_file}?type=csv&delimiter=;&detectTypes=yes&geomType=none",
                           "arbeidsmigranten", "delimitedtext")
    assert layer.isValid()
    assert layer.fields().field("arbeidsmigranten").typeName() == "double"
    with pytest.raises(QgsProcessingException) as raised:
        gap_totals(demo_gpkg, layer, tmp_path, "delimited")
    message = str(raised.value)
    assert "layer 'arbeidsmigranten', field 'arbeidsmigranten'" in message, message
    assert "not whole numbers" in message and "Dutch thousands separators" in message
    assert not (tmp_path / "delimited.gpkg").exists()
