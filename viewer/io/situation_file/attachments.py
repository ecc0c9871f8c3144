"""Reading the offline source copies (table report_attachments): their text columns are
checked as every other table's, the data must be a blob of at most MAX_BYTES (its size is
asked of SQLite before a byte is read), and its content must be the media type it claims
(viewer.model.attachment.media_type), so a file can't pass HTML off as an image."""

from __future__ import annotations

import sqlite3

from viewer.io.errors import UnusablePart, reason
from viewer.io.situation_file.fields import _no_blobs, missing_columns, text
from viewer.model.attachment import MAX_BYTES, MB, Attachment, media_type

TABLE = "report_attachments"


def read_attachments(conn: sqlite3.Connection, tables: set[str]) -> list[Attachment]:
    if TABLE not in tables:
        return []
    missing = missing_columns(conn, TABLE, ("fid", "report_id", "name", "media_type", "data"))
    if missing:
        raise UnusablePart(f"table {TABLE}", f"has no column {', '.join(missing)}")
    _no_blobs(conn, TABLE, ("fid", "report_id", "name", "media_type"))
    rows = conn.execute(f'SELECT fid, report_id, name, media_type, typeof(data), '
                        f'length(data) FROM "{TABLE}" ORDER BY fid').fetchall()
    out = []
    for fid, rid, name, kind, stored, size in rows:
        where = f"table {TABLE}, fid {fid}"
        if stored != "blob":
            raise UnusablePart(where, f"data: {stored} where the copy's bytes were expected")
        if size > MAX_BYTES:
            raise UnusablePart(where, f"data: {size / MB:.1f} MB, more than the "
                               f"{MAX_BYTES // MB} MB a source copy may hold")
        (data,) = conn.execute(f'SELECT data FROM "{TABLE}" WHERE fid = ?', (fid,)).fetchone()
        found = media_type(text(name), data)
        if found != text(kind):
            raise UnusablePart(where, f"data: not {text(kind)[:40]!r} (its bytes are "
                               f"{found or 'of no kind the viewer keeps'})")
        try:
            out.append(Attachment(text(rid), text(name), text(kind), bytes(data)))
        except ValueError as exc:           # the model's own checks
            raise UnusablePart(where, reason(exc)) from None
    return out
