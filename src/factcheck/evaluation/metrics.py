"""Metrics: precision, recall and F1; per-class scores, balanced accuracy, ROC AUC and a
confusion table; and the one threshold search every fitted decision uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best(candidates: Iterable[T], score: Callable[[T], float], default: T) -> T:
    """The candidate with the highest score (the first of equals); ``default`` when none."""
    chosen, chosen_score = default, -1.0
    for candidate in candidates:
        value = score(candidate)
        if value > chosen_score:
            chosen, chosen_score = candidate, value
    return chosen


@dataclass
class Scores:
    """Classification metrics for one group and one predictor."""

    labels: list[str]
    gold: list[str] = field(default_factory=list)
    pred: list[str] = field(default_factory=list)
    score: list[float | None] = field(default_factory=list)

    def add(self, gold: str, pred: str, score: float | None = None) -> None:
        self.gold.append(gold)
        self.pred.append(pred)
        self.score.append(score)

    def confusion(self) -> dict[str, dict[str, int]]:
        table = {g: dict.fromkeys(self.labels, 0) for g in self.labels}
        for g, p in zip(self.gold, self.pred, strict=True):
            table[g][p] = table[g].get(p, 0) + 1
        return table

    def per_class(self) -> dict[str, dict[str, float]]:
        out = {}
        pairs = list(zip(self.gold, self.pred, strict=True))
        for label in self.labels:
            tp = sum(g == p == label for g, p in pairs)
            fp = sum(p == label != g for g, p in pairs)
            fn = sum(g == label != p for g, p in pairs)
            precision, recall, f1 = prf(tp, fp, fn)
            out[label] = {"precision": precision, "recall": recall, "f1": f1,
                          "support": tp + fn}  # fmt: skip
        return out

    def balanced_accuracy(self) -> float:
        recalls = [m["recall"] for m in self.per_class().values() if m["support"]]
        return sum(recalls) / len(recalls) if recalls else 0.0

    def auc(self, positive: str) -> float | None:
        """ROC AUC of the score for ``positive`` (Mann-Whitney), when scores exist."""
        pairs = [(s, g == positive) for s, g in zip(self.score, self.gold, strict=True)]
        if any(s is None for s, _ in pairs):
            return None
        pos = [s for s, is_pos in pairs if is_pos]
        neg = [s for s, is_pos in pairs if not is_pos]
        if not pos or not neg:
            return None
        ranks = _ranks([s for s, _ in pairs])
        rank_sum = sum(ranks[s] for s in pos)
        return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))

    def summary(self, positive: str | None) -> dict:
        return {
            "n": len(self.gold),
            "balanced_accuracy": round(self.balanced_accuracy(), 4),
            "per_class": {k: {m: round(v, 4) if isinstance(v, float) else v
                              for m, v in d.items()} for k, d in self.per_class().items()},
            "confusion": self.confusion(),
            "roc_auc": None if positive is None else _round(self.auc(positive)),
        }  # fmt: skip


def _ranks(values: list[float]) -> dict[float, float]:
    """Each value's rank from 1, ties sharing their average rank."""
    ordered = sorted(values)
    ranks: dict[float, float] = {}
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j] == ordered[i]:
            j += 1
        ranks[ordered[i]] = (i + j + 1) / 2
        i = j
    return ranks


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
