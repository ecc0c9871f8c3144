"""Rendering without a window: a QGuiApplication on the offscreen platform, then export."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from viewer.model import Situation
from viewer.model.in_data import InData
from viewer.render.export import render_to_file
from viewer.render.fonts import ensure_fonts
from viewer.render.language import install_language
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings


def gui_application() -> QGuiApplication:
    """The running Q(Gui)Application, or a new one (fonts and painting need one)."""
    app = QGuiApplication.instance()
    return app if app is not None else QGuiApplication(["situation-viewer"])


def render_headless(situation: Situation, path: Path, *, at: datetime,
                    size: tuple[int, int] = (1600, 1000),
                    bbox: tuple[float, float, float, float] | None = None,
                    highlight_days: float | None = None, title: str | None = None,
                    note: str | None = None, lang: str = "en") -> None:
    """Draw to ``path`` with the legend, date, scale bar and names in ``lang``."""
    app = gui_application()
    ensure_fonts()
    install_language(lang)
    settings = RenderSettings(at=at, size=size, bbox=bbox, highlight_days=highlight_days,
                              title=title, decorations=True, date_note=note, language=lang)
    render_to_file(MapScene(situation), settings, path)
    del app


def compare_headless(situation: Situation, path: Path, *, a: InData, b: InData, mode: str,
                     size: tuple[int, int] = (1600, 1000),
                     bbox: tuple[float, float, float, float] | None = None,
                     title: str | None = None) -> list[str]:
    """Write the comparison of A and B as PNG; the km² gained, lost and net between them
    (per layer and region) as text lines."""
    from viewer.analysis.difference import compare, difference_lines
    from viewer.render.compare import compare_settings, render_compare
    from viewer.render.export import write_png
    app = gui_application()
    ensure_fonts()
    base = RenderSettings(at=b.at, size=size, bbox=bbox, title=title, date_note=b.note)
    sa, sb = compare_settings(base, a.at, mode, a.note)
    write_png(render_compare(MapScene(situation), sa, sb, mode), path,
              f"{situation.meta.title}: {a.at:%Y-%m-%d} and {b.at:%Y-%m-%d}")
    del app
    return difference_lines(situation, compare(situation, a.at, b.at))


def animate_headless(situation: Situation, path: Path, *, start: datetime, end: datetime,
                     every: timedelta | None, fps: float, trail: bool,
                     size: tuple[int, int] = (1280, 720),
                     bbox: tuple[float, float, float, float] | None = None,
                     highlight_days: float | None = None, title: str | None = None,
                     progress=None) -> int:
    """Write the animation; the number of frames."""
    from viewer.render.animation import Animation, step_times, write_animation
    app = gui_application()
    ensure_fonts()
    animation = Animation(step_times(situation, start, end, every), fps, trail)
    base = RenderSettings(at=start, size=size, bbox=bbox, highlight_days=highlight_days,
                          title=title)
    write_animation(MapScene(situation), base, animation, path, progress)
    del app
    return len(animation.times)
