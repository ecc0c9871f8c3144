"""Text from a file made safe to show: nothing in it can hide, reorder or break the
display around it, and nothing is interpreted (no markup, no escape sequences).

- C0 control characters (other than a line break where lines are kept) are shown as
  their Unicode control pictures (``\\x00`` -> ``␀``, ESC -> ``␛``), DEL as ``␡``;
- C1 control characters and the bidirectional embeddings, overrides and isolates
  (U+202A-U+202E, U+2066-U+2069), which could reorder the text around them, are shown
  as a visible ``[U+202E]``; right-to-left *letters* (Arabic, Hebrew) are untouched;
- lone surrogates and the non-characters U+FFFE/U+FFFF (invalid in XML, e.g. in SVG
  output) become U+FFFD;
- one-line text has all whitespace runs collapsed to one space;
- text longer than ``limit`` characters is cut and ends in ``…``.

The rules are the same everywhere text from a file is displayed or exported.
"""

from __future__ import annotations

import re

TITLE_LIMIT = 300         # a title, name or source on one line
LINE_LIMIT = 2000         # a line in a detail view
BLOCK_LIMIT = 20000       # a multi-line block (a report's summary)
ELLIPSIS = "…"

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff\ufffe\uffff]")
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff\ufffe\uffff]")


def _visible(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)          # control pictures: ␀ ␁ … ␟
    if code == 0x7F:
        return "\u2421"                    # ␡
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return f"[U+{code:04X}]"


def elide(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[:max(0, limit - 1)] + ELLIPSIS


def safe_line(text, limit: int | None = TITLE_LIMIT) -> str:
    """``text`` as one safe line of at most ``limit`` characters."""
    text = "" if text is None else str(text)
    if limit is not None and len(text) > 4 * limit:       # never scan a megabyte to show 300
        text = text[:4 * limit]
    # whitespace first (tabs, line breaks, NEL, U+2028 collapse to a space), then controls
    line = " ".join(text.split())
    return elide(_UNSAFE_ONE_LINE.sub(_visible, line), limit)


def safe_block(text, limit: int | None = BLOCK_LIMIT) -> str:
    """``text`` keeping its line breaks (``\\r\\n``, ``\\r`` become ``\\n``), safe, and
    at most ``limit`` characters."""
    text = "" if text is None else str(text)
    if limit is not None and len(text) > limit + 1:
        text = text[:limit + 1]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return elide(_UNSAFE.sub(_visible, text), limit)
