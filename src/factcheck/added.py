"""Added: why a claim is an unsupported addition, in words an editor reads at a glance.

The support scorer's comparison (``claim_diff.compare_all``, as in ``verify.additions``) lists
what a claim adds to or changes in the text it is checked against (a rewrite's origin article;
for an editorial sentence, the other sources) as typed differences. ``what_it_adds`` keeps the
ones worth naming, facts first: what the origin says otherwise ("says 'Tuesday' where [1] says
'Wednesday'"), a name put where the origin names another, then facts the origin never gives
("gives a figure, '40', that [1] does not give"), a hedge dropped, then words it never uses. A
claim most of whose words no sentence of the origin holds is *all new*: said so plainly, with
any figure, name or date it brings, not word by word. Names and words the origin has
elsewhere, and words it keeps apart, are not named: they tell a reworded or rearranged text,
not an addition; nor is a number that is part of a name ('MiG-29'). ``marks`` are the claim's
new words, to mark in its excerpt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claim_diff import compare_all
from .cover import Document
from .difference import Difference
from .lexical import content_terms
from .models import Article
from .rewrites import independent_source

NEW_COVER = 0.3  # a claim whose best origin sentence holds less of its words is all new
SHOWN = 2  # reasons one finding names
WORDS = 3  # new words one wording reason quotes
_FACTS = ("name", "place", "figure", "bound", "date")
_NOUN = {"name": "a name", "place": "a place", "figure": "a figure", "bound": "a figure",
         "date": "a date"}  # fmt: skip
_PLURAL = {"a name": "names", "a place": "places", "a figure": "figures", "a date": "dates"}
_OTHERWISE = ("figure", "bound", "date", "negation", "predicate", "roles")
NEAREST = 5  # other sources an editorial claim is checked against: those sharing most words


@dataclass(frozen=True)
class Origin:
    """What a claim is checked against, as a reason names it: one article ('[1]'), or the
    other sources (``name`` None)."""

    document: Document
    name: str | None = None

    def lacks(self, verb: str) -> str:
        """'[1] does not give' / 'the other sources do not give'."""
        return f"{self.name} does not {verb}" if self.name else f"the other sources do not {verb}"

    @property
    def who(self) -> str:
        """Who says otherwise: '[1]' / 'another source'."""
        return self.name or "another source"

    @property
    def nothing(self) -> str:
        return f"nothing in {self.name}" if self.name else "nothing in the other sources"

    def nor(self, verb: str) -> str:
        """'nor does [1] give' / 'nor do the others give'."""
        return f"nor does {self.name} {verb}" if self.name else f"nor do the others {verb}"


class Origins:
    """What each claim is checked against, each text read once, and only when asked: a
    rewrite's origin article; for an editorial claim, the ``NEAREST`` articles from other
    independent sources that share the most words with it (a bound on the cost in a large
    cluster; what else they hold could not cover the claim)."""

    def __init__(
        self, articles: dict[str, Article], derived: dict[str, str], labels: dict[str, str]
    ):
        self.articles = {k: a for k, a in articles.items() if a.duplicate_of is None}
        self.derived, self.labels = derived, labels
        self._read: dict[tuple[str, ...], Document] = {}
        self._terms: dict[str, set[str]] = {}

    def of_rewrite(self, article: str) -> Origin | None:
        """The article ``article`` is rewritten from, named by its number."""
        origin = self.derived[article]
        if origin not in self.articles:
            return None
        return Origin(self._sources((origin,)), short(self.labels[origin]))

    def others(self, claim: str, article: str) -> Origin | None:
        """The other independent sources nearest to ``claim``; None when there are none."""
        root = independent_source(article, self.derived)
        wanted = set(content_terms(claim))
        near = sorted(
            (k for k in self.articles if independent_source(k, self.derived) != root),
            key=lambda k: (-len(wanted & self._terms_of(k)), k),
        )[:NEAREST]
        return Origin(self._sources(tuple(sorted(near)))) if near else None

    def _terms_of(self, article: str) -> set[str]:
        if article not in self._terms:
            self._terms[article] = set(content_terms(self.articles[article].text))
        return self._terms[article]

    def _sources(self, ids: tuple[str, ...]) -> Document:
        if ids not in self._read:
            self._read[ids] = Document([self.articles[k].text for k in ids])
        return self._read[ids]


def short(label: str) -> str:
    """'[2]' of '[2] wire.txt': how a reason names an article."""
    found = re.match(r"\[\d+\]", label)
    return found.group() if found else label


@dataclass(frozen=True)
class Added:
    """What one claim adds: the differences worth naming, and whether it is all new."""

    differences: list[Difference]
    new: bool  # no origin sentence holds much of it

    @property
    def facts(self) -> list[Difference]:
        """Figures, names, places and dates the origin does not give at all."""
        return [d for d in self.differences if d.type in _FACTS and d.scope == "absent"]

    def marks(self) -> list[str]:
        """The claim's words that are new to the origin: its facts, and for a claim that is
        not all new, the words the origin never uses too."""
        shown = self.facts if self.new else self.differences
        return [d.claim for d in shown if d.type in _FACTS + ("predicate", "wording")]


def what_it_adds(claim: str, origin: Origin) -> Added:
    """The differences of ``claim`` against ``origin`` an editor should read, in order."""
    compared = compare_all(claim, origin.document)
    kept = [
        d
        for c in compared
        for d in c.differences
        if d.scope != "weaker" and _tier(d) is not None and not _designation(d, claim)
    ]
    coverage = min(c.cover.best_share for c in compared)
    return Added(sorted(kept, key=_tier), coverage < NEW_COVER)


def _designation(d: Difference, claim: str) -> bool:
    """A number that is part of a model's or a thing's name ('A-380', 'MiG-29'), not a
    figure an editor would check as one."""
    if d.type != "figure":
        return False
    return re.search(rf"(?<![\w-])[A-Za-z]+-{re.escape(d.claim)}(?![\d.,]*\d)", claim) is not None


def _tier(d: Difference) -> int | None:
    """Where a difference comes in the reasons (lower first); None: not named."""
    if d.scope == "conflict" and d.type in _OTHERWISE or d.scope == "disputed":
        return 0
    if d.scope == "absent" and d.type in ("name", "place") and d.source:
        return 1  # a name where the origin names another
    if d.scope == "absent" and d.type in _FACTS:
        return 2
    if d.type == "modality" and d.scope == "conflict":
        return 3
    if d.type == "wording" and d.scope == "absent":
        return 4
    return None


def reasons(added: Added, origin: Origin) -> list[str]:
    """Up to ``SHOWN`` clauses that say what one claim adds, each with the claim as subject
    ("gives a figure, '40', that [1] does not give")."""
    if added.new:
        return [_all_new(added.facts, origin, "it")]
    tiers: dict[int, list[Difference]] = {}
    for d in added.differences:
        tiers.setdefault(_tier(d), []).append(d)
    clauses = [_clause(d, origin) for d in tiers.get(0, []) + tiers.get(1, [])]
    clauses += _given(tiers.get(2, []), origin)
    clauses += [_clause(d, origin) for d in tiers.get(3, [])]
    if 4 in tiers:
        quoted = ", ".join(f"'{d.claim}'" for d in tiers[4][:WORDS])
        clauses.append(f"has words that {origin.lacks('use')}: {quoted}")
    return clauses[:SHOWN]


def _given(facts: list[Difference], origin: Origin) -> list[str]:
    """'gives figures, '40' and 'five', that [1] does not give': one clause per type."""
    kinds: dict[str, list[str]] = {}
    for d in facts:
        kinds.setdefault(_NOUN[d.type], []).append(f"'{d.claim}'")
    clauses = []
    for noun, said in kinds.items():
        what = f"{noun}, {said[0]}," if len(said) == 1 else f"{_PLURAL[noun]}, {_listed(said)},"
        clauses.append(f"gives {what} that {origin.lacks('give')}")
    return clauses


def _listed(items: list[str]) -> str:
    items = items[:WORDS]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _all_new(facts: list[Difference], origin: Origin, them: str) -> str:
    """'nothing in [1] is like it', and the figures, names or dates it brings."""
    line = f"{origin.nothing} is like {them}"
    if facts:
        line += f", {origin.nor('give')} " + " or ".join(f"'{d.claim}'" for d in facts[:SHOWN])
    return line


def _clause(d: Difference, origin: Origin) -> str:
    if d.type == "negation":
        if d.claim.startswith("not "):
            return f"says not '{d.source}' where {origin.who} says it did"
        return f"says '{d.claim}' where {origin.who} says it did not"
    if d.type == "roles":
        return f"has '{d.claim}' where {origin.who} says '{d.source}'"
    if d.type == "modality":
        if d.scope == "disputed":
            return f"states what {origin.who} says is false ('{d.source}')"
        return f"states '{d.claim}' as fact where {origin.who} says '{d.source}'"
    if d.source and d.type in ("name", "place"):
        return f"names '{d.claim}' where {origin.who} names '{d.source}'"
    if d.source and d.scope == "conflict":
        return f"says '{d.claim}' where {origin.who} says '{d.source}'"
    return _given([d], origin)[0]


def summary(added: list[Added], origin: Origin) -> str:
    """What a finding's claims add, as one clause for its explanation: the first ``SHOWN``
    reasons, from the claims that change most, and how many claims are all new."""
    if len(added) == 1:
        clauses = reasons(added[0], origin)
        if not clauses:
            return ""
        return ("it is all new: " if added[0].new else "it ") + " and ".join(clauses)
    new = [a for a in added if a.new]
    if len(new) == len(added):
        facts = [d for a in new for d in a.facts]
        return "they are all new: " + _all_new(facts, origin, "them")
    parts, named = [], 0
    for one in sorted((a for a in added if not a.new), key=_strongest):
        clauses = reasons(one, origin)[: SHOWN - named]
        if clauses:
            parts.append("one " + " and ".join(clauses))
            named += len(clauses)
    if new:
        parts.append("another is all new" if len(new) == 1 else f"{len(new)} others are all new")
    return "; ".join(parts)


def _strongest(added: Added) -> int:
    return min((_tier(d) for d in added.differences), default=len(_NOUN))
