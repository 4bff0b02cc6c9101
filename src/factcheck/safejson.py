"""JSON from untrusted input, parsed within limits: every failure is one ``InputError``.

Python's parser raises different things for different hostile input: a ``JSONDecodeError`` for
bad syntax, a ``RecursionError`` for nesting thousands of levels deep, a ``ValueError`` for an
integer of more than 4,300 digits. ``loads`` turns each into a one-line message, so a caller
handles a bad file or line in one place and the others go on. Strings may still hold lone
surrogates (``"\\ud800"`` is valid JSON but not valid Unicode): ``text_field`` refuses them
where a value is used.
"""

from __future__ import annotations

import json
import re
import sys

from .decoding import lone_surrogate
from .errors import InputError

MAX_DEPTH = 200  # deeper than any article record or cluster line has reason to be
_STRING = re.compile(r'"(?:[^"\\]+|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def loads(raw: str | bytes, where: str = "", *, first_line: int = 1) -> object:
    """The JSON value in ``raw`` (which starts at line ``first_line`` of its file);
    ``InputError`` starting with ``where`` when it cannot be parsed."""
    prefix = f"{where}: " if where else ""
    try:
        if _depth_exceeds(raw, MAX_DEPTH):
            raise InputError(f"{prefix}JSON nested more than {MAX_DEPTH} levels deep")
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        line = exc.lineno + first_line - 1
        raise InputError(f"{prefix}invalid JSON at line {line}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{prefix}JSON nested too deeply to read") from None
    except ValueError as exc:  # an integer past the interpreter's digit limit, bad bytes
        if "digits" in str(exc):
            limit = sys.get_int_max_str_digits()
            raise InputError(f"{prefix}a number in it has more than {limit:,} digits") from None
        raise InputError(f"{prefix}invalid JSON ({str(exc).splitlines()[0]})") from None


def _depth_exceeds(raw: str | bytes, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than ``limit`` (a linear scan; exact for
    valid JSON, and for invalid JSON the parser's own error follows)."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for bracket in _BRACKETS.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


def text_field(record: dict, key: str, where: str) -> str | None:
    """``record[key]`` as valid Unicode text (numbers are written out), None when absent or
    null; ``InputError`` for any other value or a string with a lone surrogate."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    text = value if isinstance(value, str) else str(value)
    index = lone_surrogate(text)
    if index is not None:
        raise InputError(
            f"{where}: '{key}' is not valid Unicode (a lone surrogate "
            f"U+{ord(text[index]):04X} at character {index:,})"
        )
    return text
