"""The files bundled with the package: the one way to reach them.

They live in the top-level ``resources/`` folder of the source tree, which is installed as
the package ``viewer.data`` (pyproject.toml maps one to the other), so an editable install
and a wheel read the same files, through ``importlib.resources``. To add one, put the file
in ``resources/``, give it a name below and, for a new kind of file, a package-data glob in
pyproject.toml (packaging/README.md says more).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "viewer.data"

SAMPLE = "sample.gpkg"          # the embedded sample situation (packaging/build_sample.py)
FONTS = "fonts"                 # DejaVu Sans, every map's font (packaging/fetch_fonts.sh)
DESKTOP = "desktop"             # .desktop, MIME type, metainfo, icons (packaging/build_icons.py)
SETTLEMENTS = "ukraine-settlements.json.gz"   # GeoNames places (packaging/build_settlements.py)
RIVERS = "ukraine-rivers.json.gz"   # GSHHG rivers and lakes (packaging/build_rivers.py)

_extracted = ExitStack()        # files copied out of a zipped package, removed at exit
atexit.register(_extracted.close)


def resource(name: str) -> Traversable:
    """The bundled file or folder ``name`` ("sample.gpkg", "fonts/DejaVuSans.ttf"), to
    read or list; use ``resource_path`` where a library needs a file-system path."""
    return files(PACKAGE).joinpath(*name.split("/"))


@cache
def resource_path(name: str) -> Path:
    """A real file-system path of the bundled file ``name``, valid until the process ends.

    For an installed package (wheel or editable) that is the file itself; were the package
    ever zipped, the file would be copied to a temporary one first (``as_file``)."""
    return _extracted.enter_context(as_file(resource(name)))


def translation_path(lang: str) -> str:
    """Our compiled translation into ``lang`` (resources/i18n/situation_viewer_<lang>.qm)."""
    return str(resource_path(f"i18n/situation_viewer_{lang}.qm"))


def sample_path() -> Path:
    """The embedded sample situation file."""
    return resource_path(SAMPLE)


def settlements_bytes() -> bytes:
    """The built-in settlements table (gzip'd JSON)."""
    return resource(SETTLEMENTS).read_bytes()


def rivers_bytes() -> bytes:
    """The built-in rivers and lakes table (gzip'd JSON)."""
    return resource(RIVERS).read_bytes()


def font_paths() -> list[Path]:
    """The bundled font files (``fonts/*.ttf``), sorted by name."""
    names = sorted(f.name for f in resource(FONTS).iterdir() if f.name.endswith(".ttf"))
    return [resource_path(f"{FONTS}/{name}") for name in names]


def desktop_file(name: str) -> Path:
    """A file of the desktop integration ("org.situationviewer.Viewer.desktop",
    "icons/16x16/org.situationviewer.Viewer.png", ...)."""
    return resource_path(f"{DESKTOP}/{name}")





def guide_file(name: str) -> Path:
    """A file of the user guide ("user-guide.md", "images/window.png"): docs/ of the
    source tree, installed as the package ``viewer.guide``."""
    return Path(str(files("viewer.guide").joinpath(*name.split("/"))))
