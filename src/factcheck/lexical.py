"""Lexical features of claims: content words, stemmed, for alignment and overlap scores."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .comparable import strip_invisible

STOPWORDS = frozenset(
    """a about above after again against all also am amid an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your said says told added according one two new last
    first year years time may might must shall us upon within without already among amongst
    another around however yet still even ever per via""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*")


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessives and invisible characters removed."""
    return [re.sub(r"['’]s$", "", w.lower()) for w in _WORD.findall(strip_invisible(text))]


@cache
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def content_terms(text: str) -> list[str]:
    """Stems of the content words of ``text``."""
    return list(_content_terms(text))


@lru_cache(maxsize=50_000)
def _content_terms(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in content_words(text))


@lru_cache(maxsize=50_000)
def content_words(text: str) -> tuple[str, ...]:
    """The content words of ``text``, lower-cased, hyphenated words split (stopwords, figures and
    words of one or two letters dropped)."""
    found = []
    for word in words(text):
        for part in word.split("-"):
            if len(part) > 2 and part not in STOPWORDS and not part[0].isdigit():
                found.append(part)
    return tuple(found)


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s content terms that ``b`` also has (0 when ``a`` has none)."""
    terms_a = set(content_terms(a))
    return len(terms_a & set(content_terms(b))) / len(terms_a) if terms_a else 0.0


_ENGLISH_MARKERS = frozenset(
    "the of and to in a is that for on was with as by at from has have are were said it its "
    "be this an which not but".split()
)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def looks_english(text: str, min_words: int = 8) -> bool:
    """A cheap guess: mostly Latin letters, and enough of the commonest English function words.
    Texts too short to tell count as English."""
    text = text[:4000]  # enough to tell, and bounded on long articles
    letters = _LETTER.findall(text)
    if not letters:
        return True
    ascii_share = sum(ch.isascii() for ch in letters) / len(letters)
    tokens = re.findall(r"[A-Za-z]+", text.lower())
    if ascii_share < 0.5:
        return False
    if len(tokens) < min_words:
        return True
    return sum(t in _ENGLISH_MARKERS for t in tokens) / len(tokens) >= 0.08
