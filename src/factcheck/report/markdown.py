"""Markdown report: the brief, the findings with their quotes, and the sources.

Article-derived text goes through ``plain.markdown``: control characters and direction
overrides are shown, Markdown punctuation is escaped, so a quote renders as its words and an
article cannot add a link, an image, HTML or a heading to the report.
"""

from __future__ import annotations

from ..models import Report
from .common import (
    cite,
    grid_columns,
    grid_rows,
    label,
    numbers,
    source_name,
    usage_line,
)
from .plain import markdown, markdown_code
from .sides import Side, sides


def render_markdown(report: Report) -> str:
    run = report.run
    lines = ["# factcheck report", ""]
    meta = f"engine {run.engine}" + (f" · model {markdown(run.model)}" if run.model else "")
    if run.prompt_version:
        meta += f" · prompts {markdown_code(run.prompt_version)}"
    lines += [f"{meta} · run {run.started} · {run.seconds:.2f} s · {len(report.claims)} claims"]
    if usage_line(report):
        lines += ["", markdown(usage_line(report))]
    for problem in run.problems:
        lines += ["", f"**Not checked:** {markdown(problem.where)}: {_cell(problem.error)}"]
    lines += ["", "## Brief", ""]
    if report.brief.note:
        lines += [f"_{report.brief.note}_", ""]
    for sentence in report.brief.sentences:
        disputed = "**disputed:** " if sentence.disputed else ""
        text = markdown(sentence.text)
        lines.append(f"- {disputed}{text} {cite(report, sentence.sources)} ({sentence.support})")
    lines += ["", *_grid(report)]
    lines += ["", "## Findings", "", "| # | kind | severity | confidence | explanation |"]
    lines.append("|---|---|---|---|---|")
    for n, finding in enumerate(report.findings, start=1):
        lines.append(
            f"| {n} | {label(finding)} | {finding.severity} | {finding.confidence:.2f} | "
            f"{_cell(finding.explanation)} |"
        )
    lines += ["", "### Quotes", "", "The words that differ between sources are in **bold**.", ""]
    claims = {c.id: c for c in report.claims}
    for n, finding in enumerate(report.findings, start=1):  # every finding's own words
        lines.append(f"**{n}. {label(finding)}:** {_cell(finding.explanation)}")
        for side in sides(report, finding, claims):
            lines += [f"> [{side.n}] {_marked(side)}", ">"]
        lines[-1] = ""
    lines += ["## Sources", ""]
    for article in report.articles:
        note = _note(report, article)
        name, source = markdown(source_name(article)), markdown_code(article.source)
        lines.append(f"{cite(report, [article.id])} {name} {source}{note}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _grid(report: Report) -> list[str]:
    """The claim-by-source grid as a table: one row per fact, one column per source."""
    columns = grid_columns(report)
    index = numbers(report)
    rows = grid_rows(report, columns)
    lines = ["## Claims by source", ""]
    if not rows:
        return lines + ["No fact is reported by two or more sources."]
    lines.append("| fact | " + " | ".join(f"[{index[a.id]}]" for a in columns) + " |")
    lines.append("|---" * (len(columns) + 1) + "|")
    for row in rows:
        cells = [f"{c['symbol']} {c['words']}" for c in row["cells"]]
        topic = f"**{_cell(row['topic'])}**" if row["conflicted"] else _cell(row["topic"])
        lines.append(f"| {topic} | " + " | ".join(cells) + " |")
    return lines


def _note(report: Report, article) -> str:
    if article.duplicate_of:
        return f" (exact duplicate of {cite(report, [article.duplicate_of])})"
    if article.derived_from:
        return f" (likely rewritten from {cite(report, [article.derived_from])})"
    return ""


def _cell(text: str) -> str:
    """Article-derived text in a table cell or on one line: one line, escaped."""
    return markdown(text)


def _marked(side: Side) -> str:
    """The side's words, escaped, the ones that differ in bold."""
    return "".join(
        f"**{markdown(text).strip()}**" if marked else markdown(text)
        for text, marked in side.pieces
    )
