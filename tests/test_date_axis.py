"""The timeline's date axis: a day label that would overlap a month label is left out
(seen on the DeepState import with a sketch from 13 June: "31 Jul" drawn into
"Aug 2025"), and the labels that fit stay."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtGui import QFont, QFontMetrics

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
