"""Opening lazily: the rows in one short read transaction, the first view (the regions and
the pieces in force at the opening time) painted first, then the whole file, which is
the same situation the eager reader gives, refused with the same message when bad."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QColor
from shapely.geometry import box

from factories import GROWING_DATES, growing_situation
from fuzz_lazy import check_first_view, same_situation
from ui_helpers import blend, close_to, colour_at
from viewer.io.errors import SituationError
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.situation_file import read_situation, write_situation
from viewer.io.situation_file.lazy import first_view
from viewer.io.situation_file.reader import parse_situation, read_rows
from viewer.model import parse_time
from viewer.render import styles
from viewer.ui.plain_text import error_text

INSIDE_LAST = (31.7, 49.0)      # in the layer on 10 June (its last state) only
LOST_LAST = (30.5, 48.3)        # in it on 1 and 5 June, lost on 10 June


@pytest.fixture
def growing(tmp_path):
    path = tmp_path / "growing.gpkg"
    write_situation(growing_situation(), path)
    return path


@pytest.mark.parametrize("at", [None, "2025-05-01", "2025-06-01", "2025-06-07", "2026-01-01"])
def test_the_first_view_holds_the_pieces_the_whole_file_shows_then(growing, at):
    rows = read_rows(str(growing))
    view, shown = first_view(rows, parse_time(at) if at else None)
    whole = parse_situation(str(growing), rows)
    assert same_situation(whole, read_situation(growing))
    expected = {None: GROWING_DATES[3], "2025-05-01": GROWING_DATES[0],
                "2025-06-01": GROWING_DATES[0], "2025-06-07": parse_time("2025-06-07"),
                "2026-01-01": GROWING_DATES[3]}[at]
    assert shown == expected
    if at is None:
        check_first_view(view, shown, whole)
    assert view.changes == [] and view.reports == [] and view.places == []
    pieces = view.layers[0].history.pieces
    assert len(pieces) < len(whole.layers[0].history.pieces)     # not all of them read
    area = view.layers[0].history.state_at(shown)
    assert area.symmetric_difference(whole.layers[0].history.state_at(shown)).area < 1e-12


def _break_an_old_piece(path) -> str:
    """A piece that ended before the last state made unreadable (off the globe); the
    eager reader's message for the file."""
    con = sqlite3.connect(path)
    fid = con.execute("SELECT fid FROM layer_pieces WHERE valid_to IS NOT NULL "
                      "ORDER BY fid LIMIT 1").fetchone()[0]
    con.execute("UPDATE layer_pieces SET geom = ? WHERE fid = ?",
                (gpkg_blob.encode([box(30, 95, 31, 96)])[0], fid))
    con.commit()
    con.close()
    with pytest.raises(SituationError) as refused:
        read_situation(path)
    assert f"fid {fid}" in str(refused.value) and "off the globe" in str(refused.value)
    return error_text(refused.value)


def test_the_window_paints_the_first_view_then_adopts_the_whole_file(window, qtbot, growing):
    before = window.situation
    loader = window.files.loader
    with qtbot.waitSignal(loader.first_view, timeout=10000) as first:
        window.files.open_file(growing)
    canvas = window.canvas
    assert canvas.showing_first_view and window.situation is before   # panels: not yet
    assert not first.args[0].painted.is_set()   # the worker waits for the event loop
    layer = blend("#c0392b", 0.45, styles.REGION_FILL)
    assert close_to(colour_at(canvas, *INSIDE_LAST), layer)
    assert close_to(colour_at(canvas, *LOST_LAST), QColor(styles.REGION_FILL))
    qtbot.waitUntil(lambda: window.situation is not before, timeout=10000)
    assert first.args[0].painted.is_set() and not canvas.showing_first_view
    assert window.cursor_model.time == GROWING_DATES[3]
    assert same_situation(window.situation, read_situation(growing))
    assert close_to(colour_at(canvas, *INSIDE_LAST), layer)


def test_a_bad_piece_outside_the_first_view_refuses_the_file_as_before(window, qtbot, growing,
                                                                      errors):
    expected = _break_an_old_piece(growing)
    before = window.situation
    with qtbot.waitSignal(window.files.loader.first_view, timeout=10000):
        window.files.open_file(growing)
    assert window.canvas.showing_first_view        # the bad piece is not drawn: not read
    with qtbot.waitSignal(window.files.load_failed, timeout=10000) as failed:
        pass
    assert failed.args[0] == expected
    assert errors and errors[0][1] == expected
    assert window.situation is before and window.canvas.scene.situation is before
    assert not window.canvas.showing_first_view


def test_a_bad_piece_in_the_first_view_gives_no_first_view(window, qtbot, growing, errors):
    con = sqlite3.connect(growing)
    con.execute("UPDATE layer_pieces SET geom = ? WHERE valid_to IS NULL",
                (gpkg_blob.encode([box(30, 95, 31, 96)])[0],))
    con.commit()
    con.close()
    with pytest.raises(SituationError) as refused:
        read_situation(growing)
    shown = []
    window.files.loader.first_view.connect(shown.append)
    with qtbot.waitSignal(window.files.load_failed, timeout=10000) as failed:
        window.files.open_file(growing)
    assert shown == [] and failed.args[0] == error_text(refused.value)


def test_the_first_view_is_read_before_the_places_and_the_reports(growing, monkeypatch):
    """The loader's job yields the first view from a read of the tables it draws alone:
    the places (8,226 rows with the built-in settlements), changes, reports and source
    copies are fetched only after the first paint, in the full read."""
    from viewer.io.situation_file import fields
    from viewer.model.region import Place
    from viewer.ui.loader import FirstView, LoadedSituation, _load
    from viewer.ui.worker import Job
    situation = growing_situation()
    situation.places.append(Place("p1", {"en": "Alpha Town"}, 30.7, 49.0, population=1200))
    write_situation(situation, growing)
    fetched = []
    select = fields.select
    monkeypatch.setattr(fields, "select", lambda conn, tables, name, columns: (
        fetched.append(name), select(conn, tables, name, columns))[1])
    job = _load(growing, None, None, Job())
    first = next(job)
    assert isinstance(first, FirstView) and first.scene.situation.places == []
    assert {"regions", "layer_pieces"} <= set(fetched)
    assert not {"places", "changes", "reports", "report_links"} & set(fetched)
    first.painted.set()
    loaded, reason = next(job)
    assert reason is None and isinstance(loaded, LoadedSituation)
    assert "places" in fetched and [p.name for p in loaded.situation.places] == ["Alpha Town"]
