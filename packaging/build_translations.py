"""Translations: update resources/i18n/*.ts from the code, and build the .qm files.

    python packaging/build_translations.py           # lupdate, then lrelease
    python packaging/build_translations.py --release # only lrelease (the .ts as committed)

``pyside6-lupdate`` (shipped with PySide6-Essentials) collects every
``self.tr("…")`` and ``QCoreApplication.translate("Context", "…")`` / ``translate(…)``
call of viewer/ into ``situation_viewer_<lang>.ts``, keeping the translations already
there and dropping texts no longer used; ``pyside6-lrelease`` compiles each ``.ts`` into
the ``.qm`` the program loads (viewer/render/language.py). Both outputs are committed;
tests/test_translations.py fails when either is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("uk",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv's bin/)."""
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "viewer").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-silent", *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)


def main(argv: list[str]) -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = I18N / f"situation_viewer_{lang}.ts"
        if "--release" not in argv:
            lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
