import json
import subprocess
import sys

from factcheck.models import SCHEMA_VERSION
from factcheck.schema import report_schema

from .conftest import ROOT, SEEDS


def test_brief_on_seeds(cli):
    result = cli("brief", str(SEEDS))
    assert result.exit_code == 0
    assert "of 4 sources" in result.output
    assert "[1]" in result.output
    assert "contradiction (role title)" in result.output
    assert "name variant" in result.output


def test_fail_on_contradiction_sets_exit_code(cli):
    assert cli("check", str(SEEDS), "--fail-on", "contradiction").exit_code == 1
    single = str(SEEDS / "002_7682a3ce6621e8d7.txt")
    assert cli("check", single, "--fail-on", "contradiction").exit_code == 0


def test_markdown_output(cli):
    result = cli("check", str(SEEDS), "--format", "md")
    assert result.output.startswith("# factcheck report")
    assert "| # | kind | severity |" in result.output


def test_extract_prints_claims(cli):
    result = cli("extract", str(SEEDS / "000_2dd8719725d3440d.txt"))
    data = json.loads(result.output)
    assert set(data) == {"schema_version", "run", "usage", "articles", "claims"}
    assert data["claims"][0]["evidence"]["quote"]


def test_errors_are_one_line(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    for args in (
        [str(tmp_path / "missing.txt")],
        [str(tmp_path / "empty.txt")],
        [str(tmp_path / "blob.txt")],
        ["--engine", "nonsense", str(SEEDS)],
    ):
        result = cli("check", *args)
        assert result.exit_code in (2, 4), result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("factcheck: error:"), result.output
        assert "Traceback" not in result.output


def test_partial_input_exit_code(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("check", str(SEEDS), str(tmp_path / "empty.txt"), "--format", "json")
    assert result.exit_code == 3
    assert f"factcheck: not checked: {tmp_path / 'empty.txt'}: empty" in result.stderr


def test_single_article_says_nothing_to_compare(cli):
    result = cli("brief", str(SEEDS / "000_2dd8719725d3440d.txt"))
    assert result.exit_code == 0
    assert "nothing to compare" in " ".join(result.output.split())


def test_committed_schema_matches_models():
    committed = json.loads((ROOT / "schema" / "report.schema.json").read_text())
    assert committed == report_schema(), (
        "the report schema changed: bump SCHEMA_VERSION if the change breaks consumers, then "
        "run `factcheck schema -o schema/report.schema.json` and commit it"
    )
    assert committed["$id"].endswith(f"report-{SCHEMA_VERSION}.json")


def test_python_dash_m_and_help():
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "--fail-on" in done.stdout and "Example" in done.stdout


def test_every_option_a_message_mentions_exists():
    import re

    import typer.main

    from factcheck.cli import app

    group = typer.main.get_command(app)
    commands = [group, *group.commands.values()]
    flags = {flag for c in commands for p in c.params for flag in p.opts}
    source = ROOT / "src" / "factcheck"
    mentioned = {
        flag
        for path in source.rglob("*.py")
        for flag in re.findall(r"(?<![\w-])--[a-z][a-z-]+", path.read_text(encoding="utf-8"))
    }
    assert "--max-output-tokens" in mentioned
    assert mentioned - {"--help"} <= flags
