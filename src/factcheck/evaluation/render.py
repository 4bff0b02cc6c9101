"""How ``factcheck eval`` prints its results: a table per file (with the llm engine, the
calls, tokens and cost each data set took), or JSON."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.table import Table


def render_eval(results: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(results, indent=2) + "\n"
    buffer = io.StringIO()
    console = Console(file=buffer, width=140, color_system=None)
    for result in results:
        console.rule(f"{result['file']} · split {result['split']} · engine {result['engine']} · "
                     f"{result['cases']} cases · {result['seconds']:.1f} s")  # fmt: skip
        if result.get("usage") is not None:
            console.print(usage_text(result["usage"]))
        classified = [g for g in result["groups"] if g["task"] != "cluster"]
        if classified:
            console.print(_classification_table(classified))
            for group in classified:
                console.print(_confusion(group))
        for group in result["groups"]:
            if group["task"] == "cluster":
                console.print(_cluster_table(group))
    return buffer.getvalue()


def usage_text(usage: dict) -> str:
    """One data set's llm usage in a line: calls (per stage), cache hits, tokens and cost."""
    stages = ", ".join(f"{stage} {calls}" for stage, calls in usage["calls_by_stage"].items())
    cost = usage["cost_usd"]
    priced = f"cost ${cost:.4f}" if cost is not None else "cost unknown (no price: --price)"
    return (
        f"llm: {usage['llm_calls']} calls" + (f" ({stages})" if stages else "")
        + f", {usage['cached_calls']} cached, {usage['reasks']} re-asks · "
        f"{usage['input_tokens']:,} input + {usage['output_tokens']:,} output tokens · {priced}"
    )  # fmt: skip


def _f1s(scores: dict) -> str:
    return " ".join(f"{label} {m['f1']:.2f}" for label, m in scores["per_class"].items())


def _classification_table(groups: list[dict]) -> Table:
    table = Table(title="balanced accuracy (per-class F1) · ROC AUC", title_justify="left")
    for column in ("group", "n", "engine", "F1 per class", "AUC", "majority", "overlap",
                   "overlap AUC", "verdict", "s"):  # fmt: skip
        table.add_column(column)
    for g in groups:
        engine, overlap, majority = g["engine"], g["overlap"], g["majority"]
        best_baseline = max(overlap["balanced_accuracy"], majority["balanced_accuracy"])
        verdict = "above baselines" if engine["balanced_accuracy"] > best_baseline else (
            "BELOW a baseline")  # fmt: skip
        table.add_row(
            g["group"], str(g["n"]), f"{engine['balanced_accuracy']:.3f}", _f1s(engine),
            _num(engine["roc_auc"]), f"{majority['balanced_accuracy']:.3f}",
            f"{overlap['balanced_accuracy']:.3f}", _num(overlap["roc_auc"]), verdict,
            f"{engine['seconds']:.1f}",
        )  # fmt: skip
    return table


def _confusion(group: dict) -> Table:
    confusion = group["engine"]["confusion"]
    labels = list(confusion)
    table = Table(title=f"{group['group']}: gold (rows) × predicted (columns)",
                  title_justify="left")  # fmt: skip
    table.add_column("gold")
    for label in labels:
        table.add_column(label, justify="right")
    for gold in labels:
        table.add_row(gold, *(str(confusion[gold].get(p, 0)) for p in labels))
    return table


def _cluster_table(group: dict) -> Table:
    table = Table(title=f"{group['group']}: findings per kind ({group['n']} clusters)",
                  title_justify="left")  # fmt: skip
    for column in ("kind", "precision", "recall", "F1", "found", "missed", "false alarms"):
        table.add_column(column)
    for kind, m in group["per_kind"].items():
        table.add_row(kind, f"{m['precision']:.2f}", f"{m['recall']:.2f}", f"{m['f1']:.2f}",
                      str(m.get("tp", 0)), str(m.get("fn", 0)), str(m.get("fp", 0)))  # fmt: skip
    return table


def _num(value) -> str:
    return "—" if value is None else f"{value:.3f}"
