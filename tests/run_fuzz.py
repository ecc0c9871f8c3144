"""The long fuzzing run, and replaying one case.

    .venv/bin/python tests/run_fuzz.py --cases 150000          # about 9 minutes, 2 workers
    .venv/bin/python tests/run_fuzz.py --replay gpkg/corrupt_cell/17

A run spreads ``--cases`` over every target (by WEIGHTS) and its operators, runs them in
``--jobs`` worker processes (see tests/fuzz_harness.py), then the Hypothesis property
tests with ``FUZZ_EXAMPLES=--hypothesis`` times their usual example counts (0: skip),
prints every failure with its saved input, and rewrites the results tables in
docs/fuzzing.md (unless ``--no-doc``). Exit status 1 when anything failed. Seeds start at ``--start`` (default 0: the default
test run's cases come first; use e.g. ``--start 1000000`` to try only new ones).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fuzz_harness import Result, build_case, failures, summarise  # noqa: E402
from fuzz_targets import TARGETS  # noqa: E402
from fuzz_workers import run_cases  # noqa: E402

DOC = HERE.parent / "docs" / "fuzzing.md"
START, END = "<!-- fuzz-results:start -->", "<!-- fuzz-results:end -->"
# relative share of the cases per target (a CLI render case costs ~20 reader cases)
WEIGHTS = {"gpkg": 4.0, "gpkg_lazy": 1.0, "gpkg_features": 1.0, "cli_info": 2.0, "cli_render": 0.5,
           "geojson": 1.0, "kml": 1.0, "kmz": 1.0, "shapefile": 1.0, "reports_csv": 1.0,
           "reports_json": 1.0, "cli_import_geojson": 0.5, "cli_import_kml": 0.5,
           "cli_import_shapefile": 0.5, "cli_import_reports": 0.5}


def plan(cases: int, start: int, targets: list[str]) -> list[tuple]:
    total = sum(WEIGHTS[t] for t in targets)
    segments = []
    for t in targets:
        ops = TARGETS[t].operators
        per_op = max(1, round(cases * WEIGHTS[t] / total / len(ops)))
        segments += [(t, op, start, start + per_op) for op in ops]
    return segments


def code_commit() -> str:
    """The commit the fuzzed code comes from, marked when viewer/ has uncommitted edits."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=HERE.parent, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""
    commit = git("rev-parse", "--short=12", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "viewer")
    return commit + (" with uncommitted changes to viewer/" if dirty else "")


def table(results: list[Result], seconds: float, jobs: int) -> str:
    summary = summarise(results)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Last run: {when}, code at commit {code_commit()}, "
             f"`{' '.join(['tests/run_fuzz.py'] + sys.argv[1:])}`: "
             f"{len(results)} mutation cases in {seconds:.0f} s wall time ({jobs} workers).",
             "",
             "| target | operator | cases | success | clear error | failure | case time (s) |",
             "|---|---|---:|---:|---:|---:|---:|"]
    totals: Counter = Counter()
    for (target, op), counts in sorted(summary.items()):
        took = sum(r.seconds for r in results if (r.target, r.operator) == (target, op))
        n = sum(counts.values())
        totals.update(counts)
        lines.append(f"| {target} | {op} | {n} | {counts['success']} | "
                     f"{counts['clear_error']} | {counts['failure']} | {took:.1f} |")
    lines.append(f"| **all** | | **{len(results)}** | **{totals['success']}** | "
                 f"**{totals['clear_error']}** | **{totals['failure']}** | |")
    groups: dict[tuple[str, str], list[Result]] = {}
    for r in failures(results):
        groups.setdefault((r.target, _signature(r.detail)), []).append(r)
    if groups:
        lines += ["", "Failures, grouped (one example case each; replay with "
                  "`tests/run_fuzz.py --replay CASE`):", ""]
        for (target, _), rs in sorted(groups.items(), key=lambda g: -len(g[1])):
            detail = rs[0].detail.replace("|", "\\|").replace("\n", " ")[:240]
            lines.append(f"- {len(rs)} × `{rs[0].case}`: {detail}")
    return "\n".join(lines)


def _signature(detail: str) -> str:
    """A failure's kind, without the numbers and paths that differ between cases."""
    detail = re.sub(r"/\S+", "PATH", detail)
    return re.sub(r"[-+]?\d[\d.e+-]*", "N", detail)[:80]


