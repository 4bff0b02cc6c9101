"""What is retried and how long to wait: rate limits, server errors, timeouts and dropped
connections, with the server's ``Retry-After`` when it is a sane number of seconds (or an HTTP
date), else exponential backoff with jitter.

A ``Retry-After`` that is not a finite, non-negative number (``nan``, ``inf``, ``-5``) is
ignored, and none waits more than ``MAX_RETRY_AFTER`` seconds.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from tenacity import wait_exponential_jitter

MAX_RETRY_AFTER = 60.0


def _transient_types() -> tuple[type[BaseException], ...]:
    import openai

    return (
        openai.RateLimitError,
        openai.InternalServerError,
        openai.APITimeoutError,
        openai.APIConnectionError,
    )


def find_cause(exc: BaseException | None, types) -> BaseException | None:
    """The first exception of ``types`` in the ``__cause__``/``__context__`` chain."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, types):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def transient_cause(exc: BaseException | None) -> BaseException | None:
    return find_cause(exc, _transient_types())


def retry_after(value: object, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for, capped; None when it is not a sane value."""
    if not isinstance(value, str):
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = _seconds_until(value, now or datetime.now(UTC))
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return None
    return min(seconds, MAX_RETRY_AFTER)


def _seconds_until(value: str, now: datetime) -> float | None:
    """An HTTP date as seconds from ``now`` (a date in the past is 0)."""
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class wait_retry_after(wait_exponential_jitter):
    """Wait what the server's Retry-After asks (capped), else exponential backoff with jitter."""

    def __call__(self, retry_state) -> float:
        error = transient_cause(retry_state.outcome.exception())
        headers = getattr(getattr(error, "response", None), "headers", None)
        seconds = retry_after(headers.get("retry-after")) if headers is not None else None
        return super().__call__(retry_state) if seconds is None else seconds
