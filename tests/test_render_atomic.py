"""``render -o`` replaces its target atomically: killed at any moment over an existing PNG,
it leaves the old image or the new one, whole, never a part."""

from __future__ import annotations

import os
import random
import struct
import sys
import textwrap
import zlib
from pathlib import Path

from test_save_atomic import helper_process, kill_one_run, ours

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample.gpkg"
KILL_RUNS = int(os.environ.get("RENDER_KILL_RUNS", "30"))
KILL_SEED = int(os.environ.get("RENDER_KILL_SEED", "20250613"))
WRITE_SECONDS = 0.02        # a kill this soon after a write began lands in it (the PNG
#                             goes out in some 16 KB pieces, 2 ms apart)

# A helper that has imported everything forks one renderer per run; the renderer runs the
# real command (``render -o``) over the target again and again, announcing each one done,
# until the test kills it with SIGKILL at a random moment. Its disk is made slow (writes
# go out in 16 KB pieces, 2 ms apart), so that many kills land in the middle of a write,
# where writing the target in place would leave a part of an image. It says "writing"
# as a file's first piece goes out: every other run is killed a moment after that, so
# that some kills land in a write however slowly the machine renders (kills at random
# moments alone all missed the writes on a loaded machine: 30 of 30 before one began).
RENDERER = textwrap.dedent("""
    import builtins, io, os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    real_open = io.open

    class SlowDisk:
        def __init__(self, f):
            self.f = f
            self.started = False
        def write(self, data):
            if not self.started:
                self.started = True
                os.write(1, b"writing\\n")
            view = memoryview(data)
            for i in range(0, len(view), 16384):
                self.f.write(view[i:i + 16384])
                self.f.flush()
                time.sleep(0.002)
            return len(view)
        def __getattr__(self, name):
            return getattr(self.f, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.f.close()

    def slow_open(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        return SlowDisk(f) if "w" in mode and "b" in mode else f
    builtins.open = io.open = slow_open
    import PySide6.QtGui
    from viewer.cli.main import main
    import viewer.render.headless
    sample, target = sys.argv[1], sys.argv[2]

    def render(title):
        return main(["render", sample, "--at", "2025-06-13", "-o", target,
                     "--size", "1200x800", "--title", title])

    pid = os.fork()                      # the first image, timed, in a child (Qt stays
    if pid == 0:                         # out of the helper, so forking is safe)
        start = time.perf_counter()
        render("initial")
        os.write(1, f"ready {time.perf_counter() - start}\\n".encode())
        os._exit(0)
    os.waitpid(pid, 0)
    for line in sys.stdin:
        run = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            for k in range(10 ** 9):
                render(f"run {run} image {k}")
                os.write(1, f"rendered {run} {k}\\n".encode())
        os.write(1, f"forked {pid}\\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(1, f"dead {pid} {os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1}\\n"
                 .encode())
""")


def png_title(data: bytes) -> str:
    """The Title text of a complete PNG; AssertionError for a partial or damaged one
    (every chunk's CRC checked, IEND last)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, title, chunks = 8, None, []
    while pos < len(data):
        assert pos + 12 <= len(data), "a cut chunk"
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        assert len(body) == length and zlib.crc32(kind + body) == crc, "a cut chunk"
        chunks.append(kind)
        if kind in (b"tEXt", b"iTXt") and body.startswith(b"Title\x00"):
            raw = body[6:]
            title = raw.decode("latin-1") if kind == b"tEXt" else raw.split(b"\x00", 4)[-1].decode()
        pos += 12 + length
    assert chunks[-1] == b"IEND" and pos == len(data), "no IEND at the end"
    return title


def test_render_killed_at_any_moment_leaves_the_old_or_the_new_png(tmp_path):
    target = tmp_path / "map.png"
    rng = random.Random(KILL_SEED)
    outcomes = {"old": 0, "new": 0, "temp left": 0}
    with helper_process([sys.executable, "-c", RENDERER, str(SAMPLE), str(target)], cwd=ROOT,
                        env=dict(os.environ, QT_QPA_PLATFORM="offscreen")) as (proc, lines):
        seconds = float(lines.until(stop=lambda l: l.startswith("ready"))[-1].split()[1])
        assert png_title(target.read_bytes()) == "initial"
        last = "initial"
        for run in range(KILL_RUNS):
            delay = rng.uniform(0.0, 2.5 * seconds)
            _, got = kill_one_run(proc, lines, run, delay) if run % 2 == 0 else \
                kill_one_run(proc, lines, run, rng.uniform(0.0, WRITE_SECONDS), "writing")
            done = [int(l.split()[2]) for l in got if l.startswith(f"rendered {run} ")]
            if done:
                last = f"run {run} image {done[-1]}"
            in_progress = f"run {run} image {done[-1] + 1 if done else 0}"
            title = png_title(target.read_bytes())          # whole, whatever happened
            assert title in (last, in_progress), (run, title, got)
            outcomes["new" if title == in_progress else "old"] += 1
            last = title
            outcomes["temp left"] += bool(ours(target))
    print(f"{KILL_RUNS} kills: {outcomes}")
    if KILL_RUNS >= 10:
        assert outcomes["temp left"] > 0, f"no kill landed in the middle of a write: {outcomes}"
    # the next render removes what the kills left
    from viewer.cli.main import main
    assert main(["render", str(SAMPLE), "--at", "2025-06-13", "-o", str(target),
                 "--size", "200x150", "--title", "after"]) == 0
    assert ours(target) == [] and png_title(target.read_bytes()) == "after"
