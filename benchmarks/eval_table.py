"""Run ``factcheck eval`` (local engine) on the shared benchmarks and the project's own set, for
the dev and test splits, and print the Markdown results table kept in the README.

Usage: python benchmarks/eval_table.py [BENCHMARKS_DIR]   (default ../shared/benchmarks)
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.evaluation import cluster_runner, evaluate, iter_files, load_cases
from factcheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "benchmarks"
    files = iter_files([str(shared)]) + [ROOT / "tests" / "data" / "eval" / "own.jsonl"]
    rows, clusters = [], []
    runner = cluster_runner(Settings(engine="local"))
    for path in files:
        cases = load_cases(path)
        for split in ("dev", "test"):
            result = evaluate(cases, split, None, cluster_runner=runner)
            for group in result["groups"]:
                (clusters if group["task"] == "cluster" else rows).append((split, group))
    print("| data set | split | n | balanced acc. | F1 per class | ROC AUC | majority | "
          "overlap (AUC) | s |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for split, g in rows:
        e, o, m = g["engine"], g["overlap"], g["majority"]
        below = e["balanced_accuracy"] <= max(o["balanced_accuracy"], m["balanced_accuracy"])
        mark = " (below a baseline)" if below else ""
        f1 = ", ".join(f"{k} {v['f1']:.2f}" for k, v in e["per_class"].items())
        auc = "—" if e["roc_auc"] is None else f"{e['roc_auc']:.3f}"
        o_auc = "—" if o["roc_auc"] is None else f"{o['roc_auc']:.3f}"
        print(f"| {g['group']} | {split} | {g['n']} | **{e['balanced_accuracy']:.3f}**{mark} | "
              f"{f1} | {auc} | {m['balanced_accuracy']:.3f} | {o['balanced_accuracy']:.3f} "
              f"({o_auc}) | {e['seconds']:.1f} |")  # fmt: skip
    print()
    print("| own set | split | clusters | kind | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for split, g in clusters:
        for kind, k in g["per_kind"].items():
            print(f"| {g['group']} | {split} | {g['n']} | {kind} | {k['precision']:.2f} | "
                  f"{k['recall']:.2f} | {k['f1']:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
