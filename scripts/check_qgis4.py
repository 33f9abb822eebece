"""QGIS 4 (Qt6) readiness check of the plugin's Python code: static readiness checks only.

    python scripts/check_qgis4.py [folder ...]     (default: the plugin package and scripts/)

No QGIS 4 / PyQt6 build runs here (Debian 12 has none), so this reads the source (AST and
comments); it proves nothing about QGIS 4 at run time. The code must keep working on
QGIS 3.22 too (metadata.txt), so a rule only asks for a replacement that also exists on
3.22, or for the compatibility helper in ``bridge/values.py``.

Rules, each reported with file and line and its code in brackets:

Q4-IMPORT     Qt imported other than through ``qgis.PyQt`` (PyQt5, PyQt6, PySide2/6, a bare
              ``sip``). ``qgis.PyQt`` is QGIS's shim, built against PyQt5 or PyQt6
              (qgis/QGIS python/PyQt/PyQt6/); QGIS's migration script rewrites
              ``from PyQt5.`` to ``qgis.PyQt`` (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py).
Q4-ENUM       Enum members used unscoped (``Qgis.Info``, ``Qt.AlignLeft``...): PyQt6 enums
              are Python enums reached only through their enum (pyqt5_to_pyqt6.py,
              "Enum error, add 'MessageLevel' before 'NoLevel'"; qgis/QGIS#55678). Found from
              ``KNOWN_ENUMS`` and, for names imported from ``qgis.*``, by asking the
              installed bindings whether the attribute is an enum member.
Q4-QVARIANT-TYPE  ``QVariant.Type``: PyQt6 has no ``QVariant.Type``; QGIS's Qt6 builds patch
              back only ``QVariant.Int``, ``QVariant.String``... (qgis/QGIS#55954), and the
              migration script says "QVariant.Type.XXX doesn't exist" (qgis/QGIS#64861;
              seen as AttributeError in GIScience/orstools-qgis-plugin#355).
Q4-FIELD-TYPE ``QVariant.String``, ``QVariant.Int``... (QVariant.Type constants): QgsField's
              QVariant.Type constructor and setters are deprecated since QGIS 3.38 in favour
              of QMetaType.Type (qgis/QGIS#57272), and on Qt6 these names exist only through
              QGIS's patch (#55954). Use ``field_type(kind)`` / ``field_kind(field)`` from
              ``limburg_flexwonen_plugin/bridge/values.py``, which pick the type per version.
Q4-QMETATYPE-FIELD  ``QMetaType`` types given to ``QgsField(...)``/``setType`` or compared
              with ``.type()``: QgsField takes QMetaType.Type only since QGIS 3.38
              (qgis/QGIS#57272) and the plugin supports 3.22: use the same helpers.
Q4-EXEC       ``exec_()`` / ``print_()`` (calls or definitions): PyQt6 removed both, left
              from Python 2 days (pyqt5_to_pyqt6.py renames ``exec_`` to ``exec``;
              "Differences between PyQt5 and PyQt6", coderslegacy.com, for ``print_``).
Q4-REMOVED    Qt classes Qt6 removed: ``QRegExp`` (pyqt5_to_pyqt6.py: "QRegExp is removed in
              Qt6, please use QRegularExpression") and ``QDesktopWidget`` /
              ``QApplication.desktop()`` (pyqt5_to_pyqt6.py: "QDesktopWidget is deprecated
              and removed in Qt6"; use QScreen).
Q4-RESOURCES  Compiled Qt resources: ``.qrc`` files, ``resources_rc`` / pyrcc output
              (pyqt5_to_pyqt6.py: "support for compiled resources is removed in Qt6";
              load icons and ``.ui`` files by path).
Q4-QTGUI-ACTION  ``QAction``, ``QActionGroup``, ``QShortcut`` imported from
              ``qgis.PyQt.QtGui``: their Qt6 location, which ``qgis.PyQt`` offers on Qt5
              builds only in later 3.x releases (qgis/QGIS#55658, #57467; absent on 3.22,
              checked). Import them from ``qgis.PyQt.QtWidgets``: that works on 3.22, and
              QGIS's Qt6 shim re-exports them there (#55658), to stay in 4.x (maintainer's
              word in qgis/pyqgis4-checker#6).
Q4-NEWER-API  ``Qgis.WkbType``, ``Qgis.GeometryType``, ``Qgis.LayerType``: added in QGIS
              3.30 ("versionadded:: 3.30" in python/core/auto_additions/qgis.py), missing
              on 3.22. Use ``QgsWkbTypes.Type``, ``QgsWkbTypes.GeometryType``,
              ``QgsMapLayer.LayerType``.
Q4-DEPRECATED-ALIAS  ``QgsMapLayerType``: moved to ``Qgis.LayerType`` in 3.30; "PyQGIS API is
              maintained via monkey patching. This will only be removed in the next major
              release" (qgis/QGIS#51874), that is QGIS 4.
              Use ``QgsMapLayer.LayerType.VectorLayer`` (3.22 has it; QGIS 4's bindings keep
              ``QgsMapLayer.LayerType = Qgis.LayerType`` with the old member names).

Decided not to flag (with the reason):
* ``QgsWkbTypes.Type.Polygon``, ``QgsWkbTypes.GeometryType.PolygonGeometry``: the only forms
  3.22 has (Qgis.WkbType/GeometryType came in 3.30), and QGIS 4's PyQt6 bindings keep them
  as aliases (python/PyQt6/core/auto_additions/qgis.py: ``QgsWkbTypes.Type = Qgis.WkbType``,
  ``QgsWkbTypes.GeometryType.PolygonGeometry = Qgis.GeometryType.Polygon``).
* ``QAction`` from ``qgis.PyQt.QtWidgets``: see Q4-QTGUI-ACTION.
* No ``QT_API`` switch exists for QGIS: ``qgis.PyQt`` follows the Qt QGIS was built with.

A line may opt out with ``# noqa: QGIS4 - <reason>`` (one marker for every rule on that
line). The reason is required, and a marker that silences nothing is reported
(Q4-NOQA), so markers do not outlive their code.
"""
import argparse
import ast
import enum
import importlib
import io
import re
import sys
import tokenize
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set

