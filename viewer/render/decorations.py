"""Title, date and legend (top left), scale bar (bottom left), attribution (bottom right),
each on a subtle semi-transparent panel."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from viewer.model.text import safe_line
from viewer.render import styles as st
from viewer.render.fonts import map_font
from viewer.render.ground_scale import ground_metres_per_pixel, nice_length
from viewer.render.kept_results import KeptResults
from viewer.render.decoration_layout import Layout, layout
from viewer.render.map_texts import (attribution_text, date_text, format_date, highlight_texts,
                                     map_title, sources_chip)
from viewer.render.language import fill, translate
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

LEGEND_NAME_LIMIT = 80            # characters of a layer name in the legend
_DATE_LINES = KeptResults(16)     # see _date_line


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
                   settings: RenderSettings, lay: Layout | None = None) -> QRectF | None:
    """Only the scale bar panel, where ``draw_decorations`` puts it; its rectangle
    (``lay``: the ``decoration_layout`` of these, when the caller keeps it)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    rect = _scale_bar(painter, scene, viewport, settings, lay)
    painter.restore()
    return rect


def scale_bar_rect(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                   lay: Layout | None = None) -> QRectF | None:
    return _scale_bar(None, scene, viewport, settings, lay)


def _date_line(lay: Layout, at: str) -> tuple[QPointF, str] | None:
    """Where the legend's date starts (its baseline) and its text, elided to the panel;
    the last few kept (a time step asks three times)."""
    if lay.legend is None:
        return None
    point, text = _DATE_LINES.get(lay, at, lambda: _place_date(lay, at))
    return QPointF(point), text


def _place_date(lay: Layout, at: str) -> tuple[QPointF, str]:
    pad, e = 12 * lay.e, lay.e
    m = QFontMetricsF(lay.date_font)
    title_h = QFontMetricsF(lay.title_font).lineSpacing() * len(lay.title_lines)
    y = lay.legend.top() + pad + title_h + (4 * e if lay.title_lines else 0) + m.ascent()
    return QPointF(lay.legend.left() + pad, y), m.elidedText(at, Qt.TextElideMode.ElideRight,
                                                            lay.date_width)


def draw_date(painter: QPainter, scene: MapScene, viewport: Viewport,
              settings: RenderSettings, lay: Layout | None = None) -> None:
    """Only the legend's date, where ``draw_decorations`` puts it (``lay``: the
    ``decoration_layout`` of these, when the caller keeps it)."""
    lay = decoration_layout(scene, viewport, settings) if lay is None else lay
    line = _date_line(lay, date_text(settings))
    if line is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setFont(lay.date_font)
    painter.setPen(st.color(st.TEXT_MUTED))
    painter.drawText(*line)
    painter.restore()


def date_rect(scene: MapScene, viewport: Viewport, settings: RenderSettings,
              lay: Layout | None = None) -> QRectF:
    """The pixels ``draw_date`` may touch (its text's box, with room for antialiasing)."""
    lay = decoration_layout(scene, viewport, settings) if lay is None else lay
    line = _date_line(lay, date_text(settings))
    if line is None:
        return QRectF()
    (origin, text), metrics = line, QFontMetricsF(lay.date_font)
    return QRectF(origin.x(), origin.y() - metrics.ascent(), metrics.horizontalAdvance(text),
                  metrics.height()).adjusted(-2, -2, 2, 2)


def decoration_layout(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                      texts: tuple | None = None) -> Layout:
    """What of the panels fits and where (decoration_layout.py); ``texts``: the
    ``panel_texts`` of ``scene`` and ``settings``, if known."""
    title, names, highlights, attribution = texts or panel_texts(scene, settings)
    chip = sources_chip() if settings.credits == "compact" else ""
    return layout(viewport.width, viewport.height, settings.scale, title, names, highlights,
                  attribution, settings.date_note or "", chip, settings.date_note_room)


