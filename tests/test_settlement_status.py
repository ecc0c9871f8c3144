"""Settlement status log on hand-made situations: a square sliding past a point (entry,
exit, re-entry), a point 100 m from the boundary (on the line), a point beside the cut
between two pieces (inside: the cut is no boundary), and the tolerance of 0.

Expected statuses come from the squares themselves: whether shapely's point-in-polygon
holds and how far the point is from the square's edge on the ellipsoid (pyproj's
geodesic inverse problem to the nearest edge, the edges being meridians and parallels),
never from our code."""

from __future__ import annotations

from pyproj import Geod
from shapely.geometry import Point, box

from factories import D
from viewer.analysis.settlement_status import (INSIDE, LINE, NONE, OUTSIDE,
                                               SettlementStatus)
from viewer.model import History, Layer, Link, Place, Report, Situation

GEOD = Geod(ellps="WGS84")
TOWN = Place("town", {"en": "Town", "uk": "Місто"}, 31.0, 48.5, 5000)


def metres_to_edge(lon, lat, square) -> float:
    """Geodesic distance from (lon, lat) to the nearest edge of an axis-aligned square
    (to a meridian edge along the parallel, to a parallel edge along the meridian: near
    enough for the few km used here)."""
    minx, miny, maxx, maxy = square.bounds
    ds = []
    for x in (minx, maxx):
        if miny <= lat <= maxy:
            ds.append(GEOD.inv(lon, lat, x, lat)[2])
    for y in (miny, maxy):
        if minx <= lon <= maxx:
            ds.append(GEOD.inv(lon, lat, lon, y)[2])
    corners = [(x, y) for x in (minx, maxx) for y in (miny, maxy)]
    ds += [GEOD.inv(lon, lat, x, y)[2] for x, y in corners]
    return min(ds)


def expected(place, square, tolerance_m) -> int:
    near = metres_to_edge(place.lon, place.lat, square) <= tolerance_m
    if near:
        return LINE
    return INSIDE if square.contains(Point(place.lon, place.lat)) else OUTSIDE


def sliding() -> tuple[Situation, list]:
    squares = [box(30.0, 48.0, 30.5, 49.0),     # west of the town
               box(30.6, 48.0, 31.1, 49.0),     # over it
               box(31.2, 48.0, 31.7, 49.0),     # past it
               box(30.8, 48.0, 31.3, 49.0)]     # back over it
    days = [D[1], D[5], D[9], D[20]]
    history = History.from_states("adv", list(zip(days, squares)))
    reports = [Report("r5", D[5], "Agency", "Town taken")]
    links = [Link("adv@2025-06-05T00:00:00Z", "r5", "reports")]
    s = Situation(places=[TOWN], layers=[Layer("adv", "Advance", "assessed-control", history)],
                  reports=reports, links=links)
    return s, list(zip(days, squares))


def test_a_square_sliding_past_a_place_enters_leaves_and_reenters():
    s, states = sliding()
    status = SettlementStatus(s).measure_all()
    want = [expected(TOWN, sq, 250.0) for _, sq in states]
    assert want == [OUTSIDE, INSIDE, OUTSIDE, INSIDE]          # the set-up is what we mean
    assert list(status.statuses("adv")[:, 0]) == want
    log = status.log("adv", 0)
    assert [(e.at, e.status) for e in log] == [(D[1], OUTSIDE), (D[5], INSIDE),
                                              (D[9], OUTSIDE), (D[20], INSIDE)]
    assert [e.change_id for e in log] == [None] + [f"adv@2025-06-{d:02d}T00:00:00Z"
                                                  for d in (5, 9, 20)]
    assert [r.id for r, _ in s.reports_for(log[1].change_id)] == ["r5"]
    assert status.first_inside("adv") == [D[5]]
    assert list(status.change_counts("adv")) == [3]
    assert list(status.change_counts("adv", until=D[10])) == [2]
    assert list(status.status_at("adv", D[12])) == [OUTSIDE]
    assert status.since("adv", D[12]) == [D[9]]
    assert status.since("adv", D[25]) == [D[20]]
    assert list(status.status_at("adv", D[1].replace(month=5))) == [NONE]


def test_a_place_100_m_from_the_boundary_is_on_the_line():
    west_100m, _, _ = GEOD.fwd(TOWN.lon, TOWN.lat, 270, 100)
    east_100m, _, _ = GEOD.fwd(TOWN.lon, TOWN.lat, 90, 100)
    inside_by_100 = box(30.0, 48.0, east_100m, 49.0)     # the edge 100 m east of the town
    outside_by_100 = box(30.0, 48.0, west_100m, 49.0)    # the edge 100 m west of it
    states = [(D[1], inside_by_100), (D[2], outside_by_100)]
    s = Situation(places=[TOWN], layers=[Layer("l", "L", "assessed-control",
                                               History.from_states("l", states))])
    assert [expected(TOWN, sq, 250.0) for _, sq in states] == [LINE, LINE]
    status = SettlementStatus(s).measure_all()
    assert list(status.statuses("l")[:, 0]) == [LINE, LINE]
    assert status.first_inside("l") == [None]
    assert [e.status for e in status.log("l", 0)] == [LINE]       # no flipping
    tight = SettlementStatus(s, tolerance_m=50.0).measure_all()
    assert [expected(TOWN, sq, 50.0) for _, sq in states] == [INSIDE, OUTSIDE]
    assert list(tight.statuses("l")[:, 0]) == [INSIDE, OUTSIDE]
    assert tight.first_inside("l") == [D[1]]


def test_the_cut_between_two_pieces_is_no_boundary():
    """A gain beside the first area is a second piece; a place 20 m from the seam is on
    the line of the first state and inside the second."""
    seam_east, _, _ = GEOD.fwd(31.0, 48.5, 90, 20)
    place = Place("p", {"en": "Seam"}, seam_east, 48.5)
    history = History.from_states("l", [(D[1], box(30.0, 48.0, 31.0, 49.0)),
                                        (D[5], box(30.0, 48.0, 32.0, 49.0))])
    assert len(history.pieces) == 2
    s = Situation(layers=[Layer("l", "L", "assessed-control", history)])
    status = SettlementStatus(s, places=[place]).measure_all()
    assert list(status.statuses("l")[:, 0]) == [LINE, INSIDE]
    exact = SettlementStatus(s, places=[place], tolerance_m=0).measure_all()
    assert list(exact.statuses("l")[:, 0]) == [OUTSIDE, INSIDE]


def test_the_snapshot_is_taken_at_construction():
    s, _ = sliding()
    status = SettlementStatus(s)
    s.places.clear()                    # the GUI's situation may change meanwhile
    assert status.measure_all().statuses("adv").shape == (4, 1)
