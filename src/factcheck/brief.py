"""Brief: a merged account whose every sentence cites its sources.

The stage owns the rules; the engine only writes sentences for the facts it is offered and
(the llm engine) checks them. What is offered (``select_facts``): the facts that most
independent sources state, most lead-like first, each in the cleanest wording that stands
alone and cited to every source that states it on its own (``facts``); then each
contradiction as a dispute naming which sources say what (``disputes``), the fact itself still
stated from a claim without the disputed detail; then a few single-source facts with a figure
or a date, attributed. An ``editorial`` claim (unattributed opinion or speculation) is never
brief text. Every drafted sentence, whichever engine wrote it, must cite offered claims, pass
the engine's check (if any) and ``supported_by`` (its numbers, names and dates are in the
evidence it cites), and then ``vetting.vet``: it stands alone, each cited source states it on
its own and quotes what it quotes, and it repeats no earlier sentence. The others are dropped
and counted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .citation import Checker
from .damage import Damage
from .disputes import dispute_facts
from .engines.local import LocalEngine
from .facts import Stated, as_fact, editorial, single_worthy, stated_facts
from .lead import quote_share
from .lexical import words
from .models import (
    Article,
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
from .parts import carried
from .quantities import parse_quantities
from .rewrites import independent_source
from .story import Story
from .times import parse_times
from .vetting import core, vet

if TYPE_CHECKING:
    from .engines import Engine

__all__ = ["compose", "contested_claims", "editorial", "select_facts", "supported_by"]

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
    articles: list[Article] | None = None,
    checker: Checker = carried,
) -> Composed:
    """The brief the engine writes for the selected facts, every sentence checked.
    ``articles`` (in report order) give the texts the quotation-marks guard reads and the
    labels disputes name sources by; ``checker`` is the per-source check."""
    story = Story(_all_claims(groups, claims), derived, total, list(articles or []))
    story.damage = Damage.read(findings, story.texts)
    facts = select_facts(
        groups, findings, claims, derived, total, engine.brief_limits, story=story, checker=checker
    )
    if not facts:
        return Composed(Brief(), 0)
    drafted = engine.write_brief(facts, total)
    if drafted is None:  # the writer failed (and said so): the local engine writes it
        local = LocalEngine()
        return compose(groups, findings, claims, derived, total, local, articles, checker)
    candidates, dropped = cited_sentences(drafted, facts, story.claims, derived, total)
    accepted = engine.check_brief(candidates, story.claims)
    kept: list[BriefSentence] = []
    for sentence, ok in zip(candidates, accepted, strict=True):
        evidence = [story.claims[c].evidence.quote for c in sentence.claims]
        passed = ok and supported_by(core(sentence.text), evidence)
        vetted = vet(sentence, kept, story, checker) if passed else None
        if vetted is None:
            dropped += 1
        else:
            kept.append(vetted)
    kept.sort(key=_section)  # agreed, then disputes, then single-source facts
    return Composed(Brief(sentences=kept, note=story.note() if kept else None), dropped)


def _section(sentence: BriefSentence) -> int:
    if sentence.disputed:
        return 1
    return 2 if sentence.support.startswith("1 of") else 0


def _all_claims(groups: list[ClaimGroup], claims: dict[str, Claim]) -> dict[str, Claim]:
    return {**{m.id: m for g in groups for m in g.members}, **claims}


def contested_claims(findings: list[Finding]) -> set[str]:
    """Ids of the claims a contradiction cites: never stated as agreed or as unsupported."""
    return {cid for f in findings if f.kind == "contradiction" for cid in f.claims}


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
    story: Story | None = None,
    checker: Checker = carried,
) -> list[Fact]:
    """Agreed facts (most independent sources first), disputes, single-source facts."""
    story = story or Story(_all_claims(groups, claims), derived, total)
    disputed, blocked = dispute_facts(findings, story, {g.id: g for g in groups})
    stated = stated_facts(groups, story, blocked, checker)
    agreed = [as_fact(s, story) for s in stated if s.sources >= 2]
    # a single-source fact has no second source to check its words: the cleanest sources first
    alone = sorted((s for s in stated if s.sources == 1 and single_worthy(s)), key=_cleanest)
    if not agreed and not disputed:
        lead = _story_lead(stated)
        alone = lead + [s for s in alone if all(s is not other for other in lead)]
    single = [as_fact(s, story) for s in alone]
    return agreed[: limits.agreed] + disputed + single[: limits.single]


def _story_lead(stated: list[Stated]) -> list[Stated]:
    """When no two independent sources state a fact (the articles are copies of one report, or
    each words the story its own way), the brief still leads with the story: the events most
    articles carry, then the most lead-like, attributed to their source. Quotations, hedged
    claims and the writers' own opinion or speculation are left out."""
    events = [s for s in stated if s.sources == 1 and _plain_event(s.wording)]
    return sorted(events, key=lambda s: (-len({c.article for c in s.claims}), -s.lead))


def _plain_event(claim: Claim) -> bool:
    return (
        claim.kind in ("event", "quantity")
        and not claim.hedged
        and not editorial(claim)
        and quote_share(claim.text) <= 0.5
    )


def _cleanest(stated) -> tuple[float, float]:
    return round(stated.score, 1), -stated.lead


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
