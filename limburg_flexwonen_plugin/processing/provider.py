"""The Processing provider (id ``flexwonen``)."""
import inspect
import os
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.dependencies import optional_package_of
from ..core.resource_files import resource
# "from . import" on purpose: QGIS's plugin unloader removes only the modules its import
# hook saw, and this form is the one that shows it the processing package itself.
from . import base

PROVIDER_ID = "flexwonen"


def algorithm_packages():
    """The subpackages that hold algorithms: one per group (``processing/<group id>/``)."""
    wanted = set(base.FlexwonenAlgorithm.GROUPS)
    return sorted(info.name for info in pkgutil.iter_modules([os.path.dirname(__file__)])
                  if info.ispkg and info.name in wanted)


def algorithm_classes():
    """Every algorithm class, one per module of the topic subpackages, sorted by id.

    A module that cannot be imported because an optional package (pyogrio, rasterio) is
    missing is left out, so that the other algorithms still work; the plugin's start-up
    log says which package is missing and what needs it. Any other import error is a bug
    and is raised.
    """
    classes = []
    for package_name in algorithm_packages():
        # __import__ (not importlib) so that QGIS's plugin loader tracks the modules and
        # drops them on unload; a reloaded plugin then gets fresh classes.
        package = __import__(f"{__package__}.{package_name}", fromlist=["*"])
        for module_info in pkgutil.iter_modules(package.__path__):
            try:
                module = __import__(f"{package.__name__}.{module_info.name}", fromlist=["*"])
            except ModuleNotFoundError as error:
                if optional_package_of(error) is None:
                    raise
                continue
            for _, member in inspect.getmembers(module, inspect.isclass):
                # A group's shared base class (export/base.py) has no id: not an algorithm.
                if (issubclass(member, base.FlexwonenAlgorithm) and member.ALGORITHM_ID
                        and member.__module__ == module.__name__):
                    classes.append(member)
    return sorted(classes, key=lambda cls: cls.ALGORITHM_ID)


class FlexwonenProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return QCoreApplication.translate("FlexwonenProvider", "Flexwonen Limburg")

    def longName(self):
        return self.name()

    def icon(self):
        return QIcon(str(resource("icons", "flexwonen.svg")))

    def svgIconPath(self):
        return str(resource("icons", "flexwonen.svg"))

    def loadAlgorithms(self):
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
