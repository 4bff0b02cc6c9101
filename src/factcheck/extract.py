"""Extract: claims per article from the engine, each kept only when its evidence is verbatim.

The stage segments each article that is not an exact duplicate and hands the sentences to the
engine, which drafts claims with quotes. ``find_evidence`` is the one test of evidence for every
engine: the quote at the offset the engine gives, else the quote found in the article (exactly,
then with whitespace normalised). Claims whose quote is not found go back to the engine once
(``repair_claims``: the llm engine re-asks the model); those still not found are dropped and
counted. Quantities and times are then read from the quote as found, by the same normalisers for
every engine, and ids derive from the article id and the evidence span. A bug met while
processing one article (``isolation``) makes that article a problem; the others go on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .deadline import caused_by_deadline
from .errors import ExtractionFailed
from .isolation import FAILED, article_name, attempt, each
from .models import (
    Article,
    Claim,
    ClaimDraft,
    Extraction,
    Quantity,
    Segmented,
    Span,
    TimeExpr,
)
from .quantities import parse_quantities
from .segment import segment
from .times import parse_times, resolve

if TYPE_CHECKING:
    from .engines import Engine

Anchored = tuple[Span, ClaimDraft]  # a draft and the evidence found for it


def extract(articles: list[Article], engine: Engine) -> Extraction:
    """Claims of each article that is not an exact duplicate, in article order. An article
    whose processing raises a bug is a problem of its own and adds no claims."""
    result = Extraction()
    fresh = [_segmented(a, result) for a in articles if a.duplicate_of is None]
    items = [item for item in fresh if item is not None]
    drafted = each(engine.extract_claims, items, _item_name, [], result.problems)
    found: list = [_step(result, item, _anchor, item.article.text, d)
                   for item, d in zip(items, drafted, strict=True)]  # fmt: skip
    unfound = [(p, got[1]) for p, got in enumerate(found) if got is not FAILED and got[1]]
    repaired = each(engine.repair_claims, [(items[p], m) for p, m in unfound],
                    lambda pair: _item_name(pair[0]), [], result.problems)  # fmt: skip
    for (position, missing), again in zip(unfound, repaired, strict=True):
        item = items[position]
        fixed = _step(result, item, _anchor, item.article.text, again[: len(missing)])
        if fixed is FAILED:
            found[position] = FAILED
            continue
        found[position][0].extend(fixed[0])
        result.dropped += len(missing) - len(fixed[0])
    for item, got in zip(items, found, strict=True):
        claims = FAILED if got is FAILED else _step(result, item, claims_of, item.article, got[0])
        if claims is not FAILED:
            result.claims += claims
    _fail_when_nothing_came(items, result, engine)
    return result


def _segmented(article: Article, result: Extraction) -> Segmented | None:
    sentences = attempt(result.problems, article_name(article), segment, article)
    return None if sentences is FAILED else Segmented(article, sentences)


def _step(result: Extraction, item: Segmented, step, *args):
    return attempt(result.problems, article_name(item.article), step, *args)


def _item_name(item: Segmented) -> str:
    return article_name(item.article)


def _anchor(text: str, drafted: list[ClaimDraft]) -> tuple[list[Anchored], list[ClaimDraft]]:
    """Drafts with the evidence found for them, and the drafts whose quote was not found."""
    anchored, missing = [], []
    for draft in drafted:
        span = find_evidence(text, draft)
        if span is None:
            missing.append(draft)
        else:
            anchored.append((span, draft))
    return anchored, missing


def find_evidence(text: str, draft: ClaimDraft) -> Span | None:
    """Where the draft's quote stands in ``text``: at the offset given, else found, else None."""
    quote, start = draft.quote, draft.start
    if quote and start is not None and start >= 0 and text.startswith(quote, start):
        return Span(start=start, end=start + len(quote), quote=quote)
    for candidate in dict.fromkeys((quote, *draft.variants)):
        located = locate(text, candidate)
        if located is not None:
            start, end = located
            return Span(start=start, end=end, quote=text[start:end])
    return None


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


def claims_of(article: Article, anchored: list[Anchored]) -> list[Claim]:
    """Claims in evidence order; ids from the article id and the evidence span (a second
    claim on one span gets a suffix)."""
    seen: dict[str, int] = {}
    claims = []
    for span, draft in sorted(anchored, key=lambda a: (a[0].start, a[0].end)):
        base = claim_id(article.id, span.start, span.end)
        n = seen.get(base, 0)
        seen[base] = n + 1
        claims.append(_claim(base if n == 0 else f"{base}-{n + 1}", article, draft, span))
    return claims


def claim_id(article_id: str, start: int, end: int) -> str:
    """Claim ids derive from the article id and the evidence span."""
    return f"{article_id}-{start}-{end}"


def _claim(claim_id: str, article: Article, draft: ClaimDraft, span: Span) -> Claim:
    quantities, times = _figures(span.quote)
    return Claim(
        id=claim_id,
        article=article.id,
        text=draft.text or span.quote,
        kind=draft.kind,
        evidence=span,
        entities=draft.entities,
        quantities=quantities,
        times=resolve(times, article.published),
        attributed_to=draft.attributed_to,
        hedged=draft.hedged,
    )


@lru_cache(maxsize=20_000)
def _figures(quote: str) -> tuple[list[Quantity], list[TimeExpr]]:
    """Quantities and times of a quote; cached, since syndicated copies repeat sentences."""
    return parse_quantities(quote), parse_times(quote)


def _fail_when_nothing_came(items: list[Segmented], result: Extraction, engine: Engine) -> None:
    """Every call failed: there is nothing to compare, and the run ends (not when the run's
    deadline stopped them: that is a partial report)."""
    problems = [p for p in engine.problems() if not caused_by_deadline(p.error)]
    if items and not result.claims and problems:
        first = problems[0]
        raise ExtractionFailed(
            f"no article could be extracted ({len(problems)} failed calls); "
            f"first: {first.where}: {first.error}"
        )
