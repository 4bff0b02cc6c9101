"""Bounds on what a model may send back: bytes per answer and items per answer.

An answer is read at most ``answer_limit`` bytes far (a response hook wraps the body's stream,
and a ``Content-Length`` over the limit is refused before reading): a larger one fails that
call (``AnswerTooLarge``, never retried). A Batch API output file may hold ``FILE_ANSWERS``
answers' worth. Lists in an answer are cut to what the asked text can
hold — claims per article part, proposals per sweep — and the cut is recorded as a problem, so
a model that floods one answer cannot flood the report or the calls after it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

BYTES_PER_TOKEN = 32  # far above any real answer: JSON escapes, multi-byte letters
MIN_ANSWER_BYTES = 1_000_000
CLAIMS_PER_SENTENCE = 5
CLAIMS_SLACK = 20
MAX_PROPOSALS = 200  # per sweep answer
FILE_ANSWERS = 1000  # a Batch API output file may hold this many answers' worth


class AnswerTooLarge(Exception):
    """The server sent more bytes than one answer may hold."""

    def __init__(self, limit: int):
        super().__init__(f"the answer was larger than {limit:,} bytes; it was not read")
        self.limit = limit


def answer_limit(max_output_tokens: int) -> int:
    """The most bytes one answer may take: far above what ``max_output_tokens`` can hold."""
    return max(MIN_ANSWER_BYTES, BYTES_PER_TOKEN * max_output_tokens)


def claims_limit(sentences: int) -> int:
    """The most claims kept from one answer about ``sentences`` sentences."""
    return CLAIMS_SLACK + CLAIMS_PER_SENTENCE * sentences


def limit_answers(http_client: Any, limit: int) -> None:
    """Make ``http_client`` (an async httpx client) read no response past ``limit`` bytes."""

    async def hook(response: Any) -> None:
        most = limit * FILE_ANSWERS if "/files/" in response.request.url.path else limit
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > most:
            raise AnswerTooLarge(most)
        response.stream = _limited(response.stream, most)

    hooks = dict(http_client.event_hooks)
    hooks["response"] = [*hooks.get("response", []), hook]
    http_client.event_hooks = hooks


def _limited(stream: Any, limit: int) -> Any:
    """``stream`` as an async byte stream that raises once more than ``limit`` bytes came."""
    import httpx2

    class Limited(httpx2.AsyncByteStream):
        seen = 0

        async def __aiter__(self) -> AsyncIterator[bytes]:
            async for chunk in stream:
                self.seen += len(chunk)
                if self.seen > limit:
                    raise AnswerTooLarge(limit)
                yield chunk

        async def aclose(self) -> None:
            await stream.aclose()

    return Limited()
