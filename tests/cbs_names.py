"""The demo data with the field names of real layers: CBS/PDOK names for the
municipalities (statcode, statnaam, aantalInwoners), the kernen (naam) and the
labour-migrant table (gemeentecode as a bare number, jaar), and common Dutch names for
the other layers. Built from the demo GeoPackage by renaming fields only, so every
algorithm must give the same results on it as on the demo's own names."""
from pathlib import Path

import pyogrio

RENAMES = {
    "municipalities": {"gm_code": "statcode", "gm_name": "statnaam", "region": "corop_naam",
                       "region_code": "corop_code", "inhabitants": "aantalInwoners"},
    "builtup": {"kern_name": "naam", "gm_code": "gemeentecode", "kern_id": "kern_code"},
    "labour_migrants": {"gm_code": "gemeentecode", "year": "jaar",
                        "labour_migrants": "arbeidsmigranten"},
    "accommodations": {"name": "naam", "gm_code": "gemeentecode", "stay_category": "verblijfsduur",
                       "beds": "bedden", "bedrooms": "slaapkamers", "living_area_m2": "woonoppervlak"},
    "candidate_sites": {"name": "naam", "planned_beds": "geplande_bedden", "bedrooms": "slaapkamers",
                        "living_area_m2": "woonoppervlak", "bedroom_area_m2": "slaapkameroppervlak",
                        "toilets": "toiletten", "showers": "douches", "stay_category": "verblijfsduur",
                        "building_type": "bouwtype", "housing_type": "woonvorm"},
    "stays": {"acc_id": "accommodatie_id", "resident_id": "bewoner_id", "start_date": "startdatum",
              "end_date": "einddatum", "contract_end": "einde_contract",
              "employment_end": "einde_dienstverband"},
}


def _code_number(value):
    return int(str(value)[2:])


def write_cbs_named(demo_gpkg, path: Path) -> Path:
    """A copy of the demo GeoPackage with every layer's fields renamed (see RENAMES);
    the table's municipality codes become numbers (983), as CBS tables export them."""
    for info in pyogrio.list_layers(str(demo_gpkg)):
        name = info[0]
        frame = pyogrio.read_dataframe(str(demo_gpkg), layer=name, fid_as_index=True)
        if name == "labour_migrants":
            frame["gm_code"] = frame["gm_code"].map(_code_number)
        frame = frame.rename(columns=RENAMES.get(name, {}))
        kwargs = {"promote_to_multi": True} if info[1] and "Polygon" in info[1] else {}
        pyogrio.write_dataframe(frame, str(path), layer=name, **kwargs)
    return path
