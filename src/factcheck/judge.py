"""Judge: the engine compares each member of an aligned group with the group's canonical claim;
this stage decides what the verdicts mean.

Only groups that span two or more articles are judged, so cost is linear in the number of such
groups and in their sizes. The engine returns a verdict per member; ``settle`` applies the rules
every engine shares: a member the engine did not judge is "can't tell", a verdict on a claim
outside the group is ignored, a conflict below ``MIN_CONFIDENCE`` is "can't tell" and raises
nothing, and a conflict without a type is of type ``other``. One conflicting group is one
finding listing every side. Findings about people (name variants, titles that differ between
sources) and figures that a later article changed (``update``) are decided here too.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .excerpts import claim_excerpt, near_marks
from .isolation import FAILED, attempt, each
from .models import (
    Article,
    Cell,
    Claim,
    ClaimGroup,
    Finding,
    Group,
    GroupJudgement,
    Judged,
    Verdict,
)
from .names import GENERIC_TITLES, titles_conflict
from .people import Person, PersonIndex

if TYPE_CHECKING:
    from .engines import Engine

MIN_CONFIDENCE = 0.5
REACH = 160  # characters around a name where a title written beside it can stand


def judge(groups: list[ClaimGroup], articles: dict[str, Article], engine: Engine) -> Judged:
    """Cells of every group that spans two or more articles, and one finding per conflict; a
    group whose judging raises a bug is a problem of its own (``isolation``)."""
    shared = [g for g in groups if len(g.articles) >= 2]
    result = Judged()
    judgements = each(lambda some: engine.judge_groups(some, articles), shared,
                      _group_name, None, result.problems)  # fmt: skip
    for group, judgement in zip(shared, judgements, strict=True):
        if judgement is None:  # the engine could not judge it (and said why)
            continue
        judged = attempt(result.problems, _group_name(group), _judged, group, judgement)
        if judged is not FAILED:
            result.groups.append(judged[0])
            result.findings += [judged[1]] if judged[1] is not None else []
    return result


def _judged(group: ClaimGroup, judgement: GroupJudgement) -> tuple[Group, Finding | None]:
    verdicts = settle(group, judgement)
    return report_group(group, verdicts, judgement.topic), group_finding(group, verdicts)


def _group_name(group: ClaimGroup) -> str:
    return f"group {group.id}"


def settle(group: ClaimGroup, judgement: GroupJudgement) -> dict[str, Verdict]:
    """One verdict per member after the canonical claim, in member order."""
    return {
        member.id: settle_verdict(judgement.verdicts.get(member.id) or Verdict("cant_tell"))
        for member in group.members[1:]
    }


def settle_verdict(verdict: Verdict) -> Verdict:
    """The rules for one verdict, shared with the cluster sweep: a conflict below
    ``MIN_CONFIDENCE`` is "can't tell", a conflict without a type is of type ``other``."""
    if verdict.state == "conflict" and verdict.confidence < MIN_CONFIDENCE:
        return Verdict("cant_tell", None, verdict.confidence, verdict.reason)
    if verdict.state == "conflict" and verdict.type is None:
        return Verdict("conflict", "other", verdict.confidence, verdict.reason)
    return verdict


def report_group(
    group: ClaimGroup, verdicts: dict[str, Verdict], label: str | None = None
) -> Group:
    """The group's row of the grid: one cell per article; ``label`` is the engine's topic."""
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
        id=group.id,
        topic=label or topic(group.canonical),
        canonical=group.canonical.id,
        cells=cells,
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
        explanation=explain_conflict(kind, reason),
    )


def explain_conflict(kind: str, reason: str) -> str:
    """The explanation of a contradiction of type ``kind`` (shared with the cluster sweep)."""
    return f"Sources disagree on the {_TYPE_WORDS[kind]}: {reason}."


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
    titled = _titles_by_name(claims)
    for person in people.people:
        variant = _variant_finding(person, claims)
        if variant is not None:
            findings.append(variant)
        title = _title_finding(person, claims, titled)
        if title is not None:
            findings.append(title)
    return findings


def _titles_by_name(claims: dict[str, Claim]) -> dict[tuple[str, str], list[str]]:
    """(claim id, person's name) → the titles the claim gives that person, built once: a claim
    naming thousands of people is read once, not once per person."""
    titled: dict[tuple[str, str], list[str]] = {}
    for claim in claims.values():
        for entity in claim.entities:
            if entity.type == "person" and entity.title:
                titled.setdefault((claim.id, entity.name), []).append(entity.title)
    return titled


def _variant_finding(person: Person, claims: dict[str, Claim]) -> Finding | None:
    spellings = [s for s in person.spellings if person.claims.get(s)]
    if len(spellings) < 2:
        return None
    spelling_level = any(person.spellings[s] == "spelling" for s in spellings)
    spoofed = any(person.spellings[s] == "script" for s in spellings)
    cited = [person.claims[s][0] for s in spellings]
    listed = ", ".join(f"“{s}”" for s in spellings)
    explanation = f"One person is spelled {listed}; pick one spelling before publishing."
    if spoofed:
        explanation = (
            f"One person is spelled {listed}, and one spelling uses look-alike letters of "
            "another script (as a spoofed name does): it reads the same but is not the same "
            "text; check which source is genuine before publishing."
        )
    return Finding(
        id=finding_id("name_variant", cited),
        kind="name_variant",
        severity="high" if spoofed else "medium" if spelling_level else "low",
        confidence=0.9 if spoofed or not spelling_level else 0.75,
        claims=cited,
        variants=spellings,
        explanation=explanation,
    )


def _title_finding(
    person: Person, claims: dict[str, Claim], titled: dict[tuple[str, str], list[str]]
) -> Finding | None:
    titles: dict[str, dict[str, list[str]]] = {}  # article -> title -> claim ids
    for spelling, claim_ids in person.claims.items():
        for claim_id in claim_ids:
            for title in titled.get((claim_id, spelling), ()):
                by_title = titles.setdefault(claims[claim_id].article, {})
                by_title.setdefault(title, []).append(claim_id)
    best = _worst_clash(titles, claims, list(person.spellings))
    if best is None:
        return None
    sides: dict[str, list[str]] = {}
    for by_title in titles.values():
        for title, claim_ids in by_title.items():
            sides.setdefault(title, []).append(claim_ids[0])
    cited = [cid for ids in sides.values() for cid in ids]
    versions = " or ".join(f"“{t}”" for t in sides)
    names = list(person.spellings)
    excerpts = [
        claim_excerpt(c, near_marks(c.evidence.quote, c.evidence.start, list(sides), names))
        for c in (claims[cid] for cid in cited)
    ]
    return Finding(
        id=finding_id("contradiction", cited),
        kind="contradiction",
        type="role_title",
        severity="high" if best >= 0.7 else "medium",
        confidence=best,
        claims=cited,
        variants=list(sides),
        explanation=f"Sources differ on the title of {person.name}: {versions}.",
        excerpts=excerpts,
    )


def _worst_clash(
    titles: dict[str, dict[str, list[str]]], claims: dict[str, Claim], names: list[str]
) -> float | None:
    """The strongest title conflict between two articles, or None. Titles one person holds
    together are no conflict: titles one source writes beside the person's name ("General Ana
    Ruiz, the police chief") hold together in every source, and a generic word of an office
    spelled out ("chief" of a chief executive officer) names that office loosely."""
    every = {t for by_title in titles.values() for t in by_title}
    held = {a: _held(by_title, every, claims, names) for a, by_title in titles.items()}
    together = [h for h in held.values() if len(h) >= 2]
    best = None
    articles = list(titles)
    for i, first in enumerate(articles):
        for second in articles[i + 1 :]:
            held_a, held_b = _with_partners(held[first], together), held[second]
            if _same_post(held_a, held_b):
                continue
            confidence = titles_conflict(held_a, held_b)
            if confidence is not None and (best is None or confidence > best):
                best = confidence
    return best


def _held(
    by_title: dict[str, list[str]], every: set[str], claims: dict[str, Claim], names: list[str]
) -> set[str]:
    """An article's titles for a person, with the cluster's other titles for them that its
    sentences write beside the name (an apposition after it, a title just before it)."""
    quotes = [claims[c].evidence.quote for ids in by_title.values() for c in ids]
    return set(by_title) | {t for t in every if any(_beside(t, q, names) for q in quotes)}


def _with_partners(held: set[str], together: list[set[str]]) -> set[str]:
    """The titles, with those some source gives together with one of them."""
    return held.union(*(h for h in together if h & held))


def _beside(title: str, text: str, names: list[str]) -> bool:
    for name in names:
        patterns = beside_patterns(title, name)
        if any(p.search(near) for near in _around(name, text) for p in patterns):
            return True
    return False


def beside_patterns(title: str, name: str) -> tuple[re.Pattern, re.Pattern]:
    """A title in apposition after the name ("Ana Ruiz, the city's mayor") and a title up to two
    words before it ("Mayor of Orlen Ana Ruiz")."""
    word = rf"\b{re.escape(title)}\b"
    escaped = re.escape(name)
    after = rf"{escaped},\s+[^,.;:()]{{0,40}}?{word}"
    before = rf"{word}\s+(?:[\w.’'-]+\s+){{0,2}}{escaped}"
    return re.compile(after, re.IGNORECASE), re.compile(before, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _around(name: str, text: str) -> tuple[str, ...]:
    """The stretches of ``text`` around each mention of ``name`` (``REACH`` characters on
    either side): where a title beside the name can stand, so a long text is read once per
    name, not once per title."""
    found = re.finditer(re.escape(name), text, re.IGNORECASE)
    return tuple(text[max(0, m.start() - REACH) : m.end() + REACH] for m in found)


SPELLED_OUT = {  # offices written as initials, spelled out
    "ceo": "chief executive officer", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cto": "chief technology officer",
}  # fmt: skip


def _same_post(titles_a: set[str], titles_b: set[str]) -> bool:
    """A generic title on one side that is a word of an office on the other ("chief" and
    "ceo"): the office named loosely."""
    pairs = [(x, y) for x in titles_a for y in titles_b] + [
        (y, x) for x in titles_a for y in titles_b
    ]
    return any(x in GENERIC_TITLES and x in SPELLED_OUT.get(y, y).split() for x, y in pairs)
