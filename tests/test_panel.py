"""The site assessment panel ("Locatietoets") in a real QGIS (pytest-qgis): choose layers,
click, select or draw a site, read the card, zoom, add to a layer, cancel a long run."""
import time

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry,
                       QgsPointXY, QgsProject, QgsRectangle, QgsVectorLayer)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

from conftest import open_layer, unknown_names

from limburg_flexwonen_plugin.gui import project_layers
from limburg_flexwonen_plugin.gui.site_panel import SiteAssessmentDock

RD = QgsCoordinateReferenceSystem("EPSG:28992")
# The demo's reference kern "Kern GM1507-2" spans (196000, 383000)-(197000, 383800).
REFERENCE_KERN = QgsRectangle(195_500, 382_600, 197_500, 384_200)


def wait_until(condition, seconds=60.0):
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise AssertionError("timed out waiting")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def wait_for(panel, seconds=60.0):
    wait_until(lambda: not panel.is_running(), seconds)


@pytest.fixture
def demo_layers(qgis_new_project, demo_gpkg):
    layers = {}
    for name in ("municipalities", "builtup", "accommodations", "labour_migrants", "candidate_sites",
                 "candidate_points"):
        layers[name] = open_layer(demo_gpkg, name)
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


@pytest.fixture
def panel(qgis_iface, qgis_canvas, qgis_parent, flexwonen_provider, demo_layers):
    # Shown (offscreen), so that the canvas's map settings get its real size, as in QGIS.
    qgis_parent.show()
    qgis_canvas.resize(600, 600)
    qgis_canvas.show()
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(RD)
    qgis_canvas.setExtent(REFERENCE_KERN)
    dock = SiteAssessmentDock(qgis_iface)
    yield dock
    dock.cleanup()
    dock.deleteLater()
    QCoreApplication.processEvents()


def choose_demo_layers(panel, layers):
    panel.set_layer("builtup", layers["builtup"])
    panel.set_layer("municipalities", layers["municipalities"])
    panel.set_layer("accommodations", layers["accommodations"])
    panel.set_layer("migrants", layers["labour_migrants"])
    panel.set_layer("sites", layers["candidate_sites"])


def site_feature(layer, case):
    return next(f for f in layer.getFeatures() if f["case"] == case)


def click(canvas, tool, point, button=Qt.MouseButton.LeftButton):
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(*point))
    position = QPoint(round(pixel.x()), round(pixel.y()))
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, position, button))


def test_layer_choices_and_field_defaults_are_remembered_in_the_project(panel, demo_layers, qgis_iface, tmp_path):
    choose_demo_layers(panel, demo_layers)
    assert panel.field("kern_name") == "kern_name" and panel.field("municipality_code") == "gm_code"
    assert panel.field("site_id") == "site_id" and panel.field("planned_beds") == "planned_beds"
    assert project_layers.layer_for("builtup") is demo_layers["builtup"]
    project_file = tmp_path / "assessment.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert panel.layer("builtup") is None
    assert QgsProject.instance().read(str(project_file))
    QCoreApplication.processEvents()
    restored = QgsProject.instance().mapLayersByName("builtup")[0]
    assert panel.layer("builtup") is restored
    assert panel.layer("sites").name() == "candidate_sites"
    assert panel.field("kern_name") == "kern_name"
    other = SiteAssessmentDock(qgis_iface)  # a new panel (QGIS restarted) finds them too
    try:
        assert other.layer("migrants").name() == "labour_migrants"
    finally:
        other.cleanup()


def test_click_a_demo_site_and_read_the_card(panel, demo_layers, qgis_canvas):
    choose_demo_layers(panel, demo_layers)
    panel.click_button.setChecked(True)
    assert qgis_canvas.mapTool() is panel.click_tool
    site = site_feature(demo_layers["candidate_sites"], "inside")
    click(qgis_canvas, panel.click_tool, (196150, 383150))  # inside that site
    wait_for(panel)
    assert len(panel.assessments) == 1
    assessment = panel.assessments[0]
    assert assessment.site_id == site["site_id"] and assessment.location_class == "inside"
    text = panel.card_text()
    for expected in (site["name"], "inside the built-up area", "Kern GM1507-2", "Horst aan de Maas",
                     "GM1507", "Noord-Limburg", "Planned beds", "Labour migrants in the municipality",
                     "Housing norms", "Most beds that meet every rule", "Binding rule",
                     "Housing gap of the municipality, with this site (beds)"):
        assert expected in text, expected
    assert f"{site['planned_beds']}" in text
    assert f"{assessment.value('norms_max_beds')}" in text
    assert panel.zoom_button.isEnabled() and panel.add_button.isEnabled()
    assert panel.export_button.isVisibleTo(panel) and panel.export_button.isEnabled()


