"""``situation-viewer --install-desktop`` / ``--uninstall-desktop``: the freedesktop (XDG)
integration for one user, under ``$XDG_DATA_HOME`` (default ``~/.local/share``).

What goes where (the files come from the package's ``desktop`` resources):

| file | installed as |
|---|---|
| ``org.situationviewer.Viewer.desktop`` | ``applications/``, with ``Exec=`` naming this install's command |
| ``org.situationviewer.Viewer.mime.xml`` | ``mime/packages/org.situationviewer.Viewer.xml`` (``application/geopackage+sqlite3``) |
| ``org.situationviewer.Viewer.svg`` and ``icons/NxN/*.png`` | ``icons/hicolor/scalable/apps/``, ``icons/hicolor/NxN/apps/`` |
| ``org.situationviewer.Viewer.metainfo.xml`` | ``metainfo/`` |

Then the desktop's caches are refreshed (update-mime-database, update-desktop-database,
gtk-update-icon-cache, each only if installed) and, when no program is the default for
GeoPackages yet, the viewer becomes it (xdg-mime), so double-clicking a ``.gpkg`` opens it.
Qt-free: it runs before any window exists.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from viewer.resources import desktop_file

APP_ID = "org.situationviewer.Viewer"
MIME_TYPE = "application/geopackage+sqlite3"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> str:
    """The command line that starts this install of the viewer, for ``Exec=``."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "situation-viewer" and script.is_file():
        return shlex.quote(str(script.resolve()))
    beside = Path(sys.executable).with_name("situation-viewer")    # a venv's or pipx's bin/
    if beside.is_file() and os.access(beside, os.X_OK):
        return shlex.quote(str(beside))
    found = shutil.which("situation-viewer")
    if found:
        return shlex.quote(os.path.abspath(found))
    return f"{shlex.quote(sys.executable)} -m viewer"


def targets(home: Path) -> dict[str, Path]:
    """Resource name -> where it is installed."""
    out = {f"{APP_ID}.desktop": home / "applications" / f"{APP_ID}.desktop",
           f"{APP_ID}.mime.xml": home / "mime" / "packages" / f"{APP_ID}.xml",
           f"{APP_ID}.metainfo.xml": home / "metainfo" / f"{APP_ID}.metainfo.xml",
           f"{APP_ID}.svg": home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"}
    for n in ICON_SIZES:
        out[f"icons/{n}x{n}/{APP_ID}.png"] = (home / "icons" / "hicolor" / f"{n}x{n}" /
                                            "apps" / f"{APP_ID}.png")
    return out


def _desktop_text(command: str) -> str:
    lines = desktop_file(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    fixed = []
    for line in lines:
        if line.startswith("Exec="):
            line = f"Exec={command} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={shlex.split(command)[0]}"
        fixed.append(line)
    return "\n".join(fixed) + "\n"


def _run(*command: str) -> None:
    """Refresh a desktop cache if that tool is installed; its output is not ours to show."""
    if shutil.which(command[0]):
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False, timeout=60)


def _refresh(home: Path) -> None:
    _run("update-mime-database", str(home / "mime"))
    _run("update-desktop-database", str(home / "applications"))
    _run("gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor"))


def install(home: Path | None = None) -> list[Path]:
    """Install the desktop entry, MIME type, icons and metainfo; the paths written."""
    home = home or data_home()
    written = []
    for name, target in targets(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".desktop"):
            target.write_text(_desktop_text(launcher()), encoding="utf-8")
        else:
            shutil.copyfile(desktop_file(name), target)
        written.append(target)
    _refresh(home)
    if shutil.which("xdg-mime"):
        query = subprocess.run(["xdg-mime", "query", "default", MIME_TYPE],
                               capture_output=True, text=True, check=False, timeout=60)
        if not query.stdout.strip():
            _run("xdg-mime", "default", f"{APP_ID}.desktop", MIME_TYPE)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() put in place; the paths removed."""
    home = home or data_home()
    removed = []
    for target in targets(home).values():
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh(home)
    return removed


def main(flag: str) -> int:
    home = data_home()
    if flag == "--install-desktop":
        paths = install(home)
        print(f"installed the desktop entry, icons and the GeoPackage file type under {home} "
              f"({len(paths)} files)")
    else:
        paths = uninstall(home)
        print(f"removed {len(paths)} files of the desktop integration under {home}")
    return 0
