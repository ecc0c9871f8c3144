"""Mutation operators for the fuzzer: each takes the bytes of a good file (or a copy of a
GeoPackage on disk) and a seeded ``random.Random``, and damages it one way.

Byte operators work on any file; page operators on SQLite files (they move whole
database pages); tree operators parse JSON or XML and damage one node. The GeoPackage
table operators are in fuzz_tables.py. Every operator is deterministic given its
``random.Random``.
"""

from __future__ import annotations

import json
import random
import re
import struct

# -- byte operators -------------------------------------------------------------------
INTERESTING = (b"\x00", b"\xff", b"\x7f", b"\x80", b"\x00\x00\x00\x00", b"\xff\xff\xff\xff",
               b"\x7f\xff\xff\xff", b"\x80\x00\x00\x00", b"\x00\x00\x00\x01",
               struct.pack("<d", float("nan")), struct.pack("<d", float("inf")),
               struct.pack("<d", 1e308), b"GP\x00\x03", b"\x01\x06\x00\x00\x00",
               b"SQLite format 3\x00", b"<", b"{", b'"', b"\\", b"PK\x03\x04")


def bit_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8, 32))):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    junk = rng.choice(INTERESTING) if rng.random() < 0.5 else rng.randbytes(rng.randint(1, 64))
    return data[:i] + junk + data[i:]


def delete_bytes(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, min(256, len(data) - i)):]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    a = rng.randrange(len(data))
    chunk = data[a:a + rng.randint(1, 4096)]
    i = rng.randrange(len(data) + 1)
    return data[:i] + chunk * rng.choice((1, 2, 16)) + data[i:]


def overwrite_interesting(data: bytes, rng: random.Random) -> bytes:
    value = rng.choice(INTERESTING)
    i = rng.randrange(max(1, len(data) - len(value)))
    return data[:i] + value + data[i + len(value):]


BYTE_OPERATORS = {f.__name__: f for f in (bit_flip, truncate, insert_bytes, delete_bytes,
                                          duplicate_chunk, overwrite_interesting)}