def test_click_on_empty_map_says_so(panel, demo_layers, qgis_canvas):
    choose_demo_layers(panel, demo_layers)
    panel.click_button.setChecked(True)
    click(qgis_canvas, panel.click_tool, (195_600, 384_100))
    assert not panel.is_running() and "No site" in panel.card_text()


def test_use_selected_sites(panel, demo_layers):
    choose_demo_layers(panel, demo_layers)
    sites = demo_layers["candidate_sites"]
    sites.selectByExpression("\"case\" IN ('inside', 'touching_outside', 'far_outside')")
    panel.selected_button.click()
    wait_for(panel)
    classes = sorted(a.location_class for a in panel.assessments)
    assert classes == ["edge", "inside", "outside"]
    assert panel.site_chooser.count() == 3
    assert "3 sites assessed" in panel.card_text()
    panel.site_chooser.setCurrentIndex(2)
    assert panel.current_assessment().site_id in panel.card_text()


def test_draw_a_new_site(panel, demo_layers, qgis_canvas):
    choose_demo_layers(panel, demo_layers)
    panel.draw_button.setChecked(True)
    tool = panel.draw_tool
    assert qgis_canvas.mapTool() is tool
    for corner in ((196_100, 383_100), (196_300, 383_100), (196_300, 383_250)):
        click(qgis_canvas, tool, corner)
    click(qgis_canvas, tool, (196_300, 383_250), Qt.MouseButton.RightButton)
    wait_for(panel)
    [assessment] = panel.assessments
    assert assessment.location_class == "inside" and assessment.name == "Drawn site 1"
    assert assessment.value("gm_name") == "Horst aan de Maas"
    # Drawn at screen resolution: the area is the triangle's to within a pixel's rounding.
    assert assessment.geometry.area == pytest.approx(200 * 150 / 2, rel=0.05)
    assert "Drawn site 1" in panel.card_text()


def test_zoom_to_the_site_and_add_it_to_a_layer(panel, demo_layers, qgis_canvas):
    choose_demo_layers(panel, demo_layers)
    sites = demo_layers["candidate_sites"]
    sites.selectByExpression("\"case\" = 'far_outside'")
    panel.selected_button.click()
    wait_for(panel)
    qgis_canvas.setExtent(QgsRectangle(150_000, 300_000, 160_000, 310_000))
    panel.zoom_button.click()
    extent = qgis_canvas.extent()
    site_box = site_feature(sites, "far_outside").geometry().boundingBox()
    assert extent.contains(site_box) and extent.width() < 5_000

    panel.add_button.click()
    target = panel.target_combo.currentLayer()
    assert target is not None and target.featureCount() == 1
    feature = next(target.getFeatures())
    assert feature["location_class"] == "outside" and feature["site_id"] == feature["site_id"]
    assert feature["distance_m"] == pytest.approx(1200, abs=1)
    assert feature["rules_version"].startswith("location_classification")
    panel.add_button.click()  # the same results layer receives the next additions
    assert target.featureCount() == 2


def test_missing_built_up_layer_is_reported(panel, demo_layers):
    panel.set_layer("sites", demo_layers["candidate_sites"])
    demo_layers["candidate_sites"].selectByIds([1])
    panel.selected_button.click()
    assert not panel.is_running()
    assert "Choose the built-up area layer first" in panel.card_text()


def test_a_wrong_field_choice_names_layer_and_field(panel, demo_layers):
    choose_demo_layers(panel, demo_layers)
    panel.field_combos["migrants_count"].setField("gm_code")  # text where numbers belong
    demo_layers["candidate_sites"].selectByIds([1])
    panel.selected_button.click()
    wait_for(panel)
    assert not panel.assessments and panel.last_outcome.error
    text = panel.card_text()
    assert "Could not assess" in text and "layer 'labour_migrants'" in text and "field 'gm_code'" in text


