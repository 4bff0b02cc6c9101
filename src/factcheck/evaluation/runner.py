"""Running ``factcheck eval``: cases through a predictor or through the whole pipeline, scored
beside a majority-class and a lexical-overlap baseline on the same cases.

Claim-vs-source groups are scored as classifications: the engine's thresholds and the overlap
baseline's are fitted on the group's ``dev`` cases and applied to the chosen split. Cluster
cases run through the library (``run_ingested``) and are scored per finding kind. With the
llm engine, each data set's result carries the calls, tokens and cost it took (check calls and
the cluster runs' calls together), and the run carries their sum.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..engines import engine_name
from ..models import Usage
from ..settings import Settings
from .cases import Case, data_set, iter_files, load_cases, select, spread
from .groups import Counted, classify_group
from .metrics import prf
from .predictors import LLMPredictor, Predictor, local_predictor

FINDING_KINDS = (
    "contradiction", "name_variant", "update", "unsupported_addition", "altered_quote"
)  # fmt: skip
Found = list[tuple[str, str | None]]  # (kind, type) of each finding a run raised
ClusterRunner = Callable[[Case], Found]  # a ``ClusterRuns``, or any such callable
Progress = Callable[[int, int], None]


@dataclass
class EvalRun:
    """Results per cases file, and the llm engine's usage (None for the local engine)."""

    engine: str
    results: list[dict] = field(default_factory=list)
    usage: Usage | None = None


def run_eval(
    paths: list[str],
    split: str,
    limit: int | None,
    settings: Settings,
    progress: Callable[[str, int, int], None] | None = None,
) -> EvalRun:
    """Evaluate the engine the settings choose on every cases file named by ``paths``."""
    files = iter_files(paths)
    name = engine_name(settings)
    predictor = LLMPredictor(settings) if name == "llm" else local_predictor()
    runner = cluster_runner(settings if name == "llm" else replace(settings, engine="local"))

    def spent() -> Usage:
        used = predictor.usage() if isinstance(predictor, LLMPredictor) else Usage()
        return add_usage(used, runner.usage)

    run = EvalRun(name)
    try:
        for path in files:
            label = data_set(path)
            tick = (lambda done, total, n=label: progress(n, done, total)) if progress else None
            before = spent()
            result = evaluate(load_cases(path), split, limit, predictor, runner, tick, name)
            if name == "llm":
                result["usage"] = usage_summary(subtract_usage(spent(), before))
            run.results.append({**result, "file": str(path)})
    finally:
        if name == "llm":
            run.usage = spent()
        if isinstance(predictor, LLMPredictor):
            predictor.close()
    return run


class ClusterRuns:
    """Runs the full pipeline on a case's articles, lists (kind, type) of its findings, and
    adds up the engine's usage over the cases it ran."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.usage = Usage()

    def __call__(self, case: Case) -> Found:
        from ..ingest import ingest_records
        from ..pipeline import run_ingested

        records = [s if isinstance(s, dict) else {"text": s} for s in case.sources]
        ingested = ingest_records(records, case.id, max_bytes=self.settings.max_bytes)
        report = run_ingested(ingested, self.settings)
        self.usage = add_usage(self.usage, report.usage)
        return [(f.kind, f.type) for f in report.findings if f.kind in FINDING_KINDS]


def cluster_runner(settings: Settings) -> ClusterRuns:
    """Run the full pipeline on a case's articles and list (kind, type) of its findings."""
    return ClusterRuns(settings)


_COUNTS = ("llm_calls", "cached_calls", "reasks", "input_tokens", "output_tokens")


def add_usage(a: Usage, b: Usage, sign: int = 1) -> Usage:
    """``a + b`` (``a - b`` with ``sign=-1``): counts, cost when either knows it, and stages."""
    values = {name: getattr(a, name) + sign * getattr(b, name) for name in _COUNTS}
    costs = [c for c in (a.cost_usd, b.cost_usd) if c is not None]
    cost = None if not costs else round((a.cost_usd or 0) + sign * (b.cost_usd or 0), 6)
    stages = {name: dict(counts) for name, counts in a.by_stage.items()}
    for name, counts in b.by_stage.items():
        mine = stages.setdefault(name, {})
        for key, value in counts.items():
            mine[key] = mine.get(key, 0) + sign * value
    stages = {k: v for k, v in stages.items() if any(v.values())}
    return Usage(**values, cost_usd=cost, by_stage=stages)


