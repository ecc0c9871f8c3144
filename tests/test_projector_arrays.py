"""Projector.project of an array of polygons (made anew from the projected coordinates)
gives what pyproj gives for each vertex, ring by ring, with the same types; anything else
(multipolygons, a single geometry, 3D, empty) is transformed as before."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Polygon, box

from viewer.analysis.projection import Projector

CRS = "EPSG:3035"


def expected(geom):
    """Each ring's vertices through pyproj directly (lon/lat -> CRS)."""
    t = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    def ring(coords):
        x, y = t.transform(*np.asarray(coords).T)
        return np.column_stack([x, y])
    return ring(geom.exterior.coords), [ring(r.coords) for r in geom.interiors]


def polygons() -> np.ndarray:
    holed = shapely.Point(33, 48).buffer(1, 64).difference(shapely.Point(33.2, 48).buffer(0.3))
    twice = holed.difference(shapely.Point(32.4, 48.2).buffer(0.2))
    return np.array([holed, box(30, 45, 31, 46), twice,
                     shapely.Point(35, 49).buffer(0.2, 3)], dtype=object)


def test_an_array_of_polygons_is_each_vertex_projected():
    geoms = polygons()
    projected = Projector(CRS).project(geoms)
    assert isinstance(projected, np.ndarray) and len(projected) == len(geoms)
    assert len(projected[2].interiors) == 2
    for before, after in zip(geoms, projected):
        assert after.geom_type == "Polygon"
        shell, holes = expected(before)
        assert np.allclose(np.asarray(after.exterior.coords), shell, rtol=0, atol=1e-6)
        assert len(after.interiors) == len(holes)
        for ring, hole in zip(after.interiors, holes):
            assert np.allclose(np.asarray(ring.coords), hole, rtol=0, atol=1e-6)


def test_the_same_geometries_as_shapely_transform():
    p = Projector(CRS)
    geoms = polygons()
    ours = p.project(geoms)
    theirs = shapely.transform(geoms, p._forward_xy)
    assert shapely.equals_exact(ours, theirs, tolerance=0).all()
    assert [g.geom_type for g in ours] == [g.geom_type for g in theirs]


def test_other_inputs_are_transformed_as_before():
    p = Projector(CRS)
    square = box(30, 45, 31, 46)
    mixed = np.array([square, MultiPolygon([square, box(32, 45, 33, 46)])], dtype=object)
    out = p.project(mixed)
    assert [g.geom_type for g in out] == ["Polygon", "MultiPolygon"]
    assert p.project(square).geom_type == "Polygon"
    raised = Polygon([(30, 45, 1), (31, 45, 1), (31, 46, 1)])
    flat = np.array([raised], dtype=object)
    assert shapely.equals_exact(p.project(flat), shapely.transform(flat, p._forward_xy), 0).all()
    assert p.project(np.array([Polygon()], dtype=object))[0].is_empty
    shell, _ = expected(square)
    assert np.allclose(np.asarray(out[0].exterior.coords), shell, rtol=0, atol=1e-6)
