"""Processing algorithm: Classify candidate sites by built-up area."""
from qgis.core import (QgsCoordinateReferenceSystem, QgsFields, QgsProcessingParameterFeatureSink,
                       QgsWkbTypes)

from ...core import terms
from ...core.site_assessment import assess
from ...bridge.values import kind_of
from ...bridge.write import append_fields
from ...bridge.language import user_language
from ..base import FlexwonenAlgorithm
from ..parameters.classification import ClassificationBlock
from ..parameters.site_context import SiteContextBlock
from ..parameters.sites import SITE_ID_FIELD, SITES, SitesBlock
from ..parameters.norms import NormsBlock, report_verdicts
from ..outputs.styling import style_on_load

RESULT_FIELDS = (
    ("site_id", "string"), ("location_class", "string"), ("location_label", "string"),
    ("inside_share", "double"), ("distance_m", "double"), ("nearest_kern", "string"),
    ("gm_code", "string"), ("gm_name", "string"), ("region", "string"),
    ("municipality_share", "double"), ("straddles_municipalities", "bool"),
    ("edge_distance_m", "double"), ("min_inside_share", "double"),
    ("rules_version", "string"), ("remarks", "string"),
)


class ClassifySitesAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "classifysites"
    DISPLAY_NAME = "Classify candidate sites by built-up area"
    GROUP_ID = "location"
    HELP = (
        "Classifies each candidate site (point or polygon) as inside, at the edge of, or "
        "outside the existing built-up area.\n\n"
        "Rule: a site is inside when at least the minimum share of its area lies inside the "
        "built-up area (a point: when it lies inside or on the boundary); at the edge when it "
        "is not inside but overlaps, touches or lies within the edge distance of the built-up "
        "area; outside otherwise.\n\n"
        "Candidate sites: points or polygons in any CRS; all measurements are made in "
        "EPSG:28992 (RD New).\n"
        "Site id field: the field that identifies a site in the output (default: feature id).\n"
        "Built-up area: polygons of the existing built-up area ('kernen').\n"
        "Kern name field: the field with the kern's name, reported as the nearest kern.\n"
        "Edge distance (m): sites within this distance of the built-up area are edge sites.\n"
        "Minimum inside share: share of a site's area (0–1) that must lie inside for 'inside'.\n"
        "Municipalities (optional): adds the municipality holding the largest part of each "
        "site, with a flag when the site straddles municipalities.\n"
        "Municipality code, name and region fields: the fields of the municipalities layer "
        "copied to each site.\n\n"
        "The defaults of the edge distance (250 m) and the minimum inside share (0.9) can be "
        "changed in Settings › Options › Flexwonen Limburg.\n\n"
        "Invalid geometries are repaired and noted in 'remarks'; sites without a usable "
        "geometry get no class and a remark. The output keeps the input attributes and adds "
        "the result fields (location_class, location_label, inside_share, distance_m, "
        "nearest_kern, gm_code, gm_name, region, ...), including the parameters and rules "
        "version used."
    )

    SITES = SITES
    SITE_ID_FIELD = SITE_ID_FIELD
    SITE_INPUTS = SitesBlock()
    CLASSIFICATION = ClassificationBlock()
    OUTPUT = "OUTPUT"
    CONTEXT = SiteContextBlock(SITES)
    NORMS = NormsBlock(SITES, optional=True)

    def initAlgorithm(self, config=None):
        self.SITE_INPUTS.add(self)
        self.CLASSIFICATION.add(self)
        # Site context (optional, advanced): concentration and housing gap before/after.
        self.CONTEXT.add(self)
        # Housing norms (optional block): CHECK_NORMS, NORM_SET and the field mapping.
        self.NORMS.add(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Classified sites")))

    def compute(self, parameters, context, feedback):
        given = self.SITE_INPUTS.read(self, parameters, context)
        sites_source, sites_name, site_id_field = given.source, given.layer, given.id_field
        progress = self.progress_for(feedback)

        feedback.pushInfo(self.tr("Reading layers…"))
        sites = self.read_layer(parameters, self.SITES, context, feedback, sites_source, sites_name)

        def read(name, source, layer, fields):
            return self.read_layer(parameters, name, context, feedback, source, layer, fields)

        inputs = self.CLASSIFICATION.read(self, parameters, context, read,
                                         self.CONTEXT.municipal_fields(self, parameters, context))
        choice = self.NORMS.read(self, parameters, context)
        if choice is not None:
            self.NORMS.require_fields(choice, sites.columns, sites_name)
        inputs = self.CONTEXT.read(self, parameters, context, feedback, inputs.with_norms(choice))
        self.CONTEXT.require_fields(inputs, sites, sites_name)
        feedback.pushInfo(self.tr("Classifying {0} sites…").format(len(sites)))
        assessed = assess(sites, inputs, site_id_field=site_id_field, sites_layer=sites_name,
                          progress=progress.scaled(0, 95))
        result = assessed.sites

        language = user_language()
        result["location_label"] = terms.location_classes(result["location_class"], language)
        output_frame, output_fields, renamed = _with_input_attributes(result, sites, site_id_field,
                                                                      sites_source)
        input_names = [name for name in sites_source.fields().names() if name.lower() != "fid"]
        # Site context (optional block, see processing/parameters/site_context.py).
        if assessed.context is not None:
            self.CONTEXT.report(feedback, assessed.context)
            output_frame, output_fields, more = self.CONTEXT.append(
                output_frame, output_fields, assessed.context, input_names)
            renamed.update(more)
        # Housing norms (optional block): the same core call as 'Check housing norms'.
        if assessed.norms is not None:
            self.NORMS.report(feedback, assessed.norms, sites_name)
            report_verdicts(feedback, assessed.norms)
            output_frame, output_fields, more = append_fields(
                output_frame, output_fields, assessed.norms.frame, assessed.norms.columns, input_names)
            renamed.update(more)
        self.report_renamed_fields(feedback, sites_name, renamed)
        geometry_type = QgsWkbTypes.flatType(sites_source.wkbType())
        multipart = QgsWkbTypes.geometryType(geometry_type) == QgsWkbTypes.GeometryType.PolygonGeometry
        if multipart:
            geometry_type = QgsWkbTypes.multiType(geometry_type)
        dest_id = self.write_sink(parameters, self.OUTPUT, context, output_frame, output_fields,
                                  geometry_type, QgsCoordinateReferenceSystem("EPSG:28992"),
                                  feedback=feedback, multipart=multipart)
        style_on_load(context, dest_id,
                      "classified_sites.qml" if multipart else "classified_sites_points.qml")
        feedback.setProgress(100)
        for location_class in ("inside", "edge", "outside"):
            feedback.pushInfo(f"{terms.location_class(location_class, language)}: "
                              f"{int((result['location_class'] == location_class).sum())}")
        return {self.OUTPUT: dest_id}


def _with_input_attributes(result, sites, site_id_field, source):
    """The input's own attributes, all kept as they were, then ours (prefixed where
    they share a name with the input's: ``bridge.write.append_fields``)."""
    kept = QgsFields()
    for field in source.fields():
        if field.name().lower() != "fid":
            kept.append(field)
    frame = result[[result.geometry.name]].copy()
    for field in kept:
        frame[field.name()] = sites[field.name()].values
    id_kind = "string"
    if site_id_field:
        id_kind = kind_of(sites[site_id_field].dtype)
    elif len(result):
        id_kind = "int"
    # An id field called site_id is already our site_id: not written twice.
    same_id = bool(site_id_field) and site_id_field.lower() == "site_id"
    spec = [(name, id_kind if name == "site_id" else kind) for name, kind in RESULT_FIELDS
            if not (same_id and name == "site_id")]
    return append_fields(frame, kept, result, spec, kept.names())
