"""Title, date and legend (top left), scale bar (bottom left), attribution (bottom right),
each on a subtle semi-transparent panel."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from pyproj import Geod

from viewer.model import to_utc
from viewer.model.text import safe_line
from viewer.render import styles as st
from viewer.render.fonts import map_font
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_GEOD = Geod(ellps="WGS84")
WRAP = Qt.TextFlag.TextWordWrap
LEGEND_NAME_LIMIT = 80            # characters of a layer name in the legend


def format_date(t: datetime) -> str:
    """``13 June 2025``, with ``, 14:30 UTC`` when the time is not midnight."""
    t = to_utc(t)
    text = f"{t.day} {MONTHS[t.month - 1]} {t.year}"
    if (t.hour, t.minute, t.second) != (0, 0, 0):
        text += f", {t:%H:%M} UTC"
    return text


def date_text(settings: RenderSettings) -> str:
    """The legend's date line: the date shown, or what stands for it (a note that the
    date asked for lies outside the data, the two dates compared)."""
    return settings.date_note if settings.date_note is not None else format_date(settings.at)


def map_title(scene: MapScene, settings: RenderSettings) -> str:
    """The title drawn on (and stored in) a map: one safe line of at most 300 characters."""
    return safe_line(settings.title if settings.title is not None
                     else scene.situation.meta.title)


def attribution_text(scene: MapScene) -> str:
    return " · ".join(safe_line(a) for a in scene.situation.meta.attributions if a.strip())


def format_days(days: float) -> str:
    if days < 1:
        hours = round(days * 24)
        return "hour" if hours == 1 else f"{hours} hours"
    return "day" if days == 1 else f"{days:g} days"


def nice_length(max_metres: float) -> float:
    """The largest 1, 2 or 5 x 10^n metres not above ``max_metres``."""
    exp = math.floor(math.log10(max_metres))
    for step in (5, 2, 1):
        if step * 10 ** exp <= max_metres:
            return step * 10 ** exp
    return 10 ** exp


def ground_metres_per_pixel(scene: MapScene, viewport: Viewport) -> float:
    """True ground distance of one horizontal pixel at the centre of the view."""
    cx, cy = viewport.centre
    half = viewport.metres_per_pixel * 50
    lon, lat = scene.projector.inverse([cx - half, cx + half], [cy, cy])
    _, _, dist = _GEOD.inv(lon[0], lat[0], lon[1], lat[1])
    return dist / 100.0


def draw_decorations(painter: QPainter, scene: MapScene, viewport: Viewport,
                     settings: RenderSettings, date: bool = True,
                     scale_bar: bool = True) -> list[QRectF]:
    """Draw the panels; returns their rectangles (pixels). With ``date=False`` the
    legend's date line is left empty, with ``scale_bar=False`` the scale bar is left out
    (the window caches the panels, which change neither with time nor, but for the scale
    bar, with the view, and draws those two parts with ``draw_date``/``draw_scale_bar``)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    rects = _panels(painter, scene, viewport, settings, date, scale_bar)
    painter.restore()
    return rects


def draw_scale_bar(painter: QPainter, scene: MapScene, viewport: Viewport,
                   settings: RenderSettings) -> QRectF | None:
    """Only the scale bar panel, where ``draw_decorations`` puts it; its rectangle."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    rect = _scale_bar(painter, scene, viewport, settings)
    painter.restore()
    return rect


def scale_bar_rect(scene: MapScene, viewport: Viewport, settings: RenderSettings) -> QRectF | None:
    return _scale_bar(None, scene, viewport, settings)


def draw_date(painter: QPainter, scene: MapScene, viewport: Viewport,
              settings: RenderSettings) -> None:
    """Only the legend's date, where ``draw_decorations`` puts it."""
    origin, font = _date_origin(scene, viewport, settings)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setFont(font)
    painter.setPen(st.color(st.TEXT_MUTED))
    painter.drawText(origin, date_text(settings))
    painter.restore()


def date_rect(scene: MapScene, viewport: Viewport, settings: RenderSettings) -> QRectF:
    """The pixels ``draw_date`` may touch (its text's box, with room for antialiasing)."""
    origin, font = _date_origin(scene, viewport, settings)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(format_date(settings.at))
    return QRectF(origin.x(), origin.y() - metrics.ascent(), width,
                  metrics.height()).adjusted(-2, -2, 2, 2)


WIDEST_DATE = "30 September 2025, 23:59 UTC"   # the panel keeps its size as dates change


