"""A hatched big layer's hatching and dashed outline, drawn from its Display.

The normal path (draw_layers.draw_layer) clips hatch lines to the layer's path and
strokes the dashed outline of its union; a big state has neither path (its union alone
would cost seconds). Here the Display is first drawn opaque into a mask the size of the
view; the same hatch lines, drawn into an image, are cut to it (DestinationIn), and the
outline is the mask's edge (a marked pixel with an unmarked 4-neighbour), dashed 4 on,
3 off along the map-anchored diagonal as the pen's pattern is. The result is one image
drawn over the fill, kept for the last few (Display, view, style) drawn, so that moving
through time at one view builds each at most once.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from viewer.render import styles as st

KEPT = 4                    # overlays kept (each 4 bytes a device pixel of the view)
DASH = (4.0, 3.0)           # as draw_layers' dashed outline, in pen widths
OUTSIDE = 0.5               # the outline's alpha on the pixels just outside the edge
_kept: OrderedDict = OrderedDict()      # (GUI thread or an export's) overlays


def draw_hatching(painter: QPainter, display, pixel_transform: QTransform, viewport,
                  settings, style, opacity: float, draw_display) -> None:
    """Draw ``display``'s hatch lines and dashed outline over its fill (see the module
    docstring); ``draw_display(painter, display, pixel_transform, viewport, colour)`` is
    big_layers' routine, passed in to draw the mask."""
    device = painter.device()
    dpr = device.devicePixelRatioF() if device is not None else 1.0
    key = (display, viewport.key(), style.color, style.outline, round(opacity, 4),
           settings.scale, dpr)
    overlay = _kept.get(key)
    if overlay is None:
        overlay = _overlay(display, viewport, settings, style, opacity, dpr, draw_display)
        _kept[key] = overlay
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    painter.save()
    painter.setTransform(pixel_transform)
    painter.drawImage(QPointF(0.0, 0.0), overlay)
    painter.restore()


def _image(viewport, dpr: float) -> QImage:
    image = QImage(math.ceil(viewport.width * dpr), math.ceil(viewport.height * dpr),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(0)
    return image


def _pixels(image: QImage) -> np.ndarray:
    """``image``'s pixels as a writable (height, width) uint32 array (its own buffer)."""
    buffer = image.bits()
    return np.frombuffer(buffer, np.uint32).reshape(
        image.height(), image.bytesPerLine() // 4)[:, :image.width()]


def _overlay(display, viewport, settings, style, opacity: float, dpr: float,
             draw_display) -> QImage:
    from viewer.render.draw_layers import hatch_lines       # (it imports this module)
    mask_image = _image(viewport, dpr)
    painter = QPainter(mask_image)
    painter.setTransform(viewport.transform)
    draw_display(painter, display, QTransform(), viewport, QColor(0, 0, 0, 255))
    painter.end()
    mask = (_pixels(mask_image) >> 24) > 127
    overlay = _image(viewport, dpr)
    painter = QPainter(overlay)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = st.pen(style.color, settings.px(st.HATCH_WIDTH), min(1.0, opacity * 1.8))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.strokePath(hatch_lines(viewport, QRectF(viewport.rect),
                                   settings.px(st.HATCH_SPACING)), pen)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    painter.drawImage(QPointF(0.0, 0.0), mask_image)
    painter.end()
    _dashed_edge(_pixels(overlay), mask, viewport, settings, style, opacity, dpr)
    return overlay


def _dashed_edge(pixels: np.ndarray, mask: np.ndarray, viewport, settings, style,
                 opacity: float, dpr: float) -> None:
    """Paint the dashed outline of ``mask`` into ``pixels`` (premultiplied ARGB): its
    edge pixels in the pen's colour, and the pixels just outside at OUTSIDE of its
    alpha (an antialiased line of one pixel on the layer's edge covers some of both)."""
    grown, inner = mask.copy(), mask.copy()
    for a, b in (((slice(1, None), slice(None)), (slice(None, -1), slice(None))),
                 ((slice(None), slice(1, None)), (slice(None), slice(None, -1)))):
        grown[a] |= mask[b]
        grown[b] |= mask[a]
        inner[a] &= mask[b]
        inner[b] &= mask[a]
    edge = grown & ~inner
    outside = (grown & ~mask)[edge]
    width = max(settings.px(1.0) * dpr, 1.0)
    period = (DASH[0] + DASH[1]) * width
    ox, oy = viewport.to_pixels(0.0, 0.0)
    rows, cols = np.nonzero(edge)
    on = np.mod(cols + rows - (ox + oy) * dpr, period) < DASH[0] * width
    rows, cols, outside = rows[on], cols[on], outside[on]
    colour = QColor(st.outline_color(style))
    alpha = min(1.0, opacity + 0.4) * colour.alphaF()
    a = np.where(outside, np.float32(alpha * OUTSIDE), np.float32(alpha))[:, None]
    bgra = np.array([colour.blue(), colour.green(), colour.red(), 255], np.float32)
    channels = pixels.view(np.uint8).reshape(*pixels.shape, 4)  # B, G, R, A in memory
    under = channels[rows, cols].astype(np.float32)             # source over it
    channels[rows, cols] = (bgra * a + under * (1 - a) + 0.5).astype(np.uint8)
