"""Map labels: towns appear as the view closes in, nothing overlaps, regions are named at
country zoom and when their centre is off-screen, the other language goes on a second
line, and SVG exports hold every name as text. On the embedded sample (its places are
the built-in settlements)."""

from __future__ import annotations

import math

import pytest
from defusedxml import ElementTree

from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.render import MapScene, RenderSettings, Viewport, render_to_file
from viewer.render.decorations import decoration_rects
from viewer.render.label_layout import short_name
from viewer.render.labels import label_layout
from viewer.resources import sample_path

POKROVSK = (37.18, 48.28)
SVG = "{http://www.w3.org/2000/svg}"


def box_around(lon: float, lat: float, km: float) -> tuple[float, float, float, float]:
    """A lon/lat box ``km`` across centred on (lon, lat) (spherical, to a few metres)."""
    half_lat = km / 2 / 111.2
    half_lon = km / 2 / (111.32 * math.cos(math.radians(lat)))
    return lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat


@pytest.fixture(scope="module")
def scene(qapp):
    return MapScene(read_situation(sample_path()))


def layout_for(scene, size=(1600, 1000), **kw):
    settings = RenderSettings(at=parse_time("2025-06-13"), size=size, **kw)
    return label_layout(scene, Viewport.for_settings(scene, settings), settings), settings


def overlapping(boxes) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
            if a.intersected(b).width() > 0 and a.intersected(b).height() > 0]


def placed_places(scene, layout) -> list:
    texts = {t.text for t in layout.texts}
    placed = [scene.situation.places[i] for i in layout.placed]
    assert all(p.name in texts for p in placed)
    return placed


VIEWS = {"Pokrovsk 40 km": dict(bbox=box_around(*POKROVSK, 40)),
         "country, small window": dict(bbox=(22.0, 44.0, 41.0, 52.5), size=(800, 560)),
         "country": dict(bbox=(22.0, 44.0, 41.0, 52.5)),
         "sample's view": dict()}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_no_two_placed_labels_overlap_and_all_are_inside_the_view(scene, view):
    layout, settings = layout_for(scene, **VIEWS[view])
    assert len(layout.boxes) >= 15
    assert overlapping(layout.boxes) == []
    width, height = settings.size
    for b in layout.boxes:
        assert 0 <= b.left() and b.right() <= width and 0 <= b.top() and b.bottom() <= height


def test_towns_appear_as_the_view_closes_in(scene):
    country, _ = layout_for(scene, bbox=(22.0, 44.0, 41.0, 52.5))
    close, _ = layout_for(scene, bbox=box_around(*POKROVSK, 40))
    assert min(p.population for p in placed_places(scene, country)) >= 10_000
    near = placed_places(scene, close)
    assert sum(1 for p in near if p.population < 2_000) >= 5
    texts = [t.text for t in close.texts]
    assert {"Pokrovsk", "Myrnohrad", "Покровськ"} <= set(texts)


def test_regions_are_named_at_country_zoom(scene):
    layout, _ = layout_for(scene, bbox=(22.0, 44.0, 41.0, 52.5), size=(800, 560))
    texts = {t.text for t in layout.texts}
    oblasts = [r for r in scene.situation.own_regions if r.name.endswith("Oblast")]
    named = [r.name for r in oblasts
             if r.name.upper() in texts or r.name.upper().removesuffix(" OBLAST") in texts]
    assert len(named) >= 18, f"only {named}"


def test_a_region_whose_centre_is_off_screen_is_still_named(scene):
    # the west of Donetsk Oblast around Pokrovsk: the oblast's label point is far east
    layout, _ = layout_for(scene, bbox=box_around(*POKROVSK, 40))
    assert {"DONETSK OBLAST", "DONETSK"} & {t.text for t in layout.texts}
    assert {"DNIPROPETROVSK OBLAST", "DNIPROPETROVSK"} & {t.text for t in layout.texts}


def test_names_in_the_chosen_language_first(scene):
    layout, _ = layout_for(scene, bbox=box_around(*POKROVSK, 40), language="uk")
    sizes = {t.text: t.font.pixelSize() for t in layout.texts}
    assert sizes["Покровськ"] > sizes["Pokrovsk"]
    assert "ДОНЕЦЬКА ОБЛАСТЬ" in sizes or "ДОНЕЦЬКА" in sizes


def test_short_region_names():
    assert short_name("Donetsk Oblast") == "Donetsk"
    assert short_name("Autonomous Republic of Crimea") == "Crimea"
    assert short_name("Донецька область") == "Донецька"
    assert short_name("Kyiv") == "Kyiv"


def svg_texts(path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    return ["".join(e.itertext()).strip() for e in root.iter(f"{SVG}text")]


def test_svg_export_holds_every_label_as_text(scene, tmp_path):
    settings = RenderSettings(at=parse_time("2025-06-13"), size=(1600, 1000),
                              bbox=box_around(*POKROVSK, 40))
    render_to_file(scene, settings, tmp_path / "map.svg")
    texts = svg_texts(tmp_path / "map.svg")
    assert "Pokrovsk" in texts and "Покровськ" in texts
    viewport = Viewport.for_settings(scene, settings)
    reserved = tuple(decoration_rects(scene, viewport, settings))    # as draw_map keeps free
    layout = label_layout(scene, viewport, settings, reserved)
    assert {t.text for t in layout.texts} <= set(texts)


def test_svg_halos_are_a_path_a_label_that_qt_svg_reads_whole(scene, tmp_path, qtlog):
    """The white halos behind the names are stroked a label at a time: all of them in
    one path made a single <path> of some 900,000 characters on the DeepState view,
    which QtSvg (KDE's viewers, Qt applications) cut short ("Invalid path data; path
    truncated"), leaving the later names without their halo."""
    from PySide6.QtSvg import QSvgRenderer
    settings = RenderSettings(at=parse_time("2025-06-13"), size=(3200, 2000))
    out = tmp_path / "map.svg"
    render_to_file(scene, settings, out)
    root = ElementTree.parse(out).getroot()
    halos = [path for group in root.iter(f"{SVG}g") if group.get("stroke") == "#ffffff"
             for path in group.iter(f"{SVG}path")]
    viewport = Viewport.for_settings(scene, settings)
    layout = label_layout(scene, viewport, settings,
                          tuple(decoration_rects(scene, viewport, settings)))
    assert len(layout.texts) > 100 and len(halos) == len(layout.texts)
    assert QSvgRenderer(str(out)).isValid()
    assert not [r for r in qtlog.records if "path" in r.message], \
        [r.message for r in qtlog.records]
