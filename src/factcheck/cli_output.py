"""What the command line writes: a report to a file or to standard output, and one-line messages
on standard error.

A report file is written by ``output.write_atomic``, which refuses the run's inputs, devices
and read-only files. Standard output takes any text (a lone surrogate from a model's answer is
written as ``\\udXXX``); when it cannot be written (a full device, a reader that went away) that
is one ``OutputError`` line, and standard output is pointed at the null device so that nothing
else fails at exit. Every message line passes through ``display.visible``: text from an article,
a file name or a model never drives the terminal.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import typer

from .display import visible
from .errors import InputError, OutputError
from .output import check_target, write_atomic


def say(message: str) -> None:
    """``factcheck: message`` on standard error, as one visible line."""
    with contextlib.suppress(OSError):  # standard error gone too: nobody is left to tell
        typer.echo(f"factcheck: {visible(message, one_line=True)}", err=True)


def inputs_of(paths: list[str]) -> list[Path]:
    """The files a run reads, which its output may not replace (none when the paths are bad:
    the run itself then says what is wrong)."""
    from .ingest import input_files

    try:
        return input_files(paths)
    except InputError:
        return []


def refuse_early(output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """An output that will be refused is refused before the run, not after it."""
    if output is not None:
        check_target(Path(output), shown=str(output), inputs=inputs)


def emit(text: str, output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """``text`` to ``output`` (whole or not at all), or to standard output."""
    if output is None:
        write_stdout(text)
    else:
        write_atomic(output, text, inputs=inputs)


def write_stdout(text: str) -> None:
    """``text`` on standard output, flushed; ``OutputError`` when it cannot be written."""
    stream = sys.stdout
    with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
        stream.reconfigure(errors="backslashreplace")  # a replaced stream keeps its own rule
    try:
        stream.write(text)
        stream.flush()
    except OSError as exc:
        _to_null(stream)
        raise OutputError(f"standard output: cannot write ({_why(exc)})") from None


def _why(exc: OSError) -> str:
    if exc.errno == errno.EPIPE:
        return "the program reading it has stopped"
    return exc.strerror or str(exc)


def _to_null(stream) -> None:
    """Point the stream's descriptor at the null device, so what is still buffered is
    flushed there at exit instead of failing again ('Exception ignored … flush')."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def usage_line(report) -> None:
    """For the llm engine, calls and cost on stderr when the report itself went elsewhere."""
    from .report.common import usage_line as line_of

    line = line_of(report)
    if line:
        say(line)


def problem_lines(report) -> None:
    """One line on stderr for each input or call that could not be checked."""
    for problem in report.run.problems:
        shown = problem.error
        if not shown.startswith(problem.where):
            shown = f"{problem.where}: {shown}"
        say(f"not checked: {shown}")


def batch_line(summary) -> str:
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
