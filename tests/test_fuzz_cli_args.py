"""Random command-line values: ``--at``, ``--bbox``, ``--size`` (and the rest of ``render``)
are either accepted and valid, or refused with exit status 2 and one stderr line that
names the argument — never a traceback.
"""

from __future__ import annotations

import math
import os
from datetime import timezone

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuzz_harness import keep_hypothesis_out_of_the_tree
from fuzz_checks import classify_exit, run_cli
from viewer.cli.args import MAX_SIDE, ArgumentError, parse_at, parse_bbox, parse_size

# render runs in this process: it must find pytest-qt's QApplication, not make a
# QGuiApplication of its own (which would break every later test that needs widgets)
pytestmark = pytest.mark.usefixtures("qapp")

keep_hypothesis_out_of_the_tree()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1"))
PROPERTY = settings(max_examples=300 * EXAMPLES, deadline=None, derandomize=True,
                    database=None)
CLI = settings(max_examples=60 * EXAMPLES, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture,
                                      HealthCheck.too_slow])

numbers = st.one_of(st.integers(-10 ** 7, 10 ** 7).map(str),
                    st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.sampled_from(["", " ", "-0", "1e999", "nan", "inf", "0x10", "1_000",
                                     "١٦٠٠", "+5", "5.", ".5", "-.5"]))
date_like = st.one_of(
    st.text(max_size=40),
    st.builds("{:04d}-{:02d}-{:02d}{}".format,
              st.sampled_from([0, 1, 2, 999, 2025, 9998, 9999, 10000]) | st.integers(0, 99999),
              st.integers(0, 13), st.integers(0, 32),
              st.sampled_from(["", "T00:00", "T23:59:59Z", "T10:00+03:00", "T00:00-05:00",
                               "T23:30-05:00", "T00:30+01:00", "T25:00", "+14:00", " ", "z",
                               "T12:00:00.123456789Z"])),
    st.datetimes(timezones=st.timezones()).map(lambda t: t.isoformat()))
sizes = st.one_of(st.text(max_size=20),
                  st.builds("{}{}{}".format, numbers, st.sampled_from("xX×*, "), numbers))
bboxes = st.one_of(st.text(max_size=40),
                   st.lists(numbers, min_size=0, max_size=6).map(",".join))


def one_line_error(exc: ArgumentError, option: str) -> None:
    text = str(exc)
    assert text.startswith(f"{option}: ") and "\n" not in text and len(text) < 300, text


@PROPERTY
@given(text=date_like)
@example("9999-12-31T23:30-05:00")       # leaves the datetime range once in UTC
@example("0001-01-01T00:30+01:00")
def test_at_is_a_utc_time_or_a_clear_error(text):
    try:
        t = parse_at(text)
    except ArgumentError as exc:
        one_line_error(exc, "--at")
        return
    assert t.tzinfo is not None and t.utcoffset().total_seconds() == 0
    assert t.tzinfo == timezone.utc


@PROPERTY
@given(text=sizes)
def test_size_is_in_range_or_a_clear_error(text):
    try:
        w, h = parse_size(text)
    except ArgumentError as exc:
        one_line_error(exc, "--size")
        return
    assert 16 <= w <= MAX_SIDE and 16 <= h <= MAX_SIDE


@PROPERTY
@given(text=bboxes)
def test_bbox_is_a_real_box_or_a_clear_error(text):
    try:
        minx, miny, maxx, maxy = parse_bbox(text)
    except ArgumentError as exc:
        one_line_error(exc, "--bbox")
        return
    assert all(math.isfinite(v) for v in (minx, miny, maxx, maxy))
    assert -180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90


@pytest.fixture(scope="module")
def small_gpkg(tmp_path_factory):
    from factories import two_region_situation
    from viewer.io.situation_file import write_situation
    path = tmp_path_factory.mktemp("cli") / "two regions.gpkg"
    write_situation(two_region_situation(), path)
    return str(path)


small_sizes = st.one_of(sizes, st.builds("{}x{}".format, st.integers(1, 300),
                                         st.integers(1, 300)))
options = st.fixed_dictionaries({}, optional={
    "--at": date_like, "--size": small_sizes, "--bbox": bboxes, "--title": st.text(),
    "--highlight-days": numbers, "--json": st.just(None), "--nonsense": st.text()})


@CLI
@given(opts=options, suffix=st.sampled_from([".png", ".svg", ".pdf", ".jpg", ""]),
       equals=st.booleans())
def test_render_with_random_options_exits_0_or_2_with_one_line(small_gpkg, tmp_path, opts,
                                                               suffix, equals):
    argv = ["render", small_gpkg, "-o", str(tmp_path / f"out{suffix}")]
    if "--at" not in opts:
        argv += ["--at", "2025-06-10"]
    for name, value in opts.items():
        if value is None:
            argv.append(name)
        elif equals:
            argv.append(f"{name}={value}")
        else:
            argv += [name, value]
    status, _, stderr = run_cli(argv)
    outcome, detail = classify_exit(status, stderr, None)
    assert outcome != "failure", f"{argv!r}: {detail}"


def test_a_negative_longitude_needs_no_equals_sign(small_gpkg, tmp_path):
    status, _, stderr = run_cli(["render", small_gpkg, "--at", "2025-06-10", "--bbox",
                                 "-10,40,30,50", "-o", str(tmp_path / "m.png"),
                                 "--size", "64x48"])
    assert (status, stderr) == (0, "")


def test_an_argument_with_a_line_break_is_one_line(small_gpkg):
    status, _, stderr = run_cli(["info", small_gpkg, "--bogus\nsecond line"])
    assert status == 2 and stderr.count("\n") == 1 and "second line" in stderr


def test_a_file_name_with_a_line_break_is_one_line(tmp_path):
    path = tmp_path / "two\nlines.gpkg"
    path.write_bytes(b"not a situation")
    status, _, stderr = run_cli(["info", str(path)])
    assert status == 2 and stderr.count("\n") == 1, stderr
