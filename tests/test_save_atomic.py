"""A situation file is never lost or changed: opening leaves it as it was, a save killed at
any moment leaves the old file or the new one (whole), and a full disk leaves the old one.

Tests run as root, for whom read-only permissions are not enforced and mounting a small
file system is not an option; so "read-only" is checked as what SQLite is asked to do
(a URI with ``mode=ro``) and what it does (no journal, -wal or -shm file), and a
full disk is injected (SQLite's own page limit, or ENOSPC from fsync).
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from test_gpkg_roundtrip import sample_situation
from viewer.io.situation_file import writer as gpkg_writer
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import Situation, SituationMeta

ROOT = Path(__file__).resolve().parent.parent
KILL_RUNS = int(os.environ.get("SAVE_KILL_RUNS", "30"))       # e.g. SAVE_KILL_RUNS=1000 for a soak
KILL_SEED = int(os.environ.get("SAVE_KILL_SEED", "20250613"))   # the kill moments
NO_SPACE = os.strerror(errno.ENOSPC)


def snapshot(path: Path):
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def ours(path: Path) -> list[str]:
    """Temporary files of saves of ``path`` (``.<name>.<pid>.<random>.tmp[-journal]``)."""
    return sorted(p for p in os.listdir(path.parent) if p.startswith(f".{path.name}."))


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "data" / "south.gpkg"
    path.parent.mkdir()
    write_situation(sample_situation(), path)
    return path


@pytest.fixture
def read_only_opens(monkeypatch) -> list[tuple]:
    """Every sqlite3.connect call (any thread) as (database, uri flag)."""
    calls, real = [], sqlite3.connect

    def spy(database, *args, **kwargs):
        calls.append((str(database), kwargs.get("uri", False)))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    return calls


def assert_read_only(calls: list[tuple], path: Path) -> None:
    assert calls, "the file was not opened"
    for database, uri in calls:
        assert uri and database.startswith("file:") and "?mode=ro" in database


# -- opening changes nothing -------------------------------------------------------------
@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal-mode"])
def test_opening_in_the_window_changes_nothing(saved, wal, qtbot, monkeypatch, tmp_path,
                                               read_only_opens):
    from ui_helpers import isolate_settings
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    if wal:                      # as QGIS leaves files: a plain open would add -wal and -shm
        conn = sqlite3.connect(saved)
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        conn.close()
        read_only_opens.clear()
    before = snapshot(saved)
    saved.chmod(0o444)
    saved.parent.chmod(0o555)    # not enforced for root: the listing check is what counts
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.situation_loaded, timeout=20000) as loaded:
            window.files.open_file(saved, dialog_on_error=False)
        assert loaded.args[0].situation.meta.title == "South, June 2025"
        window.close()
        assert snapshot(saved) == before
    finally:
        saved.parent.chmod(0o755)
    assert_read_only(read_only_opens, saved)


def test_opening_with_the_commands_changes_nothing(saved, qapp, capsys, read_only_opens):
    from viewer.cli.main import main
    before = snapshot(saved)
    saved.parent.chmod(0o555)
    out = saved.parent.parent / "map.png"
    try:
        assert main(["info", str(saved), "--json"]) == 0
        assert main(["render", str(saved), "--at", "2025-06-03", "-o", str(out),
                     "--size", "400x300"]) == 0
        assert snapshot(saved) == before
    finally:
        saved.parent.chmod(0o755)
    assert '"title": "South, June 2025"' in capsys.readouterr().out
    assert_read_only(read_only_opens, saved)


# -- SIGKILL mid-save --------------------------------------------------------------------
# A long-lived helper process (imports done, situation built once) forks one writer per
# run; the writer saves over the target again and again, announcing each finished save,
# until the test kills it with SIGKILL at a random moment.
WRITER = textwrap.dedent("""
    import os, sys, time
    import numpy as np, shapely
    from viewer.io.situation_file import write_situation
    from viewer.model import History, Layer, Piece, Situation, SituationMeta, parse_time

    target, n = sys.argv[1], int(sys.argv[2])
    t0 = parse_time("2025-06-01")
    i = np.arange(n)
    centres = np.column_stack([30 + (i % 100) * 0.05, 45 + (i // 100) * 0.05])
    discs = shapely.buffer(shapely.points(centres), 0.02, quad_segs=16)
    history = History([t0], [Piece(g, t0, None) for g in shapely.multipolygons(
        discs.reshape(-1, 1))], [], np.ones(n))
    situation = Situation(SituationMeta(title="initial"), [], [],
                          [Layer("l", "Pieces", "claimed", history)])
    start = time.perf_counter()
    write_situation(situation, target)
    print("ready", time.perf_counter() - start, flush=True)
    for line in sys.stdin:
        run = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            for k in range(10 ** 9):
                situation.meta.title = f"run {run} save {k}"
                write_situation(situation, target)
                os.write(1, f"saved {run} {k}\\n".encode())     # one write: a whole line
        os.write(1, f"forked {pid}\\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(1, f"dead {pid} {os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1}\\n"
                 .encode())
""")
PIECES = 4000


class Lines:
    """Lines from a pipe, read up to a line wanted or up to a moment, never past it."""

    def __init__(self, pipe):
        self.fd, self.buffer = pipe.fileno(), b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def until(self, deadline: float | None = None, stop=None) -> list[str]:
        """Lines read until one satisfies ``stop`` (an error if none comes within two
        minutes), or else until the monotonic time ``deadline``."""
        limit = deadline if stop is None else time.monotonic() + 120
        got = []
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                got.append(line.decode())
                if stop is not None and stop(got[-1]):
                    return got
            wait = limit - time.monotonic()
            if wait <= 0:
                assert stop is None, "the writer process went quiet:\n" + "\n".join(got)
                return got
            if self.selector.select(wait):
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    raise AssertionError("the writer process ended:\n" + "\n".join(got))
                self.buffer += chunk


@contextlib.contextmanager
def helper_process(cmd: list[str], **kwargs):
    """(process, its Lines) of a helper fed on stdin; it must end with status 0 once
    its stdin closes, and is killed and cleaned up whatever happens."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, **kwargs)
    lines = Lines(proc.stdout)
    try:
        yield proc, lines
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        lines.selector.close()
        proc.stdout.close()
        if not proc.stdin.closed:
            proc.stdin.close()


def kill_one_run(proc, lines: Lines, run: int, delay: float,
                 begun: str | None = None) -> tuple[int, list[str]]:
    """Have the helper fork its writer for ``run``, SIGKILL it ``delay`` seconds later
    (after it printed the line ``begun``, if given); the writer's pid and the lines it
    printed."""
    proc.stdin.write(f"go {run}\n".encode())
    proc.stdin.flush()
    got = lines.until(stop=lambda l: l.startswith("forked"))
    pid = int(got[-1].split()[1])
    if begun is not None:
        got += lines.until(stop=lambda l: l == begun)
    got += lines.until(deadline=time.monotonic() + delay)
    os.kill(pid, signal.SIGKILL)
    got += lines.until(stop=lambda l: l.startswith("dead"))
    assert got[-1] == f"dead {pid} {signal.SIGKILL}", got
    return pid, got


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path):
    target = tmp_path / "killed.gpkg"
    rng = random.Random(KILL_SEED)
    outcomes = {"old": 0, "new": 0, "temp left": 0}
    with helper_process([sys.executable, "-c", WRITER, str(target), str(PIECES)],
                        cwd=ROOT) as (proc, lines):
        ready = lines.until(stop=lambda l: l.startswith("ready"))[-1]
        seconds = float(ready.split()[1])                  # one save, ~0.1 s
        last_title = "initial"
        for run in range(KILL_RUNS):
            # the kill point: anywhere from the first bytes of a save to a few saves later
            pid, got = kill_one_run(proc, lines, run, rng.uniform(0.0, 2.5 * seconds))
            saves = [int(l.split()[2]) for l in got if l.startswith(f"saved {run} ")]
            if saves:
                last_title = f"run {run} save {saves[-1]}"
            in_progress = f"run {run} save {saves[-1] + 1 if saves else 0}"
            situation = read_situation(target)     # whole and readable, whatever happened
            assert situation.meta.title in (last_title, in_progress), (run, got)
            assert len(situation.layers[0].history.pieces) == PIECES
            outcomes["new" if situation.meta.title == in_progress else "old"] += 1
            last_title = situation.meta.title
            left = ours(target)
            outcomes["temp left"] += bool(left)
            if saves:   # a save finished in this run: it removed what earlier kills left
                assert all(f".{pid}." in name for name in left), (run, left)
    print(f"{KILL_RUNS} kills: {outcomes}")
    if KILL_RUNS >= 10:     # about half the kills land mid-save: the case that matters
        assert outcomes["temp left"] > 0, f"no kill landed in the middle of a save: {outcomes}"
    # the next successful save cleans up what the last kill left
    write_situation(Situation(SituationMeta(title="after")), target)
    assert ours(target) == []
    assert sorted(os.listdir(tmp_path)) == ["killed.gpkg"]
    assert read_situation(target).meta.title == "after"


def test_stale_temp_files_that_are_not_certainly_ours_are_kept(saved, monkeypatch):
    """Only files named like our temporary files for this very target, regular and owned
    by us, whose writer is gone (or that nobody touched for STALE_SECONDS) are removed."""
    from viewer.io import atomic as gpkg_temp
    d, name = saved.parent, saved.name
    gone = 2 ** 22 + 12345                              # above Linux's pid_max: no process
    stale = [f".{name}.{gone}.abcd_123.tmp", f".{name}.{gone}.abcd_123.tmp-journal"]
    kept = [f".{name}.{os.getppid()}.zzzzzzzz.tmp",     # its writer is alive
            f".{name}.aaaaaaaa.tmp",                    # no pid: only removed when old
            f".other.gpkg.{gone}.abcd_123.tmp",         # another target's
            f".{name}.{gone}.abcd_123.tmp.bak",         # not our pattern
            f"{name}.{gone}.abcd_123.tmp"]              # no leading dot
    for n in stale + kept:
        (d / n).write_bytes(b"x")
    (d / f".{name}.{gone}.linklink.tmp").symlink_to(saved)    # a link: never followed
    kept.append(f".{name}.{gone}.linklink.tmp")
    write_situation(sample_situation(), saved)
    assert sorted(os.listdir(d)) == sorted(kept + [name])
    monkeypatch.setattr(gpkg_temp, "STALE_SECONDS", -1.0)    # now everything is "old"
    write_situation(sample_situation(), saved)
    assert sorted(os.listdir(d)) == sorted(kept[2:] + [name])


def test_import_over_an_existing_file_is_atomic(tmp_path):
    """``situation-viewer import -o`` over a file: bad input or a kill leaves it whole."""
    import json
    source = tmp_path / "snapshots"
    source.mkdir()
    for day, width in (("20250601", 0.2), ("20250605", 0.4)):
        ring = [[36, 47.5], [36 + width, 47.5], [36 + width, 47.7], [36, 47.7], [36, 47.5]]
        (source / f"front_{day}.geojson").write_text(json.dumps({
            "type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                                                       "geometry": {"type": "Polygon",
                                                                    "coordinates": [ring]}}]}))
    target = tmp_path / "out" / "existing.gpkg"
    target.parent.mkdir()
    write_situation(sample_situation(), target)
    old = target.read_bytes()
    cmd = [sys.executable, "-m", "viewer", "import", "--force"]
    bad = subprocess.run(cmd + [str(tmp_path / "nothing-here.geojson"), "-o", str(target)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and target.read_bytes() == old, bad.stderr
    start = time.monotonic()
    done = subprocess.run(cmd + [str(source), "-o", str(target)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    took = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    new = target.read_bytes()
    rng = random.Random(7)
    for _ in range(4):               # the write is the last step: kill late in the run
        target.write_bytes(old)
        proc = subprocess.Popen(cmd + [str(source), "-o", str(target)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=rng.uniform(0.5, 1.0) * took)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.wait()
        title = read_situation(target).meta.title
        assert title in ("South, June 2025", read_situation_bytes(new, tmp_path).meta.title)
    subprocess.run(cmd + [str(source), "-o", str(target)], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    assert ours(target) == [] and os.listdir(target.parent) == ["existing.gpkg"]


def read_situation_bytes(data: bytes, folder: Path):
    copy = folder / "copy-of-new.gpkg"
    copy.write_bytes(data)
    return read_situation(copy)


# -- a full disk -------------------------------------------------------------------------
@pytest.fixture
def disk_full_in_sqlite(monkeypatch):
    """SQLite runs out of room (SQLITE_FULL) once the new file reaches a few pages, as on
    a full disk: the writer's connections get a tiny max_page_count."""
    real = sqlite3.connect

    def small(database, *args, **kwargs):
        conn = real(database, *args, **kwargs)
        if not kwargs.get("uri"):                    # the writer's, not a reader's
            conn.execute("PRAGMA max_page_count = 6")
        return conn

    monkeypatch.setattr(gpkg_writer.sqlite3, "connect", small)


@pytest.fixture
def disk_full_at_fsync(monkeypatch):
    """The data reached the page cache but not the disk: fsync reports ENOSPC."""
    def fsync(fd):
        raise OSError(errno.ENOSPC, NO_SPACE)
    monkeypatch.setattr(gpkg_writer.os, "fsync", fsync)


@pytest.mark.parametrize("inject", ["disk_full_in_sqlite", "disk_full_at_fsync"])
def test_a_full_disk_leaves_the_old_file_and_says_so_in_one_line(saved, inject, request):
    request.getfixturevalue(inject)
    before = snapshot(saved)
    with pytest.raises(SituationError) as err:
        write_situation(sample_situation(), saved)
    assert str(err.value) == f"{saved}: can't write: {NO_SPACE}"
    assert snapshot(saved) == before
    assert ours(saved) == []


@pytest.mark.parametrize("inject", ["disk_full_in_sqlite", "disk_full_at_fsync"])
def test_save_as_on_a_full_disk_shows_why_and_keeps_the_old_file(saved, inject, request,
                                                                 qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
    from ui_helpers import isolate_settings
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_situation(sample_situation(), None)
    window.situation.meta.title = "Edited in the window"
    request.getfixturevalue(inject)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: shown.append((box.windowTitle(), box.text())))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(saved), "Situation files (*.gpkg)"))
    before = snapshot(saved)
    window.files.save_as()
    assert shown == [("Can't save file", f"{saved}: can't write: {NO_SPACE}")]
    assert snapshot(saved) == before
    assert ours(saved) == []
    assert window.path is None                 # still "not saved": the save failed
    assert QApplication.overrideCursor() is None
    window.close()