def panel_texts(scene: MapScene, settings: RenderSettings) -> tuple[str, list[str], int, str]:
    """The texts the panels are laid out for, but the date line: the title, the key's
    rows (the last ``highlights`` of them the gains and losses), the attribution."""
    items = _legend_items(scene, settings)
    return (map_title(scene, settings), [name for _, name, _, _, _ in items],
            sum(1 for item in items if item[4]), attribution_text(scene))


def decoration_rects(scene: MapScene, viewport: Viewport, settings: RenderSettings) -> list[QRectF]:
    """Where the panels go (pixels), without drawing: labels keep clear of them. The
    scale bar's is the widest it may be."""
    return decoration_layout(scene, viewport, settings).rects()


def _panels(painter, scene, viewport, settings, date: bool = True,
            scale_bar: bool = True) -> list[QRectF]:
    lay = decoration_layout(scene, viewport, settings)
    rects = [_legend(painter, scene, viewport, settings, lay, date),
             _scale_bar(painter, scene, viewport, settings, lay) if scale_bar else None,
             _attribution(painter, lay)]
    return [r for r in rects if r is not None]


def _panel(painter: QPainter, rect: QRectF, s: float) -> None:
    painter.setPen(st.pen(st.PANEL_BORDER, 0.8 * s))
    painter.setBrush(st.PANEL)
    painter.drawRoundedRect(rect, 3 * s, 3 * s)


def _legend_items(scene: MapScene, settings: RenderSettings) -> list[tuple]:
    """((fills, edge), text, hatched, colour, is_change) for each visible layer (topmost
    first), then the highlight's (or the comparison's) gains and losses. Each swatch is
    painted with the brushes the map paints there, in the same order: a gain lies on its
    layer's fill, so its swatch is that fill under the gain's tint. The key does not
    depend on the time shown, so it stays put while the time is scrubbed or played."""
    styles = [(layer, st.layer_style(layer, scene.situation, settings.palette))
              for layer in reversed(settings.visible_layers(scene.situation))]
    items = []
    for layer, style in styles:
        fill, edge = st.swatch(style, settings.layer_opacity(layer))
        items.append((((fill,), edge), safe_line(layer.name, LEGEND_NAME_LIMIT), style.hatch,
                      style.color, False))
    if not styles:
        return items
    top, top_style = styles[0]
    under = st.swatch(top_style, settings.layer_opacity(top))[0]
    for colour, text, on_layer in _change_keys(settings, scene):
        tint = st.brush(colour, _tint_opacity(settings))
        fills = (under, tint) if on_layer and not top_style.hatch else (tint,)
        items.append(((fills, st.pen(colour, 1.0, 0.95)), text, False, colour, True))
    return items


def _tint_opacity(settings: RenderSettings) -> float:
    if settings.compare_from is not None:
        return st.DIFFERENCE_OPACITY
    return st.highlight_opacity(settings.palette)


def _change_keys(settings: RenderSettings, scene: MapScene) -> list[tuple[str, str, bool]]:
    """(colour, text, lies on the layer) of the gains and losses the map shows."""
    gain, loss = st.change_colours(settings.palette)
    if settings.compare_from is not None:
        since = format_date(settings.compare_from)
        keys = [(gain, fill(translate("Legend", "Gained since %1"), since), True)]
        if settings.show_lost:
            keys.append((loss, fill(translate("Legend", "Lost since %1"), since), False))
        return keys
    days = settings.days(scene.situation)
    if days <= 0:
        return []
    gained, lost = highlight_texts(days)
    if settings.highlight_since is not None:
        since = format_date(settings.highlight_since)
        gained, lost = (fill(translate("Legend", "Gained since %1"), since),
                        fill(translate("Legend", "Lost since %1"), since))
    return [(gain, gained, True), (loss, lost, False)]


