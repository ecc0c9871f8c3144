"""`render --lang uk`: the words the map draws itself (date, the legend's gain and loss
rows, the scale bar's unit) are Ukrainian text elements of the SVG, as the committed .ts
translates them (read here with ElementTree, not through our code); the file's own words
(title, layer names, attribution) are drawn as the file wrote them; `--lang en` draws the
English source texts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from viewer.io.situation_file import read_situation
from viewer.resources import sample_path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "situation_viewer_uk.ts"
SVG = "{http://www.w3.org/2000/svg}"


def ts_translation(context: str, source: str, comment: str | None = None) -> str:
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for m in ctx.iter("message"):
            if m.findtext("source") == source and m.findtext("comment") == comment:
                return m.findtext("translation")
    raise KeyError((context, source, comment))


def _said(credit: str) -> str:
    """A credit line as a Ukrainian map says it: ours translated, a source's as written."""
    try:
        return ts_translation("Core", credit)
    except KeyError:
        return credit


def ukrainian_form(n: int) -> str:
    """CLDR's Ukrainian cardinal categories, written out here independently."""
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def render(tmp_path: Path, lang: str, days: int) -> list[str]:
    out = tmp_path / f"map-{lang}-{days}.svg"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "viewer", "render", str(sample_path()), "--at",
                    "2025-06-13", "--highlight-days", str(days), "--lang", lang, "-o", str(out)],
                   env=env, check=True, capture_output=True, timeout=120)
    return svg_texts(out)


@pytest.mark.parametrize("days", [7, 3, 21])
def test_render_lang_uk_draws_the_maps_own_words_in_ukrainian(tmp_path, days):
    texts = render(tmp_path, "uk", days)
    form = ukrainian_form(days)
    gained = ts_translation("Legend", "Gained in the last %n days", form).replace("%n", str(days))
    lost = ts_translation("Legend", "Lost in the last %n days", form).replace("%n", str(days))
    assert gained in texts and lost in texts, texts[-12:]
    assert "13 червня 2025" in texts                # the genitive month, as Ukrainian writes it
    unit = ts_translation("Units", "km²").rstrip("²")
    assert any(re.fullmatch(rf"\d+\s{unit}", t) for t in texts), texts[-12:]   # the scale bar
    situation = read_situation(sample_path())
    assert situation.meta.title in texts           # the file's title, as written
    assert {layer.name for layer in situation.layers} <= set(texts)
    drawn = " ".join(texts)
    regions, places, reports = situation.meta.attributions[:3]     # the sample's credits
    for ours_credit in (regions, places):           # our own words, said in Ukrainian
        assert " ".join(ts_translation("Core", ours_credit).split()[:4]) in drawn
        assert " ".join(ours_credit.split()[:4]) not in drawn
    assert " ".join(reports.split()[:6]) in drawn   # a source's words, as written
    credits = " · ".join(" ".join(_said(a).split()) for a in situation.meta.attributions)
    ours = [t for t in texts if t not in situation.meta.title and t not in credits]
    assert not any(re.search(r"\b(Gained|Lost|June|km)\b", t) for t in ours), ours


def test_render_lang_en_draws_the_english_source_texts(tmp_path):
    texts = render(tmp_path, "en", 7)
    assert {"Gained in the last 7 days", "Lost in the last 7 days", "13 June 2025"} <= set(texts)
    assert not any(re.search("[А-Яа-яІіЇїЄє]", t) for t in texts[-12:])


def test_render_lang_uk_says_its_own_credit_and_date_note_in_ukrainian(tmp_path):
    """A layer imported without --attribution: the map's "source not stated; imported
    from …" and the note for a date before the first state are the .ts's Ukrainian."""
    series = tmp_path / "series"
    series.mkdir()
    for day, width in (("20250601", 0.1), ("20250610", 0.2)):
        ring = [[37.5, 48.0], [37.5 + width, 48.0], [37.5 + width, 48.2], [37.5, 48.2],
                [37.5, 48.0]]
        (series / f"front_{day}.geojson").write_text(
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            '{}, "geometry": {"type": "Polygon", "coordinates": [%s]}}]}' % ring)
    gpkg, out = tmp_path / "front.gpkg", tmp_path / "early.svg"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    for argv in (["import", str(series), "-o", str(gpkg), "--layer", "Фронт", "--places",
                  "none", "--context", "none"],
                 ["render", str(gpkg), "--at", "2025-05-01", "--lang", "uk", "-o", str(out)]):
        subprocess.run([sys.executable, "-m", "viewer", *argv], env=env, check=True,
                       capture_output=True, timeout=120)
    drawn = " ".join(svg_texts(out))
    credit = ts_translation("Core", "%1: source not stated; imported from %2")
    assert credit.replace("%1", "Фронт").replace("%2", "series") in drawn, drawn
    note = ts_translation("Core", "before the first state, %1")
    june = ts_translation("Core", "Jun")
    assert note.replace("%1", f"1 {june} 2025") in drawn, drawn
    assert not re.search(r"source not stated|imported from|before the first", drawn)
