"""Excerpts: what a finding shows of each side, with the words that differ marked.

A finding about a difference (a contradiction, an update, a name variant, an altered quote)
carries one excerpt per side: the evidence of the claim it cites (or, when no claim covers the
place, the sentence around it) with marks on the words that differ. The cross-source checks
(``crosscheck``, ``rebuttals``) mark exactly the words they compared; for the findings of the
judge stage, ``with_excerpts`` marks what the finding names: the phrases its explanation quotes
(“more than 3,400 households” against “3,000 households”, “mayor” or “governor”) and the
spellings of a name variant, wherever they occur in a side's evidence.

An excerpt shows at most ``MAX_EXCERPT`` characters: a longer stretch (one endless sentence of a
long article) is cut to a window that starts a little before its first mark, so a finding never
carries a whole article, however many findings cite the same long claim.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .models import Article, Claim, Excerpt, Finding, Span
from .rewording import compare_quotes

SHOWN = ("contradiction", "update", "name_variant", "altered_quote")
MAX_EXCERPT = 1000  # characters one excerpt shows
LEAD_IN = 200  # of them, before the first mark when the stretch is cut
INDEXED_TEXT = 20_000  # a longer text is searched through an index of its words
_QUOTED = re.compile(r"“([^”]{1,80})”")
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s)|\n")


def excerpt(article: Article, start: int, end: int, marks=()) -> Excerpt:
    """``article.text[start:end]`` with the given ``(start, end)`` marks inside it."""
    text = article.text
    start, end = _window(start, end, marks)
    inside = sorted({(s, e) for s, e in marks if start <= s < e <= end})
    return Excerpt(
        article=article.id,
        start=start,
        end=end,
        quote=text[start:end],
        marks=[Span(start=s, end=e, quote=text[s:e]) for s, e in _merged(inside, text)],
    )


def _merged(spans: list[tuple[int, int]], text: str = "", offset: int = 0) -> list[tuple[int, int]]:
    """Spans that overlap, touch or stand apart by spaces only made one ("under control")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        gap = text[out[-1][1] - offset : start - offset] if out and text else None
        if out and (start <= out[-1][1] or (gap is not None and not gap.strip())):
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) that holds ``start..end``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    begin = max((e for e in ends if e <= start), default=0)
    finish = min((e for e in ends if e >= end), default=len(text))
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, max(finish, end)


def covering(claims: list[Claim], start: int, end: int) -> list[Claim]:
    """Claims whose evidence overlaps ``start..end``, in text order."""
    return [c for c in claims if c.evidence.start < end and start < c.evidence.end]


def side(article: Article, claims: list[Claim], start: int, end: int, marks=()) -> Excerpt:
    """One side of a finding: the evidence of the claims covering ``start..end`` (else the
    sentence around it), with ``marks``."""
    cited = covering(claims, start, end)
    if cited:
        first, last = cited[0].evidence.start, max(c.evidence.end for c in cited)
        start, end = min(first, start), max(last, end)
    else:
        start, end = sentence_around(article.text, start, end)
    return excerpt(article, start, end, marks)


def phrase_marks(text: str, offset: int, phrases: list[str]) -> list[tuple[int, int]]:
    """Where each phrase occurs in ``text`` (case aside), as offsets from ``offset``. In a long
    text a phrase is tried only where its first word stands (``_word_starts``, built once per
    text), so many findings on one endless sentence cost linear time, not quadratic."""
    marks = []
    for phrase in phrases:
        if not phrase.strip():
            continue
        pattern = re.compile(
            r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE
        )
        first = re.match(r"\w+", phrase.split()[0])
        if len(text) <= INDEXED_TEXT or first is None:
            found = pattern.finditer(text)
        else:
            found = _matches_at(pattern, text, _word_starts(text).get(first.group().casefold(), ()))
        marks += [(offset + match.start(), offset + match.end()) for match in found]
    return marks


def _matches_at(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """``pattern``'s matches that begin at one of ``starts``, without overlaps (as
    ``finditer`` finds them)."""
    found: list[re.Match] = []
    for at in starts:
        if (not found or at >= found[-1].end()) and (match := pattern.match(text, at)):
            found.append(match)
    return found


@lru_cache(maxsize=16)
def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word (case folded) starts in ``text``."""
    starts: dict[str, list[int]] = {}
    for match in re.finditer(r"\w+", text):
        starts.setdefault(match.group().casefold(), []).append(match.start())
    return starts


def claim_excerpt(claim: Claim, marks=()) -> Excerpt:
    """A claim's evidence as an excerpt (its article's text is not needed: the evidence is a
    verbatim stretch of it)."""
    span = claim.evidence
    start, end = _window(span.start, span.end, marks)
    quote = span.quote[start - span.start : end - span.start]
    inside = sorted({(s, e) for s, e in marks if start <= s < e <= end})
    return Excerpt(
        article=claim.article,
        start=start,
        end=end,
        quote=quote,
        marks=[
            Span(start=s, end=e, quote=quote[s - start : e - start])
            for s, e in _merged(inside, quote, start)
        ],
    )


def _window(start: int, end: int, marks=()) -> tuple[int, int]:
    """``start..end``, or at most ``MAX_EXCERPT`` characters of it beginning a little before
    its first mark."""
    if end - start <= MAX_EXCERPT:
        return start, end
    first = min((s for s, e in marks if start <= s < e <= end), default=start)
    begin = max(start, first - LEAD_IN)
    return begin, min(end, begin + MAX_EXCERPT)


def near_marks(
    text: str, offset: int, phrases: list[str], names: list[str], reach: int = 40
) -> list[tuple[int, int]]:
    """Occurrences of ``phrases`` within ``reach`` characters of one of ``names`` (a title next
    to the person it is given to, not another person's)."""
    anchors = phrase_marks(text, offset, names)
    return [
        (s, e)
        for s, e in phrase_marks(text, offset, phrases)
        if any(s - reach <= a_end and a_start <= e + reach for a_start, a_end in anchors)
    ]


def with_excerpts(
    findings: list[Finding], claims: dict[str, Claim], articles: dict[str, Article]
) -> list[Finding]:
    """Findings about a difference, each side's evidence shown with what differs marked."""
    out = []
    for finding in findings:
        if finding.kind not in SHOWN or finding.excerpts:
            out.append(finding)
            continue
        shown = []
        for cid in finding.claims:
            claim = claims.get(cid)
            if claim is not None:
                span = claim.evidence
                marks = _marks(finding, span.quote, span.start)
                shown.append(excerpt(articles[claim.article], span.start, span.end, marks))
        out.append(finding.model_copy(update={"excerpts": shown}))
    return out


def _marks(finding: Finding, text: str, offset: int) -> list[tuple[int, int]]:
    """What differs, in one side's evidence: for an altered quote with its two wordings, the
    words the wordings do not share; otherwise the phrases the finding names."""
    wordings = finding.variants or []
    if finding.kind == "altered_quote" and len(wordings) == 2:
        match = compare_quotes(*wordings)
        if match is not None:
            marks = []
            for wording, changed in zip(wordings, (match.changed_a, match.changed_b), strict=True):
                at = text.find(wording)
                marks += [(offset + at + s, offset + at + e) for s, e in changed if at >= 0]
            return marks
    return phrase_marks(text, offset, _QUOTED.findall(finding.explanation) + list(wordings))
