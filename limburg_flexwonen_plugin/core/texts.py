"""Marks user-visible texts of the pure core for translation, without importing Qt.

The core returns English labels (for example the rows of a site assessment); the GUI
shows them through ``QCoreApplication.translate(context, label)``. Wrapping each label
in ``QT_TRANSLATE_NOOP`` at the place where it is written lets pylupdate (and the
project's own string scan) find it, so it gets a Dutch translation like any tr() text.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate looks for)
    """Returns ``text`` unchanged; the call only marks it for translation."""
    return text
