"""Judge: compare each member of an aligned group with the group's canonical claim.

Cost is linear in the group's size. A member conflicts when a slot both claims fill disagrees:
a quantity of the same unit whose allowed ranges cannot overlap, a time of the same kind, or
the place where something happened (only when the member's article never names the other
place). Confidence grows with how alike the two claims are; a pair below ``MIN_CONFIDENCE``
is "can't tell" and raises nothing. One conflicting group is one finding listing every side.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .align import ClaimGroup
from .lexical import overlap
from .models import Article, Cell, Claim, ConflictType, Finding, Group
from .names import is_alias, locative_places, place_mentioned, titles_conflict, variant_kind
from .people import Person, PersonIndex
from .quantities import compatible, describe
from .times import conflicting

MIN_CONFIDENCE = 0.5


@dataclass
class Verdict:
    """How one member relates to the canonical claim."""

    state: str  # agree | conflict | adds_detail | cant_tell
    type: ConflictType | None = None
    confidence: float = 0.0
    reason: str = ""


@dataclass
class Judged:
    """Groups for the report and the contradiction findings."""

    groups: list[Group] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def judge(groups: list[ClaimGroup], articles: dict[str, Article]) -> Judged:
    result = Judged()
    for group in groups:
        if len(group.articles) < 2:
            continue
        verdicts = {
            m.id: compare(group.canonical, m, group.scores[m.id], articles)
            for m in group.members[1:]
        }
        result.groups.append(report_group(group, verdicts))
        finding = group_finding(group, verdicts)
        if finding is not None:
            result.findings.append(finding)
    return result


def compare(canonical: Claim, member: Claim, score: float, articles: dict[str, Article]) -> Verdict:
    """Slot-by-slot comparison of one member with the canonical claim."""
    confidence = min(0.95, 0.45 + score)
    for check in (_quantity, _time, _place, _attribution):
        verdict = check(canonical, member, articles)
        if verdict is not None:
            verdict.confidence = confidence
            if verdict.type != "attribution" and _different_claimants(canonical, member):
                # "the union said 5,000, the employer said 2,000": two claims, not a clash
                reason = f"{verdict.reason}, claimed by different sources"
                return Verdict("cant_tell", verdict.type, confidence, reason)
            if confidence < MIN_CONFIDENCE:
                return Verdict("cant_tell", verdict.type, confidence, verdict.reason)
            return verdict
    if _adds_detail(canonical, member):
        return Verdict("adds_detail", confidence=confidence)
    return Verdict("agree", confidence=confidence)


def _quantity(a: Claim, b: Claim, _articles) -> Verdict | None:
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit == qb.unit and not compatible(qa, qb):
                reason = f"“{qa.text}” against “{qb.text}” ({describe(qa)} vs {describe(qb)})"
                return Verdict("conflict", "quantity", reason=reason)
    return None


def _time(a: Claim, b: Claim, _articles) -> Verdict | None:
    for ta in a.times:
        same_kind = [
            tb for tb in b.times
            if tb.kind == ta.kind or (ta.resolved and tb.resolved
                                      and len(ta.resolved) == len(tb.resolved))
        ]  # fmt: skip
        if same_kind and all(conflicting(ta, tb) for tb in same_kind):
            return Verdict("conflict", "date", reason=f"“{ta.text}” against “{same_kind[0].text}”")
    return None


def _place(a: Claim, b: Claim, articles: dict[str, Article]) -> Verdict | None:
    places_a, places_b = set(locative_places(a.text)), set(locative_places(b.text))
    if not places_a or not places_b or places_a & places_b:
        return None
    text_a, text_b = articles[a.article].text, articles[b.article].text
    if any(place_mentioned(p, text_b) for p in places_a) or any(
        place_mentioned(p, text_a) for p in places_b
    ):
        return None
    reason = f"“{sorted(places_a)[0]}” against “{sorted(places_b)[0]}”"
    return Verdict("conflict", "place", reason=reason)


def _same_person(a: str, b: str) -> bool:
    return (
        a.casefold() == b.casefold()
        or variant_kind(a, b) is not None
        or is_alias(a, b)
        or is_alias(b, a)
    )


def _different_claimants(a: Claim, b: Claim) -> bool:
    who_a, who_b = a.attributed_to, b.attributed_to
    return bool(who_a and who_b) and not _same_person(who_a, who_b)


def _attribution(a: Claim, b: Claim, _articles) -> Verdict | None:
    """The same quotation credited to different people."""
    if not (a.attributed_to and b.attributed_to) or "quote" not in (a.kind, b.kind):
        return None
    who_a, who_b = a.attributed_to, b.attributed_to
    same = _same_person(who_a, who_b)
    quoted_a, quoted_b = _quoted(a.text), _quoted(b.text)
    if same or not quoted_a or not quoted_b or overlap(quoted_a, quoted_b) < 0.6:
        return None
    return Verdict("conflict", "attribution", reason=f"credited to “{who_a}” and to “{who_b}”")


def _quoted(text: str) -> str:
    return " ".join(re.findall(r"[“\"]([^”\"]{8,})[”\"]", text))


def _adds_detail(a: Claim, b: Claim) -> bool:
    units_a = {q.unit for q in a.quantities}
    times_a = {t.value for t in a.times}
    return any(q.unit not in units_a for q in b.quantities) or any(
        t.value not in times_a for t in b.times
    )


def report_group(group: ClaimGroup, verdicts: dict[str, Verdict]) -> Group:
    cells: dict[str, Cell] = {}
    conflicted = any(v.state == "conflict" for v in verdicts.values())
    for claim in group.members:
        verdict = verdicts.get(claim.id)
        state = "agree" if verdict is None or verdict.state == "cant_tell" else verdict.state
        if verdict is None and conflicted:
            state = "conflict"
        cell = cells.setdefault(claim.article, Cell(state=state, claims=[]))
        cell.claims.append(claim.id)
        if state == "conflict":
            cell.state = "conflict"
    return Group(
        id=group.id, topic=topic(group.canonical), canonical=group.canonical.id, cells=cells
    )


def topic(claim: Claim, words: int = 9) -> str:
    """A short label: the first words of the canonical claim."""
    parts = claim.text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def group_finding(group: ClaimGroup, verdicts: dict[str, Verdict]) -> Finding | None:
    conflicts = [(cid, v) for cid, v in verdicts.items() if v.state == "conflict"]
    if not conflicts:
        return None
    kind = conflicts[0][1].type
    claims = [group.canonical.id] + [cid for cid, _ in conflicts]
    confidence = max(v.confidence for _, v in conflicts)
    reason = conflicts[0][1].reason
    return Finding(
        id=finding_id("contradiction", claims),
        kind="contradiction",
        type=kind,
        severity="high" if confidence >= 0.7 else "medium",
        confidence=round(confidence, 2),
        group=group.id,
        claims=claims,
        explanation=f"Sources disagree on the {_TYPE_WORDS[kind]}: {reason}.",
    )


_TYPE_WORDS = {
    "quantity": "figure", "date": "date", "place": "place", "role_title": "title",
    "attribution": "attribution", "event": "event", "negation": "event", "other": "facts",
}  # fmt: skip


def as_updates(findings: list[Finding], claims: dict[str, Claim], articles: dict[str, Article]):
    """A figure that changed between articles published at different times is an update, not a
    contradiction: the later article may report newer news (a toll that rose). When something
    happened is not updated that way, so dates stay contradictions."""
    out = []
    for finding in findings:
        if finding.kind != "contradiction" or finding.type != "quantity":
            out.append(finding)
            continue
        dated = [(articles[claims[c].article].published, c) for c in finding.claims if c in claims]
        times = {t for t, _ in dated}
        if None in times or len(times) < 2:
            out.append(finding)
            continue
        dated.sort()
        earlier, later = dated[0][1], dated[-1][1]
        out.append(
            finding.model_copy(
                update={
                    "id": finding_id("update", finding.claims),
                    "kind": "update",
                    "severity": "medium",
                    "earlier": earlier,
                    "later": later,
                    "explanation": finding.explanation.replace(
                        "Sources disagree on", "A later source changes", 1
                    )
                    + " Check which is current.",
                }
            )
        )
    return out


def finding_id(kind: str, claims: list[str]) -> str:
    """Deterministic finding id from its kind and claims."""
    joined = kind + "|" + "|".join(sorted(claims))
    return "f-" + hashlib.sha256(joined.encode()).hexdigest()[:12]


def judge_people(people: PersonIndex, claims: dict[str, Claim]) -> list[Finding]:
    """Name variants and title conflicts: findings about people, not about one group."""
    findings = []
    for person in people.people:
        variant = _variant_finding(person, claims)
        if variant is not None:
            findings.append(variant)
        title = _title_finding(person, claims)
        if title is not None:
            findings.append(title)
    return findings


def _variant_finding(person: Person, claims: dict[str, Claim]) -> Finding | None:
    spellings = [s for s in person.spellings if person.claims.get(s)]
    if len(spellings) < 2:
        return None
    spelling_level = any(person.spellings[s] == "spelling" for s in spellings)
    cited = [person.claims[s][0] for s in spellings]
    listed = ", ".join(f"“{s}”" for s in spellings)
    return Finding(
        id=finding_id("name_variant", cited),
        kind="name_variant",
        severity="medium" if spelling_level else "low",
        confidence=0.75 if spelling_level else 0.9,
        claims=cited,
        variants=spellings,
        explanation=f"One person is spelled {listed}; pick one spelling before publishing.",
    )


def _title_finding(person: Person, claims: dict[str, Claim]) -> Finding | None:
    titles: dict[str, dict[str, list[str]]] = {}  # article -> title -> claim ids
    for spelling, claim_ids in person.claims.items():
        for claim_id in claim_ids:
            claim = claims[claim_id]
            for entity in claim.entities:
                if entity.type == "person" and entity.name == spelling and entity.title:
                    titles.setdefault(claim.article, {}).setdefault(entity.title, []).append(
                        claim_id
                    )
    articles = list(titles)
    best = None
    for i, first in enumerate(articles):
        for second in articles[i + 1 :]:
            confidence = titles_conflict(set(titles[first]), set(titles[second]))
            if confidence is not None and (best is None or confidence > best):
                best = confidence
    if best is None:
        return None
    sides: dict[str, list[str]] = {}
    for by_title in titles.values():
        for title, claim_ids in by_title.items():
            sides.setdefault(title, []).append(claim_ids[0])
    cited = [cid for ids in sides.values() for cid in ids]
    versions = " or ".join(f"“{t}”" for t in sides)
    return Finding(
        id=finding_id("contradiction", cited),
        kind="contradiction",
        type="role_title",
        severity="high" if best >= 0.7 else "medium",
        confidence=best,
        claims=cited,
        variants=list(sides),
        explanation=f"Sources differ on the title of {person.name}: {versions}.",
    )
