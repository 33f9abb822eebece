"""The panel's layer and field choices: the choosers, what an empty field chooser is
filled with, the required fields left empty, and what an assessment rests on (its inputs'
signature, to mark the card out of date). Remembered in the project."""
from typing import Callable, Dict, Optional

from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QFormLayout

from ...core import field_mapping
from ...core.field_mapping import Missing, MissingFieldsError
from ...processing.parameters.fields import absent_label_text
from ...bridge import settings
from .. import project_layers

# (field role = logical field of core.field_mapping, layer role). An empty chooser is
# filled with the layer's usual name for the field (CBS/PDOK names included).
FIELD_ROLES = (
    ("kern_name", "builtup"),
    ("municipality_code", "municipalities"),
    ("municipality_name", "municipalities"),
    ("region", "municipalities"),
    ("inhabitants", "municipalities"),
    ("accommodation_name", "accommodations"),
    ("beds", "accommodations"),
    ("status", "accommodations"),
    ("accommodation_stay", "accommodations"),
    ("migrants_code", "migrants"),
    ("migrants_year", "migrants"),
    ("migrants_count", "migrants"),
    ("site_id", "sites"),
    ("site_name", "sites"),
    ("planned_beds", "sites"),
    ("site_stay", "sites"),
    ("bedrooms", "sites"),
    ("living_area", "sites"),
    ("bedroom_area", "sites"),
    ("toilets", "sites"),
    ("showers", "sites"),
    ("housing_type", "sites"),
)
# Without these (when their layer is chosen) the assessment cannot run.
REQUIRED_ROLES = ("municipality_code", "inhabitants", "beds", "status", "migrants_code",
                  "migrants_count")
NUMERIC_ROLES = ("inhabitants", "beds", "planned_beds", "migrants_year", "migrants_count",
                 "bedrooms", "living_area", "toilets", "showers")
POLYGONS = QgsMapLayerProxyModel.Filter.PolygonLayer
POINTS_OR_POLYGONS = QgsMapLayerProxyModel.Filter.PointLayer | QgsMapLayerProxyModel.Filter.PolygonLayer


def tr(text: str) -> str:
    # The dock's context: these texts were the dock's before the panel was split.
    return QCoreApplication.translate("SiteAssessmentDock", text)


