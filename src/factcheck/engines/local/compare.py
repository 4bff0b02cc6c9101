"""The local engine's judgement: slot-by-slot comparison of a member with the canonical claim.

A member conflicts when a slot both claims fill disagrees: a figure of one unit and period
whose allowed range cannot overlap any of the other's, an event time of the same kind, the place
where something happened (only when the member's article never names the other place), or the
same quotation credited to someone else. Two figures credited to different claimants are "can't
tell": both may be reported accurately. The readings of figures, times and claimants are
``lookalike``'s, shared with the cluster sweep. Confidence grows with how alike the two claims
are (their alignment score); the judge stage decides what a low-confidence conflict means.
"""

from __future__ import annotations

import re

from ...lexical import overlap
from ...lookalike import different_claimants, figure_clash, one_speaker, time_clash
from ...models import Article, Claim, Verdict
from ...names import locative_places, place_mentioned, variant_kind
from ...quantities import describe


def compare(canonical: Claim, member: Claim, score: float, articles: dict[str, Article]) -> Verdict:
    """Slot-by-slot comparison of one member with the canonical claim."""
    confidence = min(0.95, 0.45 + score)
    for check in (_quantity, _time, _place, _attribution):
        verdict = check(canonical, member, articles)
        if verdict is not None:
            verdict.confidence = confidence
            if verdict.type != "attribution" and different_claimants(canonical, member):
                # "the union said 5,000, the employer said 2,000": two claims, not a clash
                reason = f"{verdict.reason}, claimed by different sources"
                return Verdict("cant_tell", verdict.type, confidence, reason)
            return verdict
    if _adds_detail(canonical, member):
        return Verdict("adds_detail", confidence=confidence)
    return Verdict("agree", confidence=confidence)


def _quantity(a: Claim, b: Claim, _articles) -> Verdict | None:
    """Figures of one unit and period that cannot both stand (``lookalike.figure_clash``)."""
    clash = figure_clash(a, b)
    if clash is None:
        return None
    qa, qb = clash
    reason = f"“{qa.text}” against “{qb.text}” ({describe(qa)} vs {describe(qb)})"
    return Verdict("conflict", "quantity", reason=reason)


def _time(a: Claim, b: Claim, _articles) -> Verdict | None:
    """Event times of one kind that differ (``lookalike.time_clash``)."""
    clash = time_clash(a, b)
    if clash is None:
        return None
    return Verdict("conflict", "date", reason=f"“{clash[0].text}” against “{clash[1].text}”")


def _place(a: Claim, b: Claim, articles: dict[str, Article]) -> Verdict | None:
    """Places where something happened that differ, neither named in the other article, and
    not one name written two ways ("Dalby’s port" / "Dalby's port")."""
    places_a, places_b = set(locative_places(a.text)), set(locative_places(b.text))
    if not places_a or not places_b or places_a & places_b:
        return None
    if any(variant_kind(x, y) is not None for x in places_a for y in places_b):
        return None
    text_a, text_b = articles[a.article].text, articles[b.article].text
    if any(place_mentioned(p, text_b) for p in places_a) or any(
        place_mentioned(p, text_a) for p in places_b
    ):
        return None
    reason = f"“{sorted(places_a)[0]}” against “{sorted(places_b)[0]}”"
    return Verdict("conflict", "place", reason=reason)


def _attribution(a: Claim, b: Claim, _articles) -> Verdict | None:
    """The same quotation credited to different people, each named in its own sentence (a
    credit read from a pronoun or a description, "he said", "an officer said", is too weak
    to call a clash)."""
    if not (_named_here(a) and _named_here(b)) or "quote" not in (a.kind, b.kind):
        return None
    quoted_a, quoted_b = _quoted(a.text), _quoted(b.text)
    if one_speaker(a, b) or not quoted_a or not quoted_b or overlap(quoted_a, quoted_b) < 0.6:
        return None
    reason = f"credited to “{a.attributed_to}” and to “{b.attributed_to}”"
    return Verdict("conflict", "attribution", reason=reason)


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
