"""The language the command line speaks: ``--lang uk|en`` where given, else the one the
system's locale asks for (LANG, LC_MESSAGES, LC_ALL), as the window does.

Our own words go through ``translate(context, text)`` here (the .qm the window loads,
read with QtCore alone and only for Ukrainian), so ``pyside6-lupdate``
collects them into resources/i18n/*.ts like the window's. argparse's own words ("usage:",
"the following arguments are required: %s", …) are looked up by argparse through
gettext's ``_``/``ngettext`` at the moment it writes them; ``speaking`` hands argparse
ours instead (context "argparse", viewer/cli/argparse_words.py) for the one command run.
"""

from __future__ import annotations

import argparse
import os
from contextlib import contextmanager

from viewer.model.messages import Message

LANG_FLAG = "--lang"
LANGUAGES = ("en", "uk")        # viewer/render/language.py's, without importing rendering
_current = [lambda context, text: text]
_lang = ["en"]


def translate(context: str, text: str) -> str:
    """``text`` in the language the command line speaks now."""
    return _current[0](context, text)


def current() -> str:
    """The language the command line speaks now: "en" or "uk"."""
    return _lang[0]


def number(value: float, decimals: int = 1) -> str:
    """``114,508.9`` / ``114 508,9`` (a non-breaking space between the groups), as QLocale
    writes it in that language."""
    if _lang[0] == LANGUAGES[0]:
        return f"{value:,.{decimals}f}"
    from PySide6.QtCore import QLocale
    return QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine).toString(
        float(value), "f", decimals)


def say(text: "Message | str") -> str:
    """A core ``Message`` (a reason, a note, a summary line) in that language; plain text
    (e.g. from a file) as it is."""
    return text.text(translate) if isinstance(text, Message) else str(text)


def asked_language(argv: list[str]) -> str:
    """``--lang X`` / ``--lang=X`` of ``argv`` when X is one we ship, else the system's.
    Read before argparse parses, since argparse's own messages come while it parses."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = (argv[i + 1] if word == LANG_FLAG and i + 1 < len(argv)
                 else word[len(LANG_FLAG) + 1:] if word.startswith(LANG_FLAG + "=") else None)
        if value in LANGUAGES:
            return value
    return environment_language()


def environment_language(environ=os.environ) -> str:
    """The shipped language the environment asks for, else English, read as Qt reads it
    on Unix (QLocale.system().uiLanguages(): LANGUAGE's list where set, else the first of
    LC_ALL, LC_MESSAGES, LANG), without loading Qt: an English command starts faster."""
    wanted = environ.get("LANGUAGE") or next(
        (environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    for name in wanted.split(":"):
        code = name.split(".")[0].split("@")[0].replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return LANGUAGES[0]


def translator(lang: str):
    """``translate(context, text)`` into ``lang`` from our .qm, without installing it (no
    application needed); English is the source and loads nothing."""
    if lang == LANGUAGES[0]:
        return lambda context, text: text
    from PySide6.QtCore import QTranslator
    from viewer.resources import translation_path
    loaded = QTranslator()
    if not loaded.load(translation_path(lang)):
        raise FileNotFoundError(f"translation {translation_path(lang)} not found")
    return lambda context, text: loaded.translate(context, text) or text


def _plural(single: str, plural: str, n: int) -> str:
    # argparse's two counted texts name one or several; our .ts has both as sources
    return translate("argparse", single if n == 1 else plural)


@contextmanager
def speaking(lang: str):
    """Our words and argparse's in ``lang`` until the block ends (a test may run
    several commands in one process, in different languages)."""
    before = _current[0], _lang[0], argparse._, argparse.ngettext
    _current[0], _lang[0] = translator(lang), lang
    argparse._ = lambda text: translate("argparse", text)
    argparse.ngettext = _plural
    try:
        yield
    finally:
        _current[0], _lang[0], argparse._, argparse.ngettext = before


def reason(exc: Exception) -> str:
    """What ``exc`` says, in the command line's language when it holds a core ``Message``
    (``parse_time``'s ValueError does)."""
    first = exc.args[0] if exc.args else None
    return say(first) if isinstance(first, Message) else str(exc)


def label(kind: str) -> str:
    """The word that opens a line on stderr: "error:", "warning:" or "note:"."""
    return {"error": translate("Cli", "error:"), "warning": translate("Cli", "warning:"),
            "note": translate("Cli", "note:")}[kind]


def try_help() -> str:
    return translate("Cli", "(try --help)")


def add_lang_option(parser) -> None:
    """``--lang uk|en`` on a command that only speaks (render has its own, for the map)."""
    parser.add_argument(LANG_FLAG, choices=LANGUAGES, default=None,
                        help=translate("CliHelp", "language of the messages (default: the "
                                       "system's, from LANG)"))
