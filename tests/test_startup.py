"""Starting ``situation-viewer``: the file is read before Qt starts, a missing display is
one line, every usage error is one line with status 2, and --help lists the commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict | None = None, drop=()) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in (env or os.environ).items() if k not in drop}
    return subprocess.run([sys.executable, "-m", "viewer", *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


NO_SCREEN = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def one_error_line(done: subprocess.CompletedProcess, ending: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("situation-viewer") and ": error: " in done.stderr
    assert done.stderr.endswith(ending + "\n") and done.stderr.count("\n") == 1, done.stderr


def test_no_display_is_one_line():
    done = run(drop=NO_SCREEN)
    one_error_line(done, "can't open a window: no display (neither DISPLAY nor "
                   "WAYLAND_DISPLAY is set); run it on a desktop, or under xvfb-run")


def test_a_display_qt_cannot_reach_is_one_line(tmp_path):
    """DISPLAY names a server that is not there: Qt's xcb plugin fails and would abort
    with status 134 and several lines; the viewer says it in one."""
    display = ":%d" % (900 + os.getpid() % 90)
    assert not Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
    done = run(env=dict(os.environ, DISPLAY=display, XAUTHORITY=str(tmp_path / "none")),
               drop=("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    one_error_line(done, f"can't open a window: could not connect to display {display}; "
                   "run it on a desktop, or under xvfb-run")


def test_the_file_is_read_before_qt_starts(tmp_path):
    """A missing file with no display: the file's problem, not Qt's, in one line."""
    done = run(str(tmp_path / "missing.gpkg"), drop=NO_SCREEN)
    one_error_line(done, f"{tmp_path / 'missing.gpkg'}: no such file")


@pytest.mark.parametrize("args, ending", [
    (["--nope"], "unrecognized arguments: --nope (try --help)"),
    (["--at", "someday"], None),
    (["bogus"], "no such file or command: bogus (commands: render, info, import, "
                "settlements, stats; try --help)"),
    (["render", "--size"], None),
    (["import"], None),
])
def test_usage_errors_are_one_line(args, ending):
    done = run(*args, drop=NO_SCREEN)
    one_error_line(done, ending or "")


def test_help_lists_every_command_in_one_line_each():
    from viewer.cli.main import COMMANDS
    done = run("--help")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    start = lines.index("commands (situation-viewer COMMAND --help for each):")
    listed = [l.split() for l in lines[start + 1:] if l.startswith("  ")]
    assert [words[0] for words in listed] == list(COMMANDS) == ["render", "info", "import",
                                                                 "settlements", "stats"]
    assert all(len(words) > 3 for words in listed)          # each with its one line


def test_render_help_shows_the_defaults():
    done = run("render", "--help")
    text = " ".join(done.stdout.split())
    assert "(default: 1600x1000)" in text
    assert "the file's setting, 7 unless it says otherwise" in text
