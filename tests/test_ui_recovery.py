"""A crash while editing (SIGKILL) loses at most the recovery interval: the next launch
offers the recovery file and restores the edits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QMessageBox

from factories import two_region_situation
from ui_helpers import answer_next_box
from viewer.io.situation_file import read_situation, write_situation
from viewer.ui.recent_files import CONFIG_DIR_ENV
from viewer.ui.recovery import INTERVAL_ENV

EDITING = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from viewer.io.situation_file import read_situation
    from viewer.model import Reliability, Report, parse_time
    from viewer.model.edits import AddReport
    from viewer.ui.loader import prepare
    from viewer.ui.main_window import MainWindow
    path = Path(sys.argv[1])
    window = MainWindow()
    window.show()
    window.show_loaded(prepare(read_situation(path), path))
    window.edits.perform(AddReport(Report("crash-1", parse_time("2025-06-13T08:00Z"),
                         "Desk", "Written before the crash", "", "", "en",
                         Reliability("C", 3))))
    info = window.edits.recovery.info
    while not info.exists():
        app.processEvents()
        time.sleep(0.02)
    print("recovery written", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.02)
""")


def crash_while_editing(tmp_path):
    """A viewer process editing a file, SIGKILLed once its recovery is written: (its
    settings folder, the file)."""
    config = tmp_path / "config"
    config.mkdir()
    path = tmp_path / "edited.gpkg"
    write_situation(two_region_situation(), path)
    env = dict(os.environ, **{CONFIG_DIR_ENV: str(config), INTERVAL_ENV: "0.2",
                              "QT_QPA_PLATFORM": "offscreen"})
    child = subprocess.Popen([sys.executable, "-c", EDITING, str(path)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "recovery written", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert "crash-1" not in {r.id for r in read_situation(path).reports}   # never saved
    return config, path


def test_sigkill_while_editing_then_recovery_is_offered_and_restores(qtbot, monkeypatch,
                                                                      tmp_path):
    config, path = crash_while_editing(tmp_path)

    monkeypatch.setenv(CONFIG_DIR_ENV, str(config))
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    seen = answer_next_box(QMessageBox.StandardButton.Yes)
    try:
        assert window.edits.offer_recovery()
        assert seen and str(path) in seen[0]
        assert window.situation.report("crash-1").title == "Written before the crash"
        assert window.path == path and window.isWindowModified()
        assert window.edits.save()
        assert "crash-1" in {r.id for r in read_situation(path).reports}
        assert not window.edits.recovery.info.exists()      # a clean save deletes it
    finally:
        window.edits.stack.setClean()
        window.close()
        window.deleteLater()


RELAUNCH = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    import viewer.app as app_module

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "offer_recovery":
            QTimer.singleShot(20, answer)
            return
        print("asked", box.text().replace("\\n", " "), flush=True)
        box.button(QMessageBox.StandardButton.Yes).click()
        QTimer.singleShot(0, report)

    def report():
        window = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "MainWindow")
        if "crash-1" not in {r.id for r in window.situation.reports}:
            if attempts[0] < 500:                   # not yet restored: up to 10 s
                attempts[0] += 1
                QTimer.singleShot(20, report)
                return
            print("not restored", flush=True)
            window.close()
            return
        print("restored", window.situation.report("crash-1").title, flush=True)
        print("path", window.path, "modified", window.isWindowModified(), flush=True)
        window.edits.save()
        window.close()

    attempts = [0]
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, answer)
    sys.exit(app_module.main([]))
""")


def test_the_next_launch_of_the_app_offers_the_recovery_and_restores(tmp_path):
    """The relaunch is the app itself (situation-viewer, no file named: the sample
    opens), which asks before anything else and reopens the edited file with the edit."""
    config, path = crash_while_editing(tmp_path)
    env = dict(os.environ, **{CONFIG_DIR_ENV: str(config), "QT_QPA_PLATFORM": "offscreen"})
    res = subprocess.run([sys.executable, "-c", RELAUNCH], env=env, capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].startswith("asked ") and str(path) in lines[0]
    assert lines[1:] == ["restored Written before the crash",
                         f"path {path} modified True"]
    assert "crash-1" in {r.id for r in read_situation(path).reports}
    assert not (config / "recovery.json").exists() and not (config / "recovery.gpkg").exists()
