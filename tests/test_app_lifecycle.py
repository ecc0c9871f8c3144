"""The app as a process: starts, uses the timeline, quits with status 0 and a quiet stderr.

PySide6-Essentials 6.12.0 with pyqtgraph 0.14 aborted at interpreter exit after replotting
("Fatal Python error: bool_dealloc"); this is the test that catches such a regression.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import viewer.app as app_module

    def drive():
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
        cursor = window.cursor_model
        for _ in range(40):                 # scrub: every step replots the chart cursor
            cursor.step_by(1)
            app.processEvents()
        cursor.first()
        cursor.next_change()
        app.processEvents()
        print("time", cursor.time.isoformat(), flush=True)
        window.close()

    app = QApplication(sys.argv[:1])        # main() uses it; the timer needs it first
    QTimer.singleShot(0, drive)
    sys.exit(app_module.main([]))
""")
# The offscreen platform plugin (not a real screen) says this when a window is shown.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def stderr_lines(stderr: str) -> list[str]:
    """What a run printed on stderr, without the offscreen plugin's own line."""
    return [l for l in stderr.splitlines() if l.strip() and l.strip() != OFFSCREEN_NOISE]


def test_app_scrubs_and_quits_with_status_0():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120, env=env)
    assert res.returncode == 0, res.stderr
    assert stderr_lines(res.stderr) == []
    assert "time 2025-06-08" in res.stdout


@pytest.mark.skipif(shutil.which("xvfb-run") is None,
                    reason="xvfb-run is missing: install the xvfb package (CI does) to run the "
                           "real-window test")
def test_real_window_under_xvfb():
    """`situation-viewer` on the real xcb platform: the window appears, then closes cleanly."""
    probe = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import viewer.app as app_module

        def check():
            app = QApplication.instance()
            wins = [w for w in app.topLevelWidgets() if w.objectName() == "MainWindow"]
            if not wins or not wins[0].isVisible() or not wins[0].windowHandle().isExposed():
                QTimer.singleShot(100, check)
                return
            print("platform", app.platformName(), "title", wins[0].windowTitle(), flush=True)
            wins[0].close()

        app = QApplication(sys.argv[:1])
        QTimer.singleShot(100, check)
        sys.exit(app_module.main([]))
    """)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    res = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable,
                          "-c", probe], capture_output=True, text=True, timeout=180, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip() == ""
    assert "platform xcb" in res.stdout, res.stdout + res.stderr
    assert "Dnipropetrovsk border" in res.stdout


def test_smoke_test_variable_quits_after_the_first_frame(tmp_path):
    """SITUATION_VIEWER_SMOKE_TEST=1 (used on the frozen bundle): the app shows the window,
    paints the map and quits by itself with status 0; without it, it would run until closed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SITUATION_VIEWER_SMOKE_TEST="1",
               XDG_CONFIG_HOME=str(tmp_path))
    res = subprocess.run([sys.executable, "-m", "viewer"], capture_output=True, text=True,
                         timeout=120, env=env)
    assert res.returncode == 0, res.stderr
    noise = "This plugin does not support propagateSizeHints()"
    assert [l for l in res.stderr.splitlines() if l.strip() and l.strip() != noise] == []
    assert res.stdout.splitlines() == [
        "SITUATION_VIEWER_SMOKE_TEST: first frame painted on offscreen"]


def test_bbox_frames_the_window_as_asked():
    """`situation-viewer --bbox ...` opens on that box once the window has its size (it was
    fitted to the canvas before the window was shown, a few pixels wide, and stayed far
    out)."""
    probe = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import viewer.app as app_module
        from viewer.ui.view_command import view_bbox

        def check():
            app = QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
            if not window.isVisible():
                QTimer.singleShot(50, check)
                return
            print("view", *view_bbox(window), flush=True)
            window.close()

        app = QApplication(sys.argv[:1])
        QTimer.singleShot(0, check)
        sys.exit(app_module.main(["--bbox", "35.0,48.0,35.4,48.2"]))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120, env=env)
    assert res.returncode == 0, res.stderr
    line = next(l for l in res.stdout.splitlines() if l.startswith("view "))
    minlon, minlat, maxlon, maxlat = map(float, line.split()[1:])
    # the whole box is in view, and in one direction (the window's aspect decides which)
    # the view is no more than 10 % bigger than the box: 0.4 degrees of longitude, 0.2 of
    # latitude (the projected box's corners make it a little more along the centre lines)
    assert minlon <= 35.0 + 1e-3 and maxlon >= 35.4 - 1e-3
    assert minlat <= 48.0 + 1e-3 and maxlat >= 48.2 - 1e-3
    assert (maxlon - minlon) < 0.44 or (maxlat - minlat) < 0.22, line
