"""The ``context_features`` table: rivers, water, roads and railways (viewer.model.context).

One GeoPackage feature table of geometry type GEOMETRY holding lines and polygons, so
GDAL and QGIS show it as a layer (QGIS splits it by geometry type) and its
``valid_from``/``valid_to`` work with QGIS's temporal controller like the layer pieces'.
"""

from __future__ import annotations

import math

import numpy as np
import shapely

from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.geopackage import wkb as gpkg_wkb
from viewer.model.context import ContextFeature
from viewer.model.times import gpkg_datetime

TABLE = "context_features"
COLUMNS = ("feature_id", "context_layer", "style", "name", "valid_from", "valid_to", "source")
ALLOWED = frozenset({gpkg_wkb.LINESTRING, gpkg_wkb.MULTILINESTRING, gpkg_wkb.POLYGON,
                     gpkg_wkb.MULTIPOLYGON})


def context_rows(features: list[ContextFeature]):
    """(columns, rows, bounds) of the table, geometry blob first."""
    geoms = np.array([f.geometry for f in features], dtype=object)
    blobs = gpkg_blob.encode(geoms)
    rows = [(b, f.id, f.layer, f.style, f.name or None, _time(f.valid_from),
             _time(f.valid_to), f.source or None) for b, f in zip(blobs, features)]
    bounds = None
    if len(geoms):
        box = shapely.total_bounds(geoms)
        bounds = None if any(math.isnan(v) for v in box) else tuple(float(v) for v in box)
    return ("geom",) + COLUMNS, rows, bounds


def _time(value) -> str | None:
    return None if value is None else gpkg_datetime(value)
