"""Sweep: after group judging, the engine looks over the whole cluster for what alignment
missed, and this stage decides which of its proposals become findings.

Judging compares claims only inside the groups alignment formed, so a conflict between two
claims that were never grouped is not seen there: one source credits a warning to a named
official and another to "the ministry", one reports an event and another denies it. The
engine (``Engine.sweep_cluster``) gets every claim and the findings already made, and proposes
contradictions (with a type; a change of speaker is type ``attribution``) and altered quotes.

A proposal is checked like every other answer before it becomes a finding:

- every claim id it cites exists, and its quotes are found word for word in the articles of
  the claims it cites;
- it cites claims from at least two different articles (as judging does: a rewrite that
  changed its original's figure is worth a look); an altered quote gives two wordings from two
  of them, each inside quotation marks in its article (a quotation that another source gives
  as paraphrase is not altered), which differ in more than spacing, case and punctuation, and
  are not credited to two different speakers (that is a change of attribution);
- the look-alike rules of judging hold: a conflict below ``judge.MIN_CONFIDENCE`` is "can't
  tell" and a conflict without a type is ``other`` (``judge.settle_verdict``); identical
  statements, figures the normalisers read as compatible (rounding, the same bound in other
  words), figures credited to different claimants, times that do not conflict, and a quotation
  credited to two spellings of one name are not conflicts (``lookalike``); a figure a later
  article changed becomes an ``update`` with the judged ones (``judge.as_updates``, in the
  pipeline);
- it says something new: a contradiction needs a pair of claims from two articles that no
  finding lists together yet and that judging did not compare (canonical and member of one
  judged group: judging had a closer look); an altered quote needs a pair that no finding lists
  (judging compares facts, not wordings); the finding cites the claims of its new pairs, and
  two proposals of the same kind on the same claims are one.

Proposals that fail are dropped and counted (``Swept.dropped``, by reason in ``Swept.reasons``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from .judge import MIN_CONFIDENCE, explain_conflict, finding_id, settle_verdict
from .lookalike import lookalike, same_person, same_wording
from .models import Article, Claim, Finding, Group, Verdict
from .proposals import Proposal
from .quoting import quotes_hold

if TYPE_CHECKING:
    from .engines import Engine

Pair = frozenset[str]


@dataclass
class Swept:
    """The sweep's findings, and the proposals dropped (how many, and why)."""

    findings: list[Finding] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)

    @property
    def dropped(self) -> int:
        return sum(self.reasons.values())


@dataclass
class _Context:
    claims: dict[str, Claim]
    articles: dict[str, Article]
    listed: set[Pair]  # pairs already cited together by a finding
    compared: set[Pair]  # pairs judging compared (canonical and member of a judged group)


def sweep(
    claims: dict[str, Claim],
    articles: dict[str, Article],
    judged_groups: list[Group],
    known: list[Finding],
    engine: Engine,
) -> Swept:
    """New findings from the engine's look over the whole cluster; ``known`` are the findings
    made so far, ``judged_groups`` the groups judging compared."""
    swept = Swept()
    if len({c.article for c in claims.values()}) < 2:
        return swept  # nothing to compare
    proposals = engine.sweep_cluster(list(claims.values()), known, articles)
    if not proposals:
        return swept
    context = _Context(claims, articles, _listed(known), _compared(judged_groups))
    made: set[str] = set()
    for proposal in proposals:
        outcome = check(proposal, context)
        if isinstance(outcome, str):
            swept.reasons[outcome] += 1
        elif outcome.id in made:
            swept.reasons["duplicate"] += 1
        else:
            made.add(outcome.id)
            swept.findings.append(outcome)
    return swept


def check(proposal: Proposal, context: _Context) -> Finding | str:
    """The finding a proposal makes, or why it is dropped."""
    ids = list(dict.fromkeys(proposal.claims))
    if not ids or any(cid not in context.claims for cid in ids):
        return "unknown claim id"
    cited = [context.claims[cid] for cid in ids]
    if len({c.article for c in cited}) < 2:
        return "one source"
    if not all(_verbatim(quote, cited, context.articles) for quote in proposal.quotes):
        return "quote not verbatim"
    if proposal.kind == "altered_quote":
        return _altered_quote(proposal, cited, context)
    return _contradiction(proposal, cited, context)


