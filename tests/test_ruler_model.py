"""The ruler's state (viewer.analysis.ruler), Qt-free: legs and total against pyproj's
Geod.inv, the closed shape's area against shapely in an equal-area projection."""

from __future__ import annotations

import pytest
from pyproj import Geod, Transformer
from shapely.geometry import Polygon

from viewer.analysis.ruler import Ruler

GEOD = Geod(ellps="WGS84")
KYIV, DNIPRO, KHARKIV = (30.5234, 50.4501), (35.0462, 48.4647), (36.2304, 49.9935)


def test_legs_total_and_the_leg_being_drawn():
    r = Ruler()
    r.add(*KYIV)
    assert r.measure().total_km == 0 and r.measure().segments_km == ()
    r.add(*DNIPRO)
    r.add(*DNIPRO)                              # the same point twice is one point
    leg = GEOD.inv(*KYIV, *DNIPRO)[2] / 1000
    assert r.measure().segments_km == pytest.approx((leg,), rel=1e-12)
    drawn = r.measure(pointer=KHARKIV)
    assert drawn.total_km == pytest.approx(leg + GEOD.inv(*DNIPRO, *KHARKIV)[2] / 1000)
    assert drawn.area_km2 is None
    assert not Ruler().close()


def test_a_closed_shape_has_its_area():
    r = Ruler()
    for p in (KYIV, DNIPRO, KHARKIV):
        r.add(*p)
    assert r.close() and not r.can_close()
    m = r.measure(pointer=(0.0, 0.0))           # a closed shape ignores the pointer
    assert len(m.segments_km) == 3
    assert m.total_km == pytest.approx(sum(GEOD.inv(*a, *b)[2] for a, b in
                                           ((KYIV, DNIPRO), (DNIPRO, KHARKIV),
                                            (KHARKIV, KYIV))) / 1000)
    laea = Transformer.from_crs("EPSG:4326", "+proj=laea +lat_0=49.6 +lon_0=34 +datum=WGS84",
                                always_xy=True)
    # straight edges in the projection against geodesic ones: within 0.5 % at 300 km
    flat = Polygon([laea.transform(*p) for p in (KYIV, DNIPRO, KHARKIV)]).area / 1e6
    assert m.area_km2 == pytest.approx(flat, rel=5e-3)
    r.undo_last()                               # opens it again, points kept
    assert not r.closed and len(r.points) == 3
    r.close()
    r.add(*KYIV)                                # a new point after closing starts anew
    assert r.points == [KYIV] and not r.closed
