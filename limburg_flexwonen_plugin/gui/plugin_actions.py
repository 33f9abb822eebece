"""What the plugin's menu and toolbar actions do in the QGIS window (plugin.py only adds
and removes them): show or hide the panel, open an algorithm's dialog, and the one-click
province analysis with its results (message, class legend, the demo's extent)."""
from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication

from .province_analysis import ProvinceAnalysis


def tr(text: str) -> str:
    # The plugin's context: these texts were the plugin object's before they moved here.
    return QCoreApplication.translate("FlexwonenPlugin", text)


def toggle_dock(dock, checked=None):
    """Shows or hides ``dock`` (the panel action is checkable; None: the other way round)."""
    visible = (not dock.isVisible()) if checked is None else bool(checked)
    dock.setVisible(visible)
    if visible:
        dock.raise_()


def open_algorithm(algorithm_id: str):
    """The algorithm's own Processing dialog, empty."""
    from processing import execAlgorithmDialog
    execAlgorithmDialog(algorithm_id, {})


class ProvinceAnalysisAction:
    """Runs the province analysis (``analysis``) from the toolbar and shows its results."""

    def __init__(self, iface):
        self.iface = iface
        self.analysis = ProvinceAnalysis()
        self.analysis.done.connect(self._done)

    def run(self):
        try:
            which = self.analysis.start()
        except (RuntimeError, FileNotFoundError) as error:
            self.iface.messageBar().pushMessage(tr("Province analysis"), str(error),
                                                Qgis.MessageLevel.Warning, 6)
            return
        self.iface.messageBar().pushMessage(tr("Province analysis"), which, Qgis.MessageLevel.Info, 6)

    def _done(self, ok, message):
        level = Qgis.MessageLevel.Success if ok else Qgis.MessageLevel.Warning
        self.iface.messageBar().pushMessage(tr("Province analysis"), message, level, 10)
        analysis = self.analysis
        if ok and analysis.group is not None:
            # Show the results' class legend in the Layers panel.
            view = self.iface.layerTreeView()
            if view is not None:
                view.expand(view.node2index(analysis.group))
                for node in analysis.group.findLayers():
                    if node.isExpanded():
                        view.expand(view.node2index(node))
        if ok and analysis.inputs is not None and analysis.inputs.demo and analysis.inputs.context_layers:
            canvas = self.iface.mapCanvas()
            canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(
                analysis.inputs.context_layers[0], analysis.inputs.context_layers[0].extent()))
            canvas.refresh()

    def remove(self):
        """Stops a run and lets the analysis go (the plugin is unloaded)."""
        self.analysis.cancel()
        try:
            self.analysis.done.disconnect(self._done)
        except TypeError:  # already disconnected
            pass
        self.analysis.deleteLater()
