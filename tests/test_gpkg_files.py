"""The situation file on disk: reading changes nothing, saving is atomic, and bad input
gives one SituationError line that names the file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import re
import warnings
from pathlib import Path

import pytest

from test_gpkg_roundtrip import sample_situation
from viewer.io.situation_file import writer as gpkg_writer
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import Situation, SituationMeta

REPO = Path(__file__).resolve().parents[1]
FORMAT_DOC = REPO / "docs" / "situation-format.md"


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "south.gpkg"
    write_situation(sample_situation(), path)
    return path


def _snapshot(path: Path):
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def _edit(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()


# -- reading changes nothing -----------------------------------------------------------
def test_reading_leaves_file_and_directory_untouched(saved):
    """Also with the directory and file made read-only. Tests run as root, for whom the
    permissions themselves are not enforced, so what is checked is that the bytes, the
    mtime and the directory listing (no journal, -wal or -shm) stay the same."""
    before = _snapshot(saved)
    saved.chmod(0o444)
    saved.parent.chmod(0o555)
    try:
        assert read_situation(saved).meta.title == "South, June 2025"
        assert _snapshot(saved) == before
    finally:
        saved.parent.chmod(0o755)


def test_reading_a_wal_mode_file_creates_no_side_files(saved):
    """A file last saved in WAL mode (as QGIS leaves them) would get -wal and -shm files
    from a plain read-only open; with no -wal (no writer) it is opened immutable, which
    creates none."""
    conn = sqlite3.connect(saved)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    conn.close()
    before = _snapshot(saved)
    assert len(read_situation(saved).layers) == 2
    assert _snapshot(saved) == before


_WAL_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA wal_autocheckpoint=0")        # keep the change in the -wal
conn.execute("UPDATE situation_meta SET value = 'edited' WHERE key = 'title'")
print("committed", flush=True)
if sys.argv[2] == "die":
    os._exit(0)                                     # as if killed: the -wal stays behind
sys.stdin.readline()                                # a live writer until told to stop
"""


def _wal_writer(path: Path, how: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _WAL_WRITER, str(path), how],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "committed\n"
    return proc


def _side_files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p != path}


def test_a_live_writers_wal_is_read_through_not_created_or_changed(saved):
    """QGIS keeps the file open in WAL mode: its committed edit is in the -wal, which the
    read uses (through the writer's -shm) without creating or removing a file."""
    writer = _wal_writer(saved, "live")
    try:
        before = sorted(os.listdir(saved.parent))
        assert {"south.gpkg-wal", "south.gpkg-shm"} <= set(before)
        notices: list[str] = []
        assert read_situation(saved, notices).meta.title == "edited"
        assert notices == []
        assert sorted(os.listdir(saved.parent)) == before
    finally:
        writer.communicate("stop\n", timeout=30)


def test_a_wal_left_by_a_dead_writer_is_read_from_a_private_copy(saved):
    """No process holds the file: its -wal is applied to a private copy, with a notice;
    the file, the -wal and the -shm stay byte for byte as they were."""
    _wal_writer(saved, "die").communicate(timeout=30)
    before = _snapshot(saved), _side_files(saved)
    assert "south.gpkg-wal" in before[1] and len(before[1]["south.gpkg-wal"]) > 0
    notices: list[str] = []
    assert read_situation(saved, notices).meta.title == "edited"
    assert (_snapshot(saved), _side_files(saved)) == before
    notices = [str(n) for n in notices]
    assert len(notices) == 1 and notices[0].startswith(f"{saved}: its south.gpkg-wal holds")
    assert "private copy" in notices[0] and "\n" not in notices[0]


# -- saving is atomic ------------------------------------------------------------------
def _no_temp_files(directory: Path) -> bool:
    return [p.name for p in directory.iterdir()] == ["south.gpkg"]


def test_failure_at_replace_keeps_old_file_and_removes_temp(saved, monkeypatch):
    old = saved.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(gpkg_writer.os, "replace", refuse)
    with pytest.raises(SituationError, match="can't write: Permission denied") as err:
        write_situation(Situation(SituationMeta(title="new")), saved)
    assert str(err.value).startswith(str(saved))
    assert saved.read_bytes() == old
    assert _no_temp_files(saved.parent)


@pytest.mark.parametrize("error", [sqlite3.OperationalError("disk I/O error"),
                                   KeyboardInterrupt()])
