"""Decode a JSON object member by member, handing the items of one array member to a
callback as each is decoded, so a FeatureCollection of 10⁵ features is never held as one
document of Python lists and dicts (that took 7 times the file's size).

Python's own decoder (json.JSONDecoder.raw_decode, the C scanner) decodes every value;
only the object's braces, keys, colons and commas are read here. Anything this does not
read as a plain object with that array member (a syntax error, a repeated key, a BOM,
text that is not UTF-8) gives None: the caller then decodes the text whole with
json.loads, whose error says what is wrong, exactly as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.decoder import WHITESPACE, scanstring
from typing import Any

_ws = WHITESPACE.match


def stream_object(data: bytes | str, member: str, on_item: Callable[[Any], None],
                  parse_constant: Callable[[str], Any] | None = None) -> dict | None:
    """The members of the JSON object ``data`` but ``member``, whose array items are
    given to ``on_item`` in order instead; None if ``data`` is not such an object (then
    items may have been given already: the caller discards what it collected)."""
    text = _text(data)
    if text is None:
        return None
    decoder = json.JSONDecoder(parse_constant=parse_constant)
    try:
        return _members(text, member, on_item, decoder)
    except (json.JSONDecodeError, RecursionError):      # raised by the C scanner
        return None


def _text(data: bytes | str) -> str | None:
    if isinstance(data, str):
        text = data
    else:
        try:            # as json.loads decodes bytes
            text = data.decode(json.detect_encoding(data), "surrogatepass")
        except UnicodeDecodeError:
            return None
    return None if text.startswith("\ufeff") else text


def _members(text: str, member: str, on_item, decoder: json.JSONDecoder) -> dict | None:
    i = _ws(text, 0).end()
    if text[i:i + 1] != "{":
        return None
    i = _ws(text, i + 1).end()
    members: dict[str, Any] = {}
    streamed = False
    while True:
        if text[i:i + 1] != '"':
            return None
        key, i = scanstring(text, i + 1)
        if key in members or (key == member and streamed):
            return None                  # json.loads keeps the last: let it decide
        i = _ws(text, i).end()
        if text[i:i + 1] != ":":
            return None
        i = _ws(text, i + 1).end()
        if key == member and text[i:i + 1] == "[":
            i = _items(text, i, on_item, decoder)
            if i is None:
                return None
            streamed = True
        else:
            members[key], i = decoder.raw_decode(text, i)
        i = _ws(text, i).end()
        if text[i:i + 1] == ",":
            i = _ws(text, i + 1).end()
            continue
        if text[i:i + 1] != "}" or _ws(text, i + 1).end() != len(text):
            return None
        return members if streamed else None


def _items(text: str, i: int, on_item, decoder: json.JSONDecoder) -> int | None:
    """The array at ``text[i]`` item by item; the index after its ``]``, or None."""
    i = _ws(text, i + 1).end()
    if text[i:i + 1] == "]":
        return i + 1
    while True:
        item, i = decoder.raw_decode(text, i)
        on_item(item)
        i = _ws(text, i).end()
        if text[i:i + 1] == ",":
            i = _ws(text, i + 1).end()
            continue
        return i + 1 if text[i:i + 1] == "]" else None
