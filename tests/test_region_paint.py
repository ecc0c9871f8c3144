"""render.region_paint: part of an image painted again through the engine's system clip
has, inside the region, the pixels the whole image painted anew has (for areas whose
edges are a few pixels long, as the map's are: see the module's docstring), and nothing
outside it changes; the clip is gone once the painter ends."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF, QRegion

from viewer.render.region_paint import painting_within

SIZE = (640, 400)


def _area() -> QPainterPath:
    """A map-like area: wavy rings whose edges are a few pixels long (as the scene's are,
    segmentised), the outer one reaching far beyond the image."""
    path = QPainterPath()
    for radius, waves in ((150, 9), (420, 23), (1400, 61)):
        n = int(2 * math.pi * radius / 3)
        points = [QPointF(320 + (radius + 25 * math.sin(waves * a)) * math.cos(a),
                          200 + (radius + 25 * math.sin(waves * a)) * math.sin(a))
                  for a in (k * 2 * math.pi / n for k in range(n + 1))]
        path.addPolygon(QPolygonF(points))
    return path


def _image(dpr: float, colour: str) -> QImage:
    image = QImage(round(SIZE[0] * dpr), round(SIZE[1] * dpr),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor(colour))
    return image


def _paint(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(_area(), QColor(200, 40, 30, 140))
    painter.strokePath(_area(), QColor(20, 20, 120, 200))


def _device(region: QRegion, dpr: float) -> list[QRect]:
    """``region``'s rects in device pixels, one pixel inside (at a fractional ratio the
    pixels on its edge are partly outside it)."""
    return [QRect(math.ceil(r.x() * dpr) + 1, math.ceil(r.y() * dpr) + 1,
                  math.floor(r.width() * dpr) - 2, math.floor(r.height() * dpr) - 2)
            for r in region]


@pytest.mark.parametrize("dpr", [1.0, 2.0, 1.5])
@pytest.mark.parametrize("rects", [[(300, 150, 40, 60)], [(0, 0, 90, 400), (500, 20, 140, 30)],
                                   [(10, 10, 620, 380)]], ids=["small", "two", "almost all"])
def test_the_region_painted_again_is_the_image_painted_anew(dpr, rects):
    region = QRegion()
    for r in rects:
        region = region.united(QRect(*r))
    anew = _image(dpr, "white")
    painter = QPainter(anew)
    _paint(painter)
    painter.end()
    again = _image(dpr, "white")
    before = again.copy()
    with painting_within(again, region) as painter:
        _paint(painter)
    inside = _device(region, dpr)
    assert all(again.copy(r) == anew.copy(r) for r in inside)
    reach = QRegion()
    for r in region:                    # (and the pixels a fractional ratio shares)
        reach = reach.united(QRect(math.floor(r.x() * dpr) - 1, math.floor(r.y() * dpr) - 1,
                                   math.ceil(r.width() * dpr) + 2, math.ceil(r.height() * dpr) + 2))
    assert all(again.copy(r) == before.copy(r)
               for r in QRegion(again.rect()).subtracted(reach))


def test_the_system_clip_is_dropped_when_the_painter_ends():
    image = _image(1.0, "white")
    with painting_within(image, QRegion(QRect(0, 0, 10, 10))):
        pass
    assert image.paintEngine().systemClip().isEmpty()
    painter = QPainter(image)
    painter.fillRect(image.rect(), Qt.GlobalColor.black)
    painter.end()
    assert image.pixelColor(600, 380) == QColor("black")


def test_no_region_paints_everywhere():
    image = _image(1.0, "white")
    with painting_within(image, None) as painter:
        painter.fillRect(image.rect(), Qt.GlobalColor.black)
    assert {image.pixelColor(x, y).name() for x, y in ((0, 0), (639, 399))} == {"#000000"}