HYPOTHESIS_TESTS = ["tests/test_fuzz_gpkg.py::test_random_situations_come_back_as_written",
                    "tests/test_fuzz_cli_args.py",
                    "tests/test_hostile_reports.py::"
                    "test_any_report_text_comes_out_bounded_visible_and_plain"]


def run_hypothesis(scale: int) -> tuple[str, bool]:
    """The property tests at ``scale`` times their example counts: (table, all passed)."""
    import os
    import subprocess
    started = time.monotonic()
    env = dict(os.environ, FUZZ_EXAMPLES=str(scale), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--hypothesis-show-statistics", *HYPOTHESIS_TESTS],
                          cwd=HERE.parent, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    rows, test = {}, None
    for line in proc.stdout.splitlines():
        if re.match(r"^tests/\S+::\S+:$", line):
            test = line[:-1].split("::")[-1]
            rows[test] = Counter()
        found = re.search(r"(\d+) passing, (\d+) failing, and (\d+) invalid", line)
        if found and test:
            rows[test].update(dict(zip(("passing", "failing", "invalid"),
                                       map(int, found.groups()))))
    ok = proc.returncode == 0
    lines = [f"Property tests (Hypothesis, derandomized) at FUZZ_EXAMPLES={scale}: "
             f"{'all passed' if ok else 'FAILED'} in {seconds:.0f} s.", "",
             "| property test | examples | passing | failing | invalid |",
             "|---|---:|---:|---:|---:|"]
    for name, c in rows.items():
        lines.append(f"| {name} | {sum(c.values())} | {c['passing']} | {c['failing']} | "
                     f"{c['invalid']} |")
    if not ok:
        tail = [l for l in proc.stdout.splitlines() if l.startswith(("FAILED", "ERROR"))]
        lines += [""] + [f"- {l}" for l in tail[:10]]
    return "\n".join(lines), ok


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        raise SystemExit(f"{DOC}: no {START} ... {END} markers to put the table between")
    head, rest = doc.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def replay(case: str) -> int:
    """Run one case in this process, without limits, showing any traceback in full."""
    target, operator, seed = case.split("/")
    work = Path(tempfile.mkdtemp(prefix="situation-fuzz-replay-"))
    path = build_case(target, operator, int(seed), work / "seeds", work / "case")
    print(f"input: {path}")
    outcome, detail = TARGETS[target].check(path, work)
    print(f"{outcome}: {detail}")
    return 1 if outcome == "failure" else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=150_000, help="about how many cases in all")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes")
    ap.add_argument("--start", type=int, default=0, help="first seed of every operator")
    ap.add_argument("--targets", default=",".join(WEIGHTS), help="comma-separated targets")
    ap.add_argument("--save-dir", type=Path, help="where failing inputs are kept")
    ap.add_argument("--no-doc", action="store_true", help="don't rewrite docs/fuzzing.md")
    ap.add_argument("--hypothesis", type=int, default=10, metavar="SCALE",
                    help="run the property tests at SCALE times their examples (0: don't)")
    ap.add_argument("--replay", metavar="TARGET/OPERATOR/SEED", help="run one case here")
    args = ap.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    names = [t for t in args.targets.split(",") if t]
    unknown = [t for t in names if t not in WEIGHTS]
    if unknown:
        ap.error(f"unknown target(s) {', '.join(unknown)}; known: {', '.join(WEIGHTS)}")
    segments = plan(args.cases, args.start, names)
    started = time.monotonic()
    done = [0]

    def progress(r: Result) -> None:
        done[0] += 1
        if r.outcome == "failure":
            print(f"FAIL {r.line()}", flush=True)
        elif done[0] % 5000 == 0:
            print(f"{done[0]} cases, {time.monotonic() - started:.0f} s", flush=True)

    results = run_cases(segments, jobs=args.jobs, save_dir=args.save_dir, progress=progress)
    seconds = time.monotonic() - started
    text = table(results, seconds, args.jobs)
    ok = not failures(results)
    if args.hypothesis > 0:
        print("property tests ...", flush=True)
        props, props_ok = run_hypothesis(args.hypothesis)
        text += "\n\n" + props
        ok = ok and props_ok
    print(text)
    if not args.no_doc:
        write_doc(text)
        print(f"wrote the results into {DOC}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
