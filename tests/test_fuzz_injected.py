"""The fuzzer sees bugs in our own code: with a bug planted in a reader (a function of
ours that raises KeyError, TypeError, ... as a typo would), a fuzz run of that reader's
target must report failures naming it, and no other failure.

Most planted functions sit where the readers used to turn such exceptions into a clean
"bad input" message (the per-feature try of GeoJSON, KML and Shapefile, the archive try
of KMZ, the whole-file try of the situation reader, the per-row try of the reports
table): against that code (commit fcbd4b0) these runs reported 0 failures for 8 of the
10 targets. One run of a few cases per target, in the usual worker processes (see
fuzz_harness.injected_bug).
"""

from __future__ import annotations

import pytest

from fuzz_harness import describe
from fuzz_targets import TARGETS
from fuzz_workers import run_cases

SEEDS = 6                       # cases per operator: enough for some to get past parsing
# target -> (module, function of ours, the exception it raises)
BUGS = {
    "geojson": ("viewer.io.foreign.geojson", "_positions", "KeyError"),
    "kml": ("viewer.io.foreign.kml", "_coords", "IndexError"),
    "kmz": ("viewer.io.foreign.kmz", "_choose_entry", "IndexError"),
    "shapefile": ("viewer.io.foreign.shp", "geometry", "KeyError"),
    "gpkg_features": ("viewer.io.foreign.gpkg_layers", "_decode", "AttributeError"),
    "reports_csv": ("viewer.io.foreign.reports_table", "_links", "ValueError"),
    "reports_json": ("viewer.io.foreign.reports_table", "_reliability", "KeyError"),
    "gpkg": ("viewer.io.situation_file.reader", "read_places", "KeyError"),
    "cli_info": ("viewer.io.situation_file.read_layers", "_history_parts", "KeyError"),
    "cli_import_geojson": ("viewer.io.foreign.geojson", "geometry", "TypeError"),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    segments = [(t, op, 0, SEEDS) for t in BUGS for op in TARGETS[t].operators]
    done = run_cases(segments, save_dir=tmp_path_factory.mktemp("failures"), timeout=5.0,
                     inject=BUGS)
    return {t: [r for r in done if r.target == t] for t in BUGS}


@pytest.mark.parametrize("target", sorted(BUGS))
def test_a_bug_planted_in_a_reader_is_a_fuzz_failure(results, target):
    _, function, error = BUGS[target]
    mine = results[target]
    assert len(mine) == SEEDS * len(TARGETS[target].operators)
    planted = [r for r in mine if r.outcome == "failure"
               and r.detail.startswith(f"{error}: ") and f"injected bug in {function}" in r.detail]
    assert planted, describe(mine, mine)
    other = [r for r in mine if r.outcome == "failure" and r not in planted]
    assert not other, describe(mine, other)
