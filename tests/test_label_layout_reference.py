"""The labels' layout, made faster, places the same labels in the same places as the plain
formulation of each rule (below, written with QRectF as the layout first was): every text,
font, position and width, every dot and box, on the sample and on a DeepState import, at
many views, zooms, languages and scales, with and without reserved rectangles."""

from __future__ import annotations

import pytest
import shapely
from PySide6.QtCore import QRectF

from conftest import DEEPSTATE
from viewer.cli.main import main as cli_main
from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render import label_layout, label_regions
from viewer.render import styles
from viewer.render.label_boxes import Text
from viewer.render.label_layout import layout_labels
from viewer.resources import sample_path

ZOOMS = (1.0, 0.55, 0.3, 0.12, 0.05, 0.02, 0.008)
CENTRES = ((0.5, 0.5), (0.28, 0.62), (0.74, 0.33), (0.9, 0.85), (0.05, 0.1))


def plain_first_fit(job, geom, cx, cy, w, h):
    """The first REGION_SHIFTS box inside the bounds, free and inside ``geom``."""
    for fx, fy in label_regions.REGION_SHIFTS:
        rect = QRectF(cx + fx * w - w / 2, cy + fy * h - h / 2, w, h)
        if (job.bounds.contains(rect) and job.occupied.free(rect)
                and label_regions._fits_inside(geom, job.viewport, rect)):
            return rect
    return None


def plain_sides(x, y, gap, lines):
    """(left, baseline, centred, box width, box height) of a place's label beside its
    dot, best first: right, left, above, below, then the diagonals."""
    w = max(line[3] for line in lines)
    a, d = lines[0][2].ascent(), lines[0][2].descent()
    extra = sum(line[2].height() for line in lines[1:])
    mid = y + (a - d - extra) / 2
    g = gap * 0.75
    for bx, by, centred in ((x + gap, mid, False), (x - gap - w, mid, False),
                            (x - w / 2, y - g - d - extra, True), (x - w / 2, y + g + a, True),
                            (x + g, y - g - d - extra, False), (x + g, y + g + a, False),
                            (x - g - w, y - g - d - extra, False), (x - g - w, y + g + a, False)):
        yield bx, by, centred, w + 2, a + d + extra + 2


def plain_place(job, index, x, y):
    """A place's dot and label at the first of ``plain_sides`` free and inside the
    bounds, all its lines first, then fewer; False where none is (or the dot is taken)."""
    s = job.s
    radius, lines, capital = job._lines(index)
    dot = QRectF(x - radius - s, y - radius - s, 2 * radius + 2 * s, 2 * radius + 2 * s)
    if not job.occupied.free(dot):
        return False
    for count in range(len(lines), 0, -1):
        for bx, by, centred, w, h in plain_sides(x, y, radius + 3 * s, lines[:count]):
            rect = QRectF(bx - 1, by - lines[0][2].ascent() - 1, w, h)
            if job.bounds.contains(rect) and job.occupied.free(rect):
                job.take(rect, 3 * s, 2 * s)
                job.occupied.add(dot)
                job.layout.dots.append((x, y, radius, capital))
                job.layout.placed.append(index)
                job.layout.place_boxes.append(rect)
                for (text, f, _m, width), p in zip(lines[:count], label_layout._baselines(
                        x, bx, by, centred, lines[:count], radius + 3 * s)):
                    job.layout.add(Text(text, f, p, styles.TEXT, width))
                return True
    return False


def plain_meets_view(scene, region_id, viewport, view):
    return bool(shapely.intersects(scene.region_geometries[region_id], view))


PLAIN = {"_first_fit": plain_first_fit, "_meets_view": plain_meets_view}


def plain(monkeypatch):
    for name, rule in PLAIN.items():
        monkeypatch.setattr(label_regions, name, rule)
    monkeypatch.setattr(label_layout._Job, "place", plain_place)


def canonical(layout) -> tuple:
    def box(r: QRectF):
        return r.x(), r.y(), r.width(), r.height()
    return ([(t.text, t.font.key(), t.pos.x(), t.pos.y(), t.colour, t.width)
             for t in layout.texts], list(layout.dots), [box(b) for b in layout.boxes],
            list(layout.placed), [box(b) for b in layout.place_boxes])


def cases(scene: MapScene):
    """(viewport, settings, reserved) at the views of ZOOMS x CENTRES, in both languages
    and at scale 1 and 2 (1600 x 1000 and 900 x 560), a legend-sized rectangle reserved
    in every other one."""
    out = []
    for n, (language, scale, size) in enumerate((("en", 1.0, (1600, 1000)),
                                                 ("uk", 1.0, (1600, 1000)),
                                                 ("en", 2.0, (900, 560)))):
        settings = RenderSettings(at=parse_time("2025-06-13"), size=size, scale=scale,
                                  language=language)
        x0, y0, x1, y1 = Viewport.for_settings(scene, settings).visible
        for z in ZOOMS:
            for m, (fx, fy) in enumerate(CENTRES):
                cx, cy = x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy
                hw, hh = (x1 - x0) / 2 * z, (y1 - y0) / 2 * z
                viewport = Viewport((cx - hw, cy - hh, cx + hw, cy + hh), *size)
                reserved = (QRectF(size[0] - 300, 20, 280, 140),) if (n + m) % 2 else ()
                out.append((viewport, settings, reserved))
    return out


@pytest.fixture(scope="module")
def sample_scene(qapp):
    return MapScene(read_situation(sample_path()))


@pytest.fixture(scope="module")
def deepstate_scene(qapp, tmp_path_factory):
    """One DeepState day imported as bench_window's file is (its regions and the
    built-in settlements: the labels do not depend on the dates)."""
    if not DEEPSTATE.is_dir():
        pytest.skip(f"{DEEPSTATE} is absent: the DeepState corpus lives in ../shared")
    out = tmp_path_factory.mktemp("labels") / "deepstate.gpkg"
    day = sorted(DEEPSTATE.glob("*.geojson"))[-1]
    assert cli_main(["import", str(day), "--layer", "Occupied (DeepState)", "--kind",
                     "assessed-control", "--regions", "builtin:ukraine-oblasts",
                     "-o", str(out)]) == 0
    return MapScene(read_situation(out))


def same_as_plain(scene, monkeypatch) -> None:
    views = cases(scene)
    made = [canonical(layout_labels(scene, *view)) for view in views]
    with monkeypatch.context() as patched:
        plain(patched)
        expected = [canonical(layout_labels(MapScene(scene.situation), *view))
                    for view in views]
    assert sum(len(e[0]) for e in expected) > 10 * len(views)       # labels to compare
    differing = [n for n, (a, b) in enumerate(zip(made, expected)) if a != b]
    assert not differing, f"{len(differing)} of {len(views)} layouts differ: {differing[:10]}"


def test_the_sample_is_laid_out_as_the_plain_rules_lay_it_out(sample_scene, monkeypatch):
    same_as_plain(sample_scene, monkeypatch)


def test_deepstate_is_laid_out_as_the_plain_rules_lay_it_out(deepstate_scene, monkeypatch,
                                                             capsys):
    capsys.readouterr()
    same_as_plain(deepstate_scene, monkeypatch)
