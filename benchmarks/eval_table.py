"""Run ``factcheck eval`` (local engine) on the shared benchmarks, the edit set and the project's
own set, for the dev and test splits, and print the Markdown results tables kept in the README:
one row per data set and, below it, one per subset (QAGS's CNN/DM and XSum parts), beside both
baselines; with ``--before COMMIT``, the balanced accuracy and ROC AUC of that commit's scorer
too. The edit set's held-out part (``heldout.jsonl``) is never read here.

Usage: python benchmarks/eval_table.py [BENCHMARKS_DIR] [--before COMMIT] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from support_eval import EDITS, adapted, base_verify, scorer

from factcheck.evaluation import cluster_runner, evaluate, iter_files, load_cases
from factcheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "data" / "eval" / "own.jsonl"
NAMES = {"qags/cnndm": "QAGS-C (qags/cnndm)", "qags/xsum": "QAGS-X (qags/xsum)",
         "edits": "edit set (edits)"}  # fmt: skip


def run(benchmarks: str, before: str | None) -> tuple[list[dict], list[dict], dict]:
    """Rows of the claim-vs-source groups (with the ``before`` scorer's figures when given),
    rows of the cluster set, and the time the claim-vs-source runs took (this checkout's
    scorer, every case it scored, dev cases scored again to fit the test split's thresholds)."""
    paths = [*iter_files([benchmarks]), EDITS, OWN]
    runner = cluster_runner(Settings(engine="local"))
    old = adapted(base_verify(before)) if before else None
    rows, clusters = [], []
    timing = {"predicted": 0, "wall_s": 0.0, "cpu_s": 0.0}
    for path in paths:
        cases = load_cases(path)
        for split in ("dev", "test"):
            wall, cpu = time.perf_counter(), time.process_time()
            result = evaluate(cases, split, None, cluster_runner=runner)
            if cases[0].task != "cluster":
                timing["predicted"] += result["predicted"]
                timing["wall_s"] += time.perf_counter() - wall
                timing["cpu_s"] += time.process_time() - cpu
            earlier = _earlier(cases, split, old)
            for group in result["groups"]:
                group.pop("why", None)  # the cases judged unsupported: not for the table
                if group["task"] == "cluster":
                    clusters.append({**group, "split": split})
                else:
                    rows.append({**group, "before": earlier.get(group["group"])})
    return rows, clusters, timing


def _earlier(cases, split: str, module) -> dict[str, dict]:
    """The earlier scorer's engine results by group (none for the cluster set)."""
    if module is None or cases[0].task == "cluster":
        return {}
    with scorer(module):
        result = evaluate(cases, split, None)
    return {g["group"]: g["engine"] for g in result["groups"]}


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| data set | split | n | balanced acc. | ROC AUC | F1 per class | majority | "
        "overlap (AUC) | CPU s per 1000 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for g in rows:
        e, o, m, b = g["engine"], g["overlap"], g["majority"], g["before"]
        name = NAMES.get(g["group"], g["group"])
        name = f"└ {name}" if g["subset_of"] else name
        notes = []
        if e["balanced_accuracy"] <= max(o["balanced_accuracy"], m["balanced_accuracy"]):
            notes.append("below a baseline")
        if b and e["balanced_accuracy"] < b["balanced_accuracy"]:
            notes.append("lower than before")
        mark = f" ({', '.join(notes)})" if notes else ""
        ba = f"**{e['balanced_accuracy']:.3f}**{mark}"
        auc = _num(e["roc_auc"])
        if e["roc_auc"] is not None and o["roc_auc"] is not None and e["roc_auc"] < o["roc_auc"]:
            auc += " (below overlap)"
        if b:
            ba, auc = f"{b['balanced_accuracy']:.3f} → {ba}", f"{_num(b['roc_auc'])} → {auc}"
        f1 = ", ".join(f"{k} {v['f1']:.2f}" for k, v in e["per_class"].items())
        lines.append(
            f"| {name} | {g['split']} | {g['n']} | {ba} | {auc} | {f1} | "
            f"{m['balanced_accuracy']:.3f} | {o['balanced_accuracy']:.3f} ({_num(o['roc_auc'])}) "
            f"| {e['cpu_seconds'] / max(1, g['n']) * 1000:.1f} |"
        )
    return lines


def cluster_table(clusters: list[dict]) -> list[str]:
    lines = ["| own set | split | clusters | kind | precision | recall | F1 |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for g in clusters:
        for kind, k in g["per_kind"].items():
            lines.append(f"| {g['group']} | {g['split']} | {g['n']} | {kind} | "
                         f"{k['precision']:.2f} | {k['recall']:.2f} | {k['f1']:.2f} |")  # fmt: skip
    return lines


def _num(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", default=str(ROOT.parent / "shared/benchmarks"))
    parser.add_argument("--before", help="commit whose scorer gives the 'before' figures")
    parser.add_argument("--json", help="also write the rows and timings to this file")
    args = parser.parse_args()
    rows, clusters, timing = run(args.benchmarks, args.before)
    print("\n".join(table(rows)), end="\n\n")
    print("\n".join(cluster_table(clusters)), end="\n\n")
    per_k = {k: timing[k] / max(1, timing["predicted"]) * 1000 for k in ("wall_s", "cpu_s")}
    print(f"time: {timing['predicted']} cases scored (dev cases again for each test split) in "
          f"{timing['wall_s']:.1f} s wall, {timing['cpu_s']:.1f} s CPU: {per_k['wall_s']:.1f} s "
          f"wall, {per_k['cpu_s']:.1f} s CPU per 1000 cases")  # fmt: skip
    if args.json:
        payload = {"rows": rows, "clusters": clusters, "timing": timing}
        Path(args.json).write_text(json.dumps(payload, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
