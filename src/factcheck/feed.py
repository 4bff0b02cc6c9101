"""Feed: the article addresses an RSS or Atom feed lists, so one feed can stand for a story.

feedparser reads the feed (RSS 0.9x to 2.0, RSS 1.0, Atom) from the text ``fetch`` decoded,
never from the network; relative links resolve against the feed's own address. Each item's
``alternate`` link is kept when it is http or https, once, in feed order, up to a limit.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from .errors import InputError

MAX_ITEMS = 20  # articles taken from one feed


@dataclass(frozen=True)
class Feed:
    """A feed's title and the article addresses it lists."""

    title: str | None
    links: list[str] = field(default_factory=list)
    skipped: int = 0  # further article links beyond the limit


def read_feed(
    text: str, *, url: str | None = None, name: str | None = None, limit: int = MAX_ITEMS
) -> Feed:
    """The article links of a feed; ``InputError`` when it is no feed or lists none."""
    import feedparser

    where = name or url or "feed"
    headers = {"content-type": "application/xml; charset=utf-8"}  # the text is decoded already
    if url:
        headers["content-location"] = url
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=headers)
    if not parsed.version and not parsed.entries:
        raise InputError(f"{where}: not an RSS or Atom feed")
    links = _links(parsed.entries)
    if not links:
        raise InputError(f"{where}: the feed lists no article links")
    title = " ".join(str(parsed.feed.get("title", "")).split()) or None
    return Feed(title=title, links=links[:limit], skipped=max(0, len(links) - limit))


def _links(entries: list) -> list[str]:
    """Each entry's web link, first seen first, without repeats."""
    seen: dict[str, None] = {}
    for entry in entries:
        link = _alternate(entry)
        if link and link.split(":", 1)[0].lower() in ("http", "https"):
            seen.setdefault(link, None)
    return list(seen)


def _alternate(entry) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"].strip()
    link = entry.get("link")
    return link.strip() if isinstance(link, str) and link.strip() else None
