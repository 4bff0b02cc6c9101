"""Report renderers: each takes a ``Report`` and returns a string; none prints."""

from __future__ import annotations

from ..models import Report
from .json import render_json
from .markdown import render_markdown
from .text import render_text

FORMATS = ("text", "json", "md", "html")


def render(
    report: Report,
    fmt: str,
    *,
    top: int = 10,
    width: int = 100,
    color: bool = False,
    wrap: bool = True,
) -> str:
    """The report as text (``wrap`` off: prose lines never broken), json, md or html."""
    if fmt == "json":
        return render_json(report)
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        from .html import render_html

        return render_html(report)
    return render_text(report, top=top, width=width, color=color, wrap=wrap)
