"""The grade threshold, written out from its definition: "X<n> or better" keeps source
reliability A..X and information credibility 1..n; F and 6 meet no threshold."""

from __future__ import annotations

import itertools

import pytest

from viewer.model import Reliability, Report, parse_time
from viewer.model.report_filter import ReportCriteria

LETTERS, NUMBERS = "ABCDEF", range(1, 7)


@pytest.mark.parametrize("letter, number", list(itertools.product("ABCDE", range(1, 6))))
def test_every_grade_against_every_threshold(letter, number):
    criteria = ReportCriteria(source_at_most=letter, info_at_most=number)
    for s, i in itertools.product(LETTERS, NUMBERS):
        report = Report("r", parse_time("2025-06-13"), "S", "T", reliability=Reliability(s, i))
        expected = "ABCDE".find(s) != -1 and "ABCDE".index(s) <= "ABCDE".index(letter) \
            and i <= number
        assert criteria.report_passes(report, "reports") is expected, (s, i)


def test_f6_passes_only_without_a_threshold():
    report = Report("r", parse_time("2025-06-13"), "S", "T")
    assert report.reliability.code == "F6"
    assert ReportCriteria().report_passes(report, "claims")
    assert not ReportCriteria(source_at_most="E").report_passes(report, "claims")
    assert not ReportCriteria(info_at_most=5).report_passes(report, "claims")
    with pytest.raises(ValueError):
        ReportCriteria(source_at_most="F")
