"""Calls to an OpenAI-compatible endpoint: instructor for structured answers, tenacity for
retries, a disk cache in front, and usage counted per stage.

One retry owner: the SDK's own retries are off (``max_retries=0``); tenacity retries rate limits
(honouring Retry-After), server errors, timeouts and dropped connections with exponential
backoff and jitter. instructor's ``max_retries`` covers only re-asks after an answer that does
not validate. instructor 1.17 wraps SDK errors, so the retry test walks ``__cause__``.

Errors that concern the whole run (the key is refused, the endpoint cannot be reached, the
model does not exist) raise ``EngineUnavailable``; errors that concern one call (a server error
that outlasts the retries, an answer cut off or unusable) raise ``CallFailed``, which the
engine records as a problem for that article or group while the rest of the run goes on.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from ...errors import ConfigError, EngineUnavailable
from ...models import Usage
from ...settings import Settings
from .cache import Cache, cache_key, default_dir
from .prices import cost, price_of
from .prompts import Rendered

T = TypeVar("T", bound=BaseModel)

ATTEMPTS = 4  # transport attempts per call
REASKS = 1  # re-asks after an answer that does not validate
MAX_RETRY_AFTER = 60.0
DEFAULT_ENDPOINT = "https://api.openai.com/v1"
_KEYLIKE = re.compile(r"\b(sk|key|token)-[A-Za-z0-9_\-*]{6,}", re.IGNORECASE)

logging.getLogger("instructor").setLevel(logging.CRITICAL)  # it logs every retry at ERROR


class CallFailed(Exception):
    """One call could not be answered; the message is one line for the report."""


class Truncated(CallFailed):
    """The answer was cut off at the output token limit (finish_reason=length)."""


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


class wait_retry_after(wait_exponential_jitter):
    """Wait what the server's Retry-After asks (capped), else exponential backoff with jitter."""

    def __call__(self, retry_state) -> float:
        error = transient_cause(retry_state.outcome.exception())
        response = getattr(error, "response", None)
        try:
            return min(float(response.headers.get("retry-after")), MAX_RETRY_AFTER)
        except (AttributeError, TypeError, ValueError):
            return super().__call__(retry_state)


WAIT = wait_retry_after(initial=1, max=30)


@dataclass
class StageUsage:
    """Counts for one stage, or (while a call runs) for that call alone."""

    calls: int = 0
    cached: int = 0
    reasks: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def add(self, other: StageUsage) -> None:
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


# the call in progress in this task, filled by instructor's hooks
_CURRENT: contextvars.ContextVar[StageUsage | None] = contextvars.ContextVar(
    "factcheck_llm_call", default=None
)


@dataclass
class Meter:
    """Calls, cache hits, re-asks and tokens, per stage."""

    stages: dict[str, StageUsage] = field(default_factory=dict)

    def stage(self, name: str) -> StageUsage:
        return self.stages.setdefault(name, StageUsage())

    def usage(self, price: tuple[float, float] | None) -> Usage:
        total = StageUsage()
        for stage in self.stages.values():
            total.add(stage)
        return Usage(
            llm_calls=total.calls,
            cached_calls=total.cached,
            reasks=total.reasks,
            input_tokens=total.input_tokens,
            output_tokens=total.output_tokens,
            cost_usd=cost(price, total.input_tokens, total.output_tokens),
            by_stage={name: s.as_dict() for name, s in self.stages.items()},
        )


class LLMClient:
    """Structured calls to one endpoint and model, with retries, cache and usage."""

    def __init__(self, settings: Settings, *, http_client: Any = None, rate_limiter: Any = None):
        if not settings.model:
            raise ConfigError(
                "the llm engine needs a model: pass --model NAME or set FACTCHECK_MODEL"
            )
        key = settings.api_key
        if not key:
            if not settings.base_url:
                raise ConfigError(
                    "no API key: set OPENAI_API_KEY, or point --base-url (OPENAI_BASE_URL) "
                    "at a local OpenAI-compatible server"
                )
            key = "unused"  # local servers (Ollama, vLLM, llama.cpp) ignore the key
        import instructor
        import openai

        self.settings = settings
        self.model = settings.model
        self.endpoint = (settings.base_url or DEFAULT_ENDPOINT).rstrip("/")
        self._secret = key
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
        self._client.on("completion:kwargs", _on_request)
        self._client.on("completion:response", _on_response)
        self._client.on("parse:error", _on_parse_error)
        self.cache = None
        if settings.cache:
            self.cache = Cache(settings.cache_dir or default_dir())
        self.meter = Meter()
        self.prefetched: dict[str, dict] = {}
        self.price = price_of(settings.model, settings.price, settings.base_url)
        self._limiter = rate_limiter  # shared by the threads of a batch: .wait() blocks

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
        if key in self.prefetched:  # answered by a Batch API job of this run, already counted
            try:
                return answer.model_validate(self.prefetched.pop(key))
            except ValueError:
                pass  # not a valid answer after all: ask directly
        if self.cache is not None:
            entry = self.cache.get(key)
            if entry is not None:
                try:
                    result = answer.model_validate(entry["answer"])
                except ValueError:
                    result = None  # the schema moved on; ask again
                if result is not None:
                    usage.cached += 1
                    return result
        record = StageUsage()
        token = _CURRENT.set(record)
        try:
            result = await self._ask_with_retries(rendered, answer)
        except Exception as exc:
            raise self.translate(exc) from exc
        finally:
            _CURRENT.reset(token)
            if reask and record.calls:
                record.reasks += 1
            usage.add(record)
        if self.cache is not None:
            self.cache.put(key, result.model_dump(mode="json"))
        return result

    async def _ask_with_retries(self, rendered: Rendered, answer: type[T]) -> T:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(ATTEMPTS),
            wait=WAIT,
            retry=retry_if_exception(lambda e: transient_cause(e) is not None),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
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
            return CallFailed(f"{self.endpoint} did not answer within {self.settings.timeout:g} s")
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
        return _KEYLIKE.sub("[redacted]", text.replace(self._secret, "[redacted]"))


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


def _on_request(*_args: Any, **_kwargs: Any) -> None:
    record = _CURRENT.get()
    if record is not None:
        record.calls += 1


def _on_response(response: Any) -> None:
    record = _CURRENT.get()
    usage = getattr(response, "usage", None)
    if record is not None and usage is not None:
        record.input_tokens += getattr(usage, "prompt_tokens", 0) or 0
        record.output_tokens += getattr(usage, "completion_tokens", 0) or 0


def _on_parse_error(*_args: Any, **_kwargs: Any) -> None:
    record = _CURRENT.get()
    if record is not None:
        record.reasks += 1
