"""Every source in resources/ is either a citation a reader can check (publisher, title,
version or date, section or page, where it is published) or says it is unverified; the
provincial floor is marked as the policy intent it is; an own norm set that replaces a
built-in one is named as such in the outputs."""
import csv
import json
import shutil

import pytest

from conftest import ROOT
from limburg_flexwonen_plugin.core.housing_norms import evaluate_plan
from limburg_flexwonen_plugin.core.norm_sets import (POLICY_INTENT, UNVERIFIED, built_in_folder,
                                                     citation_checkable, format_source,
                                                     load_norm_set)

RESOURCES = ROOT / "resources"
# A string source that names the user's own input is no citation to check: the output
# names that input itself.
USER_INPUT = "User input:"


def _sources(value, where, found):
    """Every value of a "source" key, with where it is; a "columns" object describes a
    table's columns (its "source" is a column name), not a citation."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source":
                found.append((f"{where}.source", item))
            elif key != "columns":
                _sources(item, f"{where}.{key}", found)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _sources(item, f"{where}[{position}]", found)
    return found


def all_sources():
    found = []
    for path in sorted(RESOURCES.rglob("*.json")):
        _sources(json.loads(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix(),
                 found)
    for path in sorted(RESOURCES.rglob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                if "source" in row:
                    found.append((f"{path.relative_to(ROOT).as_posix()}:{number}", row["source"]))
    return found


def acceptable(source) -> bool:
    if isinstance(source, dict):
        return citation_checkable(source) or source.get("verification") == UNVERIFIED
    text = str(source or "")
    return UNVERIFIED in text.lower() or text.startswith(USER_INPUT)


def test_the_resources_hold_sources_to_read():
    where = {place.split(".json")[0] + ".json" for place, _ in all_sources()}
    # Every norm set, the rules and both models cite something.
    for name in ("norms/limburg_floor.json", "norms/snf.json", "norms/akf_2024.json",
                 "norms/akf_2026.json", "rules/stay_rules.json",
                 "rules/location_classification.json", "models/housing_gap_model.json",
                 "models/business_effect.json"):
        assert f"resources/{name}" in where, name


@pytest.mark.parametrize("place, source", all_sources(), ids=lambda value: str(value)[:60])
def test_every_source_is_checkable_or_marked_unverified(place, source):
    assert acceptable(source), f"{place}: {source!r} is neither a checkable citation nor marked " \
                               f"'{UNVERIFIED}'"


def test_what_makes_a_citation_checkable():
    complete = {"publisher": "Stichting Normering Flexwonen", "title": "SNF-norm huisvesting",
                "year": 2024, "version": "versie 2024-01", "section": "1.3",
                "url": "https://example.org/snf-norm.pdf"}
    assert citation_checkable(complete)
    for missing in ("version", "section", "url", "title"):
        assert not citation_checkable({k: v for k, v in complete.items() if k != missing}), missing
    assert not citation_checkable(dict(complete, verification=UNVERIFIED))
    assert not acceptable({"publisher": "Provincie Limburg", "title": "Integrale Aanpak", "year": 2024})
    assert not acceptable("Provincie Limburg, Integrale Aanpak Arbeidsmigratie 2024-2027")


def test_the_provincial_floor_is_a_policy_intent_without_invented_dates():
    floor = load_norm_set("limburg_floor")
    assert floor.status == POLICY_INTENT
    assert floor.valid_from is None and floor.valid_until is None
    assert "Omgevingsverordening" in floor.source["note"]
    assert floor.validity_text() == "policy intent, not yet laid down in a regulation"
    for rule in floor.rules:
        assert format_source(rule.source).endswith(f"[{UNVERIFIED}]")


def test_an_own_file_replacing_a_built_in_set_is_named_in_the_output(tmp_path):
    shutil.copy(built_in_folder() / "snf.json", tmp_path / "snf.json")
    data = json.loads((tmp_path / "snf.json").read_text(encoding="utf-8"))
    data["version"] = "2027.1"
    (tmp_path / "snf.json").write_text(json.dumps(data), encoding="utf-8")
    verdict = evaluate_plan({"beds": 10, "bedrooms": 10, "living_area_m2": 170}, "snf",
                            user_folder=tmp_path)
    assert verdict.norm_sets == \
        "limburg_floor 2024.1 + snf 2027.1 (own file replacing the built-in set)"
    built_in = evaluate_plan({"beds": 10, "bedrooms": 10, "living_area_m2": 170}, "snf")
    assert built_in.norm_sets == "limburg_floor 2024.1 + snf 2024.1"
