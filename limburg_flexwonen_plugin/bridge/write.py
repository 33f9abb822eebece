"""Frames to QGIS: rows handed to a feature sink (the general output route; new
GeoPackage files take the faster route in ``geopackage``)."""
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import NULL, QgsFeature, QgsFeatureSink, QgsFields, QgsGeometry, QgsProcessingException

from ..core.errors import CancelledError
from ..core.frames import added_field_names, as_multi
from .values import make_fields, qgis_column


ROWS_BETWEEN_CHECKS = 5_000   # rows written between two looks at cancel and progress


def write_frame(frame: pd.DataFrame, sink, fields: QgsFields, feedback=None,
                multipart: bool = False, progress=None) -> int:
    """Writes a (Geo)DataFrame's rows to a QgsFeatureSink in the order of ``fields``.

    Honours cancel (``CancelledError``) when given a feedback, and reports 0–100 to
    ``progress`` (a core ``Progress``, e.g. scaled to the run's last stretch) when given
    one. A feature the sink refuses stops the run with a message naming the row and the
    sink's own reason; the base class then removes the half-written output.
    """
    has_geometry = isinstance(frame, gpd.GeoDataFrame)
    wkbs = None
    if has_geometry:
        geometries = np.asarray(frame.geometry.values, dtype=object)
        wkbs = shapely.to_wkb(as_multi(geometries) if multipart else geometries)
    names = [field.name() for field in fields]
    # Whole columns converted at once (numbers in bulk), then zipped into rows in C:
    # the loop below only hands each row to one reused feature.
    nulls = [NULL] * len(frame)
    columns = [qgis_column(frame[name].values) if name in frame.columns else nulls for name in names]
    rows = list(zip(*columns)) if columns else [()] * len(frame)
    if wkbs is None:
        wkbs = [None] * len(frame)
    total = max(len(frame), 1)
    written = 0
    feature = QgsFeature(fields)
    fast = QgsFeatureSink.Flag.FastInsert
    for start in range(0, len(frame), ROWS_BETWEEN_CHECKS):
        if feedback is not None and feedback.isCanceled():
            raise CancelledError("cancelled by the user")
        if progress is not None:
            progress.report(100.0 * start / total)
        stop = min(start + ROWS_BETWEEN_CHECKS, len(frame))
        for values, wkb in zip(rows[start:stop], wkbs[start:stop]):
            if has_geometry:
                geometry = QgsGeometry()
                if wkb is not None:
                    geometry.fromWkb(wkb)
                feature.setGeometry(geometry)
            feature.setAttributes(list(values))
            if not sink.addFeature(feature, fast):
                reason = sink.lastError() if hasattr(sink, "lastError") else ""
                raise QgsProcessingException(
                    f"could not write row {written + 1} (of {len(frame)}) to the output"
                    + (f": {reason}" if reason else ""))
            written += 1
    if progress is not None:
        progress.report(100.0)
    return written


def append_fields(frame: pd.DataFrame, fields: QgsFields, added: pd.DataFrame, spec,
                  taken) -> tuple:
    """``frame`` and its ``fields`` with our columns ``spec`` ((name, kind) pairs, values
    from ``added``, aligned on the index) after them. ``taken``: the user's field names,
    which keep their names and values; ours that clash are renamed (added_field_names).
    Returns the frame, the fields and {our name: output name} for the renamed ones."""
    names = added_field_names([name for name, _ in spec], taken)
    frame = frame.copy()
    fields = QgsFields(fields)
    aligned = added.reindex(frame.index)
    for name, kind in spec:
        frame[names[name]] = aligned[name].values
        fields.append(make_fields([(names[name], kind)])[0])
    return frame, fields, {ours: given for ours, given in names.items() if ours != given}

