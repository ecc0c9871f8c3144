"""Qt's raster thread pool is off on a machine of at most two cores, as the window and every
export run here: the variable Qt reads is set on import of viewer.render unless the user set
it, and a map drawn with the pool and without it has the same pixels."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from viewer.render.raster_threads import VARIABLE, choose_raster_threads

ROOT = Path(__file__).resolve().parent.parent


def test_two_cores_turn_the_pool_off():
    environ: dict[str, str] = {}
    assert choose_raster_threads(environ, cores=2) is True
    assert environ == {VARIABLE: "1"}
    one: dict[str, str] = {}
    assert choose_raster_threads(one, cores=1) is True


def test_more_cores_keep_qts_default():
    environ: dict[str, str] = {}
    assert choose_raster_threads(environ, cores=8) is False
    assert environ == {}


def test_a_value_the_user_set_is_kept():
    environ = {VARIABLE: "0"}
    assert choose_raster_threads(environ, cores=2) is True
    assert environ == {VARIABLE: "0"}


DRAW = """
import os, sys
if sys.argv[2] == "pool":
    os.sched_getaffinity = lambda pid: set(range(8))    # as a machine of 8 cores
os.environ.pop("QT_NO_GUI_THREADPOOL", None)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import datetime, timezone
from viewer.io.situation_file import read_situation
from viewer.render.headless import gui_application, render_headless
from viewer.resources import sample_path
print(os.environ.get("QT_NO_GUI_THREADPOOL"))
app = gui_application()
render_headless(read_situation(sample_path()), __import__("pathlib").Path(sys.argv[1]),
                at=datetime(2025, 6, 13, tzinfo=timezone.utc), size=(1600, 1000))
"""


def _draw(out: Path, how: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", DRAW, str(out), how], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_same_pixels_with_the_pool_and_without(tmp_path):
    with_pool, without = tmp_path / "pool.png", tmp_path / "none.png"
    assert _draw(with_pool, "pool") == "None"
    assert _draw(without, "none") == "1"
    a, b = QImage(str(with_pool)), QImage(str(without))
    assert a.size() == b.size() and not a.isNull()
    assert a.constBits().tobytes() == b.constBits().tobytes()
