"""The Ukrainian name of a GeoNames place, picked from its alternate names.

GeoNames' alternate names mix Ukrainian and Russian spellings, current and former names
(Покровськ, Покровск, Красноармійськ for Pokrovsk). The English name of a Ukrainian place
is, as a rule, the national (2010, KMU resolution 55) transliteration of its current
Ukrainian name, so the Ukrainian name is the Cyrillic alternate whose transliteration
agrees with the English name. GeoNames' Ukrainian-tagged name (libgeonames-common's
catalogue, cities only) wins when it is one of those agreeing: it is often a former name
(Красноармійськ for Pokrovsk, Ровно for Rivne), which then doesn't agree. Where several
agree (Покровськ and Покровск both give
"Pokrovsk"), the one with the letters only Ukrainian has (і ї є ґ) wins, then the one
with the apostrophe or the soft sign before к that transliteration drops (Ukrainian
Куп'янськ against Russian Купянск) or at a word's end after д т з с ц л н (Умань,
Марганець against a stray Уман, Russian Марганец; never Russian Паволочь, Октябрь); names with what only Russian spelling has (ы э ъ ё,
a soft sign before a vowel: Купьянск, Запорожье) never do.

Many English names in GeoNames follow an older romanisation (Zaporizhzhya, Kryvyy Rih,
Mykolayiv: y for й, ya/yu/ye for я/ю/є), against which no transliteration agrees exactly.
When none agrees exactly, names agreeing once i, y and j are left out of both are taken
(Запоріжжя: "zaporzhzha" both ways; Russian Запорожье gives "zaporozhe"), and the English
name is then the national transliteration of the Ukrainian one. None agreeing: "".

The transliteration is translitua's UkrainianKMU table (a build dependency only).
"""

from __future__ import annotations

import re

from translitua import UkrainianKMU, translit

UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]|[ьЬ][яеюиаоуЯЕЮИАОУ]")
APOSTROPHES = set("'’ʼ")
SOFT_K = re.compile(r"[сзцСЗЦ][ьЬ][кК]")
SOFT_END = re.compile(r"[дтзсцлнДТЗСЦЛН][ьЬ](?=$|[ \-])")   # not after ч, р: Паволоч
CYRILLIC = re.compile(r"^[\u0400-\u04FF’ʼ' .\-]+$")


def latin_key(text: str, keep: str = "") -> str:
    """A name reduced for comparison: lower case ASCII letters (and ``keep``) only."""
    return re.sub(rf"[^a-z{keep}]", "", text.lower())


def kmu(text: str) -> str:
    """The national (2010) transliteration of Ukrainian ``text``."""
    return translit(text, UkrainianKMU)


def loose_key(text: str, keep: str = "") -> str:
    """``latin_key`` without i, y and j, where romanisations of й я ю є ї differ."""
    return re.sub(r"[iyj]", "", latin_key(text, keep))


def ukrainian_name(english: str, alternates: list[str], tagged: str = "") -> tuple[str, str]:
    """(Ukrainian name, English name): the alternate (or ``tagged``, GeoNames' name tagged
    Ukrainian, first) whose national transliteration agrees with ``english`` and
    ``english`` itself; failing that, one agreeing loosely and its transliteration;
    failing that ("", ``english``)."""
    candidates = [n for n in dict.fromkeys(alternates + [tagged] if tagged else alternates)
                  if CYRILLIC.match(n) and not RUSSIAN_ONLY.search(n)]
    for key, loose in ((latin_key, False), (loose_key, True)):
        want = key(english)
        agreeing = [n for n in candidates if want and key(kmu(n)) == want]
        if agreeing:
            spelled = key(english, r" \-")       # then: the same spaces and hyphens
            best = max(agreeing, key=lambda n: (
                n == tagged,
                bool(UKRAINIAN_ONLY & set(n)),
                bool(APOSTROPHES & set(n)) + bool(SOFT_K.search(n)) + bool(SOFT_END.search(n)),
                key(kmu(n), r" \-") == spelled))
            return best, kmu(best) if loose else english
    return "", english
