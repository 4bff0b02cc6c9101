"""A loopback web server serving pages the tests write, for fetching without a network.

``WebServer`` listens on 127.0.0.1 on a free port; ``server.route(path, ...)`` says what a
path answers (status, headers, body, a delay before answering, a drip between body chunks),
``server.url(path)`` is its address. It records each request's headers and the largest number
of requests it served at once. Unknown paths answer 404. ``story(name)`` reads one of the
invented story pages in ``tests/data/web/story``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Route:
    """What one path answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between 64-byte chunks of the body
    content_length: bool = True  # False: the body ends when the connection closes


class WebServer:
    """A threaded HTTP/1.0 server on 127.0.0.1; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[dict[str, str]] = []
        self.peak = 0
        self._active = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", **options) -> str:
        """Serve ``body`` at ``path`` (text is sent as UTF-8); return the path's address."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)
        return self.url(path)

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8"):
        return self.route(path, body, headers={"Content-Type": content_type})

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.route(path, status=status, headers={"Location": location})

    def __enter__(self) -> WebServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append(dict(handler.headers.items()))
            self._active += 1
            self.peak = max(self.peak, self._active)
        try:
            self._answer(handler, self.routes.get(handler.path, Route(status=404, body=b"no")))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the tests intend
        finally:
            with self._lock:
                self._active -= 1

    def _answer(self, handler: BaseHTTPRequestHandler, route: Route) -> None:
        if self._stopping.wait(route.delay):
            return
        handler.send_response(route.status)
        for name, value in route.headers.items():
            handler.send_header(name, value)
        if route.content_length:
            handler.send_header("Content-Length", str(len(route.body)))
        handler.end_headers()
        step = 64 if route.drip else max(len(route.body), 1)
        for start in range(0, len(route.body), step):
            handler.wfile.write(route.body[start : start + step])
            handler.wfile.flush()
            if route.drip and self._stopping.wait(route.drip):
                return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: WebServer

    def handle_error(self, request, client_address) -> None:  # noqa: ARG002
        pass  # a client that hung up is part of the tests, not an error


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.owner._serve(self)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


STORY = Path(__file__).parent / "data" / "web" / "story"


def story(name: str) -> str:
    """An invented story page the web tests serve."""
    return (STORY / name).read_text(encoding="utf-8")
