"""Runs the panel's assessment: the clicked, selected or drawn sites and the chosen
layers become an AssessmentRequest, assessed in a QgsTask (the core, in the background);
cancel stops it, and the finished task's outcome is handed on."""
import itertools
from typing import Optional

import geopandas as gpd
import shapely
from qgis.core import QgsApplication, QgsGeometry, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QLocale

from ...core.classify_sites import MunicipalityFields
from ...core.frames import WORKING_CRS, with_crs_text
from ...core.housing_gap import AccommodationFields
from ...core.norm_sets import available_norm_sets
from ...core.site_assessment import MigrantFields
from ...bridge.settings import user_norms_folder
from ...bridge.crs import transform_to_working
from ...bridge.messages import user_message
from ...bridge import settings
from ..sources import LayerSnapshot
from ..tasks import AssessmentOutcome, AssessmentRequest, AssessmentTask
from .choices import LayerChoices
from .results import SiteResults

# The plan inputs of the norm check (core.housing_norms.PLAN_INPUTS) -> field roles.
PLAN_ROLES = {"beds": "planned_beds", "bedrooms": "bedrooms", "living_area_m2": "living_area",
              "bedroom_area_m2": "bedroom_area", "toilets": "toilets", "showers": "showers",
              "housing_type": "housing_type"}


def tr(text: str) -> str:
    # The dock's context: these texts were the dock's before the panel was split.
    return QCoreApplication.translate("SiteAssessmentDock", text)


class AssessmentRunner:
    """Starts and cancels the assessment task; shows its progress and the parameters used.

    Messages go to the card of ``results``, which also takes a successful outcome."""

    def __init__(self, canvas, choices: LayerChoices, results: SiteResults, progress, progress_widget,
                 parameters_label):
        self.canvas = canvas
        self.choices = choices
        self.results = results
        self.say = results.show_message
        self.progress = progress
        self.progress_widget = progress_widget
        self.parameters_label = parameters_label
        self.task: Optional[AssessmentTask] = None
        self.last_outcome: Optional[AssessmentOutcome] = None
        self.closed = False
        self._drawn_numbers = itertools.count(1)

    # ------------------------------------------------------------------ the sites

    def assess_clicked_site(self, feature_id: int):
        layer = self.choices.layer("sites")
        if layer is not None:
            self.start(LayerSnapshot(layer, [feature_id]), layer.name(), source=(layer, [feature_id]))

    def assess_selected_sites(self):
        layer = self.choices.layer("sites")
        if layer is None:
            self.say(tr("Choose the candidate sites layer first."), error=True)
            return
        ids = layer.selectedFeatureIds()
        if not ids:
            self.say(tr("No features are selected in layer '{0}'.").format(layer.name()), error=True)
            return
        self.start(LayerSnapshot(layer, ids), layer.name(), source=(layer, list(ids)))

    def assess_drawn_site(self, geometry: QgsGeometry):
        number = next(self._drawn_numbers)
        site_id, name = tr("drawn-{0}").format(number), tr("Drawn site {0}").format(number)
        # In RD, transformed here by QGIS: the frame goes to a worker thread, where no
        # CRS object may travel (see bridge/read.py).
        in_rd = QgsGeometry(geometry)
        transform = transform_to_working(self.canvas.mapSettings().destinationCrs(), tr("drawn site"),
                                         QgsProject.instance().transformContext())
        if transform is not None:
            in_rd.transform(transform)
        frame = with_crs_text(gpd.GeoDataFrame({"site_id": [site_id], "name": [name]},
                                               geometry=[shapely.from_wkb(bytes(in_rd.asWkb()))]), WORKING_CRS)
        self.start(frame, tr("drawn site"), drawn=True, source=("drawn", geometry, site_id, name))

    # ------------------------------------------------------------------ the task

    def start(self, sites, sites_name: str, drawn: bool = False, source=None):
        choices = self.choices
        builtup = choices.layer("builtup")
        if builtup is None:
            choices.layers_box.setCollapsed(False)
            self.say(tr("Choose the built-up area layer first."), error=True)
            return
        if self.task is not None:
            self.cancel()
        missing = choices.missing_fields()
        if missing is not None:
            choices.fields_box.setCollapsed(False)
            self.say(user_message(missing), error=True)
            return
        choices.note_absent_labels()
        self.show_parameters()
        task = AssessmentTask(tr("Flexwonen Limburg: site assessment"),
                              self.request(sites, sites_name, LayerSnapshot(builtup), drawn), self._finished)
        task.source = source
        task.inputs_signature = choices.inputs_signature()
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.task = task
        self.progress.setValue(0)
        self.progress_widget.setVisible(True)
        self.say(tr("Assessing…"))
        QgsApplication.taskManager().addTask(task)

    def request(self, sites, sites_name: str, builtup: LayerSnapshot, drawn: bool) -> AssessmentRequest:
        """The sites with the chosen layers and fields and the user's settings."""
        field, layer = self.choices.field, self.choices.layer
        optional = {role: (LayerSnapshot(layer(role)) if layer(role) is not None else None)
                    for role in ("municipalities", "accommodations", "migrants")}
        return AssessmentRequest(
            sites=sites, sites_name=sites_name, builtup=builtup,
            parameters=settings.classification_defaults(),
            municipalities=optional["municipalities"], accommodations=optional["accommodations"],
            migrants=optional["migrants"],
            site_id_field="site_id" if drawn else field("site_id"),
            name_field="name" if drawn else field("site_name"),
            planned_beds_field=None if drawn else field("planned_beds"),
            stay_field=None if drawn else field("site_stay"),
            kern_name_field=field("kern_name"),
            inhabitants_field=field("inhabitants"),
            scenario_key=settings.scenario_key(),
            norm_set=settings.norm_set(available_norm_sets(user_norms_folder())),
            plan_fields=None if drawn else {key: field(role) for key, role in PLAN_ROLES.items()},
            norms_folder=user_norms_folder(),
            # Name and region may be absent: the code names the municipality, no region.
            municipality_fields=MunicipalityFields(
                field("municipality_code"), field("municipality_name"), field("region")),
            accommodation_fields=AccommodationFields(
                name=field("accommodation_name"), status=field("status"),
                stay=field("accommodation_stay"), beds=field("beds")),
            migrant_fields=MigrantFields(
                field("migrants_code"), field("migrants_year"), field("migrants_count")))

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def is_running(self) -> bool:
        return self.task is not None

    def close(self):
        """The panel is going: a running task is cancelled and its end ignored."""
        self.closed = True
        self.cancel()

    def _finished(self, task: AssessmentTask, outcome: AssessmentOutcome):
        if self.closed or task is not self.task:
            return  # a task replaced by a newer one, or the panel is gone
        self.task = None
        self.last_outcome = outcome
        self.progress_widget.setVisible(False)
        if outcome.cancelled:
            self.say(tr("Cancelled: nothing was assessed."))
        elif outcome.error:
            self.say(tr("Could not assess the site: {0}").format(outcome.error), error=True)
        elif self.results.take(task.source, task.inputs_signature, outcome):
            self.choices.layers_box.setCollapsed(True)  # room for the card; one click reopens it

    def show_parameters(self):
        """The settings an assessment uses, under the card."""
        parameters = settings.classification_defaults()
        locale = QLocale()
        self.parameters_label.setText(tr("Edge distance {0} m, minimum share inside {1} "
                                         "(Settings › Options › Flexwonen Limburg)").format(
            locale.toString(parameters.edge_distance_m, "g", 6),
            locale.toString(parameters.min_inside_share, "g", 6)))
