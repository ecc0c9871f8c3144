"""``render --compare`` to PNG, SVG and PDF, the difference's km² caption, and the
comparison and animation in Ukrainian; expectations from pyproj, shapely, Pillow and
the files' own bytes."""

from __future__ import annotations

import re
import zlib
from xml.etree import ElementTree

import pytest
import shapely
from PIL import Image
from pyproj import Geod
from shapely.geometry import box

from factories import GROWING_AREAS, GROWING_DATES, growing_situation
from fuzz_checks import run_cli
from viewer.io.situation_file import write_situation
from viewer.model import Situation
from viewer.model.region import Region

D1, D3, D5, D10 = GROWING_DATES
A1, A5, A10 = GROWING_AREAS
SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.usefixtures("qapp")


def _km2(geom) -> float:
    area, _ = Geod(ellps="WGS84").geometry_area_perimeter(shapely.orient_polygons(geom))
    return area / 1e6


def _named_situation() -> Situation:
    """The growing situation with Ukrainian region names."""
    s = growing_situation()
    regions = [Region("A", {"en": "Alpha", "uk": "Альфа"}, box(30, 48, 31.5, 50)),
               Region("B", {"en": "Beta", "uk": "Бета"}, box(31.5, 48, 33, 50))]
    return Situation(s.meta, regions, [], s.layers)


@pytest.fixture
def situation_file(tmp_path):
    path = tmp_path / "s.gpkg"
    write_situation(_named_situation(), path)
    return str(path)


@pytest.fixture
def english_after():
    yield
    from viewer.render.language import install_language
    install_language("en")


def _svg_texts(path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    return ["".join(e.itertext()).strip() for e in root.iter(f"{SVG}text")]


def _after_last(texts: list[str], name: str) -> str:
    """The line after the caption's ``name`` (the legend names the layer first)."""
    return texts[len(texts) - texts[::-1].index(name)]


def _numbers(text: str) -> list[float]:
    """The numbers of a line in either language (1,234.5 or 1 234,5)."""
    found = re.findall(r"\d[\d,.\u00a0\u202f ]*\d|\d", text)
    out = []
    for n in found:
        n = re.sub(r"[\u00a0\u202f ]", "", n)
        n = n.replace(",", "") if "." in n else n.replace(",", ".")
        out.append(float(n))
    return out


def _compare(situation_file, tmp_path, suffix, mode="diff", lang="en"):
    out = tmp_path / f"c{suffix}"
    status, stdout, err = run_cli(["render", situation_file, "--compare", "2025-06-01",
                                   "2025-06-10", "--mode", mode, "--size", "800x500",
                                   "--lang", lang, "-o", str(out)])
    assert (status, err) == (0, "")
    return out, stdout


@pytest.mark.parametrize("mode", ["swipe", "side", "diff"])
@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"),
                                           (".pdf", b"%PDF")])
def test_compare_writes_png_svg_and_pdf(situation_file, tmp_path, mode, suffix, magic):
    out, _ = _compare(situation_file, tmp_path, suffix, mode)
    assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["s.gpkg", out.name])


def test_the_difference_caption_gives_the_km2_as_text(situation_file, tmp_path):
    out, stdout = _compare(situation_file, tmp_path, ".svg")
    texts = _svg_texts(out)
    gained, lost = _km2(A10.difference(A1)), _km2(A1.difference(A10))
    line = _after_last(texts, "Control")
    assert line.startswith("gained ")
    g, lo, net = _numbers(line)
    assert g == pytest.approx(gained, rel=1e-3) and lo == pytest.approx(lost, rel=1e-3)
    assert net == pytest.approx(_km2(A10) - _km2(A1), rel=1e-3)
    assert "\u2212" not in line.split("net")[1]          # the layer grew: net is +
    beta = _km2(A10.difference(A1).intersection(box(31.5, 48, 33, 50)))
    (row,) = [t for t in texts if t.startswith("Beta:")]
    assert _numbers(row)[0] == pytest.approx(beta, rel=1e-3)
    alpha_lost = _km2(A1.difference(A10).intersection(box(30, 48, 31.5, 50)))
    (row,) = [t for t in texts if t.startswith("Alpha:")]
    assert _numbers(row)[1] == pytest.approx(alpha_lost, rel=1e-3)
    assert f"gained {gained:,.1f} km²" in stdout       # the same figures printed


def test_the_pdf_keeps_text_as_text_and_the_map_as_vectors(situation_file, tmp_path):
    out, _ = _compare(situation_file, tmp_path, ".pdf")
    data = out.read_bytes()
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
    content = b"".join(zlib.decompress(s) if s[:1] == b"x" else s for s in streams)
    assert b"/Font" in data and b"/ToUnicode" in data
    assert len(re.findall(rb"\bT[Jj]\b", content)) > 20       # title, legend, caption...
    assert b"/Subtype /Image" not in data                    # nothing rasterised


def test_compare_in_ukrainian(situation_file, tmp_path, english_after):
    out, stdout = _compare(situation_file, tmp_path, ".svg", lang="uk")
    texts = _svg_texts(out)
    assert "1 червня 2025 → 10 червня 2025" in texts
    gained = _km2(A10.difference(A1))
    line = _after_last(texts, "Control")
    assert line.startswith("здобуто ")
    assert "км²" in line and _numbers(line)[0] == pytest.approx(gained, rel=1e-3)
    caption = texts[len(texts) - 1 - texts[::-1].index("Control"):]   # drawn last
    assert any(t.startswith("Бета: +") for t in caption)
    assert not [t for t in caption if re.search(r"\b(gained|lost|net|June|Beta)\b", t)]
    assert not [t for t in texts if re.search(r"\b(gained|lost|net|June|since)\b", t)]
    out, _ = _compare(situation_file, tmp_path, ".svg", mode="swipe", lang="uk")
    texts = _svg_texts(out)
    assert "ліворуч 1 червня 2025 · праворуч 10 червня 2025" in texts
    joined = " ".join(texts)        # (the SVG writer splits a text where its script changes)
    assert "A  1 червня 2025" in joined and "B  10 червня 2025" in joined


def test_an_animation_in_ukrainian_draws_the_ukrainian_map(situation_file, tmp_path,
                                                          english_after):
    import numpy as np

    from viewer.render import MapScene, RenderSettings, render_image
    from viewer.render.animation import pixels
    from viewer.render.language import install_language
    out = tmp_path / "a.gif"
    status, _, err = run_cli(["render", situation_file, "--from", "2025-06-01", "--to",
                              "2025-06-10", "--size", "400x250", "--lang", "uk", "-o", str(out)])
    assert (status, err) == (0, "")
    with Image.open(out) as im:
        first = np.asarray(im.convert("RGB"))
    from viewer.io.situation_file import read_situation
    scene = MapScene(read_situation(situation_file))

    def drawn(lang):
        install_language(lang)
        image = render_image(scene, RenderSettings(at=D1, size=(400, 250), language=lang))
        argb = pixels(image)
        return np.dstack([(argb >> 16) & 255, (argb >> 8) & 255, argb & 255]).astype(int)
    uk, en = drawn("uk"), drawn("en")

    def apart(x, y) -> int:
        return int((np.abs(x - y).max(axis=2) > 40).sum())
    assert apart(uk, en) > 50                                   # the words differ
    # the GIF frame is the Ukrainian map (to the palette's rounding), not the English
    assert apart(first, uk) < apart(first, en) / 4