def _contradiction(proposal: Proposal, cited: list[Claim], context: _Context) -> Finding | str:
    verdict = settle_verdict(
        Verdict("conflict", proposal.type, proposal.confidence, _sentence(proposal.reason))
    )
    if verdict.state != "conflict":
        return "below confidence"
    if lookalike(verdict.type, cited, context.articles):
        return "look-alike"
    fresh = _fresh(cited, context.listed | context.compared)
    if not fresh:
        return "already listed"
    return Finding(
        id=finding_id("contradiction", fresh),
        kind="contradiction",
        type=verdict.type,
        severity="high" if verdict.confidence >= 0.7 else "medium",
        confidence=round(verdict.confidence, 2),
        claims=fresh,
        explanation=explain_conflict(verdict.type, verdict.reason or "see the quotes"),
    )


def _altered_quote(proposal: Proposal, cited: list[Claim], context: _Context) -> Finding | str:
    if proposal.confidence < MIN_CONFIDENCE:
        return "below confidence"
    wordings = _wordings(proposal.quotes, cited, context.articles)
    if len(wordings) < 2:
        return "no two wordings"
    if not all(quotes_hold(f"“{w}”", context.articles[a].text) for a, w in wordings.items()):
        return "not a quotation"  # a paraphrase of a quotation is not an altered quotation
    first, second = list(wordings.values())[:2]
    if same_wording(first, second):
        return "look-alike"
    if _speakers_differ(cited):
        return "different speakers"  # that is a change of attribution, not of wording
    fresh = _fresh(cited, context.listed)  # judging compares facts, not wordings
    if not fresh:
        return "already listed"
    return Finding(
        id=finding_id("altered_quote", fresh),
        kind="altered_quote",
        severity="high" if proposal.confidence >= 0.7 else "medium",
        confidence=round(proposal.confidence, 2),
        claims=fresh,
        variants=[first, second],
        explanation=f"A quotation is worded differently between sources: “{first}” against "
        f"“{second}”; check the original before quoting it.",
    )


def _wordings(
    quotes: list[str], cited: list[Claim], articles: dict[str, Article]
) -> dict[str, str]:
    """The given quotes by the article they come from, one per article (first found first)."""
    by_article: dict[str, str] = {}
    for quote in quotes:
        for claim in cited:
            if claim.article not in by_article and _found(quote, articles[claim.article].text):
                by_article[claim.article] = " ".join(quote.split())
                break
    return by_article


def _speakers_differ(cited: list[Claim]) -> bool:
    speakers = [c.attributed_to for c in cited if c.attributed_to]
    return any(not same_person(a, b) for a, b in combinations(speakers, 2))


def _fresh(cited: list[Claim], seen: set[Pair]) -> list[str]:
    """Ids of the cited claims that take part in a pair from two articles not seen before."""
    fresh: dict[str, None] = {}
    for a, b in combinations(cited, 2):
        if a.article != b.article and frozenset((a.id, b.id)) not in seen:
            fresh.update(dict.fromkeys((a.id, b.id)))
    return [c.id for c in cited if c.id in fresh]


def _listed(findings: list[Finding]) -> set[Pair]:
    return {frozenset(p) for f in findings for p in combinations(dict.fromkeys(f.claims), 2)}


def _compared(groups: list[Group]) -> set[Pair]:
    pairs = set()
    for group in groups:
        members = [cid for cell in group.cells.values() for cid in cell.claims]
        pairs |= {frozenset((group.canonical, m)) for m in members if m != group.canonical}
    return pairs


def _verbatim(quote: str, cited: list[Claim], articles: dict[str, Article]) -> bool:
    return any(_found(quote, articles[c.article].text) for c in cited)


def _found(quote: str, text: str) -> bool:
    """Word for word, spacing aside."""
    wanted = " ".join(quote.split())
    return bool(wanted) and wanted in " ".join(text.split())


def _sentence(reason: str) -> str:
    return re.sub(r"[\s.]+$", "", " ".join(reason.split()))
