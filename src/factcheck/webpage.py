"""Web page: the article in an HTML page (fetched or saved), with its title, outlet and date.

trafilatura finds the main text and drops navigation, advertising, cookie notices, related
links, comments and footers; its metadata (OpenGraph, JSON-LD, ``<title>``, htmldate) gives
the title, the outlet and the publication date. This module adds three things: consent
banners are pruned before extraction, a page whose text has too little prose is refused with
"no article text found on this page", and a day-precise date is completed to the time the
page's own metadata gives for that same day. Paragraphs are kept, one per line.
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .errors import InputError

MIN_PROSE_WORDS = 20  # words in sentence-like lines; fewer means no article on the page
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = f"translate(concat(@class, ' ', @id), '{_UPPER}', '{_UPPER.lower()}')"
# cookie and consent notices: short elements so named (never the page or article around them)
CONSENT_XPATH = (
    "//*[not(self::html or self::body or self::main or self::article)]"
    f"[contains({_LOWER}, 'cookie') or contains({_LOWER}, 'consent') or contains({_LOWER}, 'gdpr')]"
    "[string-length(normalize-space(.)) < 2000]"
)
EXTRACTION: dict[str, Any] = {  # trafilatura's options
    "with_metadata": True,
    "include_comments": False,
    "prune_xpath": CONSENT_XPATH,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
# precise first; then, for a page laid out in a table, without tables and less strict
ATTEMPTS: list[dict[str, bool]] = [
    {"include_tables": True, "favor_precision": True},
    {"include_tables": False, "favor_precision": False},
]
_PROSE_LINE = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
)


@dataclass(frozen=True)
class WebArticle:
    """What an ``Article`` needs from a web page."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601: a date, or a date and time when the page says
    url: str | None = None

    def metadata(self) -> dict[str, str | None]:
        """The metadata keys ``ingest.make_article`` takes."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
        }


def extract_article(html: str, *, url: str | None = None, name: str | None = None) -> WebArticle:
    """The article on an HTML page; ``url`` is where it came from (None for a saved file).

    Raises ``InputError`` "NAME: no article text found on this page" when the page holds no
    article (a section front, a login or consent page); ``name`` defaults to ``url``.
    """
    import trafilatura

    where = name or url or "page"
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError(f"{where}: no article text found on this page (not HTML)")
    stamps = _published_stamps(tree)
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    document, text = None, ""
    for attempt in ATTEMPTS:
        document = trafilatura.bare_extraction(deepcopy(tree), url=url, **EXTRACTION, **attempt)
        text = _clean_text(document.text if document is not None else None)
        if _prose_words(text, links) >= MIN_PROSE_WORDS:
            break
    else:
        raise InputError(f"{where}: no article text found on this page")
    return WebArticle(
        text=text,
        title=document.title or None,
        outlet=document.sitename or None,
        published=_with_time(document.date, stamps),
        url=url or document.url or None,
    )


def _clean_text(text: str | None) -> str:
    """One paragraph per line, no trailing spaces, no blank lines."""
    lines = (line.strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def _prose_words(text: str, links: set[str]) -> int:
    """Words in lines that end like a sentence and are not a link's text: headlines, menus
    and lists of links (teasers, related stories) are not an article."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return sum(
        len(line.split()) for line in lines if _PROSE_LINE.search(line) and line not in links
    )


def _with_time(day: str | None, stamps: list[str]) -> str | None:
    """htmldate's day, completed to a full timestamp the page gives for that same day."""
    if not day:
        return None
    for stamp in stamps:
        moment = _parse_iso(stamp)
        if moment is not None and moment.date().isoformat() == day and "T" in stamp:
            return moment.isoformat()
    return day


def _parse_iso(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _published_stamps(tree: Any) -> list[str]:
    """Publication times named in ``<meta>``, ``<time itemprop>`` and JSON-LD, in that order."""
    stamps = []
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key.lower() in {k.lower() for k in _PUBLISHED_META} and meta.get("content"):
            stamps.append(meta.get("content"))
    for node in tree.xpath("//*[@itemprop='datePublished'][@datetime]"):
        stamps.append(node.get("datetime"))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        stamps.extend(_json_ld_dates(script.text or ""))
    return stamps


def _json_ld_dates(raw: str) -> list[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    found, stack = [], [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
