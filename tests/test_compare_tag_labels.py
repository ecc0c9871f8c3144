"""Town and region names keep clear of the swipe's "A date" and "B date" tags, in an
export and in the window, wherever the divider is: a tag never covers a name. (The
tags' room is that of their widest dates, so a step of the dates lays out no label
again: test_ui_compare_step_paints checks that a step repaints a part of the map.)"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from factories import GROWING_DATES, growing_situation
from test_ui_compare import opened_at_d10
from test_ui_compare_steps import _settle
from test_ui_compare_view import _compared, _drag
from viewer.model import Place
from viewer.render.compare import compare_settings, render_compare, swipe_shown, tag_rects
from viewer.render.decorations import decoration_layout
from viewer.render.scene import MAJOR_CITY, MapScene
from viewer.render.settings import LABELS, RenderSettings
from viewer.render.viewport import Viewport

D1, D3, D5, D10 = GROWING_DATES


def crowded_situation():
    """The growing situation with a town every 0.1° (over 1,000 of them, each big
    enough to be named at the whole view): without the tags' room, names lie under
    both tags wherever the divider is."""
    situation = growing_situation()
    situation.places = [Place(f"p{i}-{j}", {"en": f"Town {i}-{j}"}, 29.55 + 0.1 * i,
                              47.55 + 0.1 * j, population=MAJOR_CITY)
                        for i in range(40) for j in range(30)]
    situation.reindex()
    return situation


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3].copy()


def _names_under(shown: QImage, bare: QImage, tags) -> tuple[int, int]:
    """(pixels inside the tags, pixels outside them) where ``shown`` (names drawn)
    differs from ``bare`` (the same without names): the tags let a name show through."""
    differs = np.abs(_pixels(shown).astype(int) - _pixels(bare).astype(int)).max(axis=2) > 3
    inside = np.zeros_like(differs)
    for rect, _ in tags:
        r = rect.toAlignedRect()
        inside[max(r.top(), 0):r.bottom() + 1, max(r.left(), 0):r.right() + 1] = True
    return int((differs & inside).sum()), int((differs & ~inside).sum())


@pytest.mark.parametrize("split", [0.3, 0.5, 0.72])
def test_an_exported_swipe_draws_no_name_under_its_tags(qapp, split):
    scene = MapScene(crowded_situation())
    a, b = compare_settings(RenderSettings(at=D10, size=(900, 600)), D1, "swipe")
    shown = render_compare(scene, a, b, "swipe", split)
    bare = render_compare(scene, replace(a, hidden=a.hidden | {LABELS}),
                          replace(b, hidden=b.hidden | {LABELS}), "swipe", split)
    legend = decoration_layout(scene, Viewport.for_settings(scene, b), swipe_shown(a, b))
    tags = tag_rects(split * 900, a, b, tuple(legend.rects()))
    under, named = _names_under(shown, bare, tags)
    assert named > 5_000                # (the map is full of names)
    assert under == 0


@pytest.fixture
def crowded(qtbot, monkeypatch, tmp_path):
    w = opened_at_d10(qtbot, monkeypatch, tmp_path, crowded_situation())
    yield w
    w.close()


def test_the_window_s_swipe_draws_no_name_under_its_tags(crowded, qtbot):
    view = _compared(qtbot, crowded, "swipe")
    cmap = view.map
    _settle(qtbot, view)

    def looked() -> tuple[int, int]:
        a, b = cmap.settings()
        lay = cmap.pictures.panels.layout(cmap.scene, cmap.viewport(), swipe_shown(a, b))
        tags = tag_rects(cmap.split * cmap.width(), a, b, tuple(lay.rects()))
        shown = cmap.grab().toImage()
        crowded.display.set_visible("labels", False)
        _settle(qtbot, view)
        bare = cmap.grab().toImage()
        crowded.display.set_visible("labels", True)
        _settle(qtbot, view)
        return _names_under(shown, bare, tags)

    under, named = looked()
    assert named > 5_000 and under == 0
    y = cmap.height() // 2
    x = round(cmap.split * cmap.width())
    _drag(qtbot, cmap, QPoint(x, y), QPoint(x + cmap.width() // 5, y))   # the divider
    _settle(qtbot, view)
    assert cmap.split > 0.6
    under, named = looked()
    assert named > 5_000 and under == 0
