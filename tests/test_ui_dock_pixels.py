"""The docks' widgets that paint a time step their own way show what Qt's own painting
shows: the timeline slider drawn from its groove pixmaps (Fusion) against QSlider's
painting of the same slider, driven with the keys a person uses, focused and not, at
the window's device pixel ratio; what the window holds after each step is what a full
repaint gives."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from viewer.ui.tick_slider import TickSlider


def _shown(host: QWidget, widget: QWidget) -> QImage:
    """``widget``'s pixels in the window's backing store, as painted (offscreen)."""
    ratio = host.devicePixelRatioF()
    image = QGuiApplication.primaryScreen().grabWindow(host.winId()).toImage()
    g = widget.geometry()
    return image.copy(round(g.x() * ratio), round(g.y() * ratio), round(g.width() * ratio),
                      round(g.height() * ratio)).convertToFormat(QImage.Format.Format_RGB32)


def _whole(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_slider_from_pixmaps_shows_what_qt_paints(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 90)
    ours, qts = TickSlider(host), TickSlider(host)
    qts.from_pixmaps = False            # QSlider's painting, the ticks over it
    for slider, y in ((ours, 10), (qts, 50)):
        slider.setGeometry(10, y, 880, 30)
        slider.setRange(0, 500)
        slider.setPageStep(20)
        slider.set_ticks(list(range(0, 500, 7)) + [3, 499])
    host.show()
    qtbot.waitExposed(host)
    assert ours.style().name() == "fusion"      # the style the pixmaps are made for
    keys = [Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
            Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_End, Qt.Key.Key_PageDown]
    for focused in (False, True):
        values = []
        for key in keys:
            ours.setFocus()
            qtbot.keyClick(ours, key)           # a person's keys move our slider
            values.append(ours.value())
            QCoreApplication.processEvents()
            # what the window holds after the step is what painting it whole gives
            assert _shown(host, ours) == _whole(ours), (key, ours.value())
            if not focused:
                host.setFocus()                 # neither slider shows the focus
            mine = _whole(ours)
            qts.setValue(ours.value())
            if focused:
                qts.setFocus()
            assert mine == _whole(qts), (focused, key, ours.value())
        assert values == [500, 0, 1, 21, 41, 40, 500, 480]
