from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Tests never read the real home, cache or factcheck settings."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("FACTCHECK_ENGINE", "FACTCHECK_MODEL", "FACTCHECK_MAX_BYTES",
                 "FACTCHECK_CACHE_DIR", "FACTCHECK_LLM_MODE", "FACTCHECK_CONCURRENCY",
                 "FACTCHECK_PRICE", "FACTCHECK_WORKERS", "FACTCHECK_RPM", "FACTCHECK_PROMPTS_DIR",
                 "OPENAI_BASE_URL"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    if not os.environ.get("FACTCHECK_RECORD_BASE_URL"):
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def cli():
    from factcheck.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


# -- LLM engine: cassettes recorded against the loopback stub, replayed offline ----------------

SECRET_HEADERS = ["authorization", "api-key", "openai-organization", "openai-project", "cookie",
                  "set-cookie"]  # fmt: skip
_MATCH_KEYS = ("messages", "tools", "tool_choice", "response_format")
_PYDANTIC_URL = re.compile(r"errors\.pydantic\.dev/[0-9.]+/")
_LOOPBACK = re.compile(r"^http://127\.0\.0\.1:\d+")
CLOSED_URL = "http://127.0.0.1:9/v1"  # nothing listens: a request that escapes vcr fails at once


_BOUNDARY = re.compile(rb"^--([^\r\n]+)")


def _body_key(request) -> str:
    """What decides an answer: the messages and the requested structure. Not the host, the port,
    the headers, the model name or the SDK's incidental fields; the pydantic version that
    instructor writes into re-ask messages is normalised away. A multipart upload (the Batch
    API's file) is compared with its random boundary replaced."""
    raw = request.body or b"{}"
    raw = raw.encode() if isinstance(raw, str) else raw
    boundary = _BOUNDARY.match(raw)
    if boundary:
        return raw.replace(boundary.group(1), b"BOUNDARY").decode(errors="replace")
    body = json.loads(raw)
    if "input_file_id" in body or "messages" not in body:
        return json.dumps(body, sort_keys=True)
    key = json.dumps({k: body.get(k) for k in _MATCH_KEYS}, sort_keys=True)
    return _PYDANTIC_URL.sub("errors.pydantic.dev/X/", key)


def llm_body(r1, r2) -> None:
    # a plain raise: pytest's assertion rewriting would diff two long bodies on every miss
    if _body_key(r1) != _body_key(r2):
        raise AssertionError("request bodies differ")


def _drop_noise_headers(request):
    for name in list(request.headers):
        if name.lower().startswith("x-stainless") or name.lower() in ("host", "user-agent"):
            del request.headers[name]
    request.uri = _LOOPBACK.sub("http://llm.invalid", request.uri)  # the stub's port is random
    body = request.body if isinstance(request.body, bytes) else None
    boundary = _BOUNDARY.match(body) if body else None
    if boundary:  # multipart boundaries are random: store a fixed one
        fixed = b"factcheck-boundary"
        request.body = body.replace(boundary.group(1), fixed)
        for name in list(request.headers):
            if name.lower() == "content-type":
                request.headers[name] = request.headers[name].replace(
                    boundary.group(1).decode(), fixed.decode()
                )
    return request


def _scrub_response(response):
    for name in list(response["headers"]):
        if name.lower() in SECRET_HEADERS or name.lower() in ("date", "server"):
            del response["headers"][name]
    return response


def pytest_recording_configure(config, vcr):
    vcr.register_matcher("llm_body", llm_body)


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "filter_headers": SECRET_HEADERS,
        "before_record_request": _drop_noise_headers,
        "before_record_response": _scrub_response,
        "match_on": ["method", "path", "llm_body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request):
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])


@pytest.fixture
def stub():
    from tests.stub.server import StubServer

    server = StubServer().start()
    yield server
    server.stop()


@pytest.fixture
def llm_url(record_mode, monkeypatch):
    """Where the llm engine sends requests: the live stub while recording, a closed port while
    replaying, or a real endpoint named by FACTCHECK_RECORD_BASE_URL when re-recording."""
    if record_mode == "none":
        yield CLOSED_URL
        return
    real = os.environ.get("FACTCHECK_RECORD_BASE_URL")
    if real:
        yield real
        return
    from tests.stub.server import StubServer

    monkeypatch.setenv("FACTCHECK_CONCURRENCY", "1")  # recorded in a stable order
    server = StubServer().start()
    yield server.url
    server.stop()


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    """Retries wait nothing in tests (replayed Retry-After and backoff would only cost time)."""
    import tenacity

    from factcheck.engines.llm import client

    if not os.environ.get("FACTCHECK_RECORD_BASE_URL"):  # a real endpoint gets real backoff
        from factcheck.engines.llm import batch_api

        monkeypatch.setattr(client, "WAIT", tenacity.wait_none())
        monkeypatch.setattr(batch_api, "POLL_SECONDS", 0.0)


@pytest.fixture
def web(monkeypatch):
    """A loopback web server (``tests/web_server.py``), reached without a proxy."""
    from tests.web_server import WebServer

    monkeypatch.delenv("HTTP_PROXY", raising=False)
    with WebServer() as server:
        yield server
