"""The timeline's date axis: a day label that would overlap a month label is left out
(seen on the DeepState import with a sketch from 13 June: "31 Jul" drawn into
"Aug 2025"), and the labels that fit stay; at every width, in English and Ukrainian,
some labels are drawn."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from viewer.ui.date_axis import LocalDateAxis


def _stamp(month: int, day: int) -> float:
    return datetime(2025, month, day, tzinfo=timezone.utc).timestamp()


def test_no_two_labels_of_the_axis_overlap(qapp):
    axis = LocalDateAxis()
    axis.fontMetrics = QFontMetrics(QFont())        # as pyqtgraph sets it when laid out
    low, high, width = _stamp(6, 13), _stamp(8, 10), 1040
    labels = []
    for spacing, values in axis.tickValues(low, high, width):
        for v, text in zip(values, axis.tickStrings(values, 1.0, spacing)):
            x = (v - low) * width / (high - low)
            half = axis.fontMetrics.horizontalAdvance(text) / 2
            labels.append((text, x - half, x + half))
    texts = [t for t, _, _ in labels]
    assert {"Jul 2025", "Aug 2025", "26 Jun", "6 Jul", "5 Aug"} <= set(texts)
    assert "31 Jul" not in texts
    labels.sort(key=lambda label: label[1])
    for (a, _, a_right), (b, b_left, _) in zip(labels, labels[1:]):
        assert b_left >= a_right, (a, b)            # never drawn into each other


RANGES = [((2025, 1, 1), (2025, 6, 20)),       # no year tick inside: months only
          ((2024, 7, 8), (2025, 12, 31)),      # the DeepState series
          ((2025, 6, 5), (2025, 6, 20)),       # no month tick inside: days only
          ((2025, 5, 26), (2025, 6, 30))]      # the sample
UKRAINIAN_LABEL = re.compile(r"\d{4}|\d{2}\.\d{4}|\d{1,2} ?\S*|[а-яіїєґ]+\. \d{4}|"
                             r"\d{2}\.\d{2}")


@pytest.fixture(params=["uk", "en"])
def language(request, qapp):
    from viewer.render.language import install_language
    install_language(request.param)
    yield request.param
    install_language("en")


def drawn_labels(axis) -> list[tuple[str, QRectF]]:
    """The labels pyqtgraph draws, with their rectangles (its own draw specs)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, rect) for rect, _, text in specs[2]]


def test_the_axis_has_readable_labels_at_every_width_in_both_languages(language, qtbot):
    """A narrow chart (a 1920x1200 screen at scale factor 2: the timeline ~170-380 px wide)
    showed no date at all for January-June, pyqtgraph leaving out months that crowd the
    axis and there being no year tick; now shorter forms ("06.2025"), every 2nd... month,
    or the next finer ticks label it, never overlapping, inside the axis."""
    chart = pg.PlotWidget(axisItems={"bottom": LocalDateAxis("bottom")})
    qtbot.addWidget(chart)
    axis = chart.getPlotItem().getAxis("bottom")
    for start, end in RANGES:
        chart.getPlotItem().setXRange(datetime(*start, tzinfo=timezone.utc).timestamp(),
                                      datetime(*end, tzinfo=timezone.utc).timestamp(),
                                      padding=0)
        for width in (120, 200, 260, 300, 380, 600, 1000, 1600):
            chart.resize(width, 140)
            chart.show()
            qtbot.waitUntil(lambda: abs(chart.width() - width) <= 1)
            QApplication.processEvents()
            labels = drawn_labels(axis)
            where = (language, start, width, [t for t, _ in labels])
            assert len(labels) >= (2 if axis.width() >= 160 else 1), where
            bounds = axis.boundingRect()
            rects = sorted((r for _, r in labels), key=QRectF.left)
            assert all(bounds.contains(r) for r in rects), where
            assert all(a.right() <= b.left() for a, b in zip(rects, rects[1:])), where
            if language == "uk":
                assert all(UKRAINIAN_LABEL.fullmatch(t) and not re.search("[A-Za-z]", t)
                           for t, _ in labels), where
