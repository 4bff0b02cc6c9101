"""Extract: claims per article from the engine, each kept only when its evidence is verbatim.

Evidence whose offsets drift is re-anchored by finding its quote in the article (exactly, then
with whitespace normalised); evidence that cannot be found is dropped and counted. Engines use
``verify_evidence``; ``extract`` hands them the articles that are not exact duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .models import Article, Claim, Span

if TYPE_CHECKING:
    from .engines import Engine


@dataclass
class Extraction:
    """Claims of every article, in article order, and how many were dropped."""

    claims: list[Claim] = field(default_factory=list)
    dropped: int = 0


def extract(articles: list[Article], engine: Engine) -> Extraction:
    """Run the engine over each article that is not an exact duplicate."""
    return engine.extract([a for a in articles if a.duplicate_of is None])


def verify_evidence(article: Article, claim: Claim) -> Claim | None:
    """The claim with evidence that indexes ``article.text`` exactly, or None."""
    span = claim.evidence
    if article.text[span.start : span.end] == span.quote and span.quote:
        return claim
    located = locate(article.text, span.quote)
    if located is None:
        return None
    start, end = located
    fixed = Span(start=start, end=end, quote=article.text[start:end])
    return claim.model_copy(update={"evidence": fixed})


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``: exact match first, then whitespace-insensitive."""
    quote = quote.strip()
    if not quote:
        return None
    index = text.find(quote)
    if index >= 0:
        return index, index + len(quote)
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None
