"""Choose: among sentences that state one fact, the one to quote from.

An original comes before a copy ``derived_from`` it (directly or through other copies), then
the cleanest wording (lowest wording score), then the most complete sentence (most distinct
names, figures and content words); ties keep the given order. Pure: the caller supplies each
candidate's article and wording score.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .lexical import content_terms

_FIGURE = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"(?<=\s)[A-Z][\w’'-]+")


@dataclass(frozen=True)
class Candidate:
    text: str
    article: str
    score: float = 0.0  # wording score: 0 clean, 1 surely garbled
    key: str = ""  # the caller's id for the candidate (a claim id)


def choose(candidates: Sequence[Candidate], derived: Mapping[str, str]) -> Candidate:
    """The candidate to quote; ``candidates`` must not be empty."""
    return rank(candidates, derived)[0]


def rank(candidates: Sequence[Candidate], derived: Mapping[str, str]) -> list[Candidate]:
    """``candidates`` from the one to quote to the one least fit to quote."""
    present = {c.article for c in candidates}

    def key(item: tuple[int, Candidate]):
        order, candidate = item
        is_copy = bool(ancestors(candidate.article, derived) & (present - {candidate.article}))
        return (is_copy, round(candidate.score, 2), -completeness(candidate.text), order)

    return [c for _, c in sorted(enumerate(candidates), key=key)]


def completeness(text: str) -> int:
    """How much a sentence carries: distinct content words, names and figures."""
    terms = set(content_terms(text))
    return len(terms) + len(set(_NAME.findall(text))) + len(set(_FIGURE.findall(text)))


def ancestors(article_id: str, derived: Mapping[str, str]) -> set[str]:
    """The articles that ``article_id`` is rewritten from, directly or through others."""
    seen: set[str] = set()
    while article_id in derived and derived[article_id] not in seen:
        article_id = derived[article_id]
        seen.add(article_id)
    return seen
