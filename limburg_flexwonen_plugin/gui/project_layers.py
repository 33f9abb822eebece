"""The panel's layer choices, remembered in the QGIS project (QgsProject entries under
the plugin's own scope), so that a saved project reopens with the same layers."""
from typing import Optional

from qgis.core import QgsMapLayer, QgsProject

SCOPE = "flexwonen_limburg"
ROLES = ("builtup", "municipalities", "accommodations", "migrants", "sites")
# The plan's fields of the norm check (processing.parameters.norms) -> the panel's field role.
PLAN_FIELD_ROLES = {"beds": "planned_beds", "bedrooms": "bedrooms", "living_area_m2": "living_area",
                    "bedroom_area_m2": "bedroom_area", "toilets": "toilets", "showers": "showers",
                    "housing_type": "housing_type"}


def layer_for(role: str, project: Optional[QgsProject] = None) -> Optional[QgsMapLayer]:
    """The layer chosen for a role, if it is still in the project."""
    project = project or QgsProject.instance()
    layer_id = text_for(f"layers/{role}", project=project)
    return project.mapLayer(layer_id) if layer_id else None


def set_layer_for(role: str, layer: Optional[QgsMapLayer], project: Optional[QgsProject] = None) -> None:
    set_text_for(f"layers/{role}", layer.id() if layer is not None else "", project)


def text_for(key: str, default: str = "", project: Optional[QgsProject] = None) -> str:
    project = project or QgsProject.instance()
    value, found = project.readEntry(SCOPE, key, default)
    return value if found else default


def set_text_for(key: str, value: str, project: Optional[QgsProject] = None) -> None:
    project = project or QgsProject.instance()
    if text_for(key, project=project) != value:  # writing marks the project as changed
        project.writeEntry(SCOPE, key, value)
