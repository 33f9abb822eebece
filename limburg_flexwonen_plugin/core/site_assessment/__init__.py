"""The site assessment: one pipeline (``assess``) for the panel's cards, Processing's
"Classify" and the site report; its result model, the card's sections and the geometry
of the rule for maps."""
from .assess import assess, assess_sites, check_norms
from .geometry import edge_zone
from .model import (CLASS, CONTEXT, COUNT, FLAG, INTERACTIVE_BATCH_SIZE, KIND_FIELD_TYPES, METRES,
                    NUMBER, SHARE, TEXT, VERDICT, AssessmentInputs, AssessmentResult, ContextResult,
                    MigrantFields, NormChoice, NormResult, Row, Section, SiteAssessment)
from .sections import GAP_CLASS_TEXTS, SECTION_BUILDERS, STAY_TEXTS, VERDICT_TEXTS
