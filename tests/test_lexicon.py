"""The support scorer's lexicon: its data files are consistent, and words map as intended."""

from __future__ import annotations

from collections import defaultdict

import pytest

from factcheck.lexicon import _lines, _root, concept, join_phrases, lexicon, opposite
from factcheck.word_spelling import spelling_key


def test_no_word_belongs_to_two_groups():
    bases = lexicon().bases
    owners: dict[str, set[str]] = defaultdict(set)
    for name in ("synonyms.txt", "demonyms.txt"):
        for line in _lines(name):
            head = line[0]
            for word in line:
                if word != ":":
                    owners[_root(word, bases)].add(f"{name}:{head}")
    shared = {root: groups for root, groups in owners.items() if len(groups) > 1}
    assert shared == {}


def test_opposites_are_two_different_concepts_and_never_synonyms():
    for a, b in _lines("antonyms.txt"):
        assert concept(a) != concept(b), (a, b)
        assert opposite(concept(a), concept(b)) and opposite(concept(b), concept(a))


def test_every_form_line_has_a_base_and_forms():
    for line in _lines("forms.txt"):
        assert len(line) >= 2, line
        assert all(concept(form) == concept(line[0]) for form in line[1:]), line


@pytest.mark.parametrize(
    ("a", "b"),
    [("went", "go"), ("children", "child"), ("purchased", "bought"), ("organised", "organized"),
     ("colour", "color"), ("centre", "center"), ("defence", "defense"), ("UK".lower(), "britain"),
     ("kids", "children"), ("attorney", "lawyers"), ("slammed", "criticised")],
)  # fmt: skip
def test_words_that_report_the_same_thing_share_a_concept(a, b):
    assert concept(a) == concept(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("welsh", "wales"), ("buy", "sell"), ("rose", "fell"), ("police", "policy"),
     ("state", "statement"), ("scientist", "research")],
)  # fmt: skip
def test_words_that_differ_keep_their_own_concepts(a, b):
    assert concept(a) != concept(b)


def test_opposites_cover_inflections_and_synonyms():
    assert opposite(concept("rising"), concept("plunged"))
    assert opposite(concept("won"), concept("defeat"))
    assert not opposite(concept("rose"), concept("increase"))


def test_spelling_and_two_word_places():
    assert spelling_key("prioritising") == "prioritizing"
    assert spelling_key("neighbours") == "neighbors"
    assert join_phrases(["in", "the", "united", "states", "today"]) == [
        "in", "the", "united_states", "today"
    ]  # fmt: skip
    assert concept("united_states") == concept("america")
