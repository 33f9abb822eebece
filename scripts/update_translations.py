"""Refreshes the Dutch translation source (limburg_flexwonen_plugin/i18n/flexwonen_nl.ts)
from the plugin's Python sources, keeping every existing translation.

    python scripts/update_translations.py           # add new strings (unfinished), mark gone ones obsolete
    python scripts/update_translations.py --check   # exit 1 when a string has no finished translation

Strings are found by reading the code (Python's ast), the way pylupdate5 does, plus the
class attributes that the Processing base class translates at run time:

* ``self.tr("…")`` / ``tr("…")``: context = the class (or the module's ``tr`` helper's
  fixed context, or a class's own ``tr`` with a fixed context);
* ``QCoreApplication.translate("Context", "…")`` and ``QT_TRANSLATE_NOOP("Context", "…")``;
* ``DISPLAY_NAME`` and ``HELP`` of each algorithm class (context = the class) and the
  ``GROUPS`` names of ``FlexwonenAlgorithm`` (context "FlexwonenAlgorithm").

A tr()/translate() call whose text is not a literal cannot be found by any tool; the
scan reports it (``hidden_calls``) unless the place is one of ``KNOWN_INDIRECT`` below,
where the texts are marked elsewhere. After editing the .ts (by hand or in Qt Linguist),
``make translations`` builds the .qm that QGIS loads.
"""
import argparse
import ast
import sys
import xml.etree.ElementTree as ET  # nosec B405 - parses the project's own .ts file
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "limburg_flexwonen_plugin"
TS_FILE = PACKAGE / "i18n" / "flexwonen_nl.ts"
LANGUAGE = "nl_NL"

TRANSLATED_CLASS_ATTRIBUTES = ("DISPLAY_NAME", "HELP")
# (file relative to the package, function): translate() calls with a computed text whose
# texts are marked where they are written.
KNOWN_INDIRECT = {
    ("processing/base.py", "displayName"): "DISPLAY_NAME of each algorithm class",
    ("processing/base.py", "shortHelpString"): "HELP of each algorithm class",
    ("processing/base.py", "group"): "FlexwonenAlgorithm.GROUPS",
    ("gui/card.py", "label"): "labels marked with QT_TRANSLATE_NOOP in core/site_assessment/",
    ("gui/card.py", "scenario_text"): "SCENARIO_LABELS, marked with QT_TRANSLATE_NOOP",
    ("bridge/messages.py", "user_message"): "InputError texts, marked with QT_TRANSLATE_NOOP in "
                                           "FIXED_TEXTS",
    ("bridge/messages.py", "field_label"): "logical field labels, marked with QT_TRANSLATE_NOOP in "
                                          "core/field_mapping.py",
    ("processing/parameters/norms.py", "add"): "FIELD_PARAMETERS labels, marked with "
                                                            "QT_TRANSLATE_NOOP",
    ("layouts/export_action.py", "__init__"): "ROLE_LABELS, marked with QT_TRANSLATE_NOOP",
}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    path: str
    line: int


@dataclass(frozen=True)
class HiddenCall:
    path: str
    line: int
    function: str
    code: str