ROOT = Path(__file__).resolve().parent.parent
QT_BINDINGS = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
PYRCC_MARKS = ("qt_resource_" + "data", "qRegister" + "ResourceData")  # split: not to flag this file
NOQA = re.compile(r"#\s*noqa:\s*QGIS4\b(?P<reason>.*)$")
REMOVED_IN_QT6 = {"QRegExp": "use QRegularExpression", "QDesktopWidget": "use QScreen"}
QTGUI_NOT_ON_322 = ("QAction", "QActionGroup", "QShortcut")
NEWER_THAN_322 = {"WkbType": "QgsWkbTypes.Type", "GeometryType": "QgsWkbTypes.GeometryType",
                  "LayerType": "QgsMapLayer.LayerType"}
# QVariant.Type members, with the field_type() kind to use where the plugin has one.
QVARIANT_TYPES: Dict[str, Optional[str]] = {
    "String": "string", "Int": "integer32", "LongLong": "int", "Double": "double", "Bool": "bool",
    "Date": "date", "DateTime": "datetime", "Time": "time",
    **{name: None for name in (
        "Invalid", "UInt", "ULongLong", "Char", "Map", "List", "StringList", "ByteArray", "BitArray",
        "Url", "Locale", "Rect", "RectF", "Size", "SizeF", "Line", "LineF", "Point", "PointF",
        "RegExp", "RegularExpression", "Hash", "EasingCurve", "Uuid", "ModelIndex",
        "PersistentModelIndex", "Font", "Pixmap", "Brush", "Color", "Palette", "Image", "Polygon",
        "PolygonF", "Region", "Bitmap", "Cursor", "KeySequence", "Pen", "TextLength", "TextFormat",
        "Transform", "Matrix4x4", "Vector2D", "Vector3D", "Vector4D", "Quaternion", "Icon",
        "SizePolicy", "UserType", "LastType")}}

