"""Worker processes for the fuzzer: cases split among ``jobs`` workers (each one
``python tests/fuzz_harness.py --worker JOB``), watched from here. A worker silent for
``silent`` seconds (a hang inside C code, where SIGALRM can't reach) is killed; a worker
that dies (a segfault, the memory limit) is reported with the case it was running; in
both cases a new worker resumes after that case.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fuzz_harness import CASE_SECONDS, HERE, MEMORY_MB, Result, build_case, save_input

SILENT_SECONDS = 60.0        # the parent kills a worker silent this long
Segment = tuple  # (target, operator, start, stop)


def _split(segments: list[Segment], jobs: int) -> list[list[Segment]]:
    """Cut ``segments`` into ``jobs`` lists of about equal case counts."""
    total = sum(stop - start for _, _, start, stop in segments)
    share = -(-total // max(1, jobs))
    out: list[list[Segment]] = [[]]
    room = share
    for target, op, start, stop in segments:
        while start < stop:
            take = min(room, stop - start)
            out[-1].append((target, op, start, start + take))
            start += take
            room -= take
            if room == 0 and len(out) < jobs:
                out.append([])
                room = share
    return [s for s in out if s]


class Worker:
    def __init__(self, segments: list[Segment], base: Path, save_dir: Path, timeout: float,
                 memory_mb: int, index: int, inject: dict | None = None):
        self.inject = inject
        self.segments = [list(s) for s in segments]
        self.work = base / f"worker{index}"
        self.work.mkdir(parents=True, exist_ok=True)
        self.log = self.work / "worker.log"
        read, write = os.pipe()
        job = {"fd": write, "segments": self.segments, "work": str(self.work),
               "save_dir": str(save_dir), "timeout": timeout, "memory_mb": memory_mb,
               "inject": inject or {}}
        job_file = self.work / "job.json"
        job_file.write_text(json.dumps(job))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1",
                   PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(HERE / "fuzz_harness.py"), "--worker", str(job_file)],
                pass_fds=(write,), stdout=log, stderr=subprocess.STDOUT, cwd=self.work, env=env)
        os.close(write)
        self.fd = read
        self.buffer = b""
        self.last = time.monotonic()

    def lines(self) -> list[str] | None:
        """The complete lines that arrived (None at end of stream)."""
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            return None
        self.buffer += chunk
        *done, self.buffer = self.buffer.split(b"\n")
        return [d.decode() for d in done]

    def next_case(self) -> tuple[str, str, int] | None:
        for target, op, start, stop in self.segments:
            if start < stop:
                return target, op, start
        return None

    def consumed(self) -> None:
        for seg in self.segments:
            if seg[2] < seg[3]:
                seg[2] += 1
                return

    def remaining(self) -> list[Segment]:
        return [tuple(s) for s in self.segments if s[2] < s[3]]

    def log_tail(self) -> str:
        text = self.log.read_text("utf-8", "replace") if self.log.exists() else ""
        return " | ".join(text.strip().splitlines()[-6:])[-800:]


def run_cases(segments: list[Segment], *, jobs: int = 2, save_dir: Path | None = None,
              timeout: float = CASE_SECONDS, silent: float = SILENT_SECONDS,
              memory_mb: int = MEMORY_MB, progress=None,
              inject: dict[str, tuple[str, str, str]] | None = None) -> list[Result]:
    """Run every case of ``segments`` in ``jobs`` worker processes; one Result each.
    ``inject`` (for the harness's own test): target -> a bug to plant in the workers
    while they run that target's cases, see fuzz_harness.injected_bug."""
    made = save_dir is None
    save_dir = save_dir or Path(tempfile.mkdtemp(prefix="situation-fuzz-failures-"))
    base = Path(tempfile.mkdtemp(prefix="situation-fuzz-work-"))
    results: list[Result] = []
    count = 0
    workers = [Worker(s, base, save_dir, timeout, memory_mb, i, inject)
               for i, s in enumerate(_split(segments, jobs))]
    try:
        while workers:
            ready, _, _ = select.select([w.fd for w in workers], [], [], 1.0)
            for w in list(workers):
                if w.fd in ready:
                    lines = w.lines()
                    if lines is not None:
                        for line in lines:
                            results.append(Result(**json.loads(line)))
                            w.consumed()
                            if progress:
                                progress(results[-1])
                        w.last = time.monotonic()
                        continue
                    w.proc.wait()
                elif time.monotonic() - w.last < silent:
                    continue
                else:
                    w.proc.kill()
                    w.proc.wait()
                workers.remove(w)
                os.close(w.fd)
                case = w.next_case()
                if case is None:
                    continue
                results.append(_died(w, case, save_dir, silent))
                w.consumed()
                if progress:
                    progress(results[-1])
                if w.remaining():
                    count += 1
                    workers.append(Worker(w.remaining(), base, save_dir, timeout, memory_mb,
                                          len(segments) + count, inject))
    finally:
        for w in workers:
            w.proc.kill()
            w.proc.wait()
            os.close(w.fd)
        shutil.rmtree(base, ignore_errors=True)
        if made and not any(save_dir.iterdir()):     # nothing failed: no empty folder left
            save_dir.rmdir()
    return results


def _died(w: Worker, case: tuple[str, str, int], save_dir: Path, silent: float) -> Result:
    code = w.proc.returncode
    if code is not None and code < 0 and -code != signal.SIGKILL:
        why = f"worker crashed ({signal.Signals(-code).name})"
    elif code is not None and code < 0:
        why = f"hang: the worker was silent for {silent:g} s and was killed"
    else:
        why = f"worker exited with status {code}"
    result = Result(*case, "failure", f"{why}: {w.log_tail()}")
    scratch = w.work / "rebuild"
    try:
        path = build_case(*case, w.work / "seeds", scratch)
        result.saved = save_input(path, result, save_dir)
    except Exception as exc:         # noqa: BLE001 - only the report suffers
        result.detail += f" (input not rebuilt: {exc})"
    return result


def run_target(target: str, per_operator: int, **kwargs) -> list[Result]:
    """``per_operator`` cases (seeds 0..n-1) of every operator of ``target``."""
    from fuzz_targets import TARGETS
    return run_cases([(target, op, 0, per_operator) for op in TARGETS[target].operators],
                     **kwargs)
