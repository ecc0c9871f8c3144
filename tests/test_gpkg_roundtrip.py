"""The native GeoPackage: a hand-made situation comes back equal after write + read."""

from __future__ import annotations

import shapely
from shapely.geometry import MultiPolygon, Point, box

from viewer.io.situation_file import read_situation, write_situation
from viewer.model import (History, Layer, Link, Piece, Place, Region, Reliability, Report,
                          Situation, SituationMeta, Style, parse_time)
from viewer.model.change import Change

T = [parse_time(d) for d in ("2025-06-01", "2025-06-02T06:00Z", "2025-06-03T12:30:15.250Z",
                             "2025-06-04")]


def same_area(a, b) -> bool:
    return (a.is_empty and b.is_empty) or bool(shapely.equals(a, b))


def sample_situation() -> Situation:
    """Two layers with 3-4 states (a loss, a repeated state, a mixed gain+loss),
    regions with en+uk names, places, graded reports and links of every role."""
    round_area = Point(31, 47).buffer(1.0, quad_segs=64)        # many vertices: split
    control = History.from_states("control", [
        (T[0], round_area),
        (T[1], round_area.union(box(31.5, 46.5, 33, 47.5))),    # gain
        (T[2], round_area.union(box(31.5, 46.5, 33, 47.5))),    # same: a state, no change
        (T[3], round_area.difference(box(30, 46, 30.6, 48))),  # loss (and the gain undone)
    ], max_vertices=60)
    claimed = History.from_states("claimed", [
        (T[0], box(34, 48, 35, 49)),
        (T[1], box(34.5, 48, 35.5, 49)),                        # gain and loss at once
        (T[3], MultiPolygon([box(34.5, 48, 35.5, 49), box(36, 48, 36.5, 48.5)])),
    ])
    layers = [
        Layer("control", "Assessed control", "assessed-control", control,
              description="ISW-style assessment", source="analyst desk",
              extra={"note": "хвиля 1"}),
        Layer("claimed", "Claimed", "claimed", claimed,
              Style("#8e44ad", 0.3, hatch=True, outline="#222222")),
    ]
    regions = [
        Region("UA-23", {"en": "Zaporizhzhia Oblast", "uk": "Запорізька область",
                         "de": "Oblast Saporischschja"}, box(34, 46, 37, 48.2), 1, "region"),
        Region("UA-65", {"en": "Kherson Oblast", "uk": "Херсонська область"},
               MultiPolygon([box(31, 45.5, 34, 47.5), box(32, 45, 32.5, 45.3)]), 1, "region"),
        Region("MD", {"en": "Moldova"}, box(26.6, 45.4, 30.1, 48.5), 0, "context"),
    ]
    places = [
        Place("zap", {"en": "Zaporizhzhia", "uk": "Запоріжжя"}, 35.139, 47.838, 710052,
              "city", "geonames", {"geonames_id": "687700"}),
        Place("huliaipole", {"en": "Huliaipole", "uk": "Гуляйполе"}, 36.2625, 47.6623, 13000,
              "town", "manual"),
    ]
    ids = [c.id for c in control.changes] + [c.id for c in claimed.changes]
    reports = [
        Report("r1", parse_time("2025-06-02T07:15:00.125Z"), "ISW", "Assessment June 2",
               "https://example.org/isw", "Advance south of the river", "en", Reliability("B", 2)),
        Report("r2", T[1], "Ukrainian General Staff", "Зведення", "", "Бої тривають", "uk",
               Reliability("A", 1)),
        Report("r3", T[3], "Telegram channel", "Claim", "", "", "ru", Reliability("F", 6)),
    ]
    links = [Link(ids[0], "r1", "reports"), Link(ids[0], "r2", "confirms"),
             Link(ids[-1], "r3", "claims"), Link(ids[1], "r2", "disputes")]
    meta = SituationMeta("South, June 2025", "Test situation, «unicode» ✓",
                         ["© analysts", "Natural Earth"], (30.0, 45.0, 37.5, 49.0),
                         T[2], 3.5, "+proj=laea +lat_0=47 +lon_0=33")
    return Situation(meta, regions, places, layers, reports, links)


