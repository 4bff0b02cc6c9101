"""Progress bars on stderr, for the CLI: one bar per label, shown only on a terminal.

``progress_bar()`` yields ``update(label, done, total, status="")``, or None when stderr is not
a terminal, so the library's progress callbacks (the llm engine's calls per stage, eval's cases
per file, batch's clusters) all draw the same way.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

Update = Callable[..., None]


@contextlib.contextmanager
def progress_bar() -> Iterator[Update | None]:
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}", markup=False), console=Console(stderr=True),
        transient=True,
    )  # fmt: skip
    tasks: dict[str, object] = {}

    def update(label: str, done: int, total: int | None, status: str = "") -> None:
        if label not in tasks:
            tasks[label] = bar.add_task(label, total=total, status=status)
        bar.update(tasks[label], completed=done, total=total, status=status)

    with bar:
        yield update


def llm_calls(bar: Update | None):
    """The llm engine's progress callback (calls done per stage), drawn on ``bar``."""
    return None if bar is None else lambda stage, done, total: bar(f"llm {stage}", done, total)


def clusters(bar: Update | None):
    """``factcheck batch``'s progress callback (a summary after each cluster), on ``bar``."""
    if bar is None:
        return None

    def tick(summary) -> None:
        status = f"{summary.findings} findings · {summary.failed} failed"
        if summary.calls:
            status += f" · {summary.calls} calls · ${summary.cost:.4f}"
        bar("clusters", summary.skipped + summary.ok + summary.failed, summary.total, status)

    return tick
