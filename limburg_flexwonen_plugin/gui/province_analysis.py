"""One-click province analysis: runs the plugin's chain of Processing algorithms in the
background on the layers chosen in the site assessment panel (or, when none are chosen,
on the bundled demo data for a first look) and adds the styled results to one group.

Each step is a Processing algorithm run by ``QgsProcessingAlgRunnerTask``: QGIS stays
responsive, the task manager shows progress and can cancel. Steps for further analyses
(norms, housing gap) join ``ProvinceAnalysis.steps`` when their algorithms exist.
"""
import datetime
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import (Qgis, QgsApplication, QgsLayerTreeGroup, QgsMapLayer, QgsProcessingAlgRunnerTask,
                       QgsProcessingContext, QgsProcessingFeedback, QgsProcessingUtils, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..paths import demo_data
from . import project_layers
from .styles import style_by_location_class, style_outline


@dataclass
class Step:
    """One Processing algorithm run; ``output_names`` maps output keys to layer names."""
    algorithm_id: str
    parameters: Dict[str, object]
    output_names: Dict[str, str]
    style: Optional[Callable[[QgsVectorLayer], None]] = None


@dataclass
class ProvinceInputs:
    builtup: object                     # layer id or a 'path|layername=' URI
    sites: List[object] = field(default_factory=list)
    site_names: List[str] = field(default_factory=list)
    municipalities: Optional[object] = None
    accommodations: Optional[object] = None
    demo: bool = False
    context_layers: List[QgsMapLayer] = field(default_factory=list)


class ProvinceAnalysis(QObject):
    """Runs the steps one after another; ``done(ok, message)`` when finished."""
    done = pyqtSignal(bool, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context: Optional[QgsProcessingContext] = None
        self.feedback: Optional[QgsProcessingFeedback] = None
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.pending: List[Step] = []
        self.results: List[QgsMapLayer] = []
        self.inputs: Optional[ProvinceInputs] = None
        self.group: Optional[QgsLayerTreeGroup] = None

    @staticmethod
    def tr(text: str) -> str:  # a fixed context, like pylupdate's (the class name)
        return QCoreApplication.translate("ProvinceAnalysis", text)

    def is_running(self) -> bool:
        return self.task is not None

    # ------------------------------------------------------------------ inputs

    def chosen_inputs(self) -> Optional[ProvinceInputs]:
        """The layers chosen in the site assessment panel, if built-up area and sites are."""
        builtup = project_layers.layer_for("builtup")
        sites = project_layers.layer_for("sites")
        if builtup is None or sites is None:
            return None
        municipalities = project_layers.layer_for("municipalities")
        accommodations = project_layers.layer_for("accommodations")
        return ProvinceInputs(builtup=builtup.id(), sites=[sites.id()], site_names=[sites.name()],
                              municipalities=municipalities.id() if municipalities else None,
                              accommodations=accommodations.id() if accommodations else None)

    def demo_inputs(self) -> ProvinceInputs:
        """The demo GeoPackage, copied to a temporary folder first: the copy in the plugin
        folder is never opened, so it can never be changed."""
        source = demo_data()
        if source is None:
            raise FileNotFoundError(self.tr("the demo data is not part of this installation"))
        # In QGIS's Processing temporary folder, removed when QGIS exits (the layers in
        # the project need the file until then).
        folder = tempfile.mkdtemp(prefix="flexwonen_demo_", dir=QgsProcessingUtils.tempFolder())
        path = Path(folder) / source.name
        shutil.copyfile(source, path)
        uri = f"{path}|layername="
        context = []
        for name, title, outline, fill in (
                ("municipalities", self.tr("Municipalities (demo)"), "#555555", ""),
                ("builtup", self.tr("Built-up area (demo)"), "#8c8c8c", "#d9d9d9"),
                ("accommodations", self.tr("Accommodations (demo)"), "", "")):
            layer = QgsVectorLayer(uri + name, title, "ogr")
            if name == "accommodations":
                layer.renderer().symbol().setColor(QColor("#2c7fb8"))
            else:
                style_outline(layer, outline, fill)
            context.append(layer)
        return ProvinceInputs(builtup=uri + "builtup", municipalities=uri + "municipalities",
                              accommodations=uri + "accommodations",
                              sites=[uri + "candidate_sites", uri + "candidate_points"],
                              site_names=[self.tr("Candidate sites (demo)"), self.tr("Candidate points (demo)")],
                              demo=True, context_layers=context)

    # ------------------------------------------------------------------ steps

    def steps(self, inputs: ProvinceInputs) -> List[Step]:
        steps = []
        for source, name in zip(inputs.sites, inputs.site_names):
            parameters = {"SITES": source, "BUILTUP": inputs.builtup, "OUTPUT": "TEMPORARY_OUTPUT"}
            if inputs.demo:
                parameters.update(SITE_ID_FIELD="site_id", KERN_NAME_FIELD="kern_name")
            else:
                for key, role in (("SITE_ID_FIELD", "site_id"), ("KERN_NAME_FIELD", "kern_name")):
                    value = project_layers.text_for(f"fields/{role}")
                    if value:
                        parameters[key] = value
            if inputs.municipalities:
                parameters["MUNICIPALITIES"] = inputs.municipalities
            steps.append(Step("flexwonen:classifysites", parameters,
                              {"OUTPUT": self.tr("{0} – location class").format(name)},
                              style_by_location_class))
        return steps

    # ------------------------------------------------------------------ running

    def start(self, use_demo: bool = False) -> str:
        """Starts the chain; returns a line saying which data it runs on."""
        if self.is_running():
            raise RuntimeError(self.tr("the province analysis is already running"))
        inputs = None if use_demo else self.chosen_inputs()
        if inputs is None:
            inputs = self.demo_inputs()
        self.inputs = inputs
        self.results = []
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.pending = self.steps(inputs)
        self._run_next()
        if inputs.demo:
            return self.tr("No built-up area and candidate sites chosen in the site assessment "
                           "panel: running on the demo data (synthetic) for a first look.")
        return self.tr("Running on the layers chosen in the site assessment panel.")

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()
        if self.task is not None:
            self.task.cancel()

    def _run_next(self):
        step = self.pending.pop(0)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(step.algorithm_id)
        if algorithm is None:
            self._finish(False, self.tr("algorithm {0} is not available").format(step.algorithm_id))
            return
        task = QgsProcessingAlgRunnerTask(algorithm, step.parameters, self.context, self.feedback)
        task.executed.connect(lambda ok, results, s=step: self._step_done(s, ok, results))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _step_done(self, step: Step, ok: bool, results: dict):
        if not ok or (self.feedback is not None and self.feedback.isCanceled()):
            self._finish(False, self.tr("cancelled or failed; see the log"))
            return
        for key, name in step.output_names.items():
            layer = self.context.takeResultLayer(results.get(key, ""))
            if layer is None:
                continue
            layer.setName(name)
            if step.style is not None:
                step.style(layer)
            self.results.append(layer)
        if self.pending:
            self._run_next()
        else:
            self._finish(True, self._summary())

    def _finish(self, ok: bool, message: str):
        self.task = None
        if ok:
            self._add_to_project()
        self.done.emit(ok, message)

    def _add_to_project(self):
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        stamp = datetime.datetime.now().strftime("%H:%M")
        self.group = root.insertGroup(0, self.tr("Flexwonen Limburg – province analysis {0}").format(stamp))
        for layer in self.results + list(self.inputs.context_layers if self.inputs else []):
            project.addMapLayer(layer, False)
            node = self.group.addLayer(layer)
            node.setExpanded(layer in self.results)  # the class legend of the results
        self.group.setExpanded(True)

    def _summary(self) -> str:
        counts: Dict[str, int] = {}
        total = 0
        for layer in self.results:
            if layer.fields().indexOf("location_class") < 0:
                continue
            for feature in layer.getFeatures():
                value = feature["location_class"] or ""
                counts[value] = counts.get(value, 0) + 1
                total += 1
        return self.tr("{0} sites: {1} inside, {2} at the edge, {3} outside the built-up area.").format(
            total, counts.get("inside", 0), counts.get("edge", 0), counts.get("outside", 0))


def message_level(ok: bool):
    return Qgis.MessageLevel.Success if ok else Qgis.MessageLevel.Warning
