"""What the llm engine's calls used: calls, cache hits, re-asks and tokens per stage, and the
tokens a run has spent against its budget.

Token counts come from the server and are taken only when they can be true: whole numbers, not
negative, and no larger than the call could use (its request's length for input, a margin over
``--max-output-tokens`` for output). A call whose counts are missing or impossible is counted in
``unknown_tokens`` and adds nothing to the totals or the cost; for the budget it is charged an
estimate (its request's characters / 4, and the whole output limit).
"""

from __future__ import annotations

import contextvars
import json
import math
from dataclasses import dataclass, field
from typing import Any

from ...models import Usage
from .prices import cost

CHARS_PER_TOKEN = 4
TOKEN_SLACK = 1000  # per call: message framing, special tokens


@dataclass
class StageUsage:
    """Counts for one stage, or (while a call runs) for that call alone."""

    calls: int = 0
    cached: int = 0
    reasks: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    unknown_tokens: int = 0  # responses whose token counts were missing or impossible

    def add(self, other: StageUsage) -> None:
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class CallRecord:
    """One call in progress: its counts, the size of its last request, and what it spent."""

    max_output: int
    usage: StageUsage = field(default_factory=StageUsage)
    request_chars: int = 0
    spent: int = 0  # tokens charged to the run's budget


@dataclass
class Meter:
    """Calls, cache hits, re-asks and tokens, per stage; tokens spent by the run."""

    stages: dict[str, StageUsage] = field(default_factory=dict)
    spent: int = 0

    def stage(self, name: str) -> StageUsage:
        return self.stages.setdefault(name, StageUsage())

    def usage(self, price: tuple[float, float] | None) -> Usage:
        total = StageUsage()
        for stage in self.stages.values():
            total.add(stage)
        return Usage(
            llm_calls=total.calls,
            cached_calls=total.cached,
            reasks=total.reasks,
            input_tokens=total.input_tokens,
            output_tokens=total.output_tokens,
            unknown_token_calls=total.unknown_tokens,
            cost_usd=cost(price, total.input_tokens, total.output_tokens),
            by_stage={name: s.as_dict() for name, s in self.stages.items()},
        )


# the call in progress in this task, filled by instructor's hooks
CURRENT: contextvars.ContextVar[CallRecord | None] = contextvars.ContextVar(
    "factcheck_llm_call", default=None
)


def believable(value: object, ceiling: int) -> bool:
    """A token count that can be true: a whole number from 0 to ``ceiling``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return False
    return 0 <= value <= ceiling


def on_request(*_args: Any, **kwargs: Any) -> None:
    record = CURRENT.get()
    if record is not None:
        record.usage.calls += 1
        record.request_chars = len(json.dumps(kwargs, default=str, ensure_ascii=False))


def on_response(response: Any) -> None:
    record = CURRENT.get()
    if record is None:
        return
    usage = getattr(response, "usage", None)
    given = (getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None))
    ceilings = (record.request_chars + TOKEN_SLACK, 4 * record.max_output + TOKEN_SLACK)
    if usage is not None and all(map(believable, given, ceilings)):
        record.usage.input_tokens += int(given[0])
        record.usage.output_tokens += int(given[1])
        record.spent += int(given[0]) + int(given[1])
    else:
        record.usage.unknown_tokens += 1
        record.spent += record.request_chars // CHARS_PER_TOKEN + record.max_output


def on_parse_error(*_args: Any, **_kwargs: Any) -> None:
    record = CURRENT.get()
    if record is not None:
        record.usage.reasks += 1
