"""QGIS 4 (Qt6) readiness of the plugin code: static readiness checks only.

No QGIS 4 / PyQt6 build exists on this host (Debian 12 has none), and QGIS has no
``QT_API`` switch: ``qgis.PyQt`` follows the Qt QGIS was built with. So nothing here runs
the plugin on QGIS 4. What is checked:

* scripts/check_qgis4.py over the package and scripts/ (its docstring lists each rule and
  its source): unscoped enums, ``QVariant.Type`` and QVariant/QMetaType field types outside
  ``bridge/values.py``, ``exec_``/``print_``, Qt imported other than through
  ``qgis.PyQt``, classes Qt6 removed, compiled resources, API missing on QGIS 3.22;
* that the check reports each of those in a snippet (so it can fail);
* on the installed QGIS (Qt5): every plugin module imports, and ``classFactory()`` runs,
  with an import guard that refuses any Qt binding (PyQt5, PyQt6, PySide, sip) imported
  by plugin code itself, proving all Qt goes through ``qgis.PyQt``; and the guard is shown
  to refuse such imports in a small throwaway package.
"""
import json
import os
import subprocess  # nosec B404 - runs this interpreter on a script the test writes
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from check_qgis4 import check_source, check_tree  # noqa: E402

PACKAGE = "limburg_flexwonen_plugin"


def test_plugin_code_is_ready_for_qgis_4():
    findings = check_tree([ROOT / PACKAGE, ROOT / "resources", ROOT / "scripts"])
    assert not findings, "QGIS 4 readiness problems:\n" + "\n".join(map(str, findings))
    assert not list(ROOT.glob("**/*.qrc")), "compiled Qt resources in the repository"


BAD_CODE = '''
from PyQt5.QtCore import QVariant as Q5
import sip
from qgis.core import Qgis, QgsWkbTypes, QgsProcessing, QgsFeatureRequest, QgsField, QgsMapLayerType
from qgis.PyQt.QtCore import Qt, QVariant, QMetaType, QRegExp
from qgis.PyQt.QtGui import QAction
from qgis.PyQt.QtWidgets import QDialog, QApplication
from . import resources_rc

def build(dialog, field, printer):
    QgsWkbTypes.Polygon
    Qgis.Info
    Qt.AlignLeft
    QgsProcessing.TypeVectorPolygon
    QgsFeatureRequest.GeometryNoCheck
    dialog.exec_()
    printer.print_(dialog)
    QgsField("name", QVariant.String)
    QgsField("id", QVariant.Type.Int)
    QgsField("day", type=QMetaType.Type.QDate)
    field.type() == QMetaType.Type.QString
    QRegExp("a+")
    QApplication.desktop()
    Qgis.WkbType.Polygon
    QgsMapLayerType.VectorLayer
    first = 1  # noqa: QGIS4
    second = 2  # noqa: QGIS4 - nothing on this line to silence

class Dialog(QDialog):
    def exec_(self):
        return 0
'''

EXPECTED = [  # (rule, part of the message)
    ("Q4-IMPORT", "imports from PyQt5"), ("Q4-IMPORT", "imports sip"),
    ("Q4-RESOURCES", "compiled Qt resources"),
    ("Q4-ENUM", "QgsWkbTypes.Type.Polygon"), ("Q4-ENUM", "Qgis.MessageLevel.Info"),
    ("Q4-ENUM", "Qt.AlignmentFlag.AlignLeft"), ("Q4-ENUM", "QgsProcessing.SourceType.TypeVectorPolygon"),
    ("Q4-ENUM", "QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck"),
    ("Q4-EXEC", "exec_() does not exist"), ("Q4-EXEC", "print_() does not exist"),
    ("Q4-EXEC", "defines exec_()"),
    ("Q4-FIELD-TYPE", "QVariant.String as a field type"), ("Q4-FIELD-TYPE", "field_type('string')"),
    ("Q4-QVARIANT-TYPE", "QVariant.Type does not exist"),
    ("Q4-QMETATYPE-FIELD", "QgsField typed with QMetaType"),
    ("Q4-QMETATYPE-FIELD", "compared with QMetaType"),
    ("Q4-REMOVED", "imports QRegExp"), ("Q4-REMOVED", "QRegExp: removed in Qt6"),
    ("Q4-REMOVED", "desktop()"),
    ("Q4-QTGUI-ACTION", "imports QAction from qgis.PyQt.QtGui"),
    ("Q4-NEWER-API", "Qgis.WkbType does not exist on QGIS 3.22"),
    ("Q4-DEPRECATED-ALIAS", "imports QgsMapLayerType"), ("Q4-DEPRECATED-ALIAS", "use QgsMapLayer.LayerType"),
    ("Q4-NOQA", "needs a reason"), ("Q4-NOQA", "silences nothing"),
]

GOOD_CODE = '''
from qgis.core import Qgis, QgsWkbTypes, QgsProcessing, QgsFeatureRequest, QgsField, QgsMapLayer
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QVariant, QRegularExpression
from qgis.PyQt.QtWidgets import QAction

from limburg_flexwonen_plugin.bridge.values import field_kind, field_type

def build(dialog, field, layer):
    QgsWkbTypes.Type.Polygon, QgsWkbTypes.GeometryType.PolygonGeometry, QgsWkbTypes.flatType
    QgsProcessing.TEMPORARY_OUTPUT, QgsProcessing.SourceType.TypeVectorPolygon
    Qgis.MessageLevel.Info, Qgis.QGIS_VERSION
    Qt.AlignmentFlag.AlignLeft
    QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
    layer.type() == QgsMapLayer.LayerType.VectorLayer
    QgsField("name", field_type("string"))
    field_kind(field) == "string"
    isinstance(field, QVariant)
    QRegularExpression("a+"), QAction("x")
    dialog.exec()
    sip.isdeleted(dialog)
    kind = QVariant.Type  # noqa: QGIS4 - the QGIS < 3.38 branch of a version switch
'''


