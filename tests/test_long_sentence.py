"""A sentence that runs for pages: the brief's main-clause cuts and the judge's titles beside a
name read a bounded stretch, and give what a reading of the whole text gives."""

from __future__ import annotations

import random

import pytest

from factcheck import judge
from factcheck.main_clauses import MAX_HEAD, main_clauses

NAMES = ["Ilse Marwick", "Tomas Brenner", "Ada Quill"]
TITLES = ["mayor", "harbour master", "chief executive", "senator", "coach"]
FILLER = "the ferry costs rose again, while crews waited, as the council met".split()


def _sentence(words: int, seed: int) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(words):
        pick = rng.random()
        if pick < 0.05:
            out.append(rng.choice(NAMES) + ",")
        elif pick < 0.1:
            out.append(rng.choice(TITLES))
        else:
            out.append(rng.choice(FILLER))
    return " ".join(out)


def test_main_clauses_of_an_endless_sentence_are_short_ones():
    text = _sentence(40_000, 1)
    found = main_clauses(text)
    assert found and all(len(head) <= MAX_HEAD + 1 for head in found)
    assert all(text.startswith(head[:-1]) for head in found)


def _beside_whole(title: str, text: str, names: list[str]) -> bool:
    """The reading of the whole text the bounded one must agree with."""
    return any(p.search(text) for n in names for p in judge.beside_patterns(title, n))


@pytest.mark.parametrize("seed", range(20))
def test_a_title_beside_a_name_is_found_as_in_the_whole_text(seed):
    text = _sentence(random.Random(seed).randint(5, 3000), seed)
    for title in TITLES:
        for name in NAMES:
            assert judge._beside(title, text, [name]) == _beside_whole(title, text, [name])
