"""Brief: a merged account whose every sentence cites its sources.

Facts that most independent sources support come first, each with "k of n sources"; disputed
facts are hedged with every version; a few single-source facts follow, attributed. Before a
sentence is kept, ``supported_by`` checks that its numbers, names and dates appear in the
evidence it cites; a sentence that fails is dropped and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .align import ClaimGroup
from .lexical import words
from .models import Brief, BriefSentence, Claim, Finding
from .quantities import parse_quantities
from .times import parse_times
from .unsupported import EDITORIAL_KINDS, independent_source

MAX_AGREED = 8
MAX_SINGLE = 3
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'-]+")
_FUNCTION_WORDS = frozenset(["sources", "source", "one", "according", "the", "a", "an", "on", "in"])


@dataclass
class Composed:
    brief: Brief
    dropped: int


def compose(
    groups: list[ClaimGroup],
    findings: list[Finding],
    claims: dict[str, Claim],
    derived: dict[str, str],
    independent_total: int,
) -> Composed:
    contested = {cid for f in findings if f.kind == "contradiction" for cid in f.claims}
    candidates = _agreed(groups, contested, derived, independent_total)
    candidates += _disputed(findings, claims, derived, independent_total)
    candidates += _single(groups, contested, derived, independent_total)
    kept, dropped = [], 0
    for sentence in candidates:
        evidence = [claims[cid].evidence.quote for cid in sentence.claims]
        if supported_by(sentence.text, evidence):
            kept.append(sentence)
        else:
            dropped += 1
    return Composed(Brief(sentences=kept), dropped)


def support_of(articles, derived, total: int) -> tuple[int, str]:
    roots = {independent_source(a, derived) for a in articles}
    return len(roots), f"{len(roots)} of {total} sources"


def _agreed(groups, contested, derived, total) -> list[BriefSentence]:
    scored = []
    for order, group in enumerate(groups):
        claim = group.canonical
        if any(c.id in contested for c in group.members) or editorial(claim):
            continue
        count, support = support_of(group.articles, derived, total)
        if count >= 2:
            sentence = BriefSentence(
                text=claim.text,
                claims=[c.id for c in group.members],
                sources=group.articles,
                support=support,
            )
            scored.append((-count, order, sentence))
    return [s for _, _, s in sorted(scored, key=lambda x: x[:2])[:MAX_AGREED]]


def _disputed(findings, claims, derived, total) -> list[BriefSentence]:
    sentences = []
    for finding in findings:
        if finding.kind != "contradiction":
            continue
        articles = list(dict.fromkeys(claims[c].article for c in finding.claims))
        _, support = support_of(articles, derived, total)
        text = finding.explanation.replace("Sources disagree on", "Sources differ on", 1)
        sentences.append(
            BriefSentence(
                text=text, claims=finding.claims, sources=articles, support=support, disputed=True
            )
        )
    return sentences


def _single(groups, contested, derived, total) -> list[BriefSentence]:
    picked = []
    for group in groups:
        claim = group.canonical
        roots = {independent_source(a, derived) for a in group.articles}
        if len(roots) != 1 or claim.id in contested or editorial(claim) or claim.kind == "quote":
            continue
        if claim.quantities or claim.times:
            picked.append(
                BriefSentence(
                    text=f"One source reports: {claim.text}",
                    claims=[claim.id],
                    sources=group.articles,
                    support=f"1 of {total} sources",
                )
            )
    return picked[:MAX_SINGLE]


def editorial(claim: Claim) -> bool:
    return claim.kind in EDITORIAL_KINDS and not claim.attributed_to


def supported_by(sentence: str, evidence: list[str]) -> bool:
    """Whether every number, name and date in ``sentence`` appears in the cited evidence."""
    joined = " ".join(evidence)
    folded = joined.casefold()
    numbers = set(_NUMBER.findall(joined))
    values = {q.value for q in parse_quantities(joined)}
    for quantity in parse_quantities(sentence):
        if quantity.value not in values:
            return False
    for number in _NUMBER.findall(sentence):
        if number not in numbers:
            return False
    for time in parse_times(sentence):
        if time.text.casefold() not in folded:
            return False
    evidence_words = set(words(joined))
    for index, match in enumerate(_CAPITALISED.finditer(sentence)):
        word = match.group()
        if index == 0 and match.start() == 0 or word.lower() in _FUNCTION_WORDS:
            continue
        if words(word) and not set(words(word)) <= evidence_words:
            return False
    return True
