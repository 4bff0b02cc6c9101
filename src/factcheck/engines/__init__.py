"""Engines: one interface, two implementations.

``local`` is offline and deterministic (rules and small libraries); ``llm`` (a later addition)
talks to any OpenAI-compatible endpoint. Stages call an engine through ``Engine`` and never
know which one runs.
"""

from __future__ import annotations

from typing import Protocol

from ..errors import ConfigError
from ..models import Article, Claim, Sentence
from ..settings import Settings


class Engine(Protocol):
    """What the pipeline needs from an engine."""

    name: str
    model: str | None

    def extract(self, article: Article, sentences: list[Sentence]) -> list[Claim]:
        """Claims of one article, each with evidence inside the article's text."""
        ...


def get_engine(settings: Settings) -> Engine:
    """The engine the settings ask for: ``auto`` is llm only when a model is named."""
    choice = settings.engine
    if choice == "auto":
        choice = "llm" if settings.model else "local"
    if choice == "local":
        from .local import LocalEngine

        return LocalEngine()
    if choice == "llm":
        raise ConfigError("the llm engine is not available in this version; use --engine local")
    raise ConfigError(f"unknown engine {settings.engine!r}: choose auto, local or llm")
