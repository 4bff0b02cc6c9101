"""``LLMEngine``: the engine protocol answered by a model behind any OpenAI-compatible endpoint.

Calls per run: one extraction call per article (one per part when an article is longer than the
context budget), one judging call per aligned group that spans two or more sources, one cluster
sweep call (one per part when the claims do not fit the context), one brief call and one
brief-check call, plus counted re-asks: articles + judged groups + 3. Calls run concurrently up to
``settings.concurrency`` on one event loop that lives as long as the engine. Nothing the model
says is taken on trust: the stages look for every quote in its article, keep only cited claims
that were offered, and check every brief sentence against the quotes it cites.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from ...settings import Settings
from . import brief, extract, judge, sweep
from .calls import Calls
from .client import LLMClient
from .prompts import Prompts, default_prompts


class LLMEngine:
    """The engine protocol, answered by model calls."""

    name = "llm"
    brief_limits = BriefLimits(agreed=16, single=5)  # the model condenses them into sentences

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: Any = None,
        prompts: Prompts | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        rate_limiter: Any = None,
        deadline: Deadline | None = None,
    ):
        client = LLMClient(
            settings, http_client=http_client, rate_limiter=rate_limiter, deadline=deadline
        )
        if prompts is None:
            prompts = Prompts(Path(settings.prompts_dir)) if settings.prompts_dir else None
        prompts = prompts or default_prompts()
        self.model = settings.model
        self.prompt_version = prompts.version
        self.calls = Calls(client, prompts, settings, progress)
        self.labels: dict[str, str] = {}  # article id -> "[n]", as the model sees sources

    def extract_claims(self, items: list[Segmented]) -> list[list[ClaimDraft]]:
        for item in items:  # numbered once, in the order first offered
            self.labels.setdefault(item.article.id, f"[{len(self.labels) + 1}]")
        return extract.extract_claims(self.calls, items)

    def repair_claims(
        self, items: list[tuple[Segmented, list[ClaimDraft]]]
    ) -> list[list[ClaimDraft]]:
        return extract.repair_claims(self.calls, items)

    def judge_groups(
        self, groups: list[ClaimGroup], articles: dict[str, Article]
    ) -> list[GroupJudgement | None]:
        return judge.judge_groups(self.calls, groups, articles, self.labels)

    def sweep_cluster(
        self, claims: list[Claim], known: list[Finding], articles: dict[str, Article]
    ) -> list[Proposal]:
        return sweep.sweep_cluster(self.calls, claims, known, self.labels)

    def write_brief(self, facts: list[Fact], total: int) -> list[DraftSentence] | None:
        return brief.write_brief(self.calls, facts, total, self.labels)

    def check_brief(self, sentences: list[BriefSentence], claims: dict[str, Claim]) -> list[bool]:
        return brief.check_brief(self.calls, sentences, claims)

    def check_support(self, claim: str, quotes: list[str]) -> bool:
        """Whether the model finds ``claim`` supported by ``quotes`` (``factcheck eval``)."""
        return brief.check_support(self.calls, claim, quotes)

    def usage(self) -> Usage:
        return self.calls.client.usage()

    def problems(self) -> list[Problem]:
        return list(self.calls.problems)

    def close(self) -> None:
        self.calls.close()
