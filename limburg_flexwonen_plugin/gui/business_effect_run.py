"""One run of the business-effect algorithm in the background (QgsProcessingAlgRunnerTask:
QGIS stays usable, cancel stops it); its layers are loaded into the project when it is done."""
from typing import Dict

from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProject)
from qgis.PyQt.QtCore import QObject, pyqtSignal

ALGORITHM_ID = "flexwonen:businesseffect"


class BusinessEffectRun(QObject):
    """Emits ``executed(ok, results)`` when the run ends (results empty when it failed)."""
    executed = pyqtSignal(bool, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = None
        self.context = None
        self.feedback = None
        self.algorithm = None

    def start(self, parameters: Dict) -> bool:
        """Starts the run; False when the provider (and so the algorithm) is not loaded."""
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        if self.algorithm is None:
            return False
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def is_running(self) -> bool:
        return self.task is not None

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()

    def _executed(self, ok: bool, results: Dict):
        from processing.gui.Postprocessing import handleAlgorithmResults
        self.task = None
        if ok and results:
            handleAlgorithmResults(self.algorithm, self.context, self.feedback)
        self.executed.emit(bool(ok and results), results or {})
