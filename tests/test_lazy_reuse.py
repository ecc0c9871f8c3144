"""The whole read takes the pieces its first view parsed (viewer.io.situation_file.lazy,
fields.geometries) instead of parsing them again, so they are not held twice while the
rest is read, and gives what the eager reader gives: a blob is taken only when its bytes
are the ones the first view parsed, and every blob is checked as before."""

from __future__ import annotations

import sqlite3

import pytest
import shapely
from shapely.geometry import box

from factories import growing_situation
from fuzz_lazy import same_situation
from viewer.io.errors import SituationError
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.situation_file import read_situation, write_situation
from viewer.io.situation_file.lazy import read_first_view
from viewer.io.situation_file.reader import parse_situation, read_rows


@pytest.fixture
def growing(tmp_path):
    path = tmp_path / "growing.gpkg"
    write_situation(growing_situation(), path)
    return path


def _shown_fid(path) -> int:
    """A piece in force at the last state (one the first view holds)."""
    con = sqlite3.connect(path)
    fid = con.execute("SELECT fid FROM layer_pieces WHERE valid_to IS NULL ORDER BY fid "
                      "LIMIT 1").fetchone()[0]
    con.close()
    return fid


def _set_blob(path, fid: int, blob: bytes) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE layer_pieces SET geom = ? WHERE fid = ?", (blob, fid))
    con.commit()
    con.close()


def test_the_whole_read_takes_the_first_view_s_pieces(growing):
    known: dict = {}
    view, _ = read_first_view(str(growing), None, known)
    shown = [p.geometry for p in view.layers[0].history.pieces]
    assert len(known) == len(shown) > 0
    whole = parse_situation(str(growing), read_rows(str(growing)), known=known)
    assert same_situation(whole, read_situation(growing))
    taken = {id(p.geometry) for p in whole.layers[0].history.pieces}
    assert all(id(g) in taken for g in shown)           # the same objects, not copies


def test_a_piece_changed_between_the_two_reads_is_read_as_the_file_holds_it(growing):
    known: dict = {}
    view, _ = read_first_view(str(growing), None, known)
    fid = _shown_fid(growing)
    _set_blob(growing, fid, gpkg_blob.encode([box(30.1, 48.1, 30.2, 48.2)])[0])
    whole = parse_situation(str(growing), read_rows(str(growing)), known=known)
    assert same_situation(whole, read_situation(growing))
    assert any(shapely.equals(p.geometry, box(30.1, 48.1, 30.2, 48.2))
               for p in whole.layers[0].history.pieces)


def test_a_blob_the_first_view_knows_is_still_checked(growing):
    """Were a known blob taken unchecked, this bad one would pass: it is refused with the
    eager reader's message."""
    fid = _shown_fid(growing)
    con = sqlite3.connect(growing)
    good = con.execute("SELECT geom FROM layer_pieces WHERE fid = ?", (fid,)).fetchone()[0]
    con.close()
    bad = good[:-7]                                     # a truncated WKB
    _set_blob(growing, fid, bad)
    with pytest.raises(SituationError) as eager:
        read_situation(growing)
    with pytest.raises(SituationError) as lazy:
        parse_situation(str(growing), read_rows(str(growing)), known={bad: box(30, 48, 31, 49)})
    assert str(lazy.value) == str(eager.value) and f"fid {fid}" in str(eager.value)


def test_the_known_blobs_taken_in_slices_are_those_of_one_update(growing, monkeypatch):
    from viewer.io.situation_file import lazy
    whole: dict = {}
    read_first_view(str(growing), None, whole)
    monkeypatch.setattr(lazy, "KNOWN_SLICE", 1)
    sliced: dict = {}
    read_first_view(str(growing), None, sliced)
    assert len(whole) > 1
    assert list(sliced) == list(whole)                  # the same blobs, in the same order
    assert all(shapely.equals(sliced[b], whole[b]) for b in whole)
