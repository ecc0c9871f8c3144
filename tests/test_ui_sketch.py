"""Edit ▸ Sketch Area (S) on the real map: vertices clicked with the mouse, closed with
Enter or a double-click, edited (drag, Backspace), cancelled (Esc), applied as a gain
through the dialog; the map, the areas, the regions panel, undo, save and GDAL follow."""

from __future__ import annotations

import pytest
import shapely
from pyproj import Geod
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from shapely.geometry import Polygon

from factories import GROWING_DATES, D, growing_situation, two_region_situation
from test_ui_edit import _shortcut, bot, open_window  # noqa: F401 - bot is a fixture
from ui_helpers import PaintRects, blend, close_to, colour_at, isolate_settings, pixel_point
from viewer.io.situation_file import read_situation, write_situation
from viewer.ui.help_windows import shortcut_rows
from viewer.ui.qt_utils import format_day
from viewer.ui.region_table import FIRST, NAME
from viewer.model import Style
from viewer.ui.sketch_dialog import SketchChoice, SketchDialog

D1, D3, D5, D10 = GROWING_DATES
# a square in region Beta (31.5-33°E), outside the layer at every date
SQUARE = [(32.2, 48.3), (32.6, 48.3), (32.6, 48.6), (32.2, 48.6)]
INSIDE = (32.4, 48.45)
LAYER = ("#c0392b", 0.45)                   # the layer "ctl"'s style in growing_situation
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def geodesic_km2(points) -> float:
    lons, lats = zip(*points)
    area, _ = Geod(ellps="WGS84").polygon_area_perimeter(lons, lats)
    return abs(area) / 1e6


def km2(text: str) -> float:
    return float(text.split("\u00a0")[0].replace(",", ""))


@pytest.fixture
def sketching(bot, monkeypatch, tmp_path):
    """A window on growing_situation saved to a file, zoomed to the square, with the
    sketch tool started by its key (S)."""
    isolate_settings(monkeypatch, tmp_path)
    path = tmp_path / "control.gpkg"
    write_situation(growing_situation(), path)
    window = open_window(bot, read_situation(path))
    window.loaded.path = path
    window.canvas.zoom_to_lonlat((32.15, 48.25, 32.65, 48.65))
    _shortcut(bot, window, Qt.Key.Key_S, NO_MODIFIER)
    assert window.sketching.tool.active
    return window


def click(qtbot, window, lon: float, lat: float) -> None:
    qtbot.mouseClick(window.canvas, LEFT, pos=pixel_point(window.canvas, lon, lat))


def move(canvas, pos: QPoint, buttons=LEFT) -> None:
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(canvas.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, buttons, NO_MODIFIER)
    QApplication.sendEvent(canvas, event)


def dialog_of(qtbot, window) -> SketchDialog:
    qtbot.waitUntil(lambda: window.sketching.dialog is not None
                    and window.sketching.dialog.isVisible())
    assert isinstance(window.sketching.dialog, SketchDialog)
    return window.sketching.dialog


