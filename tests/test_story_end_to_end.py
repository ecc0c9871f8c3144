"""Issue 15's "Done means", as a user does it: a DeepState import (five days around the
layer's first entry into Dnipropetrovsk Oblast) is opened in the window; the 13 June
2025 news report (summarised in our own words) and the sample's ISW assessment are typed
into the report dialog, graded, and linked to the change that first enters the oblast
(found here from the raw snapshots and the oblast outline GDAL reads); the claimed area
is sketched with clicks on the map and backed by the news report; the file is saved.
Then a colleague opens it in a fresh window and sees the reports behind the change, with
their grades and roles, and the sketched claim on the map; ``info --json`` lists the
reports under the change, and GDAL reads every layer of the file."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox
from shapely.geometry import Point, shape

from test_ui_edit import _click_change_row, _role, _shortcut, bot  # noqa: F401 - a fixture
from ui_helpers import colour_at, isolate_settings, pixel_point
from viewer.importing.pipeline import ImportOptions
from viewer.importing.to_file import import_to_file
from viewer.io.situation_file import read_situation
from viewer.ui.report_dialog import ReportDialog
from viewer.ui.sketch_dialog import SketchDialog

DAYS = [f"202508{d:02d}" for d in range(6, 11)]      # 6-10 Aug 2025
OBLAST = "Dnipropetrovsk Oblast"
LEFT, NO_MODIFIER = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
# The 13 June 2025 news report (../shared/sources), summarised in our own words.
NEWS = {
    "source": "Safarti Tarjuman International News Desk",
    "published": "2025-06-13 00:00",
    "title": "Russian soldiers reported inside Dnipropetrovsk Oblast, a first since 2022",
    "summary": "Relaying The New York Times, the desk says Ukrainian officers saw small "
               "Russian groups come over from occupied Donetsk Oblast at the weekend and "
               "dig in along tree belts, with no settlement lost. It adds the ISW's map of "
               "a narrow Russian-held strip, a Ukrainian officer's warning of troops massing "
               "by the oblast line, and a Russian Defence Ministry claim that tank units "
               "are pushing into the oblast.",
    "grade": ("C", 3),
}
CLAIM_LAYER = "Claimed by Russian MoD (news report)"


def _oblast_outline(sample_path):
    """Dnipropetrovsk Oblast as GDAL reads it from the sample (the builtin regions)."""
    from pyogrio.raw import read
    meta, _, geometry, fields = read(str(sample_path), layer="regions")
    names = list(fields[list(meta["fields"]).index("name_en")])
    return shapely.from_wkb(geometry[names.index(OBLAST)])


def _raw_state(deepstate_dir, day: str):
    path = deepstate_dir / f"deepstatemap_data_{day}.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    return shapely.union_all([shape(f["geometry"]) for f in doc["features"]])


def _first_entry_from_raw(deepstate_dir, oblast) -> tuple[str, object]:
    """(day, gain): the first consecutive pair of raw snapshots whose gain reaches at least
    1 km inside the oblast (the oblast shrunk by 1 km in UTM zone 36N)."""
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32636", always_xy=True)

    def metric(geom):
        return shapely.transform(geom, lambda xy: np.column_stack(utm.transform(*xy.T)))
    core = shapely.buffer(metric(oblast), -1000)
    previous = None
    for day in DAYS:
        state = _raw_state(deepstate_dir, day)
        if previous is not None:
            gain = shapely.difference(state, previous)
            if shapely.intersection(core, metric(gain)).area > 0:
                return day, gain
        previous = state
    raise AssertionError("no snapshot of the range enters the oblast")


def _claimed_outline(sample_path) -> list[tuple[float, float]]:
    """The sample's claimed area (hand-drawn from the report), simplified to the few
    vertices a person would click."""
    from pyogrio.raw import read
    meta, _, geometry, fields = read(str(sample_path), layer="layer_pieces")
    ids = list(fields[list(meta["fields"]).index("layer_id")])
    claimed = shapely.from_wkb(geometry[ids.index("claimed")])
    polygon = max(shapely.get_parts(claimed), key=lambda p: p.area)
    ring = shapely.simplify(polygon, 0.02).exterior.coords[:-1]
    assert 5 <= len(ring) <= 16, len(ring)
    return [(float(x), float(y)) for x, y in ring]


@pytest.fixture
def deepstate_import(deepstate_dir, tmp_path):
    out = tmp_path / "deepstate-aug.gpkg"
    options = ImportOptions([str(deepstate_dir / f"deepstatemap_data_{d}.geojson")
                             for d in DAYS], layer="Occupied (DeepState)",
                            kind="assessed-control",
                            attributions=["DeepStateMap (GPL-3.0) via cyterat/deepstate-map-data"])
    import_to_file(options, str(out), regions_spec="builtin:ukraine-oblasts")
    return out


def _open(qtbot, path):
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.situation_loaded, timeout=60000):
        window.files.open_file(path)
    return window


def _type_report(qtbot, window, fields: dict) -> str:
    """Edit ▸ Add Report… (Ctrl+Shift+R), every field typed, the grade chosen by keys."""
    _shortcut(qtbot, window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    (dialog,) = [d for d in window.findChildren(ReportDialog) if d.isVisible()]
    qtbot.keyClicks(dialog.source, fields["source"])
    qtbot.keyClick(dialog.published, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.published, fields["published"])
    qtbot.keyClicks(dialog.title_edit, fields["title"])
    qtbot.keyClicks(dialog.summary, fields["summary"])
    source, info = fields["grade"]
    qtbot.keyClicks(dialog.reliability, source)
    qtbot.keyClicks(dialog.credibility, str(info))
    before = {r.id for r in window.situation.reports}
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    (new,) = {r.id for r in window.situation.reports} - before
    report = window.situation.report(new)
    assert (report.source, report.title, report.summary) == \
        (fields["source"], fields["title"], fields["summary"])
    assert report.published.isoformat() == fields["published"].replace(" ", "T") + ":00+00:00"
    assert report.reliability.code == f"{source}{info}"
    return new


def _link(qtbot, window, change_id: str, role: str) -> None:
    _click_change_row(qtbot, window, change_id)
    window.edit_actions.link_actions[role].trigger()


def _sketch(qtbot, window, outline, news_id: str) -> None:
    """S, a click on each vertex, Enter; in the dialog: a new layer named by typing, the
    report's date typed, the news report chosen as ``claims``; Apply."""
    canvas = window.canvas
    xs, ys = zip(*outline)
    canvas.zoom_to_lonlat((min(xs) - 0.05, min(ys) - 0.05, max(xs) + 0.05, max(ys) + 0.05))
    _shortcut(qtbot, window, Qt.Key.Key_S, NO_MODIFIER)
    for lon, lat in outline:
        qtbot.mouseClick(canvas, LEFT, pos=pixel_point(canvas, lon, lat))
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.sketching.dialog, SketchDialog)
                    and window.sketching.dialog.isVisible())
    dialog = window.sketching.dialog
    clicked = window.sketching.tool.vertices()
    lons, lats = zip(*clicked)
    geodesic = abs(Geod(ellps="WGS84").polygon_area_perimeter(lons, lats)[0]) / 1e6
    shown = float(dialog.area_label.text().split()[1].replace(",", ""))
    assert shown == pytest.approx(geodesic, rel=0.001)
    qtbot.keyClicks(dialog.layer, "N")                          # New layer…
    assert dialog.new_group.isVisible()
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.new_name, CLAIM_LAYER)
    assert dialog.new_kind.currentData() == "claimed"
    qtbot.keyClick(dialog.when, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.when, "2025-06-13 00:00")
    qtbot.keyClicks(dialog.report, "S")                         # Safarti Tarjuman…
    assert dialog.report.currentData() == news_id
    qtbot.keyClicks(dialog.role, "cl")
    assert dialog.role.currentData() == "claims"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert not window.sketching.tool.active


