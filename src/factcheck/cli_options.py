"""The command line's options, declared once.

``shared`` lists the options every checking command takes (engine, model, input limit, the llm
engine's settings, ``--debug``); ``with_shared`` adds them to a command's own options and hands
the command one ``Settings`` built from them (flags > environment > defaults). Any option named
after a ``Settings`` field (``--workers``, ``--rpm`` too) goes into the settings.
"""

from __future__ import annotations

import inspect
import os
import typing
from collections.abc import Callable
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .settings import LLM_MODES, Settings

LLM_PANEL = "LLM engine"


class Format(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


class FailOn(StrEnum):
    contradiction = "contradiction"
    unsupported = "unsupported"
    any = "any"


class Executor(StrEnum):
    auto = "auto"
    dask = "dask"


class Split(StrEnum):
    dev = "dev"
    test = "test"
    all = "all"


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


class Engine(StrEnum):
    auto = "auto"
    local = "local"
    llm = "llm"


Mode = StrEnum("Mode", {mode: mode for mode in LLM_MODES})
DEFAULTS = Settings()


def opt(flags: str, help: str, value: str = "", *, env: str | None = None, default=None,
        llm: bool = False, **extra):  # fmt: skip
    """An option from its space-separated flags and help. ``value`` names its value in help
    (none for a flag), ``env`` is the environment variable it falls back to, ``default`` the
    default to show when the library decides it (the declared default is then None);
    ``llm``: shown in the llm engine's panel."""
    return typer.Option(
        *flags.split(), help=help, metavar=value or None, envvar=env, show_envvar=env is not None,
        show_default=True if default is None else str(default),
        rich_help_panel=LLM_PANEL if llm else None, **extra,
    )  # fmt: skip


def choices(kind: type[StrEnum]) -> str:
    """The value name of an enumerated option: ``[text|json|md|html]``."""
    return "[" + "|".join(member.value for member in kind) + "]"


Paths = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt .md .html .json .jsonl), directories, globs, web addresses "
        "(http, https; a page or an RSS/Atom feed), or - for stdin.",
        metavar="PATHS",
    ),
]
Output = Annotated[
    Path | None, opt("--output -o", "Write here (atomically) instead of stdout.", "FILE")
]
FormatOpt = Annotated[
    Format, opt("--format -f", "Report format; html is one self-contained page.", choices(Format))
]
Top = Annotated[int, opt("--top", "How many findings to show.", "N", min=0)]
FailOnOpt = Annotated[
    FailOn | None,
    opt("--fail-on", "Exit 1 when such findings exist (unsupported: additions).", choices(FailOn)),
]
Clusters = Annotated[
    Path, typer.Argument(help="JSONL: one cluster per line, {id, articles: [...]}.",
                         metavar="CLUSTERS")
]  # fmt: skip
Results = Annotated[Path, opt("--output -o", "JSONL results, one line per cluster.", "FILE")]
Resume = Annotated[bool, opt("--resume", "Continue OUTPUT: keep finished clusters, run the rest.")]
ConfinePaths = Annotated[
    bool,
    opt("--confine-paths", 'For a clusters file from someone else: {"path": …} articles may '
        "only name files inside the clusters file's folder."),
]  # fmt: skip
Workers = Annotated[
    int | None,
    opt("--workers", "Clusters at once.", "N", env="FACTCHECK_WORKERS",
        default="one per core, up to 4"),
]  # fmt: skip
ExecutorOpt = Annotated[
    Executor, opt("--executor", "auto: processes, or threads for llm.", choices(Executor))
]
Scheduler = Annotated[
    str | None,
    opt("--scheduler", "Dask scheduler address.", "ADDRESS", default="a local cluster"),
]
Rpm = Annotated[
    int | None,
    opt("--rpm", "Cap llm requests per minute across all clusters.", "N", env="FACTCHECK_RPM",
        default="no cap", llm=True),
]  # fmt: skip
Cases = Annotated[
    list[str],
    typer.Argument(help="cases.jsonl files, or folders holding */cases.jsonl.", metavar="CASES"),
]
SplitOpt = Annotated[Split, opt("--split", "Which labelled split to run.", choices(Split))]
Limit = Annotated[
    int | None,
    opt("--limit", "At most N cases per file, spread over groups.", "N", default="all"),
]
EvalFormatOpt = Annotated[EvalFormat, opt("--format -f", "Output format.", choices(EvalFormat))]


