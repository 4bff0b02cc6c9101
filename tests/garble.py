"""A deterministic garbler: clean sentences in, sentences with the marks of spinning or machine
translation out, for measuring the wording score.

One operation per call, chosen with a seeded generator keyed by the sentence, so the same
sentence and seed always give the same garble:

- ``swap``: one common word replaced by the odd synonym a spinner puts in its place;
- ``punct``: doubled or misplaced punctuation (",,", ". .", ",.", " ,");
- ``capital``: one lowercase word capitalised mid-sentence;
- ``drop``: one article or preposition removed.

The synonym table is general English, written for this garbler; it is not the score's lexicon.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

OPERATIONS = ("swap", "punct", "capital", "drop")

SYNONYMS = {
    "said": ["stated", "mentioned", "acknowledged"],
    "says": ["states", "mentions"],
    "told": ["informed", "instructed"],
    "more": ["additional", "extra", "larger"],
    "about": ["concerning", "regarding", "roughly"],
    "new": ["recent", "contemporary", "novel"],
    "other": ["different", "totally different"],
    "last": ["final", "ultimate", "closing"],
    "first": ["initial", "preliminary"],
    "next": ["subsequent", "following"],
    "government": ["authorities", "administration"],
    "company": ["firm", "agency", "enterprise"],
    "police": ["law enforcement", "cops"],
    "people": ["individuals", "folks", "persons"],
    "children": ["youngsters", "kids"],
    "country": ["nation", "state"],
    "year": ["12 months", "yr"],
    "years": ["years' time", "yrs"],
    "support": ["assist", "help"],
    "help": ["assist", "aid"],
    "military": ["army", "navy"],
    "war": ["warfare", "battle"],
    "leader": ["chief", "head"],
    "visit": ["go to", "trip to"],
    "world": ["globe", "planet"],
    "statement": ["assertion", "announcement"],
    "conference": ["convention", "meeting"],
    "health": ["well being", "wellness"],
    "security": ["safety", "protection"],
    "court": ["courtroom", "tribunal"],
    "decision": ["resolution", "determination"],
    "death": ["dying", "demise"],
    "deaths": ["fatalities", "losses of life"],
    "killed": ["slain", "murdered"],
    "attack": ["assault", "offensive"],
    "experts": ["consultants", "specialists"],
    "officials": ["officers", "functionaries"],
    "reports": ["stories", "studies"],
    "report": ["document", "story"],
    "before": ["earlier than", "prior to"],
    "after": ["following", "subsequent to"],
    "because": ["as a result of", "since"],
    "during": ["throughout", "in the course of"],
    "however": ["nevertheless", "nonetheless"],
    "also": ["additionally", "moreover"],
    "very": ["extremely", "highly"],
    "big": ["massive", "huge"],
    "large": ["massive", "giant"],
    "small": ["tiny", "little"],
    "important": ["vital", "essential"],
    "recent": ["latest", "current"],
    "recently": ["lately", "not too long ago"],
    "found": ["discovered", "positioned"],
    "show": ["present", "exhibit"],
    "showed": ["confirmed", "exhibited"],
    "began": ["started", "commenced"],
    "including": ["together with", "along with"],
    "between": ["amongst", "betwixt"],
    "against": ["in opposition to", "towards"],
    "under": ["underneath", "beneath"],
    "while": ["whereas", "whilst"],
    "where": ["the place", "wherein"],
    "city": ["metropolis", "town"],
    "area": ["space", "region"],
    "money": ["cash", "funds"],
    "video": ["footage", "clip"],
    "claims": ["assertions", "contentions"],
    "according": ["in line with", "based on"],
}
_ARTICLES = ("the", "a", "an")
_PREPOSITIONS = ("of", "in", "on", "at", "to", "for", "with", "by", "from")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Garbled:
    text: str
    operation: str
    detail: str  # what changed, e.g. "said -> mentioned"


def garble(sentence: str, seed: int = 0, operation: str | None = None) -> Garbled | None:
    """``sentence`` with one garbling operation, or ``None`` when none applies."""
    rng = random.Random(f"{seed}:{operation}:{sentence}")
    choices = [operation] if operation else list(OPERATIONS)
    rng.shuffle(choices)
    for name in choices:
        result = _APPLY[name](sentence, rng)
        if result is not None and result[0] != sentence:
            return Garbled(result[0], name, result[1])
    return None


def _swap(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    spots = [m for m in _WORD.finditer(sentence) if m.group() in SYNONYMS and m.start() > 0]
    if not spots:
        return None
    spot = rng.choice(spots)
    odd = rng.choice([w for w in SYNONYMS[spot.group()] if w != spot.group()] or ["said"])
    return _splice(sentence, spot.start(), spot.end(), odd), f"{spot.group()} -> {odd}"


def _punct(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    commas = [m.start() for m in re.finditer(r",(?= )", sentence)]
    variants = [(i, i + 1, ",,") for i in commas] + [(i, i + 1, " ,") for i in commas]
    end = re.search(r"\.[”\"’]?$", sentence)
    if end:
        variants += [(end.start(), end.start() + 1, ". ."), (end.start(), end.start() + 1, ",.")]
    spaces = [m.start() for m in re.finditer(r"(?<=[a-z]) (?=[a-z])", sentence)]
    variants += [(i, i + 1, ", , ") for i in spaces[:3]]
    if not variants:
        return None
    start, stop, mark = rng.choice(variants)
    return _splice(sentence, start, stop, mark), repr(mark)


def _capital(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    spots = [m for m in _WORD.finditer(sentence) if m.start() > 0 and m.group()[0].islower()]
    if not spots:
        return None
    spot = rng.choice(spots)
    word = spot.group()
    return _splice(sentence, spot.start(), spot.end(), word[0].upper() + word[1:]), word


def _drop(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    small = _ARTICLES + _PREPOSITIONS
    spots = [m for m in re.finditer(r"\b([a-z]+) ", sentence) if m.group(1) in small]
    spots = [m for m in spots if m.start() > 0]
    if not spots:
        return None
    spot = rng.choice(spots)
    return _splice(sentence, spot.start(), spot.end(), ""), spot.group(1)


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


_APPLY = {"swap": _swap, "punct": _punct, "capital": _capital, "drop": _drop}
