"""Markdown report: the brief, the findings with their quotes, and the sources."""

from __future__ import annotations

from ..models import Report
from .common import cite, finding_quotes, label, source_name


def render_markdown(report: Report) -> str:
    lines = ["# factcheck report", "", "## Brief", ""]
    for sentence in report.brief.sentences:
        lines.append(f"- {sentence.text} {cite(report, sentence.sources)} ({sentence.support})")
    lines += ["", "## Findings", "", "| # | kind | severity | confidence | explanation |"]
    lines.append("|---|---|---|---|---|")
    for n, finding in enumerate(report.findings, start=1):
        lines.append(
            f"| {n} | {label(finding)} | {finding.severity} | {finding.confidence:.2f} | "
            f"{_cell(finding.explanation)} |"
        )
    lines += ["", "### Quotes", ""]
    for n, finding in enumerate(report.findings, start=1):
        if finding.kind in ("contradiction", "name_variant", "update"):
            lines.append(f"**{n}. {label(finding)}**")
            lines += [
                f"> {citation} {quote}" for citation, quote in finding_quotes(report, finding)
            ]
            lines.append("")
    lines += ["## Sources", ""]
    for article in report.articles:
        note = _note(report, article)
        lines.append(
            f"{cite(report, [article.id])} {source_name(article)} `{article.source}`{note}"
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _note(report: Report, article) -> str:
    if article.duplicate_of:
        return f" (exact duplicate of {cite(report, [article.duplicate_of])})"
    if article.derived_from:
        return f" (likely rewritten from {cite(report, [article.derived_from])})"
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