# -- SQLite page operators ------------------------------------------------------------
def _pages(data: bytes) -> tuple[int, int]:
    size = int.from_bytes(data[16:18], "big")
    size = 65536 if size == 1 else (size or 4096)
    return size, max(1, len(data) // size)


def swap_pages(data: bytes, rng: random.Random) -> bytes:
    size, n = _pages(data)
    if n < 2:
        return bit_flip(data, rng)
    a, b = rng.sample(range(n), 2)
    pages = [data[i * size:(i + 1) * size] for i in range(n)]
    pages[a], pages[b] = pages[b], pages[a]
    return b"".join(pages) + data[n * size:]


def clobber_page(data: bytes, rng: random.Random) -> bytes:
    """One page zeroed, filled with junk, or replaced by a copy of another page."""
    size, n = _pages(data)
    i = rng.randrange(n)
    how = rng.randrange(3)
    page = (bytes(size) if how == 0 else rng.randbytes(size) if how == 1
            else data[rng.randrange(n) * size:][:size])
    start = i * size if (i or rng.random() < 0.3) else 100     # keep the header mostly
    return data[:start] + page[:i * size + size - start] + data[i * size + size:]


def header_field(data: bytes, rng: random.Random) -> bytes:
    """A field of the 100-byte SQLite header set to an interesting value."""
    offset, width = rng.choice(((16, 2), (18, 1), (19, 1), (20, 1), (24, 4), (28, 4),
                                (32, 4), (36, 4), (40, 4), (44, 4), (48, 4), (52, 4),
                                (56, 4), (60, 4), (64, 4), (68, 4), (92, 4), (96, 4)))
    value = rng.choice((0, 1, 2, 3, 255, 512, 65535, 2 ** 31 - 1, 2 ** 32 - 1,
                        rng.randrange(2 ** (8 * width))))
    value %= 2 ** (8 * width)
    return data[:offset] + value.to_bytes(width, "big") + data[offset + width:]


PAGE_OPERATORS = {f.__name__: f for f in (swap_pages, clobber_page, header_field)}


# -- tree operators (JSON and XML text) -----------------------------------------------
def _nodes(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, path + (i,))


JSON_VALUES = (None, True, 0, -1, 1e308, 2 ** 70, "", "x" * 5000, [], {}, [[]], [1e999],
               {"type": "Polygon"}, {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
               {"type": "Point", "coordinates": [float("nan"), 0]},
               {"type": "GeometryCollection", "geometries": [None, {}]},
               {"type": "MultiPolygon", "coordinates": [[[[0, 0], [0, 1], [1, 1]]]]},
               [[[0, 0], [1e308, 1e308], [-1e308, 5], [0, 0]]], "\ud800", "<script>",
               {"crs": {"type": "name", "properties": {"name": "EPSG:3857"}}})


def json_tree(data: bytes, rng: random.Random) -> bytes:
    """One node of a JSON document replaced, deleted or nested deep."""
    try:
        doc = json.loads(data)
    except ValueError:
        return bit_flip(data, rng)
    paths = list(_nodes(doc))
    path = rng.choice(paths)
    how = rng.randrange(3)
    if not path:
        return json.dumps(rng.choice(JSON_VALUES)).encode()
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if how == 0:
        parent[path[-1]] = rng.choice(JSON_VALUES)
    elif how == 1:
        del parent[path[-1]]
    else:
        parent[path[-1]] = "__fuzz_deep__"
    text = json.dumps(doc, allow_nan=True, ensure_ascii=rng.random() < 0.5)
    depth = rng.choice((10, 100, 100_000))
    text = text.replace('"__fuzz_deep__"', "[" * depth + "0" + "]" * depth)
    return text.encode("utf-8", "surrogatepass")


# -- XML (KML) -------------------------------------------------------------------------
XML_ATTACKS = (
    # entity expansion ("billion laughs"), external entities, external DTD, XInclude
    '<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>',
    '<!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE kml SYSTEM "http://example.org/kml.dtd">',
    '<!DOCTYPE kml [<!ENTITY % p SYSTEM "http://example.org/p.dtd"> %p;]>',
)
XML_TEXTS = ("", " ", "x" * 100_000, "&x;", "&g;", "<![CDATA[<b>]]>", "\u202e", "1e999,1e999",
             "0,0 0,0 0,0", "nan,nan", "30,48 31,48 31,49 30,48", "30,48,0,7,8 31", "-,-",
             "2025-13-45", "9999-12-31T23:59:59-05:00", "javascript:alert(1)",
             "<xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='/etc/passwd'/>")


def xml_tree(data: bytes, rng: random.Random) -> bytes:
    """An element's text replaced, an element removed or repeated, a hostile DOCTYPE put
    in front, or elements nested deep."""
    text = data.decode("utf-8")
    how = rng.randrange(5)
    if how == 0:
        body = text.split("?>", 1)[-1] if text.startswith("<?xml") else text
        return (XML_ATTACKS[rng.randrange(len(XML_ATTACKS))] + body.replace(
            "<name>", "<name>" + rng.choice(("&x;", "&g;", "")), 1)).encode()
    tags = [t for t in ("coordinates", "name", "Placemark", "Folder", "Polygon", "when",
                        "begin", "end", "Data", "value", "outerBoundaryIs", "Point")
            if f"<{t}" in text]
    tag = rng.choice(tags)
    i = rng.choice([m.start() for m in re.finditer(f"<{tag}[ >/]", text)])
    end = text.find(f"</{tag}>", i)
    end = len(text) if end < 0 else end + len(f"</{tag}>")
    element = text[i:end]
    if how == 1:
        close = element.find(">") + 1
        new = element[:close] + rng.choice(XML_TEXTS) + f"</{tag}>"
    elif how == 2:
        new = ""
    elif how == 3:
        new = element * rng.choice((2, 50, 5000))
    else:
        depth = rng.choice((50, 5000, 200_000))
        new = f"<{tag}>" * depth + element + f"</{tag}>" * depth
    return (text[:i] + new + text[end:]).encode()
