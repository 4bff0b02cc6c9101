"""Unsupported: single-source claims and unsupported additions, and the ranking of findings.

``single_source``: the factual claims that only one independent source makes, with no source
contradicting them: one finding per source ("[2] alone reports 12 facts"), listing every such
claim, low severity; with fewer than two independent sources there is nothing to compare and
no such finding. ``unsupported_addition``: an unattributed opinion or speculation (the brief's
``editorial`` rule) that no other source supports, or what a derived article adds that its
source does not contain (one finding per rewrite, listing every such claim). Which article is
derived from which is decided in ``rewrites``. Given the articles' texts, each
unsupported_addition says what it adds (``added``): against the rewrite's origin, or for an
editorial claim against the other sources ("says 'Tuesday' where [1] says 'Wednesday'"; "all
new: nothing in [1] says anything like it"), and its excerpts mark the claims' new words.
"""

from __future__ import annotations

from .added import Added, Origin, Origins, summary, what_it_adds
from .align import stated_by
from .excerpts import claim_excerpt, phrase_marks
from .facts import editorial
from .judge import finding_id
from .models import Article, Claim, ClaimGroup, Excerpt, Finding
from .people import PersonIndex
from .rewrites import independent_source

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
KIND_ORDER = {
    "contradiction": 0, "altered_quote": 1, "name_variant": 2, "update": 3,
    "unsupported_addition": 4, "single_source": 5,
}  # fmt: skip


def find_unsupported(
    groups: list[ClaimGroup],
    derived: dict[str, str],
    contested: set[str],
    labels: dict[str, str],
    people: PersonIndex | None = None,
    articles: dict[str, Article] | None = None,
) -> list[Finding]:
    """single_source and unsupported_addition findings; ``contested`` claims are skipped.
    ``labels`` name each article in explanations ("[2] wire.txt"); with ``people``, a claim
    another source states outside its group (``align.stated_by``) counts as stated there; with
    the ``articles``, each unsupported_addition says what it adds (``added``)."""
    origins = Origins(articles or {}, derived, labels)
    findings = []
    single: dict[str, list[list[str]]] = {}  # independent source -> facts only it states
    added: dict[str, list[Claim]] = {}  # rewrite -> what it adds to its source
    sources = {independent_source(a, derived) for g in groups for a in g.articles}
    stated = _stated_elsewhere(groups, derived, people)
    for group in groups:
        claim = group.canonical
        sayers = set(group.articles).union(*(stated.get(c.id, set()) for c in group.members))
        roots = {independent_source(a, derived) for a in sayers}
        if len(roots) > 1 or any(c.id in contested for c in group.members):
            continue
        if claim.article in derived:
            if derived[claim.article] not in sayers:  # its source does not say it anywhere
                added.setdefault(claim.article, []).extend(group.members)
            continue
        finding = _classify(claim, group.members, labels, origins)
        if finding is None:
            single.setdefault(roots.pop(), []).append([m.id for m in group.members])
        else:
            findings.append(finding)
    findings += [_rewrite_adds(a, claims, labels, origins) for a, claims in added.items()]
    if len(sources) > 1:
        findings += [_single_source(facts, labels[root]) for root, facts in single.items()]
    return findings


def _stated_elsewhere(
    groups: list[ClaimGroup], derived: dict[str, str], people: PersonIndex | None
) -> dict[str, set[str]]:
    """Who else states each claim of a group that only one independent source holds."""
    if people is None:
        return {}
    lonely = {
        c.id
        for g in groups
        if len({independent_source(a, derived) for a in g.articles}) == 1
        for c in g.members
    }
    claims = [c for g in groups for c in g.members]
    return stated_by(claims, people, lonely) if lonely else {}


def _rewrite_adds(
    article: str, claims: list[Claim], labels: dict[str, str], origins: Origins
) -> Finding:
    """One finding for all a rewrite adds to its source, its editorial additions first, and
    what that is, read against the source. Statements are counted and read once per wording:
    a sentence its copies repeat is one statement."""
    claims = sorted(claims, key=lambda c: not editorial(c))
    own = labels[article]
    origin = labels[origins.derived[article]]
    texts = {c.text: editorial(c) for c in claims}  # each wording once, in order
    judged = sum(texts.values())
    what = "this" if len(texts) == 1 else f"{len(texts)} statements"
    share = "all" if judged == len(texts) else f"{judged} of them"
    of_them = f" ({share} opinion or speculation)" if judged and len(texts) > 1 else ""
    checked = origins.of_rewrite(article)
    added = {t: what_it_adds(t, checked) for t in texts} if checked else {}
    return _finding(
        "unsupported_addition",
        [c.id for c in claims],
        "high" if judged else "medium",
        0.7,
        f"{own}, a rewrite of {origin}, adds {what}{of_them} that {origin} does not say"
        f"{_why(list(added.values()), checked)}; check before using it.",
        _excerpts(claims, [added[c.text] for c in claims] if added else []),
    )


def _single_source(facts: list[list[str]], source: str) -> Finding:
    """One finding for every fact only ``source`` (and its rewrites) states."""
    what = "this" if len(facts) == 1 else f"{len(facts)} facts no other source states"
    them = "it" if len(facts) == 1 else "them"
    return _finding(
        "single_source",
        [cid for ids in facts for cid in ids],
        "low",
        0.6,
        f"{source} alone reports {what}; attribute {them} or confirm {them} elsewhere.",
    )


def _classify(
    claim: Claim, members: list[Claim], labels: dict[str, str], origins: Origins
) -> Finding | None:
    """An unattributed opinion or speculation only one source carries, or None (a fact), with
    what it adds to the other sources."""
    if not editorial(claim):
        return None
    source = labels[claim.article]
    what = "editorial judgement" if claim.kind == "opinion" else "speculation"
    others = origins.others(claim.text, claim.article)
    added = [what_it_adds(claim.text, others)] if others else []
    return _finding(
        "unsupported_addition",
        [m.id for m in members],
        "medium",
        0.6,
        f"Unattributed {what} that only {source} carries; no other source supports it"
        f"{_why(added, others)}.",
        _excerpts(members, added * len(members)),
    )


def _why(added: list[Added], origin: Origin | None) -> str:
    """' — it says 'Tuesday' where [1] says 'Wednesday'', or nothing when nothing is named."""
    said = summary(added, origin) if added and origin else ""
    return f" — {said}" if said else ""


def _excerpts(claims: list[Claim], added: list[Added]) -> list[Excerpt]:
    """Each claim's evidence with its new words marked; none when nothing is marked."""
    if not any(a.marks() for a in added):
        return []
    return [
        claim_excerpt(c, phrase_marks(c.evidence.quote, c.evidence.start, a.marks()))
        for c, a in zip(claims, added, strict=True)
    ]


def _finding(
    kind: str,
    claims: list[str],
    severity: str,
    confidence: float,
    explanation: str,
    excerpts: list[Excerpt] = (),
) -> Finding:
    return Finding(
        id=finding_id(kind, claims),
        kind=kind,
        severity=severity,
        confidence=confidence,
        claims=claims,
        explanation=explanation,
        excerpts=list(excerpts),
    )


def rank(findings: list[Finding]) -> list[Finding]:
    """What an editor should look at first: severity, then kind, then confidence."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], KIND_ORDER[f.kind], -f.confidence, f.id),
    )
