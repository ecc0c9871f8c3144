"""Which report links may be opened, and how a link is shown.

Only an ``http`` or ``https`` URL with a host, written without spaces, control or
bidirectional characters, is ever opened, and only by the user's click on "Open link".
Anything else (``javascript:``, ``file:``, ``data:``, a relative or malformed link) is shown
as plain text with a note and may be copied, never opened.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl

from viewer.model.text import LINE_LIMIT, safe_line
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate

WEB_SCHEMES = ("http", "https")
NOT_OPENABLE = QT_TRANSLATE_NOOP("Reports", "not a web link: only http and https links can be "
                                            "opened")


def openable(url: str) -> bool:
    """True for a well-formed http(s) URL with a host that is shown exactly as opened."""
    if not url or len(url) > LINE_LIMIT or safe_line(url, None) != url or " " in url:
        return False
    parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
    return (parsed.isValid() and parsed.scheme().lower() in WEB_SCHEMES
            and bool(parsed.host()))


def link_text(url: str) -> str:
    """The link as shown in the detail pane (plain, one line, bounded)."""
    return safe_line(url, LINE_LIMIT)


def link_line(url: str) -> str:
    """The detail pane's line about the link."""
    if not url:
        return translate("Reports", "No link.")
    if openable(url):
        return fill(translate("Reports", "Link: %1"), url)
    return fill(translate("Reports", "Link (%1): %2"), translate("Reports", NOT_OPENABLE),
                link_text(url))

