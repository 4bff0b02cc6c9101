"""Look-alikes: claims that read like a conflict and are not one.

The readings the local engine's comparison makes, for claims that were never compared in a
group (the cluster sweep's proposals): identical statements; figures of one unit whose ranges
overlap (rounding, "about", the same bound in other words); figures, dates or places credited
to two different claimants (both may be reported accurately); times that name the same day;
a quotation credited to two spellings of one name. A proposal is a look-alike when no pair of
its claims from two articles escapes these readings.
"""

from __future__ import annotations

import re
from itertools import combinations

from .models import Article, Claim
from .names import is_alias, variant_kind
from .quantities import compatible
from .times import conflicting

_WORD = re.compile(r"[^\W_]+")


def lookalike(kind: str | None, cited: list[Claim], articles: dict[str, Article]) -> bool:
    """Whether a conflict of type ``kind`` among ``cited`` is only a look-alike."""
    pairs = [(a, b) for a, b in combinations(cited, 2) if a.article != b.article]
    return bool(pairs) and all(_alike(kind, a, b) for a, b in pairs)


def _alike(kind: str | None, a: Claim, b: Claim) -> bool:
    if same_wording(a.text, b.text):
        return True
    if kind == "quantity":
        return different_claimants(a, b) or figures_agree(a, b)
    if kind == "date":
        return different_claimants(a, b) or times_agree(a, b)
    if kind == "place":
        return different_claimants(a, b)
    if kind == "attribution":
        return bool(a.attributed_to and b.attributed_to) and same_person(
            a.attributed_to, b.attributed_to
        )
    return False


def same_wording(a: str, b: str) -> bool:
    """The same words, whatever the spacing, case and punctuation."""
    return _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())


def figures_agree(a: Claim, b: Claim) -> bool:
    """Both claims give figures of a shared unit, and every such pair can stand together.
    Figures of different units are left to the engine: "passengers" and "travellers" may
    count the same people, "tickets" and "seats" do not, and no rule here tells which."""
    pairs = [(x, y) for x in a.quantities for y in b.quantities if x.unit == y.unit]
    return bool(pairs) and all(compatible(x, y) for x, y in pairs)


def times_agree(a: Claim, b: Claim) -> bool:
    """Both claims give times of one kind (or pinned to one granularity), and none differ."""
    pairs = [
        (x, y)
        for x in a.times
        for y in b.times
        if x.kind == y.kind or (x.resolved and y.resolved and len(x.resolved) == len(y.resolved))
    ]
    return bool(pairs) and not any(conflicting(x, y) for x, y in pairs)


def different_claimants(a: Claim, b: Claim) -> bool:
    """Both claims are credited, to two different people or bodies."""
    who_a, who_b = a.attributed_to, b.attributed_to
    return bool(who_a and who_b) and not same_person(who_a, who_b)


def same_person(a: str, b: str) -> bool:
    """One name in two spellings, or a short form of it ('Okafor', 'Ada Okafor')."""
    return (
        a.casefold() == b.casefold()
        or variant_kind(a, b) is not None
        or is_alias(a, b)
        or is_alias(b, a)
    )
