"""Command line: parse options, call the library, turn its errors into one line and an exit code.

Exit codes (all commands): 0 ok · 1 findings matched --fail-on · 2 bad usage or input ·
3 partial (some input could not be checked) · 4 engine or config error · 130 interrupted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from .errors import FactcheckError
from .output import write_atomic


class _OneLineErrors(TyperGroup):
    """Usage errors as one line, like every other error (click draws a multi-line panel)."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        click = _click_exceptions()
        NoArgsIsHelpError = click.NoArgsIsHelpError  # noqa: N806

        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except NoArgsIsHelpError as exc:
            if not standalone_mode:
                raise
            typer.echo(exc.ctx.get_help() if exc.ctx else "factcheck --help")
            sys.exit(0)
        except click.UsageError as exc:
            if not standalone_mode:
                raise
            where = exc.ctx.command_path if exc.ctx else "factcheck"
            message = " ".join(exc.format_message().split())
            typer.echo(f"factcheck: error: {message} (see {where} --help)", err=True)
            sys.exit(2)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("factcheck: interrupted", err=True)
            sys.exit(130)
        if standalone_mode:
            sys.exit(code or 0)
        return code


def _click_exceptions():
    """Recent typer vendors click as ``typer._click``; older ones use click itself."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - depends on the installed typer
        from click import exceptions
    return exceptions


app = typer.Typer(
    cls=_OneLineErrors,
    help="Compare several articles on one story: claims with verbatim evidence, "
    "contradictions, unsupported additions and a cited brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


class FailOn(StrEnum):
    contradiction = "contradiction"
    unsupported = "unsupported"
    any = "any"


Paths = Annotated[
    list[str],
    typer.Argument(help="Files (.txt .md .html .json .jsonl), directories, globs, or - for stdin."),
]
EngineOpt = Annotated[
    str | None,
    typer.Option("--engine", help="auto (llm only when a model is named), local or llm."),
]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name for the llm engine.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
]
MaxBytesOpt = Annotated[
    int | None, typer.Option("--max-bytes", help="Largest input file accepted, in bytes.")
]
FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="text, json, md or html (one self-contained page)."),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")]
_LLM = "LLM engine"
BaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 [env OPENAI_BASE_URL].",
        rich_help_panel=_LLM,
    ),
]
ModeOpt = Annotated[
    str | None,
    typer.Option(
        "--mode",
        help="How answers are structured: tools (default), json (servers without tool "
        "calling) or md_json [env FACTCHECK_LLM_MODE].",
        rich_help_panel=_LLM,
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the cache.", rich_help_panel=_LLM)
]
CacheDirOpt = Annotated[
    str | None,
    typer.Option(
        "--cache-dir",
        help="Cache folder [env FACTCHECK_CACHE_DIR; default: the user cache dir].",
        rich_help_panel=_LLM,
    ),
]
ConcurrencyOpt = Annotated[
    int | None,
    typer.Option(
        "--concurrency", help="Calls in flight at once (default 4).", rich_help_panel=_LLM
    ),
]
BatchApiOpt = Annotated[
    bool,
    typer.Option(
        "--batch-api",
        help="Send extraction and judging through the OpenAI Batch API (cheaper, slower).",
        rich_help_panel=_LLM,
    ),
]
PromptsDirOpt = Annotated[
    str | None,
    typer.Option(
        "--prompts-dir",
        help="Use the templates in this folder (a copy of prompts/) [env FACTCHECK_PROMPTS_DIR].",
        rich_help_panel=_LLM,
    ),
]
PriceOpt = Annotated[
    str | None,
    typer.Option(
        "--price",
        help="INPUT,OUTPUT USD per million tokens, for models not in the price table "
        "[env FACTCHECK_PRICE].",
        rich_help_panel=_LLM,
    ),
]


_LLM_KEYS = ("base_url", "mode", "no_cache", "cache_dir", "concurrency", "price", "batch_api",
             "prompts_dir", "workers", "rpm")  # fmt: skip


def _llm_options(values: dict) -> dict:
    """The llm engine's and batch's options among a command's parameters."""
    return {key: values[key] for key in _LLM_KEYS if key in values}


def _settings(engine, model, max_bytes, llm: dict | None = None):
    from .settings import Settings

    options = dict(llm or {})
    if options.pop("no_cache", False):
        options["cache"] = False
    return Settings.from_env(os.environ, engine=engine, model=model, max_bytes=max_bytes, **options)


