"""One-click province analysis: runs the plugin's chain of Processing algorithms in the
background on the layers chosen in the site assessment panel (or, when none are chosen,
on the bundled demo data for a first look) and adds the styled results to one group.

The chain: the housing gap per municipality and region (when municipalities and the
labour-migrant table are there), then the classification of the candidate sites, with
their housing norm check and each site's effect on the gap. Each step is a Processing algorithm run by
``QgsProcessingAlgRunnerTask``: QGIS stays responsive, the task manager shows progress
and can cancel. A further analysis joins the chain in ``ProvinceAnalysis.steps``.
"""
import datetime
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import (QgsApplication, QgsLayerTreeGroup, QgsMapLayer, QgsProcessing,
                       QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback,
                       QgsProcessingUtils, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

from ..bridge import settings
from ..core.classify_sites import MunicipalityFields
from ..core.housing_gap import AccommodationFields
from ..core.housing_gap import MunicipalityFields as GapMunicipalityFields
from ..core.norm_sets import available_norm_sets
from ..bridge.settings import user_norms_folder
from ..core.resource_files import demo_data
from ..processing.location.classify_sites import ClassifySitesAlgorithm
from ..processing.municipal.housing_gap import HousingGapAlgorithm
from . import project_layers
from .project_layers import PLAN_FIELD_ROLES
from .card import card_locale, scenario_text
from .styles import apply_named_style, style_by_location_class, style_outline

TEMPORARY_OUTPUT = QgsProcessing.TEMPORARY_OUTPUT
# Order of the layers in the result group, top to bottom.
SITES_RANK, ACCOMMODATIONS_RANK, CONTEXT_RANK, MUNICIPALITIES_RANK, REGIONS_RANK = range(5)


@dataclass
class Output:
    key: str                                   # the algorithm's output
    name: str                                  # layer name; {0} = the scenario's title
    style: Callable[[QgsVectorLayer], object]
    rank: int
    visible: bool = True


@dataclass
class Step:
    algorithm_id: str
    parameters: Dict[str, object]
    outputs: List[Output]


@dataclass
class ProvinceInputs:
    builtup: object                     # layer id or a 'path|layername=' URI
    sites: List[object] = field(default_factory=list)
    site_names: List[str] = field(default_factory=list)
    municipalities: Optional[object] = None
    accommodations: Optional[object] = None
    migrants: Optional[object] = None
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
        self.ranks: Dict[str, int] = {}       # layer id -> place in the group
        self.hidden: List[QgsMapLayer] = []
        self.province_gap: Optional[dict] = None
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
        optional = {role: project_layers.layer_for(role)
                    for role in ("municipalities", "accommodations", "migrants")}
        return ProvinceInputs(
            builtup=builtup.id(), sites=[sites.id()], site_names=[sites.name()],
            **{role: layer.id() if layer is not None else None for role, layer in optional.items()})

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
        builtup = QgsVectorLayer(uri + "builtup", self.tr("Built-up area (demo)"), "ogr")
        style_outline(builtup, "#6f6f6f", "#80bdbdbd", 0.3)
        return ProvinceInputs(
            builtup=uri + "builtup", municipalities=uri + "municipalities",
            accommodations=uri + "accommodations", migrants=uri + "labour_migrants",
            sites=[uri + "candidate_sites", uri + "candidate_points"],
            site_names=[self.tr("Candidate sites (demo)"), self.tr("Candidate points (demo)")],
            demo=True, context_layers=[builtup])

    # ------------------------------------------------------------------ steps

    def steps(self, inputs: ProvinceInputs) -> List[Step]:
        steps = []
        with_gap = inputs.municipalities is not None and inputs.migrants is not None
        scenario_key = settings.scenario_key()

        def chosen(role: str) -> Optional[str]:
            """The field chosen in the panel; the demo data uses the defaults."""
            return None if inputs.demo else project_layers.text_for(f"fields/{role}") or None

        municipality_fields = dict(code=chosen("municipality_code"), name=chosen("municipality_name"),
                                   region=chosen("region"))
        migrant_fields = dict(code=chosen("migrants_code"), year=chosen("migrants_year"),
                              count=chosen("migrants_count"))
        accommodation_fields = AccommodationFields(
            name=chosen("accommodation_name"), status=chosen("status"), stay=chosen("accommodation_stay"),
            beds=chosen("beds"))
        if with_gap:
            gap = HousingGapAlgorithm
            parameters = gap.INPUTS.values(
                municipalities=inputs.municipalities,
                municipality_fields=GapMunicipalityFields(inhabitants=chosen("inhabitants"),
                                                          **municipality_fields),
                migrants=inputs.migrants, migrant_fields=migrant_fields,
                accommodations=inputs.accommodations, accommodation_fields=accommodation_fields,
                builtup=inputs.builtup, scenario=scenario_key)
            parameters.update({gap.MUNICIPALITIES_OUTPUT: TEMPORARY_OUTPUT,
                               gap.REGIONS_OUTPUT: TEMPORARY_OUTPUT, gap.CSV_OUTPUT: TEMPORARY_OUTPUT})
            outputs = [Output(gap.MUNICIPALITIES_OUTPUT, self.tr("Housing gap per municipality – {0}"),
                              lambda layer: apply_named_style(layer, "housing_gap"), MUNICIPALITIES_RANK),
                       Output(gap.REGIONS_OUTPUT, self.tr("Housing gap per region – {0}"),
                              lambda layer: apply_named_style(layer, "housing_gap"), REGIONS_RANK,
                              visible=False)]
            if inputs.accommodations is not None:
                parameters[gap.ACCOMMODATIONS_OUTPUT] = TEMPORARY_OUTPUT
                outputs.append(Output(gap.ACCOMMODATIONS_OUTPUT, self.tr("Accommodations – {0}"),
                                      lambda layer: apply_named_style(layer, "accommodations"),
                                      ACCOMMODATIONS_RANK))
            steps.append(Step("flexwonen:housinggap", parameters, outputs))
        classify = ClassifySitesAlgorithm
        for source, name in zip(inputs.sites, inputs.site_names):
            parameters = {classify.SITES: source, classify.OUTPUT: TEMPORARY_OUTPUT,
                          classify.SITE_ID_FIELD: "site_id" if inputs.demo else chosen("site_id")}
            parameters.update(classify.CLASSIFICATION.values(
                builtup=inputs.builtup, kern_name_field=chosen("kern_name"),
                municipalities=inputs.municipalities or None,
                fields=MunicipalityFields(**municipality_fields) if inputs.municipalities else None))
            # The plans against the housing norms (the set chosen in the options).
            names = available_norm_sets(user_norms_folder())
            parameters.update(classify.NORMS.values(
                check=True, norm_set=names.index(settings.norm_set(names)),
                plan_fields={key: chosen(role) for key, role in PLAN_FIELD_ROLES.items()}))
            if with_gap:  # each site's effect on the gap (the same model and scenario)
                parameters.update(classify.CONTEXT.values(
                    True, migrants=inputs.migrants, migrant_fields=migrant_fields,
                    accommodations=inputs.accommodations, accommodation_fields=accommodation_fields,
                    scenario=scenario_key, inhabitants_field=chosen("inhabitants"),
                    planned_beds_field=chosen("planned_beds"), stay_field=chosen("site_stay")))
            parameters = {key: value for key, value in parameters.items() if value is not None}
            steps.append(Step("flexwonen:classifysites", parameters, [
                Output(classify.OUTPUT, self.tr("{0} – location class").replace("{0}", name),
                       style_by_location_class, SITES_RANK)]))
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
        self.results, self.hidden, self.ranks, self.province_gap = [], [], {}, None
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
        title = scenario_text(results.get(HousingGapAlgorithm.SCENARIO_TITLE) or "")
        if HousingGapAlgorithm.PROVINCE_GAP in results:
            self.province_gap = results
        for output in step.outputs:
            layer = self.context.takeResultLayer(results.get(output.key) or "")
            if layer is None:
                continue
            layer.setName(output.name.replace("{0}", str(title)))
            output.style(layer)
            self.results.append(layer)
            self.ranks[layer.id()] = output.rank
            if not output.visible:
                self.hidden.append(layer)
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
        # Sites on top, then accommodations, the built-up area, the gap choropleths.
        context = list(self.inputs.context_layers if self.inputs else [])
        ordered = sorted(self.results + context, key=lambda layer: self.ranks.get(layer.id(), CONTEXT_RANK))
        for layer in ordered:
            project.addMapLayer(layer, False)
            node = self.group.addLayer(layer)
            node.setItemVisibilityChecked(layer not in self.hidden)
            node.setExpanded(self.ranks.get(layer.id()) == SITES_RANK)  # the class legend
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
        text = self.tr("{0} sites: {1} inside, {2} at the edge, {3} outside the built-up area.").format(
            total, counts.get("inside", 0), counts.get("edge", 0), counts.get("outside", 0))
        if self.province_gap is not None:
            locale, gap = card_locale(), HousingGapAlgorithm
            text += " " + self.tr("Housing gap in the province, {0}: {1} beds.").format(
                scenario_text(self.province_gap.get(gap.SCENARIO_TITLE, "")),
                locale.toString(float(self.province_gap[gap.PROVINCE_GAP]), "f", 0))
            if self.province_gap.get(gap.PROVINCE_SHORTAGE) is not None:
                # The regional hiaten: what is missing where, not netted against surpluses.
                text += " " + self.tr("Shortage in the municipalities that lack beds: {0} beds.").format(
                    locale.toString(float(self.province_gap[gap.PROVINCE_SHORTAGE]), "f", 0))
        return text
