"""The toolbar and menu action "Housing effect of a business…": opens the dialog (and its
map tool). ``add_business_effect_action(iface, toolbar, menu)`` adds it; the returned
object's ``remove()`` takes away everything it added."""
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..core.resource_files import resource
from .business_effect_dialog import BusinessEffectDialog

ACTION_NAME = "FlexwonenLimburg_business_effect"


def tr(text: str) -> str:
    # The dialog's context: the action's text was written beside the dialog.
    return QCoreApplication.translate("BusinessEffectDialog", text)


class BusinessEffectAction:
    """The toolbar and menu action that opens the dialog and the map tool."""

    def __init__(self, iface, toolbar, menu: str):
        self.iface = iface
        self.toolbar = toolbar
        self.menu = menu
        self.dialog: Optional[BusinessEffectDialog] = None
        self.action = QAction(QIcon(str(resource("icons", "business_effect.svg"))),
                              tr("Housing effect of a business…"), iface.mainWindow())
        self.action.setObjectName(ACTION_NAME)
        self.action.triggered.connect(self.open)
        iface.addPluginToMenu(menu, self.action)
        if toolbar is not None:
            toolbar.addAction(self.action)

    def open(self):
        if self.dialog is None:
            self.dialog = BusinessEffectDialog(self.iface, self.iface.mainWindow())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.pick_on_map()

    def remove(self):
        if self.dialog is not None:
            self.dialog.cleanup()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.iface.removePluginMenu(self.menu, self.action)
        if self.toolbar is not None:
            self.toolbar.removeAction(self.action)
        self.action.deleteLater()


def add_business_effect_action(iface, toolbar, menu: str) -> BusinessEffectAction:
    """Adds the action to ``toolbar`` and the plugin menu ``menu``; ``remove()`` undoes it."""
    return BusinessEffectAction(iface, toolbar, menu)