def subtract_usage(a: Usage, b: Usage) -> Usage:
    return add_usage(a, b, sign=-1)


def usage_summary(usage: Usage) -> dict:
    """What a data set took: calls, cache hits, re-asks, tokens, cost and calls per stage."""
    summary = {name: getattr(usage, name) for name in _COUNTS}
    calls = {stage: counts.get("calls", 0) for stage, counts in usage.by_stage.items()}
    return {**summary, "cost_usd": usage.cost_usd, "calls_by_stage": calls}


def evaluate(
    all_cases: list[Case],
    split: str,
    limit: int | None,
    predictor: Predictor | None = None,
    cluster_runner: ClusterRunner | None = None,
    progress: Progress | None = None,
    engine: str = "local",
) -> dict:
    """Metrics per group, and per subset of a group beside the pooled group, for the engine
    and both baselines."""
    predictor = predictor or local_predictor()
    chosen = select(all_cases, split, limit)
    started, cpu = time.perf_counter(), time.process_time()
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in chosen:
        groups[case.group].append(case)
    counted = Counted(predictor, len(chosen), progress)
    results = []
    for group, cases in groups.items():
        if cases[0].task == "cluster":
            results.append(_cluster_group(group, cases, cluster_runner))
            counted.skip(len(cases))
            continue
        dev = [c for c in all_cases if c.group == group and c.split == "dev"]
        if split == "dev":
            dev = cases
        elif limit is not None:
            dev = spread(dev, limit)
        for result in classify_group(cases, dev, counted, getattr(predictor, "defaults", None)):
            results.append({**result, "engine": {"name": engine, **result["engine"]}})
    return {"split": split, "engine": engine, "cases": len(chosen), "groups": results,
            "predicted": counted.predicted, "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2)}  # fmt: skip


def _cluster_group(group: str, cases: list[Case], runner: ClusterRunner | None) -> dict:
    """Per finding kind: a gold finding is found when the run raises one of its kind (and
    type, when given); a raised finding with no gold counterpart is a false alarm. Kinds
    neither labelled nor raised in these cases are left out."""
    counts = {k: Counter() for k in FINDING_KINDS}
    clock = time.perf_counter()
    for case in cases:
        gold = list(Counter((f["kind"], f.get("type")) for f in case.label).elements())
        found = list(Counter(runner(case) if runner else []).elements())
        for kind in FINDING_KINDS:
            tp, fn, fp = _match(
                [g for g in gold if g[0] == kind], [f for f in found if f[0] == kind]
            )
            if kind == "unsupported_addition" and not any(g[0] == kind for g in gold):
                fp = 0  # additions are only scored where the case says what they are
            counts[kind].update({"tp": tp, "fn": fn, "fp": fp})
    per_kind = {}
    for kind, c in counts.items():
        if not (c["tp"] or c["fn"] or c["fp"]):  # neither labelled nor raised in these cases
            continue
        precision, recall, f1 = prf(c["tp"], c["fp"], c["fn"])
        rounded = {"precision": precision, "recall": recall, "f1": f1}
        per_kind[kind] = {**{k: round(v, 4) for k, v in rounded.items()},
                          "tp": c["tp"], "fn": c["fn"], "fp": c["fp"]}  # fmt: skip
    return {"group": group, "task": "cluster", "n": len(cases), "per_kind": per_kind,
            "seconds": round(time.perf_counter() - clock, 2)}  # fmt: skip


def _match(gold: Found, found: Found) -> tuple[int, int, int]:
    """Matched gold findings, missed ones and false alarms; a gold finding without a type
    matches any finding of its kind."""
    pool, matched = list(found), 0
    for item in gold:
        hit = next((f for f in pool if f == item or item[1] is None), None)
        if hit is not None:
            pool.remove(hit)
            matched += 1
    return matched, len(gold) - matched, len(pool)
