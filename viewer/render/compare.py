"""Two dates A and B on one picture, drawn by the one draw routine:

- ``swipe``: A left of a vertical divider, B right of it (the divider at ``split``, a
  share of the width);
- ``side``: A and B side by side, each half showing the same view, with its own date;
- ``diff``: one map at B with the ground gained and lost since A, each one area.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from viewer.render import styles as st
from viewer.render.compare_caption import draw_caption
from viewer.render.decorations import decoration_rects, draw_decorations
from viewer.render.map_texts import format_date
from viewer.render.draw import draw_map
from viewer.render.draw_layers import draw_background, draw_dynamic
from viewer.render.fonts import ensure_fonts, map_font
from viewer.render.labels import draw_labels
from viewer.render.decoration_layout import widest_date_text
from viewer.render.language import QT_TRANSLATE_NOOP, current_language, fill, translate
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

MODES = ("swipe", "side", "diff")
A_TAG = QT_TRANSLATE_NOOP("Compare", "A  %1")     # the tags by the divider: A's date,
B_TAG = QT_TRANSLATE_NOOP("Compare", "B  %1")     # B's


def compare_settings(b: RenderSettings, a: datetime, mode: str,
                     note_a: str | None = None) -> tuple[RenderSettings, RenderSettings]:
    """(A's settings, B's settings) for ``mode``; ``b.at`` is B, ``b.date_note`` B's note."""
    a_settings = replace(b, at=a, date_note=note_a, highlight_days=0.0)
    b_settings = replace(b, highlight_days=0.0)
    if mode == "diff":
        both = f"{note_a or format_date(a)} → {b.date_note or format_date(b.at)}"
        room = f"{note_a or _widest(a)} → {b.date_note or _widest(b.at)}"
        b_settings = replace(b_settings, compare_from=a, show_lost=True, date_note=both,
                             date_note_room=room)
    return a_settings, b_settings


def paint_compare(painter: QPainter, scene: MapScene, a: RenderSettings, b: RenderSettings,
                  mode: str, split: float = 0.5, caption: list[tuple[str, str]] = ()) -> None:
    """Draw the comparison over ``b.size`` pixels; ``caption``: the difference view's
    km² lines (compare_caption.caption_lines), drawn with the decorations."""
    width, height = b.size
    if mode == "diff":
        draw_map(painter, scene, b)
        if b.decorations:
            draw_caption(painter, width, height, b.scale, list(caption))
    elif mode == "side":
        half = width / 2
        draw_map(painter, scene, replace(a, size=(round(half), height)), QRectF(0, 0, half, height))
        draw_map(painter, scene, replace(b, size=(width - round(half), height)),
                 QRectF(half, 0, width - half, height))
        draw_divider(painter, half, height, b.scale)
    elif mode == "swipe":
        x = max(0.0, min(1.0, split)) * width
        viewport = Viewport.for_settings(scene, b)
        shown = swipe_shown(a, b)
        reserved = tuple(decoration_rects(scene, viewport, shown)) if b.decorations else ()
        # The base map and the labels do not depend on the date: drawn once, across the
        # divider; only the layers are drawn twice, each clipped to its side.
        painter.save()
        painter.setClipRect(viewport.rect)
        draw_background(painter, scene, viewport, b)
        for settings, clip in ((a, QRectF(0, 0, x, height)), (b, QRectF(x, 0, width - x, height))):
            painter.save()
            painter.setClipRect(clip)
            draw_dynamic(painter, scene, viewport, settings)
            painter.restore()
        room = tuple(tag_room(x, a, b, reserved)) if b.decorations else ()
        draw_labels(painter, scene, viewport, b, reserved + room)
        painter.restore()
        draw_divider(painter, x, height, b.scale)
        if b.decorations:
            draw_tags(painter, b.scale, tag_rects(x, a, b, reserved))
            draw_decorations(painter, scene, viewport, shown)
    else:
        raise ValueError(f"unknown compare mode {mode!r}")


def swipe_note(a: RenderSettings, b: RenderSettings) -> str:
    """The swipe's date line: "left <A> · right <B>"."""
    return fill(translate("Compare", "left %1 · right %2"), a.date_note or format_date(a.at),
                b.date_note or format_date(b.at))


def swipe_shown(a: RenderSettings, b: RenderSettings) -> RenderSettings:
    """The settings the swipe's panels and labels are drawn with: B's, its date line
    ``swipe_note``, with room for the widest dates (the legend keeps its width as A and B
    move: RenderSettings.date_note_room)."""
    room = fill(translate("Compare", "left %1 · right %2"), a.date_note or _widest(a.at),
                b.date_note or _widest(b.at))
    return replace(b, date_note=swipe_note(a, b), date_note_room=room)