def _literal(node) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _fixed_tr_context(function: ast.FunctionDef) -> Optional[str]:
    """The literal context of a ``tr`` helper: ``return QCoreApplication.translate("X", text)``."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _call_name(node) == "translate" and node.args:
            return _literal(node.args[0])
    return None


def _call_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, source: str):
        self.path = path
        self.source = source
        self.messages: List[Message] = []
        self.hidden: List[HiddenCall] = []
        self.classes: List[Tuple[str, Optional[str]]] = []  # (name, fixed tr context)
        self.functions: List[str] = []
        self.module_tr_context: Optional[str] = None

    def scan(self, tree: ast.Module):
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                self.module_tr_context = _fixed_tr_context(node)
        self.visit(tree)

    def visit_ClassDef(self, node: ast.ClassDef):  # noqa: N802 (ast's name)
        fixed = None
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name == "tr":
                fixed = _fixed_tr_context(item)
            if isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name):
                name = item.targets[0].id
                if name in TRANSLATED_CLASS_ATTRIBUTES and _literal(item.value):
                    self._add(node.name, _literal(item.value), item)
                if name == "GROUPS" and isinstance(item.value, ast.Dict):
                    for value in item.value.values:
                        if _literal(value):
                            self._add(node.name, _literal(value), value)
        self.classes.append((node.name, fixed))
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef):  # noqa: N802
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_Call(self, node: ast.Call):  # noqa: N802
        name = _call_name(node)
        function = self.functions[-1] if self.functions else ""
        if name == "tr" and node.args and function != "tr":
            text = _literal(node.args[0])
            if text is None:
                self._hidden(node, function)
            else:
                self._add(self._tr_context(node), text, node)
        elif (name == "QT_TRANSLATE_NOOP" or _is_qt_translate(node)) and function != "tr":
            context = _literal(node.args[0]) if node.args else None
            text = _literal(node.args[1]) if len(node.args) > 1 else None
            if context is None or text is None:
                self._hidden(node, function)
            else:
                self._add(context, text, node)
        self.generic_visit(node)

    def _tr_context(self, node: ast.Call) -> str:
        is_method = isinstance(node.func, ast.Attribute)
        if self.classes:
            name, fixed = self.classes[-1]
            if fixed:
                return fixed
            if is_method:
                return name
        if not is_method and self.module_tr_context:
            return self.module_tr_context
        return self.classes[-1][0] if self.classes else Path(self.path).stem

    def _add(self, context: str, text: str, node):
        self.messages.append(Message(context, text, self.path, node.lineno))

    def _hidden(self, node: ast.Call, function: str):
        if (self.path, function) in KNOWN_INDIRECT:
            return
        self.hidden.append(HiddenCall(self.path, node.lineno, function,
                                      ast.get_source_segment(self.source, node) or ""))


def _is_qt_translate(node: ast.Call) -> bool:
    """``QCoreApplication.translate(…)`` or a bare ``translate(…)`` (not a geometry's)."""
    if isinstance(node.func, ast.Name):
        return node.func.id == "translate"
    if not isinstance(node.func, ast.Attribute) or node.func.attr != "translate":
        return False
    owner = node.func.value
    return isinstance(owner, ast.Name) and owner.id in ("QCoreApplication", "QApplication")


def scan_package(package: Path = PACKAGE) -> Tuple[List[Message], List[HiddenCall]]:
    messages: List[Message] = []
    hidden: List[HiddenCall] = []
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        scanner = _Scanner(path.relative_to(package).as_posix(), source)
        scanner.scan(ast.parse(source, filename=str(path)))
        messages.extend(scanner.messages)
        hidden.extend(scanner.hidden)
    return messages, hidden


def unique_messages(messages: List[Message]) -> Dict[Tuple[str, str], Message]:
    """(context, source) -> its first occurrence, in source order."""
    found: Dict[Tuple[str, str], Message] = {}
    for message in messages:
        found.setdefault((message.context, message.source), message)
    return found


# ----------------------------------------------------------------------------- .ts files

@dataclass
class Translation:
    text: str
    finished: bool
    obsolete: bool = False


def read_ts(path: Path = TS_FILE) -> Dict[Tuple[str, str], Translation]:
    if not path.exists():
        return {}
    tree = ET.parse(path)  # nosec B314 - the project's own file
    result = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = translation.text or "" if translation is not None else ""
            result[(name, source)] = Translation(text, kind == "", kind in ("obsolete", "vanished"))
    return result


def write_ts(entries: Dict[Tuple[str, str], Translation], found: Dict[Tuple[str, str], Message],
             path: Path = TS_FILE, keep_obsolete: bool = True) -> None:
    """Writes the .ts: contexts sorted, messages in source order, gone ones last as obsolete
    (kept for the translator's reference unless ``keep_obsolete`` is false)."""
    root = ET.Element("TS", version="2.1", language=LANGUAGE, sourcelanguage="en")
    contexts: Dict[str, List[Tuple[str, Translation, Optional[Message]]]] = {}
    for key, message in sorted(found.items(), key=lambda item: (item[1].path, item[1].line)):
        contexts.setdefault(key[0], []).append((key[1], entries.get(key, Translation("", False)), message))
    for key, translation in entries.items():
        if key not in found and translation.text and keep_obsolete:
            contexts.setdefault(key[0], []).append(
                (key[1], Translation(translation.text, False, obsolete=True), None))
    for name in sorted(contexts):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, translation, message in contexts[name]:
            element = ET.SubElement(context, "message")
            if message is not None:
                ET.SubElement(element, "location", filename=f"../{message.path}")
            ET.SubElement(element, "source").text = source
            translated = ET.SubElement(element, "translation")
            translated.text = translation.text
            if translation.obsolete:
                translated.set("type", "vanished")
            elif not translation.finished or not translation.text:
                translated.set("type", "unfinished")
    ET.indent(root, space="    ")
    text = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".ts.tmp")
    temporary.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n",
                         encoding="utf-8")
    temporary.replace(path)


def missing_translations(entries, found) -> List[Tuple[str, str]]:
    return [key for key in found
            if key not in entries or not entries[key].finished or not entries[key].text.strip()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a string lacks a finished translation")
    parser.add_argument("--no-obsolete", action="store_true",
                        help="drop the translations of strings no longer in the code")
    arguments = parser.parse_args(argv)
    messages, hidden = scan_package()
    found = unique_messages(messages)
    entries = read_ts()
    for call in hidden:
        print(f"{call.path}:{call.line}: text not literal, cannot be translated: {call.code}")
    missing = missing_translations(entries, found)
    if arguments.check:
        for context, source in missing:
            print(f"untranslated [{context}] {source!r}")
        return 1 if missing or hidden else 0
    write_ts(entries, found, keep_obsolete=not arguments.no_obsolete)
    obsolete = [key for key in entries if key not in found]
    print(f"{TS_FILE.relative_to(ROOT)}: {len(found)} strings, {len(found) - len(missing)} translated, "
          f"{len(missing)} to translate, {len(obsolete)} no longer used")
    return 0


if __name__ == "__main__":
    sys.exit(main())
