"""The interface language: our translations and Qt's own, and dates and numbers as the
chosen language writes them (QLocale).

English is the language of the source; Ukrainian comes from
``resources/i18n/situation_viewer_uk.qm`` (built from the committed ``.ts`` by
packaging/build_translations.py) plus Qt's ``qtbase_uk.qm`` for the standard dialogs'
buttons. Only QtCore/QtGui are used, so a headless ``render --lang uk`` draws the same
Ukrainian legend as the window.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime,
                            QTimeZone, QTranslator)

from viewer.model.messages import Message, fill
from viewer.model.times import to_utc
from viewer.resources import translation_path

LANGUAGES = ("en", "uk")              # the languages we ship; the first is the source's
NATIVE_NAMES = {"en": "English", "uk": "Українська"}
LOCALES = {"en": "en_US", "uk": "uk_UA"}   # with our own "d MMMM yyyy": "13 June 2025"
NBSP = "\u00a0"
translate = QCoreApplication.translate

_installed: list[QTranslator] = []
_current = ["en"]
QLocale.setDefault(QLocale(LOCALES["en"]))   # English until a language is installed


def system_language() -> str:
    """The shipped language that the system's locale asks for, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return LANGUAGES[0]


def current_language() -> str:
    return _current[0]


def qm_path(lang: str) -> str:
    return translation_path(lang)


def install_language(lang: str) -> None:
    """Use ``lang`` ("en" or "uk") for every later ``tr``/``translate`` call and for
    QLocale's default. Needs a running Q(Gui)Application; English removes the
    translators. Text already shown is not redrawn (the window asks for a restart)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != LANGUAGES[0]:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for file, folder in ((f"qtbase_{lang}", qt_dir), (qm_path(lang), "")):
            translator = QTranslator(app)
            if not translator.load(file, folder):
                raise FileNotFoundError(f"translation {file} not found")
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(LOCALES[lang]))
    _current[0] = lang


@contextmanager
def using_language(lang: str):
    """``install_language(lang)`` until the block ends, then the language before it
    again (a headless render in a process that goes on: a test, a window's export)."""
    before = _current[0]
    install_language(lang)
    try:
        yield
    finally:
        install_language(before)


def _qdatetime(t: datetime) -> QDateTime:
    t = to_utc(t)
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second),
                     QTimeZone.utc())


def format_long_date(t: datetime) -> str:
    """``13 June 2025`` / ``13 червня 2025``, with ``, 14:30 UTC`` when not midnight."""
    qt = _qdatetime(t)
    text = QLocale().toString(qt.date(), "d MMMM yyyy")
    if qt.time() != QTime(0, 0):
        text += ", " + qt.time().toString("HH:mm") + " UTC"
    return text


def format_short_date(t: datetime, time: bool = True) -> str:
    """``13 Jun 2025`` / ``13 черв. 2025``, with `` 08:30 UTC`` when not midnight (and
    ``time``)."""
    qt = _qdatetime(t)
    text = QLocale().toString(qt.date(), "d MMM yyyy")
    if time and qt.time() != QTime(0, 0):
        text += " " + qt.time().toString("HH:mm") + " UTC"
    return text


def format_number(value: float, decimals: int = 1) -> str:
    """``114,508.9`` / ``114 508,9`` (the group separator a non-breaking space)."""
    return QLocale().toString(float(value), "f", decimals)


def format_km(value: float, decimals: int = 1) -> str:
    """``391.2 km`` / ``391,2 км``, joined by a non-breaking space."""
    return format_number(value, decimals) + NBSP + translate("Units", "km")


def format_km2(value: float, decimals: int = 1) -> str:
    """``114,508.9 km²`` / ``114 508,9 км²``, joined by a non-breaking space."""
    return format_number(value, decimals) + NBSP + translate("Units", "km²")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks ``text`` for the .ts without translating it (a table made at import time,
    before the language is installed); ``translate(context, text)`` where it is shown."""
    return text



def core_text(text: "Message | str") -> str:
    """A core ``Message`` in the interface language (viewer/model/messages.py); plain
    text (e.g. from a file) as it is."""
    return text.text(translate) if isinstance(text, Message) else text


__all__ = ["fill"]


def plural_form(n: int, lang: str | None = None) -> int:
    """Which of the three forms ("one", "few", "many") ``n`` takes in ``lang``: CLDR's
    rules for Ukrainian (1, 21 день; 2-4, 22 дні; 5-20, 25 днів), English's one/other."""
    lang = lang or current_language()
    if lang == "uk":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 2


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a counted text for ``n``, its ``%n`` replaced. Each form is its own
    ``translate(context, text, "one"|"few"|"many")`` at the call site (pyside6-lupdate
    collects no plural forms from Python), all three with the English plural as source."""
    return (one, few, many)[plural_form(n)].replace("%n", format_number(n, 0))


# Qt's own words that qtbase_uk.qm leaves in English: QMessageBox's and QDialogButtonBox's
# "OK" (Qt's Ukrainian catalogue keeps it as "OK"). Our translator is installed after
# Qt's, so Qt asks it first; its .ts entry says "Гаразд", as GNOME and KDE do.
QT_OWN_WORDS = (QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),)
