"""The settlement status log on the real corpus: for 20 named settlements near the front,
the first date each fell inside DeepStateMap's area (by more than the 250 m tolerance)
equals the first date computed here by point-in-polygon on the raw snapshot files.

The settlements are the import's own built-in places (GeoNames), each found by its
name next to the coordinates typed here (several towns share a name); the status log
is computed for all of the import's places, as the window and ``settlements`` do. The expected dates
come from shapely's point-in-polygon and the distance to the snapshot's boundary in UTM
zone 37N (pyproj), never from our code. The import drops re-digitising slivers (under
10 m wide) and our tolerance disk is a 32-gon, so a date may differ only where the raw
distance to the boundary lies within ``SLACK_M`` of the tolerance."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from test_import_corpus import imported  # noqa: F401 (the module's import)
from viewer.analysis.settlement_status import PLACE_TOLERANCE_M, SettlementStatus

SLACK_M = 15.0
SETTLEMENTS = {      # name: (lat, lon)
    "Pokrovsk": (48.2820, 37.1760), "Myrnohrad": (48.3022, 37.2625),
    "Selydove": (48.1470, 37.3006), "Ukrainsk": (48.0990, 37.3653),
    "Kurakhove": (47.9855, 37.2781), "Vuhledar": (47.7808, 37.2489),
    "Toretsk": (48.3978, 37.8467), "Chasiv Yar": (48.5866, 37.8354),
    "Novohrodivka": (48.2066, 37.3483), "Hirnyk": (48.0500, 37.3706),
    "Velyka Novosilka": (47.8436, 36.8383), "Mezhova": (48.2537, 36.7372),
    "Siversk": (48.8677, 38.1004), "Kupiansk": (49.7103, 37.6156),
    "Kostiantynivka": (48.5277, 37.7069), "Rodynske": (48.3531, 37.2103),
    "Huliaipole": (47.6628, 36.2590), "Vovchansk": (50.2909, 36.9410),
    "Dobropillia": (48.4668, 37.0850), "Kramatorsk": (48.7389, 37.5848),
}


@pytest.fixture(scope="module")
def situation(imported):
    """The import with the issue's command line (test_import_corpus's own fixture)."""
    return imported["situation"]


def named(situation) -> list[int]:
    """The index of each settlement among the situation's places: the place of its name
    nearest the typed coordinates, within about 5 km."""
    out = []
    for name, (lat, lon) in SETTLEMENTS.items():
        found = sorted((abs(p.lat - lat) + abs(p.lon - lon), i)
                       for i, p in enumerate(situation.places) if p.name == name)
        assert found and found[0][0] < 0.07, f"{name}: no place of that name nearby"
        out.append(found[0][1])
    return out


def raw_distances(deepstate_states, places):
    """(dates, inside, metres to the boundary): per snapshot and settlement."""
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32637", always_xy=True)
    lon, lat = np.array([p.lon for p in places]), np.array([p.lat for p in places])
    px, py = utm.transform(lon, lat)
    points = shapely.points(px, py)
    dates, inside, metres = [], [], []
    for t, geom in deepstate_states:
        near = shapely.clip_by_rect(geom, lon.min() - 0.2, lat.min() - 0.2,
                                    lon.max() + 0.2, lat.max() + 0.2)
        projected = shapely.transform(near, lambda c: np.column_stack(
            utm.transform(c[:, 0], c[:, 1])))
        shapely.prepare(projected)
        dates.append(t)
        inside.append(shapely.contains(projected, points))
        metres.append(shapely.distance(projected.boundary, points))
    return dates, np.array(inside), np.array(metres)


def test_first_dates_inside_match_the_raw_snapshots(situation, deepstate_states):
    assert len(situation.places) > 5000                 # the built-in settlements
    index = named(situation)
    ours = SettlementStatus(situation).measure_all()
    layer = situation.layers[0].id
    first = [ours.first_inside(layer)[i] for i in index]
    dates, inside, metres = raw_distances(deepstate_states,
                                          [situation.places[i] for i in index])
    deep = inside & (metres > PLACE_TOLERANCE_M)
    fell = [name for name, hit in zip(SETTLEMENTS, deep.any(axis=0)) if hit]
    assert len(fell) >= 10                      # most of them fell within the corpus
    last = len(dates) - 1
    for j, name in enumerate(SETTLEMENTS):
        want = dates[int(np.argmax(deep[:, j]))] if deep[:, j].any() else None
        if first[j] == want:
            continue
        # only a boundary within the slack of the tolerance may move the date
        ks = sorted(last if t is None else dates.index(t) for t in (want, first[j]))
        between = metres[ks[0]:ks[1] + 1, j]
        assert np.any(np.abs(between - PLACE_TOLERANCE_M) < SLACK_M), \
            f"{name}: ours {first[j]}, the snapshots {want}"


DONE_MEANS = {"Pokrovsk": "Donetsk Oblast", "Chasiv Yar": "Donetsk Oblast",
              "Mezhova": "Dnipropetrovsk Oblast"}     # Mezhova lies across the oblast border


def cli_rows(path, region: str) -> dict[str, dict]:
    """``settlements FILE --region REGION --csv`` as the user runs it, by place id."""
    import contextlib
    import csv
    import io

    from viewer.cli.main import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["settlements", str(path), "--region", region, "--csv"]) == 0
    return {row["place_id"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}


def test_the_settlements_panel_and_the_cli_give_the_same_dates(imported, situation, qtbot,
                                                               monkeypatch, tmp_path,
                                                               deepstate_states):
    """The issue's "done means": the panel at the end of the data and ``settlements
    --region ... --csv`` print the same status, first date inside, since and changes for
    Pokrovsk, Chasiv Yar and Mezhova; Mezhova, never inside in the raw snapshots (point
    in polygon here), reads "never to 31 Dec 2025" in both, not a blank."""
    from datetime import datetime

    from ui_helpers import isolate_settings, open_window
    from viewer.ui.qt_utils import format_day
    from viewer.ui.settlements_model import CHANGES, FIRST_INSIDE, NAME, SINCE, STATUS
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, situation, size=(1500, 950))
    w.cursor_model.set_time(situation.end)
    w.analytics.dock.raise_()
    panel = w.analytics.panel
    qtbot.waitUntil(lambda: panel.analytics is not None, timeout=60000)
    last_day = format_day(situation.end)
    index = dict(zip(SETTLEMENTS, named(situation)))
    _, inside, metres = raw_distances(deepstate_states, [situation.places[index["Mezhova"]]])
    assert not (inside & (metres > PLACE_TOLERANCE_M)).any()   # never inside, in the raw data

    def day(iso: str) -> str:
        return format_day(datetime.fromisoformat(iso.replace("Z", "+00:00")))

    printed: dict[str, dict[str, dict]] = {}          # the CLI's rows, once per region
    for name, region in DONE_MEANS.items():
        place = situation.places[index[name]]
        panel.region_box.setCurrentIndex(panel.region_box.findText(region))
        rows = panel.table.model()
        shown = [r for r in range(rows.rowCount())
                 if panel.model.status.places[panel.model.place_index(
                     rows.mapToSource(rows.index(r, 0)).row())] is place]
        assert len(shown) == 1, name
        text = {c: rows.index(shown[0], c).data() for c in (NAME, STATUS, FIRST_INSIDE, SINCE,
                                                            CHANGES)}
        if region not in printed:
            printed[region] = cli_rows(imported["out"], region)
        cli = printed[region][place.id]
        assert text[NAME] == cli["name"] == name
        assert text[STATUS] == cli["status"]
        assert text[SINCE] == day(cli["since"])
        assert text[CHANGES] == cli["status_changes"]
        if name == "Mezhova":
            assert cli["first_inside"] == f"never to {cli['through']}"
            assert text[FIRST_INSIDE] == f"never to {last_day}" == "never to 31 Dec 2025"
            assert text[STATUS] == "outside"
        else:
            assert text[FIRST_INSIDE] == day(cli["first_inside"])
            assert text[STATUS] == "inside"
    w.close()
