"""Geodesic areas against values computed independently with pyproj (region attribution:
tests/test_region_attribution.py)."""

import pytest
from pyproj import Geod
from shapely.geometry import box

from factories import D, two_region_situation
from viewer.analysis.areas import Areas, geodesic_area_km2

GEOD = Geod(ellps="WGS84")


def geod_box_km2(x0, y0, x1, y1):
    area, _ = GEOD.polygon_area_perimeter([x0, x1, x1, x0], [y0, y0, y1, y1])
    return abs(area) / 1e6


def test_one_degree_square_at_48n_matches_pyproj():
    assert geodesic_area_km2(box(30, 48, 31, 49)) == pytest.approx(geod_box_km2(30, 48, 31, 49),
                                                                   rel=1e-9)
    assert geod_box_km2(30, 48, 31, 49) == pytest.approx(8217.59, abs=0.01)


def test_holes_are_subtracted_whatever_the_ring_orientation():
    outer = box(30, 48, 31, 49)
    ring = outer.difference(box(30.25, 48.25, 30.75, 48.75))
    expected = geod_box_km2(30, 48, 31, 49) - geod_box_km2(30.25, 48.25, 30.75, 48.75)
    assert geodesic_area_km2(ring) == pytest.approx(expected, rel=1e-9)


def test_state_and_change_areas():
    s = two_region_situation()
    areas = Areas(s)
    assert areas.state_km2("adv", D[3]) == pytest.approx(geod_box_km2(30.2, 48.2, 30.4, 48.4))
    # pyproj takes edges as geodesics: the state keeps a vertex at 30.4°E where the gain
    # joined, which moves the area by ~8 ppm against the same box without that vertex.
    assert areas.state_km2("adv", D[12]) == pytest.approx(geod_box_km2(30.2, 48.2, 31.2, 48.4),
                                                          rel=1e-4)
    assert areas.state_km2("adv", D[1].replace(year=2024)) == 0.0
    gained, lost = areas.change_km2("adv@2025-06-05T00:00:00Z")
    assert gained == pytest.approx(geod_box_km2(30.4, 48.2, 31.2, 48.4))
    assert lost == 0.0
    gained, lost = areas.change_km2("adv@2025-06-20T00:00:00Z")
    assert (gained, lost) == (0.0, pytest.approx(geod_box_km2(30.8, 48.2, 31.2, 48.4)))
    times, km2 = areas.series("adv")
    assert times == [D[1], D[5], D[9], D[20]] and len(km2) == 4
    assert km2[1] == km2[2]


def test_reports_behind_a_change_and_changes_behind_a_report():
    s = two_region_situation()
    assert [(r.id, role) for r, role in s.reports_for("adv@2025-06-05T00:00:00Z")] == [
        ("r1", "reports"), ("r3", "confirms")]
    assert [(c.id, role) for c, role in s.changes_for("r3")] == [
        ("adv@2025-06-05T00:00:00Z", "confirms"), ("claim@2025-06-10T00:00:00Z", "disputes")]
    assert s.reports_for("adv@2025-06-20T00:00:00Z") == []
    window = s.recent_changes(D[12], days=7)
    assert [c.id for c in window] == ["claim@2025-06-10T00:00:00Z"]
    assert [c.id for c in s.changes_between(None, D[30])] == [
        "adv@2025-06-05T00:00:00Z", "claim@2025-06-10T00:00:00Z", "adv@2025-06-20T00:00:00Z"]


def test_areas_measured_in_batches_of_vertices_are_each_geometry_s_own(monkeypatch):
    """geodesic_areas_km2 measures a few geometries at once when they hold many vertices
    (memory): each area is still its own, as pyproj measures it alone."""
    import numpy as np
    import shapely
    from viewer.model import geodesy
    from viewer.model.geometry import vertex_batches
    circles = [shapely.Point(30 + k * 0.3, 48).buffer(0.1 + 0.01 * k, quad_segs=4 + 8 * k)
               for k in range(12)]
    expected = [abs(Geod(ellps="WGS84").geometry_area_perimeter(c)[0]) / 1e6 for c in circles]
    counts = shapely.get_num_coordinates(circles)
    monkeypatch.setattr(geodesy, "BATCH_VERTICES", 200)
    assert len(vertex_batches(counts, geodesy.BATCH, 200)) > 4
    assert geodesy.geodesic_areas_km2(circles) == pytest.approx(expected, rel=1e-9)


def test_a_long_path_measured_in_stretches_is_the_geometry_s_area(monkeypatch):
    """A geometry of more than PATH_VERTICES vertices (the path of its rings) is
    measured a stretch at a time (one Geod call holds the GIL): its area is still the
    one pyproj gives it whole, holes and several parts included."""
    import shapely
    from viewer.model import geodesy
    ring = shapely.Point(30, 48).buffer(1.0, quad_segs=200)
    hole = shapely.Point(30.2, 48.1).buffer(0.3, quad_segs=50).exterior
    shapes = [shapely.Polygon(ring.exterior, [hole]),
              shapely.MultiPolygon([ring, shapely.Point(33, 48).buffer(0.5, quad_segs=90)])]
    expected = [abs(Geod(ellps="WGS84").geometry_area_perimeter(   # holes clockwise
        shapely.orient_polygons(g))[0]) / 1e6 for g in shapes]
    calls = []
    measure = geodesy.GEOD.polygon_area_perimeter
    monkeypatch.setattr(geodesy, "GEOD", type("G", (), {"polygon_area_perimeter": staticmethod(
        lambda lons, lats: calls.append(len(lons)) or measure(lons, lats))})())
    for size in (97, 2):
        calls.clear()
        monkeypatch.setattr(geodesy, "PATH_VERTICES", size)
        assert geodesy.geodesic_areas_km2(shapes) == pytest.approx(expected, rel=1e-9)
        assert len(calls) > 10 and max(calls) <= max(size, 3)


def test_vertex_batches_bound_the_vertices_of_each_batch():
    from viewer.model.geometry import vertex_batches
    counts = [5, 5, 5, 20, 1, 1, 1]
    batches = vertex_batches(counts, 2, 10)
    assert [counts[b] for b in batches] == [[5, 5], [5], [20], [1, 1], [1]]
    assert vertex_batches([], 2, 10) == []
