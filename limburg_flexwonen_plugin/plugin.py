"""The plugin object QGIS creates: adds the provider, menu, toolbar, the site assessment
panel, the settings page and the export action, and removes exactly those again. What the
actions do is in gui/ (gui/plugin_actions.py and the modules it names).

This module must import in a QGIS whose Python lacks geopandas or shapely 2: it imports
only Qt, QGIS and pure-Python modules at the top; everything that needs the GIS packages
is imported after ``dependencies`` has found them usable.
"""
import sys

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core import dependencies
from .bridge import language, log
from .core.resource_files import resource

MENU = "&Flexwonen Limburg"


class DependencyTexts:
    @staticmethod
    def tr(text, context=dependencies.CONTEXT):
        """The texts of ``dependencies`` (marked there) in the user's language."""
        return QCoreApplication.translate(context, text)


class FlexwonenPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.translator = None
        self.log_handler = None
        self.dock = None
        self.options_factory = None
        self.province = None  # the one-click province analysis: its action's behaviour and results
        self.business_effect = None  # housing effect of a business: action, map tool, dialog
        # Checked before anything imports geopandas (see the module's docstring).
        self.missing = dependencies.check_required()
        self.missing_optional = dependencies.check_optional()
        self._dependencies_logged = False

    @staticmethod
    def tr(text):
        return QCoreApplication.translate("FlexwonenPlugin", text)

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        """Registers the provider; also called by qgis_process, where iface is None."""
        self._log_dependencies()
        if self.missing:
            # No provider at all, rather than one whose algorithms each fail: every
            # algorithm derives from processing.base, which needs geopandas, and keeps
            # its parameters beside the code that uses them, so failing stand-ins would
            # have to copy each one's id, name and parameters without its code. The one
            # message says what to install; after that and a restart the provider is here.
            return
        from .processing.provider import FlexwonenProvider
        if self.provider is None:
            provider = FlexwonenProvider()
            # Refused (and deleted by the registry) when a provider "flexwonen" is already
            # registered: then it is not ours to remove on unload.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self):  # noqa: N802 (QGIS's name)
        self.translator = language.install_translator()
        self.log_handler = log.install_handler()
        self.initProcessing()
        if self.missing:
            # Nothing else is added: every tool needs the missing packages.
            self.iface.messageBar().pushMessage(self.tr("Flexwonen Limburg"), self._missing_message(),
                                                Qgis.MessageLevel.Warning, 0)
            return
        # Imported here, not at module level: qgis_process loads this module without a GUI,
        # and they need the packages checked above.
        from .gui.options_page import FlexwonenOptionsFactory
        from .gui.plugin_actions import ProvinceAnalysisAction, open_algorithm, toggle_dock
        from .gui.site_panel import SiteAssessmentDock

        self.toolbar = self.iface.addToolBar(self.tr("Flexwonen Limburg"))
        self.toolbar.setObjectName("FlexwonenLimburgToolbar")

        self.dock = SiteAssessmentDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        panel_action = self._add_action(
            "panel", self.tr("Site assessment (Locatietoets)"), lambda checked: toggle_dock(self.dock, checked),
            icon=resource("icons", "site_assessment.svg"))
        panel_action.setCheckable(True)
        self.dock.visibilityChanged.connect(panel_action.setChecked)
        self.province = ProvinceAnalysisAction(self.iface)
        self._add_action("province", self.tr("Province analysis (one click)"), self.province.run,
                         icon=resource("icons", "province_analysis.svg"))
        self._add_action("classify", self.tr("Classify candidate sites…"),
                         lambda: open_algorithm("flexwonen:classifysites"))
        # In the menu only: loading the official data is done once per project.
        self._add_action("official_data", self.tr("Load official boundaries and inhabitants (PDOK)…"),
                         lambda: open_algorithm("flexwonen:loadofficialdata"), in_toolbar=False)
        # Exports (maps and site reports), see layouts/export_action.py; unload removes the
        # action with the others.
        from .layouts.export_action import ExportAction
        exports = ExportAction(self.iface)
        self._add_action("export", self.tr("Export maps and reports…"), lambda: exports.show_menu(),
                         icon=resource("icons", "export_reports.svg"))
        # Housing effect of a business (map-click dialog); unload calls its remove().
        from .gui.business_effect_action import add_business_effect_action
        self.business_effect = add_business_effect_action(self.iface, self.toolbar, MENU)

        self.options_factory = FlexwonenOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def _missing_message(self):
        return dependencies.required_message(self.missing, say=DependencyTexts.tr)

    def _log_dependencies(self):
        """Once per start: what is missing, in the log panel under the plugin's tag (in
        qgis_process, where there is no message bar, this is the only place)."""
        if self._dependencies_logged:
            return
        self._dependencies_logged = True
        if self.missing:
            QgsMessageLog.logMessage(self._missing_message(), log.LOG_TAG, Qgis.MessageLevel.Warning)
            if self.iface is None:
                # qgis_process shows no log: without this line its users would only read
                # "Algorithm flexwonen:… not found!".
                print(self._missing_message(), file=sys.stderr)
        for text in dependencies.optional_messages(self.missing_optional, say=DependencyTexts.tr):
            QgsMessageLog.logMessage(text, log.LOG_TAG, Qgis.MessageLevel.Info)

    def _add_action(self, key, text, callback, icon=None, in_toolbar=True):
        action = QAction(QIcon(str(icon or resource("icons", "flexwonen.svg"))), text, self.iface.mainWindow())
        action.setObjectName(f"FlexwonenLimburg_{key}")
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(MENU, action)
        if in_toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        if self.business_effect is not None:
            self.business_effect.remove()
            self.business_effect = None
        if self.province is not None:
            self.province.remove()
            self.province = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.dock is not None:
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.log_handler is not None:
            log.remove_handler(self.log_handler)
            self.log_handler = None
        language.remove_translator(self.translator)
        self.translator = None
