"""GeoPackage table operators for the fuzzer: they open a copy of a situation file with
``sqlite3`` and swap, drop, duplicate or overwrite tables, rows and cells, as a careless
tool or a hostile hand might (constraints are removed first where they would stop it).
"""

from __future__ import annotations

import random
import sqlite3
import struct

def _tables(conn: sqlite3.Connection) -> list[str]:
    """Stored tables, not SQLite's own nor virtual tables (an R-tree) and their shadows."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table' AND "
                        "name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    virtual = [n for n, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    return [n for n, _ in rows if not any(n == v or n.startswith(v + "_") for v in virtual)]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _unconstrained(conn: sqlite3.Connection, table: str) -> None:
    """Recreate ``table`` without NOT NULL / UNIQUE / type constraints (as a careless
    tool might write it) so any value or duplicate row can go in."""
    cols = ", ".join(f'"{c}"' for c in _columns(conn, table))
    conn.execute(f'CREATE TABLE "_fuzz_tmp" AS SELECT {cols} FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "_fuzz_tmp" RENAME TO "{table}"')


def hostile_value(rng: random.Random):
    return rng.choice((
        None, "", 0, -1, 2 ** 63 - 1, -2 ** 63, 1e308, -1e308, float("inf"), 0.5,
        "x" * rng.choice((1, 1000, 200_000)), "\x00\x01\x1b[2J", "\u202e\u2066<b>x</b>",
        "<script>alert(1)</script>", "javascript:alert(1)", "{}", "[]", "[", '{"en": 5}',
        '["a", 1]', "[1e999, 0, 1, 2]", "null", "nan", "1e999", "-0", "0001-01-01",
        "9999-12-31T23:59:59-05:00", "0000-00-00", "2025-06-13T08:00:00+03:00",
        "2025-02-30", "10000-01-01", "Z", "A", "Q", "7", "claims", "gain", "region",
        "context", "#zzzzzz", "#ffffff", "1.0", "2.0", "99.0", "1.", "control",
        b"", b"GP", b"GP\x00\x01\xe6\x10\x00\x00\x01\x01\x00\x00\x00",
        b"GP\x00\x03\xe6\x10\x00\x00" + bytes(32) + b"\x01\x06\x00\x00\x00\xff\xff\xff\x7f",
        b"GP\x00\x01\xe6\x10\x00\x00\x01\x01\x00\x00\x00" + struct.pack("<2d", 1e308, -1e308),
        rng.randbytes(rng.randint(1, 100)), "\ud800".encode("utf-8", "surrogatepass"),
    ))


def _random_row(conn, table, rng):
    row = conn.execute(f'SELECT rowid FROM "{table}" ORDER BY random() LIMIT 1').fetchone()
    return None if row is None else row[0]


def corrupt_cell(conn: sqlite3.Connection, rng: random.Random) -> None:
    table = rng.choice(_tables(conn))
    rowid = _random_row(conn, table, rng)
    if rowid is None:
        return
    _unconstrained(conn, table)
    column = rng.choice(_columns(conn, table))
    conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?',
                 (hostile_value(rng), rowid))


def swap_table_names(conn: sqlite3.Connection, rng: random.Random) -> None:
    a, b = rng.sample(_tables(conn), 2)
    conn.execute(f'ALTER TABLE "{a}" RENAME TO "_fuzz_swap"')
    conn.execute(f'ALTER TABLE "{b}" RENAME TO "{a}"')
    conn.execute(f'ALTER TABLE "_fuzz_swap" RENAME TO "{b}"')


def swap_rows(conn: sqlite3.Connection, rng: random.Random) -> None:
    """Two rows of one table exchange one column, or a row of another table is copied
    in column by column."""
    tables = _tables(conn)
    table = rng.choice(tables)
    _unconstrained(conn, table)
    cols = _columns(conn, table)
    rows = conn.execute(f'SELECT rowid FROM "{table}" ORDER BY random() LIMIT 2').fetchall()
    if rng.random() < 0.5 and len(rows) == 2:
        col = rng.choice(cols)
        (a,), (b,) = rows
        va = conn.execute(f'SELECT "{col}" FROM "{table}" WHERE rowid=?', (a,)).fetchone()[0]
        vb = conn.execute(f'SELECT "{col}" FROM "{table}" WHERE rowid=?', (b,)).fetchone()[0]
        conn.execute(f'UPDATE "{table}" SET "{col}"=? WHERE rowid=?', (vb, a))
        conn.execute(f'UPDATE "{table}" SET "{col}"=? WHERE rowid=?', (va, b))
        return
    other = rng.choice(tables)
    row = conn.execute(f'SELECT * FROM "{other}" ORDER BY random() LIMIT 1').fetchone()
    if row is None:
        return
    values = (list(row) + [None] * len(cols))[:len(cols)]
    conn.execute(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(cols))})', values)


def duplicate_rows(conn: sqlite3.Connection, rng: random.Random) -> None:
    """A row copied (ids and all) within its table, as a tool without UNIQUE would."""
    table = rng.choice(_tables(conn))
    _unconstrained(conn, table)
    cols = ", ".join(f'"{c}"' for c in _columns(conn, table))
    conn.execute(f'INSERT INTO "{table}" SELECT {cols} FROM "{table}" '
                 f'ORDER BY random() LIMIT {rng.choice((1, 1, 3))}')


def delete_rows(conn: sqlite3.Connection, rng: random.Random) -> None:
    table = rng.choice(_tables(conn))
    conn.execute(f'DELETE FROM "{table}" WHERE rowid IN (SELECT rowid FROM "{table}" '
                 f'ORDER BY random() LIMIT {rng.choice((1, 2, 1000))})')


def drop_or_hide(conn: sqlite3.Connection, rng: random.Random) -> None:
    """A table dropped, a column dropped, or a table replaced by a view of the same name."""
    table = rng.choice(_tables(conn))
    how = rng.randrange(3)
    if how == 0:
        conn.execute(f'DROP TABLE "{table}"')
    elif how == 1:
        _unconstrained(conn, table)
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{rng.choice(_columns(conn, table))}"')
    else:
        _unconstrained(conn, table)
        conn.execute(f'ALTER TABLE "{table}" RENAME TO "_fuzz_hidden"')
        conn.execute(f'CREATE VIEW "{table}" AS SELECT * FROM "_fuzz_hidden"')


TABLE_OPERATORS = {f.__name__: f for f in (corrupt_cell, swap_table_names, swap_rows,
                                           duplicate_rows, delete_rows, drop_or_hide)}


def mutate_database(path: str, operator: str, rng: random.Random) -> None:
    """Apply table operator ``operator`` to the SQLite file at ``path`` in place."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA legacy_alter_table = ON")   # GDAL's triggers may name the
        conn.execute("BEGIN")                             # tables an operator renames
        # ORDER BY random() must follow our seed: register a seeded random()
        conn.create_function("random", 0, lambda: rng.randrange(-2 ** 62, 2 ** 62),
                             deterministic=False)
        TABLE_OPERATORS[operator](conn, rng)
        conn.execute("COMMIT")
    finally:
        conn.close()
