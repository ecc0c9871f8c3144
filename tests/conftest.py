"""Shared test setup: offscreen Qt, isolated settings, paths, and leak checks."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (recent files, window layout) must never touch the tester's own settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="situation-viewer-test-config-")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEEPSTATE = SHARED / "data" / "deepstate-daily"
SOURCES = SHARED / "sources"


@pytest.fixture
def errors(monkeypatch):
    """Error dialogs shown, as (title, text), instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: shown.append((box.windowTitle(), box.text())))
    return shown


@pytest.fixture
def sample_path() -> Path:
    from viewer.resources import sample_path
    assert sample_path().exists(), f"the embedded sample is missing: {sample_path()}"
    return sample_path()


@pytest.fixture
def deepstate_dir() -> Path:
    if not DEEPSTATE.is_dir():
        pytest.skip(f"{DEEPSTATE} is absent: the DeepState corpus lives in ../shared, "
                    "which CI has and a user's clone does not")
    return DEEPSTATE


@pytest.fixture(autouse=True)
def _no_leaked_windows_or_timers(request):
    """After each test, no window may still be shown and no timer may still run."""
    yield
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None or not isinstance(app, QApplication):
        return
    from PySide6.QtCore import QEvent, QTimer
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    timers = [t for w in app.topLevelWidgets() for t in w.findChildren(QTimer) if t.isActive()
              and t.objectName() not in _QT_INTERNAL_TIMERS]
    for w in shown:
        w.close()
    assert not shown, f"test left windows open: {[type(w).__name__ for w in shown]}"
    assert not timers, f"test left timers running: {[t.objectName() or t for t in timers]}"


# Timers Qt or pyqtgraph own internally (not ours to stop); none known so far.
_QT_INTERNAL_TIMERS: set[str] = set()


@pytest.fixture(scope="session")
def deepstate_states():
    """(time, geometry) of every DeepState snapshot, parsed once per test session."""
    if not DEEPSTATE.is_dir():
        pytest.skip(f"{DEEPSTATE} is absent: the DeepState corpus lives in ../shared, "
                    "which CI has and a user's clone does not")
    import json
    import re

    import shapely
    from shapely.geometry import shape

    from viewer.model import parse_time
    states = []
    for path in sorted(DEEPSTATE.glob("*.geojson")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        geom = shapely.union_all([shape(f["geometry"]) for f in doc["features"]])
        states.append((parse_time(re.search(r"(\d{8})", path.name).group(1)), geom))
    return states


@pytest.fixture(scope="session")
def deepstate_import(tmp_path_factory):
    """(file, printed summary) of ``import`` of the whole DeepState corpus with the issue's
    command line, run once per session: test_import_corpus and test_settlements_corpus
    each read the file back (the import alone takes about 25 s)."""
    if not DEEPSTATE.is_dir():
        pytest.skip(f"{DEEPSTATE} is absent: the DeepState corpus lives in ../shared, "
                    "which CI has and a user's clone does not")
    import contextlib
    import io

    from viewer.cli.main import main
    out = tmp_path_factory.mktemp("corpus") / "deepstate.gpkg"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        status = main(["import", str(DEEPSTATE), "--layer", "Occupied (DeepState)",
                       "--kind", "assessed-control", "--regions", "builtin:ukraine-oblasts",
                       "-o", str(out)])
    assert status == 0
    return out, stdout.getvalue()


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    """The main window on a hand-made two-region situation, with settings kept in tmp_path."""
    from ui_helpers import isolate_settings, open_window
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot)
    yield w
    w.close()


@pytest.fixture
def two_files(tmp_path):
    """Two situation files of factories.growing_situation(), a.gpkg and b.gpkg."""
    from factories import growing_situation
    from viewer.io.situation_file import write_situation
    paths = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    for path in paths:
        write_situation(growing_situation(), path)
    return paths


@pytest.fixture
def collecting():
    """Python's cyclic collector running before the test; after it, no Pause is left (one
    left would hide another test's), and the collector runs again whatever happened."""
    import gc
    from viewer.model import collector_pause
    gc.enable()
    yield
    left = collector_pause._pauses
    gc.enable()
    assert left == 0
