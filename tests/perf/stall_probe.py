"""Who blocks the event loop while a big layer opens and is scrubbed (bench_big_layers).

A watchdog thread sleeps 1 ms at a time. When it wakes more than ``--late`` ms late, it
takes every thread's stack (where each stood once the GIL was let go: the holder at or
just after the line that held it) and the most CPU any other thread used meanwhile (read
from the threads' CPU clocks; a thread in a C call that lets go of the GIL, GEOS or PROJ
work, counts too). When the GUI thread's 1 ms timer has not ticked for ``--gui`` ms while
the watchdog ran on time, the GUI thread was busy (or waiting for the GIL after a call
that let go of it): its stack is sampled every few ms. Prints the longest event-loop
gaps (with the GUI thread's CPU time in each) and what stood behind them, the gen-2
collections, and with ``--calls`` each C function called from Python on the workers
whose CPU time in one call passed that many ms while the watchdog did not run (numpy's
and shapely's ufuncs are not such calls: sys.setprofile never sees them).

On a loaded machine the lateness is mostly the CPU the other processes take: a GIL
holder runs a third of the time (perf sched timehist showed it), so read the CPU
figures. A developer's tool: nothing asserts.
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_big_layers as bbl  # noqa: E402  (sets the offscreen platform)


def where(frame, depth: int) -> tuple:
    """The innermost ``depth`` (file, line, function) of ``frame``'s stack, innermost
    first: cheap to take (no source lines read), formatted by ``shown`` at the end."""
    out = []
    while frame is not None and len(out) < depth:
        out.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
        frame = frame.f_back
    return tuple(out)


def shown(at: tuple) -> str:
    return " < ".join(f"{name.split('site-packages/')[-1].split('/h-gap/')[-1]}:{line} {fn}"
                      for name, line, fn in at)


IDLE = {"_worker", "wait", "check", "_wait_for_tstate_lock"}


def idle(frame) -> bool:
    """Whether a thread stands waiting (holding no GIL): an idle pool thread, a Job.check."""
    return frame.f_code.co_name in IDLE and frame.f_back is not None


class Watchdog(threading.Thread):
    def __init__(self, late_s: float, gui_s: float, depth: int):
        super().__init__(daemon=True, name="watchdog")
        self.late_s, self.gui_s, self.depth = late_s, gui_s, depth
        self.gui_tick = time.perf_counter()
        self.main = threading.main_thread().ident
        self.stalls: list[tuple[float, float, str, str]] = []   # (end, length, thread, where)
        self.busy: list[tuple[float, str]] = []                 # (when, GUI's stack)
        self.running = True
        self.wakes = 0
        # (end, lateness, the most CPU another thread used meanwhile, that thread, where
        # it stood after): the GIL's holder ran at most that long
        self.held: list[tuple] = []

    def run(self) -> None:
        names = {}
        clocks: dict[int, int] = {}             # thread ident -> its CPU clock
        spent: dict[int, float] = {}            # the thread's CPU time at the last wake
        last = time.perf_counter()
        sampled = 0.0
        while self.running:
            time.sleep(0.001)
            now = time.perf_counter()
            self.wakes += 1
            late = now - last - 0.001
            cpu = {}
            for ident, clock in list(clocks.items()):
                try:
                    cpu[ident] = time.clock_gettime(clock)
                except OSError:                 # the thread ended
                    del clocks[ident]
            if late > self.late_s:
                used = {i: cpu[i] - spent[i] for i in cpu if i in spent}
                if used:
                    top = max(used, key=used.get)
                    frame = sys._current_frames().get(top)
                    self.held.append((now, late, used[top], names.get(top, str(top)),
                                      where(frame, self.depth) if frame is not None else ()))
            spent = cpu
            if self.wakes % 100 == 1:           # threads started since
                names.update({t.ident: f"{t.name}/{t.native_id}" for t in threading.enumerate()})
                for t in threading.enumerate():
                    if t.ident is not None and t.ident not in clocks and t.ident != self.ident:
                        clocks[t.ident] = time.pthread_getcpuclockid(t.ident)
            if late > self.late_s:
                frames = sys._current_frames()
                names.update({t.ident: f"{t.name}/{t.native_id}" for t in threading.enumerate()})
                for ident, frame in frames.items():
                    if ident != self.ident and not idle(frame):
                        self.stalls.append((now, late, names.get(ident, "?"),
                                            where(frame, self.depth)))
            elif now - self.gui_tick > self.gui_s and now - sampled > 0.004:
                sampled = now
                frame = sys._current_frames().get(self.main)
                if frame is not None:
                    self.busy.append((now, where(frame, self.depth)))
            last = now


class CallTimer:
    """A profile function for the worker threads (``threading.setprofile``): each C call
    of at least ``min_s``, with the watchdog's wakes meanwhile (none: it held the GIL)."""

    def __init__(self, dog: Watchdog, min_s: float):
        self.dog, self.min_s = dog, min_s
        self.calls: list[tuple[float, int, str]] = []   # (length, wakes, where)
        self._open = threading.local()

    def __call__(self, frame, event, arg) -> None:
        if event == "c_call":
            self._open.start = (time.perf_counter(), self.dog.wakes, time.thread_time())
        elif event in ("c_return", "c_exception"):
            start = getattr(self._open, "start", None)
            if start is None:
                return
            length = time.perf_counter() - start[0]
            used = time.thread_time() - start[2]
            if used >= self.min_s:
                name = getattr(arg, "__qualname__", repr(arg))
                self.calls.append((used, self.dog.wakes - start[1] - length / 0.01,
                                   (name, where(frame, self.dog.depth))))
            self._open.start = None

    def report(self, top: int) -> None:
        held: dict[str, list[float]] = collections.defaultdict(list)
        for length, wakes, at in self.calls:
            if wakes <= 1:          # the watchdog hardly ran (a wake in 10 ms): GIL held
                held[at].append(length)
        print("C calls on the workers that held the GIL (their CPU time: worst, count, total ms):")
        for at, lengths in sorted(held.items(), key=lambda kv: -max(kv[1]))[:top]:
            print(f"  {max(lengths) * 1e3:6.0f} {len(lengths):5d} {sum(lengths) * 1e3:7.0f}"
                  f"  {at[0]} @ {shown(at[1])}")


