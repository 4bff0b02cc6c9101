"""Predictors: what an engine says about a claim-vs-source case, as signals from 0 to 1
(``support`` and ``contra``, with the local engine's differences behind them); the decision rule
that turns signals into a label; and the lexical-overlap baseline.

The local engine's signals come from the support scorer (``factcheck.verify``); the llm engine's
from one check call per claim and source (``LLMEngine.check_support``). Thresholds are fitted on
the ``dev`` cases of each group (``fit_thresholds``, ``fit_overlap``) and applied to the rest; a
predictor's ``defaults(task)`` are the thresholds it uses where a group has no ``dev`` cases.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..difference import Difference, ranked
from ..settings import Settings
from ..verify import Sources, verify, weights
from .cases import LABELS, Case
from .metrics import Scores, best, prf

GRID = [i / 40 for i in range(1, 40)]
MAX_SOURCE_CHARS = 24_000  # a longer source is cut to fit one llm call's context


@dataclass
class Signals:
    """What an engine says about one case: how well the claim is supported and how strongly
    contradicted (0 to 1), and why: the typed differences, facts first, and notes."""

    support: float
    contra: float = 0.0
    differences: list[Difference] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


Predictor = Callable[[Case], Signals]


class LocalPredictor:
    """The local engine's support and contradiction signals for a claim-vs-source case (each
    source read once for the cases that share it)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, ...], Sources] = {}

    def __call__(self, case: Case) -> Signals:
        if case.task == "body_pair":
            return self._body_pair(case)
        source = self._sources(case.sources)
        result = verify(source, case.claim, "inference" if case.task == "nli" else "report")
        signals = _signals(result)
        if case.task == "headline_vs_body" and source.debunk > signals.contra:
            signals.contra = min(1.0, source.debunk)
            signals.notes.append(_debunk_note(source.debunk))
        return signals

    def defaults(self, task: str) -> tuple[float, float] | None:
        """The scorer's own thresholds (fitted on the shared sets' ``dev`` splits) for a claim
        against its sources; None for the FNC-1 tasks, whose signals ``eval`` builds."""
        if task not in ("doc_claim", "nli"):
            return None
        thresholds = weights()["thresholds"]
        support = thresholds["inference" if task == "nli" else "support"]
        return support, thresholds["contradiction"]

    def _body_pair(self, case: Case) -> Signals:
        """Two bodies under one headline disagree when they lean differently on it: a body's
        lean is its support score less its contradiction score, each as much as the stored
        ``lean`` weights say (fitted on the dev body pairs), less its debunking-word rate."""
        bodies = [self._sources([body]) for body in case.sources[:2]]
        stances = [verify(body, case.claim) for body in bodies]
        counts = weights().get("lean", {"support": 1.0, "contradiction": 1.0})
        lean = [counts["support"] * s.score - counts["contradiction"] * s.contradiction
                - min(1.0, b.debunk) for s, b in zip(stances, bodies, strict=True)]  # fmt: skip
        gap = min(1.0, abs(lean[0] - lean[1]))
        against = 0 if lean[0] < lean[1] else 1
        signals = _signals(stances[against])
        note = f"body {against + 1} leans against the headline ({lean[against]:+.2f} against "
        note += f"{lean[1 - against]:+.2f})"
        return Signals(gap, gap, signals.differences, [note, *signals.notes])

    def _sources(self, texts: list[str]) -> Sources:
        key = tuple(texts)
        if key not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = Sources(texts)
        return self._cache[key]


def local_predictor() -> LocalPredictor:
    return LocalPredictor()


def _signals(result) -> Signals:
    """A verdict of ``verify`` as signals; the reasons facts first."""
    differences = ranked(result.differences)
    notes = [] if differences else result.why()
    return Signals(result.score, result.contradiction, differences, notes)


def _debunk_note(rate: float) -> str:
    return (f"the source uses words that dispute a claim (hoax, fake, denied…): {rate:.1f} per "
            "hundred distinct words")  # fmt: skip


class LLMPredictor:
    """The llm engine on claim-vs-source cases: one check call per claim and source."""

    def __init__(self, settings: Settings, **engine_options: Any):
        from ..engines.llm import LLMEngine

        self.engine = LLMEngine(settings, **engine_options)

    def __call__(self, case: Case) -> Signals:
        if case.task == "body_pair":
            verdicts = [self._supported(case.claim, [body]) for body in case.sources[:2]]
            gap = 1.0 if verdicts[0] != verdicts[1] else 0.0
            return Signals(gap, gap)
        supported = self._supported(case.claim, case.sources)
        return Signals(1.0 if supported else 0.0)

    def defaults(self, task: str) -> tuple[float, float]:
        """Its verdicts are 0 or 1: any threshold between them."""
        return 0.5, 0.5

    def _supported(self, claim: str, sources: list[str]) -> bool:
        return self.engine.check_support(claim, [s[:MAX_SOURCE_CHARS] for s in sources])

    def usage(self):
        return self.engine.usage()

    def close(self) -> None:
        self.engine.close()


