"""Brief: a merged account whose every sentence cites its sources.

The stage owns the rules; the engine only writes sentences for the facts it is offered and
(the llm engine) checks them. Facts that most independent sources support come first, each
with "k of n sources"; disputed facts follow, to be hedged with every version; then a few
single-source facts with a figure or a date, to be attributed. A contested claim (one that a
contradiction cites) is never stated as agreed, and an ``editorial`` claim (unattributed
opinion or speculation) never enters the brief. A drafted sentence is kept only when it cites
offered claims, the engine's check (if any) accepts it and ``supported_by`` finds its numbers,
names and dates in the evidence it cites; the others are dropped and counted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .engines.local import LocalEngine
from .lexical import words
from .models import (
    Brief,
    BriefLimits,
    BriefSentence,
    Claim,
    ClaimGroup,
    Composed,
    DraftSentence,
    Fact,
    Finding,
)
from .quantities import parse_quantities
from .rewrites import independent_source
from .times import parse_times

if TYPE_CHECKING:
    from .engines import Engine

EDITORIAL_KINDS = ("opinion", "speculation")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'-]+")
_FUNCTION_WORDS = frozenset(["sources", "source", "one", "according", "the", "a", "an", "on", "in"])


def compose(
    groups: list[ClaimGroup],
    findings: list[Finding],
    claims: dict[str, Claim],
    derived: dict[str, str],
    total: int,
    engine: Engine,
) -> Composed:
    """The brief the engine writes for the selected facts, every sentence checked."""
    facts = select_facts(groups, findings, claims, derived, total, engine.brief_limits)
    if not facts:
        return Composed(Brief(), 0)
    drafted = engine.write_brief(facts, total)
    if drafted is None:  # the writer failed (and said so): the local engine writes it
        return compose(groups, findings, claims, derived, total, LocalEngine())
    candidates, dropped = cited_sentences(drafted, facts, claims, derived, total)
    accepted = engine.check_brief(candidates, claims)
    kept = []
    for sentence, ok in zip(candidates, accepted, strict=True):
        evidence = [claims[c].evidence.quote for c in sentence.claims]
        if ok and supported_by(sentence.text, evidence):
            kept.append(sentence)
        else:
            dropped += 1
    return Composed(Brief(sentences=kept), dropped)


def contested_claims(findings: list[Finding]) -> set[str]:
    """Ids of the claims a contradiction cites: never stated as agreed or as unsupported."""
    return {cid for f in findings if f.kind == "contradiction" for cid in f.claims}


def editorial(claim: Claim) -> bool:
    """Unattributed opinion or speculation: the writer's, not a source's, to be flagged."""
    return claim.kind in EDITORIAL_KINDS and not claim.attributed_to


def support_of(articles: list[str], derived: dict[str, str], total: int) -> tuple[int, str]:
    """How many independent sources the articles are, and "k of n sources"."""
    roots = {independent_source(a, derived) for a in articles}
    return len(roots), f"{len(roots)} of {total} sources"


def select_facts(
    groups: list[ClaimGroup],
    findings: list[Finding],
    claims: dict[str, Claim],
    derived: dict[str, str],
    total: int,
    limits: BriefLimits,
) -> list[Fact]:
    """Agreed facts (most independent sources first), disputed facts, single-source facts."""
    contested = contested_claims(findings)
    agreed, single = [], []
    for group in groups:
        claim = group.canonical
        if editorial(claim) or any(c.id in contested for c in group.members):
            continue
        count, support = support_of(group.articles, derived, total)
        if count >= 2:
            agreed.append((-count, Fact(list(group.members), support)))
        elif (claim.quantities or claim.times) and claim.kind != "quote":
            single.append(Fact(list(group.members), support, single=True))
    facts = [fact for _, fact in sorted(agreed, key=lambda x: x[0])][: limits.agreed]
    return facts + _disputed(findings, claims, derived, total) + single[: limits.single]


def _disputed(findings, claims, derived, total) -> list[Fact]:
    facts = []
    for finding in findings:
        if finding.kind != "contradiction":
            continue
        cited = [claims[c] for c in finding.claims if c in claims]
        _, support = support_of([c.article for c in cited], derived, total)
        facts.append(Fact(cited, support, disputed=True, dispute=finding.explanation))
    return facts


def cited_sentences(
    drafted: list[DraftSentence],
    facts: list[Fact],
    claims: dict[str, Claim],
    derived: dict[str, str],
    total: int,
) -> tuple[list[BriefSentence], int]:
    """Drafted sentences that cite offered claims, with their sources and support; and how
    many cited none (dropped)."""
    offered = {c.id for fact in facts for c in fact.claims}
    sentences, dropped = [], 0
    for line in drafted:
        cited = [cid for cid in dict.fromkeys(line.claims) if cid in offered]
        if not cited or not line.text.strip():
            dropped += 1
            continue
        articles = list(dict.fromkeys(claims[c].article for c in cited))
        _, support = support_of(articles, derived, total)
        sentences.append(
            BriefSentence(
                text=line.text.strip(),
                claims=cited,
                sources=articles,
                support=support,
                disputed=line.disputed,
            )
        )
    return sentences, dropped


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
