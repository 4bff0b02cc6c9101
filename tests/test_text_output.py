"""Text output: to a file or a pipe, a line of prose is never broken and no line ends in
spaces; on a terminal it wraps at the terminal's width."""

from __future__ import annotations

import pytest

from factcheck.pipeline import run
from factcheck.report import render
from factcheck.report.sides import sides
from factcheck.settings import Settings

from .conftest import SEEDS


@pytest.fixture(scope="module")
def report():
    return run([str(SEEDS)], Settings(engine="local"))


def test_piped_text_is_not_wrapped_and_has_no_trailing_spaces(cli, report, tmp_path):
    piped = cli("check", str(SEEDS)).stdout
    written = tmp_path / "report.txt"
    assert cli("check", str(SEEDS), "-o", str(written)).exit_code == 0
    for text in (piped, written.read_text(encoding="utf-8")):
        lines = text.splitlines()
        assert not [line for line in lines if line != line.rstrip()]
        for sentence in report.brief.sentences:  # each on one whole line
            assert any(line.startswith(f"• {sentence.text} [") for line in lines), sentence.text
        assert max(len(line) for line in lines) > 100  # long lines kept whole


def test_a_terminal_gets_lines_wrapped_to_its_width(report):
    text = render(report, "text", width=60, wrap=True)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert not [line for line in text.splitlines() if line != line.rstrip()]


def test_markdown_gives_every_finding_its_quotes(report):
    text = render(report, "md")
    quotes = text.split("### Quotes", 1)[1].split("## Sources", 1)[0]
    for n, finding in enumerate(report.findings, start=1):
        head = f"**{n}. "
        assert head in quotes, finding.kind
        block = quotes.split(head, 1)[1].split("\n\n", 1)[0]
        # one quote per side: each claim's, or each excerpt's with what differs marked
        assert block.count("\n> [") == len(sides(report, finding)), (finding.kind, block)
    kinds = {f.kind for f in report.findings}
    assert {"unsupported_addition", "single_source"} <= kinds