@app.command()
def brief(
    paths: Paths,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    top: Annotated[int, typer.Option("--top", help="How many findings to show.")] = 8,
    max_bytes: MaxBytesOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    concurrency: ConcurrencyOpt = None,
    price: PriceOpt = None,
    batch_api: BatchApiOpt = False,
    prompts_dir: PromptsDirOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a merged brief with citations, and the findings to check first.

    Examples: factcheck brief articles/;
    factcheck brief articles/ --model gpt-4o-mini;
    factcheck brief articles/ --base-url http://localhost:11434/v1 --model qwen2.5
    """
    llm = _llm_options(locals())
    settings = lambda: _settings(engine, model, max_bytes, llm)  # noqa: E731
    _guarded(debug, lambda: _report_command(paths, settings, format, output, top, None))


@app.command()
def check(
    paths: Paths,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when such findings exist (unsupported: additions)."),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many findings to show in text.")] = 20,
    max_bytes: MaxBytesOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    concurrency: ConcurrencyOpt = None,
    price: PriceOpt = None,
    batch_api: BatchApiOpt = False,
    prompts_dir: PromptsDirOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List contradictions, unsupported additions, single-source claims and name variants.

    Examples: factcheck check articles/ --format json -o report.json;
    factcheck check a.txt b.txt --fail-on contradiction
    """
    llm = _llm_options(locals())
    settings = lambda: _settings(engine, model, max_bytes, llm)  # noqa: E731
    _guarded(debug, lambda: _report_command(paths, settings, format, output, top, fail_on))


@app.command()
def extract(
    paths: Paths,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    output: OutputOpt = None,
    max_bytes: MaxBytesOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    concurrency: ConcurrencyOpt = None,
    price: PriceOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Print each article's claims, with evidence offsets, as JSON.

    Example: factcheck extract article.txt -o claims.json
    """
    llm = _llm_options(locals())

    def work() -> int:
        from .pipeline import run_extract
        from .report.json import render_json

        settings = _settings(engine, model, max_bytes, llm)
        with _progress() as progress:
            report = run_extract(paths, settings, stdin=sys.stdin.buffer, progress=progress)
        _emit(render_json(report), output)
        _usage_line(report)
        return 3 if report.run.partial else 0

    _guarded(debug, work)


class Executor(StrEnum):
    auto = "auto"
    dask = "dask"


@app.command()
def batch(
    clusters: Annotated[
        Path, typer.Argument(help="JSONL: one cluster per line, {id, articles: [...]}.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="JSONL results, one line per cluster.")
    ],
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue OUTPUT: keep finished clusters, run the rest."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Clusters at once (default: one per core, up to 4)."),
    ] = None,
    executor: Annotated[
        Executor,
        typer.Option("--executor", help="auto (processes, or threads for llm) or dask."),
    ] = Executor.auto,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster)."),
    ] = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    max_bytes: MaxBytesOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    concurrency: ConcurrencyOpt = None,
    price: PriceOpt = None,
    batch_api: BatchApiOpt = False,
    rpm: Annotated[
        int | None,
        typer.Option(
            "--rpm", help="Cap llm requests per minute across all clusters.", rich_help_panel=_LLM
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Check many story clusters in parallel; resumable after a crash or Ctrl-C.

    Example: factcheck batch clusters.jsonl -o results.jsonl --workers 4 (then --resume)
    """
    llm = _llm_options(locals())

    def work() -> int:
        from .batch import run_batch

        settings = _settings(engine, model, max_bytes, llm)
        with _batch_progress() as tick:
            summary = run_batch(
                clusters, output, settings, workers=settings.processes, resume=resume,
                executor=executor.value, scheduler=scheduler, progress=tick,
            )  # fmt: skip
        parts = [f"{summary.total} clusters: {summary.ok} ok, {summary.failed} failed"]
        if summary.skipped:
            parts.append(f"{summary.skipped} finished earlier")
        if summary.torn:
            parts.append("a torn last line dropped")
        parts.append(f"{summary.findings} findings")
        if summary.calls:
            parts.append(f"{summary.calls} llm calls")
        parts.append(f"{summary.seconds:.1f} s → {output}")
        typer.echo("factcheck: " + " · ".join(parts), err=True)
        return 3 if summary.failed else 0

    _guarded(debug, work)


@contextlib.contextmanager
def _batch_progress():
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[status]}"), console=Console(stderr=True),
                   transient=True)  # fmt: skip
    task = bar.add_task("clusters", total=None, status="")

    def tick(summary) -> None:
        status = f"{summary.findings} findings · {summary.failed} failed"
        if summary.calls:
            status += f" · {summary.calls} calls · ${summary.cost:.4f}"
        bar.update(task, completed=summary.skipped + summary.ok + summary.failed,
                   total=summary.total, status=status)  # fmt: skip

    with bar:
        yield tick


