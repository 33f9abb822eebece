"""The plugin object QGIS creates: adds the provider, menu and toolbar, and removes them."""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import language, log
from .paths import resource

MENU = "&Flexwonen Limburg"


class FlexwonenPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.translator = None
        self.log_handler = None
        self.business_effect = None  # housing effect of a business: action, map tool, dialog

    @staticmethod
    def tr(text):
        return QCoreApplication.translate("FlexwonenPlugin", text)

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        """Registers the provider; also called by qgis_process, where iface is None."""
        from .processing.provider import FlexwonenProvider
        if self.provider is None:
            self.provider = FlexwonenProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS's name)
        self.translator = language.install_translator()
        self.log_handler = log.install_handler()
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(self.tr("Flexwonen Limburg"))
        self.toolbar.setObjectName("FlexwonenLimburgToolbar")
        self._add_action("classify", self.tr("Classify candidate sites…"),
                         lambda: self._open_algorithm("flexwonen:classifysites"))
        # Exports (maps and site reports), see layouts/export_action.py; unload removes the
        # action with the others.
        from .layouts.export_action import ExportAction
        exports = ExportAction(self.iface)
        self._add_action("export", self.tr("Export maps and reports…"), lambda: exports.show_menu())
        # Housing effect of a business (map-click dialog); unload calls its remove().
        from .gui.business_effect_dialog import add_business_effect_action
        self.business_effect = add_business_effect_action(self.iface, self.toolbar, MENU)

    def _add_action(self, key, text, callback):
        action = QAction(QIcon(str(resource("icons", "flexwonen.svg"))), text,
                         self.iface.mainWindow())
        action.setObjectName(f"FlexwonenLimburg_{key}")
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(MENU, action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    @staticmethod
    def _open_algorithm(algorithm_id):
        from processing import execAlgorithmDialog
        execAlgorithmDialog(algorithm_id, {})

    def unload(self):
        if self.business_effect is not None:
            self.business_effect.remove()
            self.business_effect = None
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