# Enum members people write unscoped, per class: member -> the enum it belongs to.
KNOWN_ENUMS: Dict[str, Dict[str, str]] = {
    "QgsWkbTypes": {
        **{m: "Type" for m in (
            "Unknown", "NoGeometry", "Point", "LineString", "Polygon", "Triangle", "MultiPoint",
            "MultiLineString", "MultiPolygon", "GeometryCollection", "CircularString", "CompoundCurve",
            "CurvePolygon", "MultiCurve", "MultiSurface", "PointZ", "LineStringZ", "PolygonZ",
            "MultiPointZ", "MultiLineStringZ", "MultiPolygonZ", "PointM", "PolygonM", "PointZM",
            "PolygonZM", "Point25D", "Polygon25D", "MultiPolygon25D")},
        **{m: "GeometryType" for m in ("PointGeometry", "LineGeometry", "PolygonGeometry",
                                        "UnknownGeometry", "NullGeometry")}},
    "Qgis": {m: "MessageLevel" for m in ("Info", "Warning", "Critical", "Success", "NoLevel")},
    "Qt": {
        **{m: "AlignmentFlag" for m in ("AlignLeft", "AlignRight", "AlignHCenter", "AlignJustify",
                                        "AlignTop", "AlignBottom", "AlignVCenter", "AlignCenter")},
        **{m: "CheckState" for m in ("Checked", "Unchecked", "PartiallyChecked")},
        **{m: "ItemDataRole" for m in ("DisplayRole", "DecorationRole", "EditRole", "ToolTipRole",
                                       "UserRole", "CheckStateRole", "TextAlignmentRole")},
        **{m: "ItemFlag" for m in ("ItemIsSelectable", "ItemIsEditable", "ItemIsEnabled",
                                   "ItemIsUserCheckable", "NoItemFlags")},
        **{m: "Orientation" for m in ("Horizontal", "Vertical")},
        **{m: "DockWidgetArea" for m in ("LeftDockWidgetArea", "RightDockWidgetArea",
                                         "TopDockWidgetArea", "BottomDockWidgetArea")},
        **{m: "CursorShape" for m in ("ArrowCursor", "WaitCursor", "PointingHandCursor",
                                      "BusyCursor")},
        **{m: "AspectRatioMode" for m in ("KeepAspectRatio", "IgnoreAspectRatio")},
        **{m: "TransformationMode" for m in ("SmoothTransformation", "FastTransformation")},
        **{m: "SortOrder" for m in ("AscendingOrder", "DescendingOrder")},
        **{m: "MatchFlag" for m in ("MatchExactly", "MatchContains")},
        **{m: "CaseSensitivity" for m in ("CaseInsensitive", "CaseSensitive")},
        **{m: "GlobalColor" for m in ("white", "black", "red", "green", "blue", "gray", "transparent")},
        **{m: "PenStyle" for m in ("NoPen", "SolidLine", "DashLine", "DotLine")},
        **{m: "WindowModality" for m in ("WindowModal", "ApplicationModal", "NonModal")},
        **{m: "ScrollBarPolicy" for m in ("ScrollBarAlwaysOff", "ScrollBarAlwaysOn",
                                          "ScrollBarAsNeeded")},
    },
    "QgsProcessing": {m: "SourceType" for m in (
        "TypeMapLayer", "TypeVectorAnyGeometry", "TypeVectorPoint", "TypeVectorLine",
        "TypeVectorPolygon", "TypeRaster", "TypeFile", "TypeVector", "TypeMesh", "TypePlugin")},
    "QgsProcessingParameterNumber": {"Integer": "Type", "Double": "Type"},
    "QgsProcessingParameterField": {m: "DataType" for m in ("Any", "Numeric", "String", "DateTime")},
    "QgsProcessingParameterFile": {"File": "Behavior", "Folder": "Behavior"},
    "QgsProcessingAlgorithm": {m: "Flag" for m in (
        "FlagHideFromToolbox", "FlagHideFromModeler", "FlagSupportsBatch", "FlagCanCancel",
        "FlagRequiresMatchingCrs", "FlagNoThreading", "FlagDisplayNameIsLiteral",
        "FlagSupportsInPlaceEdits", "FlagKnownIssues", "FlagCustomException")},
    "QgsProcessingFeatureSource": {"FlagSkipGeometryValidityChecks": "Flag"},
    "QgsFeatureSink": {"FastInsert": "Flag", "RollBackOnErrors": "Flag"},
    "QgsFeatureRequest": {
        **{m: "Flag" for m in ("NoFlags", "NoGeometry", "SubsetOfAttributes", "ExactIntersect")},
        **{m: "InvalidGeometryCheck" for m in ("GeometryNoCheck", "GeometrySkipInvalid",
                                               "GeometryAbortOnInvalid")}},
    "QgsVectorFileWriter": {
        **{m: "WriterError" for m in ("NoError", "ErrDriverNotFound", "ErrCreateDataSource",
                                      "ErrCreateLayer")},
        **{m: "ActionOnExistingFile" for m in ("CreateOrOverwriteFile", "CreateOrOverwriteLayer",
                                               "AppendToLayerNoNewFields", "AppendToLayerAddFields")}},
    "QgsMapLayer": {m: "LayerType" for m in ("VectorLayer", "RasterLayer", "PluginLayer", "MeshLayer")},
    "QgsLayoutExporter": {m: "ExportResult" for m in ("Success", "Canceled", "MemoryError",
                                                      "FileError", "PrintError", "SvgLayerError",
                                                      "IteratorError")},
    "QgsLayoutItemPage": {"Portrait": "Orientation", "Landscape": "Orientation"},
    "QgsUnitTypes": {m: "LayoutUnit" for m in ("LayoutMillimeters", "LayoutCentimeters", "LayoutPixels",
                                               "LayoutPoints")},
    "QgsCoordinateReferenceSystem": {m: "WktVariant" for m in ("WKT1_GDAL", "WKT1_ESRI", "WKT2_2019",
                                                               "WKT_PREFERRED")},
    "QMessageBox": {
        **{m: "StandardButton" for m in ("Ok", "Cancel", "Yes", "No", "Close", "Save", "Discard")},
        **{m: "Icon" for m in ("Information", "Warning", "Critical", "Question", "NoIcon")}},
    "QDialogButtonBox": {m: "StandardButton" for m in ("Ok", "Cancel", "Close", "Apply", "Help", "Reset",
                                                       "Save")},
    "QDialog": {"Accepted": "DialogCode", "Rejected": "DialogCode"},
    "QSizePolicy": {m: "Policy" for m in ("Fixed", "Minimum", "Maximum", "Preferred", "Expanding",
                                          "MinimumExpanding", "Ignored")},
    "QAbstractItemView": {
        **{m: "SelectionBehavior" for m in ("SelectItems", "SelectRows", "SelectColumns")},
        **{m: "SelectionMode" for m in ("NoSelection", "SingleSelection", "MultiSelection",
                                        "ExtendedSelection")},
        "NoEditTriggers": "EditTrigger"},
    "QHeaderView": {m: "ResizeMode" for m in ("Interactive", "Stretch", "Fixed", "ResizeToContents")},
    "QFrame": {**{m: "Shape" for m in ("NoFrame", "Box", "Panel", "StyledPanel", "HLine", "VLine")},
               **{m: "Shadow" for m in ("Plain", "Raised", "Sunken")}},
    "QFont": {m: "Weight" for m in ("Normal", "Bold", "Light", "DemiBold")},
    "QPainter": {"Antialiasing": "RenderHint", "TextAntialiasing": "RenderHint"},
    "QIcon": {"Normal": "Mode", "Disabled": "Mode", "Active": "Mode", "Selected": "Mode"},
    "QLineEdit": {"Password": "EchoMode", "Normal": "EchoMode"},
    "QComboBox": {"AdjustToContents": "SizeAdjustPolicy"},
    "QFileDialog": {"ShowDirsOnly": "Option", "DontUseNativeDialog": "Option"},
    "QEvent": {"Close": "Type", "Show": "Type", "Resize": "Type"},
    "QProcess": {"NotRunning": "ProcessState", "Running": "ProcessState"},
}


