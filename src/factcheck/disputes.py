"""Disputes: a contradiction stated in the brief as a dispute that names which sources say what.

A dispute never removes a fact. The brief states the fact from a claim that does not carry the
disputed detail, and states the detail apart: "Sources differ on the figure: 12 euros ([1][3])
or 15 euros ([2])." Each side lists every source that gives that version, a copy beside its
original; "k of n" still counts independent sources. A contradiction the judge found inside an
aligned group is stated only when its sides state one fact apart from the detail (``one_fact``);
the others stay findings. At most ``MAX_DISPUTES`` are stated, those that most independent
sources take part in first. ``carrying`` names the claims that state a disputed detail (a
person's title, the disputed figure, date or place, or any claim the contradiction cites), and
``Block`` what their wording must leave out to be stated as agreed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .citation import overlap
from .fragments import fragment
from .models import Claim, ClaimGroup, Fact, Finding
from .names import TITLES, name_key
from .quantities import compatible
from .story import Story

WHAT = {"quantity": "the figure", "date": "the date", "place": "the place"}
MAX_DISPUTES = 3
_MODIFIERS = r"(?:current|former|acting|interim|then|new|outgoing|incoming|deputy)"
SAME_FACT = 0.5  # share of content words (names aside) the sides of a group's dispute share
_TITLE_WORDS = "|".join(
    sorted({w.title() for t in TITLES for w in t.split()}, key=len, reverse=True)
)
_APPOSITION = re.compile(
    rf"(?P<title>\b(?:{_TITLE_WORDS})), (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){{0,3}}),"
    r"(?P<rest> (?:and|or)\b)"
)  # "Port Governor, Ivo Lind, and": a capitalised title set off from its name by commas


@dataclass(frozen=True)
class Block:
    """What makes a wording carry a disputed detail: one of ``names`` (a person) and one of
    ``values`` (the titles, figures or dates in dispute); both empty: the whole claim."""

    names: tuple[str, ...] = ()
    values: tuple[str, ...] = ()

    def leave_out(self, text: str) -> str | None:
        """``text`` with a disputed title before the person's name left out ("Velmar's
        mayor, Ana Ruiz, said" → "Ana Ruiz said"), or None when there is none. Another person's
        title set off by commas in the same way loses its commas, so the two read alike ("Port
        Governor, Ivo Lind, and Ana Ruiz opened" → "Port Governor Ivo Lind and Ana Ruiz
        opened")."""
        if not self.names or not self.values:
            return None
        cut = self._before().sub(lambda m: m.group("name"), text)
        return _APPOSITION.sub(r"\g<title> \g<name>\g<rest>", cut) if cut != text else None

    def carried_by(self, text: str) -> bool:
        """Whether ``text`` states the disputed detail: the title next to the person's name, or
        the disputed figure or date."""
        if self.names and self.values:
            return bool(self._before().search(text) or self._after().search(text))
        folded = text.casefold()
        return not self.values or any(v.casefold() in folded for v in self.values)

    def _before(self) -> re.Pattern:
        return re.compile(
            rf"(?:\bthe\s+)?(?:{_MODIFIERS}\s+)?(?:[A-Z][\w’'-]*\s+){{0,3}}"
            rf"(?i:{_any(self.values)}),?\s+"
            rf"(?P<name>{_any(self.names)})"
            rf"(?P<comma>,(?=\s+(?!(?:who|whom|whose|which|where|when|and|or|but|a|an|the)\b)"
            rf"[a-z]+\b))?"
        )

    def _after(self) -> re.Pattern:
        words = r"(?:[\w’'-]+\s+){0,3}"
        return re.compile(rf"(?:{_any(self.names)}),?\s+{words}(?i:{_any(self.values)})\b")


def _any(options) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


def dispute_facts(
    findings: list[Finding], story: Story, groups: dict[str, ClaimGroup]
) -> tuple[list[Fact], dict[str, Block]]:
    """One disputed fact per contradiction (most sources first), and what makes each claim
    that states a disputed detail carry it."""
    facts, blocked, denials = [], {}, []
    for finding in findings:
        cited = [story.claims[c] for c in finding.claims if c in story.claims]
        if finding.kind != "contradiction" or len({c.article for c in cited}) < 2:
            continue
        blocked.update(carrying(finding, cited, story, groups.get(finding.group or "")))
        if finding.type == "denial":
            denials.append(Denied.of(finding, cited))
            continue
        if finding.group is not None and not one_fact(cited):
            continue  # the sides state different things: a finding to check, not a dispute
        _, support = story.support(c.article for c in cited)
        text = dispute_text(finding, cited, story)
        facts.append(Fact(cited, support, disputed=True, dispute=text, text=text))
    for denied in merged(denials):
        _, support = story.support(c.article for c in denied.claims)
        text = denied.text(story)
        facts.append(Fact(denied.claims, support, disputed=True, dispute=text, text=text))
    facts.sort(key=lambda f: -story.support(c.article for c in f.claims)[0])
    return facts[:MAX_DISPUTES], blocked


@dataclass
class Denied:
    """One report some sources give and others deny: the claims of each side and the words the
    deniers use ("hoax", "no evidence")."""

    deniers: list[Claim]
    reported: list[Claim]
    cues: list[str]

    @classmethod
    def of(cls, finding: Finding, cited: list[Claim]) -> Denied:
        denier = cited[0].article  # a denial finding cites the denying sentence first
        cue = _CUE.search(finding.explanation)
        return cls(
            [c for c in cited if c.article == denier],
            [c for c in cited if c.article != denier],
            [cue.group(1)] if cue else [],
        )

    @property
    def claims(self) -> list[Claim]:
        return list({c.id: c for c in self.reported + self.deniers}.values())

    def text(self, story: Story) -> str:
        """ "Sources disagree on whether it happened: [1][2] report: …; [3] deny it (hoax)." """
        reporters = {c.article for c in self.reported} - {c.article for c in self.deniers}
        whole = [c for c in self.reported if fragment(c.text) is None]  # read on its own
        report = min(whole, key=lambda c: len(c.text)) if whole else None
        says = "reports" if len(reporters) == 1 else "report"
        stated = f"{says}: {report.text.rstrip(' .')}" if report else f"{says} it"
        cues = ", ".join(dict.fromkeys(self.cues))
        deniers = {c.article for c in self.deniers}
        deny = "denies" if len(deniers) == 1 else "deny"
        denied = f"{story.cite(deniers)} {deny} it" + (f" ({cues})" if cues else "")
        return (
            f"Sources disagree on whether it happened: {story.cite(reporters)} {stated}; {denied}."
        )


def merged(denials: list[Denied]) -> list[Denied]:
    """Denials of one report stated once: two are one when the claims they deny meet (one
    claim, or one sentence that two copies carry), directly or through a third."""
    out: list[Denied] = []
    for denied in denials:
        meeting = [d for d in out if _keys(denied) & _keys(d)]
        whole = Denied(list(denied.deniers), list(denied.reported), list(denied.cues))
        for other in meeting:
            out.remove(other)
            whole = _joined(other, whole)
        out.append(whole)
    return out


def _joined(first: Denied, second: Denied) -> Denied:
    known = {c.id for c in first.reported + first.deniers}
    return Denied(
        first.deniers + [c for c in second.deniers if c.id not in known],
        first.reported + [c for c in second.reported if c.id not in known],
        first.cues + second.cues,
    )


def _keys(denied: Denied) -> set[str]:
    return {c.id for c in denied.reported} | {c.text for c in denied.reported}


_CUE = re.compile(r"“([^”]{1,60})”")


def one_fact(cited: list[Claim]) -> bool:
    """Whether every side states what the first does, the disputed detail apart: names aside,
    they share at least ``SAME_FACT`` of the shorter one's content words."""
    return all(overlap(cited[0].text, other.text)[0] >= SAME_FACT for other in cited[1:])


def dispute_text(finding: Finding, cited: list[Claim], story: Story) -> str:
    """ "Sources differ on X: A ([1][2]) or B ([3])."; the judge's explanation with the sides
    named when the versions cannot be read from the claims."""
    sides = versions(finding, cited)
    if sides is None:
        first = [c.article for c in cited if c.article == cited[0].article]
        rest = [c.article for c in cited if c.article != cited[0].article]
        reason = re.sub(r"[“”\"„«»]", "", finding.explanation).rstrip(". ")
        return f"{reason} ({story.cite(first)} against {story.cite(rest)})."
    what = WHAT.get(finding.type or "", "the facts")
    if finding.type == "role_title":
        what = f"the title of {_person(finding, cited)}"
    listed = " or ".join(f"{value} ({story.cite(ids)})" for value, ids in sides.items())
    return f"Sources differ on {what}: {listed}."


def versions(finding: Finding, cited: list[Claim]) -> dict[str, list[str]] | None:
    """Each version of the disputed detail and the articles that give it, or None."""
    sides: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for claim in cited:
        value = _value(finding, claim, cited)
        if value is None:
            return None
        shown = seen.setdefault(value.casefold(), value)
        sides.setdefault(shown, [])
        if claim.article not in sides[shown]:
            sides[shown].append(claim.article)
    return sides if len(sides) >= 2 else None


def _value(finding: Finding, claim: Claim, cited: list[Claim]) -> str | None:
    if finding.type == "role_title":
        people = _titled(finding, cited)
        disputed = {t.casefold() for t in finding.variants or ()}
        titles = [e.title for e in claim.entities if name_key(e.name) in people and e.title]
        titles += [e.title for e in claim.entities if e.title and e.title.casefold() in disputed]
        return titles[0] if titles else None
    if finding.type == "quantity":
        units = _shared(cited, lambda c: {q.unit for q in c.quantities})
        others = [q for c in cited if c is not claim for q in c.quantities if q.unit in units]
        values = [
            q.text
            for q in claim.quantities
            if q.unit in units and not all(compatible(q, o) for o in others if o.unit == q.unit)
        ]
        return values[0] if values else None
    if finding.type == "date":
        kinds = _shared(cited, lambda c: {t.kind for t in c.times})
        values = [t.text for t in claim.times if t.kind in kinds]
        return values[0] if values else None
    if finding.type == "place":
        everywhere = set.intersection(*({e.name for e in c.entities} for c in cited))
        places = [e.name for e in claim.entities if e.type == "place" and e.name not in everywhere]
        return places[0] if places else None
    return None


def carrying(
    finding: Finding, cited: list[Claim], story: Story, group: ClaimGroup | None
) -> dict[str, Block]:
    """The claims that state the disputed detail, each with what its wording must leave out."""
    blocked = {c.id: Block() for c in cited}
    if finding.type == "role_title":
        people = _titled(finding, cited)
        block = Block(
            tuple({e.name for c in cited for e in c.entities if name_key(e.name) in people}),
            tuple(finding.variants or ()),
        )
        for claim in story.claims.values():
            if any(name_key(e.name) in people and e.title for e in claim.entities):
                blocked[claim.id] = block
    elif finding.type in ("quantity", "date"):
        members = group.members if group is not None else cited
        for claim in members:
            values = _disputed_values(finding, claim, cited)
            if values or claim.id in blocked:
                blocked[claim.id] = Block(values=values) if values else Block()
    return blocked


def _disputed_values(finding: Finding, claim: Claim, cited: list[Claim]) -> tuple[str, ...]:
    if finding.type == "quantity":
        units = {q.unit for c in cited for q in c.quantities}
        return tuple(q.text for q in claim.quantities if q.unit in units)
    kinds = {t.kind for c in cited for t in c.times}
    return tuple(t.text for t in claim.times if t.kind in kinds)


def _titled(finding: Finding, cited: list[Claim]) -> set[str]:
    """Name keys of the people whose title is disputed: given two or more of the disputed
    titles by the cited claims."""
    titles = {t.casefold() for t in finding.variants or []}
    given: dict[str, set[str]] = {}
    for claim in cited:
        for entity in claim.entities:
            if entity.type == "person" and entity.title and entity.title.casefold() in titles:
                given.setdefault(name_key(entity.name), set()).add(entity.title.casefold())
    return {key for key, found in given.items() if len(found) >= 2}


def _person(finding: Finding, cited: list[Claim]) -> str:
    people = _titled(finding, cited)
    names = [e.name for c in cited for e in c.entities if name_key(e.name) in people]
    named = re.search(r"the title of (.+?):", finding.explanation)
    return names[0] if names else named.group(1) if named else "one person"


def _shared(cited: list[Claim], keys) -> set:
    """Keys that at least two of the cited claims have."""
    counts: dict = {}
    for claim in cited:
        for key in keys(claim):
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n >= 2}
