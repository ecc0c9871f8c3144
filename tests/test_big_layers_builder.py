"""The window's builder of big layers' Displays (viewer.ui.big_layer_builder): a new
request does not drop the work a cancelled job had left."""

from __future__ import annotations

from test_big_layers import _grid_situation
from viewer.render import MapScene
from viewer.render.display import bucket


def test_a_new_request_keeps_what_the_cancelled_job_had_still_to_make(qtbot):
    """The builder asked for one Display, then (before the first job's Displays are
    adopted) for another at the same zoom: the second job makes the first's remaining
    states too, so none is left to be made later, at a time step."""
    from PySide6.QtCore import QObject
    from viewer.ui.big_layer_builder import BigLayerBuilder
    scene = MapScene(_grid_situation())
    owner = QObject()
    builder = BigLayerBuilder(owner)
    builder.attach(scene)
    level = bucket(4000.0)
    pieces = [scene.big.pieces("dense", i) for i in (0, 1)]
    keys = [("dense", i, level) for i in (0, 1)]
    other = ("window", ("c1",), 0, level)              # (its pieces: any will do)
    builder.request(keys[0], lambda: pieces[0], lambda: [(keys[1], pieces[1])])
    builder.request(other, lambda: pieces[0], list)     # cancels the first job
    qtbot.waitUntil(lambda: all(scene.big.has(k) for k in keys + [other]), timeout=20000)
    assert builder.wait(10.0)
    builder.shutdown()
