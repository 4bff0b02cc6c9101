"""Defaults from a config file: ``factcheck.toml``, or the ``[tool.factcheck]`` table of a
``pyproject.toml``, in the current folder or the nearest folder above it, up to the project's
root.

Keys are option names (``model``, ``base-url`` or ``base_url``, ``concurrency``, ``format``…);
at the top they apply to every command that takes the option, in a table named after a command
(``[check]``, ``[tool.factcheck.check]``) to that command only. They become the command line's
defaults, so a flag or an environment variable still wins::

    engine = "llm"
    model = "gpt-4o-mini"
    [check]
    fail-on = "contradiction"

The API key is never read from a file (``OPENAI_API_KEY`` only).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import ConfigError

FILE_NAME = "factcheck.toml"


def use_config_file(ctx, start: Path) -> None:
    """Give the group's context (``ctx``) the nearest config file's defaults, if there is one."""
    found = find_config(start)
    if found is not None:
        path, table = found
        options = {
            name: {p.name for p in command.params if p.param_type_name == "option"} - {"help"}
            for name, command in ctx.command.commands.items()
        }
        ctx.default_map = default_map(table, options, path)


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest config file at or above ``start``, up to the project's root (the first
    folder with a ``pyproject.toml`` or ``.git``), and its factcheck table."""
    for folder in (start, *start.parents):
        own = folder / FILE_NAME
        if own.is_file():
            return own, _read(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("factcheck")
            return None if table is None else (project, _as_table(table, project))
        if (folder / ".git").exists():
            return None
    return None


def default_map(table: dict, commands: dict[str, set[str]], where: Path) -> dict[str, dict]:
    """click's ``default_map`` from the config table: ``{command: {option: value}}``.
    ``commands`` gives each command's option names (underscored)."""
    shared = {k: v for k, v in table.items() if not isinstance(v, dict)}
    defaults: dict[str, dict] = {name: {} for name in commands}
    for key, value in shared.items():
        name = _name(key)
        takers = [c for c, options in commands.items() if name in options]
        if not takers:
            raise ConfigError(f"{where}: unknown setting {key!r}")
        for command in takers:
            defaults[command][name] = value
    for command, own in table.items():
        if not isinstance(own, dict):
            continue
        if command not in commands:
            raise ConfigError(f"{where}: [{command}] is not a factcheck command")
        for key, value in own.items():
            if _name(key) not in commands[command]:
                raise ConfigError(f"{where}: [{command}] has no setting {key!r}")
            defaults[command][_name(key)] = value
    return {command: values for command, values in defaults.items() if values}


def _name(key: str) -> str:
    return key.strip().replace("-", "_")


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def _as_table(value: object, where: Path) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [tool.factcheck] must be a table")
    return value
