"""The claim-vs-source support scorer per subset of the shared sets: before and after.

For every subset (QAGS-C, QAGS-X, XSumFaith, FNC-1 headline vs body and body pair, ANLI) and for
the ``dev`` and ``test`` splits it prints balanced accuracy and ROC AUC of the majority-class and
lexical-overlap baselines, of the scorer as it stood at the base commit ("before") and of the
scorer in this checkout ("after"), all through ``factcheck.evaluation`` (the same predictor glue,
thresholds fitted on ``dev``), plus milliseconds per case of the scorer. The base commit's
``verify.py`` is read with ``git show``, so the script needs the project's git history.

Usage: python benchmarks/support_eval.py [BENCHMARKS_DIR] [--split dev|test|both] [--base COMMIT]
       [--json PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

from factcheck import evaluation
from factcheck.evaluation import Case, evaluate, iter_files, load_cases

ROOT = Path(__file__).resolve().parents[1]
BASE = "46191fa"  # the commit the rebuilt scorer started from


def subset_cases(path: Path) -> list[Case]:
    """The cases of one file, QAGS split into its CNN/DM (QAGS-C) and XSum (QAGS-X) parts."""
    cases = load_cases(path)
    subsets = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            subsets[record["id"]] = (record.get("meta") or {}).get("subset")
    for case in cases:
        if subsets.get(case.id):
            case.group = f"{case.group}/{subsets[case.id]}"
    return cases


def base_verify(commit: str):
    """The base commit's ``factcheck/verify.py`` as a module (it imports its siblings)."""
    source = subprocess.run(
        ["git", "show", f"{commit}:src/factcheck/verify.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    spec = importlib.util.spec_from_loader("factcheck._verify_base", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "factcheck"
    sys.modules[spec.name] = module  # dataclasses look their module up there
    exec(compile(source, f"{commit}:verify.py", "exec"), module.__dict__)
    return module


@contextlib.contextmanager
def scorer(module):
    """Run ``evaluation``'s local predictor with another module's ``Sources`` and ``verify``."""
    saved = evaluation.Sources, evaluation.verify
    evaluation.Sources, evaluation.verify = module.Sources, module.verify
    try:
        yield
    finally:
        evaluation.Sources, evaluation.verify = saved


def run(cases: list[Case], split: str) -> dict[str, dict]:
    started = time.perf_counter()
    result = evaluate(cases, split, None)
    per_case = (time.perf_counter() - started) / max(1, result["cases"])
    return {g["group"]: {**g, "ms_per_case": per_case * 1000} for g in result["groups"]}


def measure(files: list[Path], modules: dict, splits: tuple[str, ...]) -> list[dict]:
    rows = []
    for path in files:
        cases = subset_cases(path)
        for split in splits:
            runs = {}
            for name, module in modules.items():
                with scorer(module):
                    runs[name] = run(cases, split)
            for group, after in runs["after"].items():
                rows.append(row(group, split, after, runs["before"][group]))
    return rows


def cpu_time(files: list[Path], modules: dict) -> dict[str, float]:
    """CPU seconds per 1000 cases of each scorer through the evaluation's predictor, over every
    case of every file (unlike wall time, not inflated by other work on the machine)."""
    cases = [case for path in files for case in subset_cases(path)]
    out = {}
    for name, module in modules.items():
        with scorer(module):
            predict = evaluation.local_predictor()
            started = time.process_time()
            for case in cases:
                predict(case)
            out[name] = (time.process_time() - started) / len(cases) * 1000
    return out


def row(group: str, split: str, after: dict, before: dict) -> dict:
    def pair(result: dict) -> tuple[float, float | None]:
        return result["balanced_accuracy"], result["roc_auc"]

    return {
        "group": group, "split": split, "n": after["n"],
        "majority": after["majority"]["balanced_accuracy"], "overlap": pair(after["overlap"]),
        "before": pair(before["engine"]), "after": pair(after["engine"]),
        "seconds": after["engine"]["seconds"], "seconds_before": before["engine"]["seconds"],
    }  # fmt: skip


def table(rows: list[dict]) -> str:
    lines = [
        "| subset | split | n | majority | overlap BA (AUC) | before BA (AUC) | after BA (AUC) "
        "| s per 1000 (before → after) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in sorted(rows, key=lambda r: (r["split"], r["group"])):
        per_k = f"{r['seconds_before'] / r['n'] * 1000:.1f} → {r['seconds'] / r['n'] * 1000:.1f}"
        lines.append(
            f"| {r['group']} | {r['split']} | {r['n']} | {r['majority']:.3f} | "
            f"{_pair(r['overlap'])} | {_pair(r['before'])} | **{_pair(r['after'])}** | {per_k} |"
        )
    n = sum(r["n"] for r in rows)
    before, after = (sum(r[k] for r in rows) / n * 1000 for k in ("seconds_before", "seconds"))
    lines.append(f"\nscorer time over all {n} cases: {before:.1f} → {after:.1f} s per 1000 cases")
    return "\n".join(lines)


def _pair(value: tuple[float, float | None]) -> str:
    ba, auc = value
    return f"{ba:.3f} ({'—' if auc is None else f'{auc:.3f}'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", default=str(ROOT.parent / "shared/benchmarks"))
    parser.add_argument("--base", default=BASE, help="commit whose scorer is 'before'")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = parser.parse_args()
    import factcheck.verify as current

    modules = {"before": base_verify(args.base), "after": current}
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    rows = measure(iter_files([args.benchmarks]), modules, splits)
    print(table(rows))
    cpu = cpu_time(iter_files([args.benchmarks]), modules)
    print(f"CPU time, one process: {cpu['before']:.1f} → {cpu['after']:.1f} s per 1000 cases")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