class LayerChoices(QObject):
    """The layer choosers (the sites' one is placed by the dock) and the field choosers,
    made as children of ``body``. Emits ``changed`` whenever a layer or field choice changes; ``notify(text)`` puts a
    note in the message bar."""
    changed = pyqtSignal()

    def __init__(self, body, notify: Callable[[str], None]):
        super().__init__()
        self.notify = notify
        self.restoring = False
        # (layer id, field role) of the absent label fields already mentioned: said once.
        self.label_notes: Dict[tuple, str] = {}
        self.layer_combos: Dict[str, QgsMapLayerComboBox] = {}
        self.field_combos: Dict[str, QgsFieldComboBox] = {}

        self.layers_box = QgsCollapsibleGroupBox(tr("Layers"), body)
        form = QFormLayout(self.layers_box)
        for role, text, layer_filter in (
                ("builtup", tr("Built-up area"), POLYGONS),
                ("municipalities", tr("Municipalities"), POLYGONS),
                ("accommodations", tr("Accommodations"), POINTS_OR_POLYGONS),
                ("migrants", tr("Labour migrants (table)"), QgsMapLayerProxyModel.Filter.NoGeometry)):
            form.addRow(text, self._layer_combo(role, layer_filter, body))
        self.sites_combo = self._layer_combo("sites", POINTS_OR_POLYGONS, body)

        self.fields_box = QgsCollapsibleGroupBox(tr("Field names"), body)
        self.fields_box.setCollapsed(True)
        fields_form = QFormLayout(self.fields_box)
        self.field_labels = {
            "kern_name": tr("Kern name"),
            "municipality_code": tr("Municipality code"),
            "municipality_name": tr("Municipality name"),
            "region": tr("Region"),
            "inhabitants": tr("Inhabitants"),
            "accommodation_name": tr("Accommodation name"),
            "beds": tr("Beds"),
            "status": tr("Status (existing / permitted / planned)"),
            "accommodation_stay": tr("Accommodation: stay category"),
            "migrants_code": tr("Migrants: municipality code"),
            "migrants_year": tr("Migrants: year"),
            "migrants_count": tr("Migrants: number"),
            "site_id": tr("Site id"),
            "site_name": tr("Site name"),
            "planned_beds": tr("Planned beds"),
            "site_stay": tr("Site: stay category"),
            "bedrooms": tr("Site: bedrooms"),
            "living_area": tr("Site: living area (m²)"),
            "bedroom_area": tr("Site: bedroom area (m²)"),
            "toilets": tr("Site: toilets"),
            "showers": tr("Site: showers"),
            "housing_type": tr("Site: housing type (lodging / dwelling)"),
        }
        for role, _layer_role in FIELD_ROLES:
            combo = QgsFieldComboBox(self.fields_box)
            combo.setAllowEmptyFieldName(True)
            if role in NUMERIC_ROLES:
                combo.setFilters(QgsFieldProxyModel.Filter.Numeric | QgsFieldProxyModel.Filter.String)
            combo.setObjectName(f"field_{role}")
            combo.fieldChanged.connect(lambda _name, r=role: self._field_changed(r))
            self.field_combos[role] = combo
            fields_form.addRow(self.field_labels[role], combo)

    def _layer_combo(self, role: str, layer_filter, parent) -> QgsMapLayerComboBox:
        combo = QgsMapLayerComboBox(parent)
        combo.setFilters(layer_filter)
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
        combo.setObjectName(f"layer_{role}")
        combo.layerChanged.connect(lambda _layer, r=role: self._layer_changed(r))
        self.layer_combos[role] = combo
        return combo

    # ------------------------------------------------------------------ the choices

    def layer(self, role: str):
        return self.layer_combos[role].currentLayer()

    def field(self, role: str) -> Optional[str]:
        return self.field_combos[role].currentField() or None

    def set_layer(self, role: str, layer) -> None:
        self.layer_combos[role].setLayer(layer)

    def _layer_changed(self, role: str):
        layer = self.layer(role)
        for field_role, layer_role in FIELD_ROLES:
            if layer_role != role:
                continue
            combo = self.field_combos[field_role]
            combo.blockSignals(True)
            combo.setLayer(layer)
            # The choice saved in the project wins; else the layer's usual name for it.
            names = layer.fields().names() if layer is not None else []
            remembered = project_layers.text_for(f"fields/{field_role}") if self.restoring else ""
            name = field_mapping.matching(names, remembered) if remembered else None
            detected = name is None
            name = name or field_mapping.detect(names, field_role)
            combo.setField(name or "")
            combo.setToolTip(tr("Found by its usual name; choose another field to override.")
                             if name and detected else "")
            combo.blockSignals(False)
        if not self.restoring:
            project_layers.set_layer_for(role, layer)
            for field_role, layer_role in FIELD_ROLES:
                if layer_role == role:
                    project_layers.set_text_for(f"fields/{field_role}", self.field(field_role) or "")
        self.changed.emit()

    def _field_changed(self, role: str):
        self.field_combos[role].setToolTip("")
        if not self.restoring:
            project_layers.set_text_for(f"fields/{role}", self.field(role) or "")
        self.changed.emit()

    def restore_from_project(self, *_):
        """Sets the choosers to the layers remembered in the project (when still there)."""
        self.restoring = True
        try:
            for role in self.layer_combos:
                layer = project_layers.layer_for(role)
                self.layer_combos[role].setLayer(layer)
                self._layer_changed(role)
        finally:
            self.restoring = False
        self.layers_box.setCollapsed(self.layer("builtup") is not None)

    # ------------------------------------------------------------------ checks

    def missing_fields(self) -> Optional[MissingFieldsError]:
        """All required fields left empty, per chosen layer, as one error (None: complete)."""
        missing = []
        for layer_role in dict.fromkeys(layer_role for _, layer_role in FIELD_ROLES):
            layer = self.layer(layer_role) if layer_role in self.layer_combos else None
            if layer is None:
                continue
            items = [Missing(role, None, f"{self.fields_box.title()} › {self.field_labels[role]}")
                     for role, owner in FIELD_ROLES
                     if owner == layer_role and role in REQUIRED_ROLES and not self.field(role)]
            if items:
                missing.append((layer.name(), items))
        return MissingFieldsError(missing) if missing else None

    def note_absent_labels(self) -> None:
        """Says once per layer, in the message bar, which label field it lacks and what
        stands in for it (the kern's feature id, the municipality code, no region)."""
        for role, layer_role in (("kern_name", "builtup"), ("municipality_name", "municipalities"),
                                 ("region", "municipalities")):
            layer = self.layer(layer_role)
            if layer is None or self.field(role) or (layer.id(), role) in self.label_notes:
                continue
            text = absent_label_text(layer.name(), role)
            self.label_notes[(layer.id(), role)] = text
            self.notify(text)

    def inputs_signature(self):
        """What an assessment rests on that the user can change here or in the settings:
        the chosen layers and fields, the classification parameters, scenario and norm set."""
        layers = tuple((role, combo.currentLayer().id() if combo.currentLayer() else None)
                       for role, combo in sorted(self.layer_combos.items()))
        fields = tuple((role, self.field(role)) for role in sorted(self.field_combos))
        return layers, fields, settings.classification_defaults(), settings.scenario_key(), \
            settings.norm_set()
