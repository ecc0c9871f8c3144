"""The regions' parts in view worked out ahead in a thread (label_clips, started by the
window before it fills the map) give the labels the layout gives without them: every
text, dot and box the same, at the reference test's views, and some regions of them are
named inside a part worked out ahead."""

from __future__ import annotations

from test_label_layout_reference import canonical, cases
from viewer.io.situation_file import read_situation
from viewer.render import MapScene, label_clips
from viewer.render.label_layout import layout_labels
from viewer.resources import sample_path


def test_labels_laid_out_with_parts_worked_out_ahead_are_the_same(qapp, monkeypatch):
    situation = read_situation(sample_path())
    ahead, plain = MapScene(situation), MapScene(situation)
    views = cases(ahead)
    taken = []
    real_get = label_clips.Clips.get

    def get(self, region_id):
        part = real_get(self, region_id)
        taken.append(part is not None)
        return part

    monkeypatch.setattr(label_clips.Clips, "get", get)
    made = []
    for viewport, settings, reserved in views:
        label_clips.start(ahead, viewport, settings)
        made.append(canonical(layout_labels(ahead, viewport, settings, reserved)))
    assert sum(taken) > len(views) // 2          # most views named a region in its part
    monkeypatch.setattr(label_clips, "_kept", lambda scene: {})   # nothing ahead
    expected = [canonical(layout_labels(plain, *view)) for view in views]
    assert sum(len(e[0]) for e in expected) > 5 * len(views)
    differing = [n for n, (a, b) in enumerate(zip(made, expected)) if a != b]
    assert not differing, f"{len(differing)} of {len(views)} layouts differ: {differing[:10]}"
