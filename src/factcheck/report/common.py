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
