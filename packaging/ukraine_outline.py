"""Ukraine's outline grown by a margin, for the built-in tables (settlements, rivers)."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer

from viewer.importing.regions import builtin_regions

# an equal-area projection centred on Ukraine: distances within a few per cent up to
# the neighbours' side of the buffer
LAEA = "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m"
BORDER_KM = 100.0


def ukraine_buffer(border_km: float = BORDER_KM) -> tuple[shapely.Geometry, Transformer]:
    """Ukraine's outline grown by BORDER_KM, in LAEA metres, and the lon/lat -> LAEA transform."""
    regions, _ = builtin_regions("builtin:ukraine-oblasts")
    forward = Transformer.from_crs("EPSG:4326", LAEA, always_xy=True)
    outline = shapely.union_all([r.geometry for r in regions if r.role == "region"])
    projected = shapely.transform(outline, lambda c: np.column_stack(forward.transform(
        c[:, 0], c[:, 1])))
    grown = shapely.buffer(projected, border_km * 1000.0)
    shapely.prepare(grown)
    return grown, forward