def assert_histories_equal(a: History, b: History) -> None:
    assert b.times == a.times
    assert len(b.pieces) == len(a.pieces)
    for p, q in zip(a.pieces, b.pieces):
        assert (q.valid_from, q.valid_to) == (p.valid_from, p.valid_to)
        assert same_area(p.geometry, q.geometry)
    assert [(c.id, c.layer_id, c.at) for c in b.changes] == \
           [(c.id, c.layer_id, c.at) for c in a.changes]
    for c, d in zip(a.changes, b.changes):
        assert same_area(c.gained, d.gained) and same_area(c.lost, d.lost)


def test_round_trip_keeps_everything(tmp_path):
    original = sample_situation()
    path = tmp_path / "south.gpkg"
    write_situation(original, path)
    back = read_situation(path)

    assert back.meta == original.meta
    assert [(l.id, l.name, l.kind, l.style, l.description, l.source, l.extra)
            for l in back.layers] == [(l.id, l.name, l.kind, l.style, l.description, l.source,
                                       l.extra) for l in original.layers]
    for a, b in zip(original.layers, back.layers):
        assert_histories_equal(a.history, b.history)
        for t in a.history.times:
            assert same_area(a.history.state_at(t), b.history.state_at(t))
    assert [(r.id, r.names, r.admin_level, r.role) for r in back.regions] == \
           [(r.id, r.names, r.admin_level, r.role) for r in original.regions]
    assert all(same_area(a.geometry, b.geometry)
               for a, b in zip(original.regions, back.regions))
    assert back.places == original.places
    assert back.reports == original.reports
    assert back.links == original.links
    assert [(r.id, role) for r, role in back.reports_for(original.links[0].change_id)] == \
           [("r2", "confirms"), ("r1", "reports")]


def test_repeated_state_and_both_parts_survive(tmp_path):
    original = sample_situation()
    write_situation(original, tmp_path / "s.gpkg")
    back = read_situation(tmp_path / "s.gpkg")
    control, claimed = back.layers
    assert len(control.history.times) == 4 and len(control.history.changes) == 2
    mixed = claimed.history.changes[0]
    assert mixed.gained.area > 0 and mixed.lost.area > 0
    assert control.history.changes[-1].lost.area > 0


def test_history_is_read_as_stored_not_recomputed(tmp_path):
    """Pieces and changes are taken from the file, even when from_states would make others."""
    a, b = box(0, 0, 1, 1), box(1, 0, 2, 1)
    stored = History(T[:3], [Piece(a, T[0], T[2]), Piece(b, T[1], None), Piece(a, T[2], None)],
                     [Change("hand-made", "x", T[1], b, MultiPolygon())])
    layer = Layer("x", "X", "incursion", stored)
    write_situation(Situation(layers=[layer]), tmp_path / "h.gpkg")
    back = read_situation(tmp_path / "h.gpkg").layers[0].history
    assert_histories_equal(stored, back)
    assert [c.id for c in back.changes] == ["hand-made"]
    assert back.changes[0].lost.is_empty


def test_empty_situation_round_trips(tmp_path):
    write_situation(Situation(), tmp_path / "empty.gpkg")
    back = read_situation(tmp_path / "empty.gpkg")
    assert back.meta == SituationMeta()
    assert (back.layers, back.regions, back.places, back.reports, back.links) == \
           ([], [], [], [], [])


def test_overwriting_replaces_the_old_contents(tmp_path):
    path = tmp_path / "s.gpkg"
    write_situation(sample_situation(), path)
    write_situation(Situation(SituationMeta(title="second")), path)
    back = read_situation(path)
    assert back.meta.title == "second" and back.layers == []
