"""One endless sentence cited by many findings: every excerpt is a bounded window of it (quote at
its offsets), and finding the marked phrases is linear, through an index of the words."""

from __future__ import annotations

import random
import time

import pytest

from factcheck import excerpts
from factcheck.excerpts import MAX_EXCERPT, claim_excerpt, excerpt, phrase_marks
from factcheck.ingest import make_article
from factcheck.models import Claim, Span

WORDS = ["Ilse", "Marwick", "mayor", "3,400", "households", "O'Brien", "governor", "the", "of",
         "STRASSE", "Straße", "the the", "x", "(", ")", "—", "İstanbul", "ferry"]  # fmt: skip


@pytest.mark.parametrize("seed", range(12))
def test_the_word_index_finds_what_a_scan_finds(seed, monkeypatch):
    rng = random.Random(seed)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6000)))
    phrases = [" ".join(rng.sample(WORDS, rng.randint(1, 3))) for _ in range(4)]
    phrases += ["3,400 households", "(the", "the the", ""]
    monkeypatch.setattr(excerpts, "INDEXED_TEXT", 10**12)
    scanned = phrase_marks(text, 7, phrases)
    monkeypatch.setattr(excerpts, "INDEXED_TEXT", 0)
    assert phrase_marks(text, 7, phrases) == scanned


def _endless(words: int) -> str:
    rng = random.Random(words)
    names = ["Ilse Marwick", "Tomas Brenner", "Mayor Ada Quill", "Senator Rui Okafor"]
    return " ".join(
        rng.choice(names + ["said", "the", "ferry", "costs", "more"]) for _ in range(words)
    )


@pytest.mark.parametrize("size", [2_000, 50_000, 400_000])
@pytest.mark.parametrize("where", ["start", "middle", "end", "nowhere"])
def test_an_excerpt_of_a_long_stretch_is_a_window_at_its_offsets(size, where):
    text = _endless(size // 6)
    article = make_article(text, "long.txt")
    at = {"start": 10, "middle": len(text) // 2, "end": len(text) - 20, "nowhere": None}[where]
    marks = [] if at is None else [(at, at + 5)]
    for shown in (excerpt(article, 0, len(text), marks),
                  claim_excerpt(_claim(article), marks)):  # fmt: skip
        assert len(shown.quote) <= MAX_EXCERPT
        assert text[shown.start : shown.end] == shown.quote
        assert all(text[m.start : m.end] == m.quote for m in shown.marks)
        if at is not None:
            assert shown.start <= at < shown.end and len(shown.marks) == 1


def _claim(article) -> Claim:
    text = article.text
    return Claim(id="c1", article=article.id, text=text, kind="event",
                 evidence=Span(start=0, end=len(text), quote=text))  # fmt: skip


def test_marking_many_findings_on_one_long_sentence_is_linear():
    """A finding per person named, each person named a few times: the findings grow with the
    sentence, and each is found through the index, not by reading the sentence again."""
    timings = []
    for people in (250, 2_000):
        rng = random.Random(people)
        names = [f"Person{n} Surname{n}" for n in range(people)]
        text = " ".join(
            f"{rng.choice(names)} said the ferry costs more," for _ in range(4 * people)
        )
        phrase_marks(text, 0, [names[0]])  # the index is built once per text
        started = time.process_time()
        for name in names:
            phrase_marks(text, 0, [name, name.upper()])
        timings.append(time.process_time() - started)
    assert timings[1] < 24 * max(timings[0], 0.005)  # 8 x the text; quadratic would be 64 x
