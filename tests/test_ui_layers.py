"""The layers panel: visibility, opacity, and each layer's area at the current time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget
from shapely.geometry import box

from viewer.analysis.areas import Areas, geodesic_area_km2
from viewer.model import History, Layer, Situation, Style, parse_time
from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.ui.layers_panel import OVERLAYS, LayersPanel

T = parse_time


def situation() -> Situation:
    front = History.from_states("front", [(T("2025-06-01"), box(0, 0, 1, 1)),
                                          (T("2025-06-05"), box(0, 0, 1, 2))])
    claim = History.from_states("claim", [(T("2025-06-03"), box(2, 0, 2.5, 0.5))])
    return Situation(layers=[
        Layer("front", "Front <b>line</b>", "assessed-control", front),
        Layer("claim", "Claimed", "claimed", claim, style=Style("#8e44ad", 0.3, hatch=True)),
    ])


@pytest.fixture
def env(qtbot):
    s = situation()
    cursor = TimeCursor(s.start, T("2025-06-10"))
    display = DisplayOptions()
    host = QWidget()          # no layout: see tests/test_ui_timeline.py shown()
    qtbot.addWidget(host)
    panel = LayersPanel(s, display, cursor, Areas(s), host)
    panel.resize(360, 320)
    host.resize(360, 320)
    host.show()
    qtbot.waitExposed(host)
    yield panel, display, cursor
    host.close()
    host.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(cursor.time_changed) == 0 and len(display.changed) == 0


def test_rows_for_layers_and_overlays(env):
    panel, _, _ = env
    assert list(panel.rows) == ["front", "claim", "regions", "places", "context", "labels"]
    assert panel.rows["front"].name.text() == "Front <b>line</b>"
    assert panel.rows["front"].name.textFormat() == Qt.TextFormat.PlainText
    assert [panel.rows[k].name.text() for k in OVERLAYS] == [
        "Regions", "Places", "Neighbouring countries", "Labels"]
    assert panel.rows["claim"].opacity.value() == 30          # the style's opacity
    assert panel.rows["places"].opacity is None


def test_unchecking_a_layer_hides_it(env, qtbot):
    panel, display, _ = env
    check = panel.rows["front"].check
    assert check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=check.rect().center())
    assert not display.is_visible("front") and display.is_visible("claim")
    qtbot.mouseClick(panel.rows["labels"].check, Qt.MouseButton.LeftButton,
                     pos=panel.rows["labels"].check.rect().center())
    assert not display.is_visible("labels")
    display.set_visible("front", True)                       # e.g. from a menu
    assert check.isChecked()


def test_opacity_goes_to_the_display_options(env):
    panel, display, _ = env
    panel.rows["front"].opacity.setValue(80)
    assert display.opacity("front", 0.0) == 0.8
    display.set_opacity("regions", 0.25)
    assert panel.rows["regions"].opacity.value() == 25


def test_area_at_the_current_time(env):
    panel, _, cursor = env
    assert panel.area_text("front") == f"{geodesic_area_km2(box(0, 0, 1, 1)):,.1f}\u00a0km²"
    assert panel.area_text("claim") == "0.0\u00a0km²"               # not yet there
    cursor.set_time(T("2025-06-06"))
    front = Areas(situation()).state_km2("front", T("2025-06-06"))
    assert abs(front - geodesic_area_km2(box(0, 0, 1, 2))) < 1.0
    assert panel.area_text("front") == f"{front:,.1f}\u00a0km²"
    assert panel.area_text("claim") == f"{geodesic_area_km2(box(2, 0, 2.5, 0.5)):,.1f}\u00a0km²"
    assert panel.area_header.text() == "Area on 6 Jun 2025"


def test_a_new_situation_rebuilds_the_rows(env):
    panel, display, cursor = env
    one = Situation(layers=[Layer("solo", "Solo", "incursion", History.from_states(
        "solo", [(T("2025-06-01"), box(0, 0, 0.1, 0.1))]))])
    panel.set_situation(one, Areas(one))
    assert list(panel.rows) == ["solo", *OVERLAYS]
    assert panel.area_text("solo") == f"{geodesic_area_km2(box(0, 0, 0.1, 0.1)):,.1f}\u00a0km²"


def test_the_area_is_whole_at_the_panels_least_width(env, qtbot):
    """At the narrowest the panel allows (a small window's column), every area shows
    whole, in Ukrainian too, also once a step shows a longer one ("1 232 …,… км²")."""
    from viewer.render.language import install_language
    panel, _, cursor = env
    big = Situation(layers=[Layer("big", "Occupied (DeepState)", "assessed-control",
                                  History.from_states("big", [
                                      (T("2025-06-01"), box(0, 0, 0.3, 0.3)),
                                      (T("2025-06-05"), box(0, 0, 10, 10))]))])
    install_language("uk")
    try:
        cursor.set_time(T("2025-06-02"))
        panel.set_situation(big, Areas(big))
        area = panel.rows["big"].area

        def whole() -> bool:
            panel.resize(panel.minimumSizeHint().width(), 320)
            QCoreApplication.sendPostedEvents()     # the layouts laid out anew
            panel.scroll.widget().layout().activate()
            return area.contentsRect().width() >= area.fontMetrics().horizontalAdvance(
                area.text())
        assert "\u00a0км²" in area.text() and whole(), (area.text(), area.width())
        cursor.set_time(T("2025-06-06"))
        assert len(area.text()) > 14 and whole(), (area.text(), area.width())
    finally:
        install_language("en")
