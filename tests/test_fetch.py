"""Fetching pages from a loopback web server: limits, redirects, content types, charsets,
and one clear line per failure."""

from __future__ import annotations

import gzip
import socket
import ssl
import time
from pathlib import Path

import httpx2
import pytest

from factcheck.errors import InputError
from factcheck.fetch import (
    FetchError,
    FetchLimits,
    Page,
    display_url,
    fetch,
    fetch_all,
    looks_like_url,
)

WEB = Path(__file__).parent / "data" / "web"
LIMITS = FetchLimits(
    connect_timeout=2, read_timeout=2, deadline=5, max_bytes=20_000, max_redirects=3
)
ARTICLE = (WEB / "news_furniture.html").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def failure(url: str, limits: FetchLimits = LIMITS, **kwargs) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, limits, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and isinstance(caught.value, InputError)
    return message


def test_fetches_an_html_page_politely(web):
    url = web.page("/story", ARTICLE)
    page = fetch(url, LIMITS)
    assert (page.kind, page.content_type, page.url, page.requested) == (
        "html",
        "text/html",
        url,
        url,
    )
    assert "stranded at Port Halloran" in page.text
    headers = web.requests[-1]
    assert headers["User-Agent"].startswith("factcheck/") and "text/html" in headers["Accept"]


def test_plain_text_page(web):
    url = web.page("/wire.txt", "Ferry crews stopped work at dawn.", "text/plain; charset=utf-8")
    assert fetch(url, LIMITS).kind == "text"


@pytest.mark.parametrize(
    ("status", "shown"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
def test_http_errors_name_the_status(web, status, shown):
    url = web.route("/x", b"oops", status=status)
    assert failure(url) == f"{url}: {shown}"


def test_redirects_within_the_limit_are_followed(web):
    final = web.page("/story", ARTICLE)
    web.redirect("/r1", "/story", status=301)  # a relative Location
    web.redirect("/r2", web.url("/r1"), status=307)
    start = web.redirect("/r3", "/r2")
    page = fetch(start, LIMITS)
    assert (page.url, page.requested) == (final, start)


def test_redirects_beyond_the_limit_fail(web):
    web.page("/story", ARTICLE)
    for n in range(4):
        web.redirect(f"/hop{n}", f"/hop{n - 1}" if n else "/story")
    assert failure(web.url("/hop3")).endswith(": more than 3 redirects")


def test_a_redirect_loop_fails(web):
    web.redirect("/a", "/b")
    web.redirect("/b", "/a")
    assert "more than 3 redirects" in failure(web.url("/a"))


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/story.html"])
def test_a_redirect_to_another_scheme_is_not_followed(web, target):
    url = web.redirect("/away", target)
    scheme = target.split(":")[0]
    assert failure(url) == f"{url}: redirects to {scheme}: (only http and https are followed)"
    assert len(web.requests) == 1


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/a.html", "only http and https addresses can be fetched, not ftp:"),
        ("file:///etc/hosts", "only http and https addresses can be fetched, not file:"),
        ("http:///nohost", "not a valid web address (no host)"),
        ("http://127.0.0.1:99999/a", "not a valid web address (bad host or port)"),
        ("http://news..example/a", "not a valid web address (bad host or port)"),
    ],
)
def test_only_web_addresses_are_fetched(url, reason):
    assert failure(url) == f"{url}: {reason}"


def test_a_page_larger_than_the_limit_is_cut_off_while_streaming(web):
    url = web.route("/big", b"<p>" + b"x" * 200_000, headers={"Content-Type": "text/html"},
                    content_length=False)  # fmt: skip
    assert failure(url).endswith(": larger than the 20,000-byte limit (raise it with --max-bytes)")


def test_a_declared_length_over_the_limit_fails_before_reading(web):
    url = web.page("/big", b"<p>" + b"x" * 30_000)
    assert "larger than the 20,000-byte limit" in failure(url)


def test_the_limit_applies_to_the_decompressed_body(web):
    body = gzip.compress(b"<p>" + b"a" * 500_000)
    assert len(body) < 20_000
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    url = web.route("/bomb", body, headers=headers)
    assert "larger than the 20,000-byte limit" in failure(url)


def test_a_slow_server_is_cut_off_at_the_deadline(web):
    limits = FetchLimits(connect_timeout=2, read_timeout=2, deadline=1)
    url = web.route("/slow", b"<p>" + b"y" * 4000, headers={"Content-Type": "text/html"},
                    drip=0.05)  # fmt: skip
    started = time.monotonic()
    assert failure(url, limits) == f"{url}: not finished within the 1 s deadline"
    assert time.monotonic() - started < 2.5


def test_a_silent_server_past_the_deadline_is_named_so(web):
    limits = FetchLimits(connect_timeout=2, read_timeout=2, deadline=0.5)
    url = web.route("/silent", b"<p>late</p>", delay=3)
    assert failure(url, limits) == f"{url}: not finished within the 0.5 s deadline"


