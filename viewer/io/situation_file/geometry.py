"""Geometry read from a situation file, made safe for everything downstream.

What a file holds is drawn, unioned, measured and projected; GEOS refuses (raises from
deep inside a union) coordinates that are NaN or infinite, and may refuse invalid
polygons too. So after parsing: Z and M are dropped (the viewer is 2D, and the writer
only writes 2D ISO WKB), a geometry with a non-finite coordinate or one off the globe
(latitude beyond ±90°, longitude beyond ±360°: projections fail there) is refused, an
invalid area (a self-intersecting ring, say) is repaired to the area it encloses, and
areas come back as MultiPolygons. Only the invalid few are looked at one by one.
"""

from __future__ import annotations

import numpy as np
import shapely

from viewer.io.geometry_reasons import validity_reason
from viewer.io.situation_file.rows import as_multipolygons
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

LON_LIMIT, LAT_LIMIT = 360.0, 90.0      # longitudes past ±180 occur (east of Chukotka)
CHUNK = 1024                            # geometries checked by one shapely call


class GeometryProblem(ValueError):
    """A geometry that can't be used; ``index`` is its position in the array."""

    def __init__(self, index: int, problem: Message):
        self.index = index
        super().__init__(problem)


def usable(geoms: np.ndarray, areas: bool) -> np.ndarray:
    """``geoms`` (None for NULL) checked and repaired as described above; ``areas``: the
    geometries are areas (else points). Raises GeometryProblem for the first unusable one."""
    out = np.asarray(geoms, dtype=object).copy()
    present = np.nonzero(~shapely.is_missing(out))[0]
    if not len(present):
        return out
    geo = out[present]
    flat = shapely.has_z(geo)
    if hasattr(shapely, "has_m"):
        flat |= shapely.has_m(geo)
    if flat.any():
        geo[flat] = shapely.force_2d(geo[flat])
    # off the globe first: huge (finite) coordinates overflow in the validity checks;
    # numpy's RuntimeWarnings about NaN and overflow would reach stderr, so they are off
    _check_on_the_globe(geo, present)
    with np.errstate(all="ignore"):
        # in chunks: one call holds the GIL, and a window's event loop waits for it
        valid = np.concatenate([shapely.is_valid(geo[i:i + CHUNK])
                                for i in range(0, len(geo), CHUNK)])
        bad = np.nonzero(~valid)[0]
        for k in bad.tolist():
            reason = shapely.is_valid_reason(geo[k]) or ""
            if reason.startswith("Invalid Coordinate"):
                raise GeometryProblem(int(present[k]), message(QT_TRANSLATE_NOOP(
                    "Core", "coordinates must be finite numbers, got %1"),
                    reason.removeprefix("Invalid Coordinate")))
            if not areas:
                raise GeometryProblem(int(present[k]), validity_reason(reason))
            geo[k] = _repaired(geo[k])
    if areas:                   # the WKB check let only Polygons and MultiPolygons through
        geo = as_multipolygons(list(geo), "an area")
    out[present] = geo
    return out


def _check_on_the_globe(geo: np.ndarray, present: np.ndarray) -> None:
    box = shapely.bounds(geo)                      # NaN rows for empty geometries
    with np.errstate(invalid="ignore"):           # (infinite ones: "must be finite")
        off = np.isfinite(box).all(axis=1) & (
            (box[:, 0] < -LON_LIMIT) | (box[:, 2] > LON_LIMIT)
            | (box[:, 1] < -LAT_LIMIT) | (box[:, 3] > LAT_LIMIT))
    if off.any():
        k = int(np.argmax(off))
        raise GeometryProblem(int(present[k]), message(QT_TRANSLATE_NOOP(
            "Core", "coordinates off the globe (longitude within ±%1, latitude within ±%2 "
            "expected), bounds %3"), f"{LON_LIMIT:g}", f"{LAT_LIMIT:g}",
            ", ".join(f"{v:.6g}" for v in box[k])))


def _repaired(geom):
    """The area an invalid polygon encloses. The "structure" method is linear-ish: the
    default one took 14 s on a million-vertex polygon with one self-intersection."""
    fixed = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    parts = shapely.get_parts(shapely.get_parts(fixed))
    parts = parts[shapely.get_type_id(parts) == 3]          # the polygons only
    return shapely.multipolygons(parts) if len(parts) else shapely.from_wkt("MULTIPOLYGON EMPTY")
