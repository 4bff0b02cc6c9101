"""The claim-vs-source support scorer per subset of the shared sets and the edit set: before
and after.

For every group and subset ``factcheck eval`` reports (QAGS pooled and its CNN/DM and XSum
parts, XSumFaith, FNC-1 headline vs body and body pair, ANLI, the edit set's ``edits.jsonl``) and
for the ``dev`` and ``test`` splits it prints balanced accuracy and ROC AUC of the majority-class
and lexical-overlap baselines, of the scorer as it stood at the base commit ("before") and of the
scorer in this checkout ("after"), all through ``factcheck.evaluation`` (the same predictor glue,
thresholds fitted on ``dev``), and the scorer's CPU time per 1000 cases. The base commit's
``verify.py`` is read with ``git show``, so the script needs the project's git history. The edit
set's held-out part (``heldout.jsonl``) is never read here.

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
from types import SimpleNamespace

from factcheck import verify as current
from factcheck.evaluation import Case, evaluate, iter_files, load_cases, local_predictor
from factcheck.evaluation import predictors as glue

ROOT = Path(__file__).resolve().parents[1]
BASE = "46191fa"  # the commit the rebuilt scorer started from (the README's earlier figures)
EDITS = ROOT / "tests" / "data" / "edits" / "edits.jsonl"  # dev and test; not the held-out part


def files(benchmarks: str) -> list[Path]:
    """The shared sets' case files and the edit set's dev and test file."""
    return [*iter_files([benchmarks]), EDITS]


def subset_cases(path: Path) -> list[Case]:
    """The cases of one file, each in its subset's group (QAGS: ``qags/cnndm``, ``qags/xsum``),
    as the scorer is fitted per subset."""
    cases = load_cases(path)
    for case in cases:
        if case.subset:
            case.group = f"{case.group}/{case.subset}"
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


def adapted(module) -> SimpleNamespace:
    """A scorer module with today's ``verify`` answer (an older one gave reasons only)."""

    def check(sources, claim: str, kind: str = "report") -> current.Support:
        found = module.verify(sources, claim)  # an older scorer reads every claim alike
        return current.Support(found.label, found.score, found.contradiction, list(found.reasons))

    return SimpleNamespace(Sources=module.Sources, verify=check)


@contextlib.contextmanager
def scorer(module):
    """Run the evaluation's local predictor with another module's ``Sources`` and ``verify``."""
    saved = glue.Sources, glue.verify
    glue.Sources, glue.verify = module.Sources, module.verify
    try:
        yield
    finally:
        glue.Sources, glue.verify = saved


def groups(cases: list[Case], split: str) -> dict[str, dict]:
    """``evaluate``'s results by group name (pooled groups and their subsets)."""
    return {g["group"]: g for g in evaluate(cases, split, None)["groups"]}


def measure(paths: list[Path], modules: dict, splits: tuple[str, ...]) -> list[dict]:
    rows = []
    for path in paths:
        cases = load_cases(path)
        for split in splits:
            runs = {}
            for name, module in modules.items():
                with scorer(module):
                    runs[name] = groups(cases, split)
            for group, after in runs["after"].items():
                rows.append(row(group, split, after, runs["before"][group]))
    return rows


def cpu_time(paths: list[Path], modules: dict) -> dict[str, float]:
    """CPU seconds per 1000 cases of each scorer through the evaluation's predictor, over every
    case of every file (unlike wall time, not inflated by other work on the machine)."""
    cases = [case for path in paths for case in load_cases(path)]
    out = {}
    for name, module in modules.items():
        with scorer(module):
            predict = local_predictor()
            started = time.process_time()
            for case in cases:
                predict(case)
            out[name] = (time.process_time() - started) / len(cases) * 1000
    return out


def row(group: str, split: str, after: dict, before: dict) -> dict:
    def pair(result: dict) -> tuple[float, float | None]:
        return result["balanced_accuracy"], result["roc_auc"]

    return {
        "group": group, "split": split, "n": after["n"], "subset_of": after["subset_of"],
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
    pooled = [r for r in rows if not r["subset_of"]]  # each case once
    n = sum(r["n"] for r in pooled)
    before, after = (sum(r[k] for r in pooled) / n * 1000 for k in ("seconds_before", "seconds"))
    lines.append(f"\nscorer wall time over {n} cases: {before:.1f} → {after:.1f} s per 1000 cases")
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
    modules = {"before": adapted(base_verify(args.base)), "after": current}
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    rows = measure(files(args.benchmarks), modules, splits)
    print(table(rows))
    cpu = cpu_time(files(args.benchmarks), modules)
    print(f"CPU time, one process: {cpu['before']:.1f} → {cpu['after']:.1f} s per 1000 cases")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
