"""A plain install works: the built wheel, installed into a fresh venv outside the
repository, carries the sample, the fonts and the built-in regions, and runs the window,
``--version``, ``info``, ``render`` and ``import`` from a folder outside the repository.

The wheel is built from a copy of the working tree (so the build leaves nothing in it),
without build isolation (no network). The fresh venv gets no pip and no copy of our
dependencies: pip (the test's own) installs only the wheel, and a .pth file lists this
interpreter's site-packages folders so the dependencies can be imported. Folders named in a
.pth are not scanned for .pth files of their own, so the editable install's path hook is
not loaded there: the test checks that ``viewer`` comes from the fresh venv.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from shapely.geometry import box, mapping

from test_app_lifecycle import SCRIPT as WINDOW_SCRIPT, stderr_lines

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCES = {".git", ".venv", "build", "dist", "out", "__pycache__", ".pytest_cache",
               ".import_linter_cache"}
SAMPLE_TITLE = "Dnipropetrovsk border, June 2025"      # packaging/build_sample.py's title


def _ignore(folder: str, names: list[str]) -> set[str]:
    skip = {n for n in names if n in NOT_SOURCES or n.endswith((".egg-info", ".tmp"))}
    if Path(folder) == ROOT / "packaging":
        skip.add("cache")
    return skip


class Installed:
    def __init__(self, base: Path):
        self.venv = base / "venv"
        self.bin = self.venv / "bin"
        self.site = Path(subprocess.run(
            [self.bin / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True).stdout.strip())
        self.cwd = base / "work"
        self.cwd.mkdir()
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        self.env["QT_QPA_PLATFORM"] = "offscreen"

    def run(self, *args, timeout: float = 120) -> subprocess.CompletedProcess:
        res = subprocess.run([str(a) for a in args], cwd=self.cwd, env=self.env,
                             capture_output=True, text=True, timeout=timeout)
        assert res.returncode == 0, f"{args}: status {res.returncode}\n{res.stderr}"
        return res

    def python(self, code: str) -> str:
        return self.run(self.bin / "python", "-c", code).stdout

    def viewer(self, *args) -> str:
        res = self.run(self.bin / "situation-viewer", *args)
        assert res.stderr == ""
        return res.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=_ignore)
    subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps",
                    "--no-build-isolation", "--no-index", "-q", "-w", str(base / "dist")],
                   cwd=source, check=True, capture_output=True, timeout=120)
    (found,) = (base / "dist").glob("situation_viewer-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(base / "venv")],
                   check=True, timeout=60)
    inst = Installed(base)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(inst.bin / "python"),
                    "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=120)
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (inst.site / "outer-dependencies.pth").write_text("".join(f"{p}\n" for p in ours))
    return inst


def test_the_wheel_holds_every_file_of_resources(wheel):
    in_wheel = {n.removeprefix("viewer/data/") for n in zipfile.ZipFile(wheel).namelist()
                if n.startswith("viewer/data/")}
    in_tree = {p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*")
               if p.is_file() and not _ignore(str(p.parent), [p.name])
               and "__pycache__" not in p.parts}
    assert in_wheel == in_tree


def test_version_comes_from_the_package(installed, wheel):
    version = wheel.name.split("-")[1]          # name-version-python-abi-platform.whl
    assert installed.viewer("--version") == f"situation-viewer {version}\n"
    assert installed.python("import viewer; print(viewer.__version__)") == f"{version}\n"


def test_viewer_and_its_resources_come_from_the_fresh_venv(installed):
    out = installed.python("import viewer, viewer.resources as r; print(viewer.__file__); "
                           "print(r.sample_path()); print(*r.font_paths(), sep='\\n')")
    module, sample, *fonts = [Path(line) for line in out.splitlines()]
    assert module == installed.site / "viewer" / "__init__.py"
    assert sample == installed.site / "viewer" / "data" / "sample.gpkg"
    assert sample.read_bytes() == (ROOT / "resources" / "sample.gpkg").read_bytes()
    assert [f.name for f in fonts] == ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"]
    assert all(f.parent == installed.site / "viewer" / "data" / "fonts" for f in fonts)


def test_info_on_the_embedded_sample(installed):
    sample = installed.python("from viewer.resources import sample_path; print(sample_path())")
    info = json.loads(installed.viewer("info", sample.strip(), "--json"))
    assert info["title"] == SAMPLE_TITLE
    assert {l["id"] for l in info["layers"]} == {"confirmed", "claimed"}


def test_render_draws_with_the_bundled_fonts(installed):
    """The render runs in-process so the same process can say which font files it loaded."""
    out = installed.python(
        "import sys; from viewer.__main__ import main; "
        "from viewer.resources import sample_path; "
        "status = main(['render', str(sample_path()), '--at', '2025-06-13', '-o', 'map.png', "
        "'--size', '800x500']); "
        "from viewer.render.fonts import loaded_font_files; "
        "print(*loaded_font_files(), sep='\\n'); sys.exit(status)")
    fonts = [Path(line) for line in out.splitlines()]
    assert sorted(f.name for f in fonts) == ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"]
    assert all(f.parent == installed.site / "viewer" / "data" / "fonts" for f in fonts)
    image = QImage(str(installed.cwd / "map.png"))
    assert (image.width(), image.height()) == (800, 500)
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 500, 7)}
    assert len(colours) > 50            # regions, layers, text: not a blank or flat image


def test_import_with_builtin_regions(installed):
    """Two snapshots: an area inside Donetsk Oblast (Donetsk city, 37.8° E, is 0.2° east
    of it), then one reaching 1° further west, past the oblast border (about 36.86° E at
    this latitude, packaging/build_sample.py) into Dnipropetrovsk Oblast."""
    series = installed.cwd / "series"
    series.mkdir()
    for day, west in (("20250601", 37.3), ("20250605", 36.3)):
        feature = {"type": "Feature", "properties": {},
                   "geometry": mapping(box(west, 47.95, 37.6, 48.15))}
        (series / f"front_{day}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": [feature]}))
    summary = installed.viewer("import", "series", "--layer", "Front", "--regions",
                               "builtin:ukraine-oblasts", "-o", "front.gpkg")
    assert "states: 2   changes: 1" in summary
    info = json.loads(installed.viewer("info", "front.gpkg", "--json"))
    entered = {r["name"]: r["first_entered"] for r in info["regions"] if r["first_entered"]}
    assert entered == {"Donetsk Oblast": {"front": "2025-06-01T00:00:00Z"},
                       "Dnipropetrovsk Oblast": {"front": "2025-06-05T00:00:00Z"}}
    assert len(info["regions"]) > 27                    # the oblasts and their neighbours
    assert any(a.startswith("Regions") for a in info["attributions"])


def test_window_opens_the_sample_and_quits_with_status_0(installed):
    res = installed.run(installed.bin / "python", "-c", WINDOW_SCRIPT)
    assert stderr_lines(res.stderr) == []
    assert "time 2025-06-08" in res.stdout          # the sample's first change