def _rows_under(window, change_id: str) -> list[str]:
    """Each report row under the change in the Reports panel: its three columns' text."""
    tree = window.reports_panel.window_tree
    (item,) = [i for i in tree.items() if i.data(0, _role("CHANGE_ID")) == change_id
               and i.data(0, _role("KIND")) == "change"]
    assert "Unsourced" not in item.text(0)
    return [" | ".join(item.child(i).text(c) for c in range(3))
            for i in range(item.childCount())]


def _under_panels(canvas, lon: float, lat: float) -> bool:
    """Whether the legend, scale bar or attribution (or the margin kept round them) is
    drawn over (lon, lat); the legend loses a row when a layer is hidden."""
    from viewer.ui.canvas_panels import reserved_rects
    at = QPointF(pixel_point(canvas, lon, lat))
    rects = reserved_rects(canvas.scene, canvas.viewport(), canvas.render_settings())
    return any(r.adjusted(-4, -4, 4, 4).contains(at) for r in rects)


def _drawn_share(qtbot, window, layer_id: str, points) -> float:
    """The share of ``points`` whose colour changes when the layer is hidden in the
    Layers panel (a click on its check box)."""
    window.layers_dock.raise_()
    check = window.layers_panel.rows[layer_id].check
    shown = [colour_at(window.canvas, *p).name() for p in points]
    qtbot.mouseClick(check, LEFT, pos=check.rect().center())
    assert not check.isChecked()
    hidden = [colour_at(window.canvas, *p).name() for p in points]
    qtbot.mouseClick(check, LEFT, pos=check.rect().center())
    return sum(a != b for a, b in zip(shown, hidden)) / len(points)


