"""Rendering without a window: a QGuiApplication on the offscreen platform, then export."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from viewer.model import Situation
from viewer.model.in_data import InData
from viewer.render.export import render_to_file
from viewer.render.fonts import ensure_fonts
from viewer.render.language import core_text, format_number, translate, using_language
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
                    note=None, lang: str = "en") -> None:
    """Draw to ``path`` with the legend, date, scale bar and names in ``lang``."""
    app = gui_application()
    ensure_fonts()
    with using_language(lang):
        settings = RenderSettings(at=at, size=size, bbox=bbox, highlight_days=highlight_days,
                                  title=title, decorations=True, date_note=core_text(note),
                                  language=lang)
        render_to_file(MapScene(situation), settings, path)
    del app


def compare_headless(situation: Situation, path: Path, *, a: InData, b: InData, mode: str,
                     size: tuple[int, int] = (1600, 1000),
                     bbox: tuple[float, float, float, float] | None = None,
                     title: str | None = None, lang: str = "en") -> list[str]:
    """Write the comparison of A and B as PNG, SVG or PDF (by the suffix; text stays
    text), in ``lang``; the km² gained, lost and net between them (per layer and region)
    as text lines."""
    from viewer.analysis.difference import compare, difference_lines
    from viewer.render.compare import compare_settings, paint_compare
    from viewer.render.compare_caption import caption_lines
    from viewer.render.map_texts import attribution_text, format_date, map_title
    from viewer.render.export import paint_to_file
    app = gui_application()
    ensure_fonts()
    with using_language(lang):
        scene = MapScene(situation)
        base = RenderSettings(at=b.at, size=size, bbox=bbox, title=title,
                              date_note=core_text(b.note), language=lang)
        sa, sb = compare_settings(base, a.at, mode, core_text(a.note))
        diffs = compare(situation, a.at, b.at)
        caption = caption_lines(situation, diffs, lang) if mode == "diff" else []

        def paint(painter, rect) -> None:
            painter.save()
            painter.translate(rect.topLeft())
            paint_compare(painter, scene, sa, sb, mode, caption=caption)
            painter.restore()
        paint_to_file(path, size, f"{map_title(scene, base)}: {format_date(a.at)} – "
                                  f"{format_date(b.at)}", attribution_text(scene), paint)
        lines = difference_lines(situation, diffs, translate, format_number, lang)
    del app
    return lines


def animate_headless(situation: Situation, path: Path, *, start: datetime, end: datetime,
                     every: timedelta | None, fps: float, trail: bool,
                     size: tuple[int, int] = (1280, 720),
                     bbox: tuple[float, float, float, float] | None = None,
                     highlight_days: float | None = None, title: str | None = None,
                     progress=None, lang: str = "en") -> int:
    """Write the animation (legend, dates and names in ``lang``); the number of frames."""
    from viewer.render.animation import Animation, step_times, write_animation
    app = gui_application()
    ensure_fonts()
    with using_language(lang):
        animation = Animation(step_times(situation, start, end, every), fps, trail)
        base = RenderSettings(at=start, size=size, bbox=bbox, highlight_days=highlight_days,
                              title=title, language=lang)
        write_animation(MapScene(situation), base, animation, path, progress)
    del app
    return len(animation.times)
