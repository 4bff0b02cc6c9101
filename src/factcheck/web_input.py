"""Articles from web addresses: every page fetched at once (``fetch``), the article on each
HTML page extracted (``webpage``), a feed's article links fetched in turn (``feed``; a feed
listed by a feed is not followed). What cannot be read is a ``Problem`` with a one-line reason,
and the rest goes on; ``ingest`` turns the texts into articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .fetch import FetchError, FetchLimits, Page, fetch_all
from .models import Problem


@dataclass(frozen=True)
class WebText:
    """One article's text from the web and its metadata (title, outlet, published, url)."""

    source: str  # the address as given (a feed's link for an article found in a feed)
    text: str
    metadata: dict[str, str | None]


@dataclass
class WebRead:
    """What the addresses gave: texts per address as given (a feed gives several)."""

    texts: dict[str, list[WebText]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_web(urls: list[str], limits: FetchLimits, *, transport=None) -> WebRead:
    """Fetch every address (at most ``limits.concurrency`` at once) and read its articles."""
    read = WebRead()
    for url, outcome in zip(urls, fetch_all(urls, limits, transport=transport), strict=True):
        found = read.texts.setdefault(url, [])
        if isinstance(outcome, FetchError):
            read.problems.append(_problem(outcome, outcome.url))
        elif outcome.kind == "feed":
            found.extend(_from_feed(outcome, limits, read, transport))
        else:
            found.extend(_article(outcome, read))
    return read


def _article(page: Page, read: WebRead) -> list[WebText]:
    """The page's article, or nothing (and a problem) when it has none."""
    if page.kind == "text":
        return [WebText(page.requested, page.text, {"url": page.url})]
    from .webpage import extract_article

    try:
        web = extract_article(page.text, url=page.url, name=page.requested)
    except InputError as exc:
        read.problems.append(_problem(exc, page.requested))
        return []
    return [WebText(page.requested, web.text, web.metadata())]


def _from_feed(page: Page, limits: FetchLimits, read: WebRead, transport) -> list[WebText]:
    """The articles a feed links to, in feed order."""
    from .feed import read_feed

    try:
        listed = read_feed(page.text, url=page.url, name=page.requested)
    except InputError as exc:
        read.problems.append(_problem(exc, page.requested))
        return []
    if listed.skipped:
        read.notes.append(
            f"{page.requested}: {listed.skipped} more article link(s) in the feed not read"
        )
    texts = []
    for outcome in fetch_all(listed.links, limits, transport=transport):
        if isinstance(outcome, FetchError):
            read.problems.append(_problem(outcome, outcome.url))
        elif outcome.kind == "feed":
            read.problems.append(
                Problem(where=outcome.requested, error=f"{outcome.requested}: a feed inside a "
                        "feed is not followed")
            )  # fmt: skip
        else:
            texts.extend(_article(outcome, read))
    return texts


def _problem(exc: InputError, where: str) -> Problem:
    return Problem(where=where, error=str(exc))
