"""Paraphrase keys: what two wordings of one fact share, for alignment.

- **Synonyms**: each word of a set in ``data/synonyms.txt`` (general news usage: died/killed,
  bought/purchased, factory/plant, arrested/detained) stands for the set, by its first word's
  stem.
- **Number forms**: figures written in digits, with a scale or in words ("3,000", "3k",
  "three thousand", "Twenty-three", "fifteen hundred") read as one value, so the same figure
  meets itself whatever its form; the words of a number are no content words.

``terms(text)`` gives the content stems of a text with synonyms folded; ``numbers(text)`` the
values of its figures.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from .lexical import content_terms, stem
from .quantities import SCALES, WORD_NUMBERS

_UNITS = {w: v for w, v in WORD_NUMBERS.items() if " " not in w and v < 100}
_UNITS |= {"one": 1, "eleven": 11, "dozen": 12}
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_MULTIPLIERS)
_NUMBER_STEMS = frozenset(stem(w) for w in _NUMBER_WORDS) | {"twenti", "thirti", "forti"}
_DIGITS = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m|mn|bn|b|million|billion|thousand)?\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z]+")


@cache
def _synonyms() -> dict[str, str]:
    """Stem of each listed word → stem of the first word of its set."""
    text = (resources.files("factcheck") / "data" / "synonyms.txt").read_text(encoding="utf-8")
    keys: dict[str, str] = {}
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 2:
            continue
        head = stem(words[0].lower())
        for word in words:
            keys.setdefault(stem(word.lower()), head)
    return keys


def synonym(term: str) -> str:
    """The key of a content stem: its synonym set's, or itself."""
    return _synonyms().get(term, term)


# words the shared stopword list keeps that say nothing about which fact a sentence states
_VAGUE = frozenset(
    stem(w)
    for w in """many much several various either neither whether toward towards thing things
    way ways brand kind sort lot lots""".split()
)


@lru_cache(maxsize=50_000)
def terms(text: str) -> tuple[str, ...]:
    """Content stems of ``text``, synonyms folded, number words and vague words left out."""
    return tuple(
        synonym(t) for t in content_terms(text) if t not in _NUMBER_STEMS and t not in _VAGUE
    )


@lru_cache(maxsize=50_000)
def numbers(text: str) -> tuple[float, ...]:
    """Values of the figures in ``text``, in digits or in words (years included)."""
    values = []
    for match in _DIGITS.finditer(text):
        value = float(match.group(1).replace(",", ""))
        scale = (match.group(2) or "").lower()
        values.append(value * SCALES.get(scale, 1.0))
    values += _word_numbers(text)
    return tuple(values)


def _word_numbers(text: str) -> list[float]:
    """'Twenty-three' → 23, 'three thousand' → 3000, 'fifteen hundred' → 1500."""
    values, current, total = [], 0.0, 0.0
    for word in [*_WORDS.findall(text.lower()), ""]:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _MULTIPLIERS and (current or total):
            current = (current or 1) * _MULTIPLIERS[word]
            if _MULTIPLIERS[word] >= 1_000:
                total, current = total + current, 0.0
        elif word == "and" and (current or total):
            continue
        elif current or total:
            values.append(total + current)
            current, total = 0.0, 0.0
    return values
