"""Vetting: the checks every drafted brief sentence passes, whichever engine wrote it.

``vet(sentence, kept, story, checker)`` returns the sentence as it may be printed, or None:

- it must stand alone (``fragments.fragment``: no heading, caption, piece of a quotation or
  sentence that leans on an earlier one) and name nothing as a rewrite damaged it
  (``damage.Damage``);
- each cited source must state it on its own (``checker``, the per-source check, over that
  source's cited claims) and must have inside quotation marks every passage the sentence puts
  inside them (``quoting.quotes_hold``); a source that fails is no longer cited, and a sentence
  left with no source is dropped; "k of n sources" is counted again over the sources kept, and
  a sentence left with one independent source is attributed ("One source reports: ...");
- it must not repeat a sentence already kept (they cite the same claims, or state one fact:
  ``facts.same_fact``).

A disputed sentence names its sides itself and is checked for standing alone only. The
attribution of a single-source sentence ("One source reports:", "According to X:") and the
source labels of a dispute ("([2])") are left out before checking.
"""

from __future__ import annotations

import re

from .citation import Checker
from .facts import same_fact
from .fragments import fragment
from .models import BriefSentence
from .quoting import quotes_hold
from .story import Story

ATTRIBUTION = re.compile(
    r"^(?:One source reports(?: that)?:?|According to [^:,]{1,80}:)\s+",
    re.IGNORECASE,
)
_LABELS = re.compile(r"\s*\((?:\s*(?:\[\d+\])+\s*(?:against\s*)?)+\)|\[\d+\]")


def core(text: str) -> str:
    """The sentence without its attribution or source labels, capitalised as a sentence."""
    stripped = _LABELS.sub("", ATTRIBUTION.sub("", text.strip(), count=1))
    return stripped[:1].upper() + stripped[1:]


def vet(
    sentence: BriefSentence, kept: list[BriefSentence], story: Story, checker: Checker
) -> BriefSentence | None:
    """The sentence with only the sources that state it, or None when it may not be printed."""
    text = core(sentence.text)
    if fragment(text) is not None or story.damage.carried_by(text):
        return None
    if sentence.disputed:
        return sentence
    sources = [a for a in sentence.sources if cited_ok(text, a, sentence, story, checker)]
    if not sources:
        return None
    claims = [c for c in sentence.claims if story.claims[c].article in sources]
    count, support = story.support(sources)
    attributed = sentence.text if count > 1 or ATTRIBUTION.match(sentence.text) else None
    update = {"sources": sources, "claims": claims, "support": support}
    update["text"] = attributed or f"One source reports: {sentence.text}"
    vetted = sentence.model_copy(update=update)
    if any(repeated(vetted, earlier, checker) for earlier in kept if not earlier.disputed):
        return None
    return vetted


def cited_ok(
    text: str, article: str, sentence: BriefSentence, story: Story, checker: Checker
) -> bool:
    """Whether ``article``'s own cited claims state ``text`` and quote what it quotes."""
    evidence = [
        story.claims[c].evidence.quote
        for c in sentence.claims
        if story.claims[c].article == article
    ]
    if not evidence or not checker(text, evidence).ok:
        return False
    return quotes_hold(text, story.texts.get(article, " ".join(evidence)))


def repeated(later: BriefSentence, earlier: BriefSentence, checker: Checker) -> bool:
    """Whether ``later`` says what ``earlier`` already says."""
    if later.claims[:1] == earlier.claims[:1] or set(later.claims) == set(earlier.claims):
        return True
    return same_fact(core(later.text), core(earlier.text), checker)
