"""Paraphrase keys: what two wordings of one fact share, for alignment.

- **Synonyms and word forms**: each content word stands for its concept in the project's
  lexicon (``lexicon.concept``: base form, one spelling for British and American forms, stem,
  then synonym group or place), so "the plant will shut" and "the factory closes" share their
  predicate, and "bought" meets "purchased".
- **Number forms**: figures written in digits, with a scale or in words ("3,000", "3k",
  "three thousand", "Twenty-three", "fifteen hundred") read as one value, so the same figure
  meets itself whatever its form; the words of a number are no content words.

``terms(text)`` gives the concepts of a text's content words; ``numbers(text)`` the values of
its figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexical import content_words, stem
from .lexicon import concept
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


# words the shared stopword list keeps that say nothing about which fact a sentence states
_VAGUE = frozenset(
    stem(w)
    for w in """many much several various either neither whether toward towards thing things
    way ways brand kind sort lot lots""".split()
)


@lru_cache(maxsize=50_000)
def terms(text: str) -> tuple[str, ...]:
    """Concepts of the content words of ``text``, number words and vague words left out."""
    return tuple(
        concept(word)
        for word in content_words(text)
        if stem(word) not in _NUMBER_STEMS and stem(word) not in _VAGUE
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
