"""The site assessment dock panel ("Locatietoets"): its widgets, and the wiring of its
parts (layer choices, site tools, runner, overlay, results; one module each)."""
import functools
from typing import Dict, List, Optional

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                                 QProgressBar, QPushButton, QScrollArea, QSizePolicy, QTextBrowser,
                                 QToolButton, QVBoxLayout, QWidget)

from ...core.site_assessment import SiteAssessment
from ..options_page import SETTINGS_SIGNAL
from ..help import user_guide_url
from ..tasks import AssessmentOutcome, AssessmentTask
from .choices import POINTS_OR_POLYGONS, LayerChoices
from .overlay import SiteOverlay
from .results import SiteResults, show_on_card, site_report_exporter
from .runner import AssessmentRunner
from .site_tools import SiteTools


def theme_icon(name: str):
    return QgsApplication.getThemeIcon(name)


def message_bar(iface):
    """``notify(text, error=False)``: a note in QGIS's message bar under the panel's name."""
    def notify(text: str, error: bool = False):
        level = Qgis.MessageLevel.Warning if error else Qgis.MessageLevel.Info
        iface.messageBar().pushMessage(QCoreApplication.translate("SiteAssessmentDock", "Site assessment"),
                                       text, level, 6)
    return notify


class SiteAssessmentDock(QgsDockWidget):
    OBJECT_NAME = "FlexwonenLimburg_SiteAssessmentDock"

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.tr("Site assessment (Locatietoets)"))
        self._closed = False
        # The parts refer to each other, never back to the dock: without reference cycles
        # the panel's Python objects (its map tools among them) go as soon as it does.
        body = QWidget(self)
        self.choices = LayerChoices(body, message_bar(iface))
        self.layer_combos = self.choices.layer_combos
        self.field_combos = self.choices.field_combos
        self.label_notes = self.choices.label_notes
        self._build_ui(body)

        self.tools = SiteTools(self.canvas, self.click_button, self.draw_button, self.choices,
                               functools.partial(show_on_card, self.card))
        self.click_tool, self.draw_tool = self.tools.click_tool, self.tools.draw_tool
        self.overlay = SiteOverlay(self.canvas)
        self.results = SiteResults(self.choices, self.overlay, self.card, self.site_chooser,
                                   (self.zoom_button, self.add_button, self.export_button),
                                   self.target_combo, message_bar(iface))
        self.runner = AssessmentRunner(self.canvas, self.choices, self.results, self.progress,
                                       self.progress_widget, self.parameters_label)
        self.choices.changed.connect(self._inputs_changed)
        self.choices.sites_combo.layerChanged.connect(self.tools.set_sites_layer)
        self.click_tool.siteClicked.connect(self.runner.assess_clicked_site)
        self.draw_tool.siteDrawn.connect(self.runner.assess_drawn_site)
        self.selected_button.clicked.connect(self.runner.assess_selected_sites)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.zoom_button.clicked.connect(self.zoom_to_site)
        self.add_button.clicked.connect(self.results.add_to_layer)
        self.export_button.clicked.connect(self.results.export_report)
        self.results.set_buttons_enabled(False)
        self.runner.show_parameters()

        project = QgsProject.instance()
        project.readProject.connect(self.choices.restore_from_project)
        project.cleared.connect(self._project_cleared)
        SETTINGS_SIGNAL.changed.connect(self._inputs_changed)
        self.choices.restore_from_project()
        self.show_message(self.tr("Choose the layers, then click a site on the map, use the "
                                  "selected sites or draw a new site."))

    # ------------------------------------------------------------------ building

    def _build_ui(self, body: QWidget):
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.choices.layers_box)
        layout.addWidget(self.choices.fields_box)

        site_box = QGroupBox(self.tr("Site"), body)
        site_layout = QVBoxLayout(site_box)
        site_form = QFormLayout()
        site_form.addRow(self.tr("Candidate sites"), self.choices.sites_combo)
        site_layout.addLayout(site_form)
        buttons = QHBoxLayout()
        self.click_button = self._tool_button(self.tr("Click a site"), "/mActionIdentify.svg",
                                              self.tr("Click a site of the candidate sites layer on the map"))
        self.click_button.setCheckable(True)
        self.selected_button = self._tool_button(self.tr("Use selected"), "/mActionSelectRectangle.svg",
                                                 self.tr("Assess the selected features of the candidate sites layer"))
        self.draw_button = self._tool_button(self.tr("Draw a site"), "/mActionCapturePolygon.svg",
                                             self.tr("Draw a new site polygon: click the corners, "
                                                     "right-click to finish, Esc to start over"))
        self.draw_button.setCheckable(True)
        for button in (self.click_button, self.selected_button, self.draw_button):
            buttons.addWidget(button)
        site_layout.addLayout(buttons)
        layout.addWidget(site_box)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.cancel_button)
        self.progress_widget = QWidget(body)
        self.progress_widget.setLayout(progress_row)
        self.progress_widget.setVisible(False)
        layout.addWidget(self.progress_widget)

        self.site_chooser = QComboBox(body)
        self.site_chooser.setVisible(False)
        layout.addWidget(self.site_chooser)

        self.card = QTextBrowser(body)
        self.card.setOpenExternalLinks(True)
        self.card.setMinimumHeight(220)
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.card, 1)

        actions = QHBoxLayout()
        self.zoom_button = self._tool_button(self.tr("Zoom to site"), "/mActionZoomToSelected.svg",
                                             self.tr("Zoom the map to the assessed site"))
        self.add_button = self._tool_button(self.tr("Add to layer"), "/mActionNewMemoryLayer.svg",
                                            self.tr("Add the assessed sites with their results to the "
                                                    "layer chosen below (empty: a new memory layer)"))
        self.export_button = self._tool_button(self.tr("Export site report"), "/mActionSaveAsPDF.svg",
                                               self.tr("Export the site report (PDF)"))
        # Shown only when the export code is part of the installed plugin.
        self.export_button.setVisible(site_report_exporter() is not None)
        for button in (self.zoom_button, self.add_button, self.export_button):
            actions.addWidget(button)
        layout.addLayout(actions)

        target_row = QFormLayout()
        self.target_combo = QgsMapLayerComboBox(body)
        self.target_combo.setFilters(POINTS_OR_POLYGONS)
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

    def _tool_button(self, text: str, icon: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(theme_icon(icon))
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    # ------------------------------------------------------------------ wiring

    def _inputs_changed(self, *_):
        if not self._closed:
            self.results.inputs_changed()

    def _project_cleared(self):
        self.cancel()
        self.results.clear()

    def open_help(self):
        QDesktopServices.openUrl(QUrl(user_guide_url()))

    # ------------------------------------------------------------------ the parts' public face

    def layer(self, role: str):
        return self.choices.layer(role)

    def field(self, role: str) -> Optional[str]:
        return self.choices.field(role)

    def set_layer(self, role: str, layer) -> None:
        self.choices.set_layer(role, layer)

    def assess_selected_sites(self):
        self.runner.assess_selected_sites()

    def cancel(self):
        self.runner.cancel()

    def is_running(self) -> bool:
        return self.runner.is_running()

    @property
    def task(self) -> Optional[AssessmentTask]:
        return self.runner.task

    @property
    def last_outcome(self) -> Optional[AssessmentOutcome]:
        return self.runner.last_outcome

    @property
    def assessments(self) -> List[SiteAssessment]:
        return self.results.assessments

    def current_assessment(self) -> Optional[SiteAssessment]:
        return self.results.current_assessment()

    def show_message(self, text: str, error: bool = False):
        self.results.show_message(text, error)

    def card_text(self) -> str:
        return self.card.toPlainText()

    def zoom_to_site(self):
        self.overlay.zoom_to(self.current_assessment())

    def add_to_layer(self):
        self.results.add_to_layer()

    def export_report(self):
        self.results.export_report()

    def site_report_parameters(self) -> Dict[str, object]:
        return self.results.site_report_parameters()

    # ------------------------------------------------------------------ closing

    def cleanup(self):
        """Disconnects from the project and the canvas; called once by the plugin's unload."""
        self._closed = True
        self.runner.close()
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self.choices.restore_from_project),
                             (project.cleared, self._project_cleared),
                             (SETTINGS_SIGNAL.changed, self._inputs_changed)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self.tools.remove()
        self.overlay.remove()
