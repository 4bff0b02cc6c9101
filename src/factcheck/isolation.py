"""One item's failure stays that item's: a bug met while processing one article, one group or
one step of a run becomes a named problem ("internal error: …") and the run goes on.

``each`` hands all items to an engine method at once (the llm engine runs them concurrently);
when that raises anything but a ``FactcheckError`` (which ends the run on purpose: a refused key,
an unreachable endpoint), each item is tried alone and those that still fail are problems.
``attempt`` runs one step for one item. ``where`` names the item: an article by its file name,
a group by its id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .errors import FactcheckError, internal_error
from .models import Article, Problem

Item = TypeVar("Item")
FAILED: Any = object()  # what ``attempt`` returns when the step raised


def each(
    call: Callable[[list[Item]], list],
    items: Sequence[Item],
    where: Callable[[Item], str],
    empty: Any,
    problems: list[Problem],
) -> list:
    """``call(items)``, one result per item; an item that fails alone gets ``empty`` and a
    problem."""
    try:
        return call(list(items))
    except FactcheckError:
        raise
    except Exception:  # noqa: BLE001 - which item failed is found below
        if not items:
            raise
    results = []
    for item in items:
        result = attempt(problems, where(item), lambda item=item: call([item])[0])
        results.append(empty if result is FAILED else result)
    return results


def attempt(problems: list[Problem], where: str, step: Callable[..., Any], *args: Any) -> Any:
    """``step(*args)``, or ``FAILED`` and a problem of ``where`` when it raises a bug."""
    try:
        return step(*args)
    except FactcheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug in one item must not sink the run
        problems.append(Problem(where=where, error=internal_error(exc)))
        return FAILED


def article_name(article: Article) -> str:
    """How problems name an article: its file name."""
    return Path(article.source).name
