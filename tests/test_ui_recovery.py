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


def test_sigkill_while_editing_then_recovery_is_offered_and_restores(qtbot, monkeypatch,
                                                                      tmp_path):
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