class Collections:
    """The cyclic collector's runs (gc.callbacks) and the thread and line that ran each."""

    def __init__(self):
        self.runs: list[tuple] = []         # (start, length, generation, thread, where)
        self._start = 0.0
        gc.callbacks.append(self)

    def __call__(self, phase, info) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            t = threading.current_thread()
            self.runs.append((self._start, time.perf_counter() - self._start,
                              info["generation"], f"{t.name}/{t.native_id}",
                              where(sys._getframe().f_back, 3)))

    def report(self, min_s: float) -> None:
        long = [r for r in self.runs if r[1] >= min_s]
        print(f"collections: {len(self.runs)}, {len(long)} of {min_s * 1e3:.0f} ms or more:")
        for start, length, generation, name, at in long:
            print(f"  gen {generation} {length * 1e3:.0f} ms [{start:.3f}] by {name}: {shown(at)}")


def report(dog: Watchdog, ticks: list[float], cpu: list[float], top: int) -> None:
    gaps = sorted(((b - a, a, b, cpu[i + 1] - cpu[i]) for i, (a, b) in
                   enumerate(zip(ticks, ticks[1:]))), reverse=True)[:top]
    for length, a, b, used in gaps:
        print(f"gap {length * 1e3:.0f} ms at {a - ticks[0]:.2f} s [{a:.3f}] (GUI CPU {used * 1e3:.0f} ms)")
        for end, late, name, at in dog.stalls:
            if a - 0.002 <= end <= b + 0.005 and not name.startswith("MainThread"):
                print(f"    GIL held {late * 1e3:.0f} ms by {name}: {shown(at)}")
        seen = collections.Counter(at for when, at in dog.busy if a <= when <= b)
        for at, n in seen.most_common(3):
            print(f"    GUI busy ~{n * 4} ms: {shown(at)}")
    held = sorted(dog.held, key=lambda h: -h[2])
    print(f"watchdog late {len(held)} times; the most CPU another thread used in a late "
          f"wake (the GIL held at most that long), and where it stood after:")
    for _, late, used, name, at in held[:top]:
        print(f"  {used * 1e3:5.0f} ms CPU (late {late * 1e3:.0f} ms) {name}: {shown(at)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", choices=sorted(bbl.CASES) + ["import"],
                        help="open a big layer (bench_big_layers), or 'import': "
                             "bench_import_window's import of the squares in the window")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--late", type=float, default=15, help="ms (default 15)")
    parser.add_argument("--gui", type=float, default=30, help="ms (default 30)")
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--scrub", type=int, default=0, help="scrub steps after the open")
    parser.add_argument("--calls", type=float, help="time the workers' C calls of this many ms")
    parser.add_argument("--switch", type=float, help="sys.setswitchinterval, ms")
    args = parser.parse_args()
    if args.switch:
        sys.setswitchinterval(args.switch / 1e3)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    path = None if args.case == "import" else bbl.situation_file(args.case, args.scale)
    app = QApplication.instance() or QApplication([])
    collected = Collections()
    dog = Watchdog(args.late / 1e3, args.gui / 1e3, args.depth)
    ticks: list[float] = []
    cpu: list[float] = []
    calls = None
    if args.calls:
        calls = CallTimer(dog, args.calls / 1e3)
        threading.setprofile(calls)
    if args.case == "import":
        import bench_import_window as biw
        biw.source(args.scale)                  # written before the watch
    win = bbl.bw.sized_window(bbl.bw.KINDS[0])

    def tick():
        dog.gui_tick = time.perf_counter()
        ticks.append(dog.gui_tick)
        cpu.append(time.thread_time())
    ticker = QTimer(win)
    ticker.setInterval(1)
    ticker.timeout.connect(tick)
    ticker.start()
    dog.start()
    t0 = time.thread_time()
    win.files.loader.first_view.connect(lambda _: print(f"first view adopted [{time.perf_counter():.3f}]"))
    win.files.loader.loaded.connect(lambda _: print(f"whole file adopted [{time.perf_counter():.3f}]"))
    if args.case == "import":
        done = biw.in_window(args.scale)
        print(f"import: shown at {done['shown']:.1f} s, settled at {done['settled']:.1f} s, "
              f"longest gaps {[round(g * 1e3) for g, _ in done['gaps']]} ms")
        dog.running = False
        ticker.stop()
        report(dog, ticks, cpu, args.top)
        collected.report(0.01)
        return 0
    opened = bbl.open_and_settle(win, path)
    print(f"main thread {threading.get_native_id()}, watchdog {dog.native_id}; open: first paint {opened['first_paint']:.2f} s, settled {opened['settled']:.1f}"
          f" s, gap {opened['open_gap'] * 1e3:.0f} ms, GUI CPU {time.thread_time() - t0:.1f}"
          f" s, peak {opened['open_peak_mb']:.0f} MB")
    if args.scrub:
        print(f"scrub gap {bbl.scrub_gap(win, args.scrub) * 1e3:.0f} ms")
    dog.running = False
    ticker.stop()
    report(dog, ticks, cpu, args.top)
    collected.report(0.01)
    if calls is not None:
        threading.setprofile(None)
        calls.report(args.top * 2)
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
