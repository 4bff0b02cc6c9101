"""Engines: adapters below the stages, one protocol, two implementations.

The stages own the loops and the rules; an engine answers per item, for many items at once (the
llm engine runs its calls concurrently): it drafts claims for segmented articles, judges
aligned groups member by member, looks over the whole cluster for what the groups missed,
writes sentences for offered facts and checks them. ``local``
is offline and deterministic (rules and small libraries); ``llm`` talks to any
OpenAI-compatible endpoint. No engine module imports a stage module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..errors import ConfigError
from ..settings import Settings

if TYPE_CHECKING:
    from ..models import (
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
    from ..proposals import Proposal

ENGINES = ("auto", "local", "llm")


class Engine(Protocol):
    """What the stages ask of an engine."""

    name: str
    model: str | None
    prompt_version: str | None
    brief_limits: BriefLimits

    def extract_claims(self, items: list[Segmented]) -> list[list[ClaimDraft]]:
        """Claims of each article, with quotes the extract stage will look for."""
        ...

    def repair_claims(
        self, items: list[tuple[Segmented, list[ClaimDraft]]]
    ) -> list[list[ClaimDraft]]:
        """Claims again, for drafts whose quote was not found in their article (one try)."""
        ...

    def judge_groups(
        self, groups: list[ClaimGroup], articles: dict[str, Article]
    ) -> list[GroupJudgement | None]:
        """Verdicts on each group's members; None for a group that could not be judged."""
        ...

    def sweep_cluster(
        self, claims: list[Claim], known: list[Finding], articles: dict[str, Article]
    ) -> list[Proposal]:
        """Conflicts, altered quotes and attribution changes among all the claims of the
        cluster that ``known`` does not list yet (the local engine proposes none)."""
        ...

    def write_brief(self, facts: list[Fact], total: int) -> list[DraftSentence] | None:
        """Sentences for the offered facts (of ``total`` sources); None when writing failed."""
        ...

    def check_brief(self, sentences: list[BriefSentence], claims: dict[str, Claim]) -> list[bool]:
        """Whether each sentence is supported by the quotes of the claims it cites."""
        ...

    def usage(self) -> Usage:
        """Calls, tokens and cost so far (zero for the local engine)."""
        ...

    def problems(self) -> list[Problem]:
        """What could not be checked, and why."""
        ...

    def close(self) -> None: ...


def engine_name(settings: Settings) -> str:
    """The engine the settings ask for: ``auto`` is llm only when a model is named."""
    if settings.engine not in ENGINES:
        raise ConfigError(f"unknown engine {settings.engine!r}: choose auto, local or llm")
    if settings.engine == "auto":
        return "llm" if settings.model else "local"
    return settings.engine


def get_engine(settings: Settings, **options: object) -> Engine:
    """The engine the settings ask for; ``options`` (transport, prompts, progress, rate
    limiter) are the llm engine's, but for ``deadline`` (the run's), which both take."""
    if engine_name(settings) == "local":
        from .local import LocalEngine

        return LocalEngine(deadline=options.get("deadline"))
    from .llm import LLMEngine

    return LLMEngine(settings, **options)
