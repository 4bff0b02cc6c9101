"""Terminal report (rich): the brief with citations, the top findings, the sources.

Article-derived text (quotes, names, titles, file names, a model's words) is shown as plain
text: the console never parses rich markup or emoji codes, and ``plain.visible`` shows control
characters, escape sequences and direction overrides instead of passing them to the terminal.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import UsageError
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
from .plain import visible
from .sides import Side, clipped, first, sides

GRID_MAX_SOURCES = 6
GRID_MAX_ROWS = 12
STATE_STYLE = {"agree": "green", "conflict": "bold red", "adds_detail": "blue", "absent": "dim"}
STATE_SHORT = {"agree": "✓", "conflict": "✗ conflict", "adds_detail": "+ detail", "absent": "–"}

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}
MAX_SIDES = 4


def render_text(
    report: Report, *, top: int = 10, width: int = 100, color: bool = False, wrap: bool = True
) -> str:
    """The report for a terminal ``width`` columns wide; with ``wrap`` off (a file or a pipe)
    a line of prose is never broken, only rules and tables keep ``width``. No line ends in
    spaces."""
    buffer = io.StringIO()
    if top < 0:
        raise UsageError(f"--top must be 0 or more, got {top}")
    console = Console(
        file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
        markup=False, emoji=False, highlight=False, soft_wrap=not wrap,
    )  # fmt: skip
    console.rule("Brief")
    if report.brief.note:
        console.print(report.brief.note, style="dim", highlight=False)
    for sentence in report.brief.sentences:
        line = Text("• ")
        line.append(visible(sentence.text))
        line.append(f" {cite(report, sentence.sources)}", style="cyan")
        line.append(f" ({sentence.support})", style="dim")
        console.print(line)
    _grid(console, report)
    _findings(console, report, top)
    _sources(console, report)
    console.print(Text(visible(_summary(report)), style="dim"))
    line = usage_line(report)
    if line:
        console.print(Text(visible(line, one_line=True), style="dim"))
    return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))


def pick(findings: list, top: int, per_kind: int = 2) -> list:
    """The ``top`` findings to show: the first few of every kind, then the rest in rank order,
    so one plentiful kind cannot hide the others. Rank order is kept."""
    chosen: list = []
    seen: dict[str, int] = {}
    for finding in findings:
        if seen.get(finding.kind, 0) < per_kind and len(chosen) < top:
            chosen.append(finding)
            seen[finding.kind] = seen.get(finding.kind, 0) + 1
    for finding in findings:
        if len(chosen) >= top:
            break
        if finding not in chosen:
            chosen.append(finding)
    return sorted(chosen, key=findings.index)


def _findings(console: Console, report: Report, top: int) -> None:
    """What to check first, each with both sides and the words that differ marked; then one
    line for each of the rest (spelling variants, facts only one source states)."""
    key = [f for f in report.findings if first(f)]
    rest = [f for f in report.findings if not first(f)]
    shown = pick(key, top)
    console.rule(f"Findings: {len(shown)} of {len(key)} to check first, {len(rest)} more")
    claims = {c.id: c for c in report.claims}
    for n, finding in enumerate(shown, start=1):
        head = Text(f"{n}. ")
        head.append(f"[{finding.severity}] ", style=SEVERITY_STYLE[finding.severity])
        head.append(label(finding), style="bold")
        head.append(f"  confidence {finding.confidence:.2f}", style="dim")
        console.print(head)
        console.print(Text(f"   {visible(finding.explanation)}"))
        shown_sides = sides(report, finding, claims)
        for side in shown_sides[:MAX_SIDES]:
            console.print(_side(side, console.is_terminal))
        if len(shown_sides) > MAX_SIDES:
            console.print(Text(f"   … and {len(shown_sides) - MAX_SIDES} more", style="dim"))
    for finding in rest:  # one line each; the quote too when there is only one
        line = Text("• ", style="dim")
        line.append(f"{label(finding)}: ", style="bold")
        line.append(visible(finding.explanation))
        console.print(line)
        rest_sides = sides(report, finding, claims)
        if len(rest_sides) == 1:
            console.print(_side(rest_sides[0], console.is_terminal))


def _side(side: Side, color: bool) -> Text:
    """“…” with the words that differ in reverse video (``**…**`` without colour)."""
    line = Text(f"   [{side.n}] “", style="italic")
    for text, marked in clipped(side):
        if marked:
            line.append(visible(text) if color else f"**{visible(text)}**", style="reverse bold")
        else:
            line.append(visible(text), style="italic")
    line.append("”", style="italic")
    return line


def _grid(console: Console, report: Report) -> None:
    """The claim-by-source grid, for small clusters only (a terminal is narrow)."""
    columns = grid_columns(report)
    rows = grid_rows(report, columns)
    if not rows or len(columns) > GRID_MAX_SOURCES:
        return
    index = numbers(report)
    shown = rows[:GRID_MAX_ROWS]
    console.rule(f"Claims by source ({len(shown)} of {len(rows)} facts)")
    table = Table(show_edge=False, pad_edge=False, expand=False, box=None)
    table.add_column("fact", overflow="ellipsis", no_wrap=True, max_width=38)
    for article in columns:
        table.add_column(f"[{index[article.id]}]", no_wrap=True, min_width=10)
    for row in shown:
        cells = [Text(STATE_SHORT[c["state"]], style=STATE_STYLE[c["state"]]) for c in row["cells"]]
        style = "bold" if row["conflicted"] else ""
        topic = Text(visible(row["topic"], one_line=True), style=style)
        table.add_row(topic, *cells)
    console.print(table)
    console.print("✓ agrees · ✗ conflicts · + adds detail · – absent", style="dim")


def _sources(console: Console, report: Report) -> None:
    """One line per source: its number, its name, what it is a copy of."""
    console.rule("Sources")
    for article in report.articles:
        note = ""
        if article.duplicate_of:
            note = f" · exact duplicate of {cite(report, [article.duplicate_of])}"
        elif article.derived_from:
            note = f" · likely rewritten from {cite(report, [article.derived_from])}"
        name = visible(source_name(article), one_line=True)
        console.print(Text(f"{cite(report, [article.id])}  {name}{note}"))


def _summary(report: Report) -> str:
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    listed = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()) or "no findings"
    run = report.run
    text = (
        f"engine {run.engine} · {len(report.articles)} articles · {len(report.claims)} claims · "
        f"{listed} · {run.seconds:.2f} s"
    )
    if run.notes:
        text += " · " + "; ".join(run.notes)
    if run.problems:
        text += " · partial: " + "; ".join(f"{p.where}: {p.error}" for p in run.problems[:3])
    return text
