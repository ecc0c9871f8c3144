"""The windows (A, t] held to A while comparing, made ahead one after another
(held_windows.HeldWindows): each window's pieces cover what its changes gained and lost
together (united here with shapely, projected with pyproj), and a window shares with the
last the paths of the polygons both have (the same objects, with the same digests), so
a step of B makes the paths of the few polygons near its change only."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import shapely
from pyproj import Transformer
from PySide6.QtGui import QPainterPath

from viewer.model.cursor import held_days
from viewer.model.snapshot import SituationSnapshot
from viewer.render import MapScene
from viewer.render.held_windows import HeldWindows
from viewer.render.highlight_area import AreaPieces
from viewer.ui.compare_figures import WorkerSide, ahead_job
from viewer.ui.worker import Job

from test_highlight_parts import DAY0, DAYS, _fresh, _situation


def _path_area(path: QPainterPath) -> float:
    """The area a polygon's path encloses: its rings' signed areas added up (holes run
    the other way round from their exterior)."""
    total = 0.0
    for ring in path.toSubpathPolygons():
        xy = np.array([(p.x(), p.y()) for p in ring])
        x, y = xy[:, 0], xy[:, 1]
        total += 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    return abs(total)


def _made(scene: MapScene, since, times):
    held = HeldWindows(scene.project_layer, scene.situation, since,
                       frozenset(layer.id for layer in scene.situation.layers))
    windows: dict = {}
    for k in range(0, len(times), 3):              # (asked a few at a time, as the job does)
        windows.update(held.made(times[k:k + 3]))
    return windows


def test_each_window_made_ahead_covers_its_changes_merged_afresh(qapp):
    situation = _situation()
    scene = MapScene(situation)
    to_map = Transformer.from_crs("EPSG:4326", scene.projector.crs, always_xy=True)
    since = DAY0 - timedelta(days=1)
    times = [DAY0 + timedelta(days=k, hours=6) for k in range(1, DAYS)]
    windows = _made(scene, since, times)
    keys = [("highlight", tuple(c.id for c in situation.recent_changes(t, held_days(since, t))))
            for t in times]
    assert list(windows) == list(dict.fromkeys(k for k in keys if k[1]))
    for key, pieces in windows.items():
        for got, expected in zip(pieces, _fresh(situation, key[1])):
            assert isinstance(got, AreaPieces)
            area = shapely.area(shapely.transform(
                shapely.segmentize(expected, 0.01), lambda xy: np.column_stack(
                    to_map.transform(xy[:, 0], xy[:, 1]))))
            made = sum(_path_area(p) for p in got.paths)
            assert abs(made - area) <= 1e-4 * area + 1.0, key
            boxes = np.array([p.boundingRect().getCoords() for p in got.paths]).reshape(-1, 4)
            assert np.allclose(got.boxes, boxes, atol=1e-6 * max(area, 1.0) ** 0.5)


def test_a_window_shares_the_last_ones_polygons_paths(qapp):
    """The squares taken far east of the front (from 31.5°E, one more every other day)
    are left alone by every later change: each later window has the same path objects
    for them, with the same digests."""
    situation = _situation()
    scene = MapScene(situation)
    since = DAY0 - timedelta(days=1)
    times = [DAY0 + timedelta(days=k, hours=6) for k in range(1, DAYS)]
    windows = [gained for gained, _ in _made(scene, since, times).values()]
    east = float(scene.projector.forward([31.45], [48.15])[0][0])
    kept = 0
    for last, now in zip(windows, windows[1:]):
        far = [(p, key) for p, key, box in zip(last.paths, last.keys, last.boxes)
               if box[0] > east]
        mine = {id(p): key for p, key in zip(now.paths, now.keys)}
        assert all(mine.get(id(p)) == key for p, key in far)
        kept += len(far)
    assert kept >= DAYS                          # (squares there, in most windows)


def test_the_next_ahead_job_of_the_same_a_follows_on_from_the_last_one(qapp):
    """The worker's jobs of one A (asked every twenty steps of B) go on from the window
    the last job made: the next job's first window has the last one's path objects
    for the squares far east of the front, instead of merging every change since A
    again."""
    situation = _situation()
    scene = MapScene(situation)
    side = WorkerSide(SituationSnapshot.of(situation), scene.projector.crs.srs)
    since = DAY0 - timedelta(days=1)
    times = [DAY0 + timedelta(days=k, hours=6) for k in range(1, DAYS)]
    visible = frozenset(layer.id for layer in situation.layers)

    def job(ts) -> list:
        made: dict = {}
        for windows in ahead_job(side, since, ts, visible, Job()):
            made.update(windows)
        return [gained for gained, _ in made.values()]
    last, now = job(times[:8])[-1], job(times[8:12])[0]
    east = float(scene.projector.forward([31.45], [48.15])[0][0])
    far = [(p, key) for p, key, box in zip(last.paths, last.keys, last.boxes) if box[0] > east]
    assert far
    mine = {id(p): key for p, key in zip(now.paths, now.keys)}
    assert all(mine.get(id(p)) == key for p, key in far)