class Finding:
    def __init__(self, path: Path, line: int, message: str, rule: str = ""):
        self.path, self.line, self.message, self.rule = path, line, message, rule

    def __str__(self):
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"

    def __repr__(self):
        return str(self)


def check_source(text: str, path: Path) -> List[Finding]:
    """Every QGIS 4 readiness problem in one Python source, after ``# noqa: QGIS4``."""
    tree = ast.parse(text, filename=str(path))
    raw = _Visitor(path).run(tree)
    if PYRCC_MARKS[0] in text and PYRCC_MARKS[1] in text:
        raw.append(Finding(path, 1, "compiled Qt resources (pyrcc output)", "Q4-RESOURCES"))
    markers = _noqa_markers(text)
    findings = [finding for finding in raw if finding.line not in markers]
    silenced = {finding.line for finding in raw}
    for line, reason in sorted(markers.items()):
        if not re.search(r"\w{3}", reason):
            findings.append(Finding(path, line, "'# noqa: QGIS4' needs a reason after it", "Q4-NOQA"))
        elif line not in silenced:
            findings.append(Finding(path, line, "'# noqa: QGIS4' silences nothing here: remove it",
                                    "Q4-NOQA"))
    return sorted(findings, key=lambda finding: finding.line)


def _noqa_markers(text: str) -> Dict[int, str]:
    """line -> reason of each ``# noqa: QGIS4`` comment (comments only, not strings)."""
    markers = {}
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            match = NOQA.search(token.string)
            if match:
                markers[token.start[0]] = match.group("reason")
    return markers


