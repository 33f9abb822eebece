"""The small base class every Flexwonen algorithm derives from."""
import logging
import traceback

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.errors import CancelledError, InputError
from ..core.progress import Progress
from ..paths import resource
from ..qgis_bridge import layer_to_frame

LOGGER = logging.getLogger("limburg_flexwonen_plugin")


class FlexwonenAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID, DISPLAY_NAME, GROUP_ID, HELP and implement ``compute``.

    ``processAlgorithm`` turns known problems (InputError) into a clear Processing
    message and unexpected ones into a message pointing at the log, never a
    traceback in the user's face.
    """

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = "location"
    HELP = ""
    GROUPS = {
        "location": "Location",
        "norms": "Housing norms",
        "municipal": "Municipal picture",
        "business": "Business housing effect",
        "export": "Maps and reports",
        "data": "Data preparation",
    }

    def createInstance(self):
        return type(self)()

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self):
        return self.ALGORITHM_ID

    def displayName(self):
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return QCoreApplication.translate("FlexwonenAlgorithm", self.GROUPS[self.GROUP_ID])

    def groupId(self):
        return self.GROUP_ID

    def shortHelpString(self):
        return self.tr(self.HELP)

    def icon(self):
        return QIcon(str(resource("icons", "flexwonen.svg")))

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.compute(parameters, context, feedback)
        except InputError as error:
            raise QgsProcessingException(str(error)) from error
        except CancelledError:
            feedback.reportError(self.tr("Cancelled: nothing was written."))
            return {}
        except QgsProcessingException:
            raise
        except Exception as error:  # keep the traceback for the log, not for the user
            LOGGER.error("%s failed:\n%s", self.ALGORITHM_ID, traceback.format_exc())
            raise QgsProcessingException(
                self.tr("Unexpected error in {0}: {1}. Details are in the log panel "
                        "under 'Flexwonen Limburg'.").format(self.displayName(), error)) from error

    def compute(self, parameters, context, feedback):
        """The algorithm's work; returns the results dict."""
        raise NotImplementedError

    def layer_name(self, parameters, name, context, fallback):
        """The name the user knows a layer input by, for messages."""
        value = parameters.get(name)
        if isinstance(value, str) and "layername=" in value:
            return value.split("layername=")[1].split("|")[0]
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return layer.name() if layer is not None else fallback

    def read_layer(self, parameters, name, context, feedback, source, layer_name, field_names=None):
        """A layer input as a GeoDataFrame (feature ids as index), read by the fastest
        route that gives the same features (see ``qgis_bridge.layer_to_frame``)."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return layer_to_frame(source, layer, layer_name, field_names, parameters.get(name),
                              context, feedback)

    @staticmethod
    def progress_for(feedback) -> Progress:
        return Progress(feedback.setProgress, feedback.isCanceled, feedback.pushInfo)
