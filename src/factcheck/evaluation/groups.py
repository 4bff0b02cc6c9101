"""One claim-vs-source group of ``factcheck eval``, scored as a classification.

Each case is predicted once. The engine's thresholds and the overlap baseline's are fitted on
the group's ``dev`` cases and applied to the chosen ones; a group without ``dev`` cases uses the
engine's own default thresholds (the local scorer's are fitted on the shared sets' ``dev``
splits), or else is fitted on the cases it reports, which the result says. The pooled group is
scored, then each of its subsets (``meta.subset``) on its own with its own ``dev`` cases. For the
cases the engine judged unsupported (or, for two bodies, in contradiction) the pooled result
lists why: the typed differences behind the verdict, facts first.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from .cases import LABELS, POSITIVE, Case
from .metrics import Scores
from .predictors import (
    Predictor,
    Signals,
    decide,
    fit_overlap,
    fit_thresholds,
    overlap_label,
    overlap_score,
)

Defaults = Callable[[str], tuple[float, float] | None] | None
MAX_REASONS = 5  # differences listed per case judged unsupported
FITTED_ON_DEV = "dev"
NO_DEV_DEFAULTS = "the engine's default thresholds (no dev cases)"
NO_DEV_SELF = "the cases reported (no dev cases): optimistic"


class Counted:
    """A predictor that times each case (wall and CPU seconds), counts every prediction (those
    of dev cases scored only to fit thresholds too) and reports progress over the cases chosen."""

    def __init__(self, predictor: Predictor, total: int, progress) -> None:
        self.predictor, self.total, self.progress = predictor, total, progress
        self.done = self.predicted = 0

    def __call__(self, case: Case, counts: bool = True) -> tuple[Signals, float, float]:
        clock, cpu = time.perf_counter(), time.process_time()
        signals = self.predictor(case)
        wall, cpu = time.perf_counter() - clock, time.process_time() - cpu
        self.predicted += 1
        if counts:
            self.skip(1)
        return signals, wall, cpu

    def skip(self, cases: int) -> None:
        self.done += cases
        if self.progress:
            self.progress(self.done, self.total)


def classify_group(
    cases: list[Case], dev: list[Case], counted: Counted, defaults: Defaults
) -> list[dict]:
    """The pooled group's result, with why for each case judged unsupported; then one result
    per subset when the group has several."""
    signals: dict[int, Signals] = {}
    seconds: dict[int, tuple[float, float]] = {}  # wall and CPU
    for case in cases:
        signals[id(case)], *seconds[id(case)] = counted(case)
    for case in dev:
        if id(case) not in signals:
            signals[id(case)], _, _ = counted(case, counts=False)
    group = cases[0].group
    subsets = sorted({c.subset for c in cases if c.subset})
    views = [(group, cases, dev)]
    if len(subsets) > 1:
        views += [(f"{group}/{name}", [c for c in cases if c.subset == name],
                   [c for c in dev if c.subset == name]) for name in subsets]  # fmt: skip
    results = []
    for name, view, view_dev in views:
        result, predicted = _scored(name, view, view_dev, signals, defaults)
        result["engine"]["seconds"] = round(sum(seconds[id(c)][0] for c in view), 3)
        result["engine"]["cpu_seconds"] = round(sum(seconds[id(c)][1] for c in view), 3)
        result["subset_of"] = None if name == group else group
        results.append(result)
        if name == group:
            result["subsets"] = [f"{group}/{s}" for s in subsets] if len(subsets) > 1 else []
            result["why"] = explained(view, [signals[id(c)] for c in view], predicted)
    return results


def _scored(
    name: str, cases: list[Case], dev: list[Case], signals: dict[int, Signals], defaults: Defaults
) -> tuple[dict, list[str]]:
    """The engine (thresholds fitted on ``dev``) and both baselines on ``cases``; and the
    engine's labels."""
    task = cases[0].task
    mine = [signals[id(c)] for c in cases]
    (support_at, contra_at), fitted_on = _thresholds(
        task, dev, [signals[id(c)] for c in dev], cases, mine, defaults
    )
    engine = Scores(LABELS[task])
    predicted = [decide(task, s, support_at, contra_at) for s in mine]
    for case, signal, label in zip(cases, mine, predicted, strict=True):
        engine.add(case.label, label, signal.support)
    positive = POSITIVE[task]
    return {
        "group": name, "task": task, "split": _split(cases), "n": len(cases),
        "engine": {**engine.summary(positive),
                   "thresholds": {"support": support_at, "contradiction": contra_at},
                   "fitted_on": fitted_on},
        **_baselines(task, cases, dev),
    }, predicted  # fmt: skip


def _thresholds(
    task: str, dev: list[Case], dev_signals: list[Signals], cases: list[Case],
    signals: list[Signals], defaults: Defaults,
) -> tuple[tuple[float, float], str]:  # fmt: skip
    """Fitted on ``dev``; without dev cases, the engine's defaults, or else fitted on the
    cases reported."""
    if dev:
        return fit_thresholds(task, dev, dev_signals), FITTED_ON_DEV
    given = defaults(task) if defaults else None
    if given is not None:
        return given, NO_DEV_DEFAULTS
    return fit_thresholds(task, cases, signals), NO_DEV_SELF


def _baselines(task: str, cases: list[Case], dev: list[Case]) -> dict:
    """The majority class and the overlap baseline, fitted on ``dev`` (without dev cases, on
    the cases reported, which can only favour them)."""
    fitted = dev or cases
    threshold = fit_overlap(fitted)
    overlap, majority = Scores(LABELS[task]), Scores(LABELS[task])
    common = Counter(c.label for c in fitted).most_common(1)[0][0]
    for case in cases:
        value = overlap_score(case)
        ranked = 1 - value if task == "body_pair" else value  # low overlap: contradiction
        overlap.add(case.label, overlap_label(task, value, threshold), ranked)
        majority.add(case.label, common, 0.0)
    fitted_on = FITTED_ON_DEV if dev else NO_DEV_SELF
    return {
        "majority": {"label": common, **majority.summary(None), "fitted_on": fitted_on},
        "overlap": {"threshold": threshold, **overlap.summary(POSITIVE[task]),
                    "fitted_on": fitted_on},
    }  # fmt: skip


def explained(cases: list[Case], signals: list[Signals], predicted: list[str]) -> list[dict]:
    """Each case judged unsupported (for two bodies: in contradiction), with the differences
    behind the verdict (at most ``MAX_REASONS``, facts first) and notes."""
    out = []
    for case, signal, label in zip(cases, signals, predicted, strict=True):
        if label in ("supported", "consistent"):
            continue
        shown = signal.differences[:MAX_REASONS]
        out.append({
            "id": case.id, "subset": case.subset, "gold": case.label, "predicted": label,
            "support": round(signal.support, 4), "contradiction": round(signal.contra, 4),
            "differences": [d.as_dict() for d in shown],
            "more_differences": len(signal.differences) - len(shown), "notes": signal.notes,
        })  # fmt: skip
    return out


def _split(cases: list[Case]) -> str:
    splits = {c.split for c in cases}
    return splits.pop() if len(splits) == 1 else "all"
