"""The site assessment panel ("Locatietoets"), split by job: the dock (widgets and
wiring), the layer and field choices, the site tools, the runner, the overlay on the
map and the results."""
from .dock import SiteAssessmentDock

__all__ = ["SiteAssessmentDock"]
