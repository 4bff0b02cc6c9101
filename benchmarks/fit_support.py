"""Fit the support and contradiction models of ``factcheck.verify`` on the ``dev`` splits.

Reads the shared benchmarks, computes the difference features (``verify.features``) of every
``dev`` case, and fits three L2-regularised logistic models by Newton's method: support
(supported against the rest) on the summary sets (QAGS-C, QAGS-X, XSumFaith), FNC-1 headlines and
the edit set; inference, the same for hypotheses against their premise, on ANLI; contradiction
(contradiction against the rest) on ANLI, FNC-1 headlines and the edit set. Every subset weighs
the same, and within a subset both classes weigh the same, so no subset's size or class balance
decides the weights. Writes ``src/factcheck/data/support_weights.json`` unless ``--dry-run``.
``test`` cases are never read.

Usage: python benchmarks/fit_support.py [BENCHMARKS_DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from support_eval import subset_cases

from factcheck.claim_diff import compare_all
from factcheck.evaluation import Case, iter_files, load_cases
from factcheck.evaluation.cases import LABELS
from factcheck.evaluation.metrics import Scores
from factcheck.evaluation.predictors import Signals, decide, fit_thresholds
from factcheck.verify import Sources, _excess, _logistic, features

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "factcheck" / "data" / "support_weights.json"
EDITS = ROOT / "tests" / "data" / "edits" / "edits.jsonl"  # its dev cases only
EDIT_WEIGHT = 0.25
# The edit set weighs less: it decides the rare differences (negation, reversed predicates,
# swapped roles) that the benchmarks barely have, not the balance of the common ones.
SUPPORT_GROUPS = {"qags/cnndm": 1.0, "qags/xsum": 1.0, "xsumfaith": 1.0,
                  "fnc1/headline_vs_body": 1.0, "edits": EDIT_WEIGHT}  # fmt: skip
CONTRADICTION_GROUPS = {"anli": 1.0, "fnc1/headline_vs_body": 1.0, "edits": EDIT_WEIGHT}
INFERENCE_GROUPS = {"anli": 1.0}  # hypotheses against their premise: the only NLI set
SUPPORT_FEATURES = (
    "uncovered_share", "wording_share", "link_share", "apart_share", "name_absent",
    "name_conflict", "figure_absent", "date_absent", "conflict", "reversal",
    "negation_near", "modality_conflict", "modality_disputed", "modality_weaker", "absent_share",
)  # fmt: skip
CONTRADICTION_FEATURES = (
    "conflict", "name_conflict", "reversal", "negation_near", "modality_disputed",
)  # fmt: skip
LEAN_GRID = (0.1, 0.25, 0.5, 1.0)  # weights of a body's scores in its lean on a headline
L2 = 1.0  # chosen by three-fold cross-validation on the dev rows (0.1 to 100 differ little)


def dev_rows(benchmarks: str) -> list[tuple[str, str, dict[str, float]]]:
    """(group, label, features) of every dev case of the claim-vs-source groups and of the
    edit set's dev part (its meaning-changing edits labelled contradiction)."""
    rows = []
    for path in [*iter_files([benchmarks]), EDITS]:
        memo: dict[tuple[str, ...], Sources] = {}
        for case in subset_cases(path):
            if case.split != "dev" or case.task == "body_pair":
                continue
            key = tuple(case.sources)
            memo = memo if key in memo else {key: Sources(case.sources)}
            values = features(compare_all(case.claim, memo[key].document))
            if path == EDITS:  # a changed sentence contradicts the unedited one in its source
                label = "contradiction" if case.label == "unsupported" else case.label
                rows.append(("edits", label, values))
            else:
                rows.append((case.group, case.label, values))
    return rows


def body_pairs(benchmarks: str) -> list[tuple[str, list[tuple[dict[str, float], float]]]]:
    """(label, [(features, debunking-word rate) of each body]) of every dev body pair."""
    out = []
    for path in iter_files([benchmarks]):
        for case in load_cases(path):
            if case.split == "dev" and case.task == "body_pair":
                bodies = [Sources([body]) for body in case.sources[:2]]
                out.append((case.label, [(features(compare_all(case.claim, b.document)),
                                          b.debunk) for b in bodies]))  # fmt: skip
    return out


def fit_lean(pairs: list, support: dict, contradiction: dict) -> dict[str, float]:
    """How much a body's support and contradiction scores count in its lean on the headline
    (its debunking-word rate counts 1): the pair on ``LEAN_GRID`` with the best balanced
    accuracy on the dev body pairs, then the best ROC AUC."""
    cases = [Case(str(i), "body_pair", "pairs", [], "", label, "dev")
             for i, (label, _) in enumerate(pairs)]  # fmt: skip

    def quality(pair: tuple[float, float]) -> tuple[float, float]:
        on_support, on_contradiction = pair
        signals = []
        for _, bodies in pairs:
            lean = [on_support * _logistic(support, v) - min(1.0, debunk)
                    - on_contradiction * _excess(contradiction, v)
                    for v, debunk in bodies]  # fmt: skip
            gap = min(1.0, abs(lean[0] - lean[1]))
            signals.append(Signals(gap, gap))
        at, _ = fit_thresholds("body_pair", cases, signals)
        scores = Scores(LABELS["body_pair"])
        for case, signal in zip(cases, signals, strict=True):
            scores.add(case.label, decide("body_pair", signal, at, at), signal.support)
        return scores.balanced_accuracy(), scores.auc("contradiction") or 0.0

    chosen = max(itertools.product(LEAN_GRID, (0.0, *LEAN_GRID)), key=quality)
    return {"support": chosen[0], "contradiction": chosen[1]}


