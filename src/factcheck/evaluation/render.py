"""How ``factcheck eval`` prints its results: a table per file (with the llm engine, the
calls, tokens and cost each data set took), each subset below its pooled group; with
``explain``, why each case was judged unsupported; or JSON (which always carries the why)."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.table import Table


def render_eval(results: list[dict], fmt: str, explain: bool = False) -> str:
    if fmt == "json":
        return json.dumps(results, indent=2) + "\n"
    buffer = io.StringIO()
    console = Console(file=buffer, width=140, color_system=None)
    for result in results:
        head = f"{result['file']} · split {result['split']} · engine {result['engine']}"
        console.rule(
            f"{head} · {result['cases']} cases{_extra(result)} · {result['seconds']:.1f} s"
        )
        if result.get("usage") is not None:
            console.print(usage_text(result["usage"]))
        classified = [g for g in result["groups"] if g["task"] != "cluster"]
        if classified:
            console.print(_classification_table(classified))
            for note in _fitting_notes(classified):
                console.print(note)
            for group in classified:
                console.print(_confusion(group))
                if explain and group.get("why"):
                    console.print(_why_table(group))
        for group in result["groups"]:
            if group["task"] == "cluster":
                console.print(_cluster_table(group))
    return buffer.getvalue()


def _extra(result: dict) -> str:
    """The dev cases scored only to fit thresholds, when there were any."""
    extra = result.get("predicted", 0) - result["cases"]
    return f" (+{extra} dev cases to fit thresholds)" if extra > 0 else ""


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
    table = Table(title="balanced accuracy (per-class F1) · ROC AUC · subsets below their "
                  "pooled group", title_justify="left")  # fmt: skip
    for column in ("group", "n", "engine", "F1 per class", "AUC", "majority", "overlap",
                   "overlap AUC", "verdict", "s/1000"):  # fmt: skip
        table.add_column(column)
    for g in groups:
        engine, overlap, majority = g["engine"], g["overlap"], g["majority"]
        name = f"  └ {g['group']}" if g.get("subset_of") else g["group"]
        table.add_row(
            name, str(g["n"]), f"{engine['balanced_accuracy']:.3f}", _f1s(engine),
            _num(engine["roc_auc"]), f"{majority['balanced_accuracy']:.3f}",
            f"{overlap['balanced_accuracy']:.3f}", _num(overlap["roc_auc"]), verdict(g),
            f"{engine['seconds'] / max(1, g['n']) * 1000:.1f}",
        )  # fmt: skip
    return table


def verdict(group: dict) -> str:
    """'above baselines', or 'BELOW a baseline' on balanced accuracy; and whether the engine
    ranks below the overlap baseline (ROC AUC)."""
    engine, overlap, majority = group["engine"], group["overlap"], group["majority"]
    best_baseline = max(overlap["balanced_accuracy"], majority["balanced_accuracy"])
    said = "above baselines" if engine["balanced_accuracy"] > best_baseline else "BELOW a baseline"
    ours, theirs = engine.get("roc_auc"), overlap.get("roc_auc")
    if ours is not None and theirs is not None and ours < theirs:
        said += "; AUC BELOW overlap"
    return said


def _fitting_notes(groups: list[dict]) -> list[str]:
    """A line for each group whose thresholds were not fitted on dev cases."""
    return [
        f"{g['group']}: engine thresholds from {g['engine']['fitted_on']}; baselines fitted on "
        f"{g['overlap']['fitted_on']}"
        for g in groups
        if g["engine"].get("fitted_on", "dev") != "dev"
    ]


def _why_table(group: dict) -> Table:
    """Each case judged unsupported, with the differences behind the verdict."""
    table = Table(title=f"{group['group']}: why each case was judged unsupported "
                  f"({len(group['why'])} cases)", title_justify="left")  # fmt: skip
    for column in ("case", "gold", "judged", "support", "why"):
        table.add_column(column)
    for item in group["why"]:
        lines = [d["explanation"] for d in item["differences"]] + item["notes"]
        if item["more_differences"]:
            lines.append(f"… and {item['more_differences']} more")
        table.add_row(item["id"], item["gold"], item["predicted"], f"{item['support']:.2f}",
                      "\n".join(lines) or "—")  # fmt: skip
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
