"""The plugin's page in Settings › Options: the defaults the algorithms and the panel use."""
from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtCore import QLocale, QObject, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel,
                                 QLineEdit, QPushButton, QVBoxLayout)

from ..bridge import settings
from ..core.classify_sites import ClassificationParameters
from ..core.errors import InputError
from ..core.norm_sets import DEFAULT_SET, available_norm_sets, load_norm_set
from ..core.rules import location_rules
from ..bridge.language import user_language
from ..bridge.settings import user_norms_folder
from ..core.scenarios import CURRENT, HIGH_2030, LOW_2030, load_model_document
from ..core.resource_files import resource

OBJECT_NAME = "FlexwonenLimburg_OptionsPage"


class _SettingsSignal(QObject):
    """Tells open panels that the settings were applied (their results may be out of date)."""
    changed = pyqtSignal()


SETTINGS_SIGNAL = _SettingsSignal()


class FlexwonenOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Flexwonen Limburg"))
        self.setIcon(QIcon(str(resource("icons", "flexwonen.svg"))))

    def icon(self):
        return QIcon(str(resource("icons", "flexwonen.svg")))

    def createWidget(self, parent):  # noqa: N802 (QGIS's name)
        return FlexwonenOptionsPage(parent)


class FlexwonenOptionsPage(QgsOptionsPageWidget):
    """Edge distance, minimum inside share, norm set and housing-gap scenario."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        limits = location_rules()["parameters"]
        current = settings.classification_defaults()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        box = QGroupBox(self.tr("Site classification defaults"), self)
        form = QFormLayout(box)
        self.edge_distance = QDoubleSpinBox(box)
        self.edge_distance.setObjectName("edge_distance")
        self.edge_distance.setRange(limits["edge_distance_m"]["minimum"], limits["edge_distance_m"]["maximum"])
        self.edge_distance.setDecimals(1)
        self.edge_distance.setSingleStep(10)
        self.edge_distance.setSuffix(" m")
        self.edge_distance.setValue(current.edge_distance_m)
        form.addRow(self.tr("Edge distance"), self.edge_distance)
        self.min_inside_share = QDoubleSpinBox(box)
        self.min_inside_share.setObjectName("min_inside_share")
        self.min_inside_share.setRange(limits["min_inside_share"]["minimum"],
                                       limits["min_inside_share"]["maximum"])
        self.min_inside_share.setDecimals(2)
        self.min_inside_share.setSingleStep(0.05)
        self.min_inside_share.setValue(current.min_inside_share)
        form.addRow(self.tr("Minimum share inside for 'inside'"), self.min_inside_share)
        explanation = QLabel(self.tr(
            "A site is inside when at least this share of it lies inside the built-up area, at "
            "the edge when it lies within the edge distance of it, and outside otherwise. These "
            "are the defaults of the Processing algorithms and the values the site assessment "
            "panel uses."), box)
        explanation.setWordWrap(True)
        form.addRow(explanation)
        restore = QPushButton(self.tr("Restore the rules' defaults"), box)
        restore.setObjectName("restore_defaults")
        restore.clicked.connect(self.restore_defaults)
        form.addRow(restore)
        layout.addWidget(box)

        norms_box = QGroupBox(self.tr("Housing norms"), self)
        norms_form = QFormLayout(norms_box)
        self.norm_set = QComboBox(norms_box)
        self.norm_set.setObjectName("norm_set")
        folder = user_norms_folder()
        names = available_norm_sets(folder)
        dutch = user_language() == "nl"
        for name in names:
            try:
                chosen = load_norm_set(name, folder)
                text = f"{chosen.title_nl if dutch else chosen.title_en} ({chosen.name} {chosen.version})"
            except InputError:
                text = self.tr("{0} (this file has an error)").format(name)
            self.norm_set.addItem(text, name)
        self.norm_set.setCurrentIndex(max(self.norm_set.findData(settings.norm_set(names)), 0))
        norms_form.addRow(self.tr("Norm set"), self.norm_set)
        norms_note = QLabel(self.tr(
            "The Limburg provincial floor (at most one person per bedroom, at least 15 m² living "
            "area per person) always applies on top. Own norm sets: JSON files in {0}.").format(folder),
            norms_box)
        norms_note.setWordWrap(True)
        norms_form.addRow(norms_note)
        layout.addWidget(norms_box)

        gap_box = QGroupBox(self.tr("Housing gap defaults"), self)
        gap_form = QFormLayout(gap_box)
        self.scenario = QComboBox(gap_box)
        self.scenario.setObjectName("scenario")
        scenarios = load_model_document()["scenarios"]
        for key, text in (
                (CURRENT, self.tr("Current (the table's latest year)")),
                (LOW_2030, self.tr("2030 low ({0} labour migrants in Limburg)").format(
                    QLocale().toString(int(scenarios[LOW_2030]["total"])))),
                (HIGH_2030, self.tr("2030 high ({0} labour migrants in Limburg)").format(
                    QLocale().toString(int(scenarios[HIGH_2030]["total"]))))):
            self.scenario.addItem(text, key)
        self.scenario.setCurrentIndex(max(self.scenario.findData(settings.scenario_key()), 0))
        gap_form.addRow(self.tr("Scenario"), self.scenario)
        scenario_note = QLabel(self.tr(
            "The scenario of the housing gap in the site assessment panel, the province analysis "
            "and the default of the Processing algorithms."), gap_box)
        scenario_note.setWordWrap(True)
        gap_form.addRow(scenario_note)
        layout.addWidget(gap_box)

        data_box = QGroupBox(self.tr("Official data (PDOK)"), self)
        data_form = QFormLayout(data_box)
        self.service_urls = {}
        for key, label in ((settings.BOUNDARIES_URL, self.tr("CBS Gebiedsindelingen (boundaries)")),
                           (settings.INHABITANTS_URL, self.tr("CBS Wijken en Buurten (inhabitants)")),
                           (settings.KERNEN_URL, self.tr("CBS Bevolkingskernen (built-up stand-in)"))):
            edit = QLineEdit(settings.service_url(key), data_box)
            edit.setObjectName(key)
            edit.setPlaceholderText(settings.SERVICE_DEFAULTS[key])
            self.service_urls[key] = edit
            data_form.addRow(label, edit)
        self.network_timeout = QDoubleSpinBox(data_box)
        self.network_timeout.setObjectName("network_timeout")
        self.network_timeout.setRange(*settings.TIMEOUT_RANGE_S)
        self.network_timeout.setDecimals(0)
        self.network_timeout.setSuffix(" s")
        self.network_timeout.setValue(settings.network_timeout())
        data_form.addRow(self.tr("Time-out"), self.network_timeout)
        data_note = QLabel(self.tr(
            "OGC API Features services that 'Load official boundaries and inhabitants' reads; "
            "{year} stands for the year chosen there. QGIS's proxy and authentication settings "
            "(Settings › Options › Network) apply."), data_box)
        data_note.setWordWrap(True)
        data_form.addRow(data_note)
        layout.addWidget(data_box)
        layout.addStretch(1)

    def restore_defaults(self):
        defaults = ClassificationParameters.defaults()
        self.edge_distance.setValue(defaults.edge_distance_m)
        self.min_inside_share.setValue(defaults.min_inside_share)
        self.scenario.setCurrentIndex(self.scenario.findData(CURRENT))
        self.norm_set.setCurrentIndex(max(self.norm_set.findData(DEFAULT_SET), 0))
        for key, edit in self.service_urls.items():
            edit.setText(settings.SERVICE_DEFAULTS[key])
        self.network_timeout.setValue(settings.DEFAULT_TIMEOUT_S)

    def apply(self):
        """Called by QGIS when the user presses OK in the Options dialog."""
        self._store()
        SETTINGS_SIGNAL.changed.emit()

    def _store(self):
        for key, edit in self.service_urls.items():
            if edit.text().strip() != settings.service_url(key):
                settings.set_service_url(key, edit.text())
        if self.network_timeout.value() != settings.network_timeout():
            settings.set_network_timeout(self.network_timeout.value())
        name = self.norm_set.currentData()
        if name and name != settings.norm_set():
            settings.set_norm_set(name)
        key = self.scenario.currentData()
        if key != settings.scenario_key():
            settings.set_scenario_key(key)
        chosen = ClassificationParameters(self.edge_distance.value(), self.min_inside_share.value())
        if chosen == settings.classification_defaults():
            return  # nothing changed: write nothing
        if chosen == ClassificationParameters.defaults():
            settings.forget_classification_defaults()
        else:
            settings.save_classification_defaults(chosen)
