"""The site assessment as a QgsTask: reads the layers and runs the core in the background,
so QGIS never freezes; progress goes to the panel's bar, cancel stops it within a batch."""
import logging
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Union

import geopandas as gpd
from qgis.core import QgsTask

from ..core.classify_sites import ClassificationParameters, MunicipalityFields
from ..core.errors import CancelledError, InputError
from ..core.progress import Progress
from ..core.housing_gap import AccommodationFields
from ..core.scenarios import CURRENT
from ..core.site_assessment import AssessmentInputs, MigrantFields, SiteAssessment, assess_sites
from ..bridge.messages import user_message
from ..bridge.read import source_to_frame, table_to_frame
from .sources import LayerSnapshot

LOGGER = logging.getLogger("limburg_flexwonen_plugin")


@dataclass
class AssessmentRequest:
    """What to assess and against which layers (snapshots made in the main thread)."""
    sites: Union[LayerSnapshot, gpd.GeoDataFrame]
    sites_name: str
    builtup: LayerSnapshot
    parameters: ClassificationParameters
    municipalities: Optional[LayerSnapshot] = None
    accommodations: Optional[LayerSnapshot] = None
    migrants: Optional[LayerSnapshot] = None
    site_id_field: Optional[str] = None
    name_field: Optional[str] = None
    planned_beds_field: Optional[str] = None
    stay_field: Optional[str] = None
    kern_name_field: Optional[str] = None
    inhabitants_field: Optional[str] = None
    scenario_key: str = CURRENT
    norm_set: Optional[str] = None
    plan_fields: Optional[dict] = None
    norms_folder: Optional[object] = None
    municipality_fields: MunicipalityFields = MunicipalityFields()
    accommodation_fields: AccommodationFields = AccommodationFields()
    migrant_fields: MigrantFields = MigrantFields()


@dataclass
class AssessmentOutcome:
    assessments: List[SiteAssessment] = field(default_factory=list)
    error: Optional[str] = None
    cancelled: bool = False
    seconds: float = 0.0
    builtup: Optional[gpd.GeoDataFrame] = None   # as read, for drawing the edge zone


class AssessmentTask(QgsTask):
    def __init__(self, description: str, request: AssessmentRequest,
                 on_finished: Callable[["AssessmentTask", AssessmentOutcome], None]):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.request = request
        self.outcome = AssessmentOutcome()
        self._on_finished = on_finished
        self.cancel_requested_at: Optional[float] = None

    def cancel(self):
        self.cancel_requested_at = time.perf_counter()
        super().cancel()

    def run(self) -> bool:
        """Runs in a worker thread: no widgets, no layers, only the snapshots."""
        started = time.perf_counter()
        try:
            progress = Progress(self.setProgress, self.isCanceled)
            inputs, sites = self._read(progress.scaled(0, 20))
            self.outcome.builtup = inputs.builtup
            self.outcome.assessments = assess_sites(
                sites, inputs, site_id_field=self.request.site_id_field,
                name_field=self.request.name_field, sites_layer=self.request.sites_name,
                progress=progress.scaled(20, 100))
            return True
        except CancelledError:
            self.outcome.cancelled = True
            return False
        except InputError as error:
            self.outcome.error = user_message(error)
            return False
        except Exception as error:  # the user sees the message, the log keeps the traceback
            LOGGER.error("site assessment failed:\n%s", traceback.format_exc())
            self.outcome.error = f"{type(error).__name__}: {error}"
            return False
        finally:
            self.outcome.seconds = time.perf_counter() - started

    def finished(self, result: bool) -> None:  # noqa: ARG002 - the outcome says it all
        """Runs in the main thread once ``run`` has returned (or the task was cancelled)."""
        if self.isCanceled():
            self.outcome.cancelled = True
        self._on_finished(self, self.outcome)

    def _read(self, progress: Progress):
        request = self.request
        _require_fields(request.builtup, [request.kern_name_field])
        builtup = source_to_frame(request.builtup, request.builtup.name,
                                  [request.kern_name_field] if request.kern_name_field else [],
                                  feedback=self, transform_context=request.builtup.transform_context)
        progress.report(30)
        municipalities = accommodations = migrants = None
        fields = request.municipality_fields
        if request.municipalities is not None:
            names = [fields.code, fields.name, fields.region, request.inhabitants_field]
            _require_fields(request.municipalities, names)
            municipalities = source_to_frame(request.municipalities, request.municipalities.name,
                                             names, feedback=self,
                                             transform_context=request.municipalities.transform_context)
        progress.report(50)
        if request.accommodations is not None:
            acc = request.accommodation_fields
            names = [acc.name, acc.status, acc.stay, acc.beds]
            _require_fields(request.accommodations, names)
            accommodations = source_to_frame(request.accommodations, request.accommodations.name,
                                             names, feedback=self,
                                             transform_context=request.accommodations.transform_context)
        progress.report(70)
        if request.migrants is not None:
            names = [request.migrant_fields.code, request.migrant_fields.year,
                     request.migrant_fields.count]
            _require_fields(request.migrants, names)
            # The same field may serve two roles; read it once.
            migrants = table_to_frame(request.migrants, request.migrants.name, list(dict.fromkeys(names)))
        progress.check()
        if isinstance(request.sites, gpd.GeoDataFrame):
            sites = request.sites
        else:
            sites = source_to_frame(request.sites, request.sites.name, feedback=self,
                                    transform_context=request.sites.transform_context)
        progress.report(100)
        inputs = AssessmentInputs(
            builtup=builtup, municipalities=municipalities, accommodations=accommodations,
            migrants=migrants, parameters=request.parameters,
            kern_name_field=request.kern_name_field, municipality_fields=fields,
            accommodation_fields=request.accommodation_fields,
            migrant_fields=request.migrant_fields, planned_beds_field=request.planned_beds_field,
            stay_field=request.stay_field, inhabitants_field=request.inhabitants_field,
            scenario_key=request.scenario_key, norm_set=request.norm_set,
            plan_fields=request.plan_fields, norms_folder=request.norms_folder,
            builtup_layer=request.builtup.name,
            municipalities_layer=request.municipalities.name if request.municipalities else "municipalities",
            accommodations_layer=request.accommodations.name if request.accommodations else "accommodations",
            migrants_layer=request.migrants.name if request.migrants else "labour migrants")
        return inputs, sites


def _require_fields(snapshot: LayerSnapshot, names) -> None:
    for name in names:
        if name and snapshot.fields().indexOf(name) < 0:
            raise InputError("field not found", layer=snapshot.name, field=name)