def test_failure_mid_write_keeps_old_file_and_removes_temp(saved, monkeypatch, error):
    old = saved.read_bytes()
    calls = []
    real_insert = gpkg_writer._insert

    def failing_insert(conn, name, rows):
        calls.append(name)
        if len(calls) == 3:
            raise error
        real_insert(conn, name, rows)

    monkeypatch.setattr(gpkg_writer, "_insert", failing_insert)
    expected = SituationError if isinstance(error, Exception) else KeyboardInterrupt
    with pytest.raises(expected):
        write_situation(Situation(SituationMeta(title="new")), saved)
    assert saved.read_bytes() == old
    assert _no_temp_files(saved.parent)


def test_a_crash_mid_save_leaves_the_old_file_readable(saved):
    """A process killed while writing (no cleanup at all) leaves the target intact."""
    old = saved.read_bytes()
    script = (
        "import os, sys\n"
        "from viewer.io.situation_file import writer as gpkg_writer\n"
        "from viewer.model import Situation, SituationMeta\n"
        "real = gpkg_writer._insert\n"
        "def dying(conn, name, rows):\n"
        "    real(conn, name, rows)\n"
        "    if name == 'layer_pieces':\n"
        "        os._exit(3)\n"
        "gpkg_writer._insert = dying\n"
        "gpkg_writer.write_situation(Situation(SituationMeta(title='new')), sys.argv[1])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(saved)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    assert saved.read_bytes() == old
    assert read_situation(saved).meta.title == "South, June 2025"


def test_new_files_get_ordinary_permissions_and_old_ones_keep_theirs(tmp_path):
    fresh = tmp_path / "fresh.gpkg"
    write_situation(Situation(), fresh)
    umask = os.umask(0o022)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    fresh.chmod(0o600)
    write_situation(Situation(), fresh)
    assert fresh.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("make_target", [
    lambda d: d / "missing-dir" / "s.gpkg",
    lambda d: (d / "a-directory").mkdir() or d / "a-directory",
])
def test_unwritable_target_gives_situation_error(tmp_path, make_target):
    target = make_target(tmp_path)
    with pytest.raises(SituationError, match="can't write") as err:
        write_situation(Situation(), target)
    assert str(err.value).startswith(str(target))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_saving_through_a_symlink_replaces_the_linked_file(saved):
    link = saved.parent / "link.gpkg"
    link.symlink_to(saved.name)
    write_situation(Situation(SituationMeta(title="via link")), link)
    assert link.is_symlink()
    assert read_situation(saved).meta.title == "via link"


def test_odd_file_names_and_relative_paths(tmp_path, monkeypatch):
    odd = tmp_path / "a #1?%20 ü&mode=rw.gpkg"
    write_situation(sample_situation(), odd)
    assert read_situation(odd).meta.title == "South, June 2025"
    monkeypatch.chdir(tmp_path)
    assert len(read_situation(odd.name).layers) == 2
    with pytest.raises(SituationError) as err:
        read_situation("nope.gpkg")
    assert str(err.value) == "nope.gpkg: no such file"


# -- bad input -------------------------------------------------------------------------
def _truncate(path: Path, keep) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: keep(len(data))])
    return path


def _scribble(path: Path) -> Path:
    """Overwrite the pages after the schema with a repeating non-SQLite pattern."""
    data = bytearray(path.read_bytes())
    data[8192:-4096] = (b"\xde\xad\xbe\xef" * len(data))[: len(data) - 8192 - 4096]
    path.write_bytes(bytes(data))
    return path


