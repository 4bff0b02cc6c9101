"""Headings and page furniture by line (``layout``)."""

import pytest

from factcheck.layout import furniture_lines, line_kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("A QUIET WIN FOR THE FARMERS", "heading"),
        ("Talks Resume After a Long Pause", "heading"),
        ("3. Prices Fall Again in the North", "heading"),
        ("Possible outcomes", "heading"),
        ("By Ann Lee", "byline"),
        ("By Ann Lee and Tom Berg, Reuters", "byline"),
        ("Reporting by Ann Lee; Editing by Tom Berg", "byline"),
        ("— Ann Lee (@annlee) May 4, 2021", "byline"),
        ("Photo: Harbour Authority", "caption"),
        ("[Image via the city council]", "caption"),
        ("The flooded square on Sunday (Getty Images)", "caption"),
        ("Share this article", "prompt"),
        ("Follow us on Twitter", "prompt"),
        ("Sign up for our newsletter", "prompt"),
        ("RELATED: Ten towns that flood every spring", "prompt"),
        ("Scroll down for video", "prompt"),
        ("Leave a Reply", "prompt"),
        ("https://example.org/story/123", "embed"),
        ("Sunny day in the park pic.twitter.com/abc123", "embed"),
        ("Updated 8:08 AM, May 4, 2021", "timestamp"),
    ],
)
def test_line_kinds(line, kind):
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The council approved the new cycle lane on Tuesday.",
        "By the time rescuers arrived, the water had reached the roofs.",
        "By contrast, the mayor said nothing.",
        "Floodwater reached the first floor of homes in the village of Marren overnight",
        "“We will rebuild,” she said.",
        "",
        "—",
    ],
)
def test_text_lines_are_not_furniture(line):
    assert line_kind(line) is None


def test_furniture_lines_keep_offsets():
    text = "FLOODS IN THE NORTH\nBy Ann Lee\n\nThe river rose overnight.\nShare this\n"
    found = furniture_lines(text)
    assert [(text[s:e], k) for s, e, k in found] == [
        ("FLOODS IN THE NORTH", "heading"),
        ("By Ann Lee", "byline"),
        ("Share this", "prompt"),
    ]


def test_a_capitalised_line_inside_a_wrapped_paragraph_is_text():
    text = (
        "The council met on Monday to discuss the plan put forward by\n"
        "Deputy Mayor Ann Lee And The\n"
        "harbour board, officials said.\n"
        "\n"
        "Next Steps\n"
        "The board meets again in May.\n"
    )
    assert [(text[s:e], k) for s, e, k in furniture_lines(text)] == [("Next Steps", "heading")]


def test_headings_and_prompts_make_no_claims():
    from factcheck.engines.local import LocalEngine
    from factcheck.extract import extract
    from factcheck.ingest import make_article

    text = (
        "Harbour Reopens After Three Days Of Storms At Sea\nBy Ann Lee\n"
        "The harbour reopened on Monday.\nWHAT COMES NEXT\nFerries sail again on Tuesday.\n"
        "Share this article\n"
    )
    article = make_article(text, "a.txt")
    assert [text[s.start : s.end] for s in article.furniture] == [
        "Harbour Reopens After Three Days Of Storms At Sea", "By Ann Lee", "WHAT COMES NEXT",
        "Share this article",
    ]  # fmt: skip
    claims = extract([article], LocalEngine()).claims
    assert [c.text for c in claims] == [
        "The harbour reopened on Monday.", "Ferries sail again on Tuesday."
    ]  # fmt: skip
