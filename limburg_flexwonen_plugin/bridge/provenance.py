"""Where a layer comes from, read from its QGIS metadata, and where an output says so.

A layer's provenance is its metadata abstract, rights and licences (Layer Properties ›
Metadata; a GeoPackage layer's description is read as its abstract). ``core.credits``
turns it into the credits printed on maps and reports. Our GeoPackage outputs record
the credits of their inputs as their layer description, so a map made from an output
credits the same sources.

Reading a layer is main-thread work (``FlexwonenAlgorithm.prepareAlgorithm``, the layout
builders); writing a description touches only a finished output file.
"""
import contextlib
import sqlite3
from typing import List, Optional

from ..core.credits import layer_credits


def layer_provenance(layer) -> str:
    """The provenance text of a map layer: abstract, rights and licences; '' if none."""
    if layer is None:
        return ""
    metadata = layer.metadata()
    parts = [metadata.abstract()] + list(metadata.rights()) + list(metadata.licenses())
    return "; ".join(part.strip() for part in parts if part and part.strip())


def credits_of(layer, name: Optional[str] = None) -> List[str]:
    """The credits of one map layer (its own name when its metadata names no source)."""
    if layer is None:
        return []
    return layer_credits(name or layer.name(), layer_provenance(layer))


def describe_geopackage_layer(path: str, table: Optional[str], text: str) -> bool:
    """Writes ``text`` as the description of a layer of a finished GeoPackage (all of
    its layers when ``table`` is None); True when written."""
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=10)) as connection:
            with connection:
                if table is None:
                    cursor = connection.execute("UPDATE gpkg_contents SET description = ?", (text,))
                else:
                    cursor = connection.execute(
                        "UPDATE gpkg_contents SET description = ? WHERE lower(table_name) = lower(?)",
                        (text, table))
            return cursor.rowcount > 0
    except sqlite3.DatabaseError:
        return False
