"""Reading files that QGIS and GDAL share with us: consistent while another program
commits, never hanging on a FIFO, tolerant of QGIS edits, and pointing foreign files to
``import``."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from test_gpkg_files import saved  # noqa: F401 - the fixture
from viewer.io.situation_file import read_situation

READS = 200


def _listing(path: Path):
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


# -- one read transaction ----------------------------------------------------------------
def test_a_writer_committing_in_place_never_tears_a_read(saved):
    """A writer (DELETE journal, a commit every 0-50 ms, as QGIS editing does) sets the
    title and a report's summary to the same number in each commit; every read sees the
    two equal, however the commits fall between the tables it reads."""
    stop, commits, errors = threading.Event(), [0], []
    rng = random.Random(10)

    def write() -> None:
        conn = sqlite3.connect(saved, isolation_level=None, timeout=30)
        try:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            while not stop.is_set():
                n = commits[0] + 1
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE situation_meta SET value = ? WHERE key = 'title'",
                             (f"v{n}",))
                conn.execute("UPDATE reports SET summary = ? WHERE report_id = 'r1'",
                             (f"v{n}",))
                conn.execute("COMMIT")
                commits[0] = n
                stop.wait(rng.uniform(0, 0.05))          # the writer's own pace
        except BaseException as exc:                     # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            conn.close()

    thread = threading.Thread(target=write)
    thread.start()
    seen, torn = set(), 0
    try:
        for _ in range(READS):
            situation = read_situation(saved)
            summary = next(r.summary for r in situation.reports if r.id == "r1")
            first = (situation.meta.title, summary) == ("South, June 2025",
                                                         "Advance south of the river")
            torn += situation.meta.title != summary and not first
            seen.add(situation.meta.title)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert errors == []
    assert torn == 0
    assert commits[0] >= 5 and len(seen) >= 5, (commits, len(seen))   # reads met commits


# -- never hang, never change ------------------------------------------------------------
@pytest.mark.parametrize("command", ["info", "render", "import", "window"])
def test_a_fifo_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "f.gpkg"
    os.mkfifo(fifo)
    args = {"info": ["info", str(fifo)],
            "render": ["render", str(fifo), "--at", "2025-06-01", "-o",
                       str(tmp_path / "m.png")],
            "import": ["import", str(fifo), "-o", str(tmp_path / "o.gpkg")],
            "window": [str(fifo)]}[command]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True,
                          text=True, timeout=60, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().endswith(f"{fifo}: is not a regular file")
    assert len(done.stderr.splitlines()) == 1


def test_reading_from_a_read_only_folder_changes_nothing(saved):
    """Root ignores permissions, so what is checked is the effect: the bytes, the mtime and
    the folder listing are unchanged and no -journal, -wal or -shm appears."""
    before = _listing(saved)
    saved.chmod(0o444)
    saved.parent.chmod(0o555)
    try:
        for _ in range(3):
            assert read_situation(saved).meta.title == "South, June 2025"
        assert _listing(saved) == before
    finally:
        saved.parent.chmod(0o755)


# -- tolerant of QGIS edits --------------------------------------------------------------
def test_a_piece_added_at_another_time_makes_that_time_a_state(saved):
    """QGIS adds a piece valid from 06:00 on 2 June, not one of the layer's state times:
    the file opens, that time is a state showing the piece, and a notice names the fid."""
    conn = sqlite3.connect(saved)
    with conn:
        geom, = conn.execute("SELECT geom FROM layer_pieces WHERE layer_id = 'claimed' "
                             "ORDER BY fid LIMIT 1").fetchone()
        conn.execute("INSERT INTO layer_pieces (geom, layer_id, valid_from, valid_to) "
                     "VALUES (?, 'claimed', '2025-06-03T06:00:00Z', "
                     "'2025-06-04T00:00:00.000Z')", (geom,))
        fid = conn.execute("SELECT max(fid) FROM layer_pieces").fetchone()[0]
    conn.close()
    notices: list[str] = []
    situation = read_situation(saved, notices)
    history = situation.layer("claimed").history
    from viewer.model import parse_time
    added = parse_time("2025-06-03T06:00Z")
    assert added in history.times
    assert len(history.pieces_at(added)) == len(history.pieces_at(parse_time("2025-06-03"))) + 1
    assert [str(n) for n in notices] == [
        f"layer 'claimed': piece fid {fid} starts at 2025-06-03T06:00:00Z, "
        "which was not one of its state times; made a state"]


# -- foreign files name the way in -------------------------------------------------------
def _foreign_geojson(tmp_path: Path) -> Path:
    path = tmp_path / "areas.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}')
    return path


@pytest.mark.parametrize("kind", ["geojson", "gpkg"])
def test_info_on_a_foreign_file_names_the_import_command(tmp_path, kind, capsys):
    from viewer.cli.main import main
    if kind == "geojson":
        path = _foreign_geojson(tmp_path)
    else:
        path = tmp_path / "generic.gpkg"
        write_generic_gpkg(path)
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.endswith(f"{path}: {'is a GeoPackage but ' if kind == 'gpkg' else ''}"
                        f"not a situation file; make one with: situation-viewer import "
                        f"{path} -o OUT.gpkg\n")


def write_generic_gpkg(path: Path) -> None:
    """A GeoPackage as GDAL writes one (pyogrio), with one polygon layer."""
    import numpy as np
    import pyogrio
    import shapely
    geometry = shapely.to_wkb(np.array([shapely.box(30, 46, 31, 47)]))
    pyogrio.raw.write(str(path), geometry=geometry, field_data=[np.array(["a"])],
                      fields=["name"], layer="areas", driver="GPKG", geometry_type="Polygon",
                      crs="EPSG:4326")
