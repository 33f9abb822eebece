"""QGIS 4 (Qt6) readiness check of the plugin's Python code.

    python scripts/check_qgis4.py [folder ...]     (default: the plugin package)

Reports, with file and line:
* Qt imported other than through ``qgis.PyQt`` (PyQt5, PyQt6, PySide, a bare ``sip``);
* enums used unscoped (``QgsWkbTypes.Polygon`` instead of ``QgsWkbTypes.Type.Polygon``,
  ``Qgis.Info``, ``QVariant.String``, ``Qt.AlignLeft``...): PyQt6 knows only the scoped
  form. Detected from a table of well-known enum classes and members and, for names
  imported from ``qgis.*``, by asking the installed bindings whether the attribute is an
  enum member;
* ``exec_()`` (Qt6 has only ``exec()``);
* compiled Qt resources: ``.qrc`` files, ``resources_rc`` / pyrcc output (load icons and
  ``.ui`` files by path instead).
"""
import argparse
import ast
import enum
import importlib
import sys
from pathlib import Path
from typing import Dict, Iterable, List, Optional

ROOT = Path(__file__).resolve().parent.parent
QT_BINDINGS = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
PYRCC_MARKS = ("qt_resource_" + "data", "qRegister" + "ResourceData")  # split: not to flag this file

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
    "QVariant": {m: "Type" for m in (
        "Invalid", "Bool", "Int", "UInt", "LongLong", "ULongLong", "Double", "Char", "Map", "List",
        "String", "StringList", "ByteArray", "Date", "Time", "DateTime", "Url", "Color")},
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
    def __init__(self, path: Path, line: int, message: str):
        self.path, self.line, self.message = path, line, message

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"

    def __repr__(self):
        return str(self)


def check_source(text: str, path: Path) -> List[Finding]:
    """Every QGIS 4 readiness problem in one Python source."""
    tree = ast.parse(text, filename=str(path))
    findings: List[Finding] = []
    imported = {}  # local name -> (module, attribute) for names imported from qgis.*
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in QT_BINDINGS:
                    findings.append(Finding(path, node.lineno, f"imports {alias.name}: use qgis.PyQt"))
                if alias.name.split(".")[-1] == "resources_rc" or alias.name.endswith("resources_rc"):
                    findings.append(Finding(path, node.lineno, "imports compiled Qt resources"))
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and module.split(".")[0] in QT_BINDINGS:
                findings.append(Finding(path, node.lineno, f"imports from {module}: use qgis.PyQt"))
            if module.endswith("resources_rc") or any(a.name == "resources_rc" for a in node.names):
                findings.append(Finding(path, node.lineno, "imports compiled Qt resources"))
            if node.level == 0 and module.startswith("qgis"):
                for alias in node.names:
                    imported[alias.asname or alias.name] = (module, alias.name)
        elif isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                findings.append(Finding(path, node.lineno, "exec_() does not exist in Qt6: use exec()"))
            if isinstance(node.value, ast.Name):
                owner = node.value.id
                enum_name = _unscoped_enum(owner, node.attr, imported.get(owner))
                if enum_name:
                    findings.append(Finding(path, node.lineno,
                                            f"unscoped enum {owner}.{node.attr}: write "
                                            f"{owner}.{enum_name}.{node.attr}"))
    if PYRCC_MARKS[0] in text and PYRCC_MARKS[1] in text:
        findings.append(Finding(path, 1, "compiled Qt resources (pyrcc output)"))
    return findings


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
                findings.append(Finding(path, 1, "compiled Qt resources: load icons and .ui files by path"))
            elif path.suffix == ".py":
                findings += check_source(path.read_text(encoding="utf-8"), path)
    return findings


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[ROOT / "limburg_flexwonen_plugin", ROOT / "resources"])
    arguments = parser.parse_args()
    problems = check_tree(arguments.folders)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
