"""The native situation file: a GeoPackage (SQLite) that GDAL and QGIS read as well.

The format is described in docs/situation-format.md.
"""

from viewer.io.situation_file.reader import read_situation
from viewer.io.situation_file.schema import MEDIA_TYPE
from viewer.io.situation_file.writer import write_situation

SUFFIX = ".gpkg"

__all__ = ["MEDIA_TYPE", "SUFFIX", "read_situation", "write_situation"]
