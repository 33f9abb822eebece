"""The assessed site on the map: its outline in its class colour, the edge zone around it
(dashed), and zooming to it."""
import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject,
                       QgsRectangle, QgsWkbTypes)
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...core.frames import WORKING_CRS
from ...core.site_assessment import SiteAssessment, edge_zone
from .. import card


class SiteOverlay:
    """Two rubber bands on the canvas: the site and the edge zone."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.highlight = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.highlight.setWidth(3)
        self.edge_band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.LineGeometry)
        self.edge_band.setColor(QColor(card.class_colour("edge")).darker(140))
        self.edge_band.setWidth(2)
        self.edge_band.setLineStyle(Qt.PenStyle.DashLine)

    def _to_canvas(self) -> QgsCoordinateTransform:
        return QgsCoordinateTransform(QgsCoordinateReferenceSystem(WORKING_CRS),
                                      self.canvas.mapSettings().destinationCrs(), QgsProject.instance())

    def show(self, assessment: SiteAssessment, builtup_frame) -> bool:
        """Outlines the site in its class colour and the edge zone around it, dashed;
        returns whether the edge zone is drawn."""
        self.edge_band.reset(QgsWkbTypes.GeometryType.LineGeometry)
        is_point = assessment.geometry is not None and assessment.geometry.geom_type in ("Point", "MultiPoint")
        kind = (QgsWkbTypes.GeometryType.PointGeometry if is_point
                else QgsWkbTypes.GeometryType.PolygonGeometry)
        self.highlight.reset(kind)
        if assessment.geometry is None:
            return False
        colour = QColor(card.class_colour(assessment.location_class))
        self.highlight.setStrokeColor(colour.darker(130))
        # Outline only, so the site's own style stays readable underneath.
        self.highlight.setFillColor(QColor(0, 0, 0, 0) if not is_point else colour)
        self.highlight.setIconSize(14)
        geometry = QgsGeometry()
        geometry.fromWkb(assessment.geometry.wkb)
        geometry.transform(self._to_canvas())
        self.highlight.setToGeometry(geometry, None)
        edge_distance = assessment.value("edge_distance_m")
        if builtup_frame is None or not edge_distance:
            return False
        zone = edge_zone(builtup_frame, assessment.geometry, float(edge_distance))
        if zone is None:
            return False
        outline = QgsGeometry()
        outline.fromWkb(shapely.boundary(zone).wkb)
        outline.transform(self._to_canvas())
        self.edge_band.setToGeometry(outline, None)
        return True

    def zoom_to(self, assessment: SiteAssessment) -> None:
        if assessment is None or assessment.geometry is None:
            return
        # Room for the edge distance and for the nearest built-up area, so the map shows why.
        margin = max(float(assessment.value("edge_distance_m") or 0.0),
                     float(assessment.value("distance_m") or 0.0)) * 1.2 + 100.0
        minx, miny, maxx, maxy = shapely.bounds(assessment.geometry)
        extent = QgsRectangle(minx - margin, miny - margin, maxx + margin, maxy + margin)
        self.canvas.setExtent(self._to_canvas().transformBoundingBox(extent))
        self.canvas.refresh()

    def clear(self) -> None:
        self.highlight.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.edge_band.reset(QgsWkbTypes.GeometryType.LineGeometry)

    def remove(self) -> None:
        """Takes the bands off the canvas (the panel is unloaded)."""
        self.clear()
        scene = self.canvas.scene()
        if scene is not None:
            scene.removeItem(self.highlight)
            scene.removeItem(self.edge_band)
