"""Defaults from factcheck.toml or [tool.factcheck]; flags and environment variables win."""

from __future__ import annotations

import json

import pytest

from .conftest import SEEDS


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()  # the project's root: the search for a config file stops here
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_factcheck_toml_sets_defaults_for_all_commands_and_for_one(cli, folder):
    (folder / "factcheck.toml").write_text('engine = "local"\ntop = 2\n[check]\nformat = "md"\n')
    assert cli("check", str(SEEDS)).output.startswith("# factcheck report")
    brief = cli("brief", str(SEEDS))  # [check] does not apply to brief
    assert "Findings: 2 of" in brief.output  # top = 2: two to check first are shown
    assert cli("check", str(SEEDS), "--format", "json").output.startswith("{")  # a flag wins


def test_pyproject_table_in_a_folder_above(cli, folder, monkeypatch):
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.factcheck.check]\nformat = "json"\n'
    )
    (folder / "articles").mkdir()
    monkeypatch.chdir(folder / "articles")
    result = cli("check", str(SEEDS))
    assert json.loads(result.output)["run"]["engine"] == "local"


def test_the_environment_beats_the_file(cli, folder, monkeypatch):
    (folder / "factcheck.toml").write_text("max-bytes = 10\n")
    result = cli("check", str(SEEDS))
    assert result.exit_code == 2 and "10-byte limit" in result.output
    monkeypatch.setenv("FACTCHECK_MAX_BYTES", "5000000")
    assert cli("check", str(SEEDS)).exit_code == 0
    assert cli("check", str(SEEDS), "--max-bytes", "10").exit_code == 2  # and a flag beats both


def test_the_help_shows_the_file_s_default(cli, folder, monkeypatch):
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 240)
    (folder / "factcheck.toml").write_text("concurrency = 9\n")
    assert "[default: 9]" in cli("check", "--help").output


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ('modle = "x"\n', 4, "factcheck.toml: unknown setting 'modle'"),
        ("[chek]\ntop = 1\n", 4, "factcheck.toml: [chek] is not a factcheck command"),
        ("[eval]\ntop = 1\n", 4, "factcheck.toml: [eval] has no setting 'top'"),
        ("top = [\n", 4, "factcheck.toml: not valid TOML"),
        (
            'concurrency = "many"\n',
            2,
            "--concurrency takes a whole number, not 'many' (from the config file)",
        ),
    ],
)
def test_a_bad_file_is_one_line(cli, folder, text, code, message):
    (folder / "factcheck.toml").write_text(text)
    result = cli("check", str(SEEDS))
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], lines


def test_the_readme_example_is_a_valid_config(cli, folder, monkeypatch):
    import re

    import typer.rich_utils

    from .conftest import ROOT

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 240)
    example = re.search(r"```toml\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    (folder / "factcheck.toml").write_text(example.group(1))
    shown = cli("check", "--help")
    assert shown.exit_code == 0, shown.output
    assert "[default: qwen2.5]" in shown.output and "[default: contradiction]" in shown.output
