"""Command line: parse options, call the library, print; library errors become one line and
an exit code.

Exit codes (all commands): 0 ok · 1 findings matched --fail-on · 2 bad usage or input (an
output that may not be written, standard output that cannot be) · 3 partial (some input could
not be checked) · 4 engine or config error · 5 internal error (a bug: one line, ``--debug``
for the traceback) · 130 interrupted.
Options are declared in ``cli_options`` (the shared ones once); what is printed goes through
``cli_output``; progress bars come from ``progress``.
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
    ConfinePaths,
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
from .cli_output import (
    batch_line,
    emit,
    inputs_of,
    problem_lines,
    refuse_early,
    say,
    usage_line,
)
from .errors import INTERNAL_ERROR, FactcheckError, internal_error

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
        say(f"error: {exc}")
        raise typer.Exit(exc.exit_code) from None


def _guarded(debug: bool, work) -> None:
    """Run a command: a library error is one line and its exit code, a bug one line and exit
    5 (``--debug`` raises either, for the traceback)."""
    try:
        code = work()
    except FactcheckError as exc:
        if debug:
            raise
        say(f"error: {exc}")
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        say("interrupted")
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug is one line, never exit 1
        if debug:
            raise
        say(f"{internal_error(exc)} (--debug for the traceback)")
        raise typer.Exit(INTERNAL_ERROR) from None
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

    inputs = inputs_of(paths)
    refuse_early(output, inputs)
    with progress.progress_bar() as bar:
        calls = progress.llm_calls(bar)
        report = run_extract(paths, settings, stdin=sys.stdin.buffer, progress=calls)
    emit(render_json(report), output, inputs)
    usage_line(report)
    problem_lines(report)
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
    confine_paths: ConfinePaths = False,
) -> int:
    """Check many story clusters in parallel; resumable after a crash or Ctrl-C.

    Example: factcheck batch clusters.jsonl -o results.jsonl --workers 4 (then --resume)
    """
    from .batch import run_batch

    with progress.progress_bar() as bar:
        summary = run_batch(
            clusters, output, settings, workers=settings.processes, resume=resume,
            executor=executor.value, scheduler=scheduler, progress=progress.clusters(bar),
            confined=confine_paths,
        )  # fmt: skip
    say(f"{batch_line(summary)} → {output}")
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

    inputs = inputs_of(cases)
    refuse_early(output, inputs)
    with progress.progress_bar() as bar:
        run = run_eval(cases, split.value, limit, settings, progress=bar)
    emit(render_eval(run.results, format.value), output, inputs)
    if run.usage is not None:
        usage = run.usage
        say(
            f"llm {settings.model}: {usage.llm_calls} calls ({usage.cached_calls} cached) · "
            f"{usage.input_tokens:,} input + {usage.output_tokens:,} output tokens"
        )
    return 0


@app.command(cls=Command)
def schema(output: Output = None) -> None:
    """Print the JSON Schema of the report (the findings contract).

    Example: factcheck schema -o schema/report.schema.json
    """
    from .schema import report_schema

    _guarded(False, lambda: emit(json.dumps(report_schema(), indent=2) + "\n", output) or 0)


def _report(paths, settings, fmt: Format, output, top: int, fail_on: FailOn | None) -> int:
    from .pipeline import run
    from .report import render

    inputs = inputs_of(paths)
    refuse_early(output, inputs)
    with progress.progress_bar() as bar:
        calls = progress.llm_calls(bar)
        report = run(paths, settings, stdin=sys.stdin.buffer, progress=calls)
    terminal = output is None and sys.stdout.isatty()  # colour and wrapping only there
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    text = render(report, fmt.value, top=top, width=width, color=terminal, wrap=terminal)
    emit(text, output, inputs)
    if fmt != Format.text or output is not None:
        usage_line(report)
    problem_lines(report)
    if fail_on is not None and any(f.kind in FAIL_KINDS[fail_on] for f in report.findings):
        return 1
    return 3 if report.run.partial else 0


def main() -> None:
    app()
