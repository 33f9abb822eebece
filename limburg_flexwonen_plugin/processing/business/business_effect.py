"""Processing algorithm: Housing effect of a business (huisvestingseffectrapportage)."""
import datetime

from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsWkbTypes)

from ...core.business_effect import (ALLOCATION_FIELDS, ALLOCATION_METHODS, BORDER_CHOICES,
                                     BUSINESS_FIELDS, DECAY_FUNCTIONS, GAP_EFFECT_FIELDS,
                                     PHASING_FIELDS, PHASING_METHODS, REACH_FIELDS,
                                     AllocationSettings, BusinessDefaults, BusinessFields, Reach,
                                     compute_business_effect, default_value, load_effect_document,
                                     load_sector_table, read_businesses, sector_table_from_frame)
from ...core.errors import InputError
from ...core.housing_gap import DemandModel, write_csv
from ...bridge.read import source_to_frame, table_to_frame
from ...bridge.values import make_fields
from ...bridge.write import write_frame
from ..base import FlexwonenAlgorithm
from ...layouts.business_effect_report import write_reports
from ..outputs.run_outputs import whole_numbers
from ..outputs.styling import style_on_load
from ..parameters.gap import GapInputs


class BusinessEffectAlgorithm(FlexwonenAlgorithm):
    ALGORITHM_ID = "businesseffect"
    DISPLAY_NAME = "Housing effect of a business"
    GROUP_ID = "business"
    HELP = (
        "How many beds for labour migrants a new or growing business needs, in which years, "
        "where (in which municipalities) and what that does to the housing gap: the "
        "calculator behind the housing effect report ('huisvestingseffectrapportage').\n\n"
        "Businesses: points or polygons; several features are several businesses, giving one "
        "combined effect and per-business rows and reports. Jobs now and at full operation "
        "and their years, the phasing steps and the share of labour migrants come from fields "
        "of the layer or from the values typed in here (a field value wins).\n"
        "Extra labour migrants = (jobs in a year − jobs now) × persons per job × share of "
        "labour migrants: only the growth counts. Share: the share field, else the sector "
        "table (sector field; the shipped table is empty until sourced figures are added), "
        "else the share typed in.\n"
        "Extra beds = extra labour migrants × share per stay category ÷ persons per bed, in "
        "whole beds (the housing gap model's rounding). Phasing: linear from the current year "
        "to full operation, or steps 'year: jobs; year: jobs' (the last step is full "
        "operation).\n"
        "Reach: a commuting radius (km), or distance bands 'from-to: weight' such as "
        "'0-10: 1; 10-20: 0.5'. Distance: straight line from the business to each "
        "municipality's nearest built-up area (with a built-up layer), else to its centroid.\n"
        "Allocation over the municipalities within reach: distance decay (exp(−d/d0) or "
        "1/d²), population, or available planned supply (permitted and planned beds), times "
        "the band weight; whole beds per stay category by largest remainder, so the allocated "
        "beds add up exactly to the demand. Demand that cannot be placed (a reach without "
        "municipalities, e.g. in Germany or Belgium; no planned supply within reach; with "
        "'by area', the share of the reach across the border) is reported, never dropped "
        "silently.\n"
        "Gap before and after: the housing gap model (municipalities, labour-migrant table, "
        "accommodations, scenario), with the placed beds added to the demand.\n\n"
        "Outputs: the businesses with their effect (and a combined row), the extra beds per "
        "year (table and CSV), the allocation per business and municipality, the gap per "
        "municipality and per region after the effect (with the figures before), the reach, "
        "and a one-page PDF report per business in the report folder."
    )

    BUSINESSES = "BUSINESSES"
    BUSINESS_ID_FIELD = "BUSINESS_ID_FIELD"
    BUSINESS_NAME_FIELD = "BUSINESS_NAME_FIELD"
    JOBS_NOW = "JOBS_NOW"
    JOBS_NOW_FIELD = "JOBS_NOW_FIELD"
    YEAR_NOW = "YEAR_NOW"
    YEAR_NOW_FIELD = "YEAR_NOW_FIELD"
    JOBS_FULL = "JOBS_FULL"
    JOBS_FULL_FIELD = "JOBS_FULL_FIELD"
    YEAR_FULL = "YEAR_FULL"
    YEAR_FULL_FIELD = "YEAR_FULL_FIELD"
    PHASING = "PHASING"
    STEPS = "STEPS"
    STEPS_FIELD = "STEPS_FIELD"
    MIGRANT_SHARE = "MIGRANT_SHARE"
    MIGRANT_SHARE_FIELD = "MIGRANT_SHARE_FIELD"
    SECTOR_FIELD = "SECTOR_FIELD"
    SECTOR_TABLE = "SECTOR_TABLE"
    PERSONS_PER_JOB = "PERSONS_PER_JOB"
    BUSINESS_SHARE_SHORT = "BUSINESS_SHARE_SHORT"
    BUSINESS_SHARE_MID = "BUSINESS_SHARE_MID"
    BUSINESS_SHARE_LONG = "BUSINESS_SHARE_LONG"
    RADIUS_KM = "RADIUS_KM"
    BANDS = "BANDS"
    ALLOCATION = "ALLOCATION"
    DECAY = "DECAY"
    DECAY_KM = "DECAY_KM"
    MIN_DISTANCE_KM = "MIN_DISTANCE_KM"
    BORDER = "BORDER"

    BUSINESSES_OUTPUT = "BUSINESSES_OUTPUT"
    PHASING_OUTPUT = "PHASING_OUTPUT"
    ALLOCATION_OUTPUT = "ALLOCATION_OUTPUT"
    MUNICIPALITIES_OUTPUT = "MUNICIPALITIES_OUTPUT"
    REGIONS_OUTPUT = "REGIONS_OUTPUT"
    REACH_OUTPUT = "REACH_OUTPUT"
    CSV_OUTPUT = "CSV_OUTPUT"
    REPORT_FOLDER = "REPORT_FOLDER"
    DATA_SOURCES = "DATA_SOURCES"
    TOTAL_BEDS = "TOTAL_BEDS"
    PLACED_BEDS = "PLACED_BEDS"
    UNPLACED_BEDS = "UNPLACED_BEDS"
    EXTRA_MIGRANTS = "EXTRA_MIGRANTS"
    MESSAGE = "MESSAGE"
    REPORTS = "REPORTS"
    SCENARIO_TITLE = "SCENARIO_TITLE"
    # The housing gap model's inputs, its parameters under Advanced; no demand table.
    GAP_INPUTS = GapInputs(demand_table=False, advanced_model=True)

    def initAlgorithm(self, config=None):
        document = load_effect_document()
        gap_defaults = DemandModel.defaults()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUSINESSES, self.tr("Business location(s)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]))
        self._field(self.BUSINESS_ID_FIELD, self.tr("Business id field (default: feature id)"))
        self._field(self.BUSINESS_NAME_FIELD, self.tr("Business name field"))
        self._number(self.JOBS_NOW, self.tr("Jobs now (0 for a new business)"), 0.0)
        self._field(self.JOBS_NOW_FIELD, self.tr("Jobs now: field (wins over the value)"), numeric=True)
        self._number(self.YEAR_NOW, self.tr("Current year"), datetime.date.today().year, integer=True,
                     minimum=1900, maximum=2100)
        self._field(self.YEAR_NOW_FIELD, self.tr("Current year: field"), numeric=True)
        self._number(self.JOBS_FULL, self.tr("Jobs at full operation"), None)
        self._field(self.JOBS_FULL_FIELD, self.tr("Jobs at full operation: field"), numeric=True)
        self._number(self.YEAR_FULL, self.tr("Year of full operation"), None, integer=True,
                     minimum=1900, maximum=2100)
        self._field(self.YEAR_FULL_FIELD, self.tr("Year of full operation: field"), numeric=True)
        self.addParameter(QgsProcessingParameterEnum(
            self.PHASING, self.tr("Phasing"),
            options=[self.tr("Linear from the current year to full operation"),
                     self.tr("Steps (below); without steps all jobs arrive at full operation")],
            defaultValue=PHASING_METHODS.index(document["choices"]["phasing"]["default"])))
        self.addParameter(QgsProcessingParameterString(
            self.STEPS, self.tr("Phasing steps 'year: jobs; year: jobs' (the last is full operation)"),
            optional=True))
        self._field(self.STEPS_FIELD, self.tr("Phasing steps: field"))
        self._number(self.MIGRANT_SHARE, self.tr("Share of labour migrants among the extra jobs (%)"),
                     None, minimum=0.0, maximum=100.0)
        self._field(self.MIGRANT_SHARE_FIELD, self.tr("Share of labour migrants (%): field"), numeric=True)
        self._field(self.SECTOR_FIELD, self.tr("Sector field (share from the sector table)"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SECTOR_TABLE, self.tr("Sector table (sector, labour_migrant_share_pct, source; "
                                       "default: the shipped table)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self._number(self.PERSONS_PER_JOB, self.tr("Persons per job"),
                     default_value("persons_per_job", document), minimum=0.1, maximum=5.0)
        for key, label, value in (
                (self.BUSINESS_SHARE_SHORT, self.tr("Business's labour migrants in short stay (%)"),
                 gap_defaults.share_short),
                (self.BUSINESS_SHARE_MID, self.tr("Business's labour migrants in mid stay (%)"),
                 gap_defaults.share_mid),
                (self.BUSINESS_SHARE_LONG, self.tr("Business's labour migrants in long stay (%)"),
                 gap_defaults.share_long)):
            self._number(key, label, value * 100.0, minimum=0.0, maximum=100.0)
        self._number(self.RADIUS_KM, self.tr("Commuting radius (km)"), default_value("radius_km", document),
                     minimum=0.1, maximum=200.0)
        self.addParameter(QgsProcessingParameterString(
            self.BANDS, self.tr("Distance bands 'from-to: weight' in km, e.g. '0-10: 1; 10-20: 0.5' "
                                "(replaces the radius)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ALLOCATION, self.tr("Allocation over the municipalities within reach"),
            options=[self.tr("Distance decay"), self.tr("Population (inhabitants)"),
                     self.tr("Available planned supply (permitted and planned beds)")],
            defaultValue=ALLOCATION_METHODS.index(document["choices"]["allocation"]["default"])))
        self.addParameter(QgsProcessingParameterEnum(
            self.DECAY, self.tr("Distance decay function"),
            options=[self.tr("Exponential exp(−d / d0)"), self.tr("Inverse square 1 / d²")],
            defaultValue=DECAY_FUNCTIONS.index(document["choices"]["decay"]["default"])))
        self._number(self.DECAY_KM, self.tr("Decay distance d0 (km)"), default_value("decay_km", document),
                     minimum=0.1, maximum=200.0)
        self._number(self.MIN_DISTANCE_KM, self.tr("Inverse square: minimum distance (km)"),
                     default_value("min_distance_km", document), minimum=0.01, maximum=50.0,
                     advanced=True)
        self.addParameter(QgsProcessingParameterEnum(
            self.BORDER, self.tr("Reach outside the municipalities (across the border)"),
            options=[self.tr("Place all demand in the municipalities within reach"),
                     self.tr("By area: that share of the demand is housed there (not placed)")],
            defaultValue=BORDER_CHOICES.index(document["choices"]["border"]["default"])))

        self.GAP_INPUTS.add(self)

        self.addParameter(QgsProcessingParameterFeatureSink(
            self.BUSINESSES_OUTPUT, self.tr("Housing effect per business")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.PHASING_OUTPUT, self.tr("Extra beds per year"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ALLOCATION_OUTPUT, self.tr("Beds per business and municipality")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.MUNICIPALITIES_OUTPUT, self.tr("Housing gap per municipality with the effect")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REGIONS_OUTPUT, self.tr("Housing gap per region with the effect")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REACH_OUTPUT, self.tr("Reach of the businesses"), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV_OUTPUT, self.tr("Extra beds per year (CSV)"), self.tr("CSV files (*.csv)"),
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterString(
            self.DATA_SOURCES, self.tr("Your own data sources (printed on the reports after those named in the layers)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.REPORT_FOLDER, self.tr("Folder for the PDF reports (one page per business)"),
            optional=True, createByDefault=False))
        for name, label in ((self.TOTAL_BEDS, self.tr("Extra beds at full operation")),
                            (self.PLACED_BEDS, self.tr("Beds placed in municipalities")),
                            (self.UNPLACED_BEDS, self.tr("Beds that could not be placed")),
                            (self.EXTRA_MIGRANTS, self.tr("Extra labour migrants at full operation"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString(self.MESSAGE, self.tr("Messages")))
        self.addOutput(QgsProcessingOutputString(self.REPORTS, self.tr("PDF reports")))
        self.addOutput(QgsProcessingOutputString(self.SCENARIO_TITLE, self.tr("Scenario and year")))

    # ------------------------------------------------------------------ parameter helpers

    def _field(self, key, label, numeric=False):
        kind = QgsProcessingParameterField.DataType.Numeric if numeric else \
            QgsProcessingParameterField.DataType.Any
        self.addParameter(QgsProcessingParameterField(
            key, label, parentLayerParameterName=self.BUSINESSES, type=kind, optional=True))

    def _number(self, key, label, default, integer=False, minimum=0.0, maximum=1e9, advanced=False):
        kind = QgsProcessingParameterNumber.Type.Integer if integer else \
            QgsProcessingParameterNumber.Type.Double
        parameter = QgsProcessingParameterNumber(key, label, kind, defaultValue=default,
                                                 optional=default is None, minValue=minimum,
                                                 maxValue=maximum)
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def _optional_number(self, parameters, key, context):
        value = parameters.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.parameterAsDouble(parameters, key, context)

    def _string(self, parameters, key, context):
        return self.parameterAsString(parameters, key, context) or None

    # ------------------------------------------------------------------ the run

    def compute(self, parameters, context, feedback):
        progress = self.progress_for(feedback)
        document = load_effect_document()
        source = self.parameterAsSource(parameters, self.BUSINESSES, context)
        if source is None:
            raise InputError("no business layer given", layer=self.tr("Business location(s)"))
        business_layer = self.layer_name(parameters, self.BUSINESSES, context, self.tr("businesses"))
        fields = BusinessFields(*[self._string(parameters, key, context) for key in (
            self.BUSINESS_ID_FIELD, self.BUSINESS_NAME_FIELD, self.JOBS_NOW_FIELD,
            self.JOBS_FULL_FIELD, self.YEAR_NOW_FIELD, self.YEAR_FULL_FIELD,
            self.MIGRANT_SHARE_FIELD, self.SECTOR_FIELD, self.STEPS_FIELD)])
        share = self._optional_number(parameters, self.MIGRANT_SHARE, context)
        year_full = self._optional_number(parameters, self.YEAR_FULL, context)
        defaults = BusinessDefaults(
            jobs_now=self._optional_number(parameters, self.JOBS_NOW, context),
            jobs_full=self._optional_number(parameters, self.JOBS_FULL, context),
            year_now=int(self.parameterAsInt(parameters, self.YEAR_NOW, context)),
            year_full=int(year_full) if year_full is not None else None,
            migrant_share=share / 100.0 if share is not None else None,
            phasing=PHASING_METHODS[self.parameterAsEnum(parameters, self.PHASING, context)],
            steps=self._string(parameters, self.STEPS, context),
            persons_per_job=self.parameterAsDouble(parameters, self.PERSONS_PER_JOB, context))
        sectors = self._sector_table(parameters, context)
        frame = source_to_frame(source, business_layer, feedback=feedback)
        businesses, warnings = read_businesses(frame, fields, defaults, sectors, business_layer)
        progress.report(5)

        bands = self._string(parameters, self.BANDS, context)
        reach = Reach.parse(bands) if bands else \
            Reach.radius(self.parameterAsDouble(parameters, self.RADIUS_KM, context))
        settings = AllocationSettings(
            ALLOCATION_METHODS[self.parameterAsEnum(parameters, self.ALLOCATION, context)],
            DECAY_FUNCTIONS[self.parameterAsEnum(parameters, self.DECAY, context)],
            self.parameterAsDouble(parameters, self.DECAY_KM, context),
            self.parameterAsDouble(parameters, self.MIN_DISTANCE_KM, context),
            BORDER_CHOICES[self.parameterAsEnum(parameters, self.BORDER, context)])
        settings.validate()

        inputs = self.GAP_INPUTS.read(self, parameters, context, feedback)
        model = inputs.model.model
        business_model = model.replace(
            share_short=self.parameterAsDouble(parameters, self.BUSINESS_SHARE_SHORT, context) / 100.0,
            share_mid=self.parameterAsDouble(parameters, self.BUSINESS_SHARE_MID, context) / 100.0,
            share_long=self.parameterAsDouble(parameters, self.BUSINESS_SHARE_LONG, context) / 100.0)
        business_model.validate()
        if inputs.accommodations.frame is None:
            feedback.pushWarning(self.tr("No accommodations layer given: the supply is 0 everywhere "
                                         "(and allocation by planned supply places nothing)."))
        if inputs.builtup is None:
            feedback.pushInfo(self.tr("No built-up area given: distances are measured to each "
                                      "municipality's centroid."))
        gap = inputs.housing_gap(progress.scaled(5, 40))
        warnings.extend(gap.warnings)
        result = compute_business_effect(
            businesses, gap, reach=reach, business_model=business_model, settings=settings,
            builtup=inputs.builtup_frame, builtup_layer=inputs.builtup_layer,
            municipalities_layer=inputs.municipalities.layer, document=document,
            progress=progress.scaled(40, 70))
        for warning in warnings:
            feedback.pushWarning(warning)
        for warning in result.warnings:
            feedback.reportError(warning, fatalError=False)

        outputs = self._write_layers(parameters, context, result, source)
        progress.report(80)
        csv_path = self.parameterAsFileOutput(parameters, self.CSV_OUTPUT, context)
        if csv_path:
            write_csv(result.phasing, csv_path)
            outputs[self.CSV_OUTPUT] = csv_path
        folder = self.parameterAsFileOutput(parameters, self.REPORT_FOLDER, context)
        reports = {}
        if folder:
            feedback.pushInfo(self.tr("Writing the PDF reports…"))
            reports = write_reports(result, folder, progress=progress.scaled(80, 100),
                                    sources=self._string(parameters, self.DATA_SOURCES, context),
                                    credits=self.source_credits())
            outputs[self.REPORT_FOLDER] = folder
        for effect in result.effects:
            business = effect.business
            feedback.pushInfo(self.tr("{0}: {1:,.0f} extra labour migrants, {2} extra beds (short {3}, "
                                      "mid {4}, long {5}); placed {6}, not placed {7}").format(
                business.label, effect.phasing["extra_migrants"].iloc[-1], effect.total,
                *[int(v) for v in effect.demand], int(effect.placed.sum()), int(effect.unplaced.sum())))
        outputs.update({
            self.TOTAL_BEDS: float(result.total), self.PLACED_BEDS: float(result.placed),
            self.UNPLACED_BEDS: float(result.unplaced), self.EXTRA_MIGRANTS: result.extra_migrants,
            self.MESSAGE: " ".join(result.warnings),
            self.REPORTS: ";".join(str(path) for path in reports.values()),
            self.SCENARIO_TITLE: gap.title,
        })
        progress.report(100)
        return outputs

    def _sector_table(self, parameters, context):
        source = self.parameterAsSource(parameters, self.SECTOR_TABLE, context)
        if source is None:
            return load_sector_table()
        layer = self.layer_name(parameters, self.SECTOR_TABLE, context, self.tr("sector table"))
        if source.featureCount() == 0:
            # A table the user picked but that holds nothing is a mistake, not "no sectors".
            raise InputError("the table has no rows; leave the sector table empty to use the "
                             "shipped one", layer=layer)
        return sector_table_from_frame(table_to_frame(source, layer), layer)

    def _write_layers(self, parameters, context, result, source):
        crs = QgsCoordinateReferenceSystem("EPSG:28992")
        polygon = QgsWkbTypes.Type.MultiPolygon
        point_input = QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
        scenario = result.gap.title
        specs = (
            (self.BUSINESSES_OUTPUT, result.businesses, BUSINESS_FIELDS,
             QgsWkbTypes.Type.MultiPoint if point_input else polygon,
             "business_points.qml" if point_input else "business_polygons.qml",
             self.tr("Housing effect per business")),
            (self.PHASING_OUTPUT, result.phasing, PHASING_FIELDS, QgsWkbTypes.Type.NoGeometry, None,
             self.tr("Extra beds per year")),
            (self.ALLOCATION_OUTPUT, result.allocation, ALLOCATION_FIELDS, polygon,
             "business_allocation.qml", self.tr("Beds per business and municipality")),
            (self.MUNICIPALITIES_OUTPUT, result.municipalities, GAP_EFFECT_FIELDS, polygon,
             "housing_gap.qml", self.tr("Housing gap per municipality with the effect – {0}").format(scenario)),
            (self.REGIONS_OUTPUT, result.regions, GAP_EFFECT_FIELDS, polygon, "housing_gap.qml",
             self.tr("Housing gap per region with the effect – {0}").format(scenario)),
            (self.REACH_OUTPUT, result.reach, REACH_FIELDS, polygon, "business_reach.qml",
             self.tr("Reach of the businesses")),
        )
        outputs = {}
        for key, frame, spec, geometry_type, style, name in specs:
            fields = make_fields(spec)
            sink, dest_id = self.parameterAsSink(parameters, key, context, fields, geometry_type, crs)
            if sink is None:
                continue
            write_frame(whole_numbers(frame, spec), sink, fields,
                        multipart=geometry_type != QgsWkbTypes.Type.NoGeometry)
            if style:
                style_on_load(context, dest_id, style, name)
            elif context.willLoadLayerOnCompletion(dest_id):
                context.layerToLoadOnCompletionDetails(dest_id).name = name
            outputs[key] = dest_id
        return outputs

