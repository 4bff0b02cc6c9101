"""How a source is named to people: "Outlet: Title" when the article says, else the web
address's host or the file name. Only a label: ``Article.source`` stays the path or address.

The title comes from the article's metadata (HTML ``<title>`` or OpenGraph, a JSON record's
``title``), or from its first line when that line reads as a headline (``layout`` says it is
a heading) with more text below it. The outlet comes from the metadata, else from
the host of the article's ``url`` (without ``www.``).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .layout import line_kind
from .models import Article

# headings that name no article: a dateline that runs on ("CITY (Agency) -"), a timestamp
_NOT_HEADLINE = re.compile(r"^(?:updated|published|posted)\b|[-–—]$", re.IGNORECASE)
_WEB = re.compile(r"^https?://", re.IGNORECASE)


def source_label(article: Article, limit: int = 90) -> str:
    """'Outlet: Title', 'Title', 'Outlet: file name' or the file name; at most ``limit``
    characters (cut at a word, with an ellipsis)."""
    title = article.title or headline(article.text)
    outlet = article.outlet or host(article.url) or host(article.source)
    if title and outlet and not title.lower().startswith(outlet.lower()):
        label = f"{outlet}: {title}"
    else:
        label = title or (f"{outlet}: {file_name(article)}" if outlet else file_name(article))
    return shorten(label, limit)


def file_name(article: Article) -> str:
    """The last part of the path (``wire/a.txt`` → ``a.txt``), or the address as given."""
    if _WEB.match(article.source):
        return article.source
    return PurePosixPath(article.source.replace("\\", "/")).name or article.source


def headline(text: str) -> str | None:
    """The first line, when ``layout`` reads it as a heading (not a sentence, byline or
    caption) of two words or more, with more text below it and no dateline or timestamp."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    first = " ".join(lines[0].split())
    if line_kind(first) != "heading" or len(first.split()) < 2 or _NOT_HEADLINE.search(first):
        return None
    return first


def host(url: str | None) -> str | None:
    """``https://www.example.org/a`` → ``example.org``; None for anything but a web address."""
    if not url or not _WEB.match(url):
        return None
    try:
        name = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return name.removeprefix("www.") or None


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-–—") + "…"
