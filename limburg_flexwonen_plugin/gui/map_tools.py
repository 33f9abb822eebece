"""Map tools of the site assessment panel: click a site, or draw a new site polygon."""
from typing import List

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsMapToolIdentifyFeature, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor


class ClickSiteTool(QgsMapToolIdentifyFeature):
    """Identifies the site under the cursor on the chosen sites layer.

    Emits ``siteClicked(feature id)``; ``nothingFound`` when the click hit no site.
    """
    siteClicked = pyqtSignal(int)
    nothingFound = pyqtSignal()

    def __init__(self, canvas, layer=None):
        super().__init__(canvas, layer)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self._hit = False
        # The QgsFeatureId overload of the signal (the QgsFeature one is the default).
        self.featureIdentified['QgsFeatureId'].connect(self._identified)

    def _identified(self, feature_id):
        self._hit = True
        self.siteClicked.emit(int(feature_id))

    def canvasReleaseEvent(self, event):  # noqa: N802 (QGIS's name)
        self._hit = False
        super().canvasReleaseEvent(event)
        if not self._hit:
            self.nothingFound.emit()


class DrawSiteTool(QgsMapTool):
    """Draws a site polygon: left-click adds a corner, right-click (or double-click)
    finishes, Backspace removes the last corner, Escape starts over.

    Emits ``siteDrawn(QgsGeometry)`` in the canvas CRS. Snaps to the project's
    snapping settings when snapping is on.
    """
    siteDrawn = pyqtSignal(QgsGeometry)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.points: List[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setColor(QColor(31, 120, 180, 200))
        self.band.setFillColor(QColor(31, 120, 180, 60))
        self.band.setWidth(2)

    def _map_point(self, event) -> QgsPointXY:
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        if match.isValid():
            return QgsPointXY(match.point())
        return self.toMapCoordinates(event.pos())

    def canvasMoveEvent(self, event):  # noqa: N802
        if self.points:
            self._show(self.points + [self._map_point(event)])

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(self._map_point(event))
            self._show(self.points)

    def canvasDoubleClickEvent(self, event):  # noqa: N802
        self.finish()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            event.accept()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()
            self._show(self.points)
            event.accept()
        else:
            event.ignore()

    def finish(self) -> bool:
        """Emits the polygon when it has at least three distinct corners."""
        unique = []
        for point in self.points:
            if not unique or point != unique[-1]:
                unique.append(point)
        if len(unique) < 3:
            return False
        geometry = QgsGeometry.fromPolygonXY([unique + [unique[0]]])
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        self.reset()
        self.siteDrawn.emit(geometry)
        return True

    def reset(self):
        self.points = []
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self):
        self.reset()
        super().deactivate()

    def _show(self, points):
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for number, point in enumerate(points):
            self.band.addPoint(point, number == len(points) - 1)

    def remove_band(self):
        """Called by the panel when it closes: the rubber band belongs to the canvas scene."""
        self.reset()
        scene = self.canvas().scene()
        if scene is not None:
            scene.removeItem(self.band)
