"""Labels drawn: the overlay above the layers (the region borders once more, then the
dots and names of label_layout with white halos). Labels do not depend on the time
shown, so a layout is computed once per view and the window caches the drawn labels as
a pixmap. In SVG and PDF output every name is text, not outlines.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEngine

from viewer.render import styles as st
from viewer.render.draw_layers import draw_borders_above
from viewer.render.label_layout import Layout, Text, layout_labels
from viewer.render.label_sprites import draw_sprites
from viewer.render.scene import MapScene
from viewer.render.settings import CONTEXT, LABELS, PLACES, REGIONS, RenderSettings
from viewer.render.viewport import Viewport

__all__ = ["draw_labels", "label_layout", "layout_labels", "Layout", "Text"]


def label_layout(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                 reserved: tuple[QRectF, ...] = ()) -> Layout:
    """The labels' layout for this view (cached in the scene): what ``draw_labels``
    draws, with ``Layout.boxes`` the placed labels' boxes."""
    flags = tuple(settings.shows(n) for n in (REGIONS, PLACES, CONTEXT))
    key = ("labels", viewport.key(), settings.scale, settings.language, flags,
           tuple((r.x(), r.y(), r.width(), r.height()) for r in reserved))
    return scene.memo(key, lambda: layout_labels(scene, viewport, settings, reserved))


def draw_labels(painter: QPainter, scene: MapScene, viewport: Viewport,
                settings: RenderSettings, reserved: tuple[QRectF, ...] = ()) -> None:
    """The overlay above the layers: region borders once more, then place and region
    names with white halos; ``reserved`` pixel rects (e.g. the legend) are kept free."""
    draw_borders_above(painter, scene, viewport, settings)
    if not settings.shows(LABELS):
        return
    layout = label_layout(scene, viewport, settings, reserved)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    # the two looks of a dot made once (a pen and a brush per dot cost more than the dot)
    looks = {capital: (st.pen(st.HALO if capital else st.TEXT,
                              settings.px(1.1 if capital else 0.9)),
                       st.brush(st.TEXT if capital else st.HALO)) for capital in (False, True)}
    shown = None
    for x, y, r, capital in layout.dots:
        if capital != shown:
            shown = bool(capital)
            painter.setPen(looks[shown][0])
            painter.setBrush(looks[shown][1])
        painter.drawEllipse(QPointF(x, y), r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    engine = painter.paintEngine().type()
    texts = layout.texts
    if engine == QPaintEngine.Type.Raster:
        draw_sprites(painter, texts, settings.scale)
        painter.restore()
        return
    else:                       # vector output: a true outline, however long it takes
        if engine == QPaintEngine.Type.SVG:
            texts = [_unspaced(t) for t in texts]
        # A halo path per name: QtSvg cuts short a path of over some 35,000 elements,
        # and all the names' outlines together are more.
        pen = st.pen(st.HALO, settings.px(3.0), 0.9)
        for text in texts:
            halo = QPainterPath()
            halo.addText(text.pos, text.font, text.text)
            painter.strokePath(halo, pen)
    for text in texts:
        painter.setFont(text.font)
        painter.setPen(st.color(text.colour))
        painter.drawText(text.pos, text.text)
    painter.restore()


def _unspaced(text: Text) -> Text:
    """``text`` without letter spacing, centred where the spaced text was: Qt's SVG
    writer drops the spacing, so the halo drawn around the text it writes must too."""
    if text.font.letterSpacing() == 0:
        return text
    font = QFont(text.font)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.0)
    width = QFontMetricsF(font).horizontalAdvance(text.text)
    pos = QPointF(text.pos.x() + (text.width - width) / 2, text.pos.y())
    return Text(text.text, font, pos, text.colour, width)
