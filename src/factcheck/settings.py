"""Settings: one value object built by the CLI and passed down; the library never reads the
environment on its own.

The command line reads each option's environment variable (``FACTCHECK_MODEL``,
``OPENAI_BASE_URL``, …; ``factcheck --help`` names them) and the config file through typer,
and passes the values here; only the API key (``OPENAI_API_KEY``) is read by ``from_env``.
A user name and password in the base URL are never shown (``repr`` drops them too).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from .errors import UsageError

ENGINES = ("auto", "local", "llm")
LLM_MODES = ("tools", "json", "md_json")
DEFAULT_MAX_BYTES = 5_000_000  # per input file
MAX_BYTES_LIMIT = 10**15  # what a size limit can sensibly be (a read is one call)
MAX_WORKERS = 1024
MAX_CONCURRENCY = 1024
DEFAULT_TOKEN_BUDGET = 10_000_000  # input and output tokens one run may spend
MAX_SECONDS = 10**7  # what --timeout and --deadline can sensibly be (about 115 days)


@dataclass(frozen=True)
class Settings:
    """How a run is configured. ``api_key`` is never shown in ``repr``, nor credentials in
    ``base_url``. ``timeout`` bounds one model call, retries included; ``deadline`` the whole
    run; ``token_budget`` the tokens a run's model calls may spend."""

    engine: str = "auto"
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str = "tools"
    cache: bool = True
    cache_dir: str | None = None
    concurrency: int = 4
    timeout: float = 120.0
    deadline: float | None = None
    token_budget: int = DEFAULT_TOKEN_BUDGET
    max_output_tokens: int = 4096
    context_tokens: int = 16000
    price: tuple[float, float] | None = None
    workers: int = 0  # processes for `factcheck batch` (local engine); 0: one per core (<=4)
    rpm: int | None = None  # requests per minute across a batch's llm calls; None: no cap
    batch_api: bool = False  # extraction and judging through the OpenAI Batch API
    prompts_dir: str | None = None  # a copy of prompts/ to use instead (for tuning prompts)

    def __repr__(self) -> str:
        from .redaction import public_url

        shown = {f.name: getattr(self, f.name) for f in fields(self) if f.repr}
        if self.base_url:
            shown["base_url"] = public_url(self.base_url)
        return f"Settings({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    @property
    def processes(self) -> int:
        import os

        return self.workers if self.workers > 0 else min(4, os.cpu_count() or 1)

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: object) -> Settings:
        """The given values (None skipped) and the API key from ``environ``
        (``OPENAI_API_KEY``); every other setting comes from its option."""
        values = {"api_key": environ.get("OPENAI_API_KEY")} | overrides
        known = {f.name for f in fields(cls)}
        return cls(
            **_coerce({k: v for k, v in values.items() if v not in (None, "") and k in known})
        )

    def __post_init__(self) -> None:
        self._validate()

    def _validate(self) -> None:
        """Every value in range, or a ``UsageError`` (exit 2) naming the option."""
        if self.engine not in ENGINES:
            raise UsageError(f"unknown engine {self.engine!r}: choose {', '.join(ENGINES)}")
        if self.mode not in LLM_MODES:
            raise UsageError(f"unknown llm mode {self.mode!r}: choose {', '.join(LLM_MODES)}")
        _within("--max-bytes", self.max_bytes, 1, MAX_BYTES_LIMIT, "bytes")
        _within("--concurrency", self.concurrency, 1, MAX_CONCURRENCY, "calls")
        _within("--workers", self.workers, 0, MAX_WORKERS, "workers (0: one per core)")
        if self.rpm is not None:
            _within("--rpm", self.rpm, 1, 10**6, "requests per minute")
        _within("max output tokens", self.max_output_tokens, 1, 10**7, "tokens")
        _within("context tokens", self.context_tokens, 1, 10**8, "tokens")
        _seconds("--timeout", self.timeout)
        if self.deadline is not None:
            _seconds("--deadline", self.deadline)
        _within("--token-budget", self.token_budget, 1, 10**12, "tokens")
        if self.price is not None:
            check_price(self.price)


def _within(option: str, value: object, low: int, high: int, unit: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{option} must be a whole number of {unit}, got {value!r}")
    if not low <= value <= high:
        got = f"{value:,}" if abs(value) < 10**21 else f"a number of {len(str(abs(value)))} digits"
        raise UsageError(f"{option} must be between {low:,} and {high:,} {unit}, got {got}")


def _seconds(option: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UsageError(f"{option} must be a number of seconds, got {value!r}")
    if not 0 < value <= MAX_SECONDS:  # nan and inf fail this too
        raise UsageError(f"{option} must be more than 0 and at most {MAX_SECONDS:,} seconds, "
                         f"got {value:g}")  # fmt: skip


def _coerce(values: dict[str, object]) -> dict[str, object]:
    out = dict(values)
    for name in ("max_bytes", "concurrency", "workers", "rpm", "token_budget"):
        if name in out:
            out[name] = _number(name, out[name], int)
    for name in ("timeout", "deadline"):
        if isinstance(out.get(name), str):
            out[name] = _number(name, out[name], float)
    if isinstance(out.get("price"), str):
        out["price"] = parse_price(out["price"])
    return out


def _number(name: str, value: object, kind: type):
    try:
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
        raise UsageError(f"{name.replace('_', '-')} must be a number, got {shown!r}") from None


def parse_price(text: str) -> tuple[float, float]:
    """'0.15,0.60' → (0.15, 0.60): USD per million input and output tokens."""
    parts = [p.strip() for p in text.split(",")]
    try:
        low, high = (float(p) for p in parts)
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise UsageError(
            f"--price must be INPUT,OUTPUT in USD per million tokens, e.g. 0.15,0.60; got {shown!r}"
        ) from None
    return check_price((low, high))


def check_price(price: tuple[float, float]) -> tuple[float, float]:
    """Both prices finite and not negative (``inf`` and ``nan`` are refused)."""
    if len(price) != 2 or not all(isinstance(p, int | float) for p in price):
        raise UsageError("--price must be two numbers: INPUT,OUTPUT")
    if not all(math.isfinite(p) for p in price):
        raise UsageError("--price must be finite numbers (not inf or nan)")
    if any(p < 0 for p in price):
        raise UsageError("--price cannot be negative")
    return price
