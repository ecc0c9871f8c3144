"""The situation shown is out of the cyclic collector's walks (viewer.ui.collector), so
what a window replaces must be freed by reference counting alone: nothing of a replaced
situation, its scene or the first view's waits for the collector."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication

from factories import growing_situation


def _open(window, qtbot, path, first_views: list | None = None) -> None:
    """File ▸ Open of ``path`` until it is shown and the background work ended."""
    before = window.situation
    if first_views is not None:
        window.files.loader.first_view.connect(lambda view: first_views.append(
            (weakref.ref(view.scene), weakref.ref(view.scene.situation))))
    window.files.open_file(path)
    qtbot.waitUntil(lambda: window.situation is not before and not window.files.loader.busy,
                    timeout=10000)
    qtbot.waitUntil(lambda: window.worker.wait(0) and window.big_layers.wait(0),
                    timeout=20000)


def test_what_a_window_replaces_is_freed_without_the_collector(window, qtbot, two_files):
    """Nothing of the replaced file (its scene, situation, a layer's history, the first
    view's scene and situation) waits for the collector: a full collection frees none
    of them that reference counting had not freed (a cycle through any of them would)."""
    a, b = two_files
    _open(window, qtbot, a)
    old = [weakref.ref(window.loaded.scene), weakref.ref(window.situation),
           weakref.ref(window.situation.layers[0].history)]
    gc.collect()
    gc.disable()
    try:
        first_views: list = []
        _open(window, qtbot, b, first_views)
        window.canvas.repaint()
        assert len(first_views) == 1            # the new file's first view was shown
        refs = old + list(first_views[0])
        QCoreApplication.processEvents()        # (queued deliveries for the old file)
        counted = [r() is None for r in refs]
        gc.collect()
        collected = [r() is None for r in refs]
    finally:
        gc.enable()
    assert counted == collected
    assert counted[0] and counted[3]            # the scenes at least are gone


def test_the_situation_shown_is_frozen_until_the_window_closes(window, qtbot, two_files):
    _open(window, qtbot, two_files[0])
    piece = window.situation.layers[0].history.pieces[0]
    assert gc.is_tracked(piece) and gc.get_freeze_count() > 0
    assert not any(obj is piece for obj in gc.get_objects())    # not walked by a collection
    window.close()
    assert gc.get_freeze_count() == 0
    assert any(obj is piece for obj in gc.get_objects())


def test_a_layer_s_history_is_freed_without_the_collector():
    """Its state unions are kept in a dict, not in an lru_cache of its own method."""
    history = growing_situation().layers[0].history
    assert not history.state_at(history.times[-1]).is_empty
    ref = weakref.ref(history)
    gc.collect()
    gc.disable()
    try:
        del history
        freed = ref() is None
    finally:
        gc.enable()
    assert freed
