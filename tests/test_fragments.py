"""Fragments: what cannot stand alone as a sentence of the brief."""

from __future__ import annotations

import pytest

from factcheck.fragments import fragment

STANDS = [
    "The ferry company cancelled all crossings to Port Ellis on Sunday.",
    "Mayor Okafor said the bridge would reopen in March.",
    "“We will rebuild the pier,” Mayor Okafor told reporters on Monday.",
    "In addition to the pier, the storm damaged two lighthouses on the coast.",
    "Because of the storm, the ferry company cancelled every crossing.",
    "A fisherman was rescued after his boat capsized near the harbour.",
    "The US navy sent two ships to help with the rescue on Tuesday.",
    "WikiLeaks said the harbour files would be published on Tuesday.",
]
NOT_A_SENTENCE = [
    "Storm Batters Port Ellis As Ferries Halt Crossings",  # a headline
    "PICTURED: the damaged pier at dawn",  # a caption
    "Is the pier safe to walk on again?",  # a question
    "Leave a comment below",
    "@media only screen and (min-width: 500px) { .ad { display: none; } }",
    "Ferries halted.",  # too short
    "RelatedFerry strike ends after two daysPort Ellis reopens its harbour to ferries today.",
]
LEANS = [
    "He said the pier would be closed for a month.",
    "This marks the worst storm in the town in forty years.",
    "These remarks angered the fishermen of the harbour.",
    "But the pier was closed again on Friday morning.",
    "However, the ferry company disputed the figures.",
    "In return, the town council promised to pay for repairs.",
    "The harbour master also said the pier was unsafe.",
    "Five days later, he returned to the harbour with a crew.",
    "“The pier is finished,” he said after the inspection.",
    "Unfortunately, I think the pier cannot be saved.",
    "First, the storm knocked out the harbour lights.",
    "Further, the harbour master is barred from speaking to the press.",
]
WITHOUT_SPEAKER = [
    "“The pier is finished and we cannot fix it this year.”",
    "'The pier is finished and we cannot fix it this year.'",
]
QUOTE_PIECES = [
    "“The pier is finished and we cannot fix it this year.",
    "Nobody expected the sea to rise that fast.” the harbour master said.",
]


@pytest.mark.parametrize("text", STANDS)
def test_a_sentence_that_stands_alone(text):
    assert fragment(text) is None


@pytest.mark.parametrize("text", NOT_A_SENTENCE)
def test_headlines_captions_questions_and_furniture_are_not_sentences(text):
    assert fragment(text) == "not a sentence"


@pytest.mark.parametrize("text", LEANS)
def test_a_sentence_that_leans_on_an_earlier_one(text):
    assert fragment(text) == "leans on an earlier sentence"


@pytest.mark.parametrize("text", QUOTE_PIECES)
def test_a_piece_of_a_longer_quotation(text):
    assert fragment(text) == "part of a longer quotation"


@pytest.mark.parametrize("text", WITHOUT_SPEAKER)
def test_a_quotation_without_its_speaker(text):
    assert fragment(text) == "a quotation without its speaker"
