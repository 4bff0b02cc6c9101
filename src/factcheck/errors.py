"""Exceptions raised by factcheck.

The library raises only these on purpose; the CLI turns them into one line and an exit code::

    FactcheckError          base class; ``exit_code`` is the CLI's exit status
    ├── InputError          nothing usable to check: missing path, empty or binary file (2)
    ├── OutputError         the output cannot or may not be written: a device, an input (2)
    ├── ConfigError         bad settings: missing model or key (4)
    │   └── UsageError      an option out of range: --max-bytes 0, --workers -3 (2)
    ├── PromptError         a prompt template is missing or does not render (4)
    └── EngineError         the engine failed (4)
        ├── EngineUnavailable   endpoint unreachable, auth refused
        └── ExtractionFailed    the engine returned nothing usable for an article

Anything else that escapes is a bug: inside a run it makes the article, group or step concerned
a problem (``internal_error`` words it) and the run goes on; at the CLI it is one line,
"internal error: …", and exit ``INTERNAL_ERROR`` (5).
"""

from __future__ import annotations

INTERNAL_ERROR = 5  # the CLI's exit code for a bug (1 means findings matched --fail-on)


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""

    exit_code = 2


class InputError(FactcheckError):
    """The input cannot be checked: a missing path, an empty or binary file, bad JSON."""

    exit_code = 2


class OutputError(FactcheckError):
    """The output path cannot or may not be written: a folder, a device, a read-only file, an
    input of the run, a results file of another run."""

    exit_code = 2


class ConfigError(FactcheckError):
    """The settings are inconsistent or incomplete."""

    exit_code = 4


class UsageError(ConfigError):
    """An option's value is out of range or not a number: bad usage, like a parser error."""

    exit_code = 2


class PromptError(FactcheckError):
    """A prompt template is missing or fails to render."""

    exit_code = 4


class EngineError(FactcheckError):
    """The engine could not do its work."""

    exit_code = 4


class EngineUnavailable(EngineError):
    """The engine's endpoint cannot be reached or refused the credentials."""


class ExtractionFailed(EngineError):
    """The engine returned nothing usable for an article."""


def internal_error(exc: BaseException) -> str:
    """One line naming an unexpected exception: "internal error: KeyError: 'x'"."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 300 else text[:300] + "…"
    return f"internal error: {type(exc).__name__}" + (f": {text}" if text else "")
