"""The plugin inside QGIS (pytest-qgis): its actions, panel and settings page, the
settings the algorithms read, and the one-click province analysis."""
import geopandas as gpd
import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAction, QToolBar

from conftest import open_layer, unknown_names
from test_panel import wait_until

from limburg_flexwonen_plugin.bridge import settings
from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters, classify_sites
from limburg_flexwonen_plugin.core.scenarios import SCENARIO_KEYS
from limburg_flexwonen_plugin.gui import project_layers
from limburg_flexwonen_plugin.gui.options_page import FlexwonenOptionsFactory, FlexwonenOptionsPage
from limburg_flexwonen_plugin.gui.province_analysis import ProvinceAnalysis, ProvinceInputs
from limburg_flexwonen_plugin.plugin import FlexwonenPlugin


@pytest.fixture
def clean_settings():
    settings.reset()
    yield
    settings.reset()


def flexwonen_keys():
    return sorted(k for k in QgsSettings().allKeys() if k.startswith(settings.GROUP))


def test_plugin_adds_and_removes_its_actions_panel_and_options_page(qgis_iface, qgis_new_project, clean_settings):
    window = qgis_iface.mainWindow()
    plugin = FlexwonenPlugin(qgis_iface)
    plugin.initGui()
    try:
        names = sorted(a.objectName() for a in window.findChildren(QAction)
                       if a.objectName().startswith("FlexwonenLimburg"))
        assert names == ["FlexwonenLimburg_business_effect", "FlexwonenLimburg_classify",
                         "FlexwonenLimburg_export", "FlexwonenLimburg_official_data",
                         "FlexwonenLimburg_panel", "FlexwonenLimburg_province"]
        assert plugin.dock is not None and not plugin.dock.isVisibleTo(window)
        panel_action = next(a for a in plugin.actions if a.objectName() == "FlexwonenLimburg_panel")
        panel_action.trigger()
        assert plugin.dock.isVisibleTo(window) and panel_action.isChecked()
        qgis_iface.registerOptionsWidgetFactory.assert_called_with(plugin.options_factory)
        assert QgsApplication.processingRegistry().providerById("flexwonen") is not None
        factory = plugin.options_factory
    finally:
        plugin.unload()
    QCoreApplication.processEvents()
    qgis_iface.unregisterOptionsWidgetFactory.assert_called_with(factory)
    assert plugin.dock is None and not plugin.actions
    assert not [t for t in window.findChildren(QToolBar) if t.objectName().startswith("FlexwonenLimburg")
                and not t.isHidden() and t.parent() is window and t.actions()]
    assert flexwonen_keys() == []  # loading and unloading wrote no settings


def test_options_page_stores_defaults_that_the_algorithm_and_panel_use(flexwonen_provider, clean_settings):
    factory = FlexwonenOptionsFactory()
    assert factory.title() == "Flexwonen Limburg"
    page = factory.createWidget(None)
    assert isinstance(page, FlexwonenOptionsPage)
    assert page.edge_distance.value() == 250.0 and page.min_inside_share.value() == 0.9
    page.apply()
    assert flexwonen_keys() == []  # OK without a change writes nothing

    page.edge_distance.setValue(300.0)
    page.min_inside_share.setValue(0.75)
    page.apply()
    assert settings.classification_defaults() == ClassificationParameters(300.0, 0.75)
    assert flexwonen_keys() == ["flexwonen_limburg/edge_distance_m", "flexwonen_limburg/min_inside_share"]
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("flexwonen:classifysites")
    assert algorithm.parameterDefinition("EDGE_DISTANCE").defaultValue() == 300.0
    assert algorithm.parameterDefinition("MIN_INSIDE_SHARE").defaultValue() == 0.75

    page.scenario.setCurrentIndex(page.scenario.findData("high_2030"))
    page.norm_set.setCurrentIndex(page.norm_set.findData("akf_2024"))
    page.apply()
    assert settings.scenario_key() == "high_2030" and settings.norm_set() == "akf_2024"
    gap = QgsApplication.processingRegistry().createAlgorithmById("flexwonen:housinggap")
    assert gap.parameterDefinition("SCENARIO").defaultValue() == SCENARIO_KEYS.index("high_2030")
    norms = QgsApplication.processingRegistry().createAlgorithmById("flexwonen:checkhousingnorms")
    norm_set = norms.parameterDefinition("NORM_SET")
    assert norm_set.metadata()["norm_set_names"][norm_set.defaultValue()] == "akf_2024"

    again = FlexwonenOptionsPage()
    assert again.edge_distance.value() == 300.0 and again.norm_set.currentData() == "akf_2024"
    again.restore_defaults()
    again.apply()
    assert flexwonen_keys() == [] and settings.classification_defaults() == ClassificationParameters.defaults()
    assert settings.scenario_key() == "current" and settings.norm_set() == "snf"


def test_a_broken_setting_falls_back_to_the_rules_default(clean_settings):
    QgsSettings().setValue("flexwonen_limburg/edge_distance_m", "far")
    QgsSettings().setValue("flexwonen_limburg/min_inside_share", 7)  # outside 0.01–1
    assert settings.classification_defaults() == ClassificationParameters.defaults()


def run_province_analysis(analysis, **options):
    outcome = {}
    analysis.done.connect(lambda ok, message: outcome.update(ok=ok, message=message))
    which = analysis.start(**options)
    wait_until(lambda: outcome, 120)
    return which, outcome


