"""Fetch: one web page per URL, within limits, decoded to text.

This module owns the policy: http and https only, a connect and read timeout plus an overall
deadline, a size limit enforced while streaming, redirects followed up to a limit and never to
another scheme, the content types accepted (HTML, plain text, RSS/Atom feeds) and decoding
(byte-order mark, then the declared charset, then detection). httpx2 (the HTTP client the
``openai`` package already installs) is the transport; tests inject their own.

Every failure is a ``FetchError`` (an ``InputError``) whose message is one line naming the
address as given, with any ``user:password@`` removed.
"""

from __future__ import annotations

import codecs
import re
import socket
import ssl
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from .errors import InputError
from .settings import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    import httpx2

PageKind = Literal["html", "text", "feed"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})  # a feed, or not a web page
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "text/plain;q=0.9,application/xml;q=0.8,*/*;q=0.1"
)

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.I)
_WEB_LABELS = {"iso8859-1": "cp1252", "ascii": "cp1252"}  # as browsers read these labels
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class FetchLimits:
    """How long, how much and how far one fetch may go; how many run at once."""

    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 20.0  # seconds the server may stay silent
    deadline: float = 30.0  # seconds for the whole fetch, redirects included
    max_bytes: int = DEFAULT_MAX_BYTES  # of the (decompressed) body
    max_redirects: int = 5
    concurrency: int = 4  # pages fetched at once by ``fetch_all``


@dataclass(frozen=True)
class Page:
    """A fetched page: its text and where it finally came from."""

    url: str  # the final address, after redirects, credentials removed
    requested: str  # the address as given, credentials removed
    kind: PageKind
    content_type: str  # the media type, e.g. "text/html" ("" when the server sent none)
    text: str