def test_the_check_catches_each_problem():
    findings = check_source(BAD_CODE, Path("bad.py"))
    for rule, part in EXPECTED:
        assert any(f.rule == rule and part in f.message for f in findings), \
            (rule, part, "\n".join(map(str, findings)))
    assert {f.rule for f in findings} == {rule for rule, _ in EXPECTED}
    assert check_source(GOOD_CODE, Path("good.py")) == []


def test_a_reasoned_noqa_silences_only_its_own_line():
    code = ("from qgis.PyQt.QtCore import QVariant\n"
            "a = QVariant.Type  # noqa: QGIS4 - QGIS < 3.38 only\n"
            "b = QVariant.Type\n"
            "c = '# noqa: QGIS4 - in a string, not a comment'\n")
    assert [(f.line, f.rule) for f in check_source(code, Path("x.py"))] == [(3, "Q4-QVARIANT-TYPE")]


def test_enums_not_in_the_table_are_found_through_the_bindings():
    """QgsVectorLayer's and QgsMapLayer's enums are not listed; the bindings know them."""
    code = ("from qgis.core import QgsVectorLayer, QgsMapLayer, QgsMapLayerType\n"
            "QgsVectorLayer.EditResult\nQgsMapLayer.Style\nQgsVectorLayer.Success\n"
            "QgsMapLayerType.VectorLayer\n")   # the last is an enum itself: scoped
    flagged = {f.message.split()[2].rstrip(":") for f in check_source(code, Path("x.py"))
               if f.rule == "Q4-ENUM"}
    assert flagged == {"QgsMapLayer.Style", "QgsVectorLayer.Success"}


# Imports a package and all its modules and calls classFactory(None), refusing any Qt
# binding imported by the package's own code (through import statements, __import__ or
# importlib.import_module). qgis.PyQt itself may import PyQt5: that is its job.
IMPORT_GUARD = r'''
import builtins, importlib, json, pkgutil, sys

package_name, folder = sys.argv[1], sys.argv[2]
sys.path.insert(0, folder)
BINDINGS = {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}
refused = []


class RefusedImport(ImportError):
    pass


def check(importer, name, level):
    ours = importer == package_name or importer.startswith(package_name + ".")
    if ours and level == 0 and name.split(".")[0] in BINDINGS:
        refused.append(f"{importer} imports {name}")
        raise RefusedImport(f"{importer} imports {name}: Qt must come through qgis.PyQt")


plain_import = builtins.__import__


def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    check((globals or {}).get("__name__", ""), name, level)
    return plain_import(name, globals, locals, fromlist, level)


plain_import_module = importlib.import_module


def guarded_import_module(name, package=None):
    check(sys._getframe(1).f_globals.get("__name__", ""), name, 0 if not name.startswith(".") else 1)
    return plain_import_module(name, package)


builtins.__import__ = guarded_import
importlib.import_module = guarded_import_module

package = plain_import_module(package_name)
names = [package_name] + [m.name for m in pkgutil.walk_packages(package.__path__, package_name + ".")]
for name in names:
    try:
        plain_import_module(name)
    except RefusedImport:
        pass  # listed in refused; the other modules are still tried
factory = package.classFactory(None)
print(json.dumps({"modules": names, "refused": sorted(set(refused)),
                  "factory": type(factory).__name__}))
'''


def run_guarded(tmp_path, package_name, folder):
    script = tmp_path / "import_guard.py"
    script.write_text(IMPORT_GUARD, encoding="utf-8")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROJ_DATA="/usr/share/proj")
    completed = subprocess.run([sys.executable, str(script), package_name, str(folder)],  # nosec B603
                               capture_output=True, text=True, timeout=180, env=environment, check=False)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_every_module_imports_with_qt_only_through_qgis_pyqt(tmp_path):
    result = run_guarded(tmp_path, PACKAGE, ROOT)
    assert result["refused"] == []
    modules = [p for p in (ROOT / PACKAGE).rglob("*.py") if "__pycache__" not in p.parts]
    assert len(result["modules"]) == len(modules), "not every module was imported"
    assert result["factory"] == "FlexwonenPlugin"


def test_the_import_guard_refuses_qt_imported_directly(tmp_path):
    package = tmp_path / "qt5_direct_plugin"
    package.mkdir()
    (package / "__init__.py").write_text("def classFactory(iface):\n    return iface\n", encoding="utf-8")
    (package / "dialog.py").write_text("from PyQt5.QtWidgets import QDialog\n", encoding="utf-8")
    (package / "legacy.py").write_text("import sip\n", encoding="utf-8")
    (package / "dynamic.py").write_text(
        "import importlib\nQtCore = importlib.import_module('PyQt5.QtCore')\n", encoding="utf-8")
    (package / "fine.py").write_text("from qgis.PyQt.QtWidgets import QDialog\n", encoding="utf-8")
    result = run_guarded(tmp_path, package.name, tmp_path)
    assert result["refused"] == ["qt5_direct_plugin.dialog imports PyQt5.QtWidgets",
                                 "qt5_direct_plugin.dynamic imports PyQt5.QtCore",
                                 "qt5_direct_plugin.legacy imports sip"]
