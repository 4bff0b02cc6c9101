"""Rebuttals: a source that denies, refutes or calls false what another source reports as fact.

Each sentence of a source that ``denials.find_denial`` marks ("X denied that …", "the report
is a hoax", "there is no evidence that …", "the claims are untrue") is matched against the
claims of every other source with ``denials.meets`` (how much of what it denies the claim
states; nothing when the claim shares one word of a denial of two or more, or lacks the manner
it denies); the best claim at ``MATCH`` or more makes a contradiction of type ``denial``
quoting both sentences, the denying words and the words they meet marked. Not a rebuttal
(each rule measured on FNC-1 dev clusters, where it cut false alarms on clusters whose bodies
all agree without losing mixed clusters):

- a plain negation ("the mayor was not arrested"): on FNC-1 it joined no agreeing and
  disagreeing bodies that the other denials did not, and raised most false alarms;
- a claim not stated as fact: a question, a hedged claim ("may have", "reportedly"), one told
  as a rumour or someone's claim, or one that itself denies (both sources deny);
- a claim whose own source also carries a denial of it (it reports both sides);
- a denial of "this", "the story", "the photo" meets only the other source's first claims
  (``LEAD``), where the story it calls false is told.

One finding per denying sentence, listing the best-matching claim of every source it meets.
"""

from __future__ import annotations

import re

from .denials import MATCH, Denial, denied_share, find_denial, meets
from .excerpts import excerpt, phrase_marks, side
from .judge import finding_id
from .lexical import content_terms, words
from .models import Article, Claim, Finding
from .segment import segment

LEAD = 3  # a deictic denial ("this is a hoax") meets the other source's first claims only


def rebuttals(articles: list[Article], claims: list[Claim]) -> list[Finding]:
    """Contradictions of type ``denial``: one per denying sentence, every source it contradicts
    listed."""
    unique = [a for a in articles if a.duplicate_of is None]
    by_article: dict[str, list[Claim]] = {a.id: [] for a in unique}
    for claim in claims:
        by_article.get(claim.article, []).append(claim)
    denied = {a.id: _denials(a) for a in unique}
    findings = []
    for article in unique:
        for start, end, denial in denied[article.id]:
            met = [
                (other, best)
                for other in unique
                if other.id != article.id
                and (best := _best_claim(denial, by_article[other.id], denied[other.id]))
            ]
            if met:
                where = (article, by_article[article.id], start, end)
                findings.append(_finding(denial, where, met))
    return findings


def _denials(article: Article) -> list[tuple[int, int, Denial]]:
    """Denying sentences of an article, with their offsets."""
    found = []
    for sentence in segment(article):
        if sentence.furniture or sentence.heading:
            continue
        denial = find_denial(sentence.text)
        if denial is not None and denial.kind != "negation":
            found.append((sentence.start, sentence.end, denial))
    return found


def _best_claim(
    denial: Denial, claims: list[Claim], own: list[tuple[int, int, Denial]]
) -> tuple[Claim, float] | None:
    """The other source's claim the denial meets best, if it reports it as fact."""
    pool = claims[:LEAD] if denial.deictic else claims
    best = None
    for claim in pool:
        if not _as_fact(claim):
            continue
        score = meets(denial, claim.text)
        if score >= MATCH and (best is None or score > best[1]):
            best = (claim, score)
    if best is None or any(denied_share(d, best[0].text) >= MATCH for *_, d in own):
        return None  # that source reports the denial too: both sides, not the event as fact
    return best


def _as_fact(claim: Claim) -> bool:
    """The claim states something as fact: not a question, not itself a denial, not told as a
    rumour or someone's claim."""
    text = claim.evidence.quote
    if text.rstrip(" ”\"’'").endswith("?") or find_denial(text) is not None:
        return False
    return not claim.hedged and not _FRAMED.search(text)


_FRAMED = re.compile(
    r"\b(?:rumou?rs?|claim(?:s|ed|ing)?|alleg\w*|purported\w*|hoax\w*|fake|false|satir\w*|"
    r"parody|spoof|debunk\w*|unconfirmed|unverified)\b",
    re.IGNORECASE,
)


def _finding(
    denial: Denial,
    where: tuple[Article, list[Claim], int, int],
    met: list[tuple[Article, tuple[Claim, float]]],
) -> Finding:
    article, own_claims, start, end = where
    cue = phrase_marks(article.text[start:end], start, [denial.cue])
    shown = [side(article, own_claims, start, end, cue)]
    cited = [c.id for c in own_claims if c.evidence.start < end and start < c.evidence.end]
    for other, (claim, _) in met:
        span = claim.evidence
        shown.append(excerpt(other, span.start, span.end, _met_words(claim, denial)))
        cited.append(claim.id)
    confidence = round(min(0.9, 0.5 + max(score for _, (_, score) in met) / 2), 2)
    return Finding(
        id=finding_id("contradiction", [*cited, f"{start}:{end}"]),
        kind="contradiction",
        type="denial",
        severity="high" if confidence >= 0.7 else "medium",
        confidence=confidence,
        claims=cited,
        explanation="Sources disagree on whether it happened: one reports it, another "
        f"denies it (“{denial.cue}”).",
        excerpts=shown,
    )


def _met_words(claim: Claim, denial: Denial) -> list[tuple[int, int]]:
    """Words of the claim whose stems the denying sentence shares."""
    shared = denial.terms or set(content_terms(denial.sentence))
    span = claim.evidence
    kept = [w for w in set(words(span.quote)) if set(content_terms(w)) & shared]
    return phrase_marks(span.quote, span.start, kept)
