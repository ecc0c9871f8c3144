"""An import holds Python's cyclic collector while it runs (viewer.model.collector_pause:
a full collection walked its objects for 100-440 ms with the GIL held), and gives it back
when it ends, when it fails too; a collector already held stays held."""

from __future__ import annotations

import gc
import json

import pytest

from viewer.importing import to_file
from viewer.importing.pipeline import ImportOptions
from viewer.io.errors import SituationError


def _geojson(tmp_path, features):
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


SQUARE = {"type": "Feature", "properties": {"date": "2025-06-13"}, "geometry": {
    "type": "Polygon", "coordinates": [[[36, 48], [36.1, 48], [36.1, 48.1], [36, 48]]]}}


def test_the_collector_is_held_while_importing_and_given_back(tmp_path, monkeypatch,
                                                              collecting):
    seen = []
    run = to_file.run_import
    monkeypatch.setattr(to_file, "run_import",
                        lambda *a, **k: seen.append(gc.isenabled()) or run(*a, **k))
    report = to_file.import_to_file(ImportOptions([str(_geojson(tmp_path, [SQUARE]))]),
                                    str(tmp_path / "out.gpkg"))
    assert seen == [False] and gc.isenabled()
    assert report.result.situation.layers


def test_a_failed_import_gives_the_collector_back(tmp_path, collecting):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json")
    with pytest.raises(SituationError):
        to_file.import_to_file(ImportOptions([str(bad)]), str(tmp_path / "out.gpkg"))
    assert gc.isenabled()


def test_a_collector_held_before_stays_held(tmp_path, collecting):
    gc.disable()
    to_file.import_to_file(ImportOptions([str(_geojson(tmp_path, [SQUARE]))]),
                           str(tmp_path / "out.gpkg"))
    assert not gc.isenabled()
