"""Findings in the reports: what to check first, each side with the words that differ marked;
the rest (facts one source alone reports, spelling variants) one line each or collapsed."""

import pytest
from bs4 import BeautifulSoup

from factcheck.ingest import ingest_records
from factcheck.pipeline import run_ingested
from factcheck.report import render
from factcheck.report.text import render_text
from factcheck.settings import Settings

TEXTS = [
    "Floods cut power to 4,000 homes in the Auden valley on Sunday. The Halden Foundation gave "
    "2 million crowns to the flood appeal on Monday. The dam at Velt held. Schools in Brask shut.",
    "Floods cut power to 9,000 homes in the Auden valley on Sunday. The Halden Basis gave "
    "2 million crowns to the flood appeal on Monday. Trains stopped at Ostby for a day.",
]


@pytest.fixture(scope="module")
def report():
    records = [{"text": t} for t in TEXTS]
    return run_ingested(ingest_records(records, "floods"), Settings(engine="local"))


def test_terminal_marks_the_words_that_differ_and_lists_the_rest_one_line_each(report):
    shown = render_text(report, width=200)
    assert "**4,000 homes**" in shown and "**9,000 homes**" in shown
    assert "**Halden Foundation**" in shown and "**Halden Basis**" in shown
    singles = [line for line in shown.splitlines() if "alone reports" in line]
    assert len(singles) == 2 and all(line.startswith("• single source") for line in singles)
    coloured = render_text(report, width=200, color=True)
    assert "**4,000 homes**" not in coloured and "\x1b[" in coloured  # reverse video instead


def test_markdown_gives_every_finding_with_its_quotes_marked(report):
    shown = render(report, "md")
    for n, finding in enumerate(report.findings, start=1):
        assert f"**{n}. {finding.kind.replace('_', ' ')}" in shown
    assert "**4,000 homes**" in shown and "**Halden Basis**" in shown
    assert "Schools in Brask shut" in shown  # a single-source fact's quote


def test_html_opens_on_what_matters_with_the_rest_collapsed(report):
    soup = BeautifulSoup(render(report, "html"), "html.parser")
    main = soup.find("main")
    assert main.find("section")["id"] == "findings"  # the page opens on the findings
    marked = [m.get_text() for m in soup.select("mark.diff")]
    assert {"4,000 homes", "9,000 homes", "Halden Foundation", "Halden Basis"} <= set(marked)
    more = soup.select_one("#findings > details.others")
    assert more is not None and not more.has_attr("open")
    assert {a["data-kind"] for a in more.select("article.finding")} == {"single_source"}
    first = [a["data-kind"] for a in soup.select("#findings > section > article.finding")]
    assert set(first) == {"contradiction", "name_variant"}
