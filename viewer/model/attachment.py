"""An offline copy of a report's source (a PDF, an image, a saved HTML page or a text
file), kept inside the situation file so it can be read where no link can be opened.

The kind is found from the bytes, never from the name alone: a PDF starts ``%PDF-``, an
image with the PNG, JPEG, GIF or WebP signature; anything else must be UTF-8 text, HTML
when its name ends .htm/.html or it starts with a tag. HTML is only ever shown as the
plain text of its body (html_text), never rendered. At most MAX_BYTES each.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass

MB = 1024 * 1024
MAX_BYTES = 20 * MB
PDF, IMAGE, HTML, TEXT = "application/pdf", "image", "text/html", "text/plain"
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg",
                    b"GIF87a": "image/gif", b"GIF89a": "image/gif"}
MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
               "text/html", "text/plain")


@dataclass(frozen=True)
class Attachment:
    report_id: str
    name: str
    media_type: str
    data: bytes

    def __post_init__(self) -> None:
        if self.media_type not in MEDIA_TYPES:
            raise ValueError(f"media type must be one of {', '.join(MEDIA_TYPES)}, got "
                             f"{self.media_type!r}")
        if len(self.data) > MAX_BYTES:
            raise ValueError(f"a source copy may be at most {MAX_BYTES // MB} MB, got "
                             f"{len(self.data) / MB:.1f} MB")

    @property
    def kind(self) -> str:
        return IMAGE if self.media_type.startswith("image/") else self.media_type


def media_type(name: str, data: bytes) -> str | None:
    """The media type of ``data`` by its content (None: none we keep)."""
    if data.startswith(b"%PDF-"):
        return PDF
    for signature, kind in IMAGE_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    head = text.lstrip()[:200].lower()
    if name.lower().endswith((".htm", ".html")) or head.startswith(("<!doctype html", "<html")):
        return HTML
    return TEXT


class _Text(html.parser.HTMLParser):
    SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
    BREAK = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
             "article", "blockquote", "pre", "table", "ul", "ol", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BREAK:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    """The readable text of a saved HTML page: tags, scripts and styles dropped,
    character references decoded, blank runs folded. Plain text, to show as such."""
    parser = _Text()
    parser.feed(data.decode("utf-8-sig", errors="replace"))
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()
