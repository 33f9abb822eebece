"""QGIS 4 (Qt6) readiness of the plugin code: scripts/check_qgis4.py over the package.

Fails on Qt imported outside ``qgis.PyQt``, unscoped enums, ``exec_()`` and compiled Qt
resources (``.qrc``, ``resources_rc``). The second test shows the check catches each.
"""
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from check_qgis4 import check_source, check_tree  # noqa: E402


def test_plugin_code_is_ready_for_qgis_4():
    findings = check_tree([ROOT / "limburg_flexwonen_plugin", ROOT / "resources"])
    assert not findings, "QGIS 4 readiness problems:\n" + "\n".join(map(str, findings))
    assert not list(ROOT.glob("**/*.qrc")), "compiled Qt resources in the repository"


BAD_CODE = '''
from PyQt5.QtCore import QVariant as Q5
import sip
from qgis.core import Qgis, QgsWkbTypes, QgsProcessing, QgsFeatureRequest, QgsField
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtWidgets import QDialog
from . import resources_rc

def build(dialog):
    QgsWkbTypes.Polygon
    Qgis.Info
    QVariant.String
    Qt.AlignLeft
    QgsProcessing.TypeVectorPolygon
    QgsFeatureRequest.GeometryNoCheck
    dialog.exec_()
'''

GOOD_CODE = '''
from qgis.core import Qgis, QgsWkbTypes, QgsProcessing, QgsFeatureRequest
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QVariant

def build(dialog):
    QgsWkbTypes.Type.Polygon, QgsWkbTypes.flatType, QgsProcessing.TEMPORARY_OUTPUT
    Qgis.MessageLevel.Info, Qgis.QGIS_VERSION
    QVariant.Type.String
    Qt.AlignmentFlag.AlignLeft
    QgsProcessing.SourceType.TypeVectorPolygon
    QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
    dialog.exec()
    sip.isdeleted(dialog)
'''


def test_the_check_catches_each_problem():
    messages = [finding.message for finding in check_source(BAD_CODE, Path("bad.py"))]
    text = "\n".join(messages)
    for expected in ("imports from PyQt5", "imports sip", "compiled Qt resources",
                     "QgsWkbTypes.Type.Polygon", "Qgis.MessageLevel.Info", "QVariant.Type.String",
                     "Qt.AlignmentFlag.AlignLeft", "QgsProcessing.SourceType.TypeVectorPolygon",
                     "QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck", "exec_()"):
        assert expected in text, (expected, messages)
    assert check_source(GOOD_CODE, Path("good.py")) == []


def test_enums_not_in_the_table_are_found_through_the_bindings():
    """QgsVectorLayer's and QgsMapLayer's enums are not listed; the bindings know them."""
    code = ("from qgis.core import QgsVectorLayer, QgsMapLayer, QgsMapLayerType\n"
            "QgsVectorLayer.EditResult\nQgsMapLayer.Style\nQgsVectorLayer.Success\n"
            "QgsMapLayerType.VectorLayer\n")   # the last is an enum itself: scoped
    flagged = {finding.message.split()[2].rstrip(":") for finding in check_source(code, Path("x.py"))}
    assert flagged == {"QgsMapLayer.Style", "QgsVectorLayer.Success"}
