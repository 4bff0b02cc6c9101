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
