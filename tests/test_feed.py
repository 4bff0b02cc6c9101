"""Feeds: the article links an RSS or Atom feed lists, and a story checked from a feed."""

from __future__ import annotations

import pytest

from factcheck.errors import InputError
from factcheck.feed import read_feed
from factcheck.fetch import FetchError, FetchLimits, Page, fetch, fetch_all
from factcheck.webpage import extract_article
from tests.web_server import WebServer

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour  barrier: all coverage</title>
<item><title>Barrier raised again</title><link>/news/barrier</link></item>
<item><title>Gates to be replaced</title><link>https://tides.example/news/gates</link></item>
<item><title>Repeated</title><link>https://tides.example/news/gates</link></item>
<item><title>No link at all</title><description>Nothing to fetch.</description></item>
<item><title>Script</title><link>javascript:void(0)</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Herald</title>
<entry><title>Podcast</title><link rel="enclosure" href="https://herald.example/ep1.mp3"/>
  <link rel="alternate" href="https://herald.example/reservoir"/></entry>
<entry><title>Relative</title><link href="ban"/></entry>
</feed>"""


def test_rss_links_resolved_deduplicated_and_web_only():
    feed = read_feed(RSS, url="https://tides.example/feeds/barrier.xml")
    assert feed.title == "Harbour barrier: all coverage"
    assert feed.links == ["https://tides.example/news/barrier", "https://tides.example/news/gates"]
    assert feed.skipped == 0


def test_atom_alternate_links_not_enclosures():
    feed = read_feed(ATOM, url="https://herald.example/feed")
    assert feed.links == ["https://herald.example/reservoir", "https://herald.example/ban"]


def test_the_item_limit_counts_what_it_leaves_out():
    items = "".join(f"<item><link>https://n.example/{n}</link></item>" for n in range(7))
    feed = read_feed(f"<rss version='2.0'><channel>{items}</channel></rss>", limit=5)
    assert (len(feed.links), feed.skipped) == (5, 2)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<html><body><p>A web page.</p></body></html>", "not an RSS or Atom feed"),
        ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "lists no article"),
    ],
)
def test_not_a_feed_or_no_links(text, reason):
    with pytest.raises(InputError, match=f"^f.xml: .*{reason}"):
        read_feed(text, name="f.xml")


BODY = (
    "<html><head><meta property='og:site_name' content='Tide Times'><title>{title}</title>"
    "</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
    "<p>The tidal barrier at Saltmarsh Point was raised {n} times this winter, more than in "
    "any winter since it opened, the river authority said on Monday.</p>"
    "<p>Engineers expect to replace its two main gates by 2031.</p></article></body></html>"
)


def test_a_story_from_a_feed_on_a_loopback_server(monkeypatch):
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    latin = RSS.replace('encoding="utf-8"', 'encoding="iso-8859-1"').replace(
        "all coverage", "tout café"
    )
    with WebServer() as web:
        web.page("/news/barrier", BODY.format(title="Barrier raised again", n="eleven"))
        feed_url = web.page("/feed.xml", latin.encode("latin-1"), "application/rss+xml")
        page = fetch(feed_url, FetchLimits(deadline=5))
        assert page.kind == "feed"
        feed = read_feed(page.text, url=page.url)
        assert feed.title == "Harbour barrier: tout café"
        local = [link.replace("https://tides.example", web.url("")) for link in feed.links]
        results = fetch_all(local, FetchLimits(deadline=5))
    assert [type(r) for r in results] == [Page, FetchError]
    article = extract_article(results[0].text, url=results[0].url)
    assert (article.title, article.outlet) == ("Barrier raised again", "Tide Times")
    assert "raised eleven times" in article.text
    assert str(results[1]).endswith("/news/gates: HTTP 404 Not Found")
