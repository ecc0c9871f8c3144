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
    builder.request(keys[0], lambda: pieces[0], lambda: [(keys[1], lambda: pieces[1])])
    builder.request(other, lambda: pieces[0], list)     # cancels the first job
    qtbot.waitUntil(lambda: all(scene.big.has(k) for k in keys + [other]), timeout=20000)
    assert builder.wait(10.0)
    builder.shutdown()


def test_the_pieces_of_each_display_are_looked_up_in_the_job_not_on_the_gui_thread(qtbot):
    """Looking up 28 states' pieces among 200,000 squares took some 30 ms: done when the
    map asked (on the GUI thread), it held the event loop up while a big file opened."""
    import threading
    scene = MapScene(_grid_situation())
    owner, builder = _builder(scene)
    level = bucket(4000.0)
    asked = []

    def pieces(i):
        def look_up():
            asked.append((i, threading.current_thread()))
            return scene.big.pieces("dense", i)
        return look_up
    builder.request(("dense", 0, level), pieces(0), lambda: [(("dense", 1, level), pieces(1))])
    qtbot.waitUntil(lambda: scene.big.has(("dense", 1, level)), timeout=20000)
    assert builder.wait(10.0)
    assert sorted(i for i, _ in asked) == [0, 1]
    assert all(thread is not threading.main_thread() for _, thread in asked)
    builder.shutdown()


def _builder(scene):
    from PySide6.QtCore import QObject
    from viewer.ui.big_layer_builder import BigLayerBuilder
    owner = QObject()
    builder = BigLayerBuilder(owner)
    builder.attach(scene)
    return owner, builder


def test_a_window_asked_for_while_the_state_shown_is_made_waits_for_it(qtbot):
    """The map asks for the state's Display, then (same paint) for its highlight window's:
    the state is made first (the window no longer cancels it and goes before)."""
    scene = MapScene(_grid_situation())
    owner, builder = _builder(scene)
    made = []
    builder.made.connect(made.append)
    level = bucket(4000.0)
    state = ("dense", 0, level)
    window = ("window", ("c1",), 0, level)
    pieces = scene.big.pieces("dense", 0)
    builder.request(state, lambda: pieces, lambda: [(("dense", 1, level),
                                                     lambda: scene.big.pieces("dense", 1))])
    builder.request(window, lambda: pieces[:10], list)
    qtbot.waitUntil(lambda: len(made) == 3, timeout=20000)
    assert made[0] == state and set(made) == {state, window, ("dense", 1, level)}
    assert builder.wait(10.0)
    builder.shutdown()


def test_the_whole_file_adopts_what_its_first_view_s_job_makes(qtbot, monkeypatch):
    """The whole file replaces its first view while the first view's state is being
    made: the job goes on and its Display is the whole file's; the other states follow."""
    import threading

    from viewer.ui import big_layer_builder
    first, whole = MapScene(_grid_situation()), MapScene(_grid_situation())
    first.big.other_states = False
    owner, builder = _builder(first)
    made, builds, steps, go = [], [], [], threading.Event()
    builder.made.connect(made.append)
    real = big_layer_builder.build_display
    monkeypatch.setattr(big_layer_builder, "build_display",
                        lambda *a, **k: builds.append(a[2]) or real(*a, **k))

    def hold(job):                      # the job is under way (in build_display), held
        steps.append(job)
        if len(steps) > 2:
            go.wait(10.0)
    builder._worker.on_step = hold
    level = bucket(4000.0)
    state = ("dense", 0, level)
    first.big.state_display("dense", 0, 4000.0)             # the first view's paint
    qtbot.waitUntil(lambda: len(builds) == 1, timeout=10000)
    builder.attach(whole, same_states=True)
    whole.big.state_display("dense", 0, 4000.0)             # the whole file's paint
    go.set()
    qtbot.waitUntil(lambda: whole.big.has(("dense", 1, level)), timeout=20000)
    assert made == [state, ("dense", 1, level)]
    assert len(builds) == 2                                 # made once each
    assert whole.big.has(state) and not first.big.has(state)
    assert builder.wait(10.0)
    builder.shutdown()