def decoration_rects(scene: MapScene, viewport: Viewport, settings: RenderSettings) -> list[QRectF]:
    """Where the panels go (pixels), without drawing: labels keep clear of them."""
    return _panels(None, scene, viewport, settings)


def _panels(painter, scene, viewport, settings, date: bool = True,
            scale_bar: bool = True) -> list[QRectF]:
    rects = [_legend(painter, scene, viewport, settings, date),
             _scale_bar(painter, scene, viewport, settings) if scale_bar else None,
             _attribution(painter, scene, viewport, settings)]
    return [r for r in rects if r is not None]


def _panel(painter: QPainter, rect: QRectF, s: float) -> None:
    painter.setPen(st.pen(st.PANEL_BORDER, 0.8 * s))
    painter.setBrush(st.PANEL)
    painter.drawRoundedRect(rect, 3 * s, 3 * s)


def _legend_items(scene: MapScene, settings: RenderSettings) -> list[tuple]:
    """((fills, edge), text, hatched, colour) for each visible layer (topmost first), then
    the highlight's (or the comparison's) gains and losses. Each swatch is painted with
    the brushes the map paints there, in the same order: a gain lies on its layer's fill,
    so its swatch is that fill under the gain's tint. The key does not depend on the
    time shown, so it stays put while the time is scrubbed or played."""
    layers = list(reversed(settings.visible_layers(scene.situation)))
    items = []
    for layer in layers:
        fill, edge = st.swatch(layer, settings.layer_opacity(layer))
        items.append((((fill,), edge), safe_line(layer.name, LEGEND_NAME_LIMIT),
                      layer.style.hatch, layer.style.color))
    if not layers:
        return items
    under = st.swatch(layers[0], settings.layer_opacity(layers[0]))[0]
    for colour, text, on_layer in _change_keys(settings, scene):
        tint = st.brush(colour, _tint_opacity(settings))
        fills = (under, tint) if on_layer and not layers[0].style.hatch else (tint,)
        items.append(((fills, st.pen(colour, 1.0, 0.95)), text, False, colour))
    return items


def _tint_opacity(settings: RenderSettings) -> float:
    return st.HIGHLIGHT_OPACITY if settings.compare_from is None else st.DIFFERENCE_OPACITY


def _change_keys(settings: RenderSettings, scene: MapScene) -> list[tuple[str, str, bool]]:
    """(colour, text, lies on the layer) of the gains and losses the map shows."""
    if settings.compare_from is not None:
        since = format_date(settings.compare_from)
        keys = [(st.GAIN, f"Gained since {since}", True)]
        if settings.show_lost:
            keys.append((st.LOSS, f"Lost since {since}", False))
        return keys
    days = settings.days(scene.situation)
    if days <= 0:
        return []
    return [(st.GAIN, f"Gained in the last {format_days(days)}", True),
            (st.LOSS, f"Lost in the last {format_days(days)}", False)]


def _title_box(scene, viewport, settings) -> tuple[str, QFont, QRectF, float]:
    """The title, its font, its wrapped bounds and the width it may take."""
    s = settings.scale
    font = map_font(19 * s, True)
    max_w = min(viewport.width * 0.42, 420 * s)
    title = map_title(scene, settings)
    return title, font, QFontMetricsF(font).boundingRect(QRectF(0, 0, max_w, 1e6), WRAP, title), max_w


def _date_origin(scene, viewport, settings) -> tuple[QPointF, QFont]:
    """Where the date's baseline starts, and its font."""
    s = settings.scale
    pad, date_font = 12 * s, map_font(13 * s)
    title_rect = _title_box(scene, viewport, settings)[2]
    y = 14 * s + pad + title_rect.height() + 4 * s + QFontMetricsF(date_font).ascent()
    return QPointF(14 * s + pad, y), date_font


