"""Look-alikes: claims that read like a conflict and are not one.

This module owns the readings of two claims that the local engine's comparison
(``engines/local/compare.py``) and the cluster sweep both make, so each is written once:

- identical statements (``same_wording``);
- figures: a clash needs a figure of one unit on each side that no figure of the other side
  fits, of the same period (``figure_clash``); ranges that overlap (rounding, "about", the same
  bound in other words) fit, a figure the other claim also gives explains itself ("Ana, 25, and
  her 23-year-old brother" against "her brother, 23"), and a figure bound to another time ("26
  percent this year" / "2% on Friday") counts something else;
- times: the same, for times of one kind or granularity (``time_clash``), leaving out the time
  a report was made ("the Ledger reported on Wednesday"), which is not the time of the event;
- claimants: the same person in two spellings or a short form (``same_person``), and two
  claims credited to different people or bodies (``different_claimants``), where both may be
  reported accurately;
- one speaker: a quotation credited to two names that are one person, or to two people one
  sentence names together ("…," Ana told the Ledger / "…," said Ana).

A sweep proposal is a look-alike when no pair of its claims from two articles escapes these
readings (``lookalike``).
"""

from __future__ import annotations

import re
from itertools import combinations

from .lexical import overlap
from .models import Article, Claim, Quantity, TimeExpr
from .names import is_alias, variant_kind
from .quantities import UNIT_STOP, compatible, singular
from .times import conflicting, of_report

_WORD = re.compile(r"[^\W_]+")
_PERIOD = r"\s*(?:(?:on|in|during|since|by|for|over|through|until|as\s+of)\s+)?(?:the\s+)?"


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
        return one_speaker(a, b)
    return False


def same_wording(a: str, b: str) -> bool:
    """The same words, whatever the spacing, case and punctuation."""
    return _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())


def figure_clash(a: Claim, b: Claim) -> tuple[Quantity, Quantity] | None:
    """A figure of ``a`` and one of ``b`` of one unit and period that cannot both stand, where
    no other figure of the other claim fits either; None when every figure finds a partner."""
    for qa in a.quantities:
        rivals = [qb for qb in b.quantities if qb.unit == qa.unit and _same_thing(qa, a, qb, b)]
        if not rivals or any(compatible(qa, qb) for qb in rivals):
            continue
        for qb in rivals:
            if not any(compatible(x, qb) for x in a.quantities if x.unit == qb.unit):
                return qa, qb
    return None


def figures_agree(a: Claim, b: Claim) -> bool:
    """Both claims give figures of a shared unit, and none clash. Figures of different units
    are left to the engine: "passengers" and "travellers" may count the same people, "tickets"
    and "seats" do not, and no rule here tells which."""
    shared = any(x.unit == y.unit for x in a.quantities for y in b.quantities)
    return shared and figure_clash(a, b) is None


def _same_thing(qa: Quantity, a: Claim, qb: Quantity, b: Claim) -> bool:
    return same_period(qa, a, qb, b) and share_of(qa, a) == share_of(qb, b)


def share_of(quantity: Quantity, claim: Claim) -> str | None:
    """What a percentage is a share of, when a noun follows it ("a 1.5 percent stake" →
    "stake"); None for other figures, and for a percentage no noun follows ("rose 2% on
    Friday"). Two percentages of different things ("stake", "turnout") are not compared."""
    if quantity.unit != "percent":
        return None
    at = claim.text.find(quantity.text)
    after = claim.text[at + len(quantity.text) :] if at >= 0 else ""
    word = re.match(r"\s+([a-z][a-z-]+)\b", after)
    return singular(word.group(1)) if word and word.group(1) not in UNIT_STOP else None


def same_period(qa: Quantity, a: Claim, qb: Quantity, b: Claim) -> bool:
    """Whether two figures may count the same period: not when the claims' times have nothing
    in common, nor when a figure is bound to a time ("26 percent this year") that the other
    claim does not give."""
    values_a, values_b = {t.value for t in a.times}, {t.value for t in b.times}
    if values_a and values_b and not values_a & values_b:
        return False
    period_a, period_b = figure_period(qa, a), figure_period(qb, b)
    if period_a and period_b:
        return period_a.value == period_b.value
    if period_a and values_b:
        return period_a.value in values_b
    return not (period_b and values_a) or period_b.value in values_a


def figure_period(quantity: Quantity, claim: Claim) -> TimeExpr | None:
    """The time written right after a figure, a preposition at most between ("rose 2% on
    Friday", "16% in 2010", "26 percent this year"); "a 17-year-old girl on Saturday" dates the
    event, not the age."""
    at = claim.text.find(quantity.text)
    if at < 0:
        return None
    after = claim.text[at + len(quantity.text) :]
    return next((t for t in claim.times if re.match(_PERIOD + re.escape(t.text), after)), None)


def event_times(claim: Claim) -> list[TimeExpr]:
    """The claim's times less the time its report was made ("… reported on Wednesday")."""
    return [t for t in claim.times if not of_report(claim.text, t.text)]


def time_clash(a: Claim, b: Claim) -> tuple[TimeExpr, TimeExpr] | None:
    """A time of ``a`` and one of ``b`` of one kind that differ, where no other time of the
    other claim matches either; None when every time finds a partner."""
    times_a, times_b = event_times(a), event_times(b)
    for ta in times_a:
        rivals = [tb for tb in times_b if _comparable(ta, tb)]
        if not rivals or not all(conflicting(ta, tb) for tb in rivals):
            continue
        for tb in rivals:
            if all(conflicting(x, tb) for x in times_a if _comparable(x, tb)):
                return ta, tb
    return None


def times_agree(a: Claim, b: Claim) -> bool:
    """Both claims give event times of one kind (or pinned to one granularity), and none
    clash."""
    shared = any(_comparable(x, y) for x in event_times(a) for y in event_times(b))
    return shared and time_clash(a, b) is None


def _comparable(x: TimeExpr, y: TimeExpr) -> bool:
    return x.kind == y.kind or bool(
        x.resolved and y.resolved and len(x.resolved) == len(y.resolved)
    )


def same_person(a: str, b: str) -> bool:
    """One name in two spellings, or a short form of it ('Okafor', 'Ada Okafor')."""
    return (
        a.casefold() == b.casefold()
        or variant_kind(a, b) is not None
        or is_alias(a, b)
        or is_alias(b, a)
    )


def different_claimants(a: Claim, b: Claim) -> bool:
    """Both claims are credited, to different people or bodies ("the union" / "the employer");
    "US officials" and "a State Department official" are one side."""
    who_a, who_b = a.attributed_to, b.attributed_to
    if not (who_a and who_b) or same_person(who_a, who_b):
        return False
    return who_a[:1].isupper() or who_b[:1].isupper() or not overlap(who_a, who_b)


def one_speaker(a: Claim, b: Claim) -> bool:
    """Both claims credit one speaker: one person in two spellings, or two people one of the
    sentences names together ("…," Ana told the Ledger / "…," said Ana: the speaker and the
    outlet, one credit read two ways)."""
    who_a, who_b = a.attributed_to, b.attributed_to
    if not (who_a and who_b):
        return False
    if same_person(who_a, who_b):
        return True
    return _names(a.evidence.quote, who_b) or _names(b.evidence.quote, who_a)


def _names(text: str, who: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(who)}(?!\w)", text) is not None
