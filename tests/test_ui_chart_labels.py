"""The timeline chart stays legible in a low window (the timeline dock of a 1024×640
screen) as in a tall one, in English and Ukrainian: what a person sees, in the chart's
pixels. No axis title or legend line has a curve running through it, no text overlaps
another, the tick labels are whole inside the chart and apart from each other."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from shapely.geometry import box

from viewer.analysis.areas import Areas
from viewer.model import History, Layer, Situation, parse_time
from viewer.model.cursor import TimeCursor
from viewer.ui.timeline_chart import TimelineChart

START = parse_time("2024-07-01")


def rising() -> Situation:
    """A layer growing month by month to its largest at the end (as the occupied area
    does): the curve's peak is under the right title and the legend."""
    states = [(START + timedelta(days=30 * k), box(0, 0, 1.0 + 0.06 * k, 1)) for k in range(12)]
    layer = Layer("occ", "Occupied (DeepState)", "assessed-control",
                  History.from_states("occ", states))
    return Situation(layers=[layer])


@pytest.fixture(params=["en", "uk"])
def language(request, qapp):
    from viewer.render.language import install_language
    install_language(request.param)
    yield request.param
    install_language("en")


def shown_chart(qtbot, width: int, height: int) -> tuple[QWidget, TimelineChart]:
    s = rising()
    host = QWidget()
    qtbot.addWidget(host)
    cursor = TimeCursor(s.start, START + timedelta(days=360), [])
    chart = TimelineChart(cursor, host)
    chart.resize(width, height)
    host.resize(width, height)
    host.show()
    qtbot.waitExposed(host)
    chart.set_situation(s, Areas(s))
    for _ in range(4):                  # the view box's range and the labels' places
        QApplication.processEvents()
    return host, chart


def widget_rect(chart: TimelineChart, item, rect: QRectF) -> QRectF:
    return chart.mapFromScene(item.mapRectToScene(rect)).boundingRect().toRectF()


def label_rects(chart: TimelineChart) -> list[QRectF]:
    """The titles' and legend's text (their document margins left out), widget pixels."""
    labels = chart.labels
    out = []
    for item in (labels.left, labels.right, *labels.legend):
        text = item.textItem
        m = text.document().documentMargin()
        out.append(widget_rect(chart, text, text.boundingRect().adjusted(m, m, -m, -m)))
    return out


def tick_rects(chart: TimelineChart, name: str) -> list[QRectF]:
    """Where the axis draws its tick labels, widget pixels."""
    axis = chart.getPlotItem().getAxis(name)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    _, _, texts = axis.generateDrawSpecs(painter)
    painter.end()
    return [widget_rect(chart, axis, rect) for rect, _, _ in texts]


def curve_pixels(chart: TimelineChart) -> list[tuple[int, int]]:
    """The pixels the curves paint: the chart drawn with and without them."""
    with_curves = chart.grab().toImage()
    for curve in chart._curves:
        curve.hide()
    without = chart.grab().toImage()
    for curve in chart._curves:
        curve.show()
    ratio = with_curves.devicePixelRatio()
    return [(x / ratio, y / ratio) for y in range(with_curves.height())
            for x in range(with_curves.width()) if with_curves.pixel(x, y) != without.pixel(x, y)]


def overlapping(rects: list[QRectF]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects))
            if rects[i].intersects(rects[j])]


@pytest.mark.parametrize("size", [(700, 90), (1000, 100), (1500, 150), (1500, 240)])
def test_the_chart_texts_are_clear_of_the_curve_and_of_each_other(qtbot, language, size):
    host, chart = shown_chart(qtbot, *size)
    titles = label_rects(chart)
    ticks = tick_rects(chart, "left")
    right_ticks = tick_rects(chart, "right")
    assert len(ticks) >= 2, ticks                       # the axis is still read
    inside = QRectF(chart.rect())
    assert all(inside.contains(r) for r in ticks + right_ticks), (ticks, inside)
    assert not overlapping(titles + ticks + right_ticks), (titles, ticks, right_ticks)
    assert not overlapping(ticks), ticks
    plot = chart.mapFromScene(chart.getPlotItem().getViewBox().sceneBoundingRect()).boundingRect()
    ticks_in = 4                                    # the axes' inward ticks
    assert titles[0].left() >= plot.left() + ticks_in + 2, (titles[0], plot)   # clear of them
    assert all(r.right() <= plot.right() - ticks_in - 2 for r in titles[1:]), (titles, plot)
    drawn = curve_pixels(chart)
    assert drawn, "no curve drawn"
    through = [(x, y) for x, y in drawn for r in titles if r.contains(x, y)]
    assert not through, (size, titles, through[:5])