def test_a_silent_server_times_out(web):
    limits = FetchLimits(connect_timeout=2, read_timeout=0.3, deadline=5)
    url = web.route("/silent", b"<p>late</p>", delay=3)
    started = time.monotonic()
    assert failure(url, limits) == f"{url}: timed out: the server sent nothing for 0.3 s"
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("media", ["application/pdf", "image/png", "application/json"])
def test_other_content_types_are_not_web_pages(web, media):
    url = web.page("/file", b"%PDF-1.4 binary", media)
    assert failure(url) == f"{url}: not a web page (content type {media})"


def test_xml_is_a_feed_only_when_it_looks_like_one(web):
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    assert fetch(web.page("/rss", rss, "application/xml"), LIMITS).kind == "feed"
    assert fetch(web.page("/atom", rss, "application/atom+xml"), LIMITS).kind == "feed"
    other = web.page("/note", '<?xml version="1.0"?><note>hi</note>', "text/xml")
    assert "not a web page (content type text/xml)" in failure(other)


def test_a_missing_content_type_is_sniffed(web):
    assert fetch(web.route("/bare", "<!DOCTYPE html><html><p>Hi.</p></html>"), LIMITS).kind == (
        "html"
    )
    assert "content type not given" in failure(web.route("/blob", b"\x89PNG\r\n\x1a\n\x00\x00"))


def test_an_empty_page_fails(web):
    assert failure(web.page("/empty", b"")).endswith(": empty (no text to check)")


CAFE = "Le café “Belle Époque” rouvre ses portes, dit le maire. " * 3


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (CAFE.encode("utf-8"), "text/html; charset=utf-8"),  # declared and right
        (CAFE.encode("cp1252"), "text/html; charset=utf-8"),  # declared and wrong
        (CAFE.encode("utf-8"), "text/html; charset=iso-8859-1"),  # mislabelled UTF-8
        (CAFE.encode("cp1252"), "text/html; charset=ISO-8859-1"),  # read as browsers do
        (CAFE.encode("cp1252"), "text/html"),  # missing: detected
        (b'<meta charset="windows-1252">' + CAFE.encode("cp1252"), "text/html"),  # in the page
        (b"\xef\xbb\xbf" + CAFE.encode("utf-8"), "text/html; charset=cp1252"),  # a BOM wins
        (CAFE.encode("utf-8"), "text/html; charset=no-such-charset"),  # unknown: detected
    ],
)
def test_text_is_decoded_by_declared_charset_then_detection(web, body, content_type):
    page = fetch(web.page("/cafe", body, content_type), LIMITS)
    assert CAFE.strip() in page.text and "\ufeff" not in page.text


def test_credentials_never_appear_in_messages_or_pages(web):
    web.page("/story", ARTICLE)
    secret = f"http://editor:s3cret@127.0.0.1:{web.port}"
    assert fetch(f"{secret}/story", LIMITS).url == web.url("/story")
    message = failure(f"{secret}/missing")
    assert "s3cret" not in message and "editor" not in message
    assert message == f"{web.url('/missing')}: HTTP 404 Not Found"


def test_a_refused_connection():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    assert failure(url) == f"{url}: connection refused"


def _failing_transport(error: BaseException) -> httpx2.MockTransport:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError("connect failed", request=request) from error

    return httpx2.MockTransport(handler)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (socket.gaierror(-2, "Name or service not known"), "cannot resolve the host name"),
        (ssl.SSLCertVerificationError(1, "certificate verify failed"), "TLS certificate"),
        (OSError(101, "Network is unreachable"), "cannot connect to the server"),
    ],
)
def test_connection_failures_are_named(error, reason):
    url = "https://news.example/story"
    assert reason in failure(url, transport=_failing_transport(error))


def test_fetch_all_keeps_order_returns_failures_and_caps_concurrency(web):
    for n in range(5):
        web.route(f"/p{n}", f"<p>Page {n}.</p>", headers={"Content-Type": "text/html"}, delay=0.2)
    urls = [web.url(f"/p{n}") for n in range(5)]
    urls.insert(2, web.url("/missing"))
    limits = FetchLimits(read_timeout=3, deadline=5, concurrency=2)
    results = fetch_all(urls, limits)
    assert [type(r) for r in results] == [Page, Page, FetchError, Page, Page, Page]
    assert [r.requested for r in results if isinstance(r, Page)] == urls[:2] + urls[3:]
    assert "HTTP 404" in str(results[2])
    assert web.peak == 2
    assert fetch_all([], limits) == []


def test_looks_like_url():
    assert looks_like_url("https://news.example/a") and looks_like_url("HTTP://x.example")
    assert looks_like_url("ftp://files.example/a")  # then refused by fetch, with a reason
    for path in ("articles/a.html", "C:\\news\\a.html", "-", "news.example/a", "http:/a"):
        assert not looks_like_url(path)


def test_display_url_removes_credentials_only():
    assert display_url("https://u:p@news.example:8443/a?b=1") == "https://news.example:8443/a?b=1"
    assert display_url("https://news.example/a@b") == "https://news.example/a@b"
    assert display_url("http://[bad/x@y") in ("http://[bad/x@y", "http://y")
