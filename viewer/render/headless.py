"""Rendering without a window: a QGuiApplication on the offscreen platform, then export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from viewer.model import Situation
from viewer.render.export import render_to_file
from viewer.render.fonts import ensure_fonts
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings


def gui_application() -> QGuiApplication:
    """The running Q(Gui)Application, or a new one (fonts and painting need one)."""
    app = QGuiApplication.instance()
    return app if app is not None else QGuiApplication(["situation-viewer"])


def render_headless(situation: Situation, path: Path, *, at: datetime,
                    size: tuple[int, int] = (1600, 1000),
                    bbox: tuple[float, float, float, float] | None = None,
                    highlight_days: float | None = None, title: str | None = None) -> None:
    app = gui_application()
    ensure_fonts()
    settings = RenderSettings(at=at, size=size, bbox=bbox, highlight_days=highlight_days,
                              title=title, decorations=True)
    render_to_file(MapScene(situation), settings, path)
    del app
