"""The window's background jobs after an open run one at a time, in an order that keeps
the memory low: the region figures, then the front analytics they start, then the
prebuilt paths (pieces, highlight windows), which the window holds from then on, so the
analytics' peak never comes on top of them."""

from __future__ import annotations

import threading

from factories import two_region_situation
from ui_helpers import isolate_settings


def test_the_paths_are_built_after_the_front_analytics(qtbot, monkeypatch, tmp_path):
    from viewer.ui import analytics_measuring, measuring
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    log, lock = [], threading.Lock()

    def logged(name, job):
        def run(*args, **kwargs):
            with lock:
                log.append(f"{name} start")
            yield from job(*args, **kwargs)
            with lock:
                log.append(f"{name} end")
        return run
    for module, name in ((measuring, "measuring_job"), (measuring, "prebuild_job"),
                         (analytics_measuring, "analytics_job")):
        monkeypatch.setattr(module, name, logged(name, getattr(module, name)))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_situation(two_region_situation())
    qtbot.waitUntil(lambda: window.analytics.analytics is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.worker.wait(0.0) and "prebuild_job end" in log,
                    timeout=20000)
    assert log == ["measuring_job start", "measuring_job end", "analytics_job start",
                   "analytics_job end", "prebuild_job start", "prebuild_job end"]
    qtbot.waitUntil(lambda: len(window.loaded.scene._pieces) >= sum(
        len(layer.history.pieces) for layer in window.situation.layers), timeout=20000)
    assert window.regions_panel.figures is not None
    window.close()
