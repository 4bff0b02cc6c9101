"""Articles from web addresses: pages, plain text and feeds on a loopback server; failures are
one line each and the rest goes on."""

from __future__ import annotations

from factcheck.fetch import FetchLimits
from factcheck.web_input import read_web
from tests.web_server import story

LIMITS = FetchLimits(deadline=5)


def test_pages_give_their_articles_and_failures_are_problems(web):
    coast = web.page("/coast/ferry", story("coast.html"))
    island = web.page("/island/berth", story("island.html"))
    front = web.page("/coast/news", story("front.html"))
    missing = web.url("/gone")
    read = read_web([coast, missing, island, front], LIMITS)
    assert list(read.texts) == [coast, missing, island, front]  # input order
    (first,) = read.texts[coast]
    assert first.metadata["outlet"] == "Coast Daily" and first.metadata["url"] == coast
    assert "14 million pounds" in first.text and "cookies" not in first.text
    assert "Related" not in first.text and "All rights reserved" not in first.text
    assert read.texts[island][0].metadata["title"] == "New berth doubles loading at the port"
    assert read.texts[missing] == [] and read.texts[front] == []
    errors = {p.where: p.error for p in read.problems}
    assert errors == {
        missing: f"{missing}: HTTP 404 Not Found",
        front: f"{front}: no article text found on this page",
    }


def test_plain_text_and_a_feed_of_the_story(web):
    text = web.page("/wire.txt", "Crossings rise to nine a day.\n", "text/plain; charset=utf-8")
    coast = web.page("/coast/ferry", story("coast.html"))
    island = web.page("/island/berth", story("island.html"))
    nested = web.page("/other.rss", _rss([]), "application/rss+xml")
    feed = web.page("/story.rss", _rss([coast, island, nested]), "application/rss+xml")
    read = read_web([text, feed], LIMITS)
    assert read.texts[text][0].text == "Crossings rise to nine a day.\n"
    assert [t.source for t in read.texts[feed]] == [coast, island]
    assert [p.where for p in read.problems] == [nested]
    assert "a feed inside a feed is not followed" in read.problems[0].error


def _rss(links: list[str]) -> str:
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Ferry story'
        f"</title>{items}</channel></rss>"
    )
