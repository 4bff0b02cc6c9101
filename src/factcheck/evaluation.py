"""``factcheck eval``: run an engine over labelled cases and measure it beside two baselines.

Cases are JSON lines in the shared format (``id``, ``task``, ``sources``, ``claim`` or
``summary``, ``label``, ``split``, ``meta``). Tasks and labels (DESIGN.md):

* ``doc_claim``: supported / unsupported (is the claim or summary supported by the source?);
* ``nli``: supported / unsupported (neutral) / contradiction;
* ``cross_doc``: a headline against an article body, supported (agree) / contradiction
  (disagree) / neutral (discuss); or two bodies about one headline, contradiction / consistent;
* ``cluster`` (the project's own set): several articles and the findings they should raise,
  scored per finding kind (precision, recall, F1).

Results are grouped by data set and task, with balanced accuracy, per-class precision, recall
and F1, a confusion table, ROC AUC where the engine gives a score, and always a majority-class
and a lexical-overlap baseline on the same cases; the overlap baseline's threshold is fitted on
the ``dev`` cases of the same group.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .verify import Sources, verify

LABELS = {
    "doc_claim": ["supported", "unsupported"],
    "nli": ["supported", "unsupported", "contradiction"],
    "headline_vs_body": ["supported", "neutral", "contradiction"],
    "body_pair": ["consistent", "contradiction"],
}
POSITIVE = {"doc_claim": "supported", "nli": "supported", "headline_vs_body": "supported",
            "body_pair": "contradiction"}  # fmt: skip
FINDING_KINDS = ("contradiction", "name_variant", "update", "unsupported_addition")


@dataclass
class Case:
    id: str
    task: str  # doc_claim | nli | headline_vs_body | body_pair | cluster
    group: str  # data set / task, e.g. "fnc1/body_pair"
    sources: list[str]
    claim: str
    label: object
    split: str


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
        for label in self.labels:
            tp = sum(g == p == label for g, p in zip(self.gold, self.pred, strict=True))
            fp = sum(p == label != g for g, p in zip(self.gold, self.pred, strict=True))
            fn = sum(g == label != p for g, p in zip(self.gold, self.pred, strict=True))
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
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
        ranked = sorted(pairs, key=lambda p: p[0])
        ranks: dict[float, float] = {}
        i = 0
        while i < len(ranked):
            j = i
            while j < len(ranked) and ranked[j][0] == ranked[i][0]:
                j += 1
            ranks[ranked[i][0]] = (i + j + 1) / 2
            i = j
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


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# -- loading ----------------------------------------------------------------------------------


def load_cases(path: Path, split: str = "all", limit: int | None = None) -> list[Case]:
    """Cases of one JSONL file; ``split`` keeps dev, test or all of them."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    cases = []
    name = path.parent.name if path.name == "cases.jsonl" else path.stem
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            cases.append(_case(record, name))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a case ({exc})") from None
    if not cases:
        raise InputError(f"{path}: no cases")
    return cases


def select(cases: list[Case], split: str, limit: int | None) -> list[Case]:
    chosen = [c for c in cases if split == "all" or c.split == split]
    if limit is not None:
        chosen = _spread(chosen, limit)
    return chosen


