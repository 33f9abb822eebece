"""The toolbar action's part that needs no clicking: which layers of the current project
it puts into each export's dialog, and that these parameters run."""
import pytest
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

import processing
from conftest import unknown_names
from limburg_flexwonen_plugin.layouts.export_action import (ATLAS, PROVINCE_OVERVIEW, SITE_REPORTS,
                                                            ExportAction, dialog_parameters, find_layers)


@pytest.fixture()
def project(demo_gpkg):
    project = QgsProject()
    layers = {}
    for name in ("municipalities", "accommodations", "builtup", "candidate_sites", "labour_migrants"):
        layer = QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")
        assert layer.isValid()
        layers[name] = layer
    project.addMapLayers(list(layers.values()))
    yield project, layers
    project.clear()


def test_the_project_layers_are_recognised(project):
    project, layers = project
    found = find_layers(project)
    assert {key: layer.name() for key, layer in found.items()} == {
        "municipalities": "municipalities", "accommodations": "accommodations",
        "builtup": "builtup", "sites": "candidate_sites"}


def test_dialog_parameters_per_export(project):
    project, layers = project
    overview = dialog_parameters(PROVINCE_OVERVIEW, project)
    assert overview == {"MUNICIPALITIES": layers["municipalities"].id(),
                        "ACCOMMODATIONS": layers["accommodations"].id()}
    atlas = dialog_parameters(ATLAS, project)
    assert atlas["BUILTUP"] == layers["builtup"].id()
    sites = dialog_parameters(SITE_REPORTS, project)
    assert sites["SITES"] == layers["candidate_sites"].id() and sites["SITE_ID_FIELD"] == "site_id"
    assert "ACCOMMODATIONS" not in sites


def test_every_name_filled_in_is_one_of_the_exports(flexwonen_provider, project):
    """Processing ignores an unknown parameter: a renamed one would leave the input empty."""
    from limburg_flexwonen_plugin.layouts.export_action import EXPORT_INPUTS
    project, layers = project
    for algorithm_id, inputs in EXPORT_INPUTS.items():
        assert not unknown_names(algorithm_id, [parameter for parameter, _ in inputs])
        parameters = dialog_parameters(algorithm_id, project, active_layer=layers["candidate_sites"])
        assert parameters and not unknown_names(algorithm_id, parameters)


def test_selected_sites_of_the_active_layer(project):
    project, layers = project
    sites = layers["candidate_sites"]
    sites.selectByExpression("\"site_id\" IN ('S001', 'S002')")
    parameters = dialog_parameters(SITE_REPORTS, project, active_layer=sites)
    assert isinstance(parameters["SITES"], QgsProcessingFeatureSourceDefinition)
    assert parameters["SITES"].selectedFeaturesOnly


def test_the_prefilled_parameters_run(flexwonen_provider, project, tmp_path):
    project, layers = project
    parameters = dialog_parameters(PROVINCE_OVERVIEW, project)
    parameters["OUTPUT_PDF"] = str(tmp_path / "overview.pdf")
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    context = QgsProcessingContext()
    context.setProject(project)
    result = processing.run(PROVINCE_OVERVIEW, parameters, context=context, feedback=QgsProcessingFeedback())
    assert (tmp_path / "overview.pdf").read_bytes().startswith(b"%PDF")
    assert result["PAGES"] == 1


def test_the_menu_offers_the_three_exports(qgis_iface):
    titles = [algorithm for _, algorithm in ExportAction(qgis_iface).entries()]
    assert titles == [PROVINCE_OVERVIEW, ATLAS, SITE_REPORTS]


def test_two_layers_that_fit_are_a_question_not_a_guess(project, demo_gpkg):
    from limburg_flexwonen_plugin.layouts.export_action import LayerChoiceDialog, layer_choices
    project, layers = project
    other = QgsVectorLayer(f"{demo_gpkg}|layername=municipalities", "gemeenten 2024", "ogr")
    project.addMapLayer(other)
    choices = layer_choices(ATLAS, project)
    assert list(choices) == ["municipalities"]
    assert {layer.name() for layer in choices["municipalities"]} == {"municipalities", "gemeenten 2024"}
    # The sites of the active layer are no question; one built-up layer is none either.
    assert layer_choices(SITE_REPORTS, project, active_layer=layers["candidate_sites"]) == choices
    dialog = LayerChoiceDialog(choices)
    box = dialog.boxes["municipalities"]
    box.setCurrentIndex(box.findText("gemeenten 2024"))
    parameters = dialog_parameters(ATLAS, project, chosen=dialog.chosen())
    assert parameters["MUNICIPALITIES"] == other.id()
    assert parameters["BUILTUP"] == layers["builtup"].id()
    dialog.deleteLater()


def test_one_layer_per_input_asks_nothing(project):
    from limburg_flexwonen_plugin.layouts.export_action import layer_choices
    project, _ = project
    assert layer_choices(PROVINCE_OVERVIEW, project) == {}


def test_layers_with_cbs_and_dutch_field_names_are_recognised(demo_gpkg, tmp_path):
    from cbs_names import write_cbs_named
    path = write_cbs_named(demo_gpkg, tmp_path / "cbs.gpkg")
    project = QgsProject()
    layers = {name: QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
              for name in ("municipalities", "accommodations", "builtup", "candidate_sites")}
    project.addMapLayers(list(layers.values()))
    assert {key: layer.name() for key, layer in find_layers(project).items()} == {
        "municipalities": "municipalities", "accommodations": "accommodations",
        "builtup": "builtup", "sites": "candidate_sites"}
    assert dialog_parameters(SITE_REPORTS, project)["SITE_ID_FIELD"] == "site_id"
    project.clear()
