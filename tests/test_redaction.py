"""Secrets stay secret: credentials in --base-url and API keys echoed back whole, in part, or
broken up by spaces and line breaks never reach a message, a repr, a report or a log."""

from __future__ import annotations

import json
import logging

import httpx2
import pytest

from factcheck.errors import EngineUnavailable
from factcheck.pipeline import run
from factcheck.redaction import Redactor, public_url, url_secrets
from factcheck.settings import Settings
from tests.stub.server import Answers
from tests.test_llm_units import HARBOUR, llm_settings

KEY = "sk-proj-Zq81mWvT3kPa94XeLr7c"
PASSWORD = "Tr0ub4dor-horse-staple"


@pytest.mark.parametrize(
    "echoed",
    [KEY, KEY[:12], KEY[-9:], KEY[5:20], " ".join(KEY), KEY[:10] + "\n" + KEY[10:],
     KEY[:6] + "  \t" + KEY[6:14], "\n".join(KEY[i : i + 3] for i in range(0, len(KEY), 3)),
     f"Incorrect API key provided: {KEY[:8]}****{KEY[-4:]}x{KEY[-12:]}"],
)  # fmt: skip
def test_a_key_echoed_whole_in_part_or_spaced_is_redacted(echoed):
    redact = Redactor([KEY])
    out = redact(f"server said: {echoed} (code 401)")
    compact = "".join(out.split())
    assert "[redacted]" in out and out.startswith("server said: ")
    assert out.endswith("(code 401)")
    for size in range(8, len(KEY) + 1):
        assert not any(KEY[i : i + size] in compact for i in range(len(KEY) - size + 1))


@pytest.mark.parametrize(
    "text",
    ["model not found", "rate limited, retry in 3 s", "sk-", "the key is unused",
     "Marlow harbour 48 million euros", "proj-Zq", ""],
)  # fmt: skip
def test_text_without_the_secret_is_left_alone(text):
    assert Redactor([KEY, "unused"[:3]])(text) == text


@pytest.mark.parametrize(
    ("url", "shown", "secrets"),
    [
        (f"http://alice:{PASSWORD}@llm.example/v1", "http://llm.example/v1",
         [f"alice:{PASSWORD}", PASSWORD]),
        (f"https://{PASSWORD}@llm.example:8443/v1?x=1", "https://llm.example:8443/v1?x=1",
         [PASSWORD]),
        ("http://a:b@c@llm.example/v1", "http://llm.example/v1", ["a:b@c", "b@c"]),
        ("http://llm.example/v1", "http://llm.example/v1", []),
        ("http://[::1]:8080/v1", "http://[::1]:8080/v1", []),
    ],
)  # fmt: skip
def test_credentials_in_a_url(url, shown, secrets):
    assert public_url(url) == shown
    assert url_secrets(url) == secrets


def test_settings_repr_never_shows_credentials_or_the_key():
    settings = Settings(base_url=f"http://alice:{PASSWORD}@llm.example/v1", api_key=KEY)
    assert PASSWORD not in repr(settings) and KEY not in repr(settings)
    assert "llm.example/v1" in repr(settings)


def _failing(error):
    def handle(request):
        raise error(f"failed for {request.url}", request=request)

    return httpx2.AsyncClient(transport=httpx2.MockTransport(handle))


def test_credentials_in_the_base_url_never_reach_an_error():
    url = f"http://alice:{PASSWORD}@llm.invalid/v1"
    with pytest.raises(EngineUnavailable) as caught:
        run([str(HARBOUR)], llm_settings(url), http_client=_failing(httpx2.ConnectError))
    assert "http://llm.invalid/v1" in str(caught.value)
    assert PASSWORD not in str(caught.value) and "alice" not in str(caught.value)


@pytest.mark.parametrize(
    "message",
    [f"bad request from key {KEY}", f"key {KEY[:4]} {KEY[4:11]} {KEY[11:]} is over quota",
     f"see http://alice:{PASSWORD}@llm.invalid/v1 for details", f"password {PASSWORD[3:15]}"],
)  # fmt: skip
def test_a_server_message_echoing_secrets_is_redacted_in_the_report(message):
    stub = Answers()

    def handle(request):
        if b"Marlow gets" in request.content:
            return httpx2.Response(422, json={"error": {"message": message, "type": "x"}})
        status, headers, payload = stub.answer(json.loads(request.content))
        return httpx2.Response(status, headers=headers, json=payload)

    url = f"http://alice:{PASSWORD}@llm.invalid/v1"
    client = httpx2.AsyncClient(transport=httpx2.MockTransport(handle))
    report = run([str(HARBOUR)], llm_settings(url, api_key=KEY), http_client=client)
    dumped = "".join(report.model_dump_json().split())
    assert "HTTP422" in dumped
    for secret in (KEY, PASSWORD):
        assert not any(secret[i : i + 8] in dumped for i in range(len(secret) - 7))


def test_sdk_and_http_logs_are_redacted(caplog):
    url = f"http://alice:{PASSWORD}@llm.invalid/v1"
    with caplog.at_level(logging.DEBUG), pytest.raises(EngineUnavailable):
        run([str(HARBOUR)], llm_settings(url, api_key=KEY),
            http_client=_failing(httpx2.ConnectError))  # fmt: skip
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "llm.invalid" in logged  # the SDK did log the request...
    assert PASSWORD not in logged and KEY not in logged  # ...without the secrets


def test_the_cli_error_line_has_no_credentials(cli):
    result = cli("check", str(HARBOUR), "--model", "stub", "--no-cache",
                 "--base-url", f"http://alice:{PASSWORD}@127.0.0.1:9/v1")  # fmt: skip
    assert result.exit_code == 4
    assert "127.0.0.1:9/v1" in result.output
    assert PASSWORD not in result.output and "alice" not in result.output
