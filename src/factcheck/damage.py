"""Damage: names a rewrite garbled, which the brief never prints, and the sources they mark.

A ``name_variant`` finding of type ``rewriting_damage`` gives two forms of one name, one word
apart ("Marlow Institute" / "Marlow Establishment"). The damaged form is the one whose
differing word is no organisation word when the other's is ("Institute" is, "Establishment"
is not: the spinner swapped the body's own word); when neither or both are, the side whose
article is already known to carry damage; failing that, both forms count as damaged (an editor
has to check the name either way). A sentence carries the damage when it has the damaged form,
or the differing word beside a word of the name it stands next to ("Establishment awards"
does not, "Marlow Establishment" does). An article with a damaged name was run through a
spinner: the brief ranks its wordings last (``SPUN``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Finding
from .variants import ORGANISATION_WORDS

SPUN = 0.5  # how spun an article with a damaged name counts as (0 clean, 1 surely garbled)


@dataclass
class Damage:
    """Per article, the stretches of text that carry a damaged name."""

    marks: dict[str, set[str]] = field(default_factory=dict)
    spun: set[str] = field(default_factory=set)  # articles known to carry a damaged name

    @classmethod
    def read(cls, findings: list[Finding], texts: dict[str, str]) -> Damage:
        damage = cls()
        pairs = [f.variants for f in findings if _damage(f)]
        undecided = []
        for first, second in pairs:
            side = _damaged_side(first, second)
            if side is None:
                undecided.append((first, second))
            else:
                damage._add(side, first if side == second else second, texts, known=True)
        for first, second in undecided:
            holders = {v: _holders(v, texts) for v in (first, second)}
            known = [v for v in (first, second) if holders[v] & damage.spun]
            for variant in known if len(known) == 1 else [first, second]:
                other = second if variant == first else first
                damage._add(variant, other, texts, known=len(known) == 1)
        return damage

    def carried_by(self, text: str, article: str | None = None) -> bool:
        """Whether ``text`` (of ``article``; of any article when None) names something as a
        rewrite damaged it."""
        articles = [article] if article is not None else list(self.marks)
        return any(_has(s, text) for a in articles for s in self.marks.get(a, ()))

    def _add(self, damaged: str, intact: str, texts: dict[str, str], known: bool) -> None:
        stretches = _stretches(damaged, intact)
        for article in _holders(damaged, texts):
            self.marks.setdefault(article, set()).update(stretches)
            if known:
                self.spun.add(article)


def _damage(finding: Finding) -> bool:
    return (
        finding.kind == "name_variant"
        and finding.type == "rewriting_damage"
        and len(finding.variants or []) == 2
    )


def _damaged_side(first: str, second: str) -> str | None:
    """The damaged form, when only the other's differing word is an organisation word."""
    a, b = _differing(first, second)
    if a is None or b is None:
        return None
    a_org, b_org = a.lower() in ORGANISATION_WORDS, b.lower() in ORGANISATION_WORDS
    if a_org == b_org:
        return None
    return second if a_org else first


def _differing(first: str, second: str) -> tuple[str | None, str | None]:
    words_a, words_b = first.split(), second.split()
    if len(words_a) != len(words_b):
        return None, None
    changed = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return changed[0] if len(changed) == 1 else (None, None)


def _stretches(damaged: str, intact: str) -> set[str]:
    """The damaged form, and its differing word with each word beside it in the name."""
    words = damaged.split()
    other = intact.split()
    found = {damaged}
    for i, word in enumerate(words):
        if i < len(other) and word != other[i]:
            found.update(" ".join(words[j : j + 2]) for j in (i - 1, i) if 0 <= j < len(words) - 1)
    return found


def _holders(name: str, texts: dict[str, str]) -> set[str]:
    return {article for article, text in texts.items() if _has(name, text)}


def _has(stretch: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(stretch)}(?![\w-])", text) is not None
