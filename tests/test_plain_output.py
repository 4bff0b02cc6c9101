"""Article-derived text in the text and Markdown reports is plain text: rich markup is never
parsed, escape sequences and direction overrides never reach the terminal, Markdown never
turns an article into links, images, HTML or headings; and names and figures are compared as a
reader sees them (invisible characters removed, look-alike letters flagged)."""

from __future__ import annotations

import re

import pytest

from factcheck.name_spelling import variant_kind
from factcheck.names import find_entities, speaker
from factcheck.pipeline import run
from factcheck.quantities import parse_quantities
from factcheck.report.markdown import render_markdown
from factcheck.report.plain import markdown, markdown_code, visible
from factcheck.report.text import render_text
from factcheck.settings import Settings
from factcheck.times import parse_times

BASE = "The port authority approved {n} new cranes on Friday, the chair said."
MARKUP = [
    "[/quote]", "[/]", "[bold red]loud[/bold red]", "[link=https://evil.example]click[/link]",
    "[on red]", "[blink]x", ":thumbs_up: :smile:", "[@click=app.quit]q[/]", "[#ff0000]red",
]  # fmt: skip
ESCAPES = [
    "\x1b[2J\x1b[H", "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07", "\x1b]0;title\x07",
    "\x1b]52;c;cm0gLXJmIH4=\x07", "\x1bP+q\x1b\\", "\x9b31m", "\r\x1b[Kfake line", "\x08\x08\x7f",
    "\x00\x05\x0b\x0c", "\u202eevil\u202c", "\u2066\u2067\u2068\u2069", "\u200e\u200f\u061c",
    "\u2028\u2029\x85",
]  # fmt: skip
DANGEROUS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


@pytest.mark.parametrize("payload", ESCAPES)
def test_visible_leaves_nothing_a_terminal_acts_on(payload):
    for one_line in (False, True):
        shown = visible(f"before {payload} after", one_line=one_line)
        assert not DANGEROUS.search(shown), repr(shown)
        assert shown.startswith("before ") and shown.endswith(" after")


@pytest.mark.parametrize("text", ["plain words", "naïve café €40", "Мария в Москве", "東京 12台",
                                  "👩‍👩‍👧 family", "tab\tand\nline"])  # fmt: skip
def test_visible_leaves_ordinary_text_alone(text):
    assert visible(text) == text


@pytest.mark.parametrize(
    ("raw", "not_in"),
    [
        ("[click](javascript:alert(1))", "[click]("),
        ("![pixel](https://track.example/p.gif)", "!["),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("&#x202E; entity", "&#x"),
        ("a | b | c", " | b"),
        ("**bold** _it_ ~~gone~~ `code`", "**bold**"),
        ("[ref]: https://evil.example", "[ref]:"),
    ],
)
def test_markdown_text_renders_as_its_words(raw, not_in):
    escaped = markdown(raw)
    assert not re.search(r"(?<!\\)" + re.escape(not_in), escaped), escaped
    assert re.sub(r"\\(.)", r"\1", escaped) == raw  # unescaped, it is the text itself


@pytest.mark.parametrize("line", ["# Fake heading", "> fake quote", "- fake item", "1. item",
                                  "=====", "+ plus"])  # fmt: skip
def test_markdown_quote_lines_cannot_start_blocks(line):
    escaped = markdown(f"first\n{line}", one_line=False).splitlines()[1]
    assert escaped[0] == "\\" or escaped[1] == "\\" or "\\" in escaped[:4]


@pytest.mark.parametrize("raw", ["plain.txt", "a`b.txt", "``x``", "`", "a\x1b[2Jb"])
def test_markdown_code_spans_cannot_be_closed_early(raw):
    span = markdown_code(raw)
    fence = re.match(r"`+", span).group()
    inner = span[len(fence) : -len(fence)]
    assert fence not in inner and not DANGEROUS.search(span)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    payload = " ".join(MARKUP + ESCAPES).replace("\x00", "")  # a NUL makes a file binary
    (folder / "a.txt").write_text(BASE.format(n=40) + " " + payload + " Costs rose 5%.\n")
    (folder / "b.txt").write_text(BASE.format(n=60) + " Costs rose 5%.\n")
    (folder / "c.html").write_text(
        "<html><head><title>[link=https://evil.example]T[/link] \x1b[31m\u202eeltit</title>"
        "</head><body><p>" + BASE.format(n=70) + "</p><p>The new cranes will be delivered "
        "in the spring, and the quay will stay open to ships while they are installed.</p>"
        "</body></html>"
    )
    return run([str(folder)], Settings(engine="local"))


