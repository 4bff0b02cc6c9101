"""The local engine's claims: one per sentence, read by rules.

Each sentence that is not furniture (and each headline of five words or more) becomes one
claim whose evidence is the sentence itself, so every quote is verbatim by construction.
The claim carries the people, organisations and places the sentence names, who it is
attributed to, whether it is hedged, and a kind (the extract stage adds quantities and times,
read from the evidence the same way for every engine).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ... import names
from ...models import ClaimDraft, ClaimKind, Segmented, Sentence
from ...quantities import parse_quantities

HEDGES = (
    "could", "may", "might", "possibly", "perhaps", "probably", "likely", "unlikely",
    "reportedly", "allegedly", "apparently", "appears to", "seems", "expected to", "set to",
    "would", "potential", "predicts", "suggest", "suggests", "believe", "believes",
)  # fmt: skip
EDITORIAL = (
    "paramount", "essential", "crucial", "critical", "vital", "must", "should", "need for",
    "needs to", "it is clear", "undoubtedly", "cannot but", "remains unclear", "raises questions",
    "raises critical questions", "far-reaching", "unprecedented", "alarming", "troubling",
    "significance of", "underscoring", "highlighting the need", "it is important",
    "will be essential", "complexities", "vigilance", "obviously", "clearly",
)  # fmt: skip
ATTRIBUTION = re.compile(
    r"\b(?:according to|reported|reports|reportedly|told|said|says|quoted|cited|citing|"
    r"mentioned|stated|announced|claimed|warned|noted)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“„\"«].{8,}?[”“\"»]")
_WORDS = re.compile(r"[^\W_]{2,}")  # a sentence needs two words to say anything


MIN_HEADLINE_WORDS = 5


def drafts(item: Segmented) -> list[ClaimDraft]:
    """One claim per non-furniture sentence of two words or more (headlines: five), whose
    evidence is the whole sentence."""
    return [
        _draft(sentence)
        for sentence in item.sentences
        if not sentence.furniture
        and len(_WORDS.findall(sentence.text)) >= 2
        and (not sentence.heading or len(sentence.text.split()) >= MIN_HEADLINE_WORDS)
    ]


def _draft(sentence: Sentence) -> ClaimDraft:
    reading = _read(sentence.text, sentence.heading)
    return ClaimDraft(text=sentence.text, quote=sentence.text, start=sentence.start, **reading)


@lru_cache(maxsize=20_000)
def _read(text: str, heading: bool) -> dict:
    """What a sentence says, from its text alone; cached, since syndicated copies repeat
    sentences word for word across a cluster."""
    attributed = names.speaker(text) or _according_to(text) or _common_claimant(text)
    hedged = _has_any(text, HEDGES)
    return {
        "kind": _kind(text, attributed, hedged, bool(parse_quantities(text))),
        "entities": names.find_entities(text, headline=heading),
        "attributed_to": attributed,
        "hedged": hedged,
    }


def _kind(text: str, attributed: str | None, hedged: bool, has_quantity: bool) -> ClaimKind:
    if _QUOTE.search(text) and (attributed or ATTRIBUTION.search(text)):
        return "quote"
    if attributed or ATTRIBUTION.search(text):
        return "attribution"
    if _has_any(text, EDITORIAL):
        return "opinion"
    if hedged:
        return "speculation"
    return "quantity" if has_quantity else "event"


def _has_any(text: str, phrases: tuple[str, ...]) -> bool:
    return _phrase_pattern(phrases).search(text.lower()) is not None


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """One compiled alternation per phrase list (much faster than one search per phrase)."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def _according_to(text: str) -> str | None:
    match = re.search(r"\baccording to (?:the )?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)", text)
    return match.group(1) if match else None


_CLAIMANT = re.compile(
    r"(?:^|[,;]\s+)(?:the\s+|The\s+)?(?P<who>[a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:said|says|claimed|claims|told|announced|reported|stated|insisted)\b"
)
_NOT_CLAIMANTS = frozenset(  # pronouns, and adverbs before the verb ("…, also told Reuters")
    """it he she they we i you who which that also later earlier then previously separately
    recently once again further first finally has have had was were is are be been being
    not never""".split()
)


def _common_claimant(text: str) -> str | None:
    """'The union said …', '…, police said': a claimant named by a common noun."""
    match = _CLAIMANT.search(text)
    if match is None or match.group("who").split()[0] in _NOT_CLAIMANTS:
        return None
    return match.group("who")