def test_cancel_during_a_long_run_stops_within_a_second(panel, demo_layers):
    """A large selection (40,000 generated sites) is cancelled once the classification runs."""
    choose_demo_layers(panel, demo_layers)
    layer = QgsVectorLayer("Polygon?crs=EPSG:28992&field=site_id:string", "many sites", "memory")
    features = []
    for number in range(40_000):
        x = 185_000 + (number % 200) * 100
        y = 330_000 + (number // 200) * 400
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"G{number}"])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 40, y + 30)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    panel.set_layer("sites", layer)
    layer.selectAll()
    panel.selected_button.click()
    assert panel.progress_widget.isVisibleTo(panel)
    wait_until(lambda: panel.progress.value() >= 25)  # reading done, classifying batches
    task = panel.task
    panel.cancel_button.click()
    wait_for(panel, seconds=30)
    stopped_after = time.perf_counter() - task.cancel_requested_at
    assert panel.last_outcome.cancelled and not panel.assessments
    assert "Cancelled" in panel.card_text()
    # A batch of the panel's size takes a fraction of a second; the margin absorbs a busy machine.
    assert stopped_after < 1.5, f"cancel took {stopped_after:.2f} s"


def pdf_pages(path) -> int:
    import subprocess  # nosec B404 - poppler's pdfinfo
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,  # nosec B603 B607
                            check=True, timeout=60).stdout
    return int(next(line.split()[-1] for line in output.splitlines() if line.startswith("Pages:")))


def test_the_site_report_of_the_assessed_sites(panel, demo_layers, tmp_path):
    """The export button's parameters give the report of exactly the assessed sites."""
    import processing
    choose_demo_layers(panel, demo_layers)
    sites = demo_layers["candidate_sites"]
    sites.selectByExpression("\"case\" IN ('inside', 'far_outside')")
    panel.selected_button.click()
    wait_for(panel)
    sites.removeSelection()
    parameters = panel.site_report_parameters()
    assert sites.selectedFeatureCount() == 2  # the assessed sites are selected again
    assert parameters["CHECK_NORMS"] and parameters["ADD_CONTEXT"] and parameters["SITE_ID_FIELD"] == "site_id"
    assert not unknown_names("flexwonen:exportsitereports", parameters)
    parameters["OUTPUT_PDF"] = str(tmp_path / "report.pdf")
    processing.run("flexwonen:exportsitereports", parameters)
    assert pdf_pages(tmp_path / "report.pdf") == 2


def test_the_site_report_of_a_drawn_site(panel, demo_layers, qgis_canvas, tmp_path):
    import processing
    choose_demo_layers(panel, demo_layers)
    panel.draw_button.setChecked(True)
    for corner in ((196_100, 383_100), (196_300, 383_100), (196_300, 383_250)):
        click(qgis_canvas, panel.draw_tool, corner)
    click(qgis_canvas, panel.draw_tool, (196_300, 383_250), Qt.MouseButton.RightButton)
    wait_for(panel)
    parameters = panel.site_report_parameters()
    drawn = QgsProject.instance().mapLayersByName("Drawn sites")
    assert len(drawn) == 1 and drawn[0].featureCount() == 1 and not parameters["CHECK_NORMS"]
    assert not unknown_names("flexwonen:exportsitereports", parameters)
    parameters["OUTPUT_PDF"] = str(tmp_path / "drawn.pdf")
    processing.run("flexwonen:exportsitereports", parameters)
    assert pdf_pages(tmp_path / "drawn.pdf") == 1


def test_the_panel_finds_cbs_field_names_and_assesses_as_on_the_demo(panel, demo_layers, demo_gpkg, tmp_path):
    """The second fixture set (CBS/PDOK names, no field renamed): the choosers fill
    themselves, and the assessment equals the one on the demo's own names."""
    from cbs_names import write_cbs_named

    def assess(layers):
        choose_demo_layers(panel, layers)
        layers["candidate_sites"].selectAll()
        panel.selected_button.click()
        wait_for(panel)
        assert not panel.last_outcome.error, panel.last_outcome.error
        return sorted((str(a.site_id), a.location_class, tuple(sorted((k, str(v)) for k, v in a.values().items())))
                      for a in panel.assessments)

    expected = assess(demo_layers)
    cbs = write_cbs_named(demo_gpkg, tmp_path / "cbs.gpkg")
    cbs_layers = {name: open_layer(cbs, name) for name in demo_layers}
    QgsProject.instance().addMapLayers(list(cbs_layers.values()))
    actual = assess(cbs_layers)
    chosen = {role: panel.field(role) for role in ("kern_name", "municipality_code", "municipality_name",
                                                   "region", "inhabitants", "migrants_code", "migrants_year",
                                                   "migrants_count", "beds", "planned_beds", "bedrooms")}
    assert chosen == {"kern_name": "naam", "municipality_code": "statcode", "municipality_name": "statnaam",
                      "region": "corop_naam", "inhabitants": "aantalInwoners", "migrants_code": "gemeentecode",
                      "migrants_year": "jaar", "migrants_count": "arbeidsmigranten", "beds": "bedden",
                      "planned_beds": "geplande_bedden", "bedrooms": "slaapkamers"}
    assert panel.field_combos["municipality_code"].toolTip()   # says it was found
    assert project_layers.text_for("fields/municipality_code") == "statcode"   # saved in the project
    assert actual == expected and len(expected) > 10