def _legend(painter, scene, viewport, settings, date_shown: bool = True) -> QRectF:
    s, pad = settings.scale, 12 * settings.scale
    date_font, item_font = map_font(13 * s), map_font(12 * s)
    title, title_font, title_rect, max_w = _title_box(scene, viewport, settings)
    date = date_text(settings)
    items = _legend_items(scene, settings)
    item_m = QFontMetricsF(item_font)
    row_h, sw_w, sw_h = max(item_m.height(), 14 * s) + 5 * s, 22 * s, 13 * s
    date_w = QFontMetricsF(date_font).horizontalAdvance
    width = max([title_rect.width(), date_w(date), min(date_w(WIDEST_DATE), max_w)]
                + [sw_w + 8 * s + item_m.horizontalAdvance(name) for _, name, _, _ in items])
    height = (title_rect.height() + 4 * s + QFontMetricsF(date_font).height()
              + (10 * s + row_h * len(items) if items else 0))
    rect = QRectF(14 * s, 14 * s, width + 2 * pad, height + 2 * pad)
    if painter is None:
        return rect
    _panel(painter, rect, s)
    x, y = rect.left() + pad, rect.top() + pad
    painter.setPen(st.color(st.TEXT))
    painter.setFont(title_font)
    painter.drawText(QRectF(x, y, max_w, title_rect.height()), WRAP, title)
    if date_shown:
        draw_date(painter, scene, viewport, settings)
    y += title_rect.height() + 4 * s + QFontMetricsF(date_font).height() + 10 * s
    painter.setFont(item_font)
    for (fills, edge), name, hatch, colour in items:
        box = QRectF(x, y + (row_h - sw_h) / 2, sw_w, sw_h)
        if hatch:
            edge = st.pen(edge.color(), 1.0 * s, 1.0, Qt.PenStyle.DashLine)
        painter.setPen(Qt.PenStyle.NoPen)
        for fill in fills:
            painter.setBrush(fill)
            painter.drawRect(box)
        painter.setPen(edge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        if hatch:
            _hatch_swatch(painter, box, colour, s)
        painter.setPen(st.color(st.TEXT))
        baseline = y + row_h / 2 + (item_m.ascent() - item_m.descent()) / 2
        painter.drawText(QPointF(x + sw_w + 8 * s, baseline), name)
        y += row_h
    return rect


def _hatch_swatch(painter: QPainter, box: QRectF, colour: str, s: float) -> None:
    """Diagonal lines cut to ``box`` by arithmetic (SVG output has no clipping)."""
    painter.setPen(st.pen(colour, st.HATCH_WIDTH * s, 0.9))
    step = st.HATCH_SPACING * s * 0.8
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
    c = left + top + step / 2
    while c < right + bottom:                   # the line x + y = c inside the box
        y0, y1 = max(top, c - right), min(bottom, c - left)
        painter.drawLine(QPointF(c - y0, y0), QPointF(c - y1, y1))
        c += step


def _scale_bar(painter, scene, viewport, settings) -> QRectF | None:
    s, pad = settings.scale, 10 * settings.scale
    ground = ground_metres_per_pixel(scene, viewport)
    if not (math.isfinite(ground) and ground > 0):     # a view off the ellipsoid: no bar
        return None
    metres = nice_length(160 * s * ground)
    bar_w = metres / ground
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    font = map_font(12 * s)
    m = QFontMetricsF(font)
    width = max(bar_w, m.horizontalAdvance(label)) + 2 * pad
    height = m.height() + 12 * s + 2 * pad
    rect = QRectF(14 * s, viewport.height - 14 * s - height, width, height)
    if painter is None:
        return rect
    _panel(painter, rect, s)
    x, y = rect.left() + pad, rect.top() + pad
    painter.setFont(font)
    painter.setPen(st.color(st.TEXT))
    painter.drawText(QPointF(x, y + m.ascent()), label)
    bar_y = y + m.height() + 4 * s
    half = QRectF(x, bar_y, bar_w / 2, 5 * s)
    painter.setPen(st.pen(st.TEXT, 1.0 * s))
    painter.setBrush(st.brush(st.TEXT))
    painter.drawRect(half)
    painter.setBrush(st.brush(st.HALO))
    painter.drawRect(half.translated(bar_w / 2, 0))
    return rect


def _attribution(painter, scene, viewport, settings) -> QRectF | None:
    text = attribution_text(scene)
    if not text:
        return None
    s, pad = settings.scale, 7 * settings.scale
    font = map_font(10.5 * s)
    bound = QFontMetricsF(font).boundingRect(QRectF(0, 0, viewport.width * 0.55, 1e6), WRAP, text)
    rect = QRectF(viewport.width - 14 * s - bound.width() - 2 * pad,
                  viewport.height - 14 * s - bound.height() - 2 * pad,
                  bound.width() + 2 * pad, bound.height() + 2 * pad)
    if painter is None:
        return rect
    _panel(painter, rect, s)
    painter.setFont(font)
    painter.setPen(st.color(st.TEXT_MUTED))
    painter.drawText(rect.adjusted(pad, pad, -pad, -pad), WRAP, text)
    return rect
