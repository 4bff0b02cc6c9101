"""The HTML report: structure checked with an HTML parser, then in headless Chromium with
JavaScript on and off, with a screenshot, a net log, and hostile article text."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from factcheck.pipeline import run
from factcheck.report import render
from factcheck.settings import Settings
from tests.conftest import SEEDS

HOSTILE = (
    "City council approves 40 new buses for the northern district on Monday.\n"
    "<script>document.title = 'pwned'; window.hacked = 1;</script> The mayor said the buses "
    "arrive in May.\n"
    '<img src="http://127.0.0.1:9/x.png" onerror="document.title = \'pwned\'"> Critics said '
    "the plan costs 12 million euros.\n"
)


@pytest.fixture(scope="module")
def seeds_report():
    return run([str(SEEDS)], Settings(engine="local"))


@pytest.fixture(scope="module")
def seeds_html(seeds_report, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "seeds.html"
    path.write_text(render(seeds_report, "html"), encoding="utf-8")
    return path


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed (CI installs it in .ci/run)")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def browse(path: Path, *flags: str, fragment: str = "") -> subprocess.CompletedProcess:
    args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", *flags]  # fmt: skip
    return subprocess.run(
        [*args, path.resolve().as_uri() + fragment], capture_output=True, text=True, timeout=120
    )


def without_scripts(path: Path) -> Path:
    """A copy whose Content-Security-Policy forbids every script: what a reader with
    JavaScript disabled gets. (Headless Chromium cannot dump the DOM with scripting switched
    off in its settings, since dumping itself runs a script.)"""
    html = path.read_text(encoding="utf-8")
    start = html.index("script-src ")
    end = html.index(";", start)
    copy = path.with_name(path.stem + ".nojs.html")
    copy.write_text(html[:start] + "script-src 'none'" + html[end:], encoding="utf-8")
    return copy


def dom(path: Path, js: bool = True) -> BeautifulSoup:
    shown = browse(path if js else without_scripts(path), "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-800:]
    return BeautifulSoup(shown.stdout, "html.parser")


def page_requests(path: Path, tmp_path: Path) -> list[str]:
    """URLs the page itself asked for, from Chromium's net log (the browser's own background
    traffic has no origin as initiator and is left out)."""
    log = tmp_path / f"{path.stem}.netlog.json"
    browse(path, f"--log-net-log={log}", "--dump-dom")
    data = json.loads(log.read_text())
    names = {v: k for k, v in data["constants"]["logEventTypes"].items()}
    urls = []
    for event in data["events"]:
        params = event.get("params", {})
        if names.get(event["type"]) == "URL_REQUEST_START_JOB":
            url = params.get("url", "")
            if params.get("initiator") != "not an origin" and url and not url.startswith("file:"):
                urls.append(url)
    return urls


MEASURE = """<script>
function measure(frame) {
  var doc = frame.contentDocument, root = doc.documentElement, wide = [];
  doc.querySelectorAll("body *").forEach(function (e) {
    var box = e.getBoundingClientRect();
    if (box.width > 0 && box.right > root.clientWidth + 1) wide.push(e.tagName + "#" + e.id);
  });
  var tables = {};
  ["sources-table", "grid-table"].forEach(function (id) {
    var table = doc.getElementById(id);
    tables[id] = Math.max(table.getBoundingClientRect().right, table.scrollWidth);
  });
  document.body.setAttribute("data-measure", JSON.stringify({width: root.clientWidth,
    scroll: root.scrollWidth, height: root.scrollHeight, wide: wide, tables: tables}));
}
</script>"""


def measure(path: Path, width: int) -> dict:
    """Layout of the page in a viewport ``width`` pixels wide: the page inside an iframe of that
    width (headless Chromium's window is never narrower than 500 px), measured from outside."""
    page = path.read_text(encoding="utf-8")
    wrapper = path.with_name(f"{path.stem}.{width}px.html")
    wrapper.write_text(
        f"<!DOCTYPE html><html><body>{MEASURE}<iframe width='{width}' height='900' "
        f"style='border:0' onload='measure(this)' srcdoc=\"{html.escape(page)}\"></iframe>"
        "</body></html>",
        encoding="utf-8",
    )
    shown = browse(wrapper, "--window-size=1400,1000", "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-800:]
    return json.loads(BeautifulSoup(shown.stdout, "html.parser").body["data-measure"])


def check_structure(soup: BeautifulSoup, report) -> None:
    """What must hold whether or not scripts ran."""
    sources = [a for a in report.articles if a.duplicate_of is None]
    head = soup.select("#grid-table thead th.source-col")
    assert len(head) == len(sources)  # one column per source
    rows = soup.select("#grid-table tbody tr")
    assert rows and all(len(r.select("td")) == len(sources) for r in rows)
    assert len(soup.select("article.finding")) == len(report.findings)
    ids = {tag["id"] for tag in soup.select("[id]")}
    links = [a["href"][1:] for a in soup.select('a[href^="#"]')]
    assert links and all(link in ids for link in links)  # every citation target exists
    cites = soup.select("#brief a.cite")
    assert len(cites) >= len(report.brief.sentences)
    assert len(soup.select(".source-text")) == len(sources)


def test_html_structure_without_a_browser(seeds_report, seeds_html):
    soup = BeautifulSoup(seeds_html.read_text(), "html.parser")
    check_structure(soup, seeds_report)
    # conflicting rows first; every contradiction appears in the grid
    rows = soup.select("#grid-table tbody tr")
    flags = ["row-conflict" in (r.get("class") or []) for r in rows]
    assert flags == sorted(flags, reverse=True)
    contradictions = [f for f in seeds_report.findings if f.kind == "contradiction"]
    assert sum(flags) >= len(contradictions) >= 1
    # every claim's evidence is highlighted at its anchor, verbatim
    for claim in seeds_report.claims:
        assert soup.find(id=f"claim-{claim.id}") is not None
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1]
    assert not soup.select("[src]") and not soup.select('link[rel="stylesheet"]')


def test_seeds_report_in_chromium_with_and_without_javascript(seeds_report, seeds_html):
    with_js = dom(seeds_html, js=True)
    check_structure(with_js, seeds_report)
    assert "js" in with_js.html.get("class", [])  # the script ran...
    assert not with_js.select_one("#grid-filters").has_attr("hidden")
    without_js = dom(seeds_html, js=False)
    check_structure(without_js, seeds_report)  # ...and nothing depends on it
    assert "js" not in (without_js.html.get("class") or [])
    assert without_js.select_one("#grid-filters").has_attr("hidden")


def test_seeds_report_screenshot_and_no_network(seeds_html, tmp_path):
    shot = tmp_path / "seeds.png"
    taken = browse(seeds_html, f"--screenshot={shot}", "--window-size=1280,1600")
    assert taken.returncode == 0, taken.stderr[-800:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert page_requests(seeds_html, tmp_path) == []


def test_a_phone_screen_shows_the_page_without_sideways_scrolling(seeds_html):
    phone = measure(seeds_html, 420)
    assert 380 <= phone["width"] <= 420  # the viewport, less a scroll bar
    assert phone["scroll"] <= phone["width"] and not phone["wide"], phone["wide"][:5]
    assert all(right <= phone["width"] for right in phone["tables"].values()), phone["tables"]


def test_long_sections_are_folded_so_the_page_stays_short(seeds_report, seeds_html):
    desktop = measure(seeds_html, 1280)
    assert desktop["scroll"] <= desktop["width"]
    assert desktop["height"] < 8000, desktop["height"]  # every finding and article unfolded: 23,700
    soup = BeautifulSoup(seeds_html.read_text(), "html.parser")
    folded = soup.select("#findings details.more article.finding")
    assert len(folded) == len(seeds_report.findings) - len(
        soup.select("#findings > section > article")
    )
    assert folded and all(not d.has_attr("open") for d in soup.select("details.source-text"))


def test_a_citation_link_opens_the_folded_article_it_points_into(seeds_report, seeds_html):
    claim = seeds_report.brief.sentences[0].claims[0]
    shown = browse(seeds_html, "--dump-dom", fragment=f"#claim-{claim}")  # loaded at the anchor
    soup = BeautifulSoup(shown.stdout, "html.parser")
    article = soup.find(id=f"claim-{claim}").find_parent("details")
    assert article is not None and article.has_attr("open")
    others = [d for d in soup.select("details.source-text") if d is not article]
    assert others and not any(d.has_attr("open") for d in others)


def test_the_net_log_check_catches_a_page_that_loads_something(tmp_path):
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<html><body><img src="http://127.0.0.1:9/pixel.png"></body></html>')
    assert page_requests(leaky, tmp_path) == ["http://127.0.0.1:9/pixel.png"]


def test_markup_in_articles_shows_as_text_and_never_runs(tmp_path):
    for name, extra in (("a.txt", ""), ("b.txt", "The buses arrive in May, officials said.\n")):
        (tmp_path / name).write_text(HOSTILE + extra)
    report = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], Settings(engine="local"))
    page = tmp_path / "hostile.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    static = BeautifulSoup(page.read_text(), "html.parser")
    assert len(static.find_all("script")) == 1  # only the page's own
    assert not static.find_all("img") and not static.select("[onerror]")
    assert "<script>document.title" in static.select_one(".source-text .text").get_text()
    shown = dom(page, js=True)
    assert shown.title.get_text().startswith("factcheck report")  # no script of the article ran
    assert not shown.find_all("img") and not shown.select("[onerror]")
    assert page_requests(page, tmp_path) == []


def test_markdown_carries_the_same_content(seeds_report):
    from factcheck.report.common import grid_columns, grid_rows

    text = render(seeds_report, "md")
    lines = text.splitlines()
    columns = grid_columns(seeds_report)
    start = lines.index("## Claims by source")
    header = lines[start + 2]
    assert header.count("|") == len(columns) + 2
    table = []
    for line in lines[start + 4 :]:
        if not line.startswith("|"):
            break
        table.append(line)
    assert len(table) == len(grid_rows(seeds_report, columns))
    assert all(row.count("|") == len(columns) + 2 for row in table)
    findings = [ln for ln in lines if ln.startswith("| ") and ln.split("|")[1].strip().isdigit()]
    assert len(findings) == len(seeds_report.findings)
    from factcheck.report.plain import markdown

    for sentence in seeds_report.brief.sentences:
        assert markdown(sentence.text) in text


def test_terminal_shows_the_grid_for_small_clusters(seeds_report):
    text = render(seeds_report, "text", width=120)
    assert "Claims by source" in text and "✗ conflict" in text


def test_cli_writes_an_html_file(cli, tmp_path):
    out = tmp_path / "report.html"
    result = cli("check", str(SEEDS), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # readable like any file the user makes
