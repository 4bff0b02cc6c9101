"""The HTML report shows direction overrides, control characters and look-alike letters from
articles, titles and file names as visible stand-ins: none reaches the page raw."""

from __future__ import annotations

import json

import pytest

from factcheck.display import BIDI, INVISIBLE
from factcheck.pipeline import run
from factcheck.report.html import render_html
from factcheck.settings import Settings

RAW = set(BIDI + INVISIBLE) | {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {"\x7f"}

HOSTILE = [
    ("\u202e", "‹U+202E›"),  # right-to-left override
    ("\u2066", "‹U+2066›"),  # left-to-right isolate
    ("\u200f", "‹U+200F›"),  # right-to-left mark
    ("\u2028", "‹U+2028›"),  # line separator
    ("\x1b[2J", "␛[2J"),  # clear screen
    ("\x1b]8;;http://x.invalid\x07", "␛]8;;http://x.invalid␇"),  # terminal link
    ("\u200b", "‹U+200B›"),  # zero-width space
]


def _cluster(folder, inject: str, where: str) -> None:
    text = "The ferry company said the crossing will cost {fare} euros from June.\n"
    body_a = text.format(fare="12" if where != "text" else f"12{inject}")
    (folder / "a.txt").write_text(body_a, encoding="utf-8")
    record = {"text": text.format(fare="15"), "title": "Fares rise"}
    if where == "title":
        record["title"] = f"Fares{inject} rise"
    (folder / "b.json").write_text(json.dumps(record), encoding="utf-8")


@pytest.mark.parametrize(("inject", "shown"), HOSTILE)
@pytest.mark.parametrize("where", ["text", "title"])
def test_nothing_raw_reaches_the_page(tmp_path, inject, shown, where):
    _cluster(tmp_path, inject, where)
    page = render_html(run([str(tmp_path)], Settings(engine="local")))
    assert not RAW & set(page)
    if where == "text":  # (a title may have lost a line separator to ingest's clean-up)
        assert shown.split("[")[0].split("]")[0] in page


@pytest.mark.parametrize("name", ["b\u202etxt.json", "b\x1b[31m.json"])
def test_a_file_name_is_shown_visibly(tmp_path, name):
    _cluster(tmp_path, "", "text")
    (tmp_path / "b.json").rename(tmp_path / name)
    page = render_html(run([str(tmp_path)], Settings(engine="local")))
    assert not RAW & set(page)


def test_a_spoofed_name_shows_its_foreign_letters(tmp_path):
    (tmp_path / "a.txt").write_text("Mayor Ilse Marwick said the bridge reopens in May.\n")
    (tmp_path / "b.txt").write_text("Mayor Ilse M\u0430rwick said the bridge reopens in May.\n")
    page = render_html(run([str(tmp_path)], Settings(engine="local")))
    assert "M‹U+0430›rwick" in page and "M\u0430rwick" not in page
