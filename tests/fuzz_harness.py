"""The fuzzing harness: one case (target, operator, seed) built, run under a time limit
and classified as success, clear error or failure; the worker process that runs many;
what the tests and run_fuzz.py do with the results. Worker processes are started and
watched by fuzz_workers.py.

A case is deterministic: its input is made from the target's seed files by the operator
with ``random.Random("<target>/<operator>/<seed>")``, so any case can be replayed
(``python tests/run_fuzz.py --replay gpkg/corrupt_cell/17``). Workers run under a memory
limit (RLIMIT_AS), each case under a time limit (SIGALRM). The input of every failing
case is saved in ``save_dir``.

Worker protocol: ``python tests/fuzz_harness.py --worker JOB.json``; one JSON line per
case on the file descriptor named in the job.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASE_SECONDS = 20.0          # SIGALRM per case, inside the worker
MEMORY_MB = 3072             # RLIMIT_AS of a worker (Qt and numpy map a lot up front)


@dataclass
class Result:
    target: str
    operator: str
    seed: int
    outcome: str             # success | clear_error | failure
    detail: str = ""
    seconds: float = 0.0
    saved: str = ""          # the failing input, kept for replay

    @property
    def case(self) -> str:
        return f"{self.target}/{self.operator}/{self.seed}"

    def line(self) -> str:
        where = f" (input: {self.saved})" if self.saved else ""
        return f"{self.case}: {self.detail}{where}"


class CaseTimeout(BaseException):
    """Raised by SIGALRM; a BaseException so that no ``except Exception`` swallows it."""


@contextmanager
def time_limit(seconds: float):
    def alarm(_signum, _frame):
        raise CaseTimeout()
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def case_rng(target: str, operator: str, seed: int) -> random.Random:
    rng = random.Random(f"{target}/{operator}/{seed}")
    rng.selftest_seed = seed            # only the harness's own self-test reads it
    return rng


def build_case(target: str, operator: str, seed: int, seeds: Path, case: Path) -> Path:
    from fuzz_targets import TARGETS
    if case.exists():
        shutil.rmtree(case)
    case.mkdir(parents=True)
    return TARGETS[target].make_case(operator, case_rng(target, operator, seed), seeds, case)


def run_case(target: str, operator: str, seed: int, work: Path,
             timeout: float = CASE_SECONDS) -> tuple[Result, Path]:
    """Build and run one case in this process; returns its result and input path."""
    from fuzz_checks import FAILURE
    from fuzz_targets import TARGETS
    path = build_case(target, operator, seed, work / "seeds", work / "case")
    start = time.perf_counter()
    try:
        with time_limit(timeout):
            outcome, detail = TARGETS[target].check(path, work)
    except CaseTimeout:
        outcome, detail = FAILURE, f"hang: still running after {timeout:g} s"
    except MemoryError:
        outcome, detail = FAILURE, f"MemoryError (over the {MEMORY_MB} MB limit?)"
    except RecursionError:
        outcome, detail = FAILURE, "RecursionError"
    except Exception as exc:          # noqa: BLE001 - classifying is the point
        frames = traceback.extract_tb(exc.__traceback__)[-3:]
        at = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
        outcome, detail = FAILURE, f"{type(exc).__name__}: {str(exc)[:300]} [{at}]"
    return Result(target, operator, seed, outcome, detail,
                  round(time.perf_counter() - start, 4)), path


def save_input(path: Path, result: Result, save_dir: Path) -> str:
    """Copy a failing case's input (with its Shapefile sidecars) into ``save_dir``."""
    dest = save_dir / result.case.replace("/", "-")
    dest.mkdir(parents=True, exist_ok=True)
    for part in path.parent.glob(path.stem + ".*"):
        shutil.copyfile(part, dest / part.name)
    return str(dest / path.name)


# -- the worker process ---------------------------------------------------------------
def worker(job_file: str) -> None:
    job = json.loads(Path(job_file).read_text())
    out = os.fdopen(job["fd"], "w", buffering=1)
    import resource
    limit = job["memory_mb"] * 2 ** 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    work, save_dir = Path(job["work"]), Path(job["save_dir"])
    sys.setrecursionlimit(4000)
    for target, operator, start, stop in job["segments"]:
        for seed in range(start, stop):
            with injected_bug(job["inject"].get(target)):
                result, path = run_case(target, operator, seed, work, job["timeout"])
            if result.outcome == "failure":
                result.saved = save_input(path, result, save_dir)
            out.write(json.dumps(asdict(result)) + "\n")


@contextmanager
def injected_bug(spec: list[str] | None):
    """With ``spec`` = (module, function, exception name), e.g. ("viewer.io.foreign.geojson",
    "_positions", "KeyError"): that function of ours replaced, for the time of the block, by
    one raising that exception, as a typo in our code would. Only the harness's own test
    plants bugs, to show that the fuzzer reports them (a reader that turned KeyError into a
    clean "bad input" message would hide them)."""
    if not spec:
        yield
        return
    import builtins
    import importlib
    module_name, name, error = spec
    module = importlib.import_module(module_name)
    original = getattr(module, name)            # a renamed function: AttributeError, loudly

    def buggy(*_args, **_kwargs):
        raise getattr(builtins, error)(f"injected bug in {name}")
    setattr(module, name, buggy)
    try:
        yield
    finally:
        setattr(module, name, original)


def summarise(results: list[Result]) -> dict[tuple[str, str], Counter]:
    table: dict[tuple[str, str], Counter] = {}
    for r in results:
        table.setdefault((r.target, r.operator), Counter())[r.outcome] += 1
    return table


def failures(results: list[Result]) -> list[Result]:
    return [r for r in results if r.outcome == "failure"]


# -- for the tests ----------------------------------------------------------------------
def keep_hypothesis_out_of_the_tree() -> None:
    """Hypothesis caches in ``./.hypothesis`` by default; pytest (its norecursedirs set
    here) then warns about that folder, which fails the run. Keep it in a temp folder."""
    from hypothesis.configuration import set_hypothesis_home_dir
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "situation-viewer-hypothesis")


def unexpected(results: list[Result], known: dict[str, str]) -> list[Result]:
    """The failures whose detail matches none of the ``known`` bug patterns (regexes)."""
    import re
    return [r for r in failures(results)
            if not any(re.search(pattern, r.detail) for pattern in known)]


def describe(results: list[Result], shown: list[Result]) -> str:
    counts = Counter(r.outcome for r in results)
    head = (f"{len(results)} cases: {counts['success']} success, {counts['clear_error']} "
            f"clear error, {counts['failure']} failure; replay one with "
            "`.venv/bin/python tests/run_fuzz.py --replay CASE`")
    return "\n".join([head] + [r.line()[:600] for r in shown[:25]])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        sys.path.insert(0, str(HERE))
        worker(sys.argv[2])
    else:
        sys.exit("usage: fuzz_harness.py --worker JOB.json (run tests/run_fuzz.py instead)")
