"""What the map scene keeps of each layer piece (a path, its polygons, its box; not the
projected geometry) gives the same boxes and geometry as projecting the pieces with
pyproj, and its paths hold no spare room."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import box

from viewer.model import History, Layer, Region, Situation, SituationMeta, parse_time
from viewer.render import MapScene

D1, D5 = parse_time("2025-06-01"), parse_time("2025-06-05")


@pytest.fixture
def scene(qapp) -> MapScene:
    states = [(D1, box(30.2, 48.2, 31.0, 49.8).segmentize(0.05)),
              (D5, shapely.union(box(30.2, 48.2, 31.6, 49.8), box(31.8, 48.5, 32.4, 49.0))
               .segmentize(0.05))]
    layer = Layer("ctl", "Control", "assessed-control",
                  History.from_states("ctl", states, max_vertices=40))
    meta = SituationMeta(title="t", attributions=["tests"], default_bbox=(29.5, 47.5, 33, 50.5))
    return MapScene(Situation(meta, [Region("A", {"en": "Alpha"}, box(30, 48, 33, 50))], [],
                              [layer]))


def _projected(scene: MapScene, geoms) -> np.ndarray:
    to = pyproj.Transformer.from_crs("EPSG:4326", scene.projector.crs, always_xy=True)
    return shapely.transform(shapely.segmentize(np.asarray(geoms, dtype=object), 0.05),
                             lambda xy: np.column_stack(to.transform(xy[:, 0], xy[:, 1])))


def test_boxes_and_geometry_are_those_of_the_projected_pieces(scene):
    history = scene.situation.layer("ctl").history
    indices = history.piece_indices(history.state_index(D5))
    assert len(indices) > 4                               # cut into pieces
    want = _projected(scene, [history.pieces[i].geometry for i in indices])
    np.testing.assert_allclose(scene.piece_bounds("ctl", indices), shapely.bounds(want),
                               rtol=1e-9)
    got = scene.layer_geometry("ctl", D5)
    assert shapely.symmetric_difference(shapely.union_all(got), shapely.union_all(want)).area \
        < 1e-9 * shapely.union_all(want).area
    assert scene.layer_rings("ctl", D5) == int(shapely.get_num_geometries(want).sum())


def test_paths_hold_exactly_their_points(scene):
    path = scene.layer_path("ctl", D5)
    history = scene.situation.layer("ctl").history
    pieces = [scene._pieces[("ctl", i)][0] for i in history.piece_indices(1)]
    assert path.elementCount() == sum(p.elementCount() for p in pieces) > 0
    assert path.capacity() == path.elementCount()
    assert all(p.capacity() - p.elementCount() <= 2 for p in pieces)
