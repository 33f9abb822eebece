"""The site assessment dock panel ("Locatietoets").

The user chooses the layers once (remembered in the project), then clicks a site, uses
the selected sites or draws a new one. The assessment runs as a QgsTask (the core, in
the background) and appears as a result card; the site can be zoomed to, added to a
layer, and (when the export code is installed) exported as a site report.
"""
import itertools
from typing import Dict, List, Optional

import geopandas as gpd
import shapely
from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsFeature, QgsProcessingFeatureSourceDefinition,
                       QgsFieldProxyModel, QgsGeometry, QgsMapLayerProxyModel, QgsProject,
                       QgsRectangle, QgsVectorLayer, QgsWkbTypes)
from qgis.gui import (QgsCollapsibleGroupBox, QgsDockWidget, QgsFieldComboBox,
                      QgsMapLayerComboBox, QgsRubberBand)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QLocale, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                                 QProgressBar, QPushButton, QScrollArea, QSizePolicy, QTextBrowser,
                                 QToolButton, QVBoxLayout, QWidget)

from ..core import field_mapping
from ..core.field_mapping import Missing, MissingFieldsError
from ..core.frames import WORKING_CRS, with_crs_text
from ..core.housing_gap import AccommodationFields
from ..core.norm_sets import available_norm_sets
from ..core.scenarios import SCENARIO_KEYS
from ..core.site_assessment import MigrantFields, SiteAssessment, edge_zone
from ..core.classify_sites import MunicipalityFields
from ..processing.field_parameters import absent_label_text
from ..bridge.settings import user_norms_folder
from ..bridge.crs import transform_to_working
from ..bridge.messages import user_message
from ..bridge import settings
from . import card, project_layers, results_layer
from .options_page import SETTINGS_SIGNAL
from .help import user_guide_url
from .map_tools import ClickSiteTool, DrawSiteTool
from .sources import LayerSnapshot
from .tasks import AssessmentOutcome, AssessmentRequest, AssessmentTask

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
# The plan inputs of the norm check (core.housing_norms.PLAN_INPUTS) -> field roles.
PLAN_ROLES = {"beds": "planned_beds", "bedrooms": "bedrooms", "living_area_m2": "living_area",
              "bedroom_area_m2": "bedroom_area", "toilets": "toilets", "showers": "showers",
              "housing_type": "housing_type"}


def theme_icon(name: str):
    return QgsApplication.getThemeIcon(name)


