"""Lexicon: which words report the same thing, which report the opposite, and which hedge.

Each word is reduced to a *concept*: British and American spellings to one form ("organise",
"colour", "centre", "programme": ``word_spelling.spelling_key``, ``spellings.txt``), irregular
forms to their base ("went" → go, ``forms.txt``), the base to its stem, and the stem to its
synonym group (``synonyms.txt``) or its place (``demonyms.txt``: "UK" → britain, "Briton" →
the British).
Two words with one concept are forgiven when a claim is compared with its source, and give
claims one key when they are aligned (``paraphrase.terms``); two concepts listed in
``antonyms.txt`` reverse what a sentence reports. The data files are the project's own, small
and general (news wording), and tested in ``tests/test_lexicon.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .lexical import stem
from .word_spelling import spelling_key

NEGATORS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't nowhere".split()
)
HEDGES = frozenset(
    """may might could possibly perhaps reportedly allegedly apparently likely unlikely probably
    suspected alleged believed expected plans planned planning proposed considering would
    rumoured rumored seems appears suggests suggested potential potentially unconfirmed
    purportedly supposedly thought feared""".split()
)
DISPUTES = frozenset(
    """hoax fake false untrue debunked debunk myth satire satirical fabricated bogus denied
    denies deny rumour rumor""".split()
)
COMMON = 1000  # occurrences added to every word's count: rare words differ, common ones less
PRONOUNS = frozenset("he she they him her his hers their them it its".split())


@dataclass(frozen=True)
class Lexicon:
    """The loaded data: base forms, concept groups, opposite pairs and multi-word places."""

    bases: dict[str, str]
    groups: dict[str, str]
    opposites: frozenset[frozenset[str]]
    phrases: frozenset[tuple[str, str]]


@cache
def lexicon() -> Lexicon:
    bases = {form: line[0] for line in _lines("forms.txt") for form in line[1:]}
    groups: dict[str, str] = {}
    for line in _lines("synonyms.txt"):
        head = _root(line[0], bases)
        for word in line:
            groups[_root(word, bases)] = "~" + head
    phrases = set()
    for line in _lines("demonyms.txt"):
        place = line[0]
        names, people = line, []
        if ":" in line:
            names, people = line[: line.index(":")], line[line.index(":") + 1 :]
        phrases.update(tuple(name.split("_", 1)) for name in names if "_" in name)
        for word in names:
            groups[_root(word, bases)] = "@" + place
        for word in people:
            groups[_root(word, bases)] = f"@{place}:people"
    opposites = set()
    for line in _lines("antonyms.txt"):
        a, b = (groups.get(_root(w, bases), _root(w, bases)) for w in line[:2])
        opposites.add(frozenset((a, b)))
    return Lexicon(bases, groups, frozenset(opposites), frozenset(phrases))


def _lines(name: str) -> list[list[str]]:
    path = resources.files("factcheck").joinpath(f"data/lexicon/{name}")
    rows = (line.split("#", 1)[0].split() for line in path.read_text("utf-8").splitlines())
    return [row for row in rows if row]


def _root(word: str, bases: dict[str, str]) -> str:
    word = spelling_key(word.lower())
    return stem(bases.get(word, word))


@lru_cache(maxsize=100_000)
def concept(word: str) -> str:
    """The concept of a lower-case word: base form, stem, then synonym group or place."""
    table = lexicon()
    root = _root(word, table.bases)
    return table.groups.get(root, root)


def opposite(a: str, b: str) -> bool:
    """Whether two concepts report opposite things ('rose' / 'fell', 'won' / 'lost')."""
    return frozenset((a, b)) in lexicon().opposites


def join_phrases(tokens: list[str]) -> list[str]:
    """Multi-word places as one token: ['united', 'states'] → ['united_states']."""
    phrases = lexicon().phrases
    out: list[str] = []
    for token in tokens:
        if out and (out[-1], token) in phrases:
            out[-1] = f"{out[-1]}_{token}"
        else:
            out.append(token)
    return out


@lru_cache(maxsize=100_000)
def rarity(word: str) -> float:
    """How rare a lower-case word is in English text: the log of the inverse of its smoothed
    frequency in the spelling checker's word list (about 3 for 'the', 7 for 'said', 12 for
    'stadium', 14 for a name or a word the list lacks). A rare word a source lacks is
    more likely an invented detail than a common one ('said', 'new', 'people')."""
    counts = _frequencies()
    return math.log(counts.total_words / (counts[word] + COMMON))


@cache
def _frequencies():
    from spellchecker import SpellChecker  # its English word list with counts

    return SpellChecker(language="en", distance=1).word_frequency
