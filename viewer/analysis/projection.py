"""Map projection: a metric CRS suited to the data, and fast lon/lat <-> metres transforms."""

from __future__ import annotations

import re

import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry.base import BaseGeometry


def _centre(bbox: tuple[float, float, float, float]) -> tuple[float, float]:
    minx, miny, maxx, maxy = bbox
    return round((minx + maxx) / 2, 3), round((miny + maxy) / 2, 3)


def auto_crs(bbox: tuple[float, float, float, float]) -> str:
    """A Lambert azimuthal equal-area projection centred on ``bbox`` (lon/lat):
    true areas everywhere and little shape distortion over a country-sized extent."""
    lon0, lat0 = _centre(bbox)
    return f"+proj=laea +lat_0={lat0} +lon_0={lon0} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"


# (pyproj's CRS.srs of one adds " +type=crs": the string the workers are handed, whose
# every Projector then searched PROJ's database, ~10 ms of the GIL, for each Display made)
_AUTO = re.compile(r"\+proj=laea \+lat_0=(-?[0-9.]+) \+lon_0=(-?[0-9.]+) \+x_0=0 \+y_0=0 "
                   r"\+datum=WGS84 \+units=m \+no_defs(?: \+type=crs)?")


def _auto_pipeline(crs) -> str | None:
    """For a CRS made by ``auto_crs`` (or that CRS, or its ``srs``), the PROJ pipeline from
    lon/lat degrees to it: the operation ``Transformer.from_crs`` finds (WGS84 to WGS84
    needs no datum step), set up in well under a millisecond rather than the ~7 ms that
    search takes."""
    crs = crs.srs if isinstance(crs, CRS) else crs
    match = _AUTO.fullmatch(crs) if isinstance(crs, str) else None
    if match is None:
        return None
    lat0, lon0 = match.groups()
    return ("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            f"+step +proj=laea +lat_0={lat0} +lon_0={lon0} +x_0=0 +y_0=0 +ellps=WGS84")


def _plain_polygons(geoms) -> bool:
    """Whether ``geoms`` is a non-empty array of 2D non-empty polygons."""
    geoms = np.asarray(geoms, dtype=object)
    return (geoms.ndim == 1 and len(geoms) > 0
            and bool((shapely.get_type_id(geoms) == shapely.GeometryType.POLYGON).all())
            and not shapely.is_empty(geoms).any() and not shapely.has_z(geoms).any())


class Projector:
    """Transforms between WGS84 lon/lat and a projected metric CRS (x east, y north)."""

    def __init__(self, crs: str | CRS):
        self.crs = CRS.from_user_input(crs)
        if not self.crs.is_projected:
            raise ValueError(f"display CRS must be projected (metres), got {crs!r}")
        pipeline = _auto_pipeline(crs)
        if pipeline is not None:        # the same operation, without searching PROJ's database
            self._fwd = self._inv = Transformer.from_pipeline(pipeline)
            self._inverse = {"direction": "INVERSE"}
        else:
            self._fwd = Transformer.from_crs("EPSG:4326", self.crs, always_xy=True)
            self._inv = Transformer.from_crs(self.crs, "EPSG:4326", always_xy=True)
            self._inverse = {}

    def forward(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        return self._fwd.transform(np.asarray(lon, float), np.asarray(lat, float))

    def inverse(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        return self._inv.transform(np.asarray(x, float), np.asarray(y, float), **self._inverse)

    def project(self, geom: BaseGeometry) -> BaseGeometry:
        """``geom`` (lon/lat, or an array of them) in projected metres; one vectorised
        call, no Python loop. An array of 2D polygons is made anew from its projected
        coordinates (the same coordinates, rings and types): ``shapely.transform``'s
        set_coordinates holds the GIL about 0.25 us a vertex (a big layer's display
        chunk: 30-65 ms of a stalled event loop), the polygons' construction a tenth."""
        if isinstance(geom, BaseGeometry) or not _plain_polygons(geom):
            return shapely.transform(geom, self._forward_xy)
        kind, coords, offsets = shapely.to_ragged_array(geom)
        return shapely.from_ragged_array(kind, self._forward_xy(coords), offsets)

    def _forward_xy(self, coords: np.ndarray) -> np.ndarray:
        x, y = self._fwd.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    def project_bbox(self, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """The projected extent of a lon/lat box (its edges densified, since they curve)."""
        minx, miny, maxx, maxy = bbox
        t = np.linspace(0.0, 1.0, 21)
        lon = np.concatenate([minx + (maxx - minx) * t, np.full(21, maxx),
                              maxx - (maxx - minx) * t, np.full(21, minx)])
        lat = np.concatenate([np.full(21, miny), miny + (maxy - miny) * t,
                              np.full(21, maxy), maxy - (maxy - miny) * t])
        x, y = self.forward(lon, lat)
        return float(x.min()), float(y.min()), float(x.max()), float(y.max())


def shrunk(geom: BaseGeometry, depth_m: float) -> BaseGeometry:
    """The part of a lon/lat polygon at least ``depth_m`` metres inside its boundary (its
    inner parallel), measured in the equal-area projection centred on it (auto_crs), in
    lon/lat again. (The projection is a PROJ pipeline, not a CRS-to-CRS transformer: the
    same operations, a hundred times quicker to set up, once per polygon.)"""
    if geom.is_empty or depth_m <= 0:
        return geom
    lon0, lat0 = _centre(geom.bounds)
    laea = Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=laea +lat_0={lat0} +lon_0={lon0} +x_0=0 +y_0=0 +ellps=WGS84")

    def forward(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(laea.transform(coords[:, 0], coords[:, 1]))

    def inverse(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(laea.transform(coords[:, 0], coords[:, 1], direction="INVERSE"))

    inner = shapely.buffer(shapely.transform(geom, forward), -depth_m)
    return shapely.transform(inner, inverse)
