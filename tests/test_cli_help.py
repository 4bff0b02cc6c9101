"""What the command line says about itself: --version, help with value names, environment
variables, defaults and choices, and usage errors in plain words."""

from __future__ import annotations

import re
import tomllib

import pytest
import typer.main
import typer.rich_utils

from factcheck.cli import app

from .conftest import ROOT, SEEDS

COMMANDS = ("brief", "check", "extract", "batch", "eval", "schema")
MODEL_COMMANDS = ("brief", "check", "extract", "batch", "eval")  # those that can call a model
PYTHON_TYPES = re.compile(r"<(?:str|int|float|bool|path|list\[[^\]]*\]|[a-z_]+(?:\|[a-z_]+)+)>")


@pytest.fixture
def help_of(cli, monkeypatch):
    """A command's help, on one wide terminal line per row, box drawing removed."""
    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 240)

    def render(*command: str) -> str:
        result = cli(*command, "--help")
        assert result.exit_code == 0, result.output
        return " ".join(result.output.replace("│", " ").split())

    return render


def group():
    return typer.main.get_command(app)


def test_version_long_and_short(cli):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for flag in ("--version", "-V"):
        result = cli(flag)
        assert result.exit_code == 0
        assert result.output == f"factcheck {version}\n"


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_names_values_never_python_types(help_of, command):
    text = help_of(*([command] if command else []))
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text).group()
    assert "{" not in text.split("Usage:")[1].split(" ")[3]  # no {paths}-style argument
    assert "(default" not in text and "[default: (" not in text  # one style for defaults
    if command in ("check", "brief", "extract"):
        assert f"Usage: root {command} [OPTIONS] PATHS..." in text
        assert re.search(r"--debug Show a traceback", text)  # a flag takes no value


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_every_environment_variable_and_every_choice(help_of, command):
    text = help_of(command)
    params = [p for p in group().commands[command].params if p.param_type_name == "option"]
    for param in params:
        if param.envvar:
            assert f"[env var: {param.envvar}]" in text, param.name
        choices = getattr(param.type_descriptor, "choices", None)
        if choices:
            listed = "[" + "|".join(c.value for c in choices) + "]"
            assert listed in text, param.name


def test_help_shows_the_environment_variables_the_readme_lists(help_of):
    readme = (ROOT / "README.md").read_text()
    listed = set(re.findall(r"`((?:FACTCHECK|OPENAI)_[A-Z_]+)`", readme)) - {"OPENAI_API_KEY"}
    shown = " ".join(help_of(c) for c in MODEL_COMMANDS)
    assert listed and all(f"[env var: {name}]" in shown for name in listed), listed


def test_the_same_llm_options_on_every_command_that_can_call_a_model():
    commands = group().commands

    def llm_options(name: str) -> set[str]:
        panel = {p.name for p in commands[name].params if p.rich_help_panel == "LLM engine"}
        return panel - {"rpm"}  # --rpm caps a whole batch run's calls

    expected = llm_options("brief")
    assert {"concurrency", "no_cache", "cache_dir", "price", "batch_api", "prompts_dir"} <= expected
    assert all(llm_options(name) == expected for name in MODEL_COMMANDS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "unknown format 'csv'; choose text, json, md or html"),
        (["--fail-on", "some"], "unknown fail-on 'some'; choose contradiction, unsupported or any"),
        (["--engine", "gpt"], "unknown engine 'gpt'; choose auto, local or llm"),
        (["--top", "ten"], "--top takes a whole number, not 'ten'"),
        (["--top", "-5"], "--top must be at least 0, not '-5'"),
    ],
)
def test_usage_errors_in_plain_words(cli, args, message):
    result = cli("check", str(SEEDS), *args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"factcheck: error: {message}"), lines
    assert "Value error" not in result.output and "Input should" not in result.output


def test_a_bad_environment_value_names_the_variable(cli, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_BYTES", "lots")
    result = cli("check", str(SEEDS))
    assert result.exit_code == 2
    assert "--max-bytes takes a whole number, not 'lots' (from FACTCHECK_MAX_BYTES)" in (
        result.output
    )


def test_a_missing_argument_is_named(cli):
    result = cli("check")
    assert result.exit_code == 2 and "factcheck: error: missing PATHS" in result.output
