"""Settings: one value object built by the CLI (flags > environment > defaults) and passed
down; the library never reads the environment on its own.

Environment: ``FACTCHECK_ENGINE``, ``FACTCHECK_MODEL``, ``FACTCHECK_MAX_BYTES``,
``FACTCHECK_CACHE_DIR``, ``FACTCHECK_LLM_MODE``, ``FACTCHECK_CONCURRENCY``, ``FACTCHECK_WORKERS``,
``FACTCHECK_PRICE``
(input,output USD per million tokens), ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace

from .errors import ConfigError

LLM_MODES = ("tools", "json", "md_json")
DEFAULT_MAX_BYTES = 5_000_000  # per input file


@dataclass(frozen=True)
class Settings:
    """How a run is configured. ``api_key`` is never shown in ``repr``."""

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
    max_output_tokens: int = 4096
    context_tokens: int = 16000
    price: tuple[float, float] | None = None
    workers: int = 0  # processes for `factcheck batch` (local engine); 0: one per core (<=4)
    rpm: int | None = None  # requests per minute across a batch's llm calls; None: no cap
    batch_api: bool = False  # extraction and judging through the OpenAI Batch API
    prompts_dir: str | None = None  # a copy of prompts/ to use instead (for tuning prompts)

    @property
    def processes(self) -> int:
        import os

        return self.workers if self.workers > 0 else min(4, os.cpu_count() or 1)

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: object) -> Settings:
        """Defaults, then the environment, then the given overrides (None skipped)."""
        env = {
            "engine": environ.get("FACTCHECK_ENGINE"),
            "model": environ.get("FACTCHECK_MODEL"),
            "max_bytes": environ.get("FACTCHECK_MAX_BYTES"),
            "cache_dir": environ.get("FACTCHECK_CACHE_DIR"),
            "mode": environ.get("FACTCHECK_LLM_MODE"),
            "concurrency": environ.get("FACTCHECK_CONCURRENCY"),
            "workers": environ.get("FACTCHECK_WORKERS"),
            "rpm": environ.get("FACTCHECK_RPM"),
            "prompts_dir": environ.get("FACTCHECK_PROMPTS_DIR"),
            "price": environ.get("FACTCHECK_PRICE"),
            "base_url": environ.get("OPENAI_BASE_URL"),
            "api_key": environ.get("OPENAI_API_KEY"),
        }
        settings = cls()
        known = {f.name for f in fields(cls)}
        for source in (env, overrides):
            values = {k: v for k, v in source.items() if v not in (None, "") and k in known}
            settings = replace(settings, **_coerce(values))
        settings._validate()
        return settings

    def _validate(self) -> None:
        if self.mode not in LLM_MODES:
            raise ConfigError(f"unknown llm mode {self.mode!r}: choose {', '.join(LLM_MODES)}")
        if self.concurrency < 1:
            raise ConfigError("concurrency must be at least 1")
        if self.rpm is not None and self.rpm < 1:
            raise ConfigError("--rpm must be a positive number of requests per minute")
        if self.workers < 0:
            raise ConfigError("workers must be 0 (one per core) or more")
        if self.max_bytes < 1:
            raise ConfigError("--max-bytes must be a positive number of bytes")


def _coerce(values: dict[str, object]) -> dict[str, object]:
    out = dict(values)
    for name in ("max_bytes", "concurrency", "workers", "rpm"):
        if name in out:
            out[name] = _number(name, out[name], int)
    if isinstance(out.get("price"), str):
        out["price"] = parse_price(out["price"])
    return out


def _number(name: str, value: object, kind: type):
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, got {value!r}") from None


def parse_price(text: str) -> tuple[float, float]:
    """'0.15,0.60' → (0.15, 0.60): USD per million input and output tokens."""
    parts = [p.strip() for p in text.split(",")]
    try:
        low, high = (float(p) for p in parts)
    except ValueError:
        raise ConfigError(
            f"price must be INPUT,OUTPUT in USD per million tokens, e.g. 0.15,0.60; got {text!r}"
        ) from None
    if low < 0 or high < 0:
        raise ConfigError("prices cannot be negative")
    return low, high
