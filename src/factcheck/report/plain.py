"""Article-derived text made safe for the Markdown and text reports: nothing in an article, a
file name or a model's answer can drive the terminal or the Markdown viewer.

``visible`` (from ``factcheck.display``) shows control characters, escape sequences, direction
overrides and look-alike letters instead of passing them on. ``markdown`` also escapes
Markdown's punctuation, so a quote renders as the words it is, never as a link, an image, HTML
or a heading. Rich markup is never parsed in article text: the text renderer's console has
markup off and builds ``Text`` objects.
"""

from __future__ import annotations

import re

from ..display import visible

__all__ = ["markdown", "markdown_code", "visible"]

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&])")  # inline markup, HTML, entities, tables
_LINE_START = re.compile(r"(?m)^([ \t]*)([#>+=-]|\d+(?=[.)]))")  # headings, quotes, lists


def markdown(text: str, *, one_line: bool = True) -> str:
    """``text`` as Markdown that renders as exactly these words (punctuation escaped); the
    caller puts it after its own marker (``- ``, ``> ``), never at the start of a line."""
    escaped = _MARKDOWN.sub(r"\\\1", visible(text, one_line=one_line))
    return escaped if one_line else _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match) -> str:
    indent, marker = match.groups()
    return f"{indent}{marker}\\" if marker[0].isdigit() else f"{indent}\\{marker}"


def markdown_code(text: str) -> str:
    """``text`` as an inline code span, fenced with more backticks than it contains."""
    text = visible(text, one_line=True)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
