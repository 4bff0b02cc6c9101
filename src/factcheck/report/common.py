"""What every human-readable renderer shares: citation numbers and claim lookups."""

from __future__ import annotations

from pathlib import Path

from ..models import Article, Finding, Report


def numbers(report: Report) -> dict[str, int]:
    """Citation number of each article, in report order."""
    return {a.id: n for n, a in enumerate(report.articles, start=1)}


def cite(report: Report, article_ids: list[str]) -> str:
    index = numbers(report)
    return "".join(f"[{index[a]}]" for a in sorted(set(article_ids), key=index.get))


def source_name(article: Article) -> str:
    name = article.title or Path(article.source).name
    return f"{name} ({article.outlet})" if article.outlet else name


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