def apply(qtbot, dialog: SketchDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def test_a_square_sketched_by_clicks_is_a_gain_from_its_date_on(sketching, bot, tmp_path):
    qtbot, window, canvas = bot, sketching, sketching.canvas
    raw = pytest.importorskip("pyogrio.raw")
    area_before = {t: km2(_area_at(window, t)) for t in (D1, D3, D5, D10)}
    window.cursor_model.set_time(D3)        # the date the dialog starts with
    background = colour_at(canvas, *INSIDE)
    for lon, lat in SQUARE:
        click(qtbot, window, lon, lat)
    assert len(window.sketching.tool.vertices()) == 4
    placed = geodesic_km2(window.sketching.tool.vertices())     # where the clicks landed
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, window)
    assert dialog.layer.currentData() == "ctl" and not dialog.repair_label.isVisible()
    assert dialog.when.dateTime().toSecsSinceEpoch() == int(D3.timestamp())
    qtbot.mouseClick(dialog.gain, LEFT)
    apply(qtbot, dialog)

    assert not window.sketching.tool.active and window.isWindowModified()
    assert window.edit_actions.undo.text().replace("&", "") == \
        "Undo Sketch a gain on “Control”, 3 Jun 2025"
    expected = blend(LAYER[0], LAYER[1], background.name())
    for t in (D3, D5, D10):                 # at its date and every later state
        window.cursor_model.set_time(t)
        assert close_to(colour_at(canvas, *INSIDE), expected), t
    window.cursor_model.set_time(D1)
    assert close_to(colour_at(canvas, *INSIDE), background)
    square = geodesic_km2(SQUARE)           # pyproj on the corners aimed at
    for t in (D3, D5, D10):
        grown = km2(_area_at(window, t)) - area_before[t]
        assert grown == pytest.approx(square, rel=0.005), t       # the corners aimed at
        assert grown == pytest.approx(placed, abs=0.1, rel=0.001), t   # those clicked
    assert km2(_area_at(window, D1)) == area_before[D1]
    # the regions panel: the layer now first entered Beta on the sketch's date
    assert _first_entry(qtbot, window, "Beta") == format_day(D3)

    _shortcut(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    window.cursor_model.set_time(D5)
    assert close_to(colour_at(canvas, *INSIDE), background)
    assert {t: km2(_area_at(window, t)) for t in (D1, D3, D5, D10)} == area_before
    assert _first_entry(qtbot, window, "Beta") == format_day(D5)

    _shortcut(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
    _shortcut(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    path = window.path
    window.close()

    back = read_situation(path)
    (amendment,) = back.layer("ctl").amendments
    assert (amendment.op, amendment.at) == ("add", D3)
    (part,) = getattr(amendment.geometry, "geoms", [amendment.geometry])
    assert geodesic_km2(part.exterior.coords) == pytest.approx(square, rel=0.005)
    meta, _, geometry, fields = raw.read(str(path), layer="amendments")
    assert len(geometry) == 1
    assert shapely.from_wkb(geometry[0]).equals_exact(amendment.geometry, 1e-9)
    names = meta["fields"].tolist()
    assert fields[names.index("op")][0] == "add"


def _area_at(window, t) -> str:
    """The Layers panel's area at ``t``, as it shows it (in front: out of sight, behind
    the Regions tab, it skips time steps)."""
    window.layers_dock.raise_()
    window.cursor_model.set_time(t)
    QApplication.processEvents()
    return window.layers_panel.area_text("ctl")


def _first_entry(qtbot, window, region: str) -> str:
    panel = window.regions_panel
    window.regions_dock.raise_()
    qtbot.waitUntil(lambda: panel.figures is not None
                    and panel.figures.situation is window.situation)
    table = panel.table
    qtbot.waitUntil(lambda: table.topLevelItemCount() > 0)
    row = next(table.topLevelItem(i) for i in range(table.topLevelItemCount())
               if table.topLevelItem(i).text(NAME) == region)
    return row.text(FIRST)


def test_esc_cancels_and_backspace_removes_the_last_vertex(sketching, bot):
    qtbot, window = bot, sketching
    for lon, lat in SQUARE[:3]:
        click(qtbot, window, lon, lat)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    tool = window.sketching.tool
    assert len(tool.vertices()) == 2
    assert tool.vertices()[-1] == pytest.approx(SQUARE[1], abs=0.01)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)         # two vertices: not closed
    assert tool.active and not tool.is_closed and window.findChild(SketchDialog) is None
    from viewer.ui.map_overlay import MapOverlay           # one overlay for every map tool
    assert window.canvas.findChildren(MapOverlay) == [tool.overlay]
    assert tool.overlay is window.map_tools.overlay and tool.overlay.isVisible()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not tool.active and not window.sketching.tool.overlay.isVisible()
    assert window.edits.stack.count() == 0 and not window.isWindowModified()
    before = window.selection.change_ids
    click(qtbot, window, *INSIDE)           # the map is the map again: nothing added
    assert tool.vertices() == [] and window.selection.change_ids == before


def test_dragging_a_vertex_moves_it_and_a_double_click_closes(sketching, bot):
    qtbot, window, canvas = bot, sketching, sketching.canvas
    for lon, lat in SQUARE[:3]:
        click(qtbot, window, lon, lat)
    start, target = pixel_point(canvas, *SQUARE[1]), pixel_point(canvas, 32.5, 48.35)
    qtbot.mousePress(canvas, LEFT, pos=start)
    for f in (0.25, 0.5, 0.75, 1.0):
        move(canvas, start + (target - start) * f)
    qtbot.mouseRelease(canvas, LEFT, pos=target)
    tool = window.sketching.tool
    assert len(tool.vertices()) == 3
    assert tool.vertices()[1] == pytest.approx((32.5, 48.35), abs=0.005)
    qtbot.mouseDClick(canvas, LEFT, pos=pixel_point(canvas, *SQUARE[3]))
    dialog = dialog_of(qtbot, window)
    assert len(tool.vertices()) == 4 and tool.is_closed
    dialog.reject()                         # back to the outline, still editable
    qtbot.waitUntil(lambda: not tool.is_closed)
    assert tool.active and window.edits.stack.count() == 0
    click(qtbot, window, *tool.vertices()[0])           # a click on the first vertex closes
    dialog = dialog_of(qtbot, window)
    assert len(tool.vertices()) == 4 and tool.is_closed
    dialog.reject()
    qtbot.waitUntil(lambda: not tool.is_closed)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert not tool.active and window.edits.stack.count() == 0


def test_a_bow_tie_is_repaired_with_a_message_and_applied_on_a_new_layer(sketching, bot):
    qtbot, window = bot, sketching
    bow_tie = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]]   # the edges cross
    for lon, lat in bow_tie:
        click(qtbot, window, lon, lat)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Enter)
    dialog = dialog_of(qtbot, window)
    assert dialog.repair_label.isVisible()
    assert "crossed itself" in dialog.repair_label.text() and "2" in dialog.repair_label.text()
    dialog.layer.setCurrentIndex(dialog.layer.findData("\0new"))
    assert dialog.new_group.isVisible()
    dialog.new_name.clear()
    qtbot.keyClicks(dialog.new_name, "<b>My sketch</b>")
    qtbot.mouseClick(dialog.loss, LEFT)
    qtbot.mouseClick(dialog.gain, LEFT)
    apply(qtbot, dialog)
    layer = window.situation.layers[-1]
    assert layer.name == "<b>My sketch</b>" and layer.kind == "claimed"
    (amendment,) = layer.amendments
    expected = shapely.make_valid(Polygon(bow_tie))     # two triangles meeting at a point
    assert amendment.geometry.geom_type == "MultiPolygon" and len(amendment.geometry.geoms) == 2
    assert amendment.geometry.symmetric_difference(expected).area < 0.01 * expected.area
    assert window.layers_panel.area_text(layer.id)
    _shortcut(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [l.id for l in window.situation.layers] == ["ctl"]     # the layer undone too


def test_a_sketch_without_three_different_vertices_is_refused_with_a_message(sketching,
                                                                            bot):
    qtbot, window = bot, sketching
    for lon, lat in SQUARE[:3]:
        click(qtbot, window, lon, lat)
    # the third vertex dragged onto the first: there and back, no area
    start, target = (pixel_point(window.canvas, *SQUARE[i]) for i in (2, 0))
    qtbot.mousePress(window.canvas, LEFT, pos=start)
    move(window.canvas, (start + target) / 2)
    move(window.canvas, target)
    qtbot.mouseRelease(window.canvas, LEFT, pos=target)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "three different vertices" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    tool = window.sketching.tool
    qtbot.waitUntil(lambda: not tool.is_closed)
    assert tool.active and window.edits.stack.count() == 0
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)


