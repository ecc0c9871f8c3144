"""Labels on raster output as sprites: each name with its white halo drawn once into a
small image, kept (SPRITES of them) and copied into place at every later layout. The
halo is the text drawn shifted around a circle, eight or sixteen times, so a zoom that
lays out two hundred labels again would otherwise draw two thousand texts; the same
towns come back at the next zoom step, and their sprites with them."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from viewer.render import styles as st
from viewer.render.label_boxes import Text
from viewer.render.label_fonts import font_key

SPRITES = 3_000                  # kept, least recently used dropped first
# one cache per thread (an animation is drawn in a worker while the window draws)
_local = threading.local()


def _thread_cache() -> OrderedDict[tuple, tuple[QImage, float, float]]:
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = OrderedDict()
    return cache


def halo_shifts(scale: float) -> list[QPointF]:
    """Offsets of the halo's copies of the text: as wide as a stroked outline."""
    radius = 1.4 * scale
    steps = 8 if scale < 1.5 else 16
    return [QPointF(radius * math.cos(a), radius * math.sin(a))
            for a in (2 * math.pi * k / steps for k in range(steps))]


def draw_sprites(painter: QPainter, texts: list[Text], scale: float) -> None:
    """Draw ``texts`` with their halos from the sprite cache (made when missing)."""
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    cache = _thread_cache()
    for text in texts:
        image, left, top = _sprite(text, scale, dpr, cache)
        # at whole pixels, so that one sprite serves every position
        painter.drawImage(QPointF(round(text.pos.x() - left), round(text.pos.y() - top)), image)


def _sprite(text: Text, scale: float, dpr: float,
            _cache: OrderedDict | None = None) -> tuple[QImage, float, float]:
    """The image of ``text`` and its halo, and where its baseline start lies in it
    (whole pixels). ``_cache``: this thread's (``_thread_cache``)."""
    key = (text.text, font_key(text.font), text.colour, scale, dpr)
    _cache = _thread_cache() if _cache is None else _cache
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    metrics = QFontMetricsF(text.font)
    pad = math.ceil(1.4 * scale + 2)
    width = max(text.width, metrics.horizontalAdvance(text.text)) + 2 * pad
    height = metrics.ascent() + metrics.descent() + 2 * pad
    image = QImage(math.ceil(width * dpr), math.ceil(height * dpr),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    left, top = float(pad), float(pad + round(metrics.ascent()))
    origin = QPointF(left, top)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(text.font)
    painter.setPen(st.color(st.HALO, 0.9))
    for shift in halo_shifts(scale):
        painter.drawText(origin + shift, text.text)
    painter.setPen(st.color(text.colour))
    painter.drawText(origin, text.text)
    painter.end()
    _cache[key] = hit = (image, left, top)
    while len(_cache) > SPRITES:
        _cache.popitem(last=False)
    return hit
