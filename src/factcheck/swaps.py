"""Swaps: a sentence that another source states almost word for word, with a word swapped for
a synonym or a small word left out, is the mark of a spun or machine-translated copy.

``Cluster(articles, derived).assess(sentence, article_id)`` adds such marks to the sentence's
own wording marks (``wording.assess``). Which of two near-identical sentences is the copy: the
one ``derived_from`` the other; failing that, for a swapped word, the one whose word fewer of
the cluster's articles use (a spinner's synonym is rarer in the story's coverage than the word
it replaced), then the one whose own wording scores worse; a left-out small word marks the
sentence that lacks it. Differences in
numbers, names or spelling ("defence"/"defense") are facts or variants, never swaps.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from .choose import ancestors
from .models import Article
from .segment import segment
from .wording import FUNCTION_WORDS, Mark, Wording, assess, combine

SWAP_WEIGHT = 0.45
DROP_WEIGHT = 0.4
MIN_SIMILARITY = 0.7  # share of tokens two sentences have in common, in order
MIN_SHARED = 6
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*")
_SMALL_DROPS = frozenset(["the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by"])


class Cluster:
    """The articles of one story, for judging a sentence's wording against the others."""

    def __init__(self, articles: dict[str, str], derived: dict[str, str] | None = None):
        self.articles = articles
        self.derived = derived or {}
        self._sentences = {aid: _sentences(text) for aid, text in articles.items()}
        self._sets = {
            text: {w.lower() for w in tokens}
            for sentences in self._sentences.values()
            for text, tokens in sentences
        }
        self._scores: dict[str, float] = {}
        self._usage = Counter(w for text in articles.values() for w in set(_words(text)))

    def assess(self, sentence: str, article_id: str) -> Wording:
        """The sentence's own marks plus those from near-identical sentences elsewhere."""
        own = assess(sentence, self.articles.get(article_id))
        return combine(own.marks + tuple(self.swap_marks(sentence, article_id)))

    def swap_marks(self, sentence: str, article_id: str) -> list[Mark]:
        mine = _tokens(sentence)
        words = {w.lower() for w in mine}
        marks: list[Mark] = []
        for other_id, sentences in self._sentences.items():
            if other_id == article_id:
                continue
            for other_text, other in sentences:
                if len(words & self._sets[other_text]) < MIN_SHARED:
                    continue  # too few words in common to be a near-identical sentence
                for mine_word, their_word in differences(mine, other):
                    cleaner = self._score(other_text) < self._score(sentence)
                    mark = self._judge(mine_word, their_word, article_id, other_id, cleaner)
                    if mark is not None:
                        marks.append(mark)
        return _unique(marks)

    def _score(self, text: str) -> float:
        if text not in self._scores:
            self._scores[text] = assess(text).score
        return self._scores[text]

    def _judge(
        self, mine: str, theirs: str, article_id: str, other_id: str, other_cleaner: bool
    ) -> Mark | None:
        """A mark when this sentence is the copy: derived from the other's article, or using
        the word fewer of the story's articles use, or (a tie) worded less cleanly."""
        if article_id in ancestors(other_id, self.derived):
            return None  # the other sentence is the copy
        copy = other_id in ancestors(article_id, self.derived)
        if not mine:  # a word the other source has and this one lacks
            return Mark("swap", theirs, DROP_WEIGHT, f"leaves out '{theirs}' (another source)")
        if not theirs:
            return None
        usage = self._usage[theirs.lower()] - self._usage[mine.lower()]
        if copy or usage > 0 or (usage == 0 and other_cleaner):
            return Mark("swap", mine, SWAP_WEIGHT, f"'{mine}' where another source has '{theirs}'")
        return None


def differences(mine: list[str], theirs: list[str]) -> list[tuple[str, str]]:
    """Single-word swaps and left-out small words between two near-identical token lists:
    ``(mine, theirs)``, with ``""`` for a word one side lacks; ``[]`` unless near-identical."""
    if not mine or not theirs or len(set(mine) & set(theirs)) < MIN_SHARED:
        return []
    matcher = SequenceMatcher(None, [w.lower() for w in mine], [w.lower() for w in theirs])
    if matcher.quick_ratio() < MIN_SIMILARITY or matcher.ratio() < MIN_SIMILARITY:
        return []
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = " ".join(mine[i1:i2]), " ".join(theirs[j1:j2])
        if op == "replace" and i2 - i1 <= 2 and j2 - j1 <= 2 and _synonym_like(a, b):
            found.append((a, b))
        elif op == "delete" and a.lower() in _SMALL_DROPS:
            found.append((a, ""))
        elif op == "insert" and b.lower() in _SMALL_DROPS:
            found.append(("", b))
    return found


def _synonym_like(a: str, b: str) -> bool:
    """Two stretches that could be one word swapped for another: lower-case words, not
    numbers or names, and not spelling variants of each other."""
    if any(ch.isdigit() for ch in a + b) or not (a.islower() and b.islower()):
        return False
    if a in FUNCTION_WORDS and b in FUNCTION_WORDS:
        return False
    return SequenceMatcher(None, a, b).ratio() < 0.75


def _sentences(text: str) -> list[tuple[str, list[str]]]:
    article = Article(id="cluster", source="cluster", text=text)
    return [
        (s.text, _tokens(s.text)) for s in segment(article) if not s.heading and not s.furniture
    ]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text) if not w[0].isdigit()]


def _unique(marks: list[Mark]) -> list[Mark]:
    return list({(m.signal, m.text, m.reason): m for m in marks}.values())
