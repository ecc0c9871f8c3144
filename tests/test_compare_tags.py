"""The swipe's "A date" and "B date" tags by the divider keep clear of the legend: where
the legend's box would hide one (a long title, a narrow window or picture), both go
just below it, in the window and in an export alike."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor, QImage

from test_ui_compare_legend_step import _legend_and_date, win      # noqa: F401 (fixture)
from test_ui_compare_steps import _on_screen, _settle
from test_ui_compare_view import _compared
from factories import GROWING_DATES, growing_situation
from viewer.render.compare import compare_settings, render_compare, swipe_shown, tag_rects
from viewer.render.decorations import decoration_layout
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

FRAME = QColor("#cfcac1")          # the tags' frame (styles.PANEL_BORDER, written out)


def test_the_tags_go_below_a_legend_the_divider_runs_through(win, qtbot):   # noqa: F811
    view = _compared(qtbot, win, "swipe")
    cmap = view.map
    _settle(qtbot, view)
    legend, _ = _legend_and_date(cmap)
    x = cmap.split * cmap.width()
    a, b = cmap.settings()
    at_top = [rect for rect, _ in tag_rects(x, a, b)]
    assert any(rect.intersects(legend) for rect in at_top)      # the top would hide one
    placed = [rect for rect, _ in tag_rects(x, a, b, (legend,))]
    assert all(not rect.intersects(legend) for rect in placed)
    assert all(legend.bottom() < rect.top() < legend.bottom() + 20 for rect in placed)
    assert placed[0].top() == placed[1].top()           # side by side, as at the top
    shown, whole = _on_screen(cmap)
    assert shown == whole
    _framed(shown, placed)


def test_an_exported_swipe_puts_them_below_the_legend_too():
    situation = growing_situation()
    situation.meta = replace(situation.meta, title="A title wider than half of this "
                             "small picture, so that the legend reaches the divider")
    scene = MapScene(situation)
    a, b = compare_settings(RenderSettings(at=GROWING_DATES[2], size=(480, 360)),
                            GROWING_DATES[0], "swipe")
    image = render_compare(scene, a, b, "swipe")
    shown = swipe_shown(a, b)
    legend = decoration_layout(scene, Viewport.for_settings(scene, b), shown).legend
    assert any(rect.intersects(legend) for rect, _ in tag_rects(240, a, b))
    placed = [rect for rect, _ in tag_rects(240, a, b, (legend,))]
    assert all(legend.bottom() < rect.top() for rect in placed)
    _framed(image, placed)


def _framed(image: QImage, rects) -> None:
    """Each of ``rects`` has the tags' frame along its bottom edge in ``image``."""
    for rect in rects:
        y = round(rect.bottom() - 0.5)
        edge = [QColor(image.pixel(x, y)) for x in range(round(rect.left()) + 4,
                                                        round(rect.right()) - 4)]
        near = [c for c in edge if max(abs(c.red() - FRAME.red()), abs(c.green() - FRAME.green()),
                                       abs(c.blue() - FRAME.blue())) < 40]
        assert len(near) > 0.8 * len(edge)
