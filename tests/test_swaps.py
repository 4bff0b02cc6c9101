"""Cross-source swaps and the choice of wording to quote, with stories written here."""

from __future__ import annotations

from factcheck.choose import Candidate, ancestors, choose, completeness, rank
from factcheck.swaps import Cluster, differences

ORIGINAL = (
    "The regional council approved the new tram line on Thursday after a long debate. "
    "The line will cost 40 million euros and open in 2027, the council said."
)
SPUN = (
    "The regional council accepted the new tram line on Thursday after a long debate. "
    "The line will cost 40 million euros and open in 2027, the council mentioned."
)
OTHER = (
    "Councillors approved the tram plan, the council said. Critics said the cost was too high "
    "and the debate too long."
)


def test_differences_find_single_word_swaps():
    mine = "the council mentioned on Thursday that the tram line will open".split()
    theirs = "the council said on Thursday that the tram line will open".split()
    assert differences(mine, theirs) == [("mentioned", "said")]


def test_numbers_names_and_spelling_are_not_swaps():
    a = "the council said on Thursday that the defence budget rose to 40 million".split()
    b = "the council said on Thursday that the defense budget rose to 45 million".split()
    assert differences(a, b) == []
    c = "Councillor Smith said on Thursday that the tram line will open soon".split()
    d = "Councillor Jones said on Thursday that the tram line will open soon".split()
    assert differences(c, d) == []


def test_unrelated_sentences_have_no_differences():
    a = "the council said the tram line will open".split()
    b = "critics said the cost of the project was far too high this year".split()
    assert differences(a, b) == []


def test_the_word_the_story_uses_less_marks_the_copy():
    cluster = Cluster({"orig": ORIGINAL, "spun": SPUN, "other": OTHER})
    spun_sentence = SPUN.split(". ")[1]
    original_sentence = ORIGINAL.split(". ")[1]
    marked = cluster.assess(spun_sentence, "spun")
    assert marked.artifact
    assert any("mentioned" in m.reason and "said" in m.reason for m in marked.marks)
    assert not cluster.assess(original_sentence, "orig").marks


def test_derived_from_decides_which_side_is_the_copy():
    first_spun, first_original = SPUN.split(". ")[0] + ".", ORIGINAL.split(". ")[0] + "."
    undecided = Cluster({"orig": ORIGINAL, "spun": SPUN})
    assert not undecided.assess(first_spun, "spun").marks  # "accepted" vs "approved": a tie
    decided = Cluster({"orig": ORIGINAL, "spun": SPUN}, derived={"spun": "orig"})
    assert decided.assess(first_spun, "spun").artifact
    assert not decided.assess(first_original, "orig").marks


def test_a_left_out_small_word_marks_the_sentence_lacking_it():
    full = "The mayor opened the bridge over the river on Friday morning with the governor."
    short = "The mayor opened the bridge over river on Friday morning with the governor."
    cluster = Cluster({"a": full, "b": short})
    assert any(m.signal == "swap" for m in cluster.assess(short, "b").marks)
    assert not cluster.assess(full, "a").marks


def test_choose_prefers_an_original_over_its_copy_even_when_the_copy_is_cleaner():
    original = Candidate("The line will open in 2027.", "orig", score=0.2)
    copy = Candidate("The line will open in 2027.", "copy", score=0.0)
    assert choose([copy, original], {"copy": "orig"}) == original


def test_a_copy_whose_original_is_absent_competes_on_wording():
    copy = Candidate("The line will open in 2027.", "copy", score=0.0)
    other = Candidate("The line will open in 2027,, officials said.", "other", score=0.55)
    assert choose([other, copy], {"copy": "orig"}) == copy


def test_choose_prefers_clean_wording_then_completeness():
    spun = Candidate("The council Also approved the line.", "a", score=0.55)
    short = Candidate("The council approved the line.", "b", score=0.0)
    full = Candidate("The regional council approved the 40 million euro line.", "c", score=0.0)
    assert rank([spun, short, full], {}) == [full, short, spun]
    assert completeness(full.text) > completeness(short.text)


def test_ties_keep_the_given_order():
    a, b = Candidate("Same words here.", "a"), Candidate("Same words here.", "b")
    assert choose([a, b], {}) == a and choose([b, a], {}) == b


def test_ancestors_follow_a_chain_and_stop_on_a_loop():
    assert ancestors("c", {"c": "b", "b": "a"}) == {"a", "b"}
    assert ancestors("a", {"a": "b", "b": "a"}) == {"a", "b"}
    assert ancestors("a", {}) == set()


def test_on_a_tie_the_less_cleanly_worded_sentence_is_the_copy():
    clean = "The regional council approved the new tram line on Thursday, officials said."
    messy = "The regional council backed the new tram line on Thursday,, officials said."
    cluster = Cluster({"a": clean, "b": messy})
    assert any(m.signal == "swap" for m in cluster.assess(messy, "b").marks)
    assert not cluster.assess(clean, "a").marks
