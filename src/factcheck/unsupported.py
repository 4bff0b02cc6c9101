"""Unsupported: single-source claims and unsupported additions, and the ranking of findings.

``single_source``: a factual claim that only one independent source makes, with no source
contradicting it. ``unsupported_addition``: an unattributed opinion or speculation (the brief's
``editorial`` rule) that no other source supports, or any claim in a derived article that its
source does not contain. Which article is derived from which is decided in ``rewrites``.
"""

from __future__ import annotations

from .brief import editorial
from .judge import finding_id
from .models import Claim, ClaimGroup, Finding
from .rewrites import independent_source

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
KIND_ORDER = {
    "contradiction": 0, "update": 1, "altered_quote": 1, "unsupported_addition": 2,
    "name_variant": 3, "single_source": 4,
}  # fmt: skip


def find_unsupported(
    groups: list[ClaimGroup], derived: dict[str, str], contested: set[str], labels: dict[str, str]
) -> list[Finding]:
    """single_source and unsupported_addition findings; ``contested`` claims are skipped.
    ``labels`` name each article in explanations ("[2] wire.txt")."""
    findings = []
    for group in groups:
        roots = {independent_source(a, derived) for a in group.articles}
        if len(roots) > 1 or any(c.id in contested for c in group.members):
            continue
        finding = _classify(group.canonical, group.members, derived, labels)
        if finding is not None:
            findings.append(finding)
    return findings


def _classify(
    claim: Claim, members: list[Claim], derived: dict[str, str], labels: dict[str, str]
) -> Finding | None:
    ids = [m.id for m in members]
    source = labels[claim.article]
    added = editorial(claim)
    if claim.article in derived and len({m.article for m in members}) == 1:
        origin = labels[derived[claim.article]]
        return _finding(
            "unsupported_addition",
            ids,
            "high" if added else "medium",
            0.7,
            f"{source}, a rewrite of {origin}, adds this; {origin} does not say it.",
        )
    if added:
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