def _widest(t: datetime) -> str:
    """The widest date ``t``'s line may show as the dates move: with a time if ``t`` has
    one (daily data keep the narrower room, timed data the wider)."""
    return widest_date_text(current_language(), _timed(t))


def render_compare(scene: MapScene, a: RenderSettings, b: RenderSettings, mode: str,
                   split: float = 0.5, caption: list[tuple[str, str]] = ()) -> QImage:
    ensure_fonts()
    image = QImage(*b.size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(st.WATER))
    painter = QPainter(image)
    try:
        paint_compare(painter, scene, a, b, mode, split, caption)
    finally:
        painter.end()
    return image


def draw_divider(painter: QPainter, x: float, height: float, s: float) -> None:
    painter.save()
    painter.setPen(st.pen(st.HALO, 4.0 * s, 0.9))
    painter.drawLine(QPointF(x, 0), QPointF(x, height))
    painter.setPen(st.pen(st.SELECTED, 1.5 * s))
    painter.drawLine(QPointF(x, 0), QPointF(x, height))
    painter.restore()


def tag_rects(x: float, a: RenderSettings, b: RenderSettings,
              clear_of: tuple[QRectF, ...] = (),
              room: list[QRectF] | None = None) -> list[tuple[QRectF, str]]:
    """Where ``draw_tags`` puts "A: date" (left of the divider at ``x``) and "B: date"
    (right of it), and their texts: at the top of their ``tag_room`` (``room``, if
    made already)."""
    s = b.scale
    metrics = _tag_metrics(s)
    top = (room or tag_room(x, a, b, clear_of))[0].top()
    out = []
    for text, left in ((_tag_text(A_TAG, format_date(a.at)), True),
                       (_tag_text(B_TAG, format_date(b.at)), False)):
        w, h = metrics.horizontalAdvance(text) + 12 * s, metrics.height() + 6 * s
        out.append((QRectF(x - w - 6 * s if left else x + 6 * s, top, w, h), text))
    return out


def tag_room(x: float, a: RenderSettings, b: RenderSettings,
             clear_of: tuple[QRectF, ...] = ()) -> list[QRectF]:
    """The room of A's and B's tags by the divider at ``x`` whatever their dates (each
    as wide as its widest date makes it), which the labels keep clear of: so a step of
    the dates moves no label. At the top, or both just below the panels of ``clear_of``
    (the legend) that the top would put either under."""
    s = b.scale
    lang = current_language()
    (wa, ha), (wb, hb) = (_widest_tag(template, lang, _timed(t), s)
                          for template, t in ((A_TAG, a.at), (B_TAG, b.at)))

    def placed(top: float) -> list[QRectF]:
        return [QRectF(x - wa - 6 * s, top, wa, ha), QRectF(x + 6 * s, top, wb, hb)]

    out = placed(8 * s)
    under = [r for r in clear_of if any(r.intersects(rect) for rect in out)]
    return placed(max(r.bottom() for r in under) + 6 * s) if under else out


def _tag_text(template: str, date: str) -> str:
    return fill(translate("Compare", template), date)


def _timed(t: datetime) -> bool:
    return (t.hour, t.minute) != (0, 0)


@lru_cache(maxsize=4)
def _tag_metrics(s: float) -> QFontMetricsF:
    """The metrics of the tags' font at the scale ``s`` (asked at every step)."""
    return QFontMetricsF(map_font(12 * s, True))


@lru_cache(maxsize=16)
def _widest_tag(template: str, lang: str, timed: bool, s: float) -> tuple[float, float]:
    """(width, height) of the widest tag ``template`` makes with a date in ``lang``
    (with a time if ``timed``): that of the widest month's 28th."""
    metrics = _tag_metrics(s)
    hour, minute = (23, 59) if timed else (0, 0)
    width = max(metrics.horizontalAdvance(_tag_text(template, format_date(
        datetime(2025, month, 28, hour, minute)))) for month in range(1, 13))
    return width + 12 * s, metrics.height() + 6 * s


def draw_tags(painter: QPainter, s: float, tags: list[tuple[QRectF, str]]) -> None:
    """"A: date" and "B: date" on either side of the divider, where ``tag_rects`` puts
    them (``tags``), at the scale ``s`` of the settings they were placed for."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    font = map_font(12 * s, True)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for rect, text in tags:
        painter.setPen(st.pen(st.PANEL_BORDER, 0.8 * s))
        painter.setBrush(st.PANEL)
        painter.drawRoundedRect(rect, 3 * s, 3 * s)
        painter.setPen(st.color(st.TEXT))
        painter.drawText(QPointF(rect.left() + 6 * s, rect.top() + 3 * s + metrics.ascent()), text)
    painter.restore()
