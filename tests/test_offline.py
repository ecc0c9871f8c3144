"""No network, ever: the window and every command run with every network socket blocked.

Each case runs in a subprocess whose PYTHONPATH starts with tests/offline_guard, whose
sitecustomize.py blocks and records any socket other than AF_UNIX from Python code, and
kills the process (SIGSYS) at one from native code. A case passes when the command
succeeds, the guard was armed in it, and nothing was recorded. Positive controls show
the guard catches an attempt, so these tests can fail.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUARD = Path(__file__).resolve().parent / "offline_guard"
CONSOLE_SCRIPT = Path(sys.executable).with_name("situation-viewer")


def viewer_command(*args: str) -> list[str]:
    """The installed ``situation-viewer`` entry point, else ``python -m viewer``."""
    if CONSOLE_SCRIPT.exists():
        return [str(CONSOLE_SCRIPT), *args]
    return [sys.executable, "-m", "viewer", *args]


class Guarded:
    """Run commands under the offline guard, with their records in ``folder``."""

    def __init__(self, folder: Path):
        self.log, self.armed = folder / "network-attempts.log", folder / "guard-armed.log"
        config = folder / "config"
        config.mkdir(exist_ok=True)
        path = [str(GUARD), str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "")
                                          .split(os.pathsep) if p]
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join(path),
                        OFFLINE_GUARD_LOG=str(self.log), OFFLINE_GUARD_ARMED=str(self.armed),
                        QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
                        SITUATION_VIEWER_CONFIG_DIR=str(config))

    def run(self, args: list[str], timeout: float = 180) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=ROOT, env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def attempts(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def armed_lines(self) -> list[str]:
        return self.armed.read_text(encoding="utf-8").splitlines() if self.armed.exists() else []

    def assert_offline(self, res: subprocess.CompletedProcess) -> None:
        assert res.returncode != -signal.SIGSYS, (
            "killed by the offline guard: native code opened a network socket\n" + res.stderr)
        assert res.returncode == 0, res.stderr
        assert self.armed_lines(), "the offline guard was not loaded in the subprocess"
        assert self.attempts() == [], "network use recorded:\n" + "\n".join(self.attempts())


@pytest.fixture
def guarded(tmp_path) -> Guarded:
    return Guarded(tmp_path)


# -- the guard itself --------------------------------------------------------------------
def test_guard_records_and_refuses_a_python_connection(guarded):
    probe = textwrap.dedent("""
        import socket
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=2)
        except OSError as exc:
            print("refused:", exc)
        for family in (socket.AF_INET, socket.AF_INET6):
            try:
                socket.socket(family, socket.SOCK_DGRAM)
            except OSError:
                print("refused family", int(family))
        try:
            socket.getaddrinfo("example.org", 443)
        except OSError:
            print("refused lookup")
        a, b = socket.socketpair()          # AF_UNIX stays allowed
        a.close(), b.close()
    """)
    res = guarded.run([sys.executable, "-c", probe])
    assert res.returncode == 0, res.stderr
    assert "refused: offline guard" in res.stdout
    assert "refused family 2" in res.stdout and "refused family 10" in res.stdout
    assert "refused lookup" in res.stdout
    records = guarded.attempts()
    assert len(records) == 4, records
    assert "create_connection(('127.0.0.1', 9)" in records[0]
    assert "getaddrinfo" in records[3]


def test_guard_kills_a_native_network_socket(guarded):
    probe = textwrap.dedent("""
        import ctypes, socket
        libc = ctypes.CDLL(None)
        print("unix", libc.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0) >= 0, flush=True)
        libc.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
        print("survived", flush=True)
    """)
    res = guarded.run([sys.executable, "-c", probe])
    armed = guarded.armed_lines()
    assert armed, res.stderr
    if armed[0].endswith("native=0"):
        pytest.skip("seccomp is not available here (not Linux x86-64/aarch64, or refused by "
                    "the kernel): only the Python socket guard is armed")
    assert "unix True" in res.stdout
    assert "survived" not in res.stdout
    assert res.returncode == -signal.SIGSYS


# -- the program -------------------------------------------------------------------------
WINDOW_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import viewer.app as app_module

    OUT = Path(sys.argv[1])

    def drive():
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
        try:
            use(app, window)
        except BaseException:
            app.exit(3)                             # the traceback is printed by Qt/PySide
            raise
        finally:
            window.close()

    def use(app, window):
        cursor = window.cursor_model
        cursor.first()
        for _ in range(60):                         # scrub the whole timeline
            cursor.step_by(1)
            app.processEvents()
        cursor.set_time(window.situation.meta.default_time or cursor.time)
        panel, opened = window.reports_panel, 0
        for tree in (panel.window_tree, panel.all_tree):
            panel.tabs.setCurrentWidget(tree)
            i = 0
            while i < len(tree.items()):           # a pick moves the time: the tree changes
                tree.setCurrentItem(tree.items()[i])
                app.processEvents()
                opened += bool(panel.details.text.toPlainText())
                i += 1
        exported = window.images.export_to(OUT / "map.png", (900, 600))
        window.images.copy_to_clipboard()
        app.processEvents()
        maps = Path("/proc/self/maps")
        report = {
            "opened": opened, "exported": exported,
            "qtnetwork_imported": sorted(m for m in sys.modules if "QtNetwork" in m),
            "qtnetwork_mapped": "libQt6Network" in maps.read_text() if maps.exists() else None,
        }
        print("REPORT " + json.dumps(report), flush=True)

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, drive)
    sys.exit(app_module.main([]))
""")


def test_window_uses_no_network(guarded, tmp_path):
    """The window on the embedded sample: scrub, open every report, export, copy, close.
    Beyond the socket guard: Qt's network module is neither imported nor even loaded, so
    no QNetworkAccessManager (the way Qt would fetch fonts, tiles or updates) can exist."""
    res = guarded.run([sys.executable, "-c", WINDOW_SCRIPT, str(tmp_path)], timeout=90)
    guarded.assert_offline(res)
    report = json.loads(next(line[7:] for line in res.stdout.splitlines()
                             if line.startswith("REPORT ")))
    assert report["opened"] >= 4, report          # the sample has several reports
    assert report["exported"] is True
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert report["qtnetwork_imported"] == []
    assert report["qtnetwork_mapped"] in (False, None)


def test_render_and_info_use_no_network(guarded, sample_path, tmp_path):
    out = tmp_path / "map.svg"
    res = guarded.run(viewer_command("render", str(sample_path), "--at", "2025-06-13",
                                     "-o", str(out), "--size", "800x500"))
    guarded.assert_offline(res)
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    res = guarded.run(viewer_command("info", str(sample_path), "--json"))
    guarded.assert_offline(res)
    assert json.loads(res.stdout)["title"].startswith("Dnipropetrovsk border")
    assert len(guarded.armed_lines()) == 2


def test_import_uses_no_network(guarded, tmp_path):
    source = tmp_path / "snapshots"
    source.mkdir()
    for day, width in (("20250601", 0.2), ("20250605", 0.4)):
        ring = [[36, 47.5], [36 + width, 47.5], [36 + width, 47.7], [36, 47.7], [36, 47.5]]
        doc = {"type": "FeatureCollection", "features": [{
            "type": "Feature", "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
        (source / f"front_{day}.geojson").write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "imported.gpkg"
    res = guarded.run(viewer_command("import", str(source), "-o", str(out)))
    guarded.assert_offline(res)
    from viewer.io.situation_file import read_situation
    assert len(read_situation(out).layers[0].history.times) == 2