def _replace(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _plain_sqlite(path: Path, with_contents: bool) -> Path:
    path.unlink()
    _edit(path, "CREATE TABLE gpkg_contents (table_name TEXT)" if with_contents
          else "CREATE TABLE things (x)")
    return path


BAD_FILES = {
    "missing": (lambda p: p.with_name("nowhere.gpkg"), "no such file"),
    "directory": (lambda p: p.parent, "is a directory"),
    "text file": (lambda p: _replace(p, b"region,name\n"), "not an SQLite database"),
    "empty file": (lambda p: _replace(p, b""), "not an SQLite database"),
    "plain sqlite": (lambda p: _plain_sqlite(p, False), "no gpkg_contents"),
    "other geopackage": (lambda p: _plain_sqlite(p, True), "not a situation file"),
    "view, not table": (lambda p: _edit(p, "DROP TABLE situation_meta",
                                        "CREATE VIEW situation_meta AS SELECT 1 AS fid, "
                                        "'format_version' AS key, '1.0' AS value") or p,
                        "not a situation file"),
    "newer format": (lambda p: _edit(p, "UPDATE situation_meta SET value = '2.1' "
                                        "WHERE key = 'format_version'") or p, "newer"),
    "bad format": (lambda p: _edit(p, "UPDATE situation_meta SET value = 'x' "
                                      "WHERE key = 'format_version'") or p, "format_version"),
    "truncated half": (lambda p: _truncate(p, lambda n: n // 2), "truncated"),
    "truncated header": (lambda p: _truncate(p, lambda n: 60), "truncated"),
    "corrupt pages": (_scribble, ""),
    "bad state time": (lambda p: _edit(p, "UPDATE layer_states SET at = '2025-13-45' "
                                          "WHERE fid = 2") or p, "layer_states, fid 2"),
    "bad piece time": (lambda p: _edit(p, "UPDATE layer_pieces SET valid_to = 'soon' "
                                          "WHERE fid = 1") or p, "valid_to"),
    "bad source grade": (lambda p: _edit(p, "UPDATE reports SET source_grade = 'Z' "
                                            "WHERE report_id = 'r1'") or p, "A-F"),
    "bad info grade": (lambda p: _edit(p, "UPDATE reports SET info_grade = 9 "
                                          "WHERE report_id = 'r2'") or p, "1-6"),
    "bad published": (lambda p: _edit(p, "UPDATE reports SET published = ''") or p,
                      "published"),
    "bad link role": (lambda p: _edit(p, "UPDATE report_links SET role = 'likes'") or p,
                      "role"),
    "bad change part": (lambda p: _edit(p, "UPDATE changes SET part = 'both' WHERE fid = 1") or p, "part"),
    "not a blob header": (lambda p: _edit(p, "UPDATE layer_pieces SET geom = x'00112233445566"
                                             "778899' WHERE fid = 3") or p,
                          "layer_pieces, fid 3: bad geometry"),
    "bad wkb after header": (lambda p: _edit(p, "UPDATE regions SET geom = x'4750000"
                                                "1e610000001060000' WHERE fid = 1") or p,
                             "regions, fid 1: bad geometry"),
    "text geometry": (lambda p: _edit(p, "UPDATE places SET geom = 'POINT(1 2)'") or p,
                      "bad geometry"),
    "bad names json": (lambda p: _edit(p, "UPDATE regions SET names_json = '{oops'") or p,
                       "names_json"),
    "unknown layer": (lambda p: _edit(p, "DELETE FROM layers WHERE layer_id = 'claimed'") or p,
                      "'claimed'"),
    "missing column": (lambda p: _edit(p, "ALTER TABLE reports DROP COLUMN url") or p, "url"),
    "wrong srs": (lambda p: _edit(p, "UPDATE gpkg_geometry_columns SET srs_id = 0 "
                                     "WHERE table_name = 'places'") or p, "srs_id 0"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_input_gives_one_line_naming_the_file(saved, case):
    make, expected = BAD_FILES[case]
    path = make(saved)
    with pytest.raises(SituationError) as err:
        read_situation(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert expected in message


# -- the documented format -------------------------------------------------------------
def test_the_hand_written_example_in_the_format_doc_reads(tmp_path):
    """docs/situation-format.md shows how to write a file with sqlite3 alone; it must work
    for the viewer and for GDAL."""
    sql = re.search(r"```sql\n(.*?)```", FORMAT_DOC.read_text(encoding="utf-8"), re.S).group(1)
    path = tmp_path / "hand.gpkg"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(sql)
    conn.close()
    situation = read_situation(path)
    assert situation.meta.title == "By hand" and situation.meta.attributions == ["me"]
    history = situation.layer("control").history
    assert [t.isoformat() for t in history.times] == ["2025-06-01T00:00:00+00:00"]
    assert history.state_at(history.times[0]).bounds == (35.0, 47.0, 36.0, 48.0)
    pyogrio = pytest.importorskip("pyogrio")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        listed = dict(pyogrio.list_layers(path))
    assert listed["layer_pieces"] == "MultiPolygon"
    assert [str(w.message) for w in caught] == []
