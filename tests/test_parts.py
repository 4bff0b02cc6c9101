"""Parts: a source that states a sentence's main clause and its trailing clause apart."""

from __future__ import annotations

from factcheck.citation import carries
from factcheck.main_clauses import split_clause
from factcheck.parts import carried, holds, stating

LEAD = ("The rowing clubs of Orlen and Velmar signed a merger agreement, pledging to share one "
        "boathouse in case of flooding.")  # fmt: skip
SOURCE = [
    "The rowing clubs of Orlen and Velmar signed a merger agreement on Monday.",
    "The weather stayed dry for the regatta.",
    "The agreement provides for a shared boathouse in the event of flooding, the clubs said.",
]


def test_a_sentence_splits_at_its_first_clause_cut():
    head, tail = split_clause(LEAD)
    assert head == "The rowing clubs of Orlen and Velmar signed a merger agreement."
    assert tail == "pledging to share one boathouse in case of flooding."
    assert split_clause("The ferry sank near Velmar on Monday night.") is None


def test_a_source_that_tells_the_two_clauses_apart_states_the_sentence():
    assert not carries(LEAD, SOURCE[:1]).ok  # the main clause alone does not carry it
    assert stating(LEAD, SOURCE, carries) == [0, 2]
    assert carried(LEAD, [SOURCE[0], SOURCE[2]]).ok


def test_the_rest_must_be_held_by_a_passage_about_the_same_thing():
    head, tail = split_clause(LEAD)
    unrelated = "Flooding shared one boathouse in case of rain, the weather office said."
    assert not holds(tail, head, unrelated)  # nothing of the merger in it
    assert not stating(LEAD, [SOURCE[0], SOURCE[1]], carries)
    assert not carried(LEAD, SOURCE[:2]).ok


def test_a_trailing_clause_with_a_figure_the_source_lacks_is_not_held():
    lead = ("The rowing clubs of Orlen and Velmar signed a merger agreement, pledging to share "
            "3 boathouses in case of flooding.")  # fmt: skip
    assert not stating(lead, SOURCE, carries)