class SiteAssessmentDock(QgsDockWidget):
    OBJECT_NAME = "FlexwonenLimburg_SiteAssessmentDock"

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.tr("Site assessment (Locatietoets)"))
        self.task: Optional[AssessmentTask] = None
        self.assessments: List[SiteAssessment] = []
        self.last_outcome: Optional[AssessmentOutcome] = None
        self._drawn_numbers = itertools.count(1)
        self._restoring = False
        # (layer id, field role) of the absent label fields already mentioned: said once.
        self.label_notes: Dict[tuple, str] = {}
        self._closed = False
        self._previous_tool = None
        self.assessed_source = None
        self._drawn_layer = None
        self._pending_drawn = None
        self.layer_combos: Dict[str, QgsMapLayerComboBox] = {}
        self.field_combos: Dict[str, QgsFieldComboBox] = {}

        self._build_ui()
        self.click_tool = ClickSiteTool(self.canvas)
        self.click_tool.siteClicked.connect(self.assess_clicked_site)
        self.click_tool.nothingFound.connect(self._nothing_clicked)
        self.draw_tool = DrawSiteTool(self.canvas)
        self.draw_tool.siteDrawn.connect(self.assess_drawn_site)
        self.canvas.mapToolSet.connect(self._map_tool_changed)
        self.highlight = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.highlight.setWidth(3)
        self.edge_band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.LineGeometry)
        self.edge_band.setColor(QColor(card.class_colour("edge")).darker(140))
        self.edge_band.setWidth(2)
        self.edge_band.setLineStyle(Qt.PenStyle.DashLine)
        self.builtup_frame = None

        project = QgsProject.instance()
        project.readProject.connect(self.restore_from_project)
        project.cleared.connect(self._project_cleared)
        SETTINGS_SIGNAL.changed.connect(self._inputs_changed)
        self.assessed_with = None     # the inputs of the assessment on the card
        self.restore_from_project()
        self.show_message(self.tr("Choose the layers, then click a site on the map, use the "
                                  "selected sites or draw a new site."))

    # ------------------------------------------------------------------ building

    def _build_ui(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.layers_box = QgsCollapsibleGroupBox(self.tr("Layers"), body)
        form = QFormLayout(self.layers_box)
        polygons = QgsMapLayerProxyModel.Filter.PolygonLayer
        points_or_polygons = QgsMapLayerProxyModel.Filter.PointLayer | QgsMapLayerProxyModel.Filter.PolygonLayer
        for role, text, layer_filter, optional in (
                ("builtup", self.tr("Built-up area"), polygons, False),
                ("municipalities", self.tr("Municipalities"), polygons, True),
                ("accommodations", self.tr("Accommodations"), points_or_polygons, True),
                ("migrants", self.tr("Labour migrants (table)"), QgsMapLayerProxyModel.Filter.NoGeometry, True)):
            combo = self._layer_combo(role, layer_filter, optional)
            form.addRow(text, combo)
        layout.addWidget(self.layers_box)

        self.fields_box = QgsCollapsibleGroupBox(self.tr("Field names"), body)
        self.fields_box.setCollapsed(True)
        fields_form = QFormLayout(self.fields_box)
        self.field_labels = field_labels = {
            "kern_name": self.tr("Kern name"),
            "municipality_code": self.tr("Municipality code"),
            "municipality_name": self.tr("Municipality name"),
            "region": self.tr("Region"),
            "inhabitants": self.tr("Inhabitants"),
            "accommodation_name": self.tr("Accommodation name"),
            "beds": self.tr("Beds"),
            "status": self.tr("Status (existing / permitted / planned)"),
            "accommodation_stay": self.tr("Accommodation: stay category"),
            "migrants_code": self.tr("Migrants: municipality code"),
            "migrants_year": self.tr("Migrants: year"),
            "migrants_count": self.tr("Migrants: number"),
            "site_id": self.tr("Site id"),
            "site_name": self.tr("Site name"),
            "planned_beds": self.tr("Planned beds"),
            "site_stay": self.tr("Site: stay category"),
            "bedrooms": self.tr("Site: bedrooms"),
            "living_area": self.tr("Site: living area (m²)"),
            "bedroom_area": self.tr("Site: bedroom area (m²)"),
            "toilets": self.tr("Site: toilets"),
            "showers": self.tr("Site: showers"),
            "housing_type": self.tr("Site: housing type (lodging / dwelling)"),
        }
        for role, layer_role in FIELD_ROLES:
            combo = QgsFieldComboBox(self.fields_box)
            combo.setAllowEmptyFieldName(True)
            if role in NUMERIC_ROLES:
                combo.setFilters(QgsFieldProxyModel.Filter.Numeric | QgsFieldProxyModel.Filter.String)
            combo.setObjectName(f"field_{role}")
            combo.fieldChanged.connect(lambda _name, r=role: self._field_changed(r))
            self.field_combos[role] = combo
            fields_form.addRow(field_labels[role], combo)
        layout.addWidget(self.fields_box)

        site_box = QGroupBox(self.tr("Site"), body)
        site_layout = QVBoxLayout(site_box)
        site_form = QFormLayout()
        site_form.addRow(self.tr("Candidate sites"),
                         self._layer_combo("sites", points_or_polygons, True))
        site_layout.addLayout(site_form)
        buttons = QHBoxLayout()
        self.click_button = self._tool_button(self.tr("Click a site"), "/mActionIdentify.svg",
                                              self.tr("Click a site of the candidate sites layer on the map"))
        self.click_button.setCheckable(True)
        self.click_button.toggled.connect(self._click_toggled)
        self.selected_button = self._tool_button(self.tr("Use selected"), "/mActionSelectRectangle.svg",
                                                 self.tr("Assess the selected features of the candidate sites layer"))
        self.selected_button.clicked.connect(self.assess_selected_sites)
        self.draw_button = self._tool_button(self.tr("Draw a site"), "/mActionCapturePolygon.svg",
                                             self.tr("Draw a new site polygon: click the corners, "
                                                     "right-click to finish, Esc to start over"))
        self.draw_button.setCheckable(True)
        self.draw_button.toggled.connect(self._draw_toggled)
        for button in (self.click_button, self.selected_button, self.draw_button):
            buttons.addWidget(button)
        site_layout.addLayout(buttons)
        layout.addWidget(site_box)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.cancel_button)
        self.progress_widget = QWidget(body)
        self.progress_widget.setLayout(progress_row)
        self.progress_widget.setVisible(False)
        layout.addWidget(self.progress_widget)

        self.site_chooser = QComboBox(body)
        self.site_chooser.setVisible(False)
        self.site_chooser.currentIndexChanged.connect(self._show_chosen_site)
        layout.addWidget(self.site_chooser)

        self.card = QTextBrowser(body)
        self.card.setOpenExternalLinks(True)
        self.card.setMinimumHeight(220)
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.card, 1)

        actions = QHBoxLayout()
        self.zoom_button = self._tool_button(self.tr("Zoom to site"), "/mActionZoomToSelected.svg",
                                             self.tr("Zoom the map to the assessed site"))
        self.zoom_button.clicked.connect(self.zoom_to_site)
        self.add_button = self._tool_button(self.tr("Add to layer"), "/mActionNewMemoryLayer.svg",
                                            self.tr("Add the assessed sites with their results to the "
                                                    "layer chosen below (empty: a new memory layer)"))
        self.add_button.clicked.connect(self.add_to_layer)
        self.export_button = self._tool_button(self.tr("Export site report"), "/mActionSaveAsPDF.svg",
                                               self.tr("Export the site report (PDF)"))
        self.export_button.clicked.connect(self.export_report)
        # Shown only when the export code is part of the installed plugin.
        self.export_button.setVisible(site_report_exporter() is not None)
        for button in (self.zoom_button, self.add_button, self.export_button):
            actions.addWidget(button)
        layout.addLayout(actions)

        target_row = QFormLayout()
        self.target_combo = QgsMapLayerComboBox(body)
        self.target_combo.setFilters(points_or_polygons)
        self.target_combo.setAllowEmptyLayer(True)
        self.target_combo.setLayer(None)  # never write into a layer the user did not choose
        self.target_combo.setObjectName("results_target")
        target_row.addRow(self.tr("Results layer (empty: a new layer)"), self.target_combo)
        layout.addLayout(target_row)

        footer = QHBoxLayout()
        self.parameters_label = QLabel(body)
        self.parameters_label.setWordWrap(True)
        self.parameters_label.setStyleSheet("color: #555555")
        self.help_button = QToolButton(body)
        self.help_button.setIcon(theme_icon("/mActionHelpContents.svg"))
        self.help_button.setText(self.tr("Help"))
        self.help_button.setToolTip(self.tr("Open the user guide"))
        self.help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_button.clicked.connect(self.open_help)
        footer.addWidget(self.parameters_label, 1)
        footer.addWidget(self.help_button)
        layout.addLayout(footer)
        # Scrollable, so the panel never forces the QGIS window to grow on a small screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        # Scroll up and down only: as wide as the content needs.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(body.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())
        self.setWidget(scroll)
        self._set_result_buttons_enabled(False)
        self._show_parameters()

    def _layer_combo(self, role: str, layer_filter, optional: bool) -> QgsMapLayerComboBox:
        combo = QgsMapLayerComboBox(self)
        combo.setFilters(layer_filter)
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
        combo.setObjectName(f"layer_{role}")
        combo.layerChanged.connect(lambda _layer, r=role: self._layer_changed(r))
        self.layer_combos[role] = combo
        return combo

    def _tool_button(self, text: str, icon: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(theme_icon(icon))
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    # ------------------------------------------------------------------ layer choices

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
            remembered = project_layers.text_for(f"fields/{field_role}") if self._restoring else ""
            name = field_mapping.matching(names, remembered) if remembered else None
            detected = name is None
            name = name or field_mapping.detect(names, field_role)
            combo.setField(name or "")
            combo.setToolTip(self.tr("Found by its usual name; choose another field to override.")
                             if name and detected else "")
            combo.blockSignals(False)
        if role == "sites":
            self.click_tool.setLayer(layer)
        if not self._restoring:
            project_layers.set_layer_for(role, layer)
            for field_role, layer_role in FIELD_ROLES:
                if layer_role == role:
                    project_layers.set_text_for(f"fields/{field_role}", self.field(field_role) or "")
        self._inputs_changed()

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

    def _note_absent_labels(self) -> None:
        """Says once per layer, in the message bar, which label field it lacks and what
        stands in for it (the kern's feature id, the municipality code, no region)."""
        for role, layer_role in (("kern_name", "builtup"), ("municipality_name", "municipalities"),
                                 ("region", "municipalities")):
            layer = self.layer(layer_role)
            if layer is None or self.field(role) or (layer.id(), role) in self.label_notes:
                continue
            text = absent_label_text(layer.name(), role)
            self.label_notes[(layer.id(), role)] = text
            self._message_bar(text)

    def _field_changed(self, role: str):
        self.field_combos[role].setToolTip("")
        if not self._restoring:
            project_layers.set_text_for(f"fields/{role}", self.field(role) or "")
        self._inputs_changed()

    def inputs_signature(self):
        """What an assessment rests on that the user can change here or in the settings:
        the chosen layers and fields, the classification parameters, scenario and norm set."""
        layers = tuple((role, combo.currentLayer().id() if combo.currentLayer() else None)
                       for role, combo in sorted(self.layer_combos.items()))
        fields = tuple((role, self.field(role)) for role in sorted(self.field_combos))
        return layers, fields, settings.classification_defaults(), settings.scenario_key(), \
            settings.norm_set()

    def is_out_of_date(self) -> bool:
        return bool(self.assessments) and self.assessed_with is not None and \
            self.assessed_with != self.inputs_signature()

    def _inputs_changed(self, *_):
        """Marks the card out of date (and keeps it from being added or exported) once
        the layers, fields or settings it was computed with have changed."""
        if self.assessments and not self._closed:
            self._set_result_buttons_enabled(not self.is_out_of_date())
            self._show_chosen_site()

    def restore_from_project(self, *_):
        """Sets the choosers to the layers remembered in the project (when still there)."""
        self._restoring = True
        try:
            for role in self.layer_combos:
                layer = project_layers.layer_for(role)
                self.layer_combos[role].setLayer(layer)
                self._layer_changed(role)
        finally:
            self._restoring = False
        self.layers_box.setCollapsed(self.layer("builtup") is not None)

    def _project_cleared(self):
        self.cancel()
        self._show_assessments([])
        self.builtup_frame = None
        self.highlight.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.edge_band.reset(QgsWkbTypes.GeometryType.LineGeometry)

    def _show_parameters(self):
        parameters = settings.classification_defaults()
        locale = QLocale()
        self.parameters_label.setText(self.tr("Edge distance {0} m, minimum share inside {1} "
                                              "(Settings › Options › Flexwonen Limburg)").format(
            locale.toString(parameters.edge_distance_m, "g", 6),
            locale.toString(parameters.min_inside_share, "g", 6)))

    # ------------------------------------------------------------------ map tools

    def _click_toggled(self, checked: bool):
        if checked:
            if self.layer("sites") is None:
                self.click_button.setChecked(False)
                self.show_message(self.tr("Choose the candidate sites layer first."), error=True)
                return
            self.click_tool.setLayer(self.layer("sites"))
            self._activate(self.click_tool)
        else:
            self._deactivate(self.click_tool)

    def _draw_toggled(self, checked: bool):
        if checked:
            self._activate(self.draw_tool)
        else:
            self._deactivate(self.draw_tool)

    def _activate(self, tool):
        current = self.canvas.mapTool()
        if current is not None and current not in (self.click_tool, self.draw_tool):
            self._previous_tool = current  # given back when the user is done with ours
        self.canvas.setMapTool(tool)

    def _deactivate(self, tool):
        if self.canvas.mapTool() is not tool:
            return
        previous = self._previous_tool
        if previous is not None and not sip.isdeleted(previous):
            self.canvas.setMapTool(previous)
        else:
            self.canvas.unsetMapTool(tool)

    def _map_tool_changed(self, new_tool, _old_tool=None):
        for button, tool in ((self.click_button, self.click_tool), (self.draw_button, self.draw_tool)):
            if button.isChecked() and new_tool is not tool:
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)

    def _nothing_clicked(self):
        self.show_message(self.tr("No site of layer '{0}' here. Click inside a site (or on a point).")
                          .format(self.layer("sites").name() if self.layer("sites") else ""))

    # ------------------------------------------------------------------ running

    def assess_clicked_site(self, feature_id: int):
        layer = self.layer("sites")
        if layer is not None:
            self._start(LayerSnapshot(layer, [feature_id]), layer.name(), source=(layer, [feature_id]))

    def assess_selected_sites(self):
        layer = self.layer("sites")
        if layer is None:
            self.show_message(self.tr("Choose the candidate sites layer first."), error=True)
            return
        ids = layer.selectedFeatureIds()
        if not ids:
            self.show_message(self.tr("No features are selected in layer '{0}'.").format(layer.name()),
                              error=True)
            return
        self._start(LayerSnapshot(layer, ids), layer.name(), source=(layer, list(ids)))

    def assess_drawn_site(self, geometry: QgsGeometry):
        number = next(self._drawn_numbers)
        site_id, name = self.tr("drawn-{0}").format(number), self.tr("Drawn site {0}").format(number)
        # In RD, transformed here by QGIS: the frame goes to a worker thread, where no
        # CRS object may travel (see bridge/read.py).
        in_rd = QgsGeometry(geometry)
        transform = transform_to_working(self.canvas.mapSettings().destinationCrs(), self.tr("drawn site"),
                                         QgsProject.instance().transformContext())
        if transform is not None:
            in_rd.transform(transform)
        frame = with_crs_text(gpd.GeoDataFrame({"site_id": [site_id], "name": [name]},
                                               geometry=[shapely.from_wkb(bytes(in_rd.asWkb()))]), WORKING_CRS)
        self._start(frame, self.tr("drawn site"), drawn=True, source=("drawn", geometry, site_id, name))

    def _start(self, sites, sites_name: str, drawn: bool = False, source=None):
        builtup = self.layer("builtup")
        if builtup is None:
            self.layers_box.setCollapsed(False)
            self.show_message(self.tr("Choose the built-up area layer first."), error=True)
            return
        if self.task is not None:
            self.cancel()
        missing = self.missing_fields()
        if missing is not None:
            self.fields_box.setCollapsed(False)
            self.show_message(user_message(missing), error=True)
            return
        self._note_absent_labels()
        optional = {role: (LayerSnapshot(self.layer(role)) if self.layer(role) is not None else None)
                    for role in ("municipalities", "accommodations", "migrants")}
        self._show_parameters()
        request = AssessmentRequest(
            sites=sites, sites_name=sites_name, builtup=LayerSnapshot(builtup),
            parameters=settings.classification_defaults(),
            municipalities=optional["municipalities"], accommodations=optional["accommodations"],
            migrants=optional["migrants"],
            site_id_field="site_id" if drawn else self.field("site_id"),
            name_field="name" if drawn else self.field("site_name"),
            planned_beds_field=None if drawn else self.field("planned_beds"),
            stay_field=None if drawn else self.field("site_stay"),
            kern_name_field=self.field("kern_name"),
            inhabitants_field=self.field("inhabitants"),
            scenario_key=settings.scenario_key(),
            norm_set=settings.norm_set(available_norm_sets(user_norms_folder())),
            plan_fields=None if drawn else {key: self.field(role) for key, role in PLAN_ROLES.items()},
            norms_folder=user_norms_folder(),
            # Name and region may be absent: the code names the municipality, no region.
            municipality_fields=MunicipalityFields(
                self.field("municipality_code"), self.field("municipality_name"), self.field("region")),
            accommodation_fields=AccommodationFields(
                name=self.field("accommodation_name"), status=self.field("status"),
                stay=self.field("accommodation_stay"), beds=self.field("beds")),
            migrant_fields=MigrantFields(
                self.field("migrants_code"), self.field("migrants_year"), self.field("migrants_count")))
        task = AssessmentTask(self.tr("Flexwonen Limburg: site assessment"), request, self._finished)
        task.source = source
        task.inputs_signature = self.inputs_signature()
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.task = task
        self.progress.setValue(0)
        self.progress_widget.setVisible(True)
        self.show_message(self.tr("Assessing…"))
        QgsApplication.taskManager().addTask(task)

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def is_running(self) -> bool:
        return self.task is not None

    def _finished(self, task: AssessmentTask, outcome: AssessmentOutcome):
        if self._closed or task is not self.task:
            return  # a task replaced by a newer one, or the panel is gone
        self.task = None
        self.last_outcome = outcome
        self.progress_widget.setVisible(False)
        if outcome.cancelled:
            self.show_message(self.tr("Cancelled: nothing was assessed."))
        elif outcome.error:
            self.show_message(self.tr("Could not assess the site: {0}").format(outcome.error), error=True)
        else:
            self.builtup_frame = outcome.builtup
            self.assessed_source = self._source_of(task.source, outcome.assessments)
            self.assessed_with = task.inputs_signature
            self._show_assessments(outcome.assessments)
            if self.assessments:
                self.layers_box.setCollapsed(True)  # room for the card; one click reopens it

    def _source_of(self, source, assessments):
        """(layer, feature ids) of the assessed sites; a drawn site is stored in the layer
        of drawn sites only when a report is asked for (see site_report_parameters)."""
        if source is None or source[0] != "drawn":
            return source
        self._pending_drawn = (source, assessments)
        return ("drawn", None)

    # ------------------------------------------------------------------ the card

    def show_message(self, text: str, error: bool = False):
        self.card.setHtml(card.render_message(text, error))

    def _show_assessments(self, assessments: List[SiteAssessment]):
        self.assessments = list(assessments)
        self.site_chooser.blockSignals(True)
        self.site_chooser.clear()
        for assessment in self.assessments:
            text = assessment.name or str(assessment.site_id)
            self.site_chooser.addItem(f"{assessment.site_id} – {text}" if assessment.name else text)
        self.site_chooser.blockSignals(False)
        self.site_chooser.setVisible(len(self.assessments) > 1)
        self._set_result_buttons_enabled(bool(self.assessments))
        if self.assessments:
            self.site_chooser.setCurrentIndex(0)
            self._show_chosen_site(0)

    def current_assessment(self) -> Optional[SiteAssessment]:
        if not self.assessments:
            return None
        index = max(self.site_chooser.currentIndex(), 0)
        return self.assessments[min(index, len(self.assessments) - 1)]

    def _show_chosen_site(self, _index=None):
        assessment = self.current_assessment()
        if assessment is None:
            return
        parts = []
        if self.is_out_of_date():
            parts.append(card.render_message(self.tr(
                "Out of date: the layers, fields or settings have changed since this "
                "assessment. Assess the site again."), error=True))
        if len(self.assessments) > 1:
            parts.append(card.render_summary(self.assessments))
            parts.append("<hr/>")
        drawn_zone = self._highlight(assessment)
        hint = self.tr("Dashed line on the map: the edge distance around the built-up area.") if drawn_zone else ""
        parts.append(card.render_card(assessment, map_hint=hint))
        self.card.setHtml("\n".join(parts))

    def card_text(self) -> str:
        return self.card.toPlainText()

    def _set_result_buttons_enabled(self, enabled: bool):
        for button in (self.zoom_button, self.add_button, self.export_button):
            button.setEnabled(enabled)

    # ------------------------------------------------------------------ results

    def _to_canvas(self) -> QgsCoordinateTransform:
        return QgsCoordinateTransform(QgsCoordinateReferenceSystem(WORKING_CRS),
                                      self.canvas.mapSettings().destinationCrs(), QgsProject.instance())

    def _highlight(self, assessment: SiteAssessment) -> bool:
        """Outlines the site in its class colour and the edge zone around it, dashed;
        returns whether the edge zone is drawn."""
        self.edge_band.reset(QgsWkbTypes.GeometryType.LineGeometry)
        is_point = assessment.geometry is not None and assessment.geometry.geom_type in ("Point", "MultiPoint")
        kind = (QgsWkbTypes.GeometryType.PointGeometry if is_point
                else QgsWkbTypes.GeometryType.PolygonGeometry)
        self.highlight.reset(kind)
        if assessment.geometry is None:
            return False
        colour = QColor(card.class_colour(assessment.location_class))
        self.highlight.setStrokeColor(colour.darker(130))
        # Outline only, so the site's own style stays readable underneath.
        self.highlight.setFillColor(QColor(0, 0, 0, 0) if not is_point else colour)
        self.highlight.setIconSize(14)
        geometry = QgsGeometry()
        geometry.fromWkb(assessment.geometry.wkb)
        geometry.transform(self._to_canvas())
        self.highlight.setToGeometry(geometry, None)
        edge_distance = assessment.value("edge_distance_m")
        if self.builtup_frame is None or not edge_distance:
            return False
        zone = edge_zone(self.builtup_frame, assessment.geometry, float(edge_distance))
        if zone is None:
            return False
        outline = QgsGeometry()
        outline.fromWkb(shapely.boundary(zone).wkb)
        outline.transform(self._to_canvas())
        self.edge_band.setToGeometry(outline, None)
        return True

    def zoom_to_site(self):
        assessment = self.current_assessment()
        if assessment is None or assessment.geometry is None:
            return
        # Room for the edge distance and for the nearest built-up area, so the map shows why.
        margin = max(float(assessment.value("edge_distance_m") or 0.0),
                     float(assessment.value("distance_m") or 0.0)) * 1.2 + 100.0
        minx, miny, maxx, maxy = shapely.bounds(assessment.geometry)
        extent = QgsRectangle(minx - margin, miny - margin, maxx + margin, maxy + margin)
        self.canvas.setExtent(self._to_canvas().transformBoundingBox(extent))
        self.canvas.refresh()

    def add_to_layer(self):
        if not self.assessments:
            return
        target = self.target_combo.currentLayer()
        by_kind: Dict[str, List[SiteAssessment]] = {}
        for assessment in self.assessments:
            by_kind.setdefault(results_layer.geometry_kind(assessment), []).append(assessment)
        added = 0
        for kind, assessments in by_kind.items():
            layer = target
            if layer is None or not isinstance(layer, QgsVectorLayer) or not results_layer.compatible(layer, kind):
                if target is not None:
                    self._message_bar(self.tr("Layer '{0}' cannot hold these sites (other geometry "
                                              "type); they went to a new layer.").format(target.name()))
                layer = results_layer.new_results_layer(kind, assessments)
                QgsProject.instance().addMapLayer(layer)
                if target is None:
                    self.target_combo.setLayer(layer)
            try:
                added += results_layer.add_assessments(layer, assessments)
            except RuntimeError as error:
                self._message_bar(self.tr("Could not add to layer '{0}': {1}").format(layer.name(), error),
                                  error=True)
        self._message_bar(self.tr("{0} site(s) added to the results layer.").format(added))

    def export_report(self):
        exporter = site_report_exporter()
        if exporter is not None and self.assessments:
            exporter(self)

    def site_report_parameters(self) -> Dict[str, object]:
        """The site report export's parameters for the assessed sites, with the panel's
        layers and fields and the rule values, scenario and norm set the assessment used.
        The assessed sites become the selection of their layer (drawn sites: of the layer
        'Drawn sites', made when needed)."""
        if self.assessed_source is None:
            return {}
        # What the assessment on the card was computed with (``inputs_signature``); the rule
        # values as its rows record them.
        _layers, _fields, rules, scenario_key, norm_set = self.assessed_with or self.inputs_signature()
        used = self.assessments[0] if self.assessments else None
        edge_distance = used.value("edge_distance_m", rules.edge_distance_m) if used else rules.edge_distance_m
        min_share = used.value("min_inside_share", rules.min_inside_share) if used else rules.min_inside_share
        layer, ids = self.assessed_source
        if layer == "drawn":
            layer, ids = self._store_drawn_sites()
            self.assessed_source = (layer, ids)
        if layer is None or sip.isdeleted(layer):
            return {}
        layer.selectByIds(list(ids))
        parameters: Dict[str, object] = {
            "SITES": QgsProcessingFeatureSourceDefinition(layer.id(), True),
            "BUILTUP": self.layer("builtup").id() if self.layer("builtup") else None,
            "EDGE_DISTANCE": edge_distance,
            "MIN_INSIDE_SHARE": min_share,
        }
        drawn = layer is self._drawn_layer
        fields = {"SITE_ID_FIELD": "site_id" if drawn else self.field("site_id"),
                  "SITE_NAME_FIELD": "name" if drawn else self.field("site_name"),
                  "KERN_NAME_FIELD": self.field("kern_name")}
        if not drawn:
            fields.update({"STAY_FIELD": self.field("site_stay"), "BEDS_FIELD": self.field("planned_beds"),
                           "BEDROOMS_FIELD": self.field("bedrooms"), "LIVING_AREA_FIELD": self.field("living_area"),
                           "BEDROOM_AREA_FIELD": self.field("bedroom_area"), "TOILETS_FIELD": self.field("toilets"),
                           "SHOWERS_FIELD": self.field("showers"),
                           "HOUSING_TYPE_FIELD": self.field("housing_type")})
            names = available_norm_sets(user_norms_folder())
            parameters.update(CHECK_NORMS=bool(self.field("planned_beds")),
                              NORM_SET=names.index(norm_set if norm_set in names else settings.norm_set(names)))
        else:
            parameters["CHECK_NORMS"] = False
        municipalities = self.layer("municipalities")
        if municipalities is not None:
            parameters["MUNICIPALITIES"] = municipalities.id()
            fields.update({"MUNICIPALITY_CODE_FIELD": self.field("municipality_code"),
                           "MUNICIPALITY_NAME_FIELD": self.field("municipality_name"),
                           "REGION_FIELD": self.field("region")})
            migrants = self.layer("migrants")
            if migrants is not None:
                parameters.update(ADD_CONTEXT=True, CONTEXT_MIGRANTS=migrants.id(),
                                  CONTEXT_SCENARIO=SCENARIO_KEYS.index(scenario_key))
                fields.update({"CONTEXT_MIGRANTS_CODE_FIELD": self.field("migrants_code"),
                               "CONTEXT_MIGRANTS_YEAR_FIELD": self.field("migrants_year"),
                               "CONTEXT_MIGRANTS_COUNT_FIELD": self.field("migrants_count"),
                               "CONTEXT_INHABITANTS_FIELD": self.field("inhabitants")})
                if not drawn:
                    fields.update({"CONTEXT_PLANNED_BEDS_FIELD": self.field("planned_beds"),
                                   "CONTEXT_STAY_FIELD": self.field("site_stay")})
                accommodations = self.layer("accommodations")
                if accommodations is not None:
                    parameters["CONTEXT_ACCOMMODATIONS"] = accommodations.id()
                    fields.update({"CONTEXT_ACCOMMODATION_NAME_FIELD": self.field("accommodation_name"),
                                   "CONTEXT_ACCOMMODATION_STATUS_FIELD": self.field("status"),
                                   "CONTEXT_ACCOMMODATION_STAY_FIELD": self.field("accommodation_stay"),
                                   "CONTEXT_ACCOMMODATION_BEDS_FIELD": self.field("beds")})
        parameters.update({name: value for name, value in fields.items() if value})
        return {name: value for name, value in parameters.items() if value is not None}

    def _store_drawn_sites(self):
        """Adds the assessed drawn sites to the layer of drawn sites; (layer, their ids)."""
        _, assessments = self._pending_drawn
        layer = self._drawn_sites_layer()
        features = []
        for assessment in assessments:
            if assessment.geometry is None:
                continue
            feature = QgsFeature(layer.fields())
            feature.setAttributes([str(assessment.site_id), assessment.name, None, None, None])
            geometry = QgsGeometry()
            geometry.fromWkb(assessment.geometry.wkb)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            features.append(feature)
        _, added = layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        layer.triggerRepaint()
        return layer, [feature.id() for feature in added]

    def _drawn_sites_layer(self) -> QgsVectorLayer:
        """The project's memory layer of drawn sites (made when needed), for the report."""
        layer = self._drawn_layer
        if layer is None or sip.isdeleted(layer) or QgsProject.instance().mapLayer(layer.id()) is None:
            # With the plan fields the report reads (empty: a drawn site has no plan yet).
            layer = QgsVectorLayer(
                f"MultiPolygon?crs={WORKING_CRS}&field=site_id:string&field=name:string"
                "&field=planned_beds:integer&field=stay_category:string&field=building_type:string",
                self.tr("Drawn sites"), "memory")
            QgsProject.instance().addMapLayer(layer)
            self._drawn_layer = layer
        return layer

    def open_help(self):
        QDesktopServices.openUrl(QUrl(user_guide_url()))

    def _message_bar(self, text: str, error: bool = False):
        level = Qgis.MessageLevel.Warning if error else Qgis.MessageLevel.Info
        self.iface.messageBar().pushMessage(self.tr("Site assessment"), text, level, 6)

    # ------------------------------------------------------------------ closing

    def cleanup(self):
        """Disconnects from the project and the canvas; called once by the plugin's unload."""
        self._closed = True
        self.cancel()
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self.restore_from_project),
                             (project.cleared, self._project_cleared),
                             (SETTINGS_SIGNAL.changed, self._inputs_changed),
                             (self.canvas.mapToolSet, self._map_tool_changed)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        for tool in (self.click_tool, self.draw_tool):
            self._deactivate(tool)
        self.draw_tool.remove_band()
        self.highlight.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.edge_band.reset(QgsWkbTypes.GeometryType.LineGeometry)
        scene = self.canvas.scene()
        if scene is not None:
            scene.removeItem(self.highlight)
            scene.removeItem(self.edge_band)


SITE_REPORTS = "flexwonen:exportsitereports"


def site_report_exporter():
    """Opens the site report export (its Processing dialog, filled in), when the export
    algorithm is installed; else None, and the button stays hidden."""
    if QgsApplication.processingRegistry().algorithmById(SITE_REPORTS) is None:
        return None

    def open_dialog(panel):
        from processing import execAlgorithmDialog
        execAlgorithmDialog(SITE_REPORTS, panel.site_report_parameters())
    return open_dialog
