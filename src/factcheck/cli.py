"""Command line: parse options, call the library, print; library errors become one line and
an exit code.

Exit codes (all commands): 0 ok · 1 findings matched --fail-on · 2 bad usage or input ·
3 partial (some input could not be checked) · 4 engine or config error · 130 interrupted.
Options are declared in ``cli_options`` (the shared ones once); progress bars come from
``progress``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, progress
from .cli_config import use_config_file
from .cli_help import Command, Group
from .cli_options import (
    Cases,
    Clusters,
    EvalFormat,
    EvalFormatOpt,
    Executor,
    ExecutorOpt,
    FailOn,
    FailOnOpt,
    Format,
    FormatOpt,
    Limit,
    Output,
    Paths,
    Results,
    Resume,
    Rpm,
    Scheduler,
    Split,
    SplitOpt,
    Top,
    Workers,
    with_shared,
)
from .errors import FactcheckError
from .output import write_atomic

FAIL_KINDS = {
    FailOn.contradiction: {"contradiction"},
    FailOn.unsupported: {"unsupported_addition"},
    FailOn.any: {"contradiction", "unsupported_addition"},
}


app = typer.Typer(
    cls=Group,
    help="Compare several articles on one story: claims with verbatim evidence, "
    "contradictions, unsupported additions and a cited brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version and exit.", callback=_version,
                     is_eager=True),
    ] = False,
) -> None:  # fmt: skip
    """Compare several articles on one story: claims with verbatim evidence, contradictions,
    unsupported additions and a cited brief."""
    try:
        use_config_file(ctx, Path.cwd())
    except FactcheckError as exc:
        typer.echo(f"factcheck: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


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


def command(name: str | None = None):
    """Register ``func(settings, ...)`` as a command taking the shared options too."""
    return lambda func: app.command(name=name, cls=Command)(with_shared(func, _guarded))


@command()
def brief(
    settings, paths: Paths, format: FormatOpt = Format.text, output: Output = None, top: Top = 8
) -> int:
    """Write a merged brief with citations, and the findings to check first.

    Examples: factcheck brief articles/;
    factcheck brief articles/ --model gpt-4o-mini;
    factcheck brief articles/ --base-url http://localhost:11434/v1 --model qwen2.5
    """
    return _report(paths, settings, format, output, top, None)


@command()
def check(
    settings,
    paths: Paths,
    format: FormatOpt = Format.text,
    output: Output = None,
    fail_on: FailOnOpt = None,
    top: Top = 20,
) -> int:
    """List contradictions, unsupported additions, single-source claims and name variants.

    Examples: factcheck check articles/ --format json -o report.json;
    factcheck check a.txt b.txt --fail-on contradiction
    """
    return _report(paths, settings, format, output, top, fail_on)


@command()
def extract(settings, paths: Paths, output: Output = None) -> int:
    """Print each article's claims, with evidence offsets, as JSON.

    Example: factcheck extract article.txt -o claims.json
    """
    from .pipeline import run_extract
    from .report.json import render_json

    with progress.progress_bar() as bar:
        calls = progress.llm_calls(bar)
        report = run_extract(paths, settings, stdin=sys.stdin.buffer, progress=calls)
    _emit(render_json(report), output)
    _usage_line(report)
    _problem_lines(report)
    return 3 if report.run.partial else 0


@command()
def batch(
    settings,
    clusters: Clusters,
    output: Results,
    resume: Resume = False,
    workers: Workers = None,
    executor: ExecutorOpt = Executor.auto,
    scheduler: Scheduler = None,
    rpm: Rpm = None,
) -> int:
    """Check many story clusters in parallel; resumable after a crash or Ctrl-C.

    Example: factcheck batch clusters.jsonl -o results.jsonl --workers 4 (then --resume)
    """
    from .batch import run_batch

    with progress.progress_bar() as bar:
        summary = run_batch(
            clusters, output, settings, workers=settings.processes, resume=resume,
            executor=executor.value, scheduler=scheduler, progress=progress.clusters(bar),
        )  # fmt: skip
    typer.echo(f"factcheck: {_batch_line(summary)} → {output}", err=True)
    return 3 if summary.failed else 0


@command(name="eval")
def eval_command(
    settings,
    cases: Cases,
    split: SplitOpt = Split.all,
    limit: Limit = None,
    format: EvalFormatOpt = EvalFormat.text,
    output: Output = None,
) -> int:
    """Measure an engine on labelled cases beside majority-class and lexical-overlap baselines.

    Example: factcheck eval ../shared/benchmarks --split dev --limit 200
    """
    from .evaluation import render_eval, run_eval

    with progress.progress_bar() as bar:
        run = run_eval(cases, split.value, limit, settings, progress=bar)
    _emit(render_eval(run.results, format.value), output)
    if run.usage is not None:
        usage = run.usage
        typer.echo(
            f"factcheck: llm {settings.model}: {usage.llm_calls} calls "
            f"({usage.cached_calls} cached) · {usage.input_tokens:,} input + "
            f"{usage.output_tokens:,} output tokens",
            err=True,
        )
    return 0


@app.command(cls=Command)
def schema(output: Output = None) -> None:
    """Print the JSON Schema of the report (the findings contract).

    Example: factcheck schema -o schema/report.schema.json
    """
    from .schema import report_schema

    _guarded(False, lambda: _emit(json.dumps(report_schema(), indent=2) + "\n", output) or 0)


def _report(paths, settings, fmt: Format, output, top: int, fail_on: FailOn | None) -> int:
    from .pipeline import run
    from .report import render

    with progress.progress_bar() as bar:
        calls = progress.llm_calls(bar)
        report = run(paths, settings, stdin=sys.stdin.buffer, progress=calls)
    terminal = output is None and sys.stdout.isatty()  # colour and wrapping only there
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    text = render(report, fmt.value, top=top, width=width, color=terminal, wrap=terminal)
    _emit(text, output)
    if fmt != Format.text or output is not None:
        _usage_line(report)
    _problem_lines(report)
    if fail_on is not None and any(f.kind in FAIL_KINDS[fail_on] for f in report.findings):
        return 1
    return 3 if report.run.partial else 0


def _batch_line(summary) -> str:
    parts = [f"{summary.total} clusters: {summary.ok} ok, {summary.failed} failed"]
    if summary.skipped:
        parts.append(f"{summary.skipped} finished earlier")
    if summary.torn:
        parts.append("a torn last line dropped")
    parts.append(f"{summary.findings} findings")
    if summary.calls:
        parts.append(f"{summary.calls} llm calls")
    parts.append(f"{summary.seconds:.1f} s")
    return " · ".join(parts)


def _usage_line(report) -> None:
    """For the llm engine, calls and cost on stderr when the report itself went elsewhere."""
    from .report.common import usage_line

    line = usage_line(report)
    if line:
        typer.echo(f"factcheck: {line}", err=True)


def _problem_lines(report) -> None:
    """One line on stderr for each input or call that could not be checked."""
    for problem in report.run.problems:
        shown = problem.error
        if not shown.startswith(problem.where):
            shown = f"{problem.where}: {shown}"
        typer.echo(f"factcheck: not checked: {' '.join(shown.split())}", err=True)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    write_atomic(output, text)


def main() -> None:
    app()
