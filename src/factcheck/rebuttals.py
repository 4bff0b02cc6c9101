"""Rebuttals: a source that denies, refutes or calls false what another source reports as fact.

Each sentence of a source that ``denials.find_denial`` marks ("X denied that …", "the report
is a hoax", "there is no evidence that …", "… was not arrested") is matched against the claims
of every other source with ``denials.denies``; the best claim at ``MATCH`` or more
(``MATCH_NEGATION`` for a plain negation, which is weaker) makes a contradiction of type
``denial`` quoting both sentences, the denying words and the words they meet marked. Not a
rebuttal:

- a claim that itself denies (both sources deny), or one whose source also carries a denial of
  it (that source reports both sides, not the event as fact);
- a plain negation inside a quotation (a speaker's own words: "we do not rule out …");
- a denial of "this", "the story", "the photo" meets only the other source's first claims
  (``LEAD``), where the story it calls false is told.

One finding per denying sentence and other source, its best-matching claim cited.
"""

from __future__ import annotations

from .denials import MATCH, MATCH_NEGATION, Denial, denies, find_denial
from .excerpts import excerpt, phrase_marks, side
from .judge import finding_id
from .lexical import content_terms, words
from .models import Article, Claim, Finding
from .quotes import find_quotes
from .segment import segment

LEAD = 3  # a deictic denial ("this is a hoax") meets the other source's first claims only


def rebuttals(articles: list[Article], claims: list[Claim]) -> list[Finding]:
    """Contradictions of type ``denial`` between every two sources."""
    unique = [a for a in articles if a.duplicate_of is None]
    by_article = {a.id: [c for c in claims if c.article == a.id] for a in unique}
    denied = {a.id: _denials(a) for a in unique}
    findings = []
    for article in unique:
        for start, end, denial in denied[article.id]:
            for other in unique:
                if other.id == article.id:
                    continue
                best = _best_claim(denial, by_article[other.id], denied[other.id])
                if best is not None:
                    where = (article, by_article[article.id], start, end)
                    findings.append(_finding(denial, where, best, other))
    return findings


def _denials(article: Article) -> list[tuple[int, int, Denial]]:
    """Denying sentences of an article, with their offsets."""
    quoted = [(q.start, q.end) for q in find_quotes(article.text)]
    found = []
    for sentence in segment(article):
        if sentence.furniture or sentence.heading:
            continue
        denial = find_denial(sentence.text)
        if denial is None:
            continue
        inside = any(s < sentence.end and sentence.start < e for s, e in quoted)
        if denial.kind == "negation" and inside:
            continue
        found.append((sentence.start, sentence.end, denial))
    return found


def _best_claim(
    denial: Denial, claims: list[Claim], own: list[tuple[int, int, Denial]]
) -> tuple[Claim, float] | None:
    """The other source's claim the denial meets best, if it reports it as fact."""
    needed = MATCH_NEGATION if denial.kind == "negation" else MATCH
    pool = claims[:LEAD] if denial.deictic else claims
    best = None
    for claim in pool:
        if any(s <= claim.evidence.start < e for s, e, _ in own):  # itself a denial
            continue
        score = denies(denial, claim.text)
        if score >= needed and (best is None or score > best[1]):
            best = (claim, score)
    if best is None or any(denies(d, best[0].text) >= needed for *_, d in own):
        return None  # that source reports the denial too: both sides, not the event as fact
    return best


def _finding(
    denial: Denial,
    where: tuple[Article, list[Claim], int, int],
    best: tuple[Claim, float],
    other: Article,
) -> Finding:
    article, own_claims, start, end = where
    claim, score = best
    text = article.text[start:end]
    cue = phrase_marks(text, start, [denial.cue])
    denying = side(article, own_claims, start, end, cue)
    met = _met_words(claim, denial)
    reported = excerpt(other, claim.evidence.start, claim.evidence.end, met)
    cited = [c.id for c in own_claims if c.evidence.start < end and start < c.evidence.end]
    cited.append(claim.id)
    confidence = round(min(0.9, 0.5 + score / 2), 2)
    return Finding(
        id=finding_id("contradiction", [*cited, f"{start}:{end}"]),
        kind="contradiction",
        type="denial",
        severity="high" if confidence >= 0.7 else "medium",
        confidence=confidence,
        claims=cited,
        explanation=f"Sources disagree on whether it happened: one reports it, another "
        f"denies it (“{denial.cue}”).",
        excerpts=[denying, reported],
    )


def _met_words(claim: Claim, denial: Denial) -> list[tuple[int, int]]:
    """Words of the claim whose stems the denying sentence shares."""
    shared = denial.terms or set(content_terms(denial.sentence))
    span = claim.evidence
    kept = [w for w in set(words(span.quote)) if set(content_terms(w)) & shared]
    return phrase_marks(span.quote, span.start, kept)
