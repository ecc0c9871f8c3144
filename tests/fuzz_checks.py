"""How the fuzzer classifies one run: ``success`` (read, or exit 0 with nothing on stderr),
``clear_error`` (SituationError whose message is one line naming the file; or exit 2 with
one stderr line and no traceback), anything else is a ``failure``.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Callable

MAX_MESSAGE = 1000            # a "clear" error line is at most this long (plus the path)
SUCCESS, CLEAR, FAILURE = "success", "clear_error", "failure"


def check_reader(read: Callable[[str], object]):
    """A reader called in this process; a warning it lets out (numpy's RuntimeWarnings
    reach the user's stderr, and fail the test suite) is a failure too."""
    def check(path: Path, _work: Path) -> tuple[str, str]:
        from viewer.io.errors import SituationError
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = read(str(path))
                outcome = finite_features(result)
            except SituationError as exc:
                outcome = clear_message(str(exc), path)
        loud = [w for w in caught if not issubclass(w.category, DeprecationWarning)]
        if loud:
            w = loud[0]
            return FAILURE, (f"{w.category.__name__} let out: {str(w.message)[:200]} "
                             f"[{Path(w.filename).name}:{w.lineno}]")
        return outcome
    return check


def clear_message(message: str, path: Path) -> tuple[str, str]:
    if "\n" in message or "\r" in message:
        return FAILURE, f"error is not one line: {message[:300]!r}"
    if str(path.with_suffix("")) not in message:      # the file, or a sidecar of it
        return FAILURE, f"error does not name the file: {message[:300]!r}"
    if len(message) > MAX_MESSAGE + len(str(path)):
        return FAILURE, f"error is {len(message)} characters long: {message[:200]!r}"
    return CLEAR, message


def finite_features(result) -> tuple[str, str]:
    """A foreign reader's features must be usable: finite lon/lat coordinates."""
    import numpy as np
    import shapely
    features = getattr(result, "features", None)
    if features:
        geoms = np.array([f.geometry for f in features], dtype=object)
        coords = shapely.get_coordinates(geoms)
        if len(coords) and not np.isfinite(coords).all():
            return FAILURE, "accepted a feature with a non-finite coordinate"
    return SUCCESS, ""


@contextlib.contextmanager
def captured_stderr():
    """Everything written to stderr (Python's and C/Qt's file descriptor 2)."""
    sink = tempfile.TemporaryFile()
    saved = os.dup(2)
    python_err = io.StringIO()
    text = [""]
    sys.stderr.flush()
    os.dup2(sink.fileno(), 2)
    try:
        with contextlib.redirect_stderr(python_err):
            yield text
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        sink.seek(0)
        text[0] = python_err.getvalue() + sink.read().decode("utf-8", "replace")
        sink.close()


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """``situation-viewer argv`` in this process: (exit status, stdout, stderr)."""
    from viewer.__main__ import main
    out = io.StringIO()
    with captured_stderr() as err, contextlib.redirect_stdout(out):
        try:
            status = main(argv)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return status, out.getvalue(), err[0]


NOTE = "situation-viewer: note: "     # what the reader noticed (one line each), not an error


def classify_exit(status: int, stderr: str, names: str | None) -> tuple[str, str]:
    stderr = "".join(line for line in stderr.splitlines(keepends=True)
                     if not (line.startswith(NOTE) and line.endswith("\n")))
    if status == 0:
        # a success may warn (a date outside the data), one line each, nothing else
        if any(not line.startswith("situation-viewer: warning: ")
               for line in stderr.splitlines()) or (stderr and not stderr.endswith("\n")):
            return FAILURE, f"exit 0 but stderr says: {stderr[:300]!r}"
        return SUCCESS, ""
    if status != 2:
        return FAILURE, f"exit status {status}: {stderr[-500:]!r}"
    if "Traceback" in stderr or stderr.count("\n") != 1 or not stderr.endswith("\n"):
        return FAILURE, f"exit 2 but stderr is not one line: {stderr[-500:]!r}"
    if names is not None and names not in stderr:
        return FAILURE, f"exit 2 but the line does not name {names}: {stderr[:300]!r}"
    return CLEAR, stderr.strip()


def check_cli(command: str):
    def check(path: Path, work: Path) -> tuple[str, str]:
        if command == "info":
            argv = ["info", str(path), "--json"]
        else:
            argv = ["render", str(path), "--at", "2025-06-13", "-o", str(work / "out.png"),
                    "--size", "160x120"]
        status, _, stderr = run_cli(argv)
        return classify_exit(status, stderr, str(path))
    return check


def check_import(*extra: str, reports: bool = False):
    """``situation-viewer import`` of the damaged file (or, with ``reports``, of a good
    GeoJSON with the damaged file as ``--reports``) into a new situation file."""
    def check(path: Path, work: Path) -> tuple[str, str]:
        out = work / "imported.gpkg"
        out.unlink(missing_ok=True)
        if reports:
            from fuzz_seeds import geojson_seeds
            good = work / "seeds" / "seed.geojson"
            if not good.exists():
                geojson_seeds(good.parent)
            argv = ["import", str(good), "--reports", str(path), "-o", str(out)]
        else:
            argv = ["import", str(path), *extra, "-o", str(out)]
        status, _, stderr = run_cli(argv)
        return classify_exit(status, stderr, str(path.with_suffix("")))
    return check
