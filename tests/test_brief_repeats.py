"""The brief's repeat check and wording preference on facts written here: two facts, one worded
from a source sentence cited for the other, are one fact only when their words meet too; of
the wordings of one fact an original's and a cleaner one come before a fuller one."""

from __future__ import annotations

from factcheck.facts import Stated, _preferred, repeats
from factcheck.parts import carried
from tests.fake_engine import article, claim

A = article(
    "The ferry company raised its fares by a tenth on Monday, citing fuel costs. "
    "The island school will close in June.",
    "a.txt",
)
B = article(
    "The ferry company blamed fuel costs when its chief announced new winter timetables for "
    "the island route. The school on the island is to shut in June.",
    "b.txt",
)
FARES = claim(A, "The ferry company raised its fares by a tenth on Monday, citing fuel costs.")
SCHOOL = claim(A, "The island school will close in June.")
BLAMED = claim(B, B.text.split(". ")[0] + ".")
SHUT = claim(B, "The school on the island is to shut in June.")


def _stated(text, claims, score=0.0, sources=2):
    fact = Stated(text, claims, sources, 0.5, score)
    fact.alone = {claims[0].id}
    return fact


def test_a_fact_worded_from_a_sentence_cited_for_another_repeats_it_when_their_words_meet():
    fares = _stated(FARES.text, [FARES])
    blamed = _stated(BLAMED.text, [BLAMED, FARES, SCHOOL])  # FARES cited beside another
    assert repeats(blamed, fares, carried)
    assert not repeats(_stated(BLAMED.text, [BLAMED]), fares, carried)


def test_one_long_source_sentence_backing_two_different_facts_is_no_repeat():
    fares = _stated("The ferry company raised its fares by a tenth on Monday.", [FARES])
    school = _stated(SHUT.text, [SHUT, SCHOOL, FARES])  # FARES cited beside SCHOOL
    assert not repeats(school, fares, carried)


def test_an_original_and_a_cleaner_wording_come_before_a_fuller_one():
    full = _stated(FARES.text, [FARES, BLAMED], score=0.3)
    bare = _stated("The ferry company raised its fares.", [FARES, BLAMED], score=0.0)
    assert _preferred(bare, copy=False) > _preferred(full, copy=False)
    assert _preferred(_stated(FARES.text, [FARES, BLAMED]), copy=False) > _preferred(
        bare, copy=False
    )  # equally clean: the fuller one
    copied = _stated(bare.text, bare.claims)
    assert _preferred(bare, copy=False) > _preferred(copied, copy=True)
    single = _stated(FARES.text, [FARES], sources=1)
    assert _preferred(bare, copy=True) > _preferred(single, copy=False)