def test_all_missing_fields_in_one_message_naming_the_choosers(panel, demo_layers):
    choose_demo_layers(panel, demo_layers)
    panel.field_combos["municipality_code"].setField("")
    panel.field_combos["inhabitants"].setField("")
    panel.field_combos["migrants_count"].setField("")
    demo_layers["candidate_sites"].selectByIds([1])
    panel.selected_button.click()
    assert not panel.is_running()
    text = panel.card_text()
    assert "Required fields not found." in text
    assert "Layer 'municipalities': municipality code" in text and "inhabitants" in text
    assert "Layer 'labour_migrants': number of labour migrants" in text
    assert "Field names › Municipality code" in text and "Field names › Migrants: number" in text


def test_absent_label_fields_never_block_and_are_mentioned_once(panel, demo_layers):
    choose_demo_layers(panel, demo_layers)
    panel.field_combos["kern_name"].setField("")
    panel.field_combos["municipality_name"].setField("")
    for _ in range(2):
        demo_layers["candidate_sites"].selectByIds([1, 2])
        panel.selected_button.click()
        wait_for(panel)
        assert not panel.last_outcome.error and len(panel.assessments) == 2
    notes = list(panel.label_notes.values())
    assert len(notes) == 2
    assert any("has no kern name field" in note and "feature id" in note for note in notes)
    assert any("has no municipality name field" in note and "municipality code" in note for note in notes)
    builtup_ids = {str(feature.id()) for feature in demo_layers["builtup"].getFeatures()}
    for assessment in panel.assessments:
        values = assessment.values()
        assert values["gm_code"].startswith("GM") and values["gm_name"] == values["gm_code"]
        assert values["nearest_kern"] in builtup_ids


def test_the_card_is_marked_out_of_date_when_its_inputs_change(panel, demo_layers):
    from limburg_flexwonen_plugin.bridge import settings
    from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters
    from limburg_flexwonen_plugin.gui.options_page import SETTINGS_SIGNAL
    choose_demo_layers(panel, demo_layers)
    demo_layers["candidate_sites"].selectByExpression("\"case\" = 'inside'")
    panel.selected_button.click()
    wait_for(panel)
    assert "Out of date" not in panel.card_text() and panel.export_button.isEnabled()
    # Another field for the planned beds: the card no longer shows what the inputs give.
    panel.field_combos["planned_beds"].setField("bedrooms")
    assert "Out of date" in panel.card_text()
    assert not panel.export_button.isEnabled() and not panel.add_button.isEnabled()
    # Back as it was: up to date again.
    panel.field_combos["planned_beds"].setField("planned_beds")
    assert "Out of date" not in panel.card_text() and panel.export_button.isEnabled()
    # Another edge distance in the settings (Settings › Options, OK).
    before = settings.classification_defaults()
    try:
        settings.save_classification_defaults(ClassificationParameters(before.edge_distance_m + 50,
                                                                       before.min_inside_share))
        SETTINGS_SIGNAL.changed.emit()
        assert "Out of date" in panel.card_text()
        # A new assessment with the new settings is current again.
        panel.selected_button.click()
        wait_for(panel)
        assert "Out of date" not in panel.card_text()
    finally:
        settings.forget_classification_defaults()
    # Another layer of municipalities: out of date too.
    panel.set_layer("municipalities", None)
    assert "Out of date" in panel.card_text()


def test_the_card_shows_words_and_thousands_separators(qgis_app):
    """Stay categories as words, never the data's codes; counts with thousands
    separators even when QGIS's own setting leaves them out."""
    from qgis.PyQt.QtCore import QLocale
    from limburg_flexwonen_plugin.core import site_assessment as sa
    from limburg_flexwonen_plugin.gui import card
    previous = QLocale()
    default = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    default.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    QLocale.setDefault(default)
    try:
        assessment = sa.SiteAssessment("S1", None, "inside", None, sections=[sa.Section(
            "plan", "Plan and surroundings", (
                sa.Row("stay_category", "Stay category", "long", display=sa.STAY_TEXTS["long"]),
                sa.Row("migrants", "Labour migrants", 12108, sa.COUNT),
                sa.Row("distance", "Distance", 4622.0, sa.METRES)))])
        text = card.render_card(assessment)
    finally:
        QLocale.setDefault(previous)
    assert "long stay" in text and ">long<" not in text
    assert "12.108" in text and "4.622 m" in text
