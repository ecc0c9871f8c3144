"""Desktop integration: the .desktop file, the MIME type, the icons and the AppStream
metainfo validate with Debian's own tools, install per user, and `xdg-open FILE.gpkg`
then opens the file in the viewer (under Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from viewer import desktop_entry
from viewer.resources import desktop_file

APP = desktop_entry.APP_ID

need = {tool: shutil.which(tool) for tool in ("desktop-file-validate", "appstreamcli",
                                              "xdg-mime", "update-mime-database")}


def _tool(name: str):
    return pytest.mark.skipif(need.get(name, shutil.which(name)) is None,
                              reason=f"{name} is missing (CI installs it: see .ci/run)")


@_tool("desktop-file-validate")
def test_desktop_file_validates(tmp_path):
    res = subprocess.run(["desktop-file-validate", str(desktop_file(f"{APP}.desktop"))],
                         capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.strip() == "", res.stdout + res.stderr
    desktop_entry.install(tmp_path)
    installed = tmp_path / "applications" / f"{APP}.desktop"
    res = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True,
                         text=True)
    assert res.returncode == 0 and res.stdout.strip() == "", res.stdout + res.stderr
    text = installed.read_text()
    assert "MimeType=application/geopackage+sqlite3;" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f") and os.path.isabs(exec_line[5:].split()[0])


@_tool("appstreamcli")
def test_metainfo_validates():
    path = desktop_file(f"{APP}.metainfo.xml")
    res = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    text = path.read_text()
    for tag in ("<launchable", "<releases>", "<content_rating", "offline-only"):
        assert tag in text


def test_icons_exist_at_every_size_and_decode():
    from PySide6.QtGui import QImage
    for n in desktop_entry.ICON_SIZES:
        image = QImage(str(desktop_file(f"icons/{n}x{n}/{APP}.png")))
        assert (image.width(), image.height()) == (n, n)
        # not blank: the map, the occupied area and the frame give several colours
        colours = {image.pixel(x, y) for x in range(n) for y in range(n)}
        assert len(colours) >= 4


def _xdg_env(home):
    return dict(os.environ, XDG_DATA_HOME=str(home),
                XDG_DATA_DIRS="/usr/local/share:/usr/share",
                XDG_CONFIG_HOME=str(home / "config"), HOME=str(home / "home"))


@_tool("xdg-mime")
@_tool("update-mime-database")
def test_installed_mime_type_recognises_geopackages(tmp_path, sample_path, monkeypatch):
    home = tmp_path / "share"
    for key, value in _xdg_env(home).items():
        monkeypatch.setenv(key, value)
    (home / "home").mkdir(parents=True)
    written = desktop_entry.install()
    assert all(p.is_file() for p in written) and str(home) in str(written[0])
    renamed = tmp_path / "colleague's map.dat"          # the magic, not the suffix
    shutil.copyfile(sample_path, renamed)
    env = _xdg_env(home)
    for path in (sample_path, renamed):
        res = subprocess.run(["xdg-mime", "query", "filetype", str(path)],
                             capture_output=True, text=True, env=env)
        assert res.stdout.strip() == "application/geopackage+sqlite3", res.stderr
    res = subprocess.run(["xdg-mime", "query", "default", "application/geopackage+sqlite3"],
                         capture_output=True, text=True, env=env)
    assert res.stdout.strip() == f"{APP}.desktop"
    removed = desktop_entry.uninstall()
    assert sorted(removed) == sorted(written)
    assert not any(p.exists() for p in written)


@_tool("xvfb-run")
@_tool("xdg-open")
@_tool("xdotool")
def test_xdg_open_opens_the_file_in_the_viewer(tmp_path, sample_path):
    """With the per-user install, `xdg-open FILE.gpkg` starts the viewer on that file."""
    home = tmp_path / "share"
    (home / "home").mkdir(parents=True)
    env = _xdg_env(home)
    env.pop("QT_QPA_PLATFORM", None)
    res = subprocess.run([sys.executable, "-m", "viewer", "--install-desktop"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    target = tmp_path / "from a colleague.gpkg"
    shutil.copyfile(sample_path, target)
    script = tmp_path / "open.sh"
    # Inside one X server: open the file, wait for the viewer's window to show the file's
    # title, then close it with Ctrl+Q like a user would.
    script.write_text(f"""set -e
xdg-open {str(target)!r} &       # without a desktop environment xdg-open waits for it
# --onlyvisible: Qt names its window before mapping it, and X refuses to focus an
# unmapped window (BadMatch on X_SetInputFocus), which made this test fail now and then.
for i in $(seq 1 600); do
  w=$(xdotool search --onlyvisible --name 'Dnipropetrovsk border' 2>/dev/null | head -1) || true
  [ -n "$w" ] && break
  sleep 0.1
done
[ -n "$w" ] || {{ echo "no viewer window appeared" >&2; exit 3; }}
xdotool getwindowname "$w"
# No window manager here: focus it directly, again until X takes it (the window may
# still be on its way to the screen when it is first seen).
for i in $(seq 1 100); do
  xdotool windowfocus --sync "$w" 2>/dev/null && break
  sleep 0.1
done
xdotool key --clearmodifiers ctrl+q
for i in $(seq 1 300); do
  pgrep -f {str(target)!r} >/dev/null || exit 0
  sleep 0.1
done
echo "the viewer did not quit" >&2; exit 4
""")
    started = time.monotonic()
    res = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "bash",
                          str(script)], env=env, capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Dnipropetrovsk border" in res.stdout and "from a colleague.gpkg" in res.stdout
    assert time.monotonic() - started < 170