def shared(
    engine: Annotated[Engine | None, opt("--engine", "auto: llm only when a model is named.",
        choices(Engine), env="FACTCHECK_ENGINE", default=DEFAULTS.engine)] = None,
    model: Annotated[str | None, opt("--model", "Model name for the llm engine.", "NAME",
        env="FACTCHECK_MODEL")] = None,
    max_bytes: Annotated[int | None, opt("--max-bytes", "Largest input accepted (a file or a "
        "fetched page), in bytes.", "BYTES", env="FACTCHECK_MAX_BYTES",
        default=DEFAULTS.max_bytes)] = None,
    base_url: Annotated[str | None, opt("--base-url", "OpenAI-compatible endpoint, e.g. "
        "http://localhost:11434/v1.", "URL", env="OPENAI_BASE_URL", llm=True)] = None,
    mode: Annotated[Mode | None, opt("--mode", "How answers are structured: json for servers "
        "without tool calling.", choices(Mode), env="FACTCHECK_LLM_MODE", default=DEFAULTS.mode,
        llm=True)] = None,
    no_cache: Annotated[bool, opt("--no-cache", "Neither read nor write the cache.",
        llm=True)] = False,
    cache_dir: Annotated[str | None, opt("--cache-dir", "Cache folder.", "DIR",
        env="FACTCHECK_CACHE_DIR", default="the user cache dir", llm=True)] = None,
    concurrency: Annotated[int | None, opt("--concurrency", "Calls in flight at once.", "N",
        env="FACTCHECK_CONCURRENCY", default=DEFAULTS.concurrency, llm=True)] = None,
    timeout: Annotated[float | None, opt("--timeout", "Seconds one call may take, retries "
        "included.", "SECONDS", default=f"{DEFAULTS.timeout:g}", llm=True)] = None,
    deadline: Annotated[float | None, opt("--deadline", "Seconds the whole run may take; what "
        "is not done by then is listed as a problem (exit 3).", "SECONDS",
        env="FACTCHECK_DEADLINE", default="none")] = None,
    token_budget: Annotated[int | None, opt("--token-budget", "Tokens the run's calls may spend, "
        "input and output; then no more calls.", "N", env="FACTCHECK_TOKEN_BUDGET",
        default=f"{DEFAULTS.token_budget:,}", llm=True)] = None,
    max_output_tokens: Annotated[int | None, opt("--max-output-tokens", "Longest answer one "
        "call may return, in tokens.", "N", default=DEFAULTS.max_output_tokens, llm=True)] = None,
    price: Annotated[str | None, opt("--price", "USD per million input and output tokens, for "
        "models genai-prices does not list.", "IN,OUT", env="FACTCHECK_PRICE", llm=True)] = None,
    batch_api: Annotated[bool, opt("--batch-api", "Send extraction and judging through the "
        "OpenAI Batch API (cheaper, slower).", llm=True)] = False,
    prompts_dir: Annotated[str | None, opt("--prompts-dir", "Use the templates in this folder, "
        "a copy of prompts/.", "DIR", env="FACTCHECK_PROMPTS_DIR", llm=True)] = None,
    debug: Annotated[bool, opt("--debug", "Show a traceback on errors.")] = False,
) -> None:  # fmt: skip
    """The options every checking command takes (declared here only)."""


SETTINGS_FIELDS = {f.name for f in fields(Settings)} | {"no_cache"}
Guard = Callable[[bool, Callable[[], int]], None]


def with_shared(func: Callable[..., int], guard: Guard) -> Callable[..., None]:
    """``func(settings, **own options)`` as a command with the shared options added; ``guard``
    runs it (turning library errors into a message and an exit code)."""

    def run(**values) -> None:
        debug = values.pop("debug")
        options = {k: values.pop(k) for k in list(values) if k in SETTINGS_FIELDS}
        guard(debug, lambda: func(settings(options), **values))

    own = [p for p in _parameters(func) if p.name != "settings"]
    run.__signature__ = inspect.Signature(own + _parameters(shared))
    run.__doc__, run.__name__ = func.__doc__, func.__name__
    return run


def _parameters(func: Callable) -> list[inspect.Parameter]:
    """A function's parameters with their annotations resolved (typer reads them)."""
    hints = typing.get_type_hints(func, include_extras=True)
    return [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in inspect.signature(func).parameters.values()
    ]


def settings(options: dict) -> Settings:
    """Settings from the options (typer has read each one's environment variable and the
    config file's default), the API key from the environment, and the library's defaults."""
    options = {k: v.value if isinstance(v, StrEnum) else v for k, v in options.items()}
    if options.pop("no_cache", False):
        options["cache"] = False
    return Settings.from_env(os.environ, **options)
