"""Facts: what the brief states, in what words, citing whom, in what order.

For each aligned group the stage picks the wording to state (``wording_for``): a member that
can stand alone (no fragment, heading or furniture), carries no spinner or translation
artifact, no disputed detail and no quotation its source does not quote, and is no unattributed
opinion or speculation; the member's sentence, its main clauses, and the sentence with a
disputed title left out are all tried. An original comes before a copy derived from it, then
the cleanest wording (its own marks, and the share of its source's sentences that carry marks),
then the most complete (``choose.rank``). Of the first few, one that two or more independent
sources state wins over one that only its own source states, then an original's wording over a
copy's, then the cleaner (its wording score to one decimal), then the one that carries the
most backed content (independent sources times names, figures and content words), so a fuller
sentence two sources state can win over a bare clause four state. A copy's wording is used only
when its original states it too.

A source is cited when one of its own claims (or two) states the chosen sentence, or some
state its main clause and one holds the rest (the per-source check, ``parts.stating``); all
the source's claims are searched, so a fact that alignment split over two groups is still
cited to every source that states it.

Of two facts that state one thing, the more cleanly worded (then the one worth more, as above)
is kept and the other left out as a repeat: one's wording backs the other on its own, or is
cited for the other (beside another sentence) while they share some of their words, either
sentence states the other, or, names aside, they share most of the shorter one's words
(``same_fact``). A source sentence cited for two facts that share few words backs two facts.
Order: facts that most independent sources report first (in any of the wordings tried, and in
those of the repeats left out: how far the fact reaches, while citations stay with the sources
that state the words printed), then by how much the fact reads like a lead (``lead.lead_score``
at its average position in the articles that state it), then by how many state its wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .choose import Candidate, ancestors, completeness, rank
from .citation import Checker, overlap
from .disputes import Block
from .engines.local.claims import EDITORIAL, HEDGES
from .fragments import fragment
from .layout import without_dateline
from .lead import lead_score
from .main_clauses import main_clauses
from .models import Claim, ClaimGroup, Fact
from .parts import stating
from .quoting import quotes_hold
from .story import Story

EDITORIAL_KINDS = ("opinion", "speculation")
MAX_TRIED = 3  # wordings tried per group, cleanest first
REPEAT_SHARE = 0.6
REPEAT_WORDS = 3
SHARED_SOURCE_SHARE = 0.4  # words shared by two facts, one worded from a sentence backing the other
# single-source facts kept for the brief, cleanest first: far more than any brief is offered (the
# engines offer at most a few), and a bound that keeps one very long article linear, since each
# fact kept is compared with every fact kept before it
MAX_SINGLE = 100
_MARKER = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(HEDGES + EDITORIAL, key=len, reverse=True))
    + r")\b"
)  # what makes a sentence opinion or speculation, for the local engine and here


@dataclass
class Stated:
    """A fact in the words chosen to state it (the text of ``claims[0]`` or its main clause),
    the claims that state it (the chosen one first), and how many independent sources they
    are."""

    text: str
    claims: list[Claim]
    sources: int
    lead: float
    score: float = 0.0  # the wording's score (with its source's share of marked sentences)
    reach: set[str] = field(default_factory=set)  # independent sources that report it in any words
    alone: set[str] = field(default_factory=set)  # ids of the claims that state it on their own

    @property
    def wording(self) -> Claim:
        return self.claims[0]


def editorial(claim: Claim) -> bool:
    """Unattributed opinion or speculation: the writer's, not a source's, to be flagged."""
    return claim.kind in EDITORIAL_KINDS and not claim.attributed_to


def editorial_wording(claim: Claim, text: str) -> bool:
    """Whether ``text`` (the claim's sentence or a cut of it) is unattributed opinion or
    speculation: a cut of an editorial claim is not when the words that made the claim
    editorial (a hedge, an opinion word) are all in the part left out."""
    if not editorial(claim):
        return False
    return text == claim.text or bool(_markers(text)) or not _markers(claim.text)


def _markers(text: str) -> list[str]:
    return _MARKER.findall(text.casefold())


def stated_facts(
    groups: list[ClaimGroup], story: Story, blocked: dict[str, Block], checker: Checker
) -> list[Stated]:
    """Every group's fact with its wording, most supported and most lead-like first, repeats
    left out; of the facts a single source states, the ``MAX_SINGLE`` cleanest."""
    found = [s for g in groups if (s := wording_for(g, story, blocked, checker)) is not None]
    found.sort(key=lambda s: (round(s.score, 1), *(-x for x in _worth(s)), -s.lead))
    kept: list[Stated] = []
    single = 0
    for fact in found:  # of two that state one fact, the cleaner, then the worthier, is kept
        if fact.sources < 2 and single >= MAX_SINGLE:
            continue
        same = next((earlier for earlier in kept if repeats(fact, earlier, checker)), None)
        if same is None:
            kept.append(fact)
            single += fact.sources < 2
        else:
            same.reach |= fact.reach
    return sorted(kept, key=lambda s: (-len(s.reach), -s.lead, -s.sources))


def wordings(group: ClaimGroup, story: Story, blocked: dict[str, Block]) -> list[Candidate]:
    """The wordings the group's members offer that may be printed, cleanest first: each
    sentence (an article's first without its dateline), the sentence with a disputed title
    left out, and their main clauses."""
    found = []
    for member in group.members:
        block = blocked.get(member.id)
        text = member.text
        if story.position.get(member.id) == 0:  # an article's first sentence may open with
            text = without_dateline(text)  # its dateline
        bases = [text, block.leave_out(text) if block else None]
        texts = [t for base in bases if base for t in (base, *main_clauses(base))]
        for text in dict.fromkeys(texts):
            if usable_wording(member, text, story, block):
                own, spin = story.wording(member, text).score, story.spin(member.article)
                score = 1.0 - (1.0 - own) * (1.0 - spin)
                found.append(Candidate(text, member.article, score, member.id))
    return rank(found, story.derived)


def wording_for(
    group: ClaimGroup, story: Story, blocked: dict[str, Block], checker: Checker
) -> Stated | None:
    """The group's fact in the words to state it, cited to every source that states it."""
    best: Stated | None = None
    best_copy = False
    reach: set[str] = set()
    for candidate in _tried(wordings(group, story, blocked)):
        claim = story.claims[candidate.key]
        found = supporters(candidate.text, claim, story, checker)
        backers = [c for where in found for c in where]
        origins = ancestors(claim.article, story.derived) & set(story.by_article)
        if origins and not origins & {c.article for c in backers}:
            continue  # a copy's wording needs its original to state it too
        claims = [claim, *backers]
        roots = {story.root(c.article) for c in claims}
        reach |= roots
        lead = _lead(candidate.text, claims, story)
        stated = Stated(candidate.text, claims, len(roots), lead, candidate.score)
        stated.alone = {claim.id} | {where[0].id for where in found if len(where) == 1}
        if best is None or _preferred(stated, bool(origins)) > _preferred(best, best_copy):
            best, best_copy = stated, bool(origins)
    if best is not None:
        best.reach = reach
    return best


def _tried(candidates: list[Candidate]) -> list[Candidate]:
    """The first ``MAX_TRIED`` wordings, and the shortest wording of each of their claims (a
    bare main clause, which most sources may state)."""
    tried = candidates[:MAX_TRIED]
    for key in dict.fromkeys(c.key for c in tried):
        shortest = min((c for c in candidates if c.key == key), key=lambda c: len(c.text))
        if shortest not in tried:
            tried.append(shortest)
    return tried


def _lead(text: str, claims: list[Claim], story: Story) -> float:
    """How lead-like the wording is, placed where the fact stands on average in the articles
    that state it. A cut of a hedged or editorial claim that leaves out what made it so reads
    as the event it states."""
    position = sum(story.position[c.id] for c in claims) / len(claims)
    claim = claims[0]
    if text != claim.text and not _markers(text) and (claim.hedged or editorial(claim)):
        kind = "event" if claim.kind in EDITORIAL_KINDS else claim.kind
        claim = claim.model_copy(update={"kind": kind, "hedged": False})
    return lead_score(claim, position)


def _preferred(stated: Stated, copy: bool) -> tuple[bool, bool, float, int]:
    """Of the wordings of one fact: agreed before single-source, then an original's wording
    before a copy's, then the cleaner (its score to one decimal), then the one worth more."""
    agreed, content = _worth(stated)
    return agreed, not copy, -round(stated.score, 1), content


def _worth(stated: Stated) -> tuple[bool, int]:
    """Agreed before single-source; then how much backed content it carries (independent
    sources times names, figures and content words)."""
    return stated.sources >= 2, stated.sources * completeness(stated.text)


def usable_wording(claim: Claim, text: str, story: Story, block: Block | None) -> bool:
    """Whether ``text`` (the claim's sentence or its main clause) may be printed in the brief
    (the cheap checks first)."""
    return not (
        editorial_wording(claim, text)
        or claim.id in story.headings
        or (block is not None and block.carried_by(text))
        or fragment(text) is not None
        or not quotes_hold(text, story.texts.get(claim.article, ""))
        or story.damage.carried_by(text, claim.article)
        or story.wording(claim, text).artifact
    )


def supporters(text: str, claim: Claim, story: Story, checker: Checker) -> list[list[Claim]]:
    """For each other article that quotes what ``text`` quotes, the claims of it that state
    ``text`` on their own (``parts.stating``: one or two, or those stating its main clause and
    the one that holds the rest). All of an article's claims are
    searched, not only the group's members: alignment may have put a source's statement of the
    fact elsewhere."""
    found: list[list[Claim]] = []
    for article, claims in story.by_article.items():
        if article != claim.article and quotes_hold(text, story.texts.get(article, "")):
            where = stating(text, [c.evidence.quote for c in claims], checker)
            if where:
                found.append([claims[i] for i in where])
    return found


def repeats(later: Stated, earlier: Stated, checker: Checker) -> bool:
    """Whether ``later`` states what ``earlier`` already states: one's sentence states the
    other on its own; or one is worded from a sentence cited for the other (beside another
    sentence of its source) and they share ``SHARED_SOURCE_SHARE`` of the shorter one's words
    (and ``REPEAT_WORDS`` or more); or their words alone say so (``same_fact``)."""
    if later.wording.id in earlier.alone or earlier.wording.id in later.alone:
        return True
    if _backs(later, earlier) or _backs(earlier, later):
        share, count = overlap(later.text, earlier.text)
        if share >= SHARED_SOURCE_SHARE and count >= REPEAT_WORDS:
            return True
    return same_fact(later.text, earlier.text, checker)


def _backs(one: Stated, other: Stated) -> bool:
    """Whether the source sentence ``one`` is worded from is among those cited for ``other``
    (with another sentence of its source, or alone)."""
    return any(c.id == one.wording.id for c in other.claims[1:])


def same_fact(a: str, b: str, checker: Checker) -> bool:
    """Two sentences state one fact: either states the other, or, names aside, they share at
    least ``REPEAT_SHARE`` of the shorter one's content words (and ``REPEAT_WORDS`` or more)."""
    share, count = overlap(a, b)
    return (
        share >= REPEAT_SHARE and count >= REPEAT_WORDS or checker(a, [b]).ok or checker(b, [a]).ok
    )


def as_fact(stated: Stated, story: Story) -> Fact:
    """The fact offered to the writer; a single-source fact attributed to its source."""
    _, support = story.support(c.article for c in stated.claims)
    if stated.sources >= 2:
        return Fact(list(stated.claims), support, text=stated.text)
    outlet = story.outlets.get(stated.wording.article)
    lead_in = f"According to {outlet}:" if outlet else "One source reports:"
    return Fact(list(stated.claims), support, single=True, text=f"{lead_in} {stated.text}")


def single_worthy(stated: Stated) -> bool:
    """A single-source fact worth attributing: a figure or a date, and not a quotation."""
    claim = stated.wording
    return bool(claim.quantities or claim.times) and claim.kind != "quote"
