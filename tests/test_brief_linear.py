"""The brief's repeat check stays linear in one long article: a fact a single source states is
compared with the facts kept before it, and no more than ``MAX_SINGLE`` of them are kept, so
eight times the text costs about eight times the comparisons, never sixty-four. Counted, not
timed: the count does not depend on the machine's load."""

from __future__ import annotations

import random

import pytest

from factcheck import brief, facts
from factcheck.pipeline import check_texts

SYLLABLES = "ka lo mir sen tu vo rah bel dun fis gor hap jel nim pos qua".split()


def paragraph(size: int, seed: int = 3) -> str:
    """``size`` characters of invented sentences on one line, each a different fact with a
    figure (few share their content words, so few are repeats of another)."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(3))

    parts, total = [], 0
    while total < size:
        sentence = (
            f"The {word()} {word()} bought {rng.randint(2, 999)} {word()} {word()}s for the "
            f"{word()} {word()} on Friday."
        )
        parts.append(sentence)
        total += len(sentence) + 1
    return " ".join(parts)


def _comparisons(size: int, monkeypatch) -> int:
    calls = 0
    real = facts.repeats

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(facts, "repeats", counted)
    report = check_texts([paragraph(size)])
    assert report.brief is not None
    return calls


def test_repeat_checks_grow_linearly_with_one_long_article(monkeypatch):
    small, large = (_comparisons(size, monkeypatch) for size in (12_000, 96_000))
    assert small > 0
    assert large < 24 * small  # quadratic would be about 64 times


@pytest.mark.parametrize("cap", [3, 10])
def test_no_more_single_source_facts_are_kept_than_the_cap(cap, monkeypatch):
    monkeypatch.setattr(facts, "MAX_SINGLE", cap)
    kept = []
    real = facts.stated_facts

    def recorded(*args, **kwargs):
        kept.extend(real(*args, **kwargs))
        return kept

    monkeypatch.setattr(brief, "stated_facts", recorded)
    check_texts([paragraph(20_000)])
    assert 0 < sum(s.sources < 2 for s in kept) <= cap