def sample_weights(rows: list, groups: dict[str, float], positive) -> list[float]:
    """Each group weighs as ``groups`` says, split evenly between its positive and negative
    cases."""
    counts = Counter((g, positive(label)) for g, label, _ in rows if g in groups)
    return [
        groups[g] / (2 * counts[(g, positive(label))]) if g in groups else 0.0
        for g, label, _ in rows
    ]  # fmt: skip


def fit(x: list[list[float]], y: list[int], w: list[float], l2: float = L2) -> list[float]:
    """Weighted logistic regression (intercept first), Newton's method with an L2 penalty on
    the coefficients (not the intercept); ``w`` is scaled to sum to the number of groups."""
    k = len(x[0])
    beta = [0.0] * k
    for _ in range(30):
        grad, hess = [0.0] * k, [[0.0] * k for _ in range(k)]
        for xi, yi, wi in zip(x, y, w, strict=True):
            if not wi:
                continue
            p = 1 / (
                1 + math.exp(-max(-30, min(30, sum(b * v for b, v in zip(beta, xi, strict=True)))))
            )
            for a in range(k):
                grad[a] += wi * (yi - p) * xi[a]
                for b in range(a, k):
                    hess[a][b] += wi * p * (1 - p) * xi[a] * xi[b]
        for a in range(k):
            for b in range(a):
                hess[a][b] = hess[b][a]
            if a:
                grad[a] -= l2 * beta[a] / 100
                hess[a][a] += l2 / 100
        step = _solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return beta


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= factor * m[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (m[r][n] - sum(m[r][c] * out[c] for c in range(r + 1, n))) / m[r][r]
    return out


def model(rows: list, names: tuple[str, ...], groups: dict[str, float], positive, sign) -> dict:
    """Fit, then drop every feature whose weight has the wrong ``sign`` (a difference never
    adds support) and fit again, until all signs hold."""
    y = [int(positive(label)) for _, label, _ in rows]
    w = sample_weights(rows, groups, positive)
    kept = list(names)
    while True:
        x = [[1.0] + [values.get(n, 0.0) for n in kept] for _, _, values in rows]
        beta = fit(x, y, w)
        wrong = [n for n, b in zip(kept, beta[1:], strict=True) if b * sign < 0]
        if not wrong:
            break
        kept = [n for n in kept if n not in wrong]
    fitted = dict(zip(kept, beta[1:], strict=True))
    return {"bias": round(beta[0], 4),
            "weights": {n: round(fitted.get(n, 0.0), 4) for n in names}}  # fmt: skip


def threshold(rows: list, groups: dict[str, float], positive: str, score) -> float:
    """The default decision threshold for ``verify``: the one with the best balanced accuracy
    averaged over ``groups`` (``factcheck eval`` fits its own per data set)."""
    scored = [(g, label == positive, score(values)) for g, label, values in rows if g in groups]

    def mean_ba(at: float) -> float:
        total = 0.0
        for group in groups:
            hits = [(is_pos, s >= at) for g, is_pos, s in scored if g == group]
            pos = [p for is_pos, p in hits if is_pos]
            neg = [not p for is_pos, p in hits if not is_pos]
            total += (sum(pos) / max(1, len(pos)) + sum(neg) / max(1, len(neg))) / 2
        return total / len(groups)

    return max((step / 40 for step in range(1, 40)), key=mean_ba)


def report(rows: list) -> None:
    """Mean of each feature per group and label, to see what tells the classes apart."""
    sums: dict = defaultdict(lambda: defaultdict(float))
    counts: Counter = Counter()
    for group, label, values in rows:
        counts[(group, label)] += 1
        for name in SUPPORT_FEATURES:
            sums[(group, label)][name] += values.get(name, 0.0)
    for key in sorted(counts):
        means = " ".join(f"{n[:12]}={sums[key][n] / counts[key]:.2f}" for n in SUPPORT_FEATURES)
        print(f"{key[0]:24} {key[1]:13} n={counts[key]:4} {means}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", default=str(ROOT.parent / "shared/benchmarks"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    rows = dev_rows(args.benchmarks)
    report(rows)
    support = model(rows, SUPPORT_FEATURES, SUPPORT_GROUPS, lambda y: y == "supported", -1)
    inference = model(rows, SUPPORT_FEATURES, INFERENCE_GROUPS, lambda y: y == "supported", -1)
    contradiction = model(rows, CONTRADICTION_FEATURES, CONTRADICTION_GROUPS,
                          lambda y: y == "contradiction", 1)  # fmt: skip
    fitted = {
        "note": "fitted by benchmarks/fit_support.py on the dev splits of the shared benchmarks",
        "fitted_on": {"support": SUPPORT_GROUPS, "inference": INFERENCE_GROUPS,
                      "contradiction": CONTRADICTION_GROUPS},
        "thresholds": {
            "support": threshold(rows, SUPPORT_GROUPS, "supported",
                                 lambda v: _logistic(support, v)),
            "inference": threshold(rows, INFERENCE_GROUPS, "supported",
                                   lambda v: _logistic(inference, v)),
            "contradiction": threshold(rows, CONTRADICTION_GROUPS, "contradiction",
                                       lambda v: _excess(contradiction, v)),
        },
        "support": support,
        "inference": inference,
        "contradiction": contradiction,
        "lean": fit_lean(body_pairs(args.benchmarks), support, contradiction),
    }  # fmt: skip
    text = json.dumps(fitted, indent=1) + "\n"
    print(text)
    if not args.dry_run:
        WEIGHTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
