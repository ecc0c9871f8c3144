"""Any screen size: the map's panels (title and legend, scale bar, attribution) never
overlap, stay inside the map and cut no text, from a 1024×700 screen to 3840×2160 at
scale factor 2; the docks leave the map at least 60 % of the window's width."""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from ui_helpers import isolate_settings
from viewer.io.situation_file import read_situation
from viewer.render.decorations import decoration_layout
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

AT = datetime(2025, 6, 13, tzinfo=timezone.utc)
# Logical sizes (Qt's device-independent pixels) a screen gives the window (92 % of it,
# as MainWindow._restore_layout does): 1024×700; 1920×1200 and 3840×2160 at scale factor 2.
SCREENS = {"1024x700": (942, 644), "1920x1200@2": (883, 552), "3840x2160@2": (1766, 994)}
MAP_SIZES = [(230, 290), (300, 200), (420, 300), (621, 457), (1024, 700), (1600, 1000),
             (1920, 1200), (3840, 2160)]
LONG_TITLE = "Occupied (DeepState), with the claimed areas and the Ukrainian counter-offensive"


def scene_with(sample_path, title: str | None = None) -> MapScene:
    situation = read_situation(sample_path)
    if title:
        situation.meta.title = title
    return MapScene(situation)


def check_layout(scene: MapScene, size: tuple[int, int], scale: float) -> None:
    settings = RenderSettings(at=AT, size=size, scale=scale)
    viewport = Viewport.for_settings(scene, settings)
    lay = decoration_layout(scene, viewport, settings)
    rects = lay.rects()
    whole = QRectF(0, 0, size[0], size[1])
    assert lay.scale_box in rects and lay.attribution is not None, size
    for r in rects:
        assert whole.contains(r), (size, scale, r)
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (size, scale, a, b)
    # no text wider than its panel (lines that don't fit are wrapped or end in "…")
    e = lay.e
    for lines, font, rect, pad in ((lay.title_lines, lay.title_font, lay.legend, 12 * e),
                                   (lay.attribution_lines, lay.attribution_font,
                                    lay.attribution, 7 * e)):
        m = QFontMetricsF(font)
        for line in lines:
            assert m.horizontalAdvance(line) <= rect.width() - 2 * pad + 0.5, (size, line)
    if lay.legend is not None and lay.title_lines:
        shown = " ".join(lay.title_lines).replace(" …", "").rstrip("…")
        assert scene.situation.meta.title.startswith(shown.split("…")[0].rstrip())


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", MAP_SIZES)
def test_the_panels_fit_every_map_size(qapp, sample_path, size, scale):
    for title in (None, LONG_TITLE):
        check_layout(scene_with(sample_path, title), size, scale)


def test_a_big_map_keeps_the_whole_legend_and_title(qapp, sample_path):
    scene = scene_with(sample_path)
    settings = RenderSettings(at=AT, size=(1600, 1000))
    lay = decoration_layout(scene, Viewport.for_settings(scene, settings), settings)
    assert lay.e == 1.0 and " ".join(lay.title_lines) == scene.situation.meta.title
    assert lay.items == 4                   # two layers, the gains and the losses


def opened_as_the_app_does(qtbot, path, size):
    """A window sized ``size``, the file shown before the window is (viewer/app.py)."""
    from viewer.ui.loader import prepare
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show_loaded(prepare(read_situation(path), path))
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_window_leaves_the_map_room_and_its_panels_fit(qtbot, monkeypatch, tmp_path,
                                                            sample_path, screen):
    isolate_settings(monkeypatch, tmp_path)
    window = opened_as_the_app_does(qtbot, sample_path, SCREENS[screen])
    canvas = window.canvas
    qtbot.waitUntil(lambda: canvas.width() >= 0.45 * window.width(), timeout=3000)
    for dock in (window.layers_dock, window.reports_dock, window.timeline_dock):   # none cut
        assert dock.width() >= dock.widget().minimumSizeHint().width()
    check_layout(window.loaded.scene, (canvas.width(), canvas.height()), 1.0)
    window.close()


def test_at_1400_by_900_the_map_gets_60_percent_of_the_width(qtbot, monkeypatch, tmp_path,
                                                             sample_path):
    isolate_settings(monkeypatch, tmp_path)
    window = opened_as_the_app_does(qtbot, sample_path, (1400, 900))
    qtbot.waitUntil(lambda: window.canvas.width() >= 0.6 * window.width(), timeout=3000)
    window.close()
