"""Credits from a layer's provenance (core.credits): CBS only for CBS data, synthetic
data never credited to anyone, the user's own layers by their names."""
from limburg_flexwonen_plugin.core.credits import (CBS_CREDIT, SYNTHETIC_CREDIT, credits_text,
                                                   layer_credits, merged)


def test_cbs_data_is_credited_to_kadaster_and_cbs():
    provenance = ("Kadaster / Centraal Bureau voor de Statistiek (CBS), CBS Gebiedsindelingen "
                  "2024 (gemeenten), CC BY 4.0")
    assert layer_credits("municipalities", provenance) == [CBS_CREDIT]
    assert layer_credits("wijken", "Bron: CBS Wijk- en Buurtkaart 2023") == [CBS_CREDIT]


def test_synthetic_data_is_never_credited_to_cbs():
    assert layer_credits("builtup", "synthetische demodata") == [SYNTHETIC_CREDIT]
    assert layer_credits("x", "Synthetic test data, shapes inside CBS municipalities") == [SYNTHETIC_CREDIT]


def test_a_layer_without_a_known_source_is_credited_by_its_name():
    assert layer_credits("Huisvesting gemeente Venlo", "") == ["Huisvesting gemeente Venlo"]
    assert layer_credits("contour", None) == ["contour"]
    assert layer_credits("contour", "Bebouwde kom, eigen digitalisatie 2025") == ["contour"]


def test_an_output_credits_each_of_its_inputs_once():
    recorded = credits_text(merged([CBS_CREDIT], [SYNTHETIC_CREDIT], [CBS_CREDIT], ["eigen laag"]))
    assert recorded == "Bronnen: Kadaster / CBS (CC BY 4.0); synthetische demodata; eigen laag"
    # Read back from the output's description, the credits come out the same.
    assert layer_credits("gap", recorded) == [CBS_CREDIT, SYNTHETIC_CREDIT, "eigen laag"]
    assert credits_text([]) == ""
