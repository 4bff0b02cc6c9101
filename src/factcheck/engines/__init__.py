"""Engines: one interface, two implementations.

``local`` is offline and deterministic (rules and small libraries); ``llm`` talks to any
OpenAI-compatible endpoint. The pipeline calls an engine for the stages a model can do better
(extract, judge, compose the brief) and runs the rest (align, name variants, unsupported
additions) itself, so both engines produce the same report models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..errors import ConfigError
from ..settings import Settings

if TYPE_CHECKING:
    from ..align import ClaimGroup
    from ..brief import Composed
    from ..extract import Extraction
    from ..judge import Judged
    from ..models import Article, Claim, Finding, Problem, Usage


class Engine(Protocol):
    """What the pipeline needs from an engine."""

    name: str
    model: str | None
    prompt_version: str | None

    def extract(self, articles: list[Article]) -> Extraction:
        """Claims of each article, every one with evidence inside its article's text."""
        ...

    def judge(self, groups: list[ClaimGroup], articles: dict[str, Article]) -> Judged:
        """Cells of each aligned group and the contradictions found in them."""
        ...

    def compose(
        self,
        groups: list[ClaimGroup],
        findings: list[Finding],
        claims: dict[str, Claim],
        derived: dict[str, str],
        independent_total: int,
    ) -> Composed:
        """The merged brief, every sentence checked against the evidence it cites."""
        ...

    def usage(self) -> Usage:
        """Calls, tokens and cost so far (zero for the local engine)."""
        ...

    def problems(self) -> list[Problem]:
        """What could not be checked, and why."""
        ...

    def close(self) -> None: ...


def get_engine(settings: Settings, **options: object) -> Engine:
    """The engine the settings ask for: ``auto`` is llm only when a model is named."""
    choice = settings.engine
    if choice == "auto":
        choice = "llm" if settings.model else "local"
    if choice == "local":
        from .local import LocalEngine  # options (transport, prompts, progress) are llm-only

        return LocalEngine()
    if choice == "llm":
        from .llm import LLMEngine

        return LLMEngine(settings, **options)
    raise ConfigError(f"unknown engine {settings.engine!r}: choose auto, local or llm")
