"""What every renderer shows of a finding: each side's words with what differs marked, and which
findings an editor sees first.

A side is one excerpt of a finding (its article's number, the claim it points at, and its text
cut into pieces, each marked or not); a finding without excerpts shows each cited claim's
evidence unmarked. ``clipped`` keeps a long side readable around its first mark. ``first``
tells the findings an editor acts on (contradictions, altered quotes, names damaged by
rewriting, updates, unsupported additions) from the rest (spelling variants of a name, facts
only one source states), which the views show collapsed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Claim, Finding, Report
from .common import anchor, numbers

FIRST = ("contradiction", "altered_quote", "update", "unsupported_addition")
Piece = tuple[str, bool]  # text, marked


@dataclass
class Side:
    """One side of a finding: the source's number, where to jump to, the words."""

    n: int
    target: str | None
    pieces: list[Piece]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


def first(finding: Finding) -> bool:
    """A finding an editor acts on first (shown open)."""
    return finding.kind in FIRST or finding.type == "rewriting_damage"


def sides(report: Report, finding: Finding, claims: dict[str, Claim] | None = None) -> list[Side]:
    """Each side of a finding, the words that differ marked."""
    claims = claims if claims is not None else {c.id: c for c in report.claims}
    index = numbers(report)
    if finding.excerpts:
        return [_excerpt_side(e, finding, claims, index) for e in finding.excerpts]
    return [
        Side(index[claims[cid].article], anchor(cid), [(claims[cid].evidence.quote, False)])
        for cid in finding.claims
        if cid in claims
    ]


def _excerpt_side(excerpt, finding: Finding, claims: dict[str, Claim], index) -> Side:
    pieces: list[Piece] = []
    last = excerpt.start
    for mark in sorted(excerpt.marks, key=lambda m: m.start):
        pieces += [(excerpt.quote[last - excerpt.start : mark.start - excerpt.start], False)]
        pieces += [(mark.quote, True)]
        last = mark.end
    pieces.append((excerpt.quote[last - excerpt.start :], False))
    cited = [
        cid
        for cid in finding.claims
        if cid in claims
        and claims[cid].article == excerpt.article
        and excerpt.start <= claims[cid].evidence.start < excerpt.end
    ]
    target = anchor(cited[0]) if cited else None
    return Side(index[excerpt.article], target, [p for p in pieces if p[0]])


def clipped(side: Side, limit: int = 220) -> list[Piece]:
    """The side's pieces cut to about ``limit`` characters around its first mark, with "…"
    where text was left out."""
    if len(side.text) <= limit:
        return side.pieces
    at = 0
    for text, marked in side.pieces:
        if marked:
            break
        at += len(text)
    else:
        at = 0
    start = max(0, at - limit // 3)
    if start:  # begin at a word
        space = side.text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    return _window(side.pieces, start, start + limit)


def _window(pieces: list[Piece], start: int, end: int) -> list[Piece]:
    out: list[Piece] = [("…", False)] if start else []
    position = 0
    for text, marked in pieces:
        lo, hi = max(start, position), min(end, position + len(text))
        if lo < hi:
            out.append((text[lo - position : hi - position], marked))
        position += len(text)
    return out + ([("…", False)] if end < position else [])
