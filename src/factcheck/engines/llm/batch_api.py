"""The OpenAI Batch API for the llm engine's extraction and judging calls.

Instead of one request per call, the prompts of a stage are written to a JSONL file, uploaded
(``/files``), run as one batch (``/batches``), polled until the batch ends, and the output file
is read back. Each answer is validated and handed to the client under the call's cache key, so
the engine's usual code path (evidence checks, re-asks, truncation handling) then finds it
without a request; a call the batch did not answer well is simply made directly. Requests use
the same body as a direct call in ``tools`` mode, so they cost and behave the same (at the
Batch API's price and latency).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass

from pydantic import BaseModel

from ...errors import ConfigError, EngineError
from .client import LLMClient
from .prompts import Rendered
from .usage import CHARS_PER_TOKEN, TOKEN_SLACK, believable

POLL_SECONDS = 15.0
MAX_WAIT_SECONDS = 24 * 3600.0
DONE = ("completed", "failed", "expired", "cancelled")


@dataclass
class Request:
    rendered: Rendered
    answer: type[BaseModel]


def tool_body(client: LLMClient, rendered: Rendered, answer: type[BaseModel]) -> dict:
    """The body of a chat completion with the answer model as a forced tool, as instructor's
    ``tools`` mode sends it."""
    from instructor import openai_schema

    schema = openai_schema(answer).openai_schema
    return {
        "messages": rendered.messages,
        "model": client.model,
        "max_tokens": client.settings.max_output_tokens,
        "temperature": 0,
        "tool_choice": {"type": "function", "function": {"name": schema["name"]}},
        "tools": [{"type": "function", "function": schema}],
    }


async def prefetch(client: LLMClient, requests: list[Request], stage: str) -> int:
    """Run the requests that the cache cannot answer as one batch; return how many answered."""
    if client.settings.mode != "tools":
        raise ConfigError("the Batch API is used with --mode tools only")
    pending: dict[str, Request] = {}
    for request in requests:
        key = client.key(request.rendered, request.answer)
        if not client.cached(key, request.answer):
            pending.setdefault(key, request)
    if not pending:
        return 0
    # custom ids are positions, not cache keys: the keys name the endpoint, which a batch
    # file has no business carrying
    keys = list(pending)
    lines = [
        json.dumps({"custom_id": f"{stage}-{n}", "method": "POST", "url": "/v1/chat/completions",
                    "body": tool_body(client, pending[key].rendered, pending[key].answer)},
                   ensure_ascii=False)
        for n, key in enumerate(keys)
    ]  # fmt: skip
    data = ("\n".join(lines) + "\n").encode()
    raw = client.raw
    try:
        upload = await raw.files.create(file=(f"factcheck-{stage}.jsonl", data), purpose="batch")
        batch = await raw.batches.create(
            input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
        )
        waited = 0.0
        while batch.status not in DONE:
            if waited > MAX_WAIT_SECONDS:
                raise EngineError(f"batch {batch.id} did not finish in 24 hours")
            if client.deadline.passed():
                return 0  # the direct calls then stop at the deadline, each a problem
            await asyncio.sleep(client.deadline.bound(POLL_SECONDS))
            waited += POLL_SECONDS
            batch = await raw.batches.retrieve(batch.id)
        if batch.status != "completed" or not batch.output_file_id:
            return 0  # every call is then made directly
        content = await raw.files.content(batch.output_file_id)
    except EngineError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure here only means direct calls
        translated = client.translate(exc)
        if isinstance(translated, EngineError):
            raise translated from exc
        return 0
    by_id = {f"{stage}-{n}": key for n, key in enumerate(keys)}
    return _collect(client, pending, by_id, content.text, stage)


def _collect(client, pending: dict[str, Request], by_id: dict[str, str], text: str, stage: str):
    usage = client.meter.stage(stage)
    answered = 0
    for line in text.splitlines():
        try:
            record = json.loads(line)
            key = by_id[record["custom_id"]]
            request = pending[key]
            response = record["response"]
            body = response["body"]
        except (ValueError, KeyError, TypeError):
            continue
        if not isinstance(body, dict):
            continue
        usage.calls += 1
        asked = len(json.dumps(request.rendered.messages, ensure_ascii=False))
        _count_tokens(client, usage, body.get("usage"), asked)
        if response.get("status_code") != 200:
            continue
        try:
            choice = body["choices"][0]
            if choice.get("finish_reason") == "length":
                continue  # cut off: the direct call will split it
            arguments = choice["message"]["tool_calls"][0]["function"]["arguments"]
            value = request.answer.model_validate_json(arguments)
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        client.store(key, value.model_dump(mode="json"))
        answered += 1
    return answered


def _count_tokens(client: LLMClient, usage, tokens: object, size: int) -> None:
    """A batch answer's token counts when they can be true (see ``usage.believable``)."""
    given = (tokens.get("prompt_tokens"), tokens.get("completion_tokens")) if isinstance(
        tokens, dict) else (None, None)  # fmt: skip
    limit = client.settings.max_output_tokens
    ceilings = (size + TOKEN_SLACK, 4 * limit + TOKEN_SLACK)
    if all(map(believable, given, ceilings)):
        usage.input_tokens += int(given[0])
        usage.output_tokens += int(given[1])
        client.meter.spent += int(given[0]) + int(given[1])
    else:
        usage.unknown_tokens += 1
        client.meter.spent += size // CHARS_PER_TOKEN + limit
