"""How the command line presents itself: value names in help and usage lines (``PATHS...``,
``--top N``, ``--format [text|json|md|html]``), flags without a value, and usage errors as one
line in plain words ("unknown format 'csv'; choose text, json, md or html").

``Group`` and ``Command`` are the typer classes the CLI registers its commands with; they
change only what is shown, never how values are parsed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import typer
from typer._click import exceptions as click_errors
from typer._click.core import ParameterSource
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from .display import visible

# pydantic's error types (typer validates values with pydantic) → what the value must be
EXPECTED = {
    "int_parsing": "a whole number",
    "int_parsing_size": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "bool_parsing": "true or false",
}


class _NamedArgument(TyperArgument):
    """An argument shown by its value name (``PATHS...``), never by a Python type."""

    def display_type_rich(self, ctx) -> None:
        return None

    def _rich_display_name(self) -> str:
        return self._shown()

    def _usage_display_name(self) -> str:
        return self._shown() if self.required else f"[{self._shown()}]"

    def _shown(self) -> str:
        name = self.metavar or (self.name or "value").upper()
        return name + ("..." if self.nargs != 1 else "")


class _NamedOption(TyperOption):
    """An option whose default shows as ``[default: 4]`` whether a config file, the declared
    default or a described one gives it, and whose value name is its only type hint."""

    def _get_default_string(self, *, ctx, show_default_is_str: bool, default_value) -> str:
        configured = ctx.lookup_default(self.name, call=False) if self.name else None
        if show_default_is_str and configured is None:
            return str(self.show_default)
        if configured is not None:
            return str(getattr(configured, "value", configured))
        return super()._get_default_string(
            ctx=ctx, show_default_is_str=show_default_is_str, default_value=default_value
        )

    def _get_number_range_help_str(self) -> None:
        return None  # the value name says N; a value out of range is explained when given


def _present(params: Iterable) -> None:
    """Arguments and options by value name; flags (``--debug``) without a value in help.
    typer builds the parameters; only their display changes here."""
    for param in params:
        if isinstance(param, TyperArgument) and not isinstance(param, _NamedArgument):
            param.__class__ = _NamedArgument
        elif isinstance(param, TyperOption) and not isinstance(param, _NamedOption):
            param.__class__ = _NamedOption
            if param.is_flag:
                param.metavar = ""


class Command(TyperCommand):
    """A command whose help names values instead of types."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _present(self.params)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        _present([option] if option is not None else [])
        return option


class Group(TyperGroup):
    """The ``factcheck`` group: value names in help, and every usage error as one line."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _present(self.params)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        _present([option] if option is not None else [])
        return option

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click_errors.NoArgsIsHelpError as exc:
            if not standalone_mode:
                raise
            typer.echo(exc.ctx.get_help() if exc.ctx else "factcheck --help")
            sys.exit(0)
        except click_errors.UsageError as exc:
            if not standalone_mode:
                raise
            where = exc.ctx.command_path if exc.ctx else "factcheck"
            message = visible(f"{usage_message(exc)} (see {where} --help)", one_line=True)
            typer.echo(f"factcheck: error: {message}", err=True)
            sys.exit(2)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("factcheck: interrupted", err=True)
            sys.exit(130)
        if standalone_mode:
            sys.exit(code or 0)
        return code


def usage_message(exc: click_errors.UsageError) -> str:
    """A usage error in plain words, on one line."""
    param = getattr(exc, "param", None)
    if isinstance(exc, click_errors.MissingParameter) and param is not None:
        return f"missing {_shown_name(param)}"
    if isinstance(exc, click_errors.BadParameter) and param is not None:
        return _bad_value(exc, param)
    return " ".join(exc.format_message().split())


def _bad_value(exc: click_errors.BadParameter, param) -> str:
    name, value, error = _shown_name(param), _given(exc), _pydantic_error(exc)
    shown = "" if value is None else f" {_short(value)}"
    source = exc.ctx.get_parameter_source(param.name) if exc.ctx and param.name else None
    if source == ParameterSource.ENVIRONMENT:
        shown += f" (from {_envvar(param)})"
    elif source == ParameterSource.DEFAULT_MAP:
        shown += " (from the config file)"
    choices = _choices(param)
    kind = error.get("type", "")
    if choices:
        words = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]
        return f"unknown {name.lstrip('-')}{shown}; choose {words}"
    if kind in EXPECTED:
        return f"{name} takes {EXPECTED[kind]}, not{shown}"
    if kind in ("greater_than_equal", "greater_than"):
        limits = error.get("ctx", {})
        least = f"at least {limits['ge']}" if "ge" in limits else f"over {limits.get('gt')}"
        return f"{name} must be {least}, not{shown}"
    message = str(error.get("msg") or exc.message).removeprefix("Value error, ")
    return f"{name}{shown}: {' '.join(message.split())}"


def _short(value: object) -> str:
    """A given value as quoted in a message: at most 40 characters of it."""
    text = str(value)
    if len(text) <= 40:
        return repr(text)
    return repr(text[:40] + "…") + f" ({len(text):,} characters)"


def _shown_name(param) -> str:
    if isinstance(param, TyperArgument):
        return param.metavar or (param.name or "value").upper()
    longest = max(param.opts, key=len, default=param.name or "value")
    return longest


def _envvar(param) -> str:
    envvar = param.envvar
    return envvar if isinstance(envvar, str) else ", ".join(envvar or ())


def _choices(param) -> list[str]:
    described = getattr(param, "type_descriptor", None)
    found = (
        getattr(described, "choices", None)
        or getattr(getattr(param, "type", None), "choices", None)
        or ()
    )
    return [str(getattr(c, "value", c)) for c in found]


def _pydantic_error(exc: BaseException) -> dict:
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            return found[0]
    return {}


def _given(exc: BaseException):
    return _pydantic_error(exc).get("input")
