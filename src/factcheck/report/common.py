"""What every human-readable renderer shares: citation numbers, claim lookups, the grid."""

from __future__ import annotations

from ..labels import source_label
from ..models import Article, Finding, Report

STATE_WORDS = {
    "agree": ("✓", "agrees"),
    "conflict": ("✗", "conflicts"),
    "adds_detail": ("+", "adds detail"),
    "absent": ("–", "absent"),
}


def numbers(report: Report) -> dict[str, int]:
    """Citation number of each article, in report order."""
    return {a.id: n for n, a in enumerate(report.articles, start=1)}


def cite(report: Report, article_ids: list[str]) -> str:
    index = numbers(report)
    return "".join(f"[{index[a]}]" for a in sorted(set(article_ids), key=index.get))


def source_name(article: Article) -> str:
    """'Outlet: Title' when known, else the host or the file name (``labels``)."""
    return source_label(article)


def finding_quotes(report: Report, finding: Finding) -> list[tuple[str, str]]:
    """(citation, quote) for each claim of a finding."""
    claims = {c.id: c for c in report.claims}
    return [
        (cite(report, [claims[cid].article]), claims[cid].evidence.quote)
        for cid in finding.claims
        if cid in claims
    ]


def label(finding: Finding) -> str:
    kind = finding.kind.replace("_", " ")
    return f"{kind} ({finding.type.replace('_', ' ')})" if finding.type else kind


def usage_line(report) -> str | None:
    """'llm gpt-4o-mini: 28 calls (3 cached, 1 re-ask) · 41,200 in + 6,100 out tokens · $0.0098'
    for the llm engine; None for the local engine, which makes no calls."""
    if report.run.engine != "llm":
        return None
    usage = report.usage
    extras = [f"{usage.cached_calls} cached"]
    if usage.reasks:
        extras.append(f"{usage.reasks} re-ask{'s' if usage.reasks != 1 else ''}")
    cost = "cost unknown (no price for this model; see --price)"
    if usage.cost_usd is not None:
        cost = f"cost ${usage.cost_usd:.4f}"
    return (
        f"llm {report.run.model}: {usage.llm_calls} calls ({', '.join(extras)}) · "
        f"{usage.input_tokens:,} input + {usage.output_tokens:,} output tokens · {cost}"
    )


def anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def grid_rows(report: Report, columns: list[Article], claims=None, index=None) -> list[dict]:
    """The claim-by-source grid: one row per aligned group (and per contradiction outside any
    group), one cell per column article with its state and wording; conflicting rows first."""
    claims = claims if claims is not None else {c.id: c for c in report.claims}
    index = index if index is not None else numbers(report)
    rows = []
    for group in report.groups:
        cells = []
        for article in columns:
            cell = group.cells.get(article.id)
            state = cell.state if cell else "absent"
            quotes = [
                claims[c].evidence.quote for c in (cell.claims if cell else []) if c in claims
            ]
            symbol, words = STATE_WORDS[state]
            target = anchor(cell.claims[0]) if cell and cell.claims else None
            cells.append(
                {"state": state, "symbol": symbol, "words": words, "quotes": quotes,
                 "target": target, "n": index[article.id]}
            )  # fmt: skip
        conflicted = any(c["state"] == "conflict" for c in cells)
        present = sum(c["state"] != "absent" for c in cells)
        rows.append({"id": group.id, "topic": group.topic, "cells": cells,
                     "conflicted": conflicted, "present": present})  # fmt: skip
    rows += finding_rows(report, columns, claims, index)
    return sorted(rows, key=lambda r: (not r["conflicted"], -r["present"]))


def finding_rows(report: Report, columns: list[Article], claims, index) -> list[dict]:
    """Contradictions that belong to no aligned group (a person's title across sources) get a
    row of their own, so every conflict shows in the grid."""
    rows = []
    for finding in report.findings:
        if finding.kind != "contradiction" or finding.group is not None:
            continue
        cited: dict[str, list[str]] = {}
        for cid in finding.claims:
            if cid in claims:
                cited.setdefault(claims[cid].article, []).append(cid)
        cells = []
        for article in columns:
            ids = cited.get(article.id, [])
            state = "conflict" if ids else "absent"
            symbol, words = STATE_WORDS[state]
            cells.append(
                {"state": state, "symbol": symbol, "words": words, "n": index[article.id],
                 "quotes": [claims[c].evidence.quote for c in ids],
                 "target": anchor(ids[0]) if ids else None}
            )  # fmt: skip
        rows.append({"id": f"row-{finding.id}", "topic": finding.explanation, "cells": cells,
                     "conflicted": True, "present": len(cited)})  # fmt: skip
    return rows


def grid_columns(report: Report) -> list[Article]:
    """The grid's columns: every article that is not an exact duplicate."""
    return [a for a in report.articles if a.duplicate_of is None]