class Split(StrEnum):
    dev = "dev"
    test = "test"
    all = "all"


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(name="eval")
def eval_command(
    cases: Annotated[
        list[str],
        typer.Argument(help="cases.jsonl files, or folders holding */cases.jsonl."),
    ],
    split: Annotated[Split, typer.Option("--split", help="dev, test or all.")] = Split.all,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="At most N cases per file, spread over groups.")
    ] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="text or json.")] = (
        EvalFormat.text
    ),
    output: OutputOpt = None,
    base_url: BaseUrlOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Measure an engine on labelled cases beside majority-class and lexical-overlap baselines.

    Example: factcheck eval ../shared/benchmarks --split dev --limit 200
    """

    def work() -> int:
        from .evaluation import cluster_runner, evaluate, iter_files, load_cases, local_predictor
        from .report.evaluation import render_eval

        settings = _settings(engine, model, None, {"base_url": base_url})
        name = "llm" if settings.engine == "llm" or (
            settings.engine == "auto" and settings.model) else "local"  # fmt: skip
        predictor = local_predictor()
        if name == "llm":
            from .llm.verify import llm_predictor

            predictor = llm_predictor(settings)
        cluster_settings = settings if name == "llm" else replace_engine(settings, "local")
        results = []
        try:
            for path in iter_files(cases):
                loaded = load_cases(path)
                label = path.parent.name if path.name == "cases.jsonl" else path.stem
                runner = cluster_runner(cluster_settings)
                with _eval_progress(label) as tick:
                    result = evaluate(loaded, split.value, limit, predictor, runner, tick, name)
                result["file"] = str(path)
                results.append(result)
        finally:
            if hasattr(predictor, "close"):
                predictor.close()
        _emit(render_eval(results, format.value), output)
        if hasattr(predictor, "usage"):
            usage = predictor.usage()
            typer.echo(
                f"factcheck: llm {settings.model}: {usage.llm_calls} calls "
                f"({usage.cached_calls} cached) · {usage.input_tokens:,} input + "
                f"{usage.output_tokens:,} output tokens",
                err=True,
            )
        return 0

    _guarded(debug, work)


def replace_engine(settings, engine: str):
    from dataclasses import replace

    return replace(settings, engine=engine)


@contextlib.contextmanager
def _eval_progress(label: str):
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                   console=Console(stderr=True), transient=True)  # fmt: skip
    task = bar.add_task(label, total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema of the report (the findings contract).

    Example: factcheck schema -o schema/report.schema.json
    """
    from .schema import report_schema

    _guarded(False, lambda: _emit(json.dumps(report_schema(), indent=2) + "\n", output) or 0)


def _report_command(paths, settings, fmt, output, top, fail_on) -> int:
    from .pipeline import run
    from .report import render

    with _progress() as progress:
        report = run(paths, settings(), stdin=sys.stdin.buffer, progress=progress)
    color = output is None and sys.stdout.isatty()
    _emit(render(report, fmt.value, top=top, color=color), output)
    if fmt is not Format.text or output is not None:
        _usage_line(report)
    if fail_on is not None and _matches(report, fail_on):
        return 1
    return 3 if report.run.partial else 0


@contextlib.contextmanager
def _progress():
    """A progress reporter for the llm engine's calls, on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=Console(stderr=True), transient=True,
    )  # fmt: skip
    tasks: dict[str, object] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(f"llm {stage}", total=total)
        bar.update(tasks[stage], completed=done)

    with bar:
        yield report


def _usage_line(report) -> None:
    """For the llm engine, calls and cost on stderr when the report itself went elsewhere."""
    from .report.common import usage_line

    line = usage_line(report)
    if line:
        typer.echo(f"factcheck: {line}", err=True)


def _matches(report, fail_on: FailOn) -> bool:
    kinds = {
        FailOn.contradiction: {"contradiction"},
        FailOn.unsupported: {"unsupported_addition"},
        FailOn.any: {"contradiction", "unsupported_addition"},
    }[fail_on]
    return any(f.kind in kinds for f in report.findings)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    write_atomic(output, text)


def _guarded(debug: bool, work) -> None:
    try:
        code = work()
    except FactcheckError as exc:
        if debug:
            raise
        typer.echo(f"factcheck: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        raise typer.Exit(130) from None
    raise typer.Exit(code or 0)


def main() -> None:
    app()
