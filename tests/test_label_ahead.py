"""What the labels' layout needs worked out ahead in a thread (label_ahead, started by
the window before it fills the map: the places in view, the regions' parts in view) gives
the labels the layout gives without it: every text, dot and box the same, at the
reference test's views; and the layout took it (the places of every view, some regions'
parts)."""

from __future__ import annotations

from test_label_layout_reference import canonical, cases
from viewer.io.situation_file import read_situation
from viewer.render import MapScene, label_ahead
from viewer.render.label_layout import layout_labels
from viewer.resources import sample_path


def test_labels_laid_out_with_work_done_ahead_are_the_same(qapp, monkeypatch):
    situation = read_situation(sample_path())
    ahead, plain = MapScene(situation), MapScene(situation)
    views = cases(ahead)
    taken = {"places": [], "clip": []}
    for name in taken:
        def getter(self, *args, _real=getattr(label_ahead.Ahead, name), _name=name):
            value = _real(self, *args)
            taken[_name].append(value is not None)
            return value
        monkeypatch.setattr(label_ahead.Ahead, name, getter)
    made = []
    for viewport, settings, reserved in views:
        label_ahead.start(ahead, viewport, settings)
        made.append(canonical(layout_labels(ahead, viewport, settings, reserved)))
    assert taken["places"] == [True] * len(views)
    assert sum(taken["clip"]) > len(views) // 2      # most views named a region in its part
    monkeypatch.setattr(label_ahead, "_kept", lambda scene: {})     # nothing ahead
    expected = [canonical(layout_labels(plain, *view)) for view in views]
    assert sum(len(e[0]) for e in expected) > 5 * len(views)
    differing = [n for n, (a, b) in enumerate(zip(made, expected)) if a != b]
    assert not differing, f"{len(differing)} of {len(views)} layouts differ: {differing[:10]}"
