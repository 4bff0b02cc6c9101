"""Verify: is a claim supported by, contradicted by, or absent from a set of source texts?

Align, then diff: each sentence of the claim is aligned with the source sentences that best
cover it, and what it adds or changes against them is listed as typed differences
(``compare.py``; names, places, figures, bounds, dates, negation, reversed predicates, hedges,
who did what, words the source lacks or keeps elsewhere). The support score comes from those
differences, not from raw word overlap: a logistic model over per-type counts and shares,
whose weights are fitted on the ``dev`` splits of the shared benchmarks
(``benchmarks/fit_support.py``, stored in ``data/support_weights.json``). The contradiction
score is a second such model over the differences that say the source says otherwise
(conflicting figures, dates, names, negation, reversed predicates, swapped roles, a source
that calls the claim false), measured above its value for a claim with no difference: 0 when
nothing conflicts. A multi-sentence
claim counts each sentence's differences.

``verify`` labels with the stored default thresholds; ``factcheck eval`` instead fits the
decision thresholds on each benchmark's ``dev`` split from the scores (``support``,
``contradiction``) and reports ``test`` with those thresholds. Each ``Support`` carries its
differences, so a verdict can say why ("'Tuesday' is not in the source; it says 'Wednesday'").
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .compare import Comparison, compare_all
from .cover import Document
from .difference import Difference
from .lexical import words
from .lexicon import DISPUTES

CAP = 3.0  # counts above this add nothing


@dataclass
class Support:
    """How a claim stands against its sources."""

    label: str  # supported | unsupported | contradiction
    score: float  # how well supported, 0..1
    contradiction: float  # how strongly contradicted, 0..1
    reasons: list[str] = field(default_factory=list)  # the differences' explanations
    differences: list[Difference] = field(default_factory=list)


class Sources:
    """The source texts, segmented, read and indexed once for many claims."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.document = Document(texts)
        joined = "\n\n".join(texts)
        lowered = joined.lower()  # inflections count too: "hoaxes", "denying"
        vocabulary = set(words(joined))  # per hundred distinct words, as before
        self.debunk = sum(lowered.count(w) for w in DISPUTES) / max(1, len(vocabulary)) * 100


def verify(sources: Sources, claim: str) -> Support:
    """Supported, unsupported or contradicted, with a support and a contradiction score."""
    comparisons = compare_all(claim, sources.document)
    values = features(comparisons)
    model = weights()
    score = _logistic(model["support"], values)
    contradiction = _excess(model["contradiction"], values)
    found = [d for c in comparisons for d in c.differences]
    reasons = [d.explanation for d in found]
    if contradiction >= model["thresholds"]["contradiction"]:
        return Support("contradiction", score, contradiction, reasons, found)
    label = "supported" if score >= model["thresholds"]["support"] else "unsupported"
    return Support(label, score, contradiction, reasons, found)


def features(comparisons: list[Comparison]) -> dict[str, float]:
    """What the scores are computed from: per difference type and scope, counts (capped) or
    shares of the claim's content words, summed over the claim's sentences."""
    out: dict[str, float] = {}
    for comparison in comparisons:
        terms = max(1, len(comparison.claim.terms))
        for name, value in _sentence_features(comparison, terms).items():
            out[name] = out.get(name, 0.0) + value
    for name in list(out):
        if not name.endswith("_share"):
            out[name] = min(CAP, out[name])
    return out


def _sentence_features(comparison: Comparison, terms: int) -> dict[str, float]:
    values = {"uncovered_share": 1.0 - comparison.cover.best_share}
    for difference in comparison.differences:
        key = _key(difference)
        step = 1.0 / terms if key.endswith("_share") else 1.0
        if key == "apart_share":
            step = 1.0 / max(1, comparison.pairs)
        values[key] = values.get(key, 0.0) + step
    return values


def _key(difference: Difference) -> str:
    """The feature a difference counts towards: conflicting figures, bounds and dates are one
    (``conflict``), and so are negation, reversed predicates and swapped roles (``reversal``),
    so rare types share the weight of their kin."""
    kind, scope = difference.type, difference.scope
    if kind == "negation" and scope == "near":
        return "negation_near"
    if kind in ("negation", "predicate", "roles"):
        return "reversal"
    if scope == "conflict" and kind in ("figure", "bound", "date"):
        return "conflict"
    if scope == "conflict":  # a name or place where the source names another
        return "name_conflict"
    if kind == "link" and scope == "apart":
        return "apart_share"
    if scope == "elsewhere":  # a word, name or figure the source has, but not here
        return "link_share"
    if kind == "wording":
        return "wording_share"
    kind = "name" if kind == "place" else kind
    return f"{kind}_{scope}"


def _logistic(model: dict, values: dict[str, float]) -> float:
    z = model["bias"] + sum(w * values.get(name, 0.0) for name, w in model["weights"].items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _excess(model: dict, values: dict[str, float]) -> float:
    """The model's probability above what it gives a claim without any difference, scaled to
    0..1: no conflicting difference, no contradiction."""
    floor = _logistic(model, {})
    return max(0.0, _logistic(model, values) - floor) / (1.0 - floor)


@cache
def weights() -> dict:
    """The fitted models (``data/support_weights.json``)."""
    path = resources.files("factcheck").joinpath("data/support_weights.json")
    return json.loads(path.read_text(encoding="utf-8"))