def decide(task: str, signals: Signals, support_at: float, contra_at: float) -> str:
    """The label for ``signals`` with the given thresholds."""
    if task == "body_pair":
        return "contradiction" if signals.support >= support_at else "consistent"
    if task in ("nli", "headline_vs_body") and signals.contra >= contra_at:
        return "contradiction"
    if signals.support >= support_at:
        return "supported"
    return "neutral" if task == "headline_vs_body" else "unsupported"


def fit_thresholds(task: str, cases: list[Case], signals: list[Signals]) -> tuple[float, float]:
    """Decision thresholds that maximise balanced accuracy on ``cases`` (the dev split): every
    pair on the grid, as ``decide`` would label (the first of equals), found by counting each
    class above each support threshold once per contradiction threshold."""
    contra_grid = GRID if task in ("nli", "headline_vs_body") else [1.1]
    high, low = _SIDES[task]
    totals = Counter(c.label for c in cases)
    levels = [sum(s.support >= at for at in GRID) for s in signals]  # thresholds reached
    table = {}
    for j, contra_at in enumerate(contra_grid):
        flagged, above = _counts(task, cases, signals, levels, contra_at)
        for i in range(len(GRID)):
            hits = {"contradiction": flagged["contradiction"]}
            hits[high] = hits.get(high, 0) + above[i][high]
            hits[low] = totals[low] - flagged[low] - above[i][low]
            recalls = [prf(hits.get(k, 0), 0, totals[k] - hits.get(k, 0))[1]
                       for k in LABELS[task] if totals[k]]  # fmt: skip
            table[(i, j)] = sum(recalls) / len(recalls) if recalls else 0.0
    i, j = best(itertools.product(range(len(GRID)), range(len(contra_grid))), table.get, (0, 0))
    return GRID[i], contra_grid[j]


_SIDES = {"doc_claim": ("supported", "unsupported"), "nli": ("supported", "unsupported"),
          "headline_vs_body": ("supported", "neutral"),
          "body_pair": ("contradiction", "consistent")}  # fmt: skip


def _counts(
    task: str, cases: list[Case], signals: list[Signals], levels: list[int], contra_at: float
) -> tuple[Counter, list[Counter]]:
    """Per gold label: the cases ``decide`` calls contradictions at ``contra_at``; and, of the
    others, those whose support reaches each threshold of the grid."""
    flagged: Counter = Counter()
    at_level: list[Counter] = [Counter() for _ in range(len(GRID) + 1)]
    checks_contra = task in ("nli", "headline_vs_body")
    for case, signal, level in zip(cases, signals, levels, strict=True):
        if checks_contra and signal.contra >= contra_at:
            flagged[case.label] += 1
        else:
            at_level[level][case.label] += 1
    above, running = [Counter() for _ in GRID], Counter()
    for i in range(len(GRID) - 1, -1, -1):
        running.update(at_level[i + 1])
        above[i] = Counter(running)
    return flagged, above


def overlap_score(case: Case) -> float:
    """Share of the claim's word tokens that occur in the sources (the baseline's score)."""
    if case.task == "body_pair":
        a, b = (set(_tokens(s)) for s in case.sources[:2])
        return len(a & b) / max(1, min(len(a), len(b)))
    claim = _tokens(case.claim)
    source = set(_tokens(" ".join(case.sources)))
    return sum(t in source for t in claim) / max(1, len(claim))


def fit_overlap(cases: list[Case]) -> float:
    """The overlap threshold that maximises balanced accuracy on ``cases`` (dev)."""
    if not cases:
        return 0.5
    task = cases[0].task
    values = [overlap_score(c) for c in cases]

    def accuracy(threshold: float) -> float:
        scores = Scores(LABELS[task])
        for case, value in zip(cases, values, strict=True):
            scores.add(case.label, overlap_label(task, value, threshold))
        return scores.balanced_accuracy()

    return best(GRID, accuracy, 0.5)


def overlap_label(task: str, value: float, threshold: float) -> str:
    high = value >= threshold
    if task == "body_pair":
        return "consistent" if high else "contradiction"
    if task == "headline_vs_body":
        return "supported" if high else "neutral"
    return "supported" if high else "unsupported"


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())
