"""The panel's results: the assessed sites on the card (one chosen at a time), out of
date once their inputs change; added to a layer; exported as a site report, drawn sites
first stored in the project's layer of drawn sites."""
from typing import Callable, Dict, List, Optional

from qgis.core import (QgsApplication, QgsFeature, QgsGeometry, QgsProcessingFeatureSourceDefinition,
                       QgsProject, QgsVectorLayer)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication

from ...core.classify_sites import ClassificationParameters, MunicipalityFields
from ...core.frames import WORKING_CRS
from ...core.housing_gap import AccommodationFields
from ...core.norm_sets import available_norm_sets
from ...core.site_assessment import SiteAssessment
from ...bridge.settings import user_norms_folder
from ...bridge import settings
from ...processing.export.export_site_reports import ExportSiteReportsAlgorithm
from .. import card, results_layer
from ..project_layers import PLAN_FIELD_ROLES
from .choices import LayerChoices
from .overlay import SiteOverlay

SITE_REPORTS = "flexwonen:exportsitereports"


def tr(text: str) -> str:
    # The dock's context: these texts were the dock's before the panel was split.
    return QCoreApplication.translate("SiteAssessmentDock", text)


def show_on_card(browser, text: str, error: bool = False):
    """A message in the card's place."""
    browser.setHtml(card.render_message(text, error))


def site_report_exporter():
    """Opens the site report export (its Processing dialog, filled in), when the export
    algorithm is installed; else None, and the button stays hidden."""
    if QgsApplication.processingRegistry().algorithmById(SITE_REPORTS) is None:
        return None

    def open_dialog(results):
        from processing import execAlgorithmDialog
        execAlgorithmDialog(SITE_REPORTS, results.site_report_parameters())
    return open_dialog


