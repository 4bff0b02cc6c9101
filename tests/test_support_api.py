"""The support scorer's API for the stages: does each cited source carry a sentence, and if not
why (``verify.carried_by``); what a claim adds to its origin article (``verify.additions``);
and the order and kind of differences an editor reads. The story is invented for these tests."""

from __future__ import annotations

from factcheck.difference import Difference, ranked
from factcheck.verify import Sources, additions, carried_by, verify

WIRE = (
    "The Marrow Valley council approved 40 electric buses on Wednesday. Transport chief Lina "
    "Osei said the buses would enter service in May. The order cost £9m."
)
RADIO = "Lina Osei, the transport chief, said the council's 40 buses were approved on Wednesday."
BLOG = "A local blog said the buses would be second-hand."


def test_each_cited_source_says_whether_it_carries_the_sentence():
    sentence = "The Marrow Valley council approved 40 electric buses on Wednesday."
    wire, radio, blog = carried_by(sentence, [WIRE, RADIO, BLOG])
    assert wire.supported and wire.differences == []
    assert not blog.supported
    assert {d.type for d in blog.differences} >= {"figure", "date"}
    assert radio.score > blog.score


def test_a_source_that_says_otherwise_names_the_difference():
    [wire] = carried_by("The Marrow Valley council approved 40 electric buses on Tuesday.", [WIRE])
    assert not wire.supported
    [date] = [d for d in wire.differences if d.type == "date"]
    assert date.scope == "conflict" and date.source == "Wednesday"
    assert date.explanation == "'Tuesday' is not in the source; it says 'Wednesday'"
    assert wire.why()[0] == date.explanation


def test_carried_by_takes_sources_read_once():
    read = Sources([WIRE])
    [again] = carried_by("The order cost £9m.", [read])
    assert again.supported and again.score == verify(read, "The order cost £9m.").score


def test_additions_lists_what_a_rewrite_adds_facts_first():
    claim = "Lina Osei said the 55 buses, built in Poland, would enter service in May."
    found = additions(claim, WIRE)
    assert all(isinstance(d, Difference) for d in found)
    assert found[0].factual
    said = {d.claim for d in found}
    assert "55" in " ".join(said) and "Poland" in said
    assert [d.explanation for d in found] == [d.explanation for d in ranked(found)]


def test_a_rewrite_that_adds_nothing_has_no_additions():
    assert additions("The council approved 40 electric buses on Wednesday.", WIRE) == []
    assert additions("The order cost £9m.", Sources([WIRE])) == []


def test_a_claim_that_only_hedges_adds_nothing():
    assert additions("The order may have cost £9m.", [WIRE]) == []


def test_ranked_puts_facts_the_source_contradicts_before_new_wording():
    wording = Difference("wording", "shiny", None, "absent", "'shiny' is not in the source")
    figure = Difference("figure", "41", "40", "conflict", "'41' differs from the source")
    name = Difference("name", "Ruth", None, "absent", "'Ruth' is not in the source")
    near = Difference("negation", "x", "no y", "near", "the source's sentence is negative")
    assert ranked([wording, near, name, figure]) == [figure, name, wording, near]
    assert figure.factual and name.factual and not wording.factual and not near.factual
    assert figure.as_dict()["explanation"] == figure.explanation


def test_why_explains_an_unsupported_claim_without_differences():
    result = verify(Sources(["Rain fell. The river rose."]), "Rain fell and the river rose.")
    assert all(isinstance(line, str) and line for line in result.why())