def test_drawing_repaints_only_around_the_outline_and_the_key_is_listed(sketching, bot):
    """The pointer's rubber band and a new vertex repaint the outline's bounds, not the
    map; Help ▸ Keyboard Shortcuts lists the tool's key."""
    qtbot, window, canvas = bot, sketching, sketching.canvas
    # the background measuring done first (the regions, then the analytics)
    qtbot.waitUntil(lambda: window.analytics.analytics is not None, timeout=20000)
    click(qtbot, window, *SQUARE[0])
    for _ in range(2):      # the background measuring's results repaint the map: first
        assert window.worker.wait(30)       # (regions, then the analytics they start)
        QApplication.processEvents()
    canvas.repaint()
    painted = PaintRects(canvas)
    move(canvas, pixel_point(canvas, 32.3, 48.35), Qt.MouseButton.NoButton)
    click(qtbot, window, 32.3, 48.35)
    QApplication.processEvents()
    assert painted.rects
    around = QRect(pixel_point(canvas, *SQUARE[0]), pixel_point(canvas, 32.3, 48.35))
    around = around.normalized().adjusted(-10, -10, 10, 10)    # the handles and the pen
    assert all(around.contains(rect) for rect in painted.rects), (around, painted.rects)
    assert around.width() * around.height() < 0.1 * canvas.width() * canvas.height()
    assert (window.sketching.action.text().replace("&", ""), "S") in shortcut_rows(window)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)


