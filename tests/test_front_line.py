"""Front-line length on hand-made situations: a square against a known border, a square
grown by a second piece (the seam is no front), a square inside one built-in oblast (the
oblast's border with its neighbour is front: the country is Ukraine, not the oblast).

Expected lengths are pyproj geodesic line lengths of the edges that should count, with
the 1 km left out at the border computed by pyproj's forward problem (Geod.fwd), never by
our code. Our segments are at most ~1 km and counted by their midpoints, hence ``REL``.
"""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import box

from factories import D
from viewer.analysis.front_line import BUILTIN_OUTLINE, FrontLine
from viewer.io.situation_file import read_situation
from viewer.model import History, Layer, Region, Situation
from viewer.resources import sample_path

GEOD = Geod(ellps="WGS84")
REL = 0.01
WEST = Region("W", {"en": "West"}, box(30, 48, 31, 49))
EAST = Region("E", {"en": "East"}, box(31, 48, 32, 49))


def km_along(lons, lats) -> float:
    """Geodesic length of the lon/lat line through the points, densified (our edges
    follow the straight lon/lat line, which pyproj measures as geodesics between the
    points)."""
    t = np.linspace(0, 1, 400)
    lon = np.concatenate([a + (b - a) * t for a, b in zip(lons[:-1], lons[1:])])
    lat = np.concatenate([a + (b - a) * t for a, b in zip(lats[:-1], lats[1:])])
    return GEOD.line_length(lon, lat) / 1000


def west_of(lon, lat, metres) -> float:
    return GEOD.fwd(lon, lat, 270, metres)[0]


def test_a_square_against_the_border_has_three_sides_of_front():
    """The square's east side lies on the country's border (32°E): it and the last
    1 km of the north and south sides are no front."""
    square = box(31.5, 48.3, 32.0, 48.6)
    s = Situation(regions=[WEST, EAST], layers=[Layer("l", "L", "assessed-control",
                  History.from_states("l", [(D[1], square)]))])
    front = FrontLine(s)
    assert front.outline_source == "the union of the situation's 2 regions"
    want = (km_along([31.5, 31.5], [48.3, 48.6])
            + km_along([31.5, west_of(32.0, 48.6, 1000)], [48.6, 48.6])
            + km_along([31.5, west_of(32.0, 48.3, 1000)], [48.3, 48.3]))
    whole = km_along([31.5, 32, 32, 31.5, 31.5], [48.3, 48.3, 48.6, 48.6, 48.3])
    assert want < whole - 30                                     # the border side is long
    assert front.series("l")[0] == pytest.approx(want, rel=REL)


def test_the_seam_between_two_pieces_is_no_front():
    states = [(D[1], box(30.2, 48.2, 30.5, 48.5)), (D[5], box(30.2, 48.2, 30.8, 48.5))]
    history = History.from_states("l", states)
    assert len(history.pieces) == 2
    s = Situation(regions=[WEST, EAST], layers=[Layer("l", "L", "assessed-control", history)])
    front = FrontLine(s).measure_all()

    def perimeter(sq):
        x0, y0, x1, y1 = sq.bounds
        return km_along([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0])
    assert list(front.series("l")) == pytest.approx([perimeter(g) for _, g in states], rel=REL)
    line = front.line_at_index("l", 1)
    assert GEOD.geometry_length(line) / 1000 == pytest.approx(perimeter(states[1][1]), rel=REL)
    assert line.distance(box(30.5, 48.3, 30.5, 48.4)) > 0.05   # nothing drawn on the seam


def test_a_subset_of_the_builtin_oblasts_measures_against_ukraine():
    """A square across the Donetsk-Dnipropetrovsk border, in a situation holding Donetsk
    Oblast only: all four sides are front (the oblast border is inside Ukraine)."""
    regions = {r.id: r for r in read_situation(sample_path()).regions}
    donetsk, dnipro = regions["UA-14"], regions["UA-12"]
    seam = donetsk.geometry.boundary.intersection(dnipro.geometry.boundary)
    mid = seam.interpolate(0.5, normalized=True)
    x0, y0, x1, y1 = mid.x - 0.15, mid.y - 0.15, mid.x + 0.15, mid.y + 0.15
    square = box(x0, y0, x1, y1)
    assert square.intersects(seam) and square.within(donetsk.geometry.union(dnipro.geometry))
    s = Situation(regions=[donetsk], layers=[Layer("l", "L", "assessed-control",
                  History.from_states("l", [(D[1], square)]))])
    front = FrontLine(s)
    assert front.outline_source == BUILTIN_OUTLINE
    want = km_along([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0])
    assert front.series("l")[0] == pytest.approx(want, rel=REL)
    alone = FrontLine(Situation(regions=[Region("D", donetsk.names, donetsk.geometry)],
                                layers=s.layers))
    assert alone.outline_source == "the union of the situation's 1 regions"
    assert alone.series("l")[0] < want - 20                      # its own border left out


def test_without_regions_the_whole_boundary_counts():
    square = box(30.2, 48.2, 30.5, 48.5)
    s = Situation(layers=[Layer("l", "L", "claimed", History.from_states("l", [(D[1], square)]))])
    front = FrontLine(s)
    assert front.outline_source.startswith("no regions")
    assert front.series("l")[0] == pytest.approx(
        km_along([30.2, 30.5, 30.5, 30.2, 30.2], [48.2, 48.2, 48.5, 48.5, 48.2]), rel=REL)