def _legend(painter, scene, viewport, settings, lay: Layout, date_shown: bool = True):
    rect = lay.legend
    if painter is None or rect is None:
        return rect
    e, pad = lay.e, 12 * lay.e
    _panel(painter, rect, e)
    x, y = rect.left() + pad, rect.top() + pad
    tm = QFontMetricsF(lay.title_font)
    painter.setPen(st.color(st.TEXT))
    painter.setFont(lay.title_font)
    for line in lay.title_lines:
        painter.drawText(QPointF(x, y + tm.ascent()), line)
        y += tm.lineSpacing()
    if date_shown:
        draw_date(painter, scene, viewport, settings)
    y += (4 * e if lay.title_lines else 0) + QFontMetricsF(lay.date_font).height() + 10 * e
    item_m = QFontMetricsF(lay.item_font)
    row_h, sw_w, sw_h = max(item_m.height(), 14 * e) + 5 * e, 22 * e, 13 * e
    name_w = rect.width() - 2 * pad - sw_w - 8 * e
    painter.setFont(lay.item_font)
    for (fills, edge), name, hatch, colour, _ in _legend_items(scene, settings)[:lay.items]:
        box = QRectF(x, y + (row_h - sw_h) / 2, sw_w, sw_h)
        if hatch:
            edge = st.pen(edge.color(), 1.0 * e, 1.0, Qt.PenStyle.DashLine)
        painter.setPen(Qt.PenStyle.NoPen)
        for brush in fills:
            painter.setBrush(brush)
            painter.drawRect(box)
        painter.setPen(edge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        if hatch:
            _hatch_swatch(painter, box, colour, e)
        painter.setPen(st.color(st.TEXT))
        baseline = y + row_h / 2 + (item_m.ascent() - item_m.descent()) / 2
        painter.drawText(QPointF(x + sw_w + 8 * e, baseline),
                         item_m.elidedText(name, Qt.TextElideMode.ElideRight, name_w))
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


def _scale_bar(painter, scene, viewport, settings, lay: Layout | None = None) -> QRectF | None:
    """The bar's panel, as wide as the bar it draws, at the bottom left of its box."""
    lay = decoration_layout(scene, viewport, settings) if lay is None else lay
    e, pad, box = lay.e, 10 * lay.e, lay.scale_box
    ground = ground_metres_per_pixel(scene, viewport)
    if not (math.isfinite(ground) and ground > 0):     # a view off the ellipsoid: no bar
        return None
    metres = nice_length(lay.bar_max * ground)
    bar_w = metres / ground
    label = (f"{metres / 1000:g} " + translate("Units", "km") if metres >= 1000
             else f"{metres:g} " + translate("Units", "m"))
    font = map_font(12 * e)
    m = QFontMetricsF(font)
    rect = QRectF(box.left(), box.top(), min(box.width(),
                  max(bar_w, m.horizontalAdvance(label)) + 2 * pad), box.height())
    if painter is None:
        return rect
    _panel(painter, rect, e)
    x, y = rect.left() + pad, rect.top() + pad
    painter.setFont(font)
    painter.setPen(st.color(st.TEXT))
    painter.drawText(QPointF(x, y + m.ascent()), label)
    bar_y = y + m.height() + 4 * e
    half = QRectF(x, bar_y, bar_w / 2, 5 * e)
    painter.setPen(st.pen(st.TEXT, 1.0 * e))
    painter.setBrush(st.brush(st.TEXT))
    painter.drawRect(half)
    painter.setBrush(st.brush(st.HALO))
    painter.drawRect(half.translated(bar_w / 2, 0))
    return rect


def _attribution(painter, lay: Layout) -> QRectF | None:
    rect = lay.attribution
    if painter is None or rect is None:
        return rect
    e, pad = lay.e, 7 * lay.e
    _panel(painter, rect, e)
    m = QFontMetricsF(lay.attribution_font)
    painter.setFont(lay.attribution_font)
    painter.setPen(st.color(st.TEXT if lay.attribution_folded else st.TEXT_MUTED))
    y = rect.top() + pad + m.ascent()
    for line in lay.attribution_lines:
        painter.drawText(QPointF(rect.left() + pad, y), line)
        y += m.lineSpacing()
    return rect
