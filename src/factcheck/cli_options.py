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

from .settings import Settings

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


def opt(flags: str, help: str, llm: bool = False):
    """An option from its space-separated flags and help; ``llm``: shown in the llm panel."""
    return typer.Option(*flags.split(), help=help, rich_help_panel=LLM_PANEL if llm else None)


Paths = Annotated[
    list[str],
    typer.Argument(help="Files (.txt .md .html .json .jsonl), directories, globs, or - for stdin."),
]
Output = Annotated[Path | None, opt("--output -o", "Write here (atomically) instead of stdout.")]
FormatOpt = Annotated[
    Format, opt("--format -f", "text, json, md or html (one self-contained page).")
]
Top = Annotated[int, opt("--top", "How many findings to show.")]
FailOnOpt = Annotated[
    FailOn | None, opt("--fail-on", "Exit 1 when such findings exist (unsupported: additions).")
]
Clusters = Annotated[
    Path, typer.Argument(help="JSONL: one cluster per line, {id, articles: [...]}.")
]
Results = Annotated[Path, opt("--output -o", "JSONL results, one line per cluster.")]
Resume = Annotated[bool, opt("--resume", "Continue OUTPUT: keep finished clusters, run the rest.")]
Workers = Annotated[
    int | None, opt("--workers", "Clusters at once (default: one per core, up to 4).")
]
ExecutorOpt = Annotated[
    Executor, opt("--executor", "auto (processes, or threads for llm) or dask.")
]
Scheduler = Annotated[
    str | None, opt("--scheduler", "Dask scheduler address (default: a local cluster).")
]
Rpm = Annotated[int | None, opt("--rpm", "Cap llm requests per minute across all clusters.", True)]
Cases = Annotated[
    list[str], typer.Argument(help="cases.jsonl files, or folders holding */cases.jsonl.")
]
SplitOpt = Annotated[Split, opt("--split", "dev, test or all.")]
Limit = Annotated[int | None, opt("--limit", "At most N cases per file, spread over groups.")]
EvalFormatOpt = Annotated[EvalFormat, opt("--format -f", "text or json.")]


def shared(
    engine: Annotated[
        str | None, opt("--engine", "auto (llm only when a model is named), local or llm.")
    ] = None,
    model: Annotated[str | None, opt("--model", "Model name for the llm engine.")] = None,
    max_bytes: Annotated[
        int | None, opt("--max-bytes", "Largest input file accepted, in bytes.")
    ] = None,
    base_url: Annotated[str | None, opt("--base-url", "OpenAI-compatible endpoint, e.g. "
        "http://localhost:11434/v1 (env OPENAI_BASE_URL).", True)] = None,
    mode: Annotated[str | None, opt("--mode", "How answers are structured: tools (default), json "
        "(servers without tool calling) or md_json (env FACTCHECK_LLM_MODE).", True)] = None,
    no_cache: Annotated[bool, opt("--no-cache", "Neither read nor write the cache.", True)] = False,
    cache_dir: Annotated[str | None, opt("--cache-dir", "Cache folder (env FACTCHECK_CACHE_DIR; "
        "default: the user cache dir).", True)] = None,
    concurrency: Annotated[
        int | None, opt("--concurrency", "Calls in flight at once (default 4).", True)
    ] = None,
    timeout: Annotated[float | None, opt("--timeout", "Seconds to wait for one model answer "
        "(default 120).", True)] = None,
    max_output_tokens: Annotated[int | None, opt("--max-output-tokens", "Longest answer one call "
        "may return, in tokens (default 4096).", True)] = None,
    price: Annotated[str | None, opt("--price", "INPUT,OUTPUT USD per million tokens, for "
        "models not in the price table (env FACTCHECK_PRICE).", True)] = None,
    batch_api: Annotated[bool, opt("--batch-api", "Send extraction and judging through the "
        "OpenAI Batch API (cheaper, slower).", True)] = False,
    prompts_dir: Annotated[str | None, opt("--prompts-dir", "Use the templates in this folder, "
        "a copy of prompts/ (env FACTCHECK_PROMPTS_DIR).", True)] = None,
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
    """Settings from the options given, the environment and the defaults."""
    options = dict(options)
    if options.pop("no_cache", False):
        options["cache"] = False
    return Settings.from_env(os.environ, **options)
