"""Processing algorithm: Check housing norms."""
from qgis.core import (QgsFields, QgsProcessing, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource)

from ...core.errors import InputError
from ...core.site_assessment import check_norms
from ...bridge.read import source_to_frame
from ...bridge.write import append_fields, write_frame
from ..base import FlexwonenAlgorithm
from ..parameters.norms import NormsBlock, verdict_counts


class CheckHousingNormsAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "checkhousingnorms"
    DISPLAY_NAME = "Check housing norms"
    GROUP_ID = "norms"
    HELP = (
        "Checks each plan (a candidate site or an accommodation) against a norm set (SNF, "
        "AKF 2024, AKF from 2026, or your own) with the Limburg provincial floor (at most one "
        "person per bedroom, at least 15 m² living area per person) always on top.\n\n"
        "Input: points, polygons or a table with the plan's numbers. Map the fields: beds "
        "(planned_beds or beds), bedrooms, living area (m²), bedroom area (optional: a total "
        "in m², or the area of each bedroom as text such as '9;9;12'), toilets, showers and "
        "housing type (optional: lodging/logies or dwelling/woning, for SNF's 10 and 12 m²).\n"
        "Norm set: the built-in sets and your own files from the folder "
        "<QGIS profile>/flexwonen_limburg/norms (or the folder named by the environment "
        "variable FLEXWONEN_NORMS_FOLDER); or pick one JSON file directly.\n\n"
        "Per rule the output has a field norm_<rule id> with pass, fail or unknown. A value "
        "exactly at the threshold passes; missing or unusable data (text in a number field) "
        "makes a rule unknown, never a pass. norms_verdict is fail when any rule fails, else "
        "unknown when any rule is unknown, else pass. norms_max_beds is the largest number "
        "of beds that meets every rule with known data (norms_max_beds_complete: whether "
        "that was every rule) and norms_binding_rule the rule that limits it. Reasons are "
        "given in English (norms_reasons_en) and Dutch (norms_reasons_nl); unusable values "
        "are listed in norms_data_issues and in the log. The input is not changed."
    )

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    NORMS = NormsBlock(INPUT)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Candidate sites or accommodations"),
            [QgsProcessing.SourceType.TypeVector]))
        self.NORMS.add(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Norm check")))

    def compute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise InputError("no input layer given", layer=self.tr("Candidate sites or accommodations"))
        name = self.layer_name(parameters, self.INPUT, context, self.tr("plans"))
        progress = self.progress_for(feedback)
        frame = source_to_frame(source, name, feedback=feedback)
        if frame.empty:
            raise InputError("the layer has no features", layer=name)
        choice = self.NORMS.read(self, parameters, context)
        self.NORMS.require_fields(choice, frame.columns, name)
        result = check_norms(frame, choice, layer=name, progress=progress.scaled(5, 85))
        self.NORMS.report(feedback, result, name)

        fields = QgsFields()
        for field in source.fields():
            if field.name().lower() != "fid":
                fields.append(field)
        output, fields, renamed = append_fields(frame, fields, result.frame, result.columns, fields.names())
        self.report_renamed_fields(feedback, name, renamed)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             source.wkbType(), source.sourceCrs())
        write_frame(output, sink, fields)
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Verdicts: {0}").format(verdict_counts(result.frame)))
        return {self.OUTPUT: dest_id}
