"""Values between QGIS and Python both ways, and field types.

QGIS attribute values (NULL, QDate, ...) become plain Python values in frames; frame
values become what a QgsFeature accepts. Field types are given by kind ("string",
"int", "double", "bool", "date", "datetime", "time"): QGIS 3.38 and later (and QGIS 4,
where ``QVariant.Type`` is gone) type fields with ``QMetaType.Type``, older releases
with ``QVariant.Type``; ``field_type`` and ``field_kind`` hide the difference.
"""
import datetime
import json
from typing import Iterable, Optional

import numpy as np
import pandas as pd
from qgis.core import NULL, Qgis, QgsField, QgsFields
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

_QMETATYPE_FIELDS_SINCE = 33800   # QGIS 3.38: QgsField takes QMetaType.Type


def _field_types() -> dict:
    if Qgis.versionInt() >= _QMETATYPE_FIELDS_SINCE:
        from qgis.PyQt.QtCore import QMetaType
        kind = QMetaType.Type
        return {"string": kind.QString, "int": kind.LongLong, "double": kind.Double,
                "bool": kind.Bool, "date": kind.QDate, "datetime": kind.QDateTime,
                "time": kind.QTime, "integer32": kind.Int}
    kind = QVariant.Type  # noqa: QGIS4 - only reached on QGIS < 3.38
    return {"string": kind.String, "int": kind.LongLong, "double": kind.Double,
            "bool": kind.Bool, "date": kind.Date, "datetime": kind.DateTime,
            "time": kind.Time, "integer32": kind.Int}


FIELD_TYPES = _field_types()


def field_type(kind: str):
    """The type to give a QgsField of this kind on the running QGIS."""
    return FIELD_TYPES[kind]


def field_kind(field) -> Optional[str]:
    """The kind of a QgsField ("string", "int", "date", ...), None for other types."""
    found = field.type()
    for kind, value in FIELD_TYPES.items():
        if found == value:
            return "int" if kind == "integer32" else kind
    return None


def python_value(value):
    """QGIS attribute values as plain Python (NULL → None, QDate → date...)."""
    if value is None or value == NULL or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def qgis_column(values) -> list:
    """A column as a list of values a QgsFeature accepts: numeric numpy columns in bulk,
    anything else (objects, dates, pandas' nullable types) value by value."""
    array = np.asarray(values) if isinstance(values, np.ndarray) else None
    if array is not None and array.dtype.kind in "iub":
        return array.tolist()
    if array is not None and array.dtype.kind == "f":
        converted = array.tolist()
        for position in np.flatnonzero(~np.isfinite(array)):
            converted[position] = NULL
        return converted
    if array is not None and array.dtype.kind == "U":
        return array.tolist()
    if array is not None and array.dtype == object:
        # Text columns (the usual object column) in bulk: only the missing values change.
        if pd.api.types.infer_dtype(array, skipna=True) in ("string", "empty"):
            converted = array.tolist()
            for position in np.flatnonzero(pd.isna(array)):
                converted[position] = NULL
            return converted
    return [qgis_value(value) for value in values]


def qgis_value(value):
    """Plain Python/numpy/pandas values as something a QgsFeature accepts."""
    if value is None or value is pd.NaT or value is pd.NA:
        return NULL
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else NULL
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return NULL   # else QGIS writes an empty date as 0001-01-01
        value = pd.Timestamp(value)
    if isinstance(value, pd.Timestamp):
        return NULL if pd.isna(value) else QDateTime(value.to_pydatetime())
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value)
    if isinstance(value, datetime.time):
        return QTime(value)
    if isinstance(value, str):
        return str(value)  # also numpy's str_
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (list, tuple, set, dict, np.ndarray)):
        return json.dumps(value.tolist() if isinstance(value, np.ndarray) else
                          sorted(value) if isinstance(value, set) else value, default=str)
    return value


def make_fields(spec: Iterable) -> QgsFields:
    """QgsFields from (name, kind) pairs, kind one of string/int/double/bool/date."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, field_type(kind)))
    return fields


def kind_of(dtype) -> str:
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "double"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


