"""A small progress/cancel protocol so the core can report without knowing QGIS."""
from typing import Callable, Optional

from .errors import CancelledError


class Progress:
    """Reports progress (0–100) and answers whether the user cancelled.

    The Processing layer wraps ``QgsProcessingFeedback`` in one of these; tests and
    scripts use the silent default.
    """

    def __init__(self, report: Optional[Callable[[float], None]] = None,
                 is_cancelled: Optional[Callable[[], bool]] = None,
                 log: Optional[Callable[[str], None]] = None):
        self._report = report
        self._is_cancelled = is_cancelled
        self._log = log

    def report(self, percent: float) -> None:
        if self._report is not None:
            self._report(max(0.0, min(100.0, float(percent))))

    def cancelled(self) -> bool:
        return bool(self._is_cancelled and self._is_cancelled())

    def check(self) -> None:
        """Stops the run with CancelledError when the user has cancelled."""
        if self.cancelled():
            raise CancelledError("cancelled by the user")

    def info(self, message: str) -> None:
        if self._log is not None:
            self._log(message)

    def scaled(self, start: float, end: float) -> "Progress":
        """A Progress whose 0–100 maps onto start–end of this one."""
        span = end - start
        return Progress(lambda p: self.report(start + span * p / 100.0),
                        self._is_cancelled, self._log)


SILENT = Progress()
