"""The app's QSettings, and the recent-files list and last directory kept in them.

Settings live under organisation "SituationViewer", application "Situation Viewer", in
INI format on every platform. ``SITUATION_VIEWER_CONFIG_DIR`` points them at another
directory (tests use it so they never touch a person's settings).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu

from viewer.model.text import LINE_LIMIT, safe_line
from viewer.render.language import translate
from viewer.ui.plain_text import menu_entry

ORGANISATION = "SituationViewer"
APPLICATION = "Situation Viewer"
CONFIG_DIR_ENV = "SITUATION_VIEWER_CONFIG_DIR"
MAX_RECENT = 10


def app_settings() -> QSettings:
    """The settings store: the per-user INI file, or one in $SITUATION_VIEWER_CONFIG_DIR."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return QSettings(str(Path(override) / f"{APPLICATION}.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


def _as_list(value) -> list[str]:
    """QSettings gives a str for a one-item INI list and None for a missing key."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


class RecentFiles(QObject):
    """Most recently opened situation files, newest first, plus the last directory used."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings

    def paths(self) -> list[str]:
        return _as_list(self._settings.value("recent/files"))[:MAX_RECENT]

    def add(self, path: str | os.PathLike) -> None:
        path = str(Path(path).resolve())
        paths = [path] + [p for p in self.paths() if p != path]
        self._write(paths[:MAX_RECENT])
        self.set_last_directory(str(Path(path).parent))

    def remove(self, path: str) -> None:
        self._write([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._write([])

    def _write(self, paths: list[str]) -> None:
        self._settings.setValue("recent/files", paths)
        self._settings.sync()
        self.changed.emit()

    def last_directory(self) -> str:
        value = self._settings.value("recent/directory")
        if value and Path(str(value)).is_dir():
            return str(value)
        return str(Path.home())

    def set_last_directory(self, directory: str) -> None:
        self._settings.setValue("recent/directory", directory)


def fill_recent_menu(menu: QMenu, recent: RecentFiles, open_file: Callable[[str], None]) -> None:
    """File ▸ Open Recent: one entry per file (full path in the status tip), then Clear."""
    menu.clear()
    for path in recent.paths():
        action = menu_entry(menu, Path(path).name)
        action.setStatusTip(safe_line(path, LINE_LIMIT))
        action.triggered.connect(lambda *_, p=path: open_file(p))
    if menu.isEmpty():
        menu.addAction(translate("Files", "No recent files")).setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction(translate("Files", "Clear Menu")).triggered.connect(lambda *_: recent.clear())