def test_a_sketch_on_a_new_layer_backed_by_a_report_is_one_undo_step(bot, monkeypatch,
                                                                      tmp_path):
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, two_region_situation())
    window.canvas.zoom_to_lonlat((31.0, 48.0, 32.0, 49.0))
    window.cursor_model.set_time(D[12])
    _shortcut(qtbot, window, Qt.Key.Key_S, NO_MODIFIER)
    triangle = [(31.2, 48.2), (31.8, 48.2), (31.5, 48.7)]
    for lon, lat in triangle:
        click(qtbot, window, lon, lat)
    qtbot.mouseDClick(window.canvas, LEFT, pos=pixel_point(window.canvas, *triangle[-1]))
    dialog = dialog_of(qtbot, window)
    dialog.layer.setCurrentIndex(dialog.layer.findData("\0new"))
    dialog.new_kind.setCurrentIndex(dialog.new_kind.findData("incursion"))
    assert not dialog.role.isEnabled()
    dialog.report.setCurrentIndex(dialog.report.findData("r3"))
    assert dialog.role.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findData("disputes"))
    qtbot.mouseClick(dialog.loss, LEFT)     # a loss of a new, empty layer: nothing to lose
    qtbot.mouseClick(dialog.gain, LEFT)
    apply(qtbot, dialog)
    layer = window.situation.layers[-1]
    assert (layer.kind, layer.style.color) == ("incursion", "#e67e22")
    (amendment,) = layer.amendments
    assert window.situation.reports_for(amendment.change_id) == \
        [(window.situation.report("r3"), "disputes")]
    assert geodesic_km2(amendment.geometry.exterior.coords) == \
        pytest.approx(geodesic_km2(triangle), rel=0.005)
    assert window.edits.stack.count() == 1  # the layer, the sketch and the link: one step
    window.edit_actions.undo.trigger()
    assert [l.id for l in window.situation.layers] == ["adv", "claim"]
    assert all(k.report_id != "r3" or k.change_id != amendment.change_id
               for k in window.situation.links)


def test_undo_right_after_a_sketch_drops_the_measuring_of_the_sketch(sketching, bot):
    """The regions measured for the situation with the sketch, delivered after the undo,
    are not adopted by the situation without it (their pieces no longer match)."""
    qtbot, window = bot, sketching
    window.sketching.tool.stop()
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None)
    window.sketching.area = Polygon(SQUARE)
    assert window.sketching.apply(SketchChoice("ctl", "", "", Style(), D3, "add", None,
                                               "reports"))
    QApplication.processEvents()            # the measuring of the sketched situation starts
    assert window.worker.wait(10)           # and ends; its results wait in the queue
    window.edits.stack.undo()
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None
                    and window.regions_panel.figures.situation is window.situation)
    assert window.worker.wait(10)
    QApplication.processEvents()
    assert _first_entry(qtbot, window, "Beta") == format_day(D5)