class SiteResults:
    """The assessments on the card, in ``card`` (a QTextBrowser) with ``site_chooser``
    (a QComboBox) to pick one of several; ``buttons`` act on them and are enabled only
    while they are current. ``notify(text, error)`` puts a note in the message bar."""

    def __init__(self, choices: LayerChoices, overlay: SiteOverlay, card_browser, site_chooser, buttons,
                 target_combo, notify: Callable[..., None]):
        self.choices = choices
        # The chosen layers and fields, as the site report's parameters read them.
        self.layer = choices.layer
        self.field = choices.field
        self.overlay = overlay
        self.card = card_browser
        self.site_chooser = site_chooser
        self.buttons = buttons
        self.target_combo = target_combo
        self.notify = notify
        self.assessments: List[SiteAssessment] = []
        self.assessed_with = None     # the inputs of the assessment on the card
        self.assessed_source = None
        self.builtup_frame = None
        self._drawn_layer = None
        self._pending_drawn = None
        site_chooser.currentIndexChanged.connect(self.show_chosen_site)

    # ------------------------------------------------------------------ the card

    def show_message(self, text: str, error: bool = False):
        show_on_card(self.card, text, error)

    def take(self, source, inputs_signature, outcome) -> bool:
        """Shows a finished assessment; whether it holds any site."""
        self.builtup_frame = outcome.builtup
        self.assessed_source = self._source_of(source, outcome.assessments)
        self.assessed_with = inputs_signature
        self.show_assessments(outcome.assessments)
        return bool(self.assessments)

    def clear(self):
        self.show_assessments([])
        self.builtup_frame = None
        self.overlay.clear()

    def show_assessments(self, assessments: List[SiteAssessment]):
        self.assessments = list(assessments)
        self.site_chooser.blockSignals(True)
        self.site_chooser.clear()
        for assessment in self.assessments:
            text = assessment.name or str(assessment.site_id)
            self.site_chooser.addItem(f"{assessment.site_id} – {text}" if assessment.name else text)
        self.site_chooser.blockSignals(False)
        self.site_chooser.setVisible(len(self.assessments) > 1)
        self.set_buttons_enabled(bool(self.assessments))
        if self.assessments:
            self.site_chooser.setCurrentIndex(0)
            self.show_chosen_site(0)

    def current_assessment(self) -> Optional[SiteAssessment]:
        if not self.assessments:
            return None
        index = max(self.site_chooser.currentIndex(), 0)
        return self.assessments[min(index, len(self.assessments) - 1)]

    def show_chosen_site(self, _index=None):
        assessment = self.current_assessment()
        if assessment is None:
            return
        parts = []
        if self.is_out_of_date():
            parts.append(card.render_message(tr(
                "Out of date: the layers, fields or settings have changed since this "
                "assessment. Assess the site again."), error=True))
        if len(self.assessments) > 1:
            parts.append(card.render_summary(self.assessments))
            parts.append("<hr/>")
        drawn_zone = self.overlay.show(assessment, self.builtup_frame)
        hint = tr("Dashed line on the map: the edge distance around the built-up area.") if drawn_zone else ""
        parts.append(card.render_card(assessment, map_hint=hint))
        self.card.setHtml("\n".join(parts))

    def set_buttons_enabled(self, enabled: bool):
        for button in self.buttons:
            button.setEnabled(enabled)

    def is_out_of_date(self) -> bool:
        return bool(self.assessments) and self.assessed_with is not None and \
            self.assessed_with != self.choices.inputs_signature()

    def inputs_changed(self):
        """Marks the card out of date (and keeps it from being added or exported) once
        the layers, fields or settings it was computed with have changed."""
        if self.assessments:
            self.set_buttons_enabled(not self.is_out_of_date())
            self.show_chosen_site()

    # ------------------------------------------------------------------ layers and reports

    def add_to_layer(self):
        if not self.assessments:
            return
        target = self.target_combo.currentLayer()
        by_kind: Dict[str, List[SiteAssessment]] = {}
        for assessment in self.assessments:
            by_kind.setdefault(results_layer.geometry_kind(assessment), []).append(assessment)
        added = 0
        for kind, assessments in by_kind.items():
            layer = target
            if layer is None or not isinstance(layer, QgsVectorLayer) or not results_layer.compatible(layer, kind):
                if target is not None:
                    self.notify(tr("Layer '{0}' cannot hold these sites (other geometry "
                                   "type); they went to a new layer.").format(target.name()))
                layer = results_layer.new_results_layer(kind, assessments)
                QgsProject.instance().addMapLayer(layer)
                if target is None:
                    self.target_combo.setLayer(layer)
            try:
                added += results_layer.add_assessments(layer, assessments)
            except RuntimeError as error:
                self.notify(tr("Could not add to layer '{0}': {1}").format(layer.name(), error), error=True)
        self.notify(tr("{0} site(s) added to the results layer.").format(added))

    def export_report(self):
        exporter = site_report_exporter()
        if exporter is not None and self.assessments:
            exporter(self)

    def site_report_parameters(self) -> Dict[str, object]:
        """The site report export's parameters for the assessed sites, with the panel's
        layers and fields and the rule values, scenario and norm set the assessment used.
        The assessed sites become the selection of their layer (drawn sites: of the layer
        'Drawn sites', made when needed)."""
        if self.assessed_source is None:
            return {}
        # What the assessment on the card was computed with (``inputs_signature``); the rule
        # values as its rows record them.
        _layers, _fields, rules, scenario_key, norm_set = \
            self.assessed_with or self.choices.inputs_signature()
        used = self.assessments[0] if self.assessments else None
        edge_distance = used.value("edge_distance_m", rules.edge_distance_m) if used else rules.edge_distance_m
        min_share = used.value("min_inside_share", rules.min_inside_share) if used else rules.min_inside_share
        layer, ids = self.assessed_source
        if layer == "drawn":
            layer, ids = self._store_drawn_sites()
            self.assessed_source = (layer, ids)
        if layer is None or sip.isdeleted(layer):
            return {}
        layer.selectByIds(list(ids))
        drawn = layer is self._drawn_layer
        field = (lambda role: None) if drawn else self.field   # a drawn site has no plan fields
        report = ExportSiteReportsAlgorithm
        parameters: Dict[str, object] = {
            report.SITES: QgsProcessingFeatureSourceDefinition(layer.id(), True),
            report.SITE_ID_FIELD: "site_id" if drawn else self.field("site_id"),
            report.SITE_NAME_FIELD: "name" if drawn else self.field("site_name"),
            report.STAY_FIELD: field("site_stay"),
        }
        municipalities = self.layer("municipalities")
        parameters.update(report.CLASSIFICATION.values(
            builtup=self.layer("builtup").id() if self.layer("builtup") else None,
            kern_name_field=self.field("kern_name"),
            rules=ClassificationParameters(edge_distance, min_share),
            municipalities=municipalities.id() if municipalities is not None else None,
            fields=None if municipalities is None else MunicipalityFields(
                self.field("municipality_code"), self.field("municipality_name"), self.field("region"))))
        if drawn:
            parameters.update(report.NORMS.values(check=False))
        else:
            names = available_norm_sets(user_norms_folder())
            parameters.update(report.NORMS.values(
                check=bool(self.field("planned_beds")),
                norm_set=names.index(norm_set if norm_set in names else settings.norm_set(names)),
                plan_fields={key: self.field(role) for key, role in PLAN_FIELD_ROLES.items()}))
        migrants = self.layer("migrants")
        if municipalities is not None and migrants is not None:
            accommodations = self.layer("accommodations")
            parameters.update(report.CONTEXT.values(
                True, migrants=migrants.id(),
                migrant_fields=dict(code=self.field("migrants_code"), year=self.field("migrants_year"),
                                    count=self.field("migrants_count")),
                accommodations=accommodations.id() if accommodations is not None else None,
                accommodation_fields=None if accommodations is None else AccommodationFields(
                    name=self.field("accommodation_name"), status=self.field("status"),
                    stay=self.field("accommodation_stay"), beds=self.field("beds")),
                scenario=scenario_key, inhabitants_field=self.field("inhabitants"),
                planned_beds_field=field("planned_beds"), stay_field=field("site_stay")))
        return {name: value for name, value in parameters.items() if value is not None}

    def _source_of(self, source, assessments):
        """(layer, feature ids) of the assessed sites; a drawn site is stored in the layer
        of drawn sites only when a report is asked for (see site_report_parameters)."""
        if source is None or source[0] != "drawn":
            return source
        self._pending_drawn = (source, assessments)
        return ("drawn", None)

    def _store_drawn_sites(self):
        """Adds the assessed drawn sites to the layer of drawn sites; (layer, their ids)."""
        _, assessments = self._pending_drawn
        layer = self._drawn_sites_layer()
        features = []
        for assessment in assessments:
            if assessment.geometry is None:
                continue
            feature = QgsFeature(layer.fields())
            feature.setAttributes([str(assessment.site_id), assessment.name, None, None, None])
            geometry = QgsGeometry()
            geometry.fromWkb(assessment.geometry.wkb)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            features.append(feature)
        _, added = layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        layer.triggerRepaint()
        return layer, [feature.id() for feature in added]

    def _drawn_sites_layer(self) -> QgsVectorLayer:
        """The project's memory layer of drawn sites (made when needed), for the report."""
        layer = self._drawn_layer
        if layer is None or sip.isdeleted(layer) or QgsProject.instance().mapLayer(layer.id()) is None:
            # With the plan fields the report reads (empty: a drawn site has no plan yet).
            layer = QgsVectorLayer(
                f"MultiPolygon?crs={WORKING_CRS}&field=site_id:string&field=name:string"
                "&field=planned_beds:integer&field=stay_category:string&field=building_type:string",
                tr("Drawn sites"), "memory")
            QgsProject.instance().addMapLayer(layer)
            self._drawn_layer = layer
        return layer
