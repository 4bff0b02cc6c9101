"""The article on a web page: main text without page furniture, title, outlet and date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.fetch import FetchLimits, fetch
from factcheck.webpage import WebArticle, extract_article
from tests.web_server import WebServer

WEB = Path(__file__).parent / "data" / "web"


def page(name: str) -> str:
    return (WEB / name).read_text(encoding="utf-8")


def test_a_news_page_loses_its_furniture_and_keeps_its_paragraphs():
    article = extract_article(page("news_furniture.html"))
    lines = article.text.splitlines()
    assert lines[0] == "Ferry crews walk out over rota changes"
    assert lines[1].startswith("Crews on the island ferry service stopped work at dawn")
    assert lines[-1].endswith("while the strike lasts.")
    assert len(lines) == 6  # the headline and five paragraphs, one per line
    for furniture in (
        "We use cookies",  # consent banner
        "Weather",  # navigation
        "Share on Facebook",  # share buttons
        "Win a cruise",  # advertising
        "Harbour dredging contract",  # related links
        "islander77",  # comments
        "Leave a Reply",
        "morning briefing",  # newsletter box
        "All rights reserved",  # footer
        "Image credit",
    ):
        assert furniture not in article.text


def test_opengraph_and_canonical_metadata():
    article = extract_article(page("news_furniture.html"))
    assert article == WebArticle(
        text=article.text,
        title="Ferry crews walk out over rota changes",
        outlet="The Coastal Courier",
        published="2023-03-14T07:45:00+00:00",
        url="https://courier.example/news/ferry-crews-walk-out",
    )


def test_json_ld_metadata():
    article = extract_article(page("jsonld_article.html"))
    assert article.title == "Reservoir levels fall to lowest since records began"
    assert article.outlet == "Valley Herald"
    assert article.published == "2022-08-09T16:20:00+01:00"  # published, not modified
    assert "Home | Local" not in article.text and "Terms" not in article.text
    assert "Rainfall well below average\nThe regional weather service" in article.text


def test_opengraph_only_metadata_and_a_page_without_article_markup():
    article = extract_article(page("opengraph_only.html"))
    assert (article.title, article.outlet, article.published, article.url) == (
        "Council approves night-time closure of Marlow Bridge",
        "Riverside Gazette",
        "2021-11-02",
        "https://gazette.example/marlow-bridge-closure",
    )
    assert article.text.startswith("Marlow Bridge will close to traffic every night")
    assert "Log in" not in article.text and "Share this article" not in article.text


def test_the_fetched_address_wins_over_the_canonical_one():
    url = "https://mirror.example/ferry"
    assert extract_article(page("news_furniture.html"), url=url).url == url


@pytest.mark.parametrize(
    "html",
    [
        page("section_front.html"),
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>Archive</a></nav></body></html>",
        "<html><body><div id='consent-dialog'><p>We and our 240 partners use cookies to store "
        "and access information on your device, to show personalised adverts and content, and "
        "to measure audiences. You can accept or refuse at any time.</p></div></body></html>",
        "<html><body><p>Too short to be an article.</p></body></html>",
        "",
    ],
    ids=["section-front", "menu-only", "consent-only", "one-short-line", "empty"],
)
def test_pages_without_an_article_are_refused(html):
    with pytest.raises(InputError, match=r"^front\.html: no article text found on this page"):
        extract_article(html, name="front.html")


def test_a_consent_notice_is_pruned_even_when_the_page_is_named_for_it():
    body = (
        "<p>The borough's recycling centre on Mill Lane will open on Sundays from May, the "
        "council said on Thursday, after 3,400 residents signed a petition.</p>"
        "<p>Opening hours will be 9am to 4pm.</p>"
    )
    html = (
        "<html><body class='cookie-consent-open'><div class='CookieBanner'><p>We use cookies "
        "to make this site work, and to measure how it is used. Accept them all?</p></div>"
        f"<div class='story'>{body}</div></body></html>"
    )
    article = extract_article(html)
    assert "Mill Lane" in article.text and "cookies" not in article.text


def test_a_time_is_added_only_when_the_page_gives_one_for_the_same_day():
    html = page("opengraph_only.html")
    later = html.replace('content="2021-11-02"', 'content="2021-11-02T18:30:00Z"')
    assert extract_article(later).published == "2021-11-02T18:30:00+00:00"
    other_day = html.replace(
        "</head>", '<meta itemprop="datePublished" content="2021-10-30T08:00:00Z"></head>'
    )
    assert extract_article(other_day).published == "2021-11-02"


def test_fetch_then_extract_from_a_loopback_server(monkeypatch):
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    with WebServer() as web:
        url = web.page("/news/ferry", page("news_furniture.html"))
        fetched = fetch(url, FetchLimits(deadline=5))
    article = extract_article(fetched.text, url=fetched.url)
    assert (article.url, article.outlet) == (url, "The Coastal Courier")
    assert article.metadata() == {
        "title": "Ferry crews walk out over rota changes",
        "outlet": "The Coastal Courier",
        "published": "2023-03-14T07:45:00+00:00",
        "url": url,
    }


def test_importing_the_modules_loads_no_http_or_extraction_library():
    code = (
        "import sys, factcheck.fetch, factcheck.webpage, factcheck.feed; "
        "heavy = ('trafilatura', 'httpx2', 'lxml', 'feedparser'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


TIDE = (
    "<p>The tidal barrier at Saltmarsh Point was raised eleven times this winter, more than "
    "in any winter since it opened, the river authority said on Monday.</p>"
    "<p>Engineers expect to replace its two main gates by 2031 at a cost of 38 million pounds.</p>"
)


def test_a_page_laid_out_in_a_table_still_gives_its_article():
    html = (
        "<html><body><table><tr><td class='menu'><a href='/'>Home</a> <a href='/n'>News</a>"
        f"</td><td><h2>Barrier raised eleven times</h2>{TIDE}</td>"
        "<td class='ads'>Advertisement: cheap flights</td></tr></table></body></html>"
    )
    article = extract_article(html)
    assert article.text.splitlines()[-2].startswith("The tidal barrier at Saltmarsh Point")
    assert "cheap flights" not in article.text and "Home" not in article.text


def test_teasers_that_are_whole_sentences_do_not_make_an_article():
    teasers = "".join(
        f"<li><a href='/s/{n}'>{sentence}</a></li>"
        for n, sentence in enumerate(
            [
                "The tidal barrier was raised eleven times this winter, the authority says.",
                "Residents of the harbour district will vote on a new parking scheme in May.",
                "A second bakery on the high street has closed after its rent was doubled.",
                "The county's libraries will stay open late on Thursdays from next month.",
                "Two lifeboat crews rescued nine walkers cut off by the tide on Sunday.",
                "Bus fares across the valley will rise by ten pence from the first of June.",
                "The old cinema on Dock Road is to become a climbing centre, its owners say.",
                "Schools in the district will close early on Friday because of the heat.",
            ]
        )
    )
    html = (
        "<html><body><nav>Home Local Sport Weather</nav><h1>Latest</h1>"
        f"<ul>{teasers}</ul><footer>About us</footer></body></html>"
    )
    with pytest.raises(InputError, match="no article text found"):
        extract_article(html, name="latest")
