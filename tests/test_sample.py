"""The embedded sample (resources/sample.gpkg, built by packaging/build_sample.py)."""

import re
from pathlib import Path

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point

from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.resources import sample_path

SOURCE = (Path(__file__).resolve().parents[1].parent / "shared" / "sources"
          / "2025-06-13-dnipropetrovsk-news-report.txt")
GEOD = Geod(ellps="WGS84")
UKRAINE_IDS = {"UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23",
               "UA-26", "UA-30", "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48",
               "UA-51", "UA-53", "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68",
               "UA-71", "UA-74", "UA-77"}
SIMFEROPOL = Point(34.11, 44.96)


@pytest.fixture(scope="module")
def sample():
    return read_situation(sample_path())


def km2(geom) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def region(sample, region_id):
    return next(r for r in sample.regions if r.id == region_id)


def test_file_is_small():
    assert sample_path().stat().st_size < 1_500_000


def test_ukraine_has_its_27_regions_within_recognised_borders(sample):
    assert {r.id for r in sample.own_regions} == UKRAINE_IDS
    dnipro = region(sample, "UA-12")
    assert dnipro.name == "Dnipropetrovsk Oblast"
    assert dnipro.name_uk == "Дніпропетровська область"
    crimea, sevastopol = region(sample, "UA-43"), region(sample, "UA-40")
    assert crimea.role == sevastopol.role == "region"
    assert crimea.name_uk == "Автономна Республіка Крим"
    assert sevastopol.name_uk == "м. Севастополь"
    assert crimea.geometry.contains(SIMFEROPOL)
    assert all(r.geometry.is_valid and r.names.get("uk") for r in sample.regions)


def test_neighbours_are_context_and_russia_excludes_crimea(sample):
    context = {r.id for r in sample.regions if r.role == "context"}
    assert context == {"RU", "BY", "PL", "SK", "HU", "RO", "MD"}
    russia = region(sample, "RU").geometry
    assert not russia.intersects(SIMFEROPOL)
    assert russia.intersection(region(sample, "UA-43").geometry).area < 1e-9


def test_regions_do_not_overlap(sample):
    geoms = [r.geometry for r in sample.regions]
    assert shapely.coverage_is_valid(geoms)


def test_confirmed_strip_appears_after_the_weekend_inside_dnipropetrovsk(sample):
    confirmed = sample.layer("confirmed").history
    assert confirmed.state_at(parse_time("2025-06-01")).is_empty
    strip = confirmed.state_at(parse_time("2025-06-13"))
    assert 10 < km2(strip) < 100
    dnipro = region(sample, "UA-12").geometry
    assert km2(strip.intersection(dnipro)) >= 0.99 * km2(strip)
    assert strip.distance(region(sample, "UA-14").geometry) < 1e-6   # along the border


def test_claimed_area_is_larger_and_covers_the_strip(sample):
    claimed = sample.layer("claimed").history
    assert claimed.state_at(parse_time("2025-06-12")).is_empty
    claim = claimed.state_at(parse_time("2025-06-13"))
    strip = sample.layer("confirmed").history.state_at(parse_time("2025-06-13"))
    assert km2(claim) > 3 * km2(strip)
    assert km2(claim.intersection(strip)) >= 0.9 * km2(strip)
    assert km2(claim.difference(region(sample, "UA-12").geometry)) <= 0.01 * km2(claim)


def test_span_runs_from_late_may_to_end_of_june(sample):
    assert sample.start == parse_time("2025-05-26")
    assert sample.end == parse_time("2025-06-30")
    assert [c.id for c in sample.changes] == ["confirmed@2025-06-08T00:00:00Z",
                                              "claimed@2025-06-13T00:00:00Z"]


def test_every_change_has_reports_with_the_right_roles(sample):
    assert not sample.dangling_links()
    roles = {c.id: {r.id: role for r, role in sample.reports_for(c.id)} for c in sample.changes}
    assert roles["confirmed@2025-06-08T00:00:00Z"]["isw-mapping"] == "confirms"
    assert roles["claimed@2025-06-13T00:00:00Z"]["russian-mod"] == "claims"
    assert roles["claimed@2025-06-13T00:00:00Z"]["nyt-ukrainian-officials"] == "disputes"
    assert all(roles.values())


def test_reports_invent_no_links_and_carry_grades(sample):
    assert len(sample.reports) == 5
    for report in sample.reports:
        assert report.url == ""
        assert report.published == parse_time("2025-06-13")
        assert report.reliability.code != "F6"
        assert "13 June 2025" in report.summary


def test_meta_names_every_source_and_the_sketch(sample):
    meta = sample.meta
    assert meta.title == "Dnipropetrovsk border, June 2025"
    assert "sketch" in meta.description
    credits = " ".join(meta.attributions)
    for name in ("sketch", "Natural Earth", "public domain", "GeoNames", "CC BY 4.0",
                 "New York Times", "Institute for the Study of War", "Barbarossa",
                 "Ministry of Defence", "Safarti Tarjuman", "13 June 2025"):
        assert name in credits, name
    for layer in sample.layers:
        assert "sketch" in layer.name and "sketch" in layer.source
    strip = sample.layer("confirmed").history.state_at(meta.default_time)
    assert shapely.box(*meta.default_bbox).contains(strip)


def test_places_come_from_geonames_with_ukrainian_names(sample):
    """The built-in settlements: towns across Ukraine, every village near the view."""
    names = {p.name: p for p in sample.places}
    assert {"Kyiv", "Dnipro", "Donetsk", "Pokrovsk", "Mezhova", "Sevastopol",
            "Velykomykhailivka"} <= set(names)
    assert names["Mezhova"].names["uk"] == "Межова" and names["Kyiv"].names["uk"] == "Київ"
    assert all("GeoNames" in p.source for p in sample.places)
    assert any("GeoNames" in a and "CC BY 4.0" in a for a in sample.meta.attributions)
    from viewer.importing.places import builtin_countries
    countries = builtin_countries()
    ukrainian = [p for p in sample.places if countries[p.id] == "UA"]
    assert sum(1 for p in ukrainian if p.names.get("uk")) >= 0.95 * len(ukrainian)
    assert all(21 < p.lon < 42 and 43 < p.lat < 54 for p in sample.places)
    x0, y0, x1, y1 = sample.meta.default_bbox
    assert sum(1 for p in sample.places if x0 < p.lon < x1 and y0 < p.lat < y1) > 250


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def test_summaries_do_not_copy_the_source_article(sample):
    if not SOURCE.exists():
        pytest.skip(f"source article not available at {SOURCE}")
    words = _words(SOURCE.read_text(encoding="utf-8"))
    copied = {tuple(words[i:i + 8]) for i in range(len(words) - 7)}
    for report in sample.reports:
        for text in (report.title, report.summary):
            ours = _words(text)
            hits = [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7)
                    if tuple(ours[i:i + 8]) in copied]
            assert not hits, f"{report.id} copies: {hits}"
