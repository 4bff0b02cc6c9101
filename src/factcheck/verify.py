"""Verify: is a claim supported by, contradicted by, or absent from a set of source texts?

Align, then diff: each sentence of the claim is aligned with the source sentences that best
cover it, and what it adds or changes against them is listed as typed differences
(``compare.py``; names, places, figures, bounds, dates, negation, reversed predicates, hedges,
who did what, words the source lacks or keeps elsewhere). The support score comes from those
differences, not from raw word overlap: a logistic model over per-type counts and shares (the
words a source lacks weighed by their rarity), whose weights are fitted on the ``dev`` splits
of the shared benchmarks (``benchmarks/fit_support.py``, stored in
``data/support_weights.json``); a claim that reports its sources and a hypothesis inferred from
them (NLI) have a model each. The contradiction
score is a second such model over the differences that say the source says otherwise
(conflicting figures, dates, names, negation, reversed predicates, swapped roles, a source
that calls the claim false), measured above its value for a claim with no difference: 0 when
nothing conflicts. A multi-sentence
claim counts each sentence's differences.

``verify`` labels with the stored default thresholds; ``factcheck eval`` instead fits the
decision thresholds on each benchmark's ``dev`` split from the scores (``support``,
``contradiction``) and reports ``test`` with those thresholds. Each ``Support`` carries its
differences, so a verdict can say why ("'Tuesday' is not in the source; it says 'Wednesday'").

For the stages: ``carried_by(sentence, evidence)`` says, per cited source, whether it carries a
sentence and why not; ``additions(claim, origin)`` lists what a claim adds to the article it
derives from. Both return typed ``Difference``s with their explanations (docs/support.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from .claim_diff import Comparison, compare_all
from .cover import Document
from .difference import Difference, ranked
from .lexical import words
from .lexicon import DISPUTES, rarity

CAP = 3.0  # counts above this add nothing


@dataclass
class Support:
    """How a claim stands against its sources."""

    label: str  # supported | unsupported | contradiction
    score: float  # how well supported, 0..1
    contradiction: float  # how strongly contradicted, 0..1
    reasons: list[str] = field(default_factory=list)  # the differences' explanations
    differences: list[Difference] = field(default_factory=list)  # in reading order (``ranked``)
    coverage: float = 1.0  # share of the claim's words the best source sentence holds (lowest
    # over the claim's sentences)

    @property
    def supported(self) -> bool:
        return self.label == "supported"

    def why(self) -> list[str]:
        """The explanations an editor reads first, facts before wording; when no difference
        is found, how little of the claim one source sentence holds."""
        lines = [d.explanation for d in ranked(self.differences)]
        if not lines and self.coverage < 1.0:
            lines.append(f"no one sentence of the source says it; the closest holds "
                         f"{self.coverage:.0%} of its words")  # fmt: skip
        return lines


class Sources:
    """The source texts, segmented, read and indexed once for many claims."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.document = Document(texts)
        joined = "\n\n".join(texts)
        lowered = joined.lower()  # inflections count too: "hoaxes", "denying"
        vocabulary = set(words(joined))  # per hundred distinct words, as before
        self.debunk = sum(lowered.count(w) for w in DISPUTES) / max(1, len(vocabulary)) * 100


KINDS = ("report", "inference")  # a claim reported from the sources; a hypothesis inferred


Forgive = Callable[[Difference], bool]  # a difference the caller accounts for itself


def verify(
    sources: Sources, claim: str, kind: str = "report", forgive: Forgive | None = None
) -> Support:
    """Supported, unsupported or contradicted, with a support and a contradiction score.

    ``kind`` says what the claim is: a ``report`` of what the sources say (a summary, a
    headline, a sentence of the brief), or an ``inference`` a reader drew from them (a
    hypothesis against its premise, as in NLI). Both read the same differences; their
    support scores weigh them apart, as each is fitted on its own data (words the source
    never uses tell an invented detail in a report, but are how an inference is put).
    ``forgive`` drops the differences a stage accounts for by its own rules (a word its own
    list of equivalents matches) before anything is scored."""
    comparisons = compare_all(claim, sources.document)
    if forgive is not None:
        comparisons = [
            replace(c, differences=[d for d in c.differences if not forgive(d)])
            for c in comparisons
        ]
    values = features(comparisons)
    model = weights()
    name = "support" if kind == "report" else "inference"
    score = _logistic(model[name], values)
    contradiction = _excess(model["contradiction"], values)
    found = [d for c in comparisons for d in c.differences]
    reasons = [d.explanation for d in found]
    coverage = min(c.cover.best_share for c in comparisons)
    label = "supported" if score >= model["thresholds"][name] else "unsupported"
    if contradiction >= model["thresholds"]["contradiction"]:
        label = "contradiction"
    return Support(label, score, contradiction, reasons, found, coverage)


def carried_by(
    sentence: str, evidence: list[str | Sources], forgive: Forgive | None = None
) -> list[Support]:
    """For each evidence text (or its ``Sources``), whether it carries ``sentence`` on its own,
    and if not, why: one ``Support`` per source, in order, whose ``differences`` (typed, each
    with its one-line explanation) say what the sentence adds or changes against it."""
    return [
        verify(e if isinstance(e, Sources) else Sources([e]), sentence, forgive=forgive)
        for e in evidence
    ]


def additions(claim: str, origin: str | list[str] | Sources) -> list[Difference]:
    """What ``claim`` adds to or changes in its origin article (its text, texts or
    ``Sources``), facts first (``difference.ranked``): empty when the origin carries all of
    it. A claim that only says less than the origin (a hedge the origin does not have) adds
    nothing."""
    if isinstance(origin, str):
        origin = [origin]
    document = origin.document if isinstance(origin, Sources) else Document(origin)
    found = [d for c in compare_all(claim, document) for d in c.differences]
    return ranked([d for d in found if d.scope != "weaker"])


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
        if key == "wording_share":
            continue  # weighted by rarity below
        step = 1.0 / terms if key.endswith("_share") else 1.0
        if key == "apart_share":
            step = 1.0 / max(1, comparison.pairs)
        values[key] = values.get(key, 0.0) + step
    values.update(_rare_shares(comparison))
    return values


def _rare_shares(comparison: Comparison) -> dict[str, float]:
    """Shares of the claim's content words, each weighted by its rarity, that the sources
    never use: as wording (``wording_share``) and as any word, names and places included
    (``absent_share``). A common word the source lacks ('said', 'new') weighs little; a rare
    one ('stadium', a name) much."""
    first = [tokens[0] for tokens in comparison.claim.terms.values()]
    weight = {t.text: rarity(t.low) for t in first}
    total = sum(weight.values()) or 1.0
    wording, absent = set(), set()
    for d in comparison.differences:
        if d.scope == "absent" and d.type in ("wording", "name", "place"):
            absent.update(d.claim.split())
            if d.type == "wording":
                wording.add(d.claim)
    return {
        "wording_share": sum(w for t, w in weight.items() if t in wording) / total,
        "absent_share": sum(w for t, w in weight.items() if t in absent) / total,
    }


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
