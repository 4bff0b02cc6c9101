"""Sources are named by outlet and title when the article says, else by host or file name."""

from __future__ import annotations

from factcheck.ingest import make_article
from factcheck.labels import headline, source_label

BODY = "The harbour authority approved a second ferry berth on Tuesday, officials said.\n"


def test_outlet_and_title_from_metadata():
    article = make_article(BODY, "wire/a1.html", title="Ferry berth approved", outlet="Coast Daily")
    assert source_label(article) == "Coast Daily: Ferry berth approved"
    assert article.source == "wire/a1.html"  # the source stays the path


def test_host_of_the_address_stands_for_a_missing_outlet():
    article = make_article(BODY, "https://www.coast.example/x", url="https://www.coast.example/x")
    assert source_label(article) == "coast.example: https://www.coast.example/x"
    titled = make_article(
        BODY, "https://news.example/y", title="Berth", url="https://news.example/y"
    )
    assert source_label(titled) == "news.example: Berth"


def test_a_headline_first_line_names_the_article():
    text = "Second Ferry Berth Approved For Harbour\n" + BODY
    assert headline(text) == "Second Ferry Berth Approved For Harbour"
    assert source_label(make_article(text, "a/b/0042.txt")) == (
        "Second Ferry Berth Approved For Harbour"
    )


def test_sentences_bylines_captions_and_datelines_are_not_headlines():
    for first in (
        "The harbour authority approved a second ferry berth.",
        "By Ana Ruiz",
        "Harbour cranes at dusk. Photo: Port archive",
        "PORTVILLE (Coast Wire) -",
        "the harbour in lower case",
        "Updated 4 May",
    ):
        assert headline(first + "\n" + BODY) is None, first
    assert headline("Ferry Berth Approved") is None  # nothing below it: the whole text


def test_no_metadata_falls_back_to_the_file_name_and_long_labels_are_shortened():
    assert source_label(make_article(BODY, "wire/0042_x.txt")) == "0042_x.txt"
    long = make_article(BODY, "a.txt", title="word " * 40)
    label = source_label(long, limit=30)
    assert len(label) <= 30 and label.endswith("…")
