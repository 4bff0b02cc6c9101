"""Rewrites: which article is rewritten from which, and the independent source behind each.

An article is ``derived_from`` another when a large share of its claims align with that
article's claims and the share is larger than the other way round (and, with publication
times, it is not the earlier one). A derived article's agreement is not independent support.
"""

from __future__ import annotations

from collections import Counter

from .models import Article, Claim, ClaimGroup

DERIVED_SHARE = 0.4
MIN_DERIVED_CLAIMS = 3  # two short texts sharing a sentence are not a rewrite


def find_derived(
    articles: list[Article], claims: list[Claim], groups: list[ClaimGroup]
) -> dict[str, str]:
    """Map of article id → id of the article it is likely rewritten from."""
    totals = Counter(c.article for c in claims)
    shared = _shared(groups)
    published = {a.id: a.published for a in articles}
    derived: dict[str, str] = {}
    for (a, b), count in sorted(shared.items()):
        share_a, share_b = count / totals[a], shared[(b, a)] / totals[b]
        later_or_unknown = not (published[a] and published[b]) or published[a] >= published[b]
        better = a not in derived or share_a > shared[(a, derived[a])] / totals[a]
        enough = count >= MIN_DERIVED_CLAIMS
        if (
            share_a >= DERIVED_SHARE
            and share_a > share_b
            and later_or_unknown
            and better
            and enough
        ):
            derived[a] = b
    return derived


def _shared(groups: list[ClaimGroup]) -> Counter:
    """(a, b) → how many claims of a aligned with a claim of b (counted both ways)."""
    shared: Counter = Counter()
    for group in groups:
        canonical = group.canonical.article
        for member in group.members[1:]:
            if member.article != canonical:
                shared[(member.article, canonical)] += 1
                shared[(canonical, member.article)] += 1
    return shared


def independent_source(article_id: str, derived: dict[str, str]) -> str:
    """The article at the root of a chain of rewrites."""
    seen = set()
    while article_id in derived and article_id not in seen:
        seen.add(article_id)
        article_id = derived[article_id]
    return article_id
