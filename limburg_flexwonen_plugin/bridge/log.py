"""Python logging bridged to the QGIS message log under the plugin's own tag."""
import logging

LOG_TAG = "Flexwonen Limburg"
LOGGER_NAME = "limburg_flexwonen_plugin"


class QgsMessageLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        from qgis.core import Qgis, QgsMessageLog
        level = (Qgis.MessageLevel.Critical if record.levelno >= logging.ERROR else
                 Qgis.MessageLevel.Warning if record.levelno >= logging.WARNING else
                 Qgis.MessageLevel.Info)
        QgsMessageLog.logMessage(self.format(record), LOG_TAG, level)


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def install_handler() -> logging.Handler:
    handler = QgsMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logger()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def remove_handler(handler: logging.Handler) -> None:
    logger().removeHandler(handler)
