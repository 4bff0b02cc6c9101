"""The llm engine's calls: one event loop for the engine's life, a cap on calls in flight,
progress per stage, and the problems of calls that failed.

Calls of one stage run concurrently (``run``); an error that ends the run (``EngineUnavailable``)
cancels the others and is raised, while a failed call is recorded with ``problem`` by the code
that made it, and the run goes on. ``isolated`` does the same for a bug met while handling one
item's answer: that item is a problem ("internal error: …") and the others go on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from pydantic import BaseModel

from ...errors import FactcheckError, internal_error
from ...models import Problem
from ...settings import Settings
from .client import LLMClient
from .prompts import Prompts, Rendered

T = TypeVar("T", bound=BaseModel)
Progress = Callable[[str, int, int], None]


class Calls:
    """The engine's client, prompts and event loop, shared by its stages."""

    def __init__(
        self, client: LLMClient, prompts: Prompts, settings: Settings, progress: Progress | None
    ):
        self.client = client
        self.prompts = prompts
        self.settings = settings
        self.problems: list[Problem] = []
        self._progress = progress
        self._runner = asyncio.Runner()
        self._semaphore: asyncio.Semaphore | None = None

    def run(self, coroutines: list[Coroutine], stage: str | None = None) -> list:
        """Run the calls concurrently and return their results in order; ``stage`` names the
        progress shown."""
        if not coroutines:
            return []
        done = 0

        async def counted(coroutine):
            nonlocal done
            result = await coroutine
            done += 1
            if self._progress is not None and stage is not None:
                self._progress(stage, done, len(coroutines))
            return result

        async def together():
            try:
                async with asyncio.TaskGroup() as group:
                    tasks = [group.create_task(counted(c)) for c in coroutines]
            except BaseExceptionGroup as errors:
                raise _first_error(errors) from None
            return [task.result() for task in tasks]

        return self._runner.run(together())

    def run_one(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self._runner.run(coroutine)

    async def ask(self, rendered: Rendered, answer: type[T], stage: str, reask: bool = False) -> T:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.settings.concurrency)
        async with self._semaphore:
            return await self.client.ask(rendered, answer, stage=stage, reask=reask)

    async def isolated(self, coroutine: Coroutine[Any, Any, T], where: str, empty: Any) -> T:
        """``coroutine``'s result; an unexpected exception in it becomes a problem of ``where``
        and ``empty`` is returned (a ``FactcheckError`` still ends the run)."""
        try:
            return await coroutine
        except FactcheckError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug in one item must not sink the others
            self.problem(where, internal_error(exc))
            return empty

    def problem(self, where: str, error: str) -> None:
        self.problems.append(Problem(where=where, error=error))

    def close(self) -> None:
        try:
            self._runner.run(self.client.aclose())
        finally:
            self._runner.close()


def _first_error(group: BaseExceptionGroup) -> BaseException:
    """The error to report from a group: a factcheck error first, else the first one."""
    flat: list[BaseException] = []
    stack: list[BaseException] = [group]
    while stack:
        error = stack.pop(0)
        if isinstance(error, BaseExceptionGroup):
            stack[:0] = list(error.exceptions)
        else:
            flat.append(error)
    for error in flat:
        if isinstance(error, FactcheckError):
            return error
    return flat[0]
