"""The local engine's judgement: slot-by-slot comparison of a member with the canonical claim.

A member conflicts when a slot both claims fill disagrees: a quantity of the same unit whose
allowed ranges cannot overlap, a time of the same kind, the place where something happened
(only when the member's article never names the other place), or the same quotation credited
to someone else. Two figures credited to different claimants are "can't tell": both may be
reported accurately. Confidence grows with how alike the two claims are (their alignment
score); the judge stage decides what a low-confidence conflict means.
"""

from __future__ import annotations

import re

from ...lexical import overlap
from ...models import Article, Claim, Verdict
from ...names import is_alias, locative_places, place_mentioned, variant_kind
from ...quantities import compatible, describe
from ...times import conflicting


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
            return verdict
    if _adds_detail(canonical, member):
        return Verdict("adds_detail", confidence=confidence)
    return Verdict("agree", confidence=confidence)


def _quantity(a: Claim, b: Claim, _articles) -> Verdict | None:
    """A figure of a unit the other claim also counts, none of whose figures fits it (a figure
    both claims give is no clash, whatever else they count); figures of different periods
    ("on Friday" / "this year") are not compared."""
    if a.times and b.times and not {t.value for t in a.times} & {t.value for t in b.times}:
        return None
    for qa in a.quantities:
        same = [qb for qb in b.quantities if qb.unit == qa.unit]
        if same and not any(compatible(qa, qb) for qb in same):
            qb = same[0]
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
    """Both claims are credited, to different people or bodies ("the union" / "the employer");
    "US officials" and "a State Department official" are one side."""
    who_a, who_b = a.attributed_to, b.attributed_to
    if not (who_a and who_b) or _same_person(who_a, who_b):
        return False
    return who_a[:1].isupper() or who_b[:1].isupper() or not overlap(who_a, who_b)


def _attribution(a: Claim, b: Claim, _articles) -> Verdict | None:
    """The same quotation credited to different people, each named in its own sentence (a
    credit read from a pronoun or a description, "he said", "an officer said", is too weak
    to call a clash)."""
    if not (_named_here(a) and _named_here(b)) or "quote" not in (a.kind, b.kind):
        return None
    who_a, who_b = a.attributed_to, b.attributed_to
    same = _same_person(who_a, who_b)
    quoted_a, quoted_b = _quoted(a.text), _quoted(b.text)
    if same or not quoted_a or not quoted_b or overlap(quoted_a, quoted_b) < 0.6:
        return None
    return Verdict("conflict", "attribution", reason=f"credited to “{who_a}” and to “{who_b}”")


def _named_here(claim: Claim) -> bool:
    who = claim.attributed_to
    return bool(who) and who[:1].isupper() and who in claim.evidence.quote


def _quoted(text: str) -> str:
    return " ".join(re.findall(r"[“\"]([^”\"]{8,})[”\"]", text))


def _adds_detail(a: Claim, b: Claim) -> bool:
    units_a = {q.unit for q in a.quantities}
    times_a = {t.value for t in a.times}
    return any(q.unit not in units_a for q in b.quantities) or any(
        t.value not in times_a for t in b.times
    )
