"""Calls to an OpenAI-compatible endpoint: instructor for structured answers, tenacity for
retries, a disk cache in front, and usage counted per stage.

One retry owner: the SDK's own retries are off (``max_retries=0``); tenacity retries rate limits
(honouring a sane Retry-After), server errors, timeouts and dropped connections with exponential
backoff and jitter (``retries``). instructor's ``max_retries`` covers only re-asks after an
answer that does not validate. instructor 1.17 wraps SDK errors, so the retry test walks
``__cause__``.

Limits: ``--timeout`` bounds one call from its first request to its answer, retries and waits
included (a server that trickles a byte at a time is cut off there); the run's ``Deadline``
bounds every call by what is left of the run and stops calls once it has passed; the run's
token budget stops calls once it is spent; an answer is read at most ``bounds.answer_limit``
bytes far. Each of these fails only the call concerned (``CallFailed``).

Credentials in the base URL and the API key, whole or in pieces, are kept out of every message
(``redaction``), and out of the SDK's and the HTTP client's log records.

Errors that concern the whole run (the key is refused, the endpoint cannot be reached, the
model does not exist) raise ``EngineUnavailable``; errors that concern one call (a server error
that outlasts the retries, an answer cut off or unusable) raise ``CallFailed``, which the
engine records as a problem for that article or group while the rest of the run goes on.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, TypeVar

from pydantic import BaseModel
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from ...deadline import Deadline
from ...errors import ConfigError, EngineUnavailable
from ...models import Usage
from ...redaction import RedactingFilter, Redactor, public_url, url_secrets
from ...settings import Settings
from . import usage as meters
from .bounds import AnswerTooLarge, answer_limit, limit_answers
from .cache import Cache, cache_key, default_dir
from .prices import price_of
from .prompts import Rendered
from .retries import MAX_RETRY_AFTER, find_cause, transient_cause, wait_retry_after
from .usage import CallRecord, Meter, StageUsage

__all__ = ["MAX_RETRY_AFTER", "CallFailed", "LLMClient", "StageUsage", "Truncated",
           "find_cause", "transient_cause", "wait_retry_after"]  # fmt: skip

T = TypeVar("T", bound=BaseModel)

ATTEMPTS = 4  # transport attempts per call
REASKS = 1  # re-asks after an answer that does not validate
DEFAULT_ENDPOINT = "https://api.openai.com/v1"
LOGGERS = ("openai", "httpx2", "httpcore2", "instructor")  # and their children

logging.getLogger("instructor").setLevel(logging.CRITICAL)  # it logs every retry at ERROR


class CallFailed(Exception):
    """One call could not be answered; the message is one line for the report."""


class Truncated(CallFailed):
    """The answer was cut off at the output token limit (finish_reason=length)."""


WAIT = wait_retry_after(initial=1, max=30)


def _retried(exc: BaseException) -> bool:
    return transient_cause(exc) is not None and find_cause(exc, (AnswerTooLarge,)) is None


class LLMClient:
    """Structured calls to one endpoint and model, with retries, cache, usage and limits."""

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: Any = None,
        rate_limiter: Any = None,
        deadline: Deadline | None = None,
    ):
        key = _api_key(settings)
        import instructor
        import openai

        self.settings = settings
        self.model = settings.model
        self.endpoint = public_url((settings.base_url or DEFAULT_ENDPOINT).rstrip("/"))
        self.redact = Redactor([settings.api_key, *url_secrets(settings.base_url)])
        _redact_logs(self.redact)
        self.deadline = deadline or Deadline()
        http_client = http_client or openai.DefaultAsyncHttpxClient()
        limit_answers(http_client, answer_limit(settings.max_output_tokens))
        self._raw = raw = openai.AsyncOpenAI(
            api_key=key,
            base_url=settings.base_url,
            max_retries=0,
            timeout=settings.timeout,
            http_client=http_client,
        )
        modes = {
            "tools": instructor.Mode.TOOLS,
            "json": instructor.Mode.JSON,
            "md_json": instructor.Mode.MD_JSON,
        }
        self._client = instructor.from_openai(raw, mode=modes[settings.mode])
        self._client.on("completion:kwargs", meters.on_request)
        self._client.on("completion:response", meters.on_response)
        self._client.on("parse:error", meters.on_parse_error)
        self.cache = Cache(settings.cache_dir or default_dir()) if settings.cache else None
        self.meter = Meter()
        self.prefetched: dict[str, dict] = {}
        self.price = price_of(settings.model, settings.price, settings.base_url)
        self._limiter = rate_limiter  # shared by the threads of a batch: .wait() blocks

    def __repr__(self) -> str:
        return f"LLMClient(endpoint={self.endpoint!r}, model={self.model!r})"

    def usage(self) -> Usage:
        return self.meter.usage(self.price)

    async def aclose(self) -> None:
        await self._raw.close()

    @property
    def raw(self):
        """The plain async OpenAI client (for the Batch API's files and batches)."""
        return self._raw

    def key(self, rendered: Rendered, answer: type[BaseModel]) -> str:
        """The cache key of one call: what decides its answer, never the API key."""
        return cache_key(
            endpoint=self.endpoint,
            model=self.model,
            mode=self.settings.mode,
            template=rendered.template_hash,
            schema=answer.model_json_schema(),
            messages=rendered.messages,
            max_tokens=self.settings.max_output_tokens,
        )

    def cached(self, key: str, answer: type[BaseModel]) -> bool:
        """Whether the disk cache already answers ``key`` (without counting a hit)."""
        if self.cache is None:
            return False
        entry = self.cache.get(key)
        if entry is None:
            return False
        try:
            answer.model_validate(entry["answer"])
        except ValueError:
            return False
        return True

    def store(self, key: str, value: dict) -> None:
        """Keep an answer that arrived another way (a Batch API job) for the coming ``ask``."""
        self.prefetched[key] = value
        if self.cache is not None:
            self.cache.put(key, value)

    async def ask(
        self, rendered: Rendered, answer: type[T], *, stage: str, reask: bool = False
    ) -> T:
        """The model's answer to ``rendered``, validated as ``answer``; cached when allowed.
        ``reask`` marks a call the engine makes to repair an earlier answer: it is counted as a
        re-ask when it reaches the model (not when the cache answers it)."""
        key = self.key(rendered, answer)
        usage = self.meter.stage(stage)
        result = self._answered(key, answer, usage)
        if result is not None:
            return result
        self._may_call()
        record = CallRecord(max_output=self.settings.max_output_tokens)
        token = meters.CURRENT.set(record)
        try:
            result = await self._within_limits(rendered, answer)
        finally:
            meters.CURRENT.reset(token)
            if reask and record.usage.calls:
                record.usage.reasks += 1
            usage.add(record.usage)
            self.meter.spent += record.spent
        if self.cache is not None:
            self.cache.put(key, result.model_dump(mode="json"))
        return result

    def _answered(self, key: str, answer: type[T], usage: StageUsage) -> T | None:
        """The answer a Batch API job of this run or the cache already holds, if any."""
        if key in self.prefetched:  # answered by a Batch API job of this run, already counted
            try:
                return answer.model_validate(self.prefetched.pop(key))
            except ValueError:
                pass  # not a valid answer after all: ask directly
        entry = self.cache.get(key) if self.cache is not None else None
        if entry is None:
            return None
        try:
            result = answer.model_validate(entry["answer"])
        except ValueError:
            return None  # the schema moved on; ask again
        usage.cached += 1
        return result

    def _may_call(self) -> None:
        """``CallFailed`` when the run's deadline has passed or its token budget is spent."""
        if self.deadline.passed():
            raise CallFailed(self.deadline.message())
        budget = self.settings.token_budget
        if self.meter.spent >= budget:
            raise CallFailed(
                f"not asked: the run's token budget of {budget:,} tokens (--token-budget) is spent"
            )

    async def _within_limits(self, rendered: Rendered, answer: type[T]) -> T:
        """The call with its retries, within ``--timeout`` and what is left of the run."""
        seconds = self.deadline.bound(self.settings.timeout)
        try:
            async with asyncio.timeout(seconds) as scope:
                return await self._ask_with_retries(rendered, answer)
        except TimeoutError:
            if not scope.expired():
                raise CallFailed(f"{self.endpoint} did not answer in time") from None
            if seconds < self.settings.timeout:
                raise CallFailed(self.deadline.message()) from None
            raise CallFailed(
                f"{self.endpoint} did not answer within {self.settings.timeout:g} s "
                "(--timeout, retries included)"
            ) from None
        except CallFailed:
            raise
        except Exception as exc:
            raise self.translate(exc) from exc

    async def _ask_with_retries(self, rendered: Rendered, answer: type[T]) -> T:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(ATTEMPTS),
            wait=WAIT,
            retry=retry_if_exception(_retried),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                self._may_call()  # a retry after the deadline or the budget is not made
                if self._limiter is not None:
                    await asyncio.to_thread(self._limiter.wait)
                return await self._client.chat.completions.create(
                    model=self.model,
                    response_model=answer,
                    messages=rendered.messages,
                    max_retries=REASKS,
                    temperature=0,
                    max_tokens=self.settings.max_output_tokens,
                )
        raise AssertionError("unreachable")  # pragma: no cover

    def translate(self, exc: Exception) -> Exception:
        """The one-line error a user should see, never carrying the key."""
        import openai
        from instructor.core.exceptions import IncompleteOutputException

        if find_cause(exc, (IncompleteOutputException,)) is not None:
            return Truncated("the answer was cut off at the output token limit")
        too_large = find_cause(exc, (AnswerTooLarge,))
        if too_large is not None:
            return CallFailed(str(too_large))
        status = find_cause(exc, (openai.APIStatusError,))
        if isinstance(status, openai.AuthenticationError | openai.PermissionDeniedError):
            return EngineUnavailable(
                f"{self.endpoint} refused the API key (HTTP {status.status_code}): "
                "check OPENAI_API_KEY"
            )
        if isinstance(status, openai.NotFoundError):
            return EngineUnavailable(
                f"{self.endpoint} answered HTTP 404 for model {self.model!r}: "
                "check --model and --base-url"
            )
        if isinstance(status, openai.BadRequestError) and _about_tools(_message(status)):
            return EngineUnavailable(
                f"{self.endpoint} refused tool calling (HTTP 400: "
                f"{self._clean(_message(status))}); try --mode json"
            )
        if isinstance(status, openai.APIStatusError):
            return CallFailed(
                f"{self.endpoint} answered HTTP {status.status_code}: "
                f"{self._clean(_message(status))}"
            )
        if find_cause(exc, (openai.APITimeoutError,)) is not None:
            return CallFailed(
                f"{self.endpoint} did not answer within {self.settings.timeout:g} s (--timeout)"
            )
        connection = find_cause(exc, (openai.APIConnectionError,))
        if connection is not None:
            return EngineUnavailable(
                f"cannot reach {self.endpoint}: {self._clean(_root_message(connection))}"
            )
        from instructor.core.exceptions import InstructorRetryException

        if isinstance(exc, InstructorRetryException):
            return CallFailed(
                "the model's answer did not fit the expected shape after "
                f"{REASKS + 1} attempts: {self._clean(_first_line(exc))}"
            )
        return exc

    def _clean(self, text: str) -> str:
        """Server messages can echo the key or part of it; keep neither."""
        return self.redact(text)


def _about_tools(message: str) -> bool:
    lowered = message.lower()
    return "tool" in lowered and any(
        w in lowered for w in ("not support", "unsupported", "does not support", "tool_choice")
    )


def _message(error) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return _first_line(inner["message"])
    return _first_line(getattr(error, "message", "") or str(error))


def _root_message(exc: BaseException) -> str:
    """The connection error's own words plus its deepest cause, which names the real reason."""
    root = exc
    while root.__cause__ is not None or root.__context__ is not None:
        root = root.__cause__ or root.__context__
    own = _first_line(str(exc))
    if root is exc:
        return own
    return f"{own} ({type(root).__name__}: {_first_line(str(root))})"


def _first_line(value: object) -> str:
    text = str(value).strip()
    return (text.splitlines() or [""])[0][:300]


def _api_key(settings: Settings) -> str:
    if not settings.model:
        raise ConfigError("the llm engine needs a model: pass --model NAME or set FACTCHECK_MODEL")
    if settings.api_key:
        return settings.api_key
    if not settings.base_url:
        raise ConfigError(
            "no API key: set OPENAI_API_KEY, or point --base-url (OPENAI_BASE_URL) "
            "at a local OpenAI-compatible server"
        )
    return "unused"  # local servers (Ollama, vLLM, llama.cpp) ignore the key


def _redact_logs(redact: Redactor) -> None:
    """Every log record of the SDK and the HTTP client (which name the URL) redacted."""
    names = [n for n in list(logging.root.manager.loggerDict) if n.split(".")[0] in LOGGERS]
    for name in {*LOGGERS, *names}:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, RedactingFilter)]:
            logger.removeFilter(old)
        logger.addFilter(RedactingFilter(redact))
