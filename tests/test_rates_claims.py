"""Rate of advance (differences of the state areas divided by days, with the areas from
pyproj's geodesic polygon area of the rectangles) and claims against assessments (a
claim the assessment catches up with after 5 days, one it never covers)."""

from __future__ import annotations

import math

import pytest
from pyproj import Geod
from shapely.geometry import box

from factories import D
from viewer.analysis.areas import Areas
from viewer.analysis.claims import compare_claims
from viewer.analysis.rates import net_change, rate_per_day
from viewer.io.situation_file import read_situation
from viewer.model import History, Layer, Link, Report, Situation
from viewer.resources import sample_path

GEOD = Geod(ellps="WGS84")


def km2(minx, miny, maxx, maxy) -> float:
    area, _ = GEOD.polygon_area_perimeter([minx, maxx, maxx, minx], [miny, miny, maxy, maxy])
    return abs(area) / 1e6


def test_the_rate_is_the_area_difference_over_the_window_divided_by_its_days():
    east = {1: 30.3, 3: 30.5, 9: 30.6, 10: 30.9, 20: 30.7, 30: 31.0}
    s = Situation(layers=[Layer("l", "L", "assessed-control", History.from_states(
        "l", [(D[d], box(30.2, 48.2, x, 48.4)) for d, x in east.items()]))])
    times, km = Areas(s).series("l")
    truth = {d: km2(30.2, 48.2, x, 48.4) for d, x in east.items()}
    assert list(km) == pytest.approx(list(truth.values()), rel=2e-5)

    def in_force(day):             # the area of the state in force on that day
        known = [d for d in truth if d <= day]
        return truth[max(known)] if known else None
    for days in (7, 2):
        want = []
        for d in east:
            before = in_force(d - days)
            want.append(math.nan if before is None else (truth[d] - before) / days)
        got = rate_per_day(times, km, days)
        assert list(got) == pytest.approx(want, rel=1e-4, abs=0.01, nan_ok=True)
    assert math.isnan(rate_per_day(times, km, 7)[1])                 # 3 June: no 27 May
    assert rate_per_day(times, km, 7)[3] == pytest.approx((truth[10] - truth[3]) / 7, rel=1e-4)
    changes = net_change(km)
    assert math.isnan(changes[0])
    assert list(changes[1:]) == pytest.approx([truth[b] - truth[a] for a, b in
                                               zip(list(truth)[:-1], list(truth)[1:])],
                                              rel=1e-4, abs=0.01)


def claims_situation() -> Situation:
    claimed = History.from_states("c", [(D[1], box(30.0, 48.0, 30.2, 48.2)),
                                        (D[10], box(30.0, 48.0, 30.6, 48.2)),
                                        (D[12], box(30.0, 48.0, 30.6, 48.5))])
    assessed = History.from_states("a", [(D[1], box(30.0, 48.0, 30.2, 48.2)),
                                         (D[13], box(30.0, 48.0, 30.4, 48.2)),
                                         (D[15], box(30.0, 48.0, 30.58, 48.2))])
    reports = [Report("mod", D[10], "Ministry", "We took it"),
               Report("isw", D[15], "Analyst", "Confirmed")]
    links = [Link("c@2025-06-10T00:00:00Z", "mod", "claims"),
             Link("a@2025-06-15T00:00:00Z", "isw", "confirms")]
    return Situation(layers=[Layer("c", "Claimed", "claimed", claimed),
                             Layer("a", "Assessed", "assessed-advance", assessed)],
                     reports=reports, links=links)


def test_a_claim_is_covered_after_the_assessment_catches_up():
    comparison, = compare_claims(claims_situation())
    assert (comparison.claimed, comparison.assessed) == ("c", "a")
    assert comparison.times == [D[1], D[10], D[12], D[13], D[15]]
    gap = [0.0, km2(30.2, 48.0, 30.6, 48.2),
           km2(30.2, 48.0, 30.6, 48.2) + km2(30.0, 48.2, 30.6, 48.5),
           km2(30.4, 48.0, 30.6, 48.2) + km2(30.0, 48.2, 30.6, 48.5),
           km2(30.58, 48.0, 30.6, 48.2) + km2(30.0, 48.2, 30.6, 48.5)]
    # pyproj joins the L-shaped gap's corners by geodesics: 1e-3 of the rectangles' sum
    assert comparison.gap_km2 == pytest.approx(gap, rel=1e-3, abs=1e-6)
    first, second = comparison.checks
    share_13 = km2(30.2, 48.0, 30.4, 48.2) / km2(30.2, 48.0, 30.6, 48.2)
    share_15 = km2(30.2, 48.0, 30.58, 48.2) / km2(30.2, 48.0, 30.6, 48.2)
    assert share_13 < 0.9 <= share_15                       # the set-up is what we mean
    assert (first.at, first.covered_at, first.lag_days) == (D[10], D[15], 5.0)
    assert first.covered_share == pytest.approx(share_15, rel=1e-4)
    assert first.claim_reports == ["mod"] and first.assessed_reports == ["isw"]
    assert first.assessed_changes == ["a@2025-06-13T00:00:00Z", "a@2025-06-15T00:00:00Z"]
    assert (second.at, second.covered_at, second.lag_days) == (D[12], None, None)
    assert second.covered_share == pytest.approx(0.0, abs=1e-9)
    assert comparison.sketch == ""


def test_the_samples_claims_say_they_come_from_a_sketch():
    comparison, = compare_claims(read_situation(sample_path()))
    assert (comparison.claimed, comparison.assessed) == ("claimed", "confirmed")
    assert "sketch" in comparison.sketch
    check, = comparison.checks
    assert check.covered_at is None and "russian-mod" in check.claim_reports