class FetchError(InputError):
    """A URL could not be fetched as a web page; ``url`` is the address shown to people."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class _Failure(Exception):
    """Why a fetch failed, before the address is attached."""


@dataclass(frozen=True)
class _Body:
    url: str  # final address, credentials removed
    kind: PageKind
    media: str
    charset: str | None  # from the Content-Type header
    data: bytes


def looks_like_url(arg: str) -> bool:
    """True for an argument with a scheme (``https://…``, ``ftp://…``): not a file path."""
    return bool(_SCHEME.match(arg))


def display_url(url: str) -> str:
    """``url`` with any ``user:password@`` removed, safe to show and record."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return re.sub(r"//[^/@\s]*@", "//", url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def user_agent() -> str:
    """The User-Agent sent with every request: the tool, its version, what it does."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        release = "dev"
    return f"factcheck/{release} (article checker; fetches only the pages it is given)"


def fetch(
    url: str, limits: FetchLimits | None = None, *, transport: httpx2.BaseTransport | None = None
) -> Page:
    """Fetch one page; raise ``FetchError`` with a one-line reason when that fails."""
    limits = limits or FetchLimits()
    with _client(limits, transport) as client:
        return _fetch(client, url, limits)


def fetch_all(
    urls: Iterable[str],
    limits: FetchLimits | None = None,
    *,
    transport: httpx2.BaseTransport | None = None,
) -> list[Page | FetchError]:
    """Fetch several pages, at most ``limits.concurrency`` at once; results in input order."""
    limits = limits or FetchLimits()
    urls = list(urls)
    if not urls:
        return []
    with _client(limits, transport) as client:
        pool = ThreadPoolExecutor(max_workers=max(1, min(limits.concurrency, len(urls))))
        try:
            futures = [pool.submit(_outcome, client, url, limits) for url in urls]
            results = [future.result() for future in futures]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    return results


def _outcome(client: httpx2.Client, url: str, limits: FetchLimits) -> Page | FetchError:
    try:
        return _fetch(client, url, limits)
    except FetchError as exc:
        return exc


def _client(limits: FetchLimits, transport: httpx2.BaseTransport | None) -> httpx2.Client:
    import httpx2

    return httpx2.Client(
        transport=transport,
        follow_redirects=False,
        headers={"User-Agent": user_agent(), "Accept": ACCEPT},
        limits=httpx2.Limits(max_connections=max(1, limits.concurrency)),
    )


def _fetch(client: httpx2.Client, url: str, limits: FetchLimits) -> Page:
    shown = display_url(url)
    deadline = time.monotonic() + limits.deadline
    try:
        body = _follow(client, url, limits, deadline)
    except _Failure as exc:
        raise FetchError(shown, str(exc)) from None
    except Exception as exc:  # the transport's errors, named in one line; others re-raised
        expired = time.monotonic() >= deadline
        raise FetchError(shown, _transport_reason(exc, limits, expired=expired)) from None
    try:
        text = _decoded(body, shown)
    except InputError as exc:  # empty, or binary after all
        raise FetchError(shown, str(exc).removeprefix(f"{shown}: ")) from None
    return Page(body.url, shown, body.kind, body.media, text)


def _follow(client: httpx2.Client, url: str, limits: FetchLimits, deadline: float) -> _Body:
    """GET ``url``, following redirects, and read the final response's body."""
    current = _web_address(url, redirected=False)
    for _ in range(limits.max_redirects + 1):
        request = client.build_request("GET", current, timeout=_timeout(limits, deadline))
        response = client.send(request, stream=True)
        try:
            if not response.has_redirect_location:
                return _body(response, display_url(current), limits, deadline)
            current = _web_address(urljoin(current, response.headers["location"]), redirected=True)
        finally:
            response.close()
    raise _Failure(f"more than {limits.max_redirects} redirects")


def _web_address(url: str, *, redirected: bool) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise _Failure("not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"{parts.scheme}:" if parts.scheme else "an address without a scheme"
        if redirected:
            raise _Failure(f"redirects to {scheme} (only http and https are followed)")
        raise _Failure(f"only http and https addresses can be fetched, not {scheme}")
    if not parts.hostname:
        raise _Failure("not a valid web address (no host)")
    try:
        parts.port  # noqa: B018 (raises for a port out of range)
        parts.hostname.encode("idna")
    except (ValueError, UnicodeError):
        raise _Failure("not a valid web address (bad host or port)") from None
    return url.strip()


def _timeout(limits: FetchLimits, deadline: float) -> httpx2.Timeout:
    import httpx2

    left = deadline - time.monotonic()
    if left <= 0:
        raise _Failure(_past_deadline(limits))
    return httpx2.Timeout(
        connect=min(limits.connect_timeout, left),
        read=min(limits.read_timeout, left),
        write=min(limits.read_timeout, left),
        pool=left,
    )


def _body(response: httpx2.Response, url: str, limits: FetchLimits, deadline: float) -> _Body:
    """Status and content type checked, then the body read up to the size limit."""
    if response.status_code >= 300:
        raise _Failure(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media, charset = _content_type(response.headers.get("content-type", ""))
    if media and media not in HTML_TYPES | TEXT_TYPES | FEED_TYPES | XML_TYPES:
        raise _Failure(f"not a web page (content type {media})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise _Failure(_too_large(limits))
    data = _read(response, limits, deadline)
    return _Body(url, _kind(media, data), media, charset, data)


def _read(response: httpx2.Response, limits: FetchLimits, deadline: float) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise _Failure(_too_large(limits))
        if time.monotonic() > deadline:
            raise _Failure(_past_deadline(limits))
        chunks.append(chunk)
    return b"".join(chunks)


def _past_deadline(limits: FetchLimits) -> str:
    return f"not finished within the {limits.deadline:g} s deadline"


def _too_large(limits: FetchLimits) -> str:
    return f"larger than the {limits.max_bytes:,}-byte limit (raise it with --max-bytes)"


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type and the charset parameter of a Content-Type header."""
    media, _, params = header.partition(";")
    charset = _CHARSET_PARAM.search(params)
    return media.strip().lower(), charset.group(1) if charset else None


def _kind(media: str, data: bytes) -> PageKind:
    """What the page is, from its media type, or by sniffing when that says too little."""
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return "text"
    head = data[:2048].lstrip()
    if media in FEED_TYPES or _FEED_ROOT.search(head):
        return "feed"
    if not media and _HTML_ROOT.search(head):
        return "html"
    raise _Failure(f"not a web page (content type {media or 'not given'})")


def _transport_reason(exc: Exception, limits: FetchLimits, *, expired: bool) -> str:
    import httpx2

    if isinstance(exc, httpx2.TimeoutException) and expired:
        return _past_deadline(limits)
    if isinstance(exc, httpx2.ConnectTimeout):
        return f"no connection within {limits.connect_timeout:g} s (timed out)"
    if isinstance(exc, httpx2.TimeoutException):
        return f"timed out: the server sent nothing for {limits.read_timeout:g} s"
    if isinstance(exc, httpx2.ConnectError):
        return _connect_reason(exc)
    if isinstance(exc, httpx2.DecodingError):
        return "the response could not be decompressed"
    if isinstance(exc, httpx2.InvalidURL):
        return "not a valid web address"
    if isinstance(exc, httpx2.TransportError):
        return "the connection broke off before the page was complete"
    raise exc


def _connect_reason(exc: BaseException) -> str:
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return "cannot resolve the host name (DNS lookup failed)"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = getattr(cause, "verify_message", None) or "verification failed"
            return f"TLS certificate not accepted ({detail})"
        if isinstance(cause, ssl.SSLError):
            return "TLS handshake failed"
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text:
        return "cannot resolve the host name (DNS lookup failed)"
    if "refused" in text:
        return "connection refused"
    return "cannot connect to the server"


def _causes(exc: BaseException) -> Iterable[BaseException]:
    seen: BaseException | None = exc
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def _decoded(body: _Body, shown: str) -> str:
    """Text of the body: a byte-order mark, then the declared charset, then detection."""
    data = body.data
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    for charset in (body.charset, _charset_in_document(data, body.kind)):
        text = _decode_declared(data, charset) if charset else None
        if text is not None and text.strip():
            return text
    from .decoding import decode  # detection, as for files

    return decode(data, shown)


def _charset_in_document(data: bytes, kind: PageKind) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names, if any."""
    pattern = {"html": _META_CHARSET, "feed": _XML_ENCODING}.get(kind)
    match = pattern.search(data[:4096]) if pattern else None
    return match.group(1).decode("ascii") if match else None


def _decode_declared(data: bytes, charset: str) -> str | None:
    """``data`` in ``charset``; UTF-8 instead when a legacy label sits on valid UTF-8."""
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return None
    codec = _WEB_LABELS.get(codec, codec)
    if codec != "utf-8" and not data.isascii() and _is_utf8(data):
        return data.decode("utf-8")  # mislabelled: legacy text is almost never valid UTF-8
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
