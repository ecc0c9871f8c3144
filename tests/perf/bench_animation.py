"""Animation benchmark on the DeepState import: a GIF of every change date at 1280x720.

Prints, each part in its own process (so its peak memory is its own):
- render: the same frames drawn to QImages and dropped (the floor); render and gif run
  twice, in the order render, gif, gif, render, and their mean times are compared;
- gif: the GIF written (drawn, mapped to the fixed palette, encoded, streamed);
  its time over the floor's (budget 1.5x) and its peak memory (budget 500 MB);
- apng, webp: summer 2025 (1 Jun - 1 Sep, daily), which hold their frames: peak memory;
- compare: the median time step of one map, the swipe and side by side (both dates
  move: A is 30 days before B), and their ratios (budget 2x).
Not a unit test: timings on shared machines vary, so nothing here asserts.

    .venv/bin/python tests/perf/bench_animation.py [--frames N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZE = (1280, 720)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _setup(frames: int | None):
    from deepstate_situation import cached
    from viewer.io.situation_file import read_situation
    from viewer.render import MapScene, RenderSettings
    from viewer.render.animation import Animation, step_times
    from viewer.render.headless import gui_application
    app = gui_application()
    situation = read_situation(cached())
    times = step_times(situation, situation.start, situation.end, None)
    if frames:
        times = times[:frames]
    base = RenderSettings(at=times[0], size=SIZE)
    return app, situation, MapScene(situation), base, Animation(times, fps=10)


def part(name: str, frames: int | None) -> dict:
    from viewer.model import parse_time
    from viewer.render.animation import Animation, frames as frame_images, step_times, write_animation
    app, situation, scene, base, animation = _setup(frames)
    out = Path(tempfile.mkdtemp(prefix="bench-animation-"))
    start = time.perf_counter()
    if name == "render":
        for image in frame_images(scene, base, animation):
            del image
    elif name == "gif":
        write_animation(scene, base, animation, out / "all.gif")
    elif name in ("apng", "webp"):
        times = step_times(situation, parse_time("2025-06-01"), parse_time("2025-09-01"),
                           timedelta(days=1))
        animation = Animation(times, fps=4)
        write_animation(scene, base, animation, out / f"summer.{'png' if name == 'apng' else 'webp'}")
    elif name == "compare":
        return _compare(scene, base, animation)
    elapsed = time.perf_counter() - start
    files = {p.name: p.stat().st_size for p in out.iterdir()}
    del app
    return {"seconds": elapsed, "frames": len(animation.times), "peak_mb": _peak_mb(),
            "files": files}


def _compare(scene, base, animation) -> dict:
    from dataclasses import replace

    from viewer.render import render_image
    from viewer.render.compare import compare_settings, render_compare
    times = animation.times[-60:]
    out = {}
    for mode in ("single", "swipe", "side"):
        steps = []
        for t in times:
            b = replace(base, at=t)
            start = time.perf_counter()
            if mode == "single":
                render_image(scene, b)
            else:
                a, b = compare_settings(b, t - timedelta(days=30), mode)
                render_compare(scene, a, b, mode)
            steps.append(time.perf_counter() - start)
        out[mode] = statistics.median(steps[5:]) * 1000
    return out


def run(name: str, frames: int | None) -> dict:
    argv = [sys.executable, __file__, "--part", name]
    if frames:
        argv += ["--frames", str(frames)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part")
    parser.add_argument("--frames", type=int, default=None, help="only the first N frames")
    args = parser.parse_args()
    if args.part:
        print(json.dumps(part(args.part, args.frames)))
        return 0
    # ABBA: the machine's load drifts; each side gets an early and a late turn
    r1, g1, g2, r2 = (run(p, args.frames) for p in ("render", "gif", "gif", "render"))
    render = dict(r1, seconds=(r1["seconds"] + r2["seconds"]) / 2,
                  peak_mb=max(r1["peak_mb"], r2["peak_mb"]))
    gif = dict(g1, seconds=(g1["seconds"] + g2["seconds"]) / 2,
               peak_mb=max(g1["peak_mb"], g2["peak_mb"]))
    n = render["frames"]
    print(f"GIF of every change date, {n} frames at {SIZE[0]}x{SIZE[1]}:")
    print(f"  frames to QImages alone: {render['seconds']:.1f} s "
          f"({1000 * render['seconds'] / n:.1f} ms a frame), peak {render['peak_mb']:.0f} MB")
    print(f"  GIF written:             {gif['seconds']:.1f} s "
          f"({1000 * gif['seconds'] / n:.1f} ms a frame), peak {gif['peak_mb']:.0f} MB, "
          f"{gif['files']['all.gif'] / 1e6:.1f} MB file")
    print(f"  ratio GIF / QImages: {gif['seconds'] / render['seconds']:.2f}  (budget 1.5)")
    print(f"  GIF peak memory over the render alone: "
          f"{gif['peak_mb'] - render['peak_mb']:+.0f} MB  (budget: peak < 500 MB)")
    for name in ("apng", "webp"):
        r = run(name, None)
        (file, size), = r["files"].items()
        print(f"{name.upper()} of summer 2025 ({r['frames']} frames, holds them): "
              f"{r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MB, {size / 1e6:.1f} MB file")
    c = run("compare", None)
    print(f"time step (median of 55, last changes, A = B - 30 days): one map "
          f"{c['single']:.1f} ms, swipe {c['swipe']:.1f} ms ({c['swipe'] / c['single']:.2f}x), "
          f"side by side {c['side']:.1f} ms ({c['side'] / c['single']:.2f}x)  (budget 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
