"""Any screen size: the map's panels (title and legend, scale bar, attribution) never
overlap, stay inside the map and cut no text, from a 1024×700 screen to 3840×2160 at
scale factor 2; the docks leave the map at least 60 % of the window's width and half its
height at each of those sizes and at 1400×900, in English and Ukrainian, with no tab cut
(elided or scrolled), the docks' own and the Reports panel's."""

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
# as dock_layout.restore_layout does): 1024×700; 1400×900; 1920×1200 and 3840×2160 at
# scale factor 2.
SCREENS = {"1024x700": (942, 644), "1400x900-screen": (1288, 828),
           "1920x1200@2": (883, 552), "3840x2160@2": (1766, 994)}
MAP_SIZES = [(230, 290), (300, 200), (420, 300), (621, 457), (1024, 700), (1600, 1000),
             (1920, 1200), (3840, 2160)]
LONG_TITLE = "Occupied (DeepState), with the claimed areas and the Ukrainian counter-offensive"


def scene_with(sample_path, title: str | None = None) -> MapScene:
    situation = read_situation(sample_path)
    if title:
        situation.meta.title = title
    return MapScene(situation)


def check_layout(scene: MapScene, size: tuple[int, int], scale: float,
                 credits: str = "full") -> None:
    settings = RenderSettings(at=AT, size=size, scale=scale, credits=credits)
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
    for title, credits in itertools.product((None, LONG_TITLE), ("full", "compact")):
        check_layout(scene_with(sample_path, title), size, scale, credits)


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


@pytest.fixture(params=["en", "uk"])
def language(request, qapp):
    from viewer.render.language import install_language
    install_language(request.param)
    yield request.param
    install_language("en")


def shown_docks(window) -> list:
    """The docks a person sees: visible, and the front tab where docks share a place."""
    from PySide6.QtWidgets import QDockWidget
    return [d for d in window.findChildren(QDockWidget)
            if d.isVisible() and not d.visibleRegion().isEmpty()]


def cut_tabs(window) -> list[str]:
    """The titles of the tabs a person cannot read whole in a tab bar in sight: elided
    ("Ш…", "Обл…"), or reaching past the bar's end (scrolled: its arrows shown)."""
    from PySide6.QtWidgets import QTabBar, QToolButton
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible() or bar.visibleRegion().isEmpty():
            continue
        if any(b.isVisible() for b in bar.findChildren(QToolButton)):   # scroll arrows
            cut.append(f"arrows in {[bar.tabText(i) for i in range(bar.count())]}")
        for i in range(bar.count()):
            rect = bar.tabRect(i)
            if rect.width() < bar.tabSizeHint(i).width() or not bar.rect().contains(rect):
                cut.append(bar.tabText(i))
    return cut


def cut_labels(window) -> list[str]:
    """The one-line texts in sight narrower than their text (wrapped ones wrap)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel
    return [label.text() for label in window.findChildren(QLabel)
            if label.isVisible() and not label.visibleRegion().isEmpty() and label.text()
            and not label.wordWrap() and (label.textFormat() == Qt.TextFormat.PlainText
                                          or "<" not in label.text())     # not rich text
            and label.fontMetrics().horizontalAdvance(label.text())
            > label.contentsRect().width() - 2 * label.margin()]


def share(window) -> tuple[float, float]:
    return (window.canvas.width() / window.width(), window.canvas.height() / window.height())


@pytest.mark.parametrize("screen", sorted(SCREENS) + ["1400x900"])
def test_the_window_leaves_the_map_room_and_its_panels_fit(qtbot, monkeypatch, tmp_path,
                                                            sample_path, screen, language):
    """In English and Ukrainian, at every size: the map gets at least 60 % of the width
    and half the height; no dock is narrower or lower than
    its panel needs (its wrapped text whole), no tab title is cut, every dock is
    on screen or a tab away."""
    from PySide6.QtWidgets import QDockWidget
    isolate_settings(monkeypatch, tmp_path)
    window = opened_as_the_app_does(qtbot, sample_path, SCREENS.get(screen, (1400, 900)))
    canvas = window.canvas
    qtbot.waitUntil(lambda: share(window)[0] >= 0.6, timeout=3000)
    assert share(window)[1] >= 0.5, share(window)             # and not squeezed flat
    shown = shown_docks(window)
    assert window.layers_dock in shown and window.timeline_dock in shown
    for dock in shown:                                            # no panel is cut
        assert dock.width() >= dock.widget().minimumSizeHint().width(), dock.objectName()
        assert dock.height() >= dock.widget().minimumSizeHint().height(), dock.objectName()
        panel = dock.widget()               # wrapped text (the Place panel's) shown whole
        if panel.hasHeightForWidth():
            assert panel.height() >= panel.heightForWidth(panel.width()), dock.objectName()
    for dock in set(window.findChildren(QDockWidget)) - set(shown):  # a tab away
        assert any(other in shown for other in window.tabifiedDockWidgets(dock))
    if window.width() >= 1100:              # a wide window shows the reports beside the map
        assert window.reports_dock in shown
    assert cut_tabs(window) == [] and cut_labels(window) == []
    check_layout(window.loaded.scene, (canvas.width(), canvas.height()), 1.0)
    window.close()


@pytest.mark.parametrize("screen", ["1024x700", "1920x1200@2"])
def test_a_tabbed_reports_dock_opens_with_one_click_on_its_tab(qtbot, monkeypatch, tmp_path,
                                                               sample_path, screen, language):
    """On a small screen Reports is a tab of the left column: clicking its tab shows it
    whole, its tab titles and the others' unelided, and the map keeps its room."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabBar
    isolate_settings(monkeypatch, tmp_path)
    window = opened_as_the_app_does(qtbot, sample_path, SCREENS[screen])
    reports = window.reports_dock
    assert reports not in shown_docks(window)
    title = reports.windowTitle()

    def tab_bars() -> list:
        return [b for b in window.findChildren(QTabBar)
                if b.isVisible() and any(b.tabText(i) == title for i in range(b.count()))]
    qtbot.waitUntil(lambda: bool(tab_bars()), timeout=3000)    # laid out after the show
    bar = tab_bars()[0]
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: reports in shown_docks(window), timeout=3000)
    assert reports.width() >= reports.widget().minimumSizeHint().width()
    assert reports.height() >= reports.widget().minimumSizeHint().height()
    assert window.reports_panel.window_tree.isVisible()          # its list, to read
    assert cut_tabs(window) == []
    assert share(window)[0] >= 0.6 and share(window)[1] >= 0.5, share(window)
    window.close()


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_place_panel_stays_whole_with_the_find_bar_open(qtbot, monkeypatch, tmp_path,
                                                            sample_path, screen, language):
    """Ctrl+F and a place found: the Find bar takes some of the columns' height and the
    Place panel says more (the distances), yet its text stays whole, as every panel's."""
    isolate_settings(monkeypatch, tmp_path)
    window = opened_as_the_app_does(qtbot, sample_path, SCREENS[screen])
    window.finder.open()
    assert window.finder.choose("Покровськ")
    panel = window.map_tools.panel
    assert panel.title.text() in ("Pokrovsk", "Покровськ")

    def whole() -> bool:
        return (panel.height() >= panel.heightForWidth(panel.width())
                and cut_labels(window) == [])
    qtbot.waitUntil(whole, timeout=3000)
    for dock in shown_docks(window):
        assert dock.height() >= dock.widget().minimumSizeHint().height(), dock.objectName()
    assert share(window)[0] >= 0.6, share(window)
    window.close()
