"""The panel's map tools: click a site of the candidate sites layer, or draw a new site.
Their buttons stay in step with the canvas's tool, and the user's own tool is given back
when ours is switched off."""
from typing import Callable

from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication

from ..map_tools import ClickSiteTool, DrawSiteTool
from .choices import LayerChoices


def tr(text: str) -> str:
    # The dock's context: these texts were the dock's before the panel was split.
    return QCoreApplication.translate("SiteAssessmentDock", text)


class SiteTools:
    """The click and draw tools behind the checkable ``click_button`` and ``draw_button``.

    ``say(text, error)`` shows a message on the card. The tools' own signals (siteClicked,
    siteDrawn) are wired by the dock."""

    def __init__(self, canvas, click_button, draw_button, choices: LayerChoices, say: Callable[..., None]):
        self.canvas = canvas
        self.click_button = click_button
        self.draw_button = draw_button
        self.choices = choices
        self.say = say
        self._previous_tool = None
        self.click_tool = ClickSiteTool(canvas)
        self.click_tool.nothingFound.connect(self._nothing_clicked)
        self.draw_tool = DrawSiteTool(canvas)
        click_button.toggled.connect(self._click_toggled)
        draw_button.toggled.connect(self._draw_toggled)
        canvas.mapToolSet.connect(self._map_tool_changed)

    def set_sites_layer(self, layer) -> None:
        self.click_tool.setLayer(layer)

    def _click_toggled(self, checked: bool):
        if checked:
            if self.choices.layer("sites") is None:
                self.click_button.setChecked(False)
                self.say(tr("Choose the candidate sites layer first."), error=True)
                return
            self.click_tool.setLayer(self.choices.layer("sites"))
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
        layer = self.choices.layer("sites")
        self.say(tr("No site of layer '{0}' here. Click inside a site (or on a point).")
                 .format(layer.name() if layer else ""))

    def remove(self) -> None:
        """Leaves the canvas as it was: our tools off, the drawing band gone."""
        try:
            self.canvas.mapToolSet.disconnect(self._map_tool_changed)
        except (TypeError, RuntimeError):
            pass
        for tool in (self.click_tool, self.draw_tool):
            self._deactivate(tool)
        self.draw_tool.remove_band()
