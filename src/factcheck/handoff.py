"""What stages and engines hand each other on the way: drafts, groups, verdicts, facts.

These dataclasses are never part of the report (that contract is ``models``); ``models``
re-exports them, so ``from .models import ClaimGroup`` works as well.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .models import (
        Article,
        Brief,
        Claim,
        ClaimKind,
        ConflictType,
        Entity,
        Finding,
        Group,
        Problem,
        Sentence,
    )


@dataclass
class Segmented:
    """An article and its sentences: what the extract stage hands an engine."""

    article: Article
    sentences: list[Sentence]


@dataclass
class ClaimDraft:
    """A claim as an engine states it, before the extract stage finds its evidence."""

    text: str  # the claim as a statement; empty: the quote itself
    kind: ClaimKind
    quote: str  # the evidence as the engine gives it
    entities: list[Entity] = field(default_factory=list)
    attributed_to: str | None = None
    hedged: bool = False
    start: int | None = None  # where the engine says the quote starts, when it knows
    variants: tuple[str, ...] = ()  # other spellings of the quote to look for
    answer: object = None  # the engine's own record of it, handed back to repair_claims


@dataclass
class Extraction:
    """Claims of every article, in article order, how many were dropped, and the articles
    that could not be processed."""

    claims: list[Claim] = field(default_factory=list)
    dropped: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ClaimGroup:
    """Claims that speak about the same thing; ``members[0]`` is the canonical claim."""

    members: list[Claim] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # claim id -> similarity to canonical
    _articles: dict[str, None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._articles = dict.fromkeys(c.article for c in self.members)

    def add(self, claim: Claim, score: float) -> None:
        self.members.append(claim)
        self.scores[claim.id] = score
        self._articles[claim.article] = None

    def has_article(self, article: str) -> bool:
        return article in self._articles

    @property
    def canonical(self) -> Claim:
        return self.members[0]

    @property
    def articles(self) -> list[str]:
        return list(self._articles)

    @property
    def id(self) -> str:
        joined = "|".join(sorted(c.id for c in self.members))
        return "g-" + hashlib.sha256(joined.encode()).hexdigest()[:12]


VerdictState = Literal["agree", "conflict", "adds_detail", "cant_tell"]


@dataclass
class Verdict:
    """How one member of a group relates to the canonical claim."""

    state: VerdictState
    type: ConflictType | None = None
    confidence: float = 0.0
    reason: str = ""


@dataclass
class GroupJudgement:
    """An engine's verdicts on one group (by member claim id) and, optionally, its topic."""

    verdicts: dict[str, Verdict]
    topic: str | None = None


@dataclass
class Judged:
    """Groups for the report and the contradiction findings, and the groups that could not
    be judged."""

    groups: list[Group] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Fact:
    """A fact offered to the brief writer: the claims that state it, the canonical first."""

    claims: list[Claim]
    support: str  # "k of n sources"
    disputed: bool = False
    dispute: str | None = None  # the contradiction's explanation, for a disputed fact
    single: bool = False  # only one independent source states it
    text: str = ""  # the sentence the stage would state: the chosen wording, or the dispute


@dataclass
class DraftSentence:
    """A brief sentence as an engine writes it, citing claim ids."""

    text: str
    claims: list[str]
    disputed: bool = False


@dataclass(frozen=True)
class BriefLimits:
    """How many agreed and single-source facts an engine's brief writer is offered."""

    agreed: int
    single: int


@dataclass
class Composed:
    """The brief, and how many drafted sentences failed a check."""

    brief: Brief
    dropped: int
