"""The llm engine's limits, through an injected transport (no socket): a call's deadline with its
retries, the run's deadline, bytes and claims per answer, the run's token budget, Retry-After
values, token counts that cannot be true."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx2
import pytest

from factcheck.engines.llm.bounds import answer_limit, claims_limit
from factcheck.engines.llm.retries import MAX_RETRY_AFTER, retry_after, wait_retry_after
from factcheck.engines.llm.usage import believable
from factcheck.errors import ExtractionFailed
from factcheck.pipeline import run
from factcheck.segment import segment
from tests.stub.server import Answers
from tests.test_llm_units import HARBOUR, WILDFIRE, llm_settings

MARLOW_B = b"Marlow gets"  # a phrase of harbour_b.txt only


def serving(change=None, trickle=None):
    """An httpx2 client answering like the stub; ``change(request_body, payload)`` may rewrite
    the answer (a dict, or bytes sent as they are); ``trickle(request)`` says whether to send
    the body one byte at a time."""
    stub, calls = Answers(), []

    async def handle(request: httpx2.Request) -> httpx2.Response:
        calls.append(request)
        body = json.loads(request.content)
        status, headers, payload = stub.answer(body)
        payload = change(body, payload) if change else payload
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {**headers, "content-type": "application/json"}
        if trickle and trickle(request):
            return httpx2.Response(status, headers=headers, content=_slowly(data))
        return httpx2.Response(status, headers=headers, content=data)

    return httpx2.AsyncClient(transport=httpx2.MockTransport(handle)), calls


async def _slowly(data: bytes, pause: float = 0.05):
    for n in range(len(data)):
        await asyncio.sleep(pause)
        yield data[n : n + 1]


def _extraction(body: dict) -> bool:
    return "You extract checkable claims" in body["messages"][0]["content"]


def _arguments(payload: dict) -> dict:
    return json.loads(payload["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])


def _with_arguments(payload: dict, arguments: dict) -> dict:
    payload["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = json.dumps(
        arguments
    )
    return payload


# -- deadlines --------------------------------------------------------------------------------


@pytest.mark.parametrize("timeout", [1.0, 2.5])
def test_a_trickling_server_is_cut_off_at_the_call_deadline(timeout):
    """A byte every 50 ms never trips a per-read timeout; --timeout bounds the whole call."""
    client, _ = serving(trickle=lambda request: MARLOW_B in request.content)
    started = time.monotonic()
    report = run([str(HARBOUR)], llm_settings(timeout=timeout), http_client=client)
    assert time.monotonic() - started < 15
    assert report.run.partial
    errors = {p.where: p.error for p in report.run.problems}
    assert f"within {timeout:g} s (--timeout, retries included)" in errors["harbour_b.txt"]
    assert report.claims and all(c.article == report.articles[0].id for c in report.claims)


def test_a_server_trickling_every_answer_ends_the_run_in_one_line():
    client, _ = serving(trickle=lambda request: True)
    started = time.monotonic()
    with pytest.raises(ExtractionFailed, match=r"no article could be extracted"):
        run([str(HARBOUR)], llm_settings(timeout=0.3), http_client=client)
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("seconds", [0.3, 0.8])
def test_the_run_deadline_ends_every_call_and_lists_what_was_not_done(seconds):
    client, calls = serving(trickle=lambda request: True)
    started = time.monotonic()
    settings = llm_settings(timeout=60, deadline=seconds)
    report = run([str(WILDFIRE)], settings, http_client=client)
    assert time.monotonic() - started < seconds + 10
    assert report.run.partial and not report.claims
    assert {p.where for p in report.run.problems} >= {"valley_a.txt", "valley_b.txt",
                                                      "valley_c.txt"}  # fmt: skip
    assert all("deadline" in p.error and "--deadline" in p.error for p in report.run.problems)


def test_no_call_starts_after_the_run_deadline():
    client, calls = serving()
    report = run([str(WILDFIRE)], llm_settings(deadline=1e-9), http_client=client)
    assert calls == [] and report.run.partial
    assert len(report.run.problems) >= 3


def test_the_run_deadline_stops_the_local_engine_too():
    from factcheck.settings import Settings

    report = run([str(WILDFIRE)], Settings(engine="local", deadline=1e-9))
    assert report.run.partial and not report.claims
    assert [p.where for p in report.run.problems] == ["valley_a.txt", "valley_b.txt",
                                                      "valley_c.txt"]  # fmt: skip


# -- answers too large or too long ------------------------------------------------------------


@pytest.mark.parametrize("streamed", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("claims", [50_000, 12_000])
def test_an_answer_over_the_byte_limit_fails_only_its_call(claims, streamed):
    def flood(body, payload):
        if not (_extraction(body) and MARLOW_B in json.dumps(body).encode()):
            return payload
        arguments = _arguments(payload)
        arguments["claims"] = (arguments["claims"] * claims)[:claims]
        return json.dumps(_with_arguments(payload, arguments)).encode()

    # streamed: no Content-Length, so the limit is met while reading
    client, calls = _chunked(flood) if streamed else serving(change=flood)
    report = run([str(HARBOUR)], llm_settings(), http_client=client)
    errors = {p.where: p.error for p in report.run.problems}
    assert errors["harbour_b.txt"] == (
        f"the answer was larger than {answer_limit(4096):,} bytes; it was not read"
    )
    assert len(report.model_dump_json()) < 200_000
    assert sum(r.url.path.endswith("/chat/completions") for r in calls) < 20  # not retried


def _chunked(change):
    stub, calls = Answers(), []

    async def handle(request):
        calls.append(request)
        body = json.loads(request.content)
        status, headers, payload = stub.answer(body)
        data = change(body, payload)
        data = data if isinstance(data, bytes) else json.dumps(data).encode()

        async def chunks():
            for start in range(0, len(data), 65536):
                yield data[start : start + 65536]

        return httpx2.Response(status, headers={"content-type": "application/json"},
                               content=chunks())  # fmt: skip

    return httpx2.AsyncClient(transport=httpx2.MockTransport(handle)), calls


@pytest.mark.parametrize("copies", [60, 500, 3000])
def test_claims_past_what_the_text_can_hold_are_cut_and_noted(copies):
    def repeat(body, payload):
        if not _extraction(body) or MARLOW_B not in json.dumps(body).encode():
            return payload
        arguments = _arguments(payload)
        arguments["claims"] = (arguments["claims"] * copies)[:copies]
        return _with_arguments(payload, arguments)

    client, _ = serving(change=repeat)
    report = run([str(HARBOUR)], llm_settings(), http_client=client)
    b = next(a for a in report.articles if a.source.endswith("harbour_b.txt"))
    sentences = [s for s in segment(b) if not s.furniture]
    kept = [c for c in report.claims if c.article == b.id]
    problem = next(p for p in report.run.problems if p.where == "harbour_b.txt")
    assert problem.error == (
        f"the model returned {copies:,} claims for {len(sentences)} sentences; the first "
        f"{claims_limit(len(sentences))} were kept"
    )
    assert len(kept) <= claims_limit(len(sentences))
    assert report.run.partial


def test_the_run_token_budget_stops_further_calls():
    client, calls = serving()
    report = run([str(WILDFIRE)], llm_settings(token_budget=1, concurrency=1), http_client=client)
    assert len(calls) == 1  # the first call is made; then the budget is spent
    assert report.run.partial
    assert any("token budget of 1 tokens (--token-budget) is spent" in p.error
               for p in report.run.problems)  # fmt: skip


def test_a_large_budget_changes_nothing():
    client, calls = serving()
    report = run([str(HARBOUR)], llm_settings(token_budget=10**9), http_client=client)
    assert not report.run.partial and report.usage.llm_calls == len(calls)


# -- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), ("0", 0.0), ("2.5", 2.5), (" 3 ", 3.0), ("3600", MAX_RETRY_AFTER),
     ("1e400", None), ("nan", None), ("NaN", None), ("inf", None), ("-inf", None),
     ("-5", None), ("-0.1", None), ("soon", None), ("", None), ("0x10", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)  # fmt: skip
def test_retry_after_values(header, seconds):
    assert retry_after(header) == seconds


def test_retry_after_as_an_http_date():
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert retry_after(format_datetime(now + timedelta(seconds=20), usegmt=True), now) == 20
    assert retry_after(format_datetime(now + timedelta(hours=5), usegmt=True), now) == 60


@pytest.mark.parametrize("header", ["nan", "inf", "-inf", "-30", "1e999", "garbage"])
def test_a_senseless_retry_after_falls_back_to_backoff(header):
    import openai

    request = httpx2.Request("POST", "http://llm.invalid/v1/chat/completions")
    response = httpx2.Response(429, headers={"retry-after": header}, request=request)
    error = openai.RateLimitError("slow down", response=response, body=None)
    state = type(
        "S", (), {"attempt_number": 1, "outcome": type("O", (), {"exception": lambda _s: error})()}
    )()
    waited = wait_retry_after(initial=1, max=30)(state)  # fmt: skip
    assert 0 <= waited <= 2.0


# -- token counts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "usage",
    [{"prompt_tokens": -5, "completion_tokens": 10}, {"prompt_tokens": 10, "completion_tokens": -1},
     {"prompt_tokens": 1.5, "completion_tokens": 10}, {"prompt_tokens": 10**15,
     "completion_tokens": 10}, {"prompt_tokens": 10, "completion_tokens": 10**9},
     {"prompt_tokens": "lots", "completion_tokens": 3}, {"prompt_tokens": 2.5,
     "completion_tokens": 3}, {"prompt_tokens": None, "completion_tokens": None},
     {"completion_tokens": 3}, None],
)  # fmt: skip
def test_impossible_token_counts_are_unknown(usage):
    def counts(body, payload):
        payload = dict(payload)
        if usage is None:
            payload.pop("usage", None)
        else:
            payload["usage"] = {**usage, "total_tokens": 0}
        return payload

    client, calls = serving(change=counts)
    report = run([str(HARBOUR)], llm_settings(price=(1.0, 1.0)), http_client=client)
    assert report.usage.unknown_token_calls == report.usage.llm_calls == len(calls)
    assert report.usage.input_tokens == report.usage.output_tokens == 0
    assert report.usage.cost_usd == 0.0


def test_believable_counts_are_taken():
    client, calls = serving()
    report = run([str(HARBOUR)], llm_settings(), http_client=client)
    assert report.usage.unknown_token_calls == 0 and report.usage.input_tokens > 0


@pytest.mark.parametrize(
    ("value", "ok"),
    [(0, True), (12, True), (12.0, True), (100, True), (101, False), (-1, False), (1.5, False),
     (float("nan"), False), (float("inf"), False), (True, False), ("5", False), (None, False)],
)  # fmt: skip
def test_believable(value, ok):
    assert believable(value, 100) is ok
