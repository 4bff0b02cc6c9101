"""Unsupported: rewrites, single-source claims and unsupported additions.

An article is ``derived_from`` another when a large share of its claims align with that
article's claims and the share is larger than the other way round (and, with publication
times, it is not the earlier one). A derived article's agreement is not independent support.

``single_source``: a factual claim that only one independent source makes, with no source
contradicting it. ``unsupported_addition``: an unattributed opinion or speculation that no
other source supports, or any claim in a derived article that its source does not contain.
"""

from __future__ import annotations

from collections import Counter

from .align import ClaimGroup
from .judge import finding_id
from .models import Article, Claim, Finding

DERIVED_SHARE = 0.4
MIN_DERIVED_CLAIMS = 3  # two short texts sharing a sentence are not a rewrite
EDITORIAL_KINDS = ("opinion", "speculation")
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
KIND_ORDER = {
    "contradiction": 0, "update": 1, "unsupported_addition": 2, "name_variant": 3,
    "single_source": 4,
}  # fmt: skip


def find_derived(
    articles: list[Article], claims: list[Claim], groups: list[ClaimGroup]
) -> dict[str, str]:
    """Map of article id → id of the article it is likely rewritten from."""
    totals = Counter(c.article for c in claims)
    shared: Counter = Counter()  # (a, b) -> claims of a aligned with a claim of b
    for group in groups:
        canonical = group.canonical.article
        for member in group.members[1:]:
            if member.article != canonical:
                shared[(member.article, canonical)] += 1
                shared[(canonical, member.article)] += 1
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


def independent_source(article_id: str, derived: dict[str, str]) -> str:
    """The article at the root of a chain of rewrites."""
    seen = set()
    while article_id in derived and article_id not in seen:
        seen.add(article_id)
        article_id = derived[article_id]
    return article_id


def find_unsupported(
    groups: list[ClaimGroup], derived: dict[str, str], contested: set[str], names: dict[str, str]
) -> list[Finding]:
    """single_source and unsupported_addition findings; ``contested`` claims are skipped."""
    findings = []
    for group in groups:
        roots = {independent_source(a, derived) for a in group.articles}
        if len(roots) > 1 or any(c.id in contested for c in group.members):
            continue
        finding = _classify(group.canonical, group.members, derived, names)
        if finding is not None:
            findings.append(finding)
    return findings


def _classify(
    claim: Claim, members: list[Claim], derived: dict[str, str], names: dict[str, str]
) -> Finding | None:
    ids = [m.id for m in members]
    source = names[claim.article]
    editorial = claim.kind in EDITORIAL_KINDS and not claim.attributed_to
    if claim.article in derived and len({m.article for m in members}) == 1:
        origin = names[derived[claim.article]]
        return _finding(
            "unsupported_addition",
            ids,
            "high" if editorial else "medium",
            0.7,
            f"{source}, a rewrite of {origin}, adds this; {origin} does not say it.",
        )
    if editorial:
        what = "editorial judgement" if claim.kind == "opinion" else "speculation"
        return _finding(
            "unsupported_addition",
            ids,
            "medium",
            0.6,
            f"Unattributed {what} that only {source} carries; no other source supports it.",
        )
    return _finding(
        "single_source",
        ids,
        "low",
        0.6,
        f"Only {source} reports this; attribute it or confirm it elsewhere.",
    )


def _finding(
    kind: str, claims: list[str], severity: str, confidence: float, explanation: str
) -> Finding:
    return Finding(
        id=finding_id(kind, claims),
        kind=kind,
        severity=severity,
        confidence=confidence,
        claims=claims,
        explanation=explanation,
    )


def rank(findings: list[Finding]) -> list[Finding]:
    """What an editor should look at first: severity, then kind, then confidence."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], KIND_ORDER[f.kind], -f.confidence, f.id),
    )