@pytest.mark.parametrize("color", [False, True])
def test_text_report_shows_hostile_text_plainly(hostile_report, color):
    out = render_text(hostile_report, top=50, width=4000, color=color)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # rich's own colours, when asked for
    assert not DANGEROUS.search(plain)
    assert "\x1b]8;" not in out and "evil.example" in plain  # shown, never a link
    for markup in MARKUP:
        assert markup in plain  # verbatim: not parsed, not dropped
    quote = next(c.evidence.quote for c in hostile_report.claims if "[/quote]" in c.text)
    shown = "\n".join(line.rstrip(" ") for line in visible(quote).split("\n"))
    assert shown[:200] in plain  # as written (long quotes are cut), less the spaces at line ends


def test_markdown_report_shows_hostile_text_plainly(hostile_report):
    out = render_markdown(hostile_report)
    assert not DANGEROUS.search(out)
    assert "[link=https://evil.example]" not in out and "\\[link=https://evil.example\\]" in out
    own = "factcheck report|Brief|Findings|Quotes|Sources|Claims"
    assert not re.search(rf"(?m)^#(?!#* ({own}))", out)  # no heading from an article


# -- compared as a reader sees it ----------------------------------------------------------------

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"]
WRAPS = [("\u202a", "\u202c"), ("\u202b", "\u202c"), ("\u202d", "\u202c"),
         ("\u202e", "\u202c"), ("\u2066", "\u2069"), ("\u2067", "\u2069"),
         ("\u2068", "\u2069"), ("\u200f", "\u200e")]  # fmt: skip


@pytest.mark.parametrize(("left", "right"), WRAPS)
def test_a_direction_wrapped_figure_is_read(left, right):
    found = parse_quantities(f"The board approved {left}40{right} new cranes.")
    assert [(q.value, q.unit) for q in found] == [(40.0, "crane")]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_an_invisible_mark_inside_a_figure_or_date_changes_nothing(mark):
    found = parse_quantities(f"They paid 1{mark}2 million euros on 3{mark}1 May.")
    assert [q.value for q in found] == [12e6]
    assert [t.value for t in parse_times(f"It opened on 3{mark}1 May 2024.")] == ["2024-05-31"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_an_invisible_mark_inside_a_name_makes_no_new_name(mark):
    names = {e.name for e in find_entities(f"Mayor Hel{mark}ena Varga said the fleet is ready.")}
    assert "Helena Varga" in names
    assert variant_kind("Helena Varga", f"Hel{mark}ena Varga") == "same"


@pytest.mark.parametrize(
    "spoof",
    ["Hel\u0435na Varga", "H\u0435l\u0435na V\u0430rga", "\u041delena Varga",
     "Helena V\u03b1rga", "Helen\u0430 Varg\u0430"],
)  # fmt: skip
def test_a_name_with_look_alike_letters_is_flagged(spoof):
    assert variant_kind("Helena Varga", spoof) == "script"
    names = {e.name for e in find_entities(f"Mayor {spoof} said the fleet is ready.")}
    assert spoof in names  # kept as written, so it shows as a variant of the real name
    assert "‹U+" in visible(spoof)
    assert speaker(f"The fleet is ready, {spoof} said.") == spoof


@pytest.mark.parametrize("name", ["Мария Иванова", "Ελένη Παππά", "Helena Varga", "José Núñez"])
def test_single_script_names_are_not_flagged(name):
    assert visible(name) == name
    assert variant_kind(name, name) == "same"


def test_a_spoofed_name_in_a_cluster_is_a_name_variant(tmp_path):
    (tmp_path / "a.txt").write_text("Mayor Helena Varga said the port will add 40 cranes.\n")
    (tmp_path / "b.txt").write_text("Mayor Hel\u0435na Varga said the port will add 40 cranes.\n")
    report = run([str(tmp_path)], Settings(engine="local"))
    variants = [f for f in report.findings if f.kind == "name_variant"]
    assert variants and set(variants[0].variants) == {"Helena Varga", "Hel\u0435na Varga"}
    assert "Hel‹U+0435›na Varga" in render_text(report, top=50, width=400)
