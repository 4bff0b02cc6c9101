"""Exceptions raised by factcheck.

The library raises only these; the CLI turns them into one line and an exit code::

    FactcheckError          base class; ``exit_code`` is the CLI's exit status
    ├── InputError          nothing usable to check: missing path, empty or binary file (2)
    ├── ConfigError         bad settings: unknown engine, missing model or key (4)
    ├── PromptError         a prompt template is missing or does not render (4)
    └── EngineError         the engine failed (4)
        ├── EngineUnavailable   endpoint unreachable, auth refused
        └── ExtractionFailed    the engine returned nothing usable for an article
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""

    exit_code = 2


class InputError(FactcheckError):
    """The input cannot be checked: a missing path, an empty or binary file, bad JSON."""

    exit_code = 2


class ConfigError(FactcheckError):
    """The settings are inconsistent or incomplete."""

    exit_code = 4


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
