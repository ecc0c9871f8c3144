"""GeoPackage blobs parsed in chunks of so many blobs and bytes (blob.decode: one shapely
call holds the GIL) give what one call over them all gives, in order, NULLs and skipped
blobs in their places."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, box

from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.geopackage import wkb as gpkg_wkb


def _areas() -> list:
    disc = shapely.Point(33, 48).buffer(0.5, 200)           # a blob of some 13 kB
    small = [MultiPolygon([box(30 + i * 0.1, 45, 30.05 + i * 0.1, 45.05)]) for i in range(9)]
    return [*small[:4], MultiPolygon([disc]), *small[4:], MultiPolygon([disc, box(35, 49, 36, 50)])]


@pytest.mark.parametrize("chunk, size", [(1024, 1 << 20), (3, 1 << 20), (1024, 300), (2, 1)])
def test_chunks_give_the_geometries_of_one_parse(monkeypatch, chunk, size):
    blobs = gpkg_blob.encode(_areas())
    blobs.insert(3, None)
    skip = np.zeros(len(blobs), dtype=bool)
    skip[6] = True
    whole = shapely.from_wkb(np.array([None if b is None else b[gpkg_blob.header_length(b):]
                                       for b in blobs], dtype=object))
    whole[6] = None
    monkeypatch.setattr(gpkg_blob, "PARSE_CHUNK", chunk)
    monkeypatch.setattr(gpkg_blob, "PARSE_BYTES", size)
    got = gpkg_blob.decode(blobs, gpkg_wkb.AREAS, skip)
    assert len(got) == len(blobs) and got[3] is None and got[6] is None
    assert shapely.to_wkb(got).tolist() == shapely.to_wkb(whole).tolist()


def test_the_gil_is_passed_on_after_each_chunk(monkeypatch):
    """A thread waiting for the GIL (the GUI's) gets it between two parses: each chunk's
    parse is followed by a pass, before the next chunk is parsed (viewer.model.gil)."""
    parsed, passes = [], []
    parse = shapely.from_wkb
    monkeypatch.setattr(gpkg_blob.shapely, "from_wkb",
                        lambda wkb: parsed.append(len(wkb)) or parse(wkb))
    monkeypatch.setattr(gpkg_blob, "pass_gil", lambda: passes.append(len(parsed)))
    monkeypatch.setattr(gpkg_blob, "PARSE_CHUNK", 3)
    got = gpkg_blob.decode(gpkg_blob.encode(_areas()), gpkg_wkb.AREAS)
    assert len(got) == 11 and parsed == [3, 3, 3, 2]
    assert passes == [1, 2, 3, 4]
