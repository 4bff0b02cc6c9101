"""Verify: is a claim supported by, contradicted by, or absent from a set of source texts?

The local engine's answer to "does the source say this?", used by ``factcheck eval`` on
claim-vs-source benchmarks. Each sentence of the claim is compared with the sources as a whole
(how much of its content the sources contain) and with its best-matching source sentence
(figures, dates and negation that disagree there make a contradiction). Figures and names the
sources never mention count against support: they are what a summary most often invents. A
multi-sentence claim is only as supported as its weakest sentence.

``verify`` labels with fixed default thresholds; ``factcheck eval`` instead fits the decision
thresholds on each benchmark's ``dev`` split from the scores (``support``, ``contradiction``),
exactly as it fits the lexical baseline's, and reports ``test`` with those thresholds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .lexical import content_terms, words
from .models import Article, Quantity, TimeExpr
from .quantities import compatible, parse_quantities
from .segment import segment
from .times import conflicting, parse_times

SUPPORT_THRESHOLD = 0.62
CONTRADICTION_THRESHOLD = 0.5
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without n't denied denies deny".split()
)
DEBUNK = frozenset(
    "hoax fake false untrue debunked debunk denied denies deny rumor rumour satire satirical "
    "fabricated myth bogus".split()
)
_NAME = re.compile(r"(?<![\w’'])[A-Z][\w’'-]+")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class Support:
    """How a claim stands against its sources."""

    label: str  # supported | unsupported | contradiction
    score: float  # how well supported, 0..1
    contradiction: float  # how strongly contradicted, 0..1
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Sentence:
    text: str

    @cached_property
    def terms(self) -> set[str]:
        return set(content_terms(self.text))

    @cached_property
    def quantities(self) -> list[Quantity]:
        return parse_quantities(self.text)

    @cached_property
    def times(self) -> list[TimeExpr]:
        return parse_times(self.text)

    @cached_property
    def negated(self) -> bool:
        return any(w in NEGATIONS or w.endswith("n't") for w in words(self.text))


class Sources:
    """The source texts, segmented and indexed once for many claims."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        joined = "\n\n".join(texts)
        self.sentences = [_Sentence(s) for s in _sentences(joined)]
        self.terms: set[str] = (
            set().union(*(s.terms for s in self.sentences)) if self.sentences else set()
        )
        self.words = set(words(joined))
        self.numbers = {n.replace(",", "") for n in _DIGITS.findall(joined)}
        self.values = {q.value for s in self.sentences for q in s.quantities}
        lowered = joined.lower()
        self.debunk = sum(lowered.count(w) for w in DEBUNK) / max(1, len(self.words)) * 100

    def best(self, claim: _Sentence) -> tuple[_Sentence | None, float]:
        best, score = None, 0.0
        if not claim.terms:
            return None, 0.0
        for sentence in self.sentences:
            shared = len(claim.terms & sentence.terms) / len(claim.terms)
            if shared > score:
                best, score = sentence, shared
        return best, score


def verify(sources: Sources, claim: str) -> Support:
    """Supported, unsupported or contradicted, with a support and a contradiction score."""
    parts = [_Sentence(s) for s in _sentences(claim)] or [_Sentence(claim)]
    scores, conflicts, reasons = [], [0.0], []
    for part in parts:
        if not part.terms:
            continue
        covered = len(part.terms & sources.terms) / len(part.terms)
        best, near = sources.best(part)
        score = 0.5 * covered + 0.5 * near
        missing_numbers = [
            n for n in _DIGITS.findall(part.text)
            if n.replace(",", "") not in sources.numbers
            and not any(q.value in sources.values for q in parse_quantities(n))
        ]  # fmt: skip
        missing_names = [
            m.group() for i, m in enumerate(_NAME.finditer(part.text))
            if not (i == 0 and m.start() == 0) and not set(words(m.group())) <= sources.words
        ]  # fmt: skip
        if missing_numbers:
            score -= 0.25
            reasons.append(f"figures not in the sources: {', '.join(missing_numbers[:3])}")
        if missing_names:
            score -= 0.1 * min(2, len(missing_names))
            reasons.append(f"names not in the sources: {', '.join(missing_names[:3])}")
        if best is not None and near >= 0.5:
            conflict = _conflict(part, best)
            if conflict:
                conflicts.append(near)
                reasons.append(conflict)
        scores.append(max(0.0, min(1.0, score)))
    score = min(scores) if scores else 0.0
    contradiction = max(conflicts)
    if contradiction >= CONTRADICTION_THRESHOLD:
        return Support("contradiction", score, contradiction, reasons)
    label = "supported" if score >= SUPPORT_THRESHOLD else "unsupported"
    return Support(label, score, contradiction, reasons)


def _conflict(claim: _Sentence, source: _Sentence) -> str | None:
    for qa in claim.quantities:
        for qb in source.quantities:
            if qa.unit == qb.unit and not compatible(qa, qb):
                return f"figure differs: “{qa.text}” vs “{qb.text}”"
    for ta in claim.times:
        same = [tb for tb in source.times if tb.kind == ta.kind]
        if same and all(conflicting(ta, tb) for tb in same):
            return f"date differs: “{ta.text}” vs “{same[0].text}”"
    if claim.negated != source.negated:
        return "one says it happened, the other says it did not"
    return None


def _sentences(text: str) -> list[str]:
    article = Article(id="x", source="-", text=text)
    return [s.text for s in segment(article) if not s.furniture]
