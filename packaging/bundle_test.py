"""Check the standalone bundle (`make bundle-test`): every run exits 0 with a quiet stderr.

    .venv/bin/python packaging/bundle_test.py [dist/situation-viewer]

With the bundle's own program only (no Python of ours involved):
- PDFium (pypdfium2's libpdfium.so, loaded with ctypes) is in the bundle, and so are the
  Ukrainian translations (ours and Qt's qtbase_uk.qm);
- the window on the embedded sample, on a real X server (xvfb-run), quitting by itself
  after its first frame (SITUATION_VIEWER_SMOKE_TEST=1, see viewer/app.py);
- `info`, and `render` to PNG (the same pixels as the installed program's render: same
  fonts and drawing), SVG and PDF;
- when ../shared is there: `import` of the DeepState series, then the window and `render`
  on the result.
Settings go to a temporary XDG_CONFIG_HOME, never the user's.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEEPSTATE = ROOT.parent / "shared" / "data" / "deepstate-daily"
SCREEN = "-screen 0 1600x1000x24"
SMOKE_LINE = "SITUATION_VIEWER_SMOKE_TEST: first frame painted on xcb"


class Failed(Exception):
    pass


def run(label: str, cmd: list[str], env: dict[str, str], timeout: float = 300) -> str:
    """Run ``cmd``; fail unless it exits 0 with nothing on stderr. Returns its stdout."""
    print(f"bundle-test: {label} ...", flush=True)
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if res.returncode != 0 or res.stderr.strip():
        raise Failed(f"{label}: exit status {res.returncode}, stderr:\n{res.stderr}")
    return res.stdout


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise Failed(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def same_pixels(a: Path, b: Path) -> bool:
    from PySide6.QtGui import QImage
    return QImage(str(a)) == QImage(str(b))


def check(bundle: Path, work: Path) -> None:
    program = str(bundle / "situation-viewer")
    samples = sorted(bundle.glob("_internal/**/sample.gpkg"))
    if len(samples) != 1:
        raise Failed(f"expected one embedded sample.gpkg in {bundle}, found {samples}")
    sample = str(samples[0])
    # PDFium, loaded by pypdfium2 with ctypes (PDF source copies): the window's import of
    # viewer.ui.pdf_pages fails without it, and the window run below would say so
    if not list(bundle.glob("_internal/pypdfium2_raw/libpdfium.so")):
        raise Failed(f"no pypdfium2_raw/libpdfium.so in {bundle}: PDF pages can't be shown")
    # the Ukrainian interface: ours, and Qt's own for the standard dialogs' buttons
    for qm in ("situation_viewer_uk.qm", "qtbase_uk.qm"):
        if not list(bundle.glob(f"_internal/**/{qm}")):
            raise Failed(f"no {qm} in {bundle}: the interface can't be shown in Ukrainian")
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["XDG_CONFIG_HOME"] = str(work / "config")
    window_env = dict(env, SITUATION_VIEWER_SMOKE_TEST="1")
    xvfb = ["xvfb-run", "-a", "-s", SCREEN]

    out = run("--version", [program, "--version"], env)
    if not out.startswith("situation-viewer "):
        raise Failed(f"--version said {out!r}")
    out = run("window on the embedded sample (Xvfb)", xvfb + [program], window_env)
    if SMOKE_LINE not in out.splitlines():
        raise Failed(f"the window did not report its first frame: {out!r}")
    run("info on the sample", [program, "info", sample], env)
    png = work / "sample.png"
    run("render the sample to PNG", [program, "render", sample, "--at", "2025-06-13",
                                     "-o", str(png)], env)
    if png_size(png) != (1600, 1000):
        raise Failed(f"{png}: {png_size(png)}, expected the default 1600x1000")
    reference = work / "sample-installed.png"
    run("the same render with the installed program", [sys.executable, "-m", "viewer",
        "render", sample, "--at", "2025-06-13", "-o", str(reference)], env)
    if not same_pixels(png, reference):
        raise Failed(f"{png} differs from the installed program's {reference}")
    for suffix, magic in ((".svg", b"<?xml"), (".pdf", b"%PDF")):
        out_file = work / f"sample{suffix}"
        run(f"render the sample to {suffix[1:].upper()}", [program, "render", sample, "--at",
            "2025-06-13", "-o", str(out_file)], env)
        if not out_file.read_bytes().startswith(magic):
            raise Failed(f"{out_file} does not start with {magic!r}")

    if not DEEPSTATE.is_dir():
        print(f"bundle-test: SKIPPED the DeepState import: {DEEPSTATE} is absent (the corpus "
              "lives in ../shared, which CI has and a user's clone does not)")
        return
    imported = work / "deepstate.gpkg"
    run("import the DeepState series", [program, "import", str(DEEPSTATE), "--layer",
        "Occupied (DeepState)", "--kind", "assessed-control", "--regions",
        "builtin:ukraine-oblasts", "-o", str(imported)], env, timeout=900)
    out = run("window on the DeepState import (Xvfb)", xvfb + [program, str(imported)],
              window_env)
    if SMOKE_LINE not in out.splitlines():
        raise Failed(f"the window did not report its first frame: {out!r}")
    png = work / "deepstate.png"
    run("render the DeepState import to PNG", [program, "render", str(imported), "--at",
        "2025-08-09", "-o", str(png)], env)
    png_size(png)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "situation-viewer").resolve()
    if not (bundle / "situation-viewer").is_file():
        print(f"bundle-test: no bundle at {bundle}: run `make bundle`", file=sys.stderr)
        return 2
    if shutil.which("xvfb-run") is None:
        print("bundle-test: xvfb-run is missing: install the xvfb package", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="situation-viewer-bundle-test-") as tmp:
        try:
            check(bundle, Path(tmp))
        except (Failed, subprocess.TimeoutExpired) as exc:
            print(f"bundle-test: FAILED: {exc}", file=sys.stderr)
            return 1
    print("bundle-test: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
