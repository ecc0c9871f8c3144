"""The marked place's name (a search result's, drawn on the map) goes before the map's own
labels: the region and place labels give way to it and to its ring, and it keeps clear of
the decorations, so no two overlap."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF

from viewer.model.place_watch import WatchedPlace
from viewer.render.labels import label_layout
from viewer.ui.map_overlay import pixel_of
from test_ui_place import sample_window  # noqa: F401 (a fixture)


@pytest.fixture
def window(sample_window):
    return sample_window


def shown(window) -> tuple[QRectF, list[QRectF], list[QRectF]]:
    """The marked name's box as drawn, the map labels' boxes (each region's and place's
    name, and the dots) laid out as the canvas lays them out, and the decorations'."""
    canvas = window.canvas
    marker = window.map_tools.marker
    _, _, name = marker._name()
    vp, settings = canvas.viewport(), canvas.render_settings()
    layout = label_layout(canvas.scene, vp, settings, canvas.label_reserved(vp, settings))
    dots = [QRectF(x - r, y - r, 2 * r, 2 * r) for x, y, r, _ in layout.dots]
    decorations = list(canvas.decoration_pixmaps.reserved(canvas.scene, vp, settings))
    return name, layout.boxes + dots, decorations


def check(window, place: WatchedPlace) -> None:
    name, labels, decorations = shown(window)
    assert QRectF(window.canvas.rect()).contains(name), (place.name, name)
    for other in labels:
        assert not name.intersects(other), (place.name, name, other)
    for other in decorations:
        assert not name.intersects(other), (place.name, name, other)


def test_a_searched_place_s_name_and_the_map_labels_never_overlap(qtbot, window):
    """Ctrl+F Покровськ at the Pokrovsk neighbourhood, then every place labelled in the
    default view and in that neighbourhood, marked in turn (its name on the map)."""
    canvas, marker = window.canvas, window.map_tools.marker
    window.finder.open()
    assert window.finder.choose("Покровськ")
    assert marker.marked is not None and marker.marked.name == "Pokrovsk"
    check(window, marker.marked)
    places = window.situation.places
    for view in ((36.9, 48.1, 37.45, 48.45), None):
        if view is None:
            canvas.zoom_to_default()
        else:
            canvas.zoom_to_lonlat(view)
        marker.mark(None)
        vp, settings = canvas.viewport(), canvas.render_settings()
        labelled = label_layout(canvas.scene, vp, settings,
                                canvas.label_reserved(vp, settings)).placed
        assert len(labelled) >= 10
        for i in labelled:
            place = WatchedPlace(places[i].name, places[i].lon, places[i].lat, places[i].id)
            marker.mark(place)
            check(window, place)


def test_the_map_labels_give_way_to_the_mark_and_come_back(qtbot, window):
    """A place's own label goes (the ring and the name take its place; the ring picks
    it), its neighbours move or go; once the mark ends, the layout is the one without it."""
    canvas, marker = window.canvas, window.map_tools.marker
    canvas.zoom_to_lonlat((36.9, 48.1, 37.45, 48.45))
    vp, settings = canvas.viewport(), canvas.render_settings()
    before = label_layout(canvas.scene, vp, settings, canvas.label_reserved(vp, settings))
    places = window.situation.places
    pokrovsk = next(i for i in before.placed if places[i].name == "Pokrovsk")
    p = places[pokrovsk]
    marker.mark(WatchedPlace(p.name, p.lon, p.lat, p.id))
    during = label_layout(canvas.scene, vp, settings, canvas.label_reserved(vp, settings))
    assert pokrovsk not in during.placed          # its name is the mark's, once
    ring = pixel_of(canvas, p.lon, p.lat)                  # its ring still picks it
    assert marker.place_at(ring) == marker.marked
    for a, b in itertools.combinations(during.boxes, 2):   # and still overlap nothing
        assert not a.intersects(b)
    marker.mark(None)
    after = label_layout(canvas.scene, vp, settings, canvas.label_reserved(vp, settings))
    assert after.placed == before.placed
