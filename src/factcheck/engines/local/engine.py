"""``LocalEngine``: the engine protocol answered by rules; no network, same output every run.

With a run deadline (``--deadline``), each article and group is started only while time is
left; those not reached are problems of their own.
"""

from __future__ import annotations

from pathlib import Path

from ...deadline import Deadline
from ...models import (
    Article,
    BriefLimits,
    BriefSentence,
    Claim,
    ClaimDraft,
    ClaimGroup,
    DraftSentence,
    Fact,
    Finding,
    GroupJudgement,
    Problem,
    Segmented,
    Usage,
)
from ...proposals import Proposal
from .claims import drafts
from .compare import compare


class LocalEngine:
    """Rules and small libraries; no network, no model, same output every run."""

    name = "local"
    model = None
    prompt_version = None
    brief_limits = BriefLimits(agreed=8, single=3)  # each fact is one sentence of the brief

    def __init__(self, deadline: Deadline | None = None):
        self.deadline = deadline or Deadline()
        self._problems: list[Problem] = []

    def extract_claims(self, items: list[Segmented]) -> list[list[ClaimDraft]]:
        return [
            [] if self._late(Path(item.article.source).name) else drafts(item) for item in items
        ]

    def repair_claims(
        self, items: list[tuple[Segmented, list[ClaimDraft]]]
    ) -> list[list[ClaimDraft]]:
        return [[] for _ in items]  # a sentence is its own evidence: nothing to repair

    def judge_groups(
        self, groups: list[ClaimGroup], articles: dict[str, Article]
    ) -> list[GroupJudgement | None]:
        return [
            None if self._late(f"group {group.id}") else _judged(group, articles)
            for group in groups
        ]

    def _late(self, where: str) -> bool:
        """Whether the run's deadline has passed; if so, ``where`` is a problem."""
        if not self.deadline.passed():
            return False
        self._problems.append(Problem(where=where, error=self.deadline.message()))
        return True

    def sweep_cluster(
        self, claims: list[Claim], known: list[Finding], articles: dict[str, Article]
    ) -> list[Proposal]:
        return []  # the rules compare within groups only; a sweep needs a reader

    def write_brief(self, facts: list[Fact], total: int) -> list[DraftSentence]:
        return [_sentence(fact) for fact in facts]

    def check_brief(self, sentences: list[BriefSentence], claims: dict[str, Claim]) -> list[bool]:
        return [True] * len(sentences)  # the stage's own check is the local check

    def usage(self) -> Usage:
        return Usage()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def close(self) -> None:
        pass


def _judged(group: ClaimGroup, articles: dict[str, Article]) -> GroupJudgement:
    return GroupJudgement(
        {m.id: compare(group.canonical, m, group.scores[m.id], articles) for m in group.members[1:]}
    )


def _sentence(fact: Fact) -> DraftSentence:
    """The sentence the brief stage chose for the fact (its wording, attributed when one source
    states it, or the dispute with its sides), citing every claim offered with it."""
    return DraftSentence(
        fact.text or fact.claims[0].text, [c.id for c in fact.claims], fact.disputed
    )
