"""The canvas prepares nothing ahead (canvas_idle) while a file is being opened: a chunk
holds the GIL for tens of milliseconds and the file's read holds it too, so together
they would stall the event loop; once the file is shown, the preparations run again.

The loader's job is held in its full read with the worker's ``on_step`` hook
(test_open_collector_pause.ReadHold): no sleeps, no timings."""

from __future__ import annotations

from test_open_collector_pause import ReadHold


def test_the_canvas_prepares_nothing_while_a_file_is_opened(window, qtbot, two_files):
    window.activateWindow()
    qtbot.waitUntil(window.canvas.isActiveWindow)
    idle = window.canvas.idle
    asked = []                          # each time a chunk was due (the hold asked)
    held = idle.held
    idle.held = lambda: asked.append(True) or held()
    hold = ReadHold(window)
    window.files.open_file(two_files[0])
    qtbot.waitUntil(hold.held.is_set, timeout=10000)
    done, due = idle.chunks_done, len(asked)
    qtbot.waitUntil(lambda: len(asked) >= due + 2, timeout=10000)
    assert idle.chunks_done == done     # due twice since, while the read is held: none ran
    hold.open.set()
    qtbot.waitUntil(lambda: window.path == two_files[0] and not window.files.loader.busy,
                    timeout=10000)
    qtbot.waitUntil(lambda: idle.chunks_done > done, timeout=10000)
