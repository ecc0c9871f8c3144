"""The window's way of reading a situation file, checked against the eager reader: the
rows in one transaction, the first view (viewer.io.situation_file.lazy), then the whole.

Returns the whole situation or raises its SituationError, as ``read_situation`` does;
raises AssertionError (a fuzz failure) when the two ways disagree: another error, an
error one way only, or a first view showing other pieces, at another time, than the
whole situation shows there, or of a file the whole read refuses.
"""

from __future__ import annotations

import numpy as np
import shapely

from viewer.io.errors import SituationError


def read_lazily(path: str):
    from viewer.io.situation_file import read_situation
    from viewer.io.situation_file.lazy import first_view
    from viewer.io.situation_file.reader import parse_situation, read_rows
    try:
        eager, eager_error = read_situation(path), None
    except SituationError as exc:
        eager, eager_error = None, str(exc)
    view = None
    try:
        rows = read_rows(path)
        known: dict = {}            # the whole read takes the first view's pieces, as
        view = first_view(rows, None, known)        # the window's loader does
        whole = parse_situation(path, rows, known=known)
    except SituationError as exc:
        assert str(exc) == eager_error, f"lazy read: {exc!s:.300}; eager: {eager_error!s:.300}"
        raise
    assert eager_error is None, f"lazy read accepted what the eager one refused: {eager_error:.300}"
    assert same_situation(whole, eager), "lazy read gave another situation"
    if view is not None:
        check_first_view(*view, whole)
    return whole


def _same_geoms(a, b) -> bool:
    a, b = np.array(list(a), dtype=object), np.array(list(b), dtype=object)
    return a.shape == b.shape and bool(shapely.equals_exact(a, b, 0.0).all() if len(a) else True)


def same_situation(a, b) -> bool:
    """The same content: meta, regions, context features, places, layers (styles, times,
    pieces, changes), reports and links."""
    if (a.meta != b.meta or [r.id for r in a.regions] != [r.id for r in b.regions]
            or a.places != b.places or a.reports != b.reports or a.links != b.links):
        return False
    if not _same_geoms([r.geometry for r in a.regions], [r.geometry for r in b.regions]):
        return False
    if [(f.id, f.style, f.valid_from, f.valid_to) for f in a.context] != \
            [(f.id, f.style, f.valid_from, f.valid_to) for f in b.context] or \
            not _same_geoms([f.geometry for f in a.context], [f.geometry for f in b.context]):
        return False
    for la, lb in zip(a.layers, b.layers, strict=False):
        ha, hb = la.history, lb.history
        if (la.id, la.name, la.style, ha.times) != (lb.id, lb.name, lb.style, hb.times):
            return False
        if [(p.valid_from, p.valid_to) for p in ha.pieces] != \
                [(p.valid_from, p.valid_to) for p in hb.pieces]:
            return False
        if not _same_geoms([p.geometry for p in ha.pieces], [p.geometry for p in hb.pieces]):
            return False
        if [(c.id, c.at) for c in ha.changes] != [(c.id, c.at) for c in hb.changes]:
            return False
    return len(a.layers) == len(b.layers)


def check_first_view(view, at, whole) -> None:
    """The first view holds the whole situation's regions and, of each layer, every
    state time and exactly the pieces in force at ``at``."""
    assert [r.id for r in view.regions] == [r.id for r in whole.regions]
    assert _same_geoms([r.geometry for r in view.regions], [r.geometry for r in whole.regions])
    assert [layer.id for layer in view.layers] == [layer.id for layer in whole.layers]
    expected = whole.meta.default_time or whole.end
    if expected is not None and whole.start is not None:
        expected = min(max(expected, whole.start), whole.end)
    assert at == expected, f"first view at {at}, the whole file opens at {expected}"
    for lv, lw in zip(view.layers, whole.layers):
        assert lv.history.times == lw.history.times
        shown, full = lv.history.pieces_at(at), lw.history.pieces_at(at)
        assert _same_geoms([p.geometry for p in shown], [p.geometry for p in full]), \
            f"layer {lw.id!r}: the first view's pieces differ"