def test_a_story_told_on_a_deepstate_import_reaches_a_colleague(
        bot, monkeypatch, tmp_path, deepstate_dir, deepstate_import, sample_path):
    qtbot = bot
    pyogrio = pytest.importorskip("pyogrio")
    isolate_settings(monkeypatch, tmp_path)
    oblast = _oblast_outline(sample_path)
    day, raw_gain = _first_entry_from_raw(deepstate_dir, oblast)
    isw = read_situation(sample_path).report("isw-mapping")
    outline = _claimed_outline(sample_path)

    window = _open(qtbot, deepstate_import)
    (change,) = [c for c in window.situation.changes if c.at.strftime("%Y%m%d") == day]
    assert change.id == f"occupied-deepstate@{day[:4]}-{day[4:6]}-{day[6:]}T00:00:00Z"
    assert shapely.intersection(change.gained, oblast).area > 0
    assert shapely.symmetric_difference(change.gained, raw_gain).area < 0.01 * raw_gain.area
    isw_id = _type_report(qtbot, window, {
        "source": isw.source, "published": "2025-06-13 00:00", "title": isw.title,
        "summary": isw.summary, "grade": (isw.reliability.source, isw.reliability.info)})
    _link(qtbot, window, change.id, "confirms")
    news_id = _type_report(qtbot, window, NEWS)
    _link(qtbot, window, change.id, "claims")
    assert {(r.id, role) for r, role in window.situation.reports_for(change.id)} == \
        {(isw_id, "confirms"), (news_id, "claims")}
    _sketch(qtbot, window, outline, news_id)
    claim_layer = window.situation.layers[-1]
    assert claim_layer.name == CLAIM_LAYER
    (amendment,) = claim_layer.amendments
    assert amendment.at.isoformat() == "2025-06-13T00:00:00+00:00"
    assert window.situation.reports_for(amendment.change_id) == \
        [(window.situation.report(news_id), "claims")]
    assert window.isWindowModified()
    _shortcut(qtbot, window, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    window.close()
    assert not window.isVisible()

    # The colleague: another machine's settings, a fresh window, the file opened.
    (tmp_path / "colleague").mkdir()
    isolate_settings(monkeypatch, tmp_path / "colleague")
    colleague = _open(qtbot, deepstate_import)
    assert colleague.cursor_model.time >= change.at        # the change is in the window
    qtbot.waitUntil(lambda: any(                          # measured in the background
        OBLAST in i.text(0) and i.data(0, _role("CHANGE_ID")) == change.id
        and i.data(0, _role("KIND")) == "change"
        for i in colleague.reports_panel.window_tree.items()), timeout=60000)
    rows = _rows_under(colleague, change.id)
    assert sorted(rows) == sorted([
        f"{isw.source} · 13 Jun 2025\n{isw.title} | confirms | B2",
        f"{NEWS['source']} · 13 Jun 2025\n{NEWS['title']} | claims | C3"])
    # the sketched claim is drawn: inside it (away from its outline and the DeepState
    # area), hiding its layer changes the map; outside it, nothing changes
    colleague.canvas.zoom_to_lonlat(colleague.situation.layer(claim_layer.id).amendments[0]
                                    .geometry.buffer(0.05).bounds)
    shown_day = colleague.cursor_model.time.strftime("%Y%m%d")
    occupied = _raw_state(deepstate_dir, shown_day)       # the DeepState area shown
    claimed = shapely.Polygon(outline)
    keep_out = claimed.exterior.buffer(0.01).union(occupied.buffer(0.01))
    xs = np.linspace(claimed.bounds[0] - 0.04, claimed.bounds[2] + 0.04, 40)
    ys = np.linspace(claimed.bounds[1] - 0.04, claimed.bounds[3] + 0.04, 30)
    grid = [Point(x, y) for x in xs for y in ys if not keep_out.contains(Point(x, y))
            and not _under_panels(colleague.canvas, x, y)]
    inside = [(p.x, p.y) for p in grid if claimed.contains(p)]
    outside = [(p.x, p.y) for p in grid if not claimed.contains(p)]
    assert len(inside) > 100 and len(outside) > 100
    assert _drawn_share(qtbot, colleague, claim_layer.id, inside) > 0.2
    assert _drawn_share(qtbot, colleague, claim_layer.id, outside) == 0
    colleague.close()

    # info --json, as a separate process, lists the reports under the changes
    res = subprocess.run([sys.executable, "-m", "viewer", "info", str(deepstate_import),
                          "--json"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    listed = {c["id"]: c["reports"] for layer in info["layers"] for c in layer["changes"]}
    assert sorted(listed[change.id]) == sorted([isw_id, news_id])
    assert listed[amendment.change_id] == [news_id]
    assert {r["id"] for r in info["reports"]} == {isw_id, news_id}

    # GDAL reads every layer of the file
    from pyogrio.raw import read
    names = [name for name, _ in pyogrio.list_layers(str(deepstate_import))]
    assert {"regions", "layer_pieces", "changes", "reports", "report_links",
            "amendments"} <= set(names)
    counts = {}
    for name in names:
        meta, _, geometry, fields = read(str(deepstate_import), layer=name)
        counts[name] = pyogrio.read_info(str(deepstate_import), layer=name)["features"]
        rows = {len(column) for column in fields} | ({len(geometry)} if geometry is not None
                                                      else set())
        assert rows <= {counts[name]}, name
    assert counts["reports"] == 2 and counts["report_links"] == 3
    assert counts["amendments"] == 1
