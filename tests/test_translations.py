"""The Dutch interface: every user-visible string has a finished Dutch translation, the
compiled .qm loads according to the QGIS locale, and the panel shows no English."""
import re
import shutil
import subprocess  # nosec B404 - runs Qt's own translation tools
import sys

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtWidgets import QAbstractButton, QGroupBox, QLabel

from conftest import ROOT
from test_panel import choose_demo_layers, demo_layers, wait_for  # noqa: F401 (demo_layers is a fixture)

sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

from limburg_flexwonen_plugin.bridge import language  # noqa: E402

PLACEHOLDER = re.compile(r"\{\d+[^}]*\}")


@pytest.fixture(scope="module")
def scanned():
    messages, hidden = update_translations.scan_package()
    return update_translations.unique_messages(messages), hidden


@pytest.fixture(scope="module")
def entries():
    return update_translations.read_ts()


@pytest.fixture(scope="module")
def compiled_qm():
    """The .qm QGIS loads, built from the .ts as `make translations` does."""
    source = update_translations.TS_FILE
    target = language.translation_file("nl")
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(["lrelease", "-silent", str(source), "-qm", str(target)],  # nosec B603 B607
                       check=True, timeout=60)
    return target


@pytest.fixture
def dutch_locale():
    """QGIS set to Dutch (as Settings › Options › General does), restored afterwards."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    default_locale = QLocale()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    QLocale.setDefault(QLocale("nl_NL"))  # QGIS does this at start-up for its locale
    yield
    QLocale.setDefault(default_locale)
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture
def dutch(compiled_qm, dutch_locale):
    translator = language.install_translator()
    assert translator is not None
    yield translator
    language.remove_translator(translator)


def test_every_user_visible_string_has_a_finished_dutch_translation(scanned, entries):
    found, _ = scanned
    assert len(found) > 100  # the scan really found the package's strings
    missing = update_translations.missing_translations(entries, found)
    assert not missing, ("strings without a Dutch translation (run scripts/update_translations.py, "
                         "then translate them in the .ts):\n" + "\n".join(f"[{c}] {s}" for c, s in missing))


def test_no_string_is_hidden_from_translation(scanned):
    _, hidden = scanned
    assert not hidden, "tr()/translate() with a computed text:\n" + "\n".join(
        f"{h.path}:{h.line}: {h.code}" for h in hidden)


def test_algorithm_names_help_groups_and_panel_strings_are_covered(scanned):
    found, _ = scanned
    contexts = {context for context, _ in found}
    assert {"ClassifySitesAlgorithm", "BuiltupFromRasterAlgorithm", "FlexwonenAlgorithm",
            "SiteAssessmentDock", "SiteAssessment", "FlexwonenOptionsPage", "FlexwonenPlugin"} <= contexts
    from limburg_flexwonen_plugin.processing.provider import algorithm_classes
    for algorithm in algorithm_classes():
        assert (algorithm.__name__, algorithm.DISPLAY_NAME) in found
        assert (algorithm.__name__, algorithm.HELP) in found
    from limburg_flexwonen_plugin.processing.base import FlexwonenAlgorithm
    for group in FlexwonenAlgorithm.GROUPS.values():
        assert ("FlexwonenAlgorithm", group) in found


def test_the_scan_finds_everything_pylupdate5_finds(scanned, tmp_path):
    found, _ = scanned
    pylupdate = shutil.which("pylupdate5")
    assert pylupdate, "pylupdate5 (Debian package pyqt5-dev-tools) is missing; run make setup"
    sources = [str(p) for p in sorted((ROOT / "limburg_flexwonen_plugin").rglob("*.py"))]
    target = tmp_path / "pylupdate.ts"
    subprocess.run([pylupdate, *sources, "-ts", str(target)], check=True,  # nosec B603
                   capture_output=True, timeout=120)
    theirs = update_translations.read_ts(target)
    assert len(theirs) > 100
    our_sources = {source for _, source in found}
    for context, source in theirs:
        if context == "@default":  # module-level tr() helpers: pylupdate does not know their context
            assert source in our_sources, source
        else:
            assert (context, source) in found, (context, source)


def test_translations_keep_placeholders(entries):
    for (context, source), translation in entries.items():
        if translation.obsolete:
            continue
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), \
            (context, source)


def test_ts_file_has_no_stale_strings(scanned, entries, tmp_path):
    """Every live entry of the .ts is a string of the code (gone ones are marked obsolete),
    and the update script reads back what it writes."""
    found, _ = scanned
    stale = [key for key, translation in entries.items() if not translation.obsolete and key not in found]
    assert not stale, f"run scripts/update_translations.py: {stale}"
    rewritten = tmp_path / "flexwonen_nl.ts"
    update_translations.write_ts(entries, found, rewritten)
    again = update_translations.read_ts(rewritten)
    assert {key: (t.text, t.finished) for key, t in again.items() if key in found} == \
        {key: (t.text, t.finished) for key, t in entries.items() if key in found}


def test_compiled_dutch_translation_is_used_by_the_algorithms(flexwonen_provider, dutch):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("flexwonen:classifysites")
    assert algorithm.displayName() == "Kandidaatlocaties classificeren naar bestaand bebouwd gebied"
    assert algorithm.group() == "Locatie"
    assert algorithm.shortHelpString().startswith("Classificeert elke kandidaatlocatie")
    assert algorithm.parameterDefinition("EDGE_DISTANCE").description() == "Randafstand (m)"


def test_input_problems_are_told_in_dutch(flexwonen_provider, dutch, demo_gpkg, tmp_path):
    """A fixed message of the core in Dutch, with the layer and field in Dutch words."""
    import shutil
    import processing
    from qgis.core import QgsProcessingException
    copy = tmp_path / "demo.gpkg"
    shutil.copy(demo_gpkg, copy)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("flexwonen:classifysites", {
            "SITES": f"{copy}|layername=candidate_sites", "SITE_ID_FIELD": "no_such_field",
            "BUILTUP": f"{copy}|layername=builtup", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "laag 'candidate_sites', veld 'no_such_field': veld niet gevonden" in str(raised.value)


def test_every_fixed_input_error_text_is_marked_for_translation():
    """bridge.messages.FIXED_TEXTS holds every literal text given to InputError."""
    import ast
    from limburg_flexwonen_plugin.bridge.messages import FIXED_TEXTS
    literal = set()
    for path in (ROOT / "limburg_flexwonen_plugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                literal.add(node.args[0].value)
    assert literal - set(FIXED_TEXTS) == set()


def test_the_qgis_locale_chooses_the_translation(compiled_qm, dutch_locale):
    assert language.user_language() == "nl"
    translator = language.install_translator()
    assert translator is not None
    try:
        assert QCoreApplication.translate("FlexwonenPlugin", "Province analysis") == "Provincieanalyse"
    finally:
        language.remove_translator(translator)
    assert QCoreApplication.translate("FlexwonenPlugin", "Province analysis") == "Province analysis"
    QgsSettings().setValue("locale/userLocale", "en_GB")
    assert language.user_language() == "en" and language.install_translator() is None


def visible_texts(widget):
    texts = [widget.windowTitle()]
    for child in widget.findChildren(QLabel):
        texts.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        texts += [child.text(), child.toolTip()]
    for child in widget.findChildren(QGroupBox):
        texts.append(child.title())
    return [text for text in texts if text]


def test_the_panel_in_dutch_shows_no_english(dutch, qgis_iface, entries, demo_layers):  # noqa: F811
    from limburg_flexwonen_plugin.gui.site_panel import SiteAssessmentDock
    english = {source for (_, source), t in entries.items() if t.text != source}
    dock = SiteAssessmentDock(qgis_iface)
    try:
        texts = visible_texts(dock)
        assert "Locatietoets" in texts and "Teken een locatie" in texts
        left = [text for text in texts if text in english]
        assert not left, f"English in the Dutch panel: {left}"
        choose_demo_layers(dock, demo_layers)
        demo_layers["candidate_sites"].selectByExpression("\"case\" = 'touching_outside'")
        dock.selected_button.click()
        wait_for(dock)
        card = dock.card_text()
        for dutch_text in ("aan de rand van bestaand bebouwd gebied", "Ligging", "Dichtstbijzijnde kern",
                           "Gemeente", "Geplande bedden", "Arbeidsmigranten in de gemeente", "nee"):
            assert dutch_text in card, dutch_text
        # Numbers in the Dutch way: 3.664 m, not 3,664 m.
        distance = dock.assessments[0].value("nearest_accommodation_m")
        assert distance > 1000 and f"{QLocale('nl_NL').toString(float(distance), 'f', 0)} m" in card
        assert "." in QLocale("nl_NL").toString(float(distance), "f", 0)
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_the_package_holds_the_compiled_translation_and_the_demo_data():
    import zipfile
    from conftest import PACKAGE_ZIP
    assert PACKAGE_ZIP.exists(), "run `make package` first (make test does)"
    with zipfile.ZipFile(PACKAGE_ZIP) as archive:
        names = archive.namelist()
        qm = archive.read("limburg_flexwonen_plugin/i18n/flexwonen_nl.qm")
    assert "limburg_flexwonen_plugin/resources/demo/limburg_demo.gpkg" in names
    assert not [name for name in names if name.endswith(".ts")]
    translator = QTranslator()
    assert translator.loadFromData(qm)
    assert translator.translate("SiteAssessmentDock", "Site assessment (Locatietoets)") == "Locatietoets"