def _spread(cases: list[Case], limit: int) -> list[Case]:
    """At most ``limit`` cases, taken evenly from each group so every group is represented."""
    by_group: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_group[case.group].append(case)
    share = max(1, limit // max(1, len(by_group)))
    picked = []
    for group in by_group.values():
        ordered = sorted(group, key=lambda c: hashlib.sha256(c.id.encode()).hexdigest())
        picked += ordered[:share]
    return picked[:limit]


def _case(record: dict, name: str) -> Case:
    task = record["task"]
    meta = record.get("meta") or {}
    if task == "cross_doc":
        task = meta.get("kind") or ("body_pair" if len(record["sources"]) > 1 else
                                    "headline_vs_body")  # fmt: skip
    if task not in LABELS and task != "cluster":
        raise ValueError(f"unknown task {task!r}")
    sources = record["sources"]
    allowed = (str, dict) if task == "cluster" else (str,)  # cluster articles may carry metadata
    if not isinstance(sources, list) or not all(isinstance(s, allowed) for s in sources):
        raise ValueError("sources must be a list of texts")
    group = name if task in ("doc_claim", "nli", "cluster") else f"{name}/{task}"
    label = record["label"] if task == "cluster" else str(record["label"])
    if task != "cluster" and label not in LABELS[task]:
        raise ValueError(f"label {label!r} is not one of {LABELS[task]}")
    claim = record.get("claim") or record.get("summary") or ""
    return Case(record["id"], task, group, sources, claim, label, record.get("split", "test"))


# -- predictors -------------------------------------------------------------------------------


Signals = dict[str, float]  # "support" and "contra", each 0..1
Predictor = Callable[[Case], Signals]


def local_predictor() -> Predictor:
    """The local engine's support and contradiction signals for a claim-vs-source case."""
    cache: dict[tuple[str, ...], Sources] = {}

    def sources_of(texts: list[str]) -> Sources:
        key = tuple(texts)
        if key not in cache:
            if len(cache) > 256:
                cache.clear()
            cache[key] = Sources(texts)
        return cache[key]

    def predict(case: Case) -> Signals:
        if case.task == "body_pair":
            bodies = [sources_of([body]) for body in case.sources[:2]]
            stances = [verify(body, case.claim) for body in bodies]
            lean = [
                s.score - s.contradiction - min(1.0, b.debunk)
                for s, b in zip(stances, bodies, strict=True)
            ]
            gap = min(1.0, abs(lean[0] - lean[1]))
            return {"support": gap, "contra": gap}
        source = sources_of(case.sources)
        result = verify(source, case.claim)
        contra = result.contradiction
        if case.task == "headline_vs_body":
            contra = max(contra, min(1.0, source.debunk))
        return {"support": result.score, "contra": contra}

    return predict


def decide(task: str, signals: Signals, support_at: float, contra_at: float) -> str:
    """The label for ``signals`` with the given thresholds."""
    if task == "body_pair":
        return "contradiction" if signals["support"] >= support_at else "consistent"
    if task in ("nli", "headline_vs_body") and signals["contra"] >= contra_at:
        return "contradiction"
    if signals["support"] >= support_at:
        return "supported"
    return "neutral" if task == "headline_vs_body" else "unsupported"


def fit_thresholds(task: str, cases: list[Case], signals: list[Signals]) -> tuple[float, float]:
    """Decision thresholds that maximise balanced accuracy on ``cases`` (the dev split)."""
    grid = [i / 40 for i in range(1, 40)]
    contra_grid = grid if task in ("nli", "headline_vs_body") else [1.1]
    best, best_score = (0.5, 0.5), -1.0
    for support_at in grid:
        for contra_at in contra_grid:
            scores = Scores(LABELS[task])
            for case, signal in zip(cases, signals, strict=True):
                scores.add(case.label, decide(task, signal, support_at, contra_at))
            value = scores.balanced_accuracy()
            if value > best_score:
                best, best_score = (support_at, contra_at), value
    return best


def overlap_score(case: Case) -> float:
    """Share of the claim's word tokens that occur in the sources (the baseline's score)."""
    if case.task == "body_pair":
        a, b = (set(_tokens(s)) for s in case.sources[:2])
        return len(a & b) / max(1, min(len(a), len(b)))
    claim = _tokens(case.claim)
    source = set(_tokens(" ".join(case.sources)))
    return sum(t in source for t in claim) / max(1, len(claim))


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def fit_overlap(cases: list[Case]) -> float:
    """The overlap threshold that maximises balanced accuracy on ``cases`` (dev)."""
    if not cases:
        return 0.5
    task = cases[0].task
    best, best_score = 0.5, -1.0
    values = [overlap_score(c) for c in cases]
    for step in range(1, 40):
        threshold = step / 40
        scores = Scores(LABELS[task])
        for case, value in zip(cases, values, strict=True):
            scores.add(case.label, _overlap_label(task, value, threshold))
        if scores.balanced_accuracy() > best_score:
            best, best_score = threshold, scores.balanced_accuracy()
    return best


def _overlap_label(task: str, value: float, threshold: float) -> str:
    high = value >= threshold
    if task == "body_pair":
        return "consistent" if high else "contradiction"
    if task == "headline_vs_body":
        return "supported" if high else "neutral"
    return "supported" if high else "unsupported"


# -- running ----------------------------------------------------------------------------------


def evaluate(
    all_cases: list[Case],
    split: str,
    limit: int | None,
    predictor: Predictor | None = None,
    cluster_runner: Callable[[Case], list[tuple[str, str | None]]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    engine: str = "local",
) -> dict:
    """Metrics per group for the engine and both baselines."""
    predictor = predictor or local_predictor()
    chosen = select(all_cases, split, limit)
    started = time.perf_counter()
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in chosen:
        groups[case.group].append(case)
    results = []
    done = 0
    for group, cases in groups.items():
        clock = time.perf_counter()
        task = cases[0].task
        if task == "cluster":
            results.append(_cluster_group(group, cases, cluster_runner))
            done += len(cases)
            if progress:
                progress(done, len(chosen))
            continue
        signals = []
        for case in cases:
            signals.append(predictor(case))
            done += 1
            if progress:
                progress(done, len(chosen))
        seconds = time.perf_counter() - clock
        dev = [c for c in all_cases if c.group == group and c.split == "dev"]
        if split == "dev" or not dev:
            dev_signals, dev_cases = signals, cases
        else:
            dev_cases = dev if limit is None else _spread(dev, limit)
            dev_signals = [predictor(c) for c in dev_cases]
        support_at, contra_at = fit_thresholds(task, dev_cases, dev_signals)
        engine_scores = Scores(LABELS[task])
        positive_signal = "support"
        for case, signal in zip(cases, signals, strict=True):
            label = decide(task, signal, support_at, contra_at)
            engine_scores.add(case.label, label, signal[positive_signal])
        threshold = fit_overlap(dev or cases)
        overlap, majority = Scores(LABELS[task]), Scores(LABELS[task])
        common = Counter(c.label for c in (dev or cases)).most_common(1)[0][0]
        for case in cases:
            value = overlap_score(case)
            ranked = 1 - value if task == "body_pair" else value  # low overlap: contradiction
            overlap.add(case.label, _overlap_label(task, value, threshold), ranked)
            majority.add(case.label, common, 0.0)
        positive = POSITIVE[task]
        results.append({
            "group": group, "task": task, "split": split, "n": len(cases),
            "engine": {"name": engine, **engine_scores.summary(positive),
                       "thresholds": {"support": support_at, "contradiction": contra_at},
                       "seconds": round(seconds, 2)},
            "majority": {"label": common, **majority.summary(None)},
            "overlap": {"threshold": threshold, **overlap.summary(positive)},
        })  # fmt: skip
    return {"split": split, "engine": engine, "cases": len(chosen), "groups": results,
            "seconds": round(time.perf_counter() - started, 2)}  # fmt: skip


def _cluster_group(group: str, cases: list[Case], runner) -> dict:
    """Per finding kind: a gold finding is found when the run raises one of its kind (and
    type, when given); a raised finding with no gold counterpart is a false alarm."""
    counts = {k: Counter() for k in FINDING_KINDS}
    clock = time.perf_counter()
    for case in cases:
        gold = Counter((f["kind"], f.get("type")) for f in case.label)
        found = Counter(runner(case)) if runner else Counter()
        for kind in FINDING_KINDS:
            gold_kind = [(k, t) for k, t in gold.elements() if k == kind]
            found_kind = [(k, t) for k, t in found.elements() if k == kind]
            matched = 0
            pool = list(found_kind)
            for item in gold_kind:
                hit = next((f for f in pool if f == item or (item[1] is None)), None)
                if hit is not None:
                    pool.remove(hit)
                    matched += 1
            if kind == "unsupported_addition" and not gold_kind:
                pool = []  # additions are only scored where the case says what they are
            counts[kind]["tp"] += matched
            counts[kind]["fn"] += len(gold_kind) - matched
            counts[kind]["fp"] += len(pool)
    per_kind = {}
    for kind, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_kind[kind] = {"precision": round(precision, 4), "recall": round(recall, 4),
                          "f1": round(f1, 4), **dict(c)}  # fmt: skip
    return {"group": group, "task": "cluster", "n": len(cases), "per_kind": per_kind,
            "seconds": round(time.perf_counter() - clock, 2)}  # fmt: skip


def cluster_runner(settings) -> Callable[[Case], list[tuple[str, str | None]]]:
    """Run the full pipeline on a case's articles and list (kind, type) of its findings."""
    import tempfile

    from .pipeline import run

    def run_case(case: Case) -> list[tuple[str, str | None]]:
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for n, text in enumerate(case.sources):
                path = Path(folder) / f"{n}.json"
                record = text if isinstance(text, dict) else {"text": text}
                path.write_text(json.dumps(record), encoding="utf-8")
                paths.append(str(path))
            report = run(paths, settings)
        return [(f.kind, f.type) for f in report.findings if f.kind in FINDING_KINDS]

    return run_case


def iter_files(paths: Iterable[str]) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*/cases.jsonl")) or sorted(path.glob("*.jsonl"))
            if not found:
                raise InputError(f"{path}: no cases.jsonl files in it")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return files
