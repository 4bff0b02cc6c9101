"""``LocalEngine``: the engine protocol answered by rules; no network, same output every run."""

from __future__ import annotations

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

    def extract_claims(self, items: list[Segmented]) -> list[list[ClaimDraft]]:
        return [drafts(item) for item in items]

    def repair_claims(
        self, items: list[tuple[Segmented, list[ClaimDraft]]]
    ) -> list[list[ClaimDraft]]:
        return [[] for _ in items]  # a sentence is its own evidence: nothing to repair

    def judge_groups(
        self, groups: list[ClaimGroup], articles: dict[str, Article]
    ) -> list[GroupJudgement | None]:
        return [
            GroupJudgement(
                {
                    m.id: compare(group.canonical, m, group.scores[m.id], articles)
                    for m in group.members[1:]
                }
            )
            for group in groups
        ]

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
        return []

    def close(self) -> None:
        pass


def _sentence(fact: Fact) -> DraftSentence:
    """The sentence the brief stage chose for the fact (its wording, attributed when one source
    states it, or the dispute with its sides), citing every claim offered with it."""
    return DraftSentence(
        fact.text or fact.claims[0].text, [c.id for c in fact.claims], fact.disputed
    )