class _Visitor:
    """One pass over a module's AST; names are tracked through their imports so that an
    alias (``from qgis.core import QgsField as Field``) is checked like the name."""

    def __init__(self, path: Path):
        self.path = path
        self.findings: List[Finding] = []
        self.imported: Dict[str, tuple] = {}  # local name -> (module, name), for qgis.* imports
        self.aliases: Dict[str, Set[str]] = {name: {name} for name in (
            "QVariant", "QMetaType", "QgsField", "Qgis", "QgsMapLayerType", *REMOVED_IN_QT6)}

    def report(self, node, message: str, rule: str):
        self.findings.append(Finding(self.path, node.lineno, message, rule))

    def run(self, tree) -> List[Finding]:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self.visit_import(node)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                self.visit_attribute(node)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                self.visit_name(node)
            elif isinstance(node, ast.Call):
                self.visit_call(node)
            elif isinstance(node, ast.Compare):
                self.visit_compare(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if node.name in ("exec_", "print_"):  # an override Qt6 would never call
                    self.report(node, f"defines {node.name}(): Qt6 has only {node.name[:-1]}()", "Q4-EXEC")
        return self.findings

    def is_alias(self, node, name: str) -> bool:
        return isinstance(node, ast.Name) and node.id in self.aliases[name]

    def visit_import(self, node):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in QT_BINDINGS:
                    self.report(node, f"imports {alias.name}: use qgis.PyQt", "Q4-IMPORT")
                if alias.name.endswith("resources_rc"):
                    self.report(node, "imports compiled Qt resources", "Q4-RESOURCES")
            return
        module = node.module or ""
        if node.level == 0 and module.split(".")[0] in QT_BINDINGS:
            self.report(node, f"imports from {module}: use qgis.PyQt", "Q4-IMPORT")
        if module.endswith("resources_rc") or any(a.name == "resources_rc" for a in node.names):
            self.report(node, "imports compiled Qt resources", "Q4-RESOURCES")
        for alias in node.names:
            local = alias.asname or alias.name
            if alias.name in self.aliases:
                self.aliases[alias.name].add(local)
            if alias.name in REMOVED_IN_QT6:
                self.report(node, f"imports {alias.name}: removed in Qt6, "
                                  f"{REMOVED_IN_QT6[alias.name]}", "Q4-REMOVED")
            if alias.name == "QgsMapLayerType":
                self.report(node, "imports QgsMapLayerType: a 3.x alias of Qgis.LayerType; "
                                  "use QgsMapLayer.LayerType", "Q4-DEPRECATED-ALIAS")
            if module == "qgis.PyQt.QtGui" and alias.name in QTGUI_NOT_ON_322:
                self.report(node, f"imports {alias.name} from qgis.PyQt.QtGui: not there on "
                                  "QGIS 3.22; import it from qgis.PyQt.QtWidgets", "Q4-QTGUI-ACTION")
        if node.level == 0 and module.startswith("qgis"):
            for alias in node.names:
                self.imported[alias.asname or alias.name] = (module, alias.name)

    def visit_name(self, node):
        for removed, advice in REMOVED_IN_QT6.items():
            if node.id in self.aliases[removed]:
                self.report(node, f"{node.id}: removed in Qt6, {advice}", "Q4-REMOVED")
        if node.id in self.aliases["QgsMapLayerType"]:
            self.report(node, f"{node.id}: a 3.x alias of Qgis.LayerType; use QgsMapLayer.LayerType",
                        "Q4-DEPRECATED-ALIAS")

    def visit_attribute(self, node):
        if node.attr in ("exec_", "print_"):
            self.report(node, f"{node.attr}() does not exist in Qt6: use {node.attr[:-1]}()", "Q4-EXEC")
        if node.attr in REMOVED_IN_QT6:  # QtCore.QRegExp, QtWidgets.QDesktopWidget
            self.report(node, f"{node.attr}: removed in Qt6, {REMOVED_IN_QT6[node.attr]}", "Q4-REMOVED")
        if not isinstance(node.value, ast.Name):
            return
        owner = node.value.id
        if self.is_alias(node.value, "QVariant"):
            if node.attr == "Type":
                self.report(node, "QVariant.Type does not exist in PyQt6 (QGIS 4): use field_type()/"
                                  "field_kind() from bridge/values.py", "Q4-QVARIANT-TYPE")
            elif node.attr in QVARIANT_TYPES:
                kind = QVARIANT_TYPES[node.attr]
                hint = f"field_type({kind!r})" if kind else "field_type()"
                self.report(node, f"QVariant.{node.attr} as a field type: deprecated since QGIS 3.38 and "
                                  f"only patched in on Qt6; use {hint} / field_kind(field) from "
                                  "bridge/values.py", "Q4-FIELD-TYPE")
            return
        if self.is_alias(node.value, "Qgis") and node.attr in NEWER_THAN_322:
            self.report(node, f"Qgis.{node.attr} does not exist on QGIS 3.22: use "
                              f"{NEWER_THAN_322[node.attr]}", "Q4-NEWER-API")
            return
        enum_name = _unscoped_enum(owner, node.attr, self.imported.get(owner))
        if enum_name:
            self.report(node, f"unscoped enum {owner}.{node.attr}: write {owner}.{enum_name}.{node.attr}",
                        "Q4-ENUM")

    def visit_call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "desktop" and not node.args:
            self.report(node, "QApplication.desktop() (QDesktopWidget) is removed in Qt6: use QScreen",
                        "Q4-REMOVED")
        type_argument = None
        if self.is_alias(func, "QgsField") or (isinstance(func, ast.Attribute) and func.attr == "QgsField"):
            type_argument = node.args[1] if len(node.args) > 1 else next(
                (keyword.value for keyword in node.keywords if keyword.arg == "type"), None)
        elif isinstance(func, ast.Attribute) and func.attr in ("setType", "setSubType") and node.args:
            type_argument = node.args[0]
        if type_argument is not None and self.mentions_qmetatype(type_argument):
            self.report(node, "QgsField typed with QMetaType needs QGIS 3.38 or later: use "
                              "field_type(kind) from bridge/values.py", "Q4-QMETATYPE-FIELD")

    def visit_compare(self, node):
        operands = [node.left, *node.comparators]
        reads_type = any(isinstance(operand, ast.Call) and isinstance(operand.func, ast.Attribute)
                         and operand.func.attr in ("type", "subType") for operand in operands)
        if reads_type and any(self.mentions_qmetatype(operand) for operand in operands):
            self.report(node, "field type compared with QMetaType (QGIS 3.38 or later only): use "
                              "field_kind(field) from bridge/values.py", "Q4-QMETATYPE-FIELD")

    def mentions_qmetatype(self, expression) -> bool:
        return any(isinstance(sub, ast.Attribute) and self.is_alias(sub.value, "QMetaType")
                   for sub in ast.walk(expression))


def _unscoped_enum(owner: str, attribute: str, origin) -> Optional[str]:
    known = KNOWN_ENUMS.get(owner, {})
    if attribute in known:
        return known[attribute]
    if origin is None:
        return None
    value = _resolve(*origin)
    if value is None or _is_enum_type(value):
        return None  # an enum itself (QgsMapLayerType.VectorLayer): already scoped
    try:
        member = getattr(value, attribute)
    except Exception:  # noqa: BLE001 - any binding oddity means: not an enum we know
        return None
    if isinstance(member, type):
        return None  # the enum class itself: the scoped form
    if isinstance(member, enum.Enum):
        return type(member).__name__
    if type(type(member)).__name__ == "enumtype":  # PyQt5's sip enums
        return type(member).__name__.split(".")[-1]
    return None


def _is_enum_type(value) -> bool:
    return isinstance(value, type) and (issubclass(value, enum.Enum)
                                        or type(value).__name__ == "enumtype")


_CACHE: Dict[tuple, object] = {}


def _resolve(module: str, name: str):
    key = (module, name)
    if key not in _CACHE:
        try:
            _CACHE[key] = getattr(importlib.import_module(module), name, None)
        except Exception:  # noqa: BLE001 - bindings not importable here: rely on the table
            _CACHE[key] = None
    return _CACHE[key]


def check_tree(folders: Iterable[Path]) -> List[Finding]:
    findings: List[Finding] = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if any(part in (".git", ".venv", "__pycache__", "dist") for part in path.parts):
                continue
            if path.suffix == ".qrc" or path.name in ("resources_rc.py", "resources_rc.pyc"):
                findings.append(Finding(path, 1, "compiled Qt resources: load icons and .ui files by path",
                                        "Q4-RESOURCES"))
            elif path.suffix == ".py":
                findings += check_source(path.read_text(encoding="utf-8"), path)
    return findings


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[ROOT / "limburg_flexwonen_plugin", ROOT / "resources", ROOT / "scripts"])
    arguments = parser.parse_args()
    problems = check_tree(arguments.folders)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