def test_province_analysis_on_the_demo_data(flexwonen_provider, qgis_new_project, demo_gpkg):
    analysis = ProvinceAnalysis()
    which, outcome = run_province_analysis(analysis)
    assert "demo data" in which
    assert outcome["ok"], outcome
    group = analysis.group
    nodes = group.findLayers()
    names = [node.layer().name() for node in nodes]
    title = analysis.province_gap["SCENARIO_TITLE"]
    assert names == ["Candidate sites (demo) – location class", "Candidate points (demo) – location class",
                     f"Accommodations – {title}", "Built-up area (demo)",
                     f"Housing gap per municipality – {title}", f"Housing gap per region – {title}"]
    assert [node.isVisible() for node in nodes] == [True] * 5 + [False]
    # The same classes as the core computes directly on the GeoPackage.
    classified = nodes[0].layer()
    sites = gpd.read_file(demo_gpkg, layer="candidate_sites")
    expected = classify_sites(sites, gpd.read_file(demo_gpkg, layer="builtup"), site_id_field="site_id")
    got = {f["site_id"]: f["location_class"] for f in classified.getFeatures()}
    assert got == dict(zip(expected["site_id"], expected["location_class"]))
    assert classified.renderer().type() == "categorizedSymbol"
    # The norm check ran in the chain too (the default norm set, on the plans' fields).
    verdicts = {f["norms_verdict"] for f in classified.getFeatures()}
    assert verdicts <= {"pass", "fail", "unknown"} and "fail" in verdicts
    # One chain: each site's gap before its beds is its municipality's gap in the gap layer.
    municipal = {f["gm_code"]: f["gap_beds"] for f in nodes[4].layer().getFeatures()}
    assert len(municipal) == open_layer(demo_gpkg, "municipalities").featureCount()
    for feature in classified.getFeatures():
        if feature["gm_code"]:
            assert feature["ctx_gm_gap_before"] == pytest.approx(municipal[feature["gm_code"]], abs=1e-3)
    total = classified.featureCount() + nodes[1].layer().featureCount()
    assert outcome["message"].startswith(f"{total} sites") and "Housing gap in the province" in outcome["message"]
    # Beside the net gap, the shortage where beds are lacking (the regional hiaten).
    import re
    shown = re.search(r"lack beds: ([\d.,\u00a0]+) beds", outcome["message"])
    assert shown, outcome["message"]
    shortage = sum(gap for gap in municipal.values() if gap is not None and gap > 0)
    assert int(re.sub(r"\D", "", shown.group(1))) == round(shortage)
    # The demo data was copied: the project's layers do not point into the plugin or test_data.
    for node in nodes:
        assert str(demo_gpkg) not in node.layer().source()


def test_province_analysis_on_the_chosen_layers(flexwonen_provider, qgis_new_project, demo_gpkg):
    builtup, sites = open_layer(demo_gpkg, "builtup"), open_layer(demo_gpkg, "candidate_points")
    QgsProject.instance().addMapLayers([builtup, sites])
    project_layers.set_layer_for("builtup", builtup)
    project_layers.set_layer_for("sites", sites)
    analysis = ProvinceAnalysis()
    which, outcome = run_province_analysis(analysis)
    assert "chosen" in which and outcome["ok"], outcome
    [node] = analysis.group.findLayers()
    assert node.layer().featureCount() == sites.featureCount()
    assert {f["location_class"] for f in node.layer().getFeatures()} == {"inside", "edge", "outside"}


def test_province_analysis_fills_in_only_the_algorithms_parameters(flexwonen_provider, qgis_new_project):
    """Every parameter, output and result the chain names is one of its algorithm's
    (Processing ignores an unknown parameter: a renamed one would run on the default)."""
    from limburg_flexwonen_plugin.gui.site_panel.choices import FIELD_ROLES
    from limburg_flexwonen_plugin.processing.municipal.housing_gap import HousingGapAlgorithm
    for role, _ in FIELD_ROLES:  # every field chosen in the panel
        project_layers.set_text_for(f"fields/{role}", f"own_{role}")
    inputs = ProvinceInputs(builtup="builtup", sites=["sites"], site_names=["Sites"],
                            municipalities="municipalities", accommodations="accommodations",
                            migrants="migrants")
    steps = ProvinceAnalysis().steps(inputs)
    assert [step.algorithm_id for step in steps] == ["flexwonen:housinggap", "flexwonen:classifysites"]
    for step in steps:
        names = list(step.parameters) + [output.key for output in step.outputs]
        assert not unknown_names(step.algorithm_id, names)
    assert len(steps[1].parameters) > 30  # with the norm check's and the site context's fields
    gap = HousingGapAlgorithm
    assert not unknown_names("flexwonen:housinggap",
                             [gap.SCENARIO_TITLE, gap.PROVINCE_GAP, gap.PROVINCE_SHORTAGE])


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a README heading: lower case, punctuation dropped, spaces to '-'."""
    text = "".join(c for c in heading.strip().lower() if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def test_the_help_button_opens_the_readme_user_guide(qgis_iface):
    from conftest import ROOT
    from limburg_flexwonen_plugin.gui.help import USER_GUIDE_ANCHOR, user_guide_url
    headings = [line.lstrip("#").strip() for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")]
    assert USER_GUIDE_ANCHOR in [github_anchor(h) for h in headings]
    url = user_guide_url()
    assert url.startswith("https://") and url.endswith("#" + USER_GUIDE_ANCHOR)
    assert url.split("#")[0] == configparser_homepage(ROOT / "metadata.txt")


def configparser_homepage(path):
    import configparser
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser["general"]["homepage"].rstrip("/")
