"""A small window's map folds its attribution to a "Sources" chip (as web maps fold
theirs to an "i" button), so that the credits don't cover a corner of the map; a click
on the chip shows them whole, a click on them folds them again. A big map, and every
export whatever its size, shows them whole."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from ui_helpers import open_canvas, pixels
from viewer.io.situation_file import read_situation
from viewer.render import MapScene, render_image
from viewer.render.decorations import decoration_layout
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

AT = datetime(2025, 6, 13, tzinfo=timezone.utc)
CHIP = "ℹ Sources"


def layout_of(scene: MapScene, size: tuple[int, int], credits: str):
    settings = RenderSettings(at=AT, size=size, credits=credits)
    return decoration_layout(scene, Viewport.for_settings(scene, settings), settings)


def whole_text(lines) -> str:
    return " ".join(lines)


def test_a_small_map_folds_what_a_big_map_and_an_export_show_whole(qapp, sample_path):
    scene = MapScene(read_situation(sample_path))
    credited = " · ".join(scene.situation.meta.attributions)
    small = layout_of(scene, (630, 380), "compact")
    assert small.attribution_lines == (CHIP,) and small.attribution_folded
    whole = layout_of(scene, (630, 380), "full")
    # the whole credits at that size: every source named, over a tenth of the map
    assert whole_text(whole.attribution_lines).replace(" ", "") == credited.replace(" ", "")
    area = whole.attribution.width() * whole.attribution.height()
    assert area > 0.05 * 630 * 380
    assert small.attribution.width() * small.attribution.height() < area / 5
    # a big map has room for them, folding or not
    big = layout_of(scene, (2400, 1500), "compact")
    assert not big.attribution_folded and big == layout_of(scene, (2400, 1500), "full")


def painted(canvas) -> np.ndarray:
    return pixels(canvas.grab().toImage())


def test_a_click_on_the_chip_shows_the_credits_and_another_folds_them(qtbot, sample_path):
    situation = read_situation(sample_path)
    canvas = open_canvas(qtbot, situation, size=(630, 380))
    canvas.cursor_model.set_time(AT)
    lay = canvas.decoration_pixmaps.layout(canvas.scene, canvas.viewport(),
                                          canvas.render_settings())
    assert lay.attribution_folded
    chip = lay.attribution.toAlignedRect()
    # the corner the credits will cover shows the map while they're folded
    corner = (slice(chip.bottom() - 60, chip.top() - 2), slice(chip.left() - 200, chip.right()))
    before = painted(canvas)[corner]
    qtbot.mouseMove(canvas, chip.center())
    assert canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=chip.center())
    shown = canvas.decoration_pixmaps.layout(canvas.scene, canvas.viewport(),
                                            canvas.render_settings())
    assert not shown.attribution_folded and len(shown.attribution_lines) > 3
    assert shown.attribution.contains(lay.attribution)
    after = painted(canvas)
    assert (after[corner] != before).any(axis=2).mean() > 0.3     # the panel covers it
    # a click elsewhere on the map picks nothing of it; one on the credits folds them
    inside = shown.attribution.toAlignedRect().topLeft() + QPoint(10, 10)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=inside)
    assert canvas.decoration_pixmaps.layout(canvas.scene, canvas.viewport(),
                                            canvas.render_settings()).attribution_folded
    assert np.array_equal(painted(canvas)[corner], before)


@pytest.mark.parametrize("shown", [False, True])
def test_an_export_of_a_small_window_credits_every_source(qtbot, sample_path, tmp_path, shown):
    from PySide6.QtWidgets import QApplication
    from ui_helpers import open_window
    from viewer.ui.loader import prepare
    window = open_window(qtbot, size=(942, 590))
    window.show_loaded(prepare(read_situation(sample_path), sample_path))
    qtbot.waitUntil(lambda: window.canvas.scene is not None)
    window.canvas.show_credits(shown)
    size = (window.canvas.width(), window.canvas.height())
    out = tmp_path / "map.png"
    assert window.images.export_to(out, size)
    exported = QImage(str(out))
    scene = window.loaded.scene
    whole = render_image(scene, window.canvas.render_settings(size=size, credits="full"))
    folded = render_image(scene, window.canvas.render_settings(size=size, credits="compact"))
    assert exported.convertToFormat(whole.format()) == whole and whole != folded
    QApplication.processEvents()
