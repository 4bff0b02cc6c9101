"""Attribution: who each claim is credited to, read from its evidence in the article.

One rule for every engine, applied after extraction: a claim whose evidence lies in a
quotation credited to a named speaker (“…,” X said / X told Y: “…” / according to X, and a
passage that continues a credited one), or in a sentence of reported speech with a named
speaker ("…, X told Y", "According to X, …", "X said …"), is attributed to that speaker (in the
engine's form when the engine names the same person); otherwise the engine's own attribution
stands; otherwise an unnamed speaker of the sentence or quotation. A claimant with no name and
no identity ("experts say", "analysts believe", "observers warn") leaves the claim
unattributed, so unattributed speculation is still flagged; a claimant that is identifiable
without a name ("a company spokesman", "the union", "police", or "she" whom the text does not
name) counts as attributed.
"""

from __future__ import annotations

from .models import Article, Claim
from .quotes import GENERIC_SPEAKERS, Quote, find_quotes, sentence_speaker
from .rewording import same_speaker

_FILLER = frozenset("a an the some many most other several also".split())


def attribute(claims: list[Claim], articles: dict[str, Article]) -> list[Claim]:
    """The claims with ``attributed_to`` read from their evidence (same order)."""
    quotes = {a: find_quotes(articles[a].text) for a in {c.article for c in claims}}
    out = []
    for claim in claims:
        speaker = credited(claim, quotes[claim.article])
        if speaker != claim.attributed_to:
            claim = claim.model_copy(update={"attributed_to": speaker})
        out.append(claim)
    return out


def credited(claim: Claim, quotes: list[Quote]) -> str | None:
    """Who the claim is credited to: the named speaker of its quotation, else of its sentence
    (in the engine's fuller form when both name one person), else the engine's attribution,
    else an unnamed speaker of its sentence or quotation ("a company spokesman"); None when no
    one, or only an anonymous crowd, is credited."""
    start, end = claim.evidence.start, claim.evidence.end
    quoted = [(q.speaker, q.named) for q in quotes if q.start < end and start < q.end and q.speaker]
    reported = sentence_speaker(claim.evidence.quote)
    readings = quoted[:1] + ([reported] if reported else [])
    engine = _identified(claim.attributed_to)
    for speaker, named in readings:
        if named:
            return engine if engine and same_speaker(engine, speaker) else speaker
    if engine:
        return engine
    return next((_identified(s) for s, _ in readings if _identified(s)), None)


def generic(speaker: str) -> bool:
    """An anonymous crowd: "experts", "some analysts", "many observers"."""
    words = [w for w in speaker.lower().split() if w not in _FILLER]
    return not words or all(w in GENERIC_SPEAKERS for w in words)


def _identified(speaker: str | None) -> str | None:
    return None if speaker is None or generic(speaker) else speaker
