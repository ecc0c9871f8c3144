"""The highlight band on the timeline chart, filled in strips of a few rows (so that Qt's
raster engine keeps the fill on the GUI thread): the same pixels as one fill, at every
step and in a full repaint."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRectF
from PySide6.QtGui import QImage, QTransform

import viewer.ui.timeline_band as timeline_band
from test_ui_timeline import T, shown, situation
from ui_helpers import packed_pixels, run_at_ratio_2
from viewer.analysis.areas import Areas
from viewer.model.cursor import TimeCursor
from viewer.ui.timeline import TimelineWidget
from viewer.ui.timeline_band import row_strips

DAYS = ["2025-06-03", "2025-06-04", "2025-06-05", "2025-06-06", "2025-06-09", "2025-06-12",
        "2025-06-13", "2025-06-02"]


@pytest.fixture
def tall(qtbot):
    """A timeline whose plot is some 300 rows high, a 3-day band."""
    s = situation()
    cursor = TimeCursor(s.start, T("2025-06-15"), [c.at for c in s.changes])
    host, timeline = shown(qtbot, lambda parent: TimelineWidget(cursor, parent), 900, 420)
    timeline.set_situation(s, Areas(s))
    cursor.set_highlight_days(3.0)
    yield timeline, cursor
    host.close()


def test_cuts_fall_on_whole_rows_and_cover_the_rect_once():
    for device in (QTransform(3.0, 0, 0, -2.5, 10.0, 400.25), QTransform.fromScale(1.0, 1.0),
                   QTransform(0.001, 0, 0, 7.3, 0.5, -3.7)):
        rect = QRectF(20.0, -30.0, 15.0, 41.3)
        strips = row_strips(rect, device, 24)
        rows = sorted(sorted((device.map(r.topLeft()).y(), device.map(r.bottomLeft()).y()))
                      for r in strips)
        assert len(strips) >= 2
        edges = [round(y) for pair in rows for y in pair]
        assert all(abs(e - y) < 1e-6 for e, y in zip(edges, [y for p in rows for y in p]))
        assert all(b - a <= 24 for a, b in zip(edges[::2], edges[1::2]))
        assert all(b == c for b, c in zip(edges[1::2], edges[2::2]))    # no gap, no overlap
        mapped = device.mapRect(rect)
        assert edges[0] < mapped.top() and edges[-1] > mapped.bottom()
    assert row_strips(QRectF(0, 0, 5, 10), QTransform.fromScale(1, 2), 24) == [QRectF(0, 0, 5, 10)]
    assert len(row_strips(QRectF(0, 0, 5, 10), QTransform().rotate(10), 2)) == 1


def test_the_band_in_strips_shows_the_pixels_of_one_fill(tall, monkeypatch):
    timeline, cursor = tall
    cut = []
    real = timeline_band.row_strips
    monkeypatch.setattr(timeline_band, "row_strips",
                        lambda *a: cut.append(len(real(*a))) or real(*a))
    for day in DAYS:
        cursor.set_time(T(day))
        QCoreApplication.processEvents()
        cut.clear()
        strips = packed_pixels(timeline.chart.grab().toImage())
        assert cut and max(cut) > 4          # the band was filled in strips
        monkeypatch.setattr(timeline_band, "STRIP_ROWS", 10 ** 6)
        whole = packed_pixels(timeline.chart.grab().toImage())
        monkeypatch.setattr(timeline_band, "STRIP_ROWS", 40)
        assert (strips != whole).sum() == 0, day


def test_steps_with_the_band_show_what_a_full_repaint_shows(tall):
    timeline, cursor = tall
    chart = timeline.chart
    for day in DAYS:
        cursor.set_time(T(day))
        for _ in range(3):
            QCoreApplication.processEvents()
        cursor.set_time(cursor.time + timedelta(days=1))        # an adjacent step
        for _ in range(3):
            QCoreApplication.processEvents()
        window = timeline.window()
        at = chart.mapTo(window, QPoint(0, 0)) * chart.devicePixelRatioF()
        whole = chart.grab().toImage()
        # the window's backing store as painted (a deep copy)
        held = QImage(window.backingStore().paintDevice()).copy(
            at.x(), at.y(), whole.width(), whole.height())
        assert (packed_pixels(held) != packed_pixels(whole)).sum() == 0, day


def test_at_device_pixel_ratio_2():
    run_at_ratio_2(__file__,
                   f"{__file__}::test_the_band_in_strips_shows_the_pixels_of_one_fill",
                   f"{__file__}::test_steps_with_the_band_show_what_a_full_repaint_shows")
