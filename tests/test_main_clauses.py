"""Clauses: the main clause of a long sentence is a shorter wording of the same fact."""

from __future__ import annotations

from factcheck.main_clauses import main_clause, main_clauses


def test_a_trailing_subordinate_clause_is_left_out():
    text = "The museum in Orlen reopened on Friday, as critics questioned the cost of the wing."
    assert main_clause(text) == "The museum in Orlen reopened on Friday."


def test_every_cut_is_offered_shortest_first():
    text = ("The council approved the new budget for the harbour, which includes a new pier, "
            "after a debate that lasted nine hours.")  # fmt: skip
    assert main_clauses(text) == [
        "The council approved the new budget for the harbour.",
        "The council approved the new budget for the harbour, which includes a new pier.",
    ]


def test_a_participle_opens_a_clause_too():
    text = "Rescuers pulled four fishermen from the sea near Velmar, ending a two-day search."
    assert main_clause(text) == "Rescuers pulled four fishermen from the sea near Velmar."


def test_no_cut_inside_a_quotation_or_too_short_a_head():
    quoted = "The mayor called the plan “a disaster, which nobody wanted” in a speech to them."
    assert main_clause(quoted) is None
    assert main_clause("Okafor, who lives in Velmar, opened the bridge on Monday.") is None
    assert main_clause("The ferry sank near Velmar on Monday night.") is None


def test_an_and_that_opens_a_subordinate_clause_is_a_cut_too():
    text = ("The regatta marked the club's first race on the lake in 30 years and amid fears "
            "that the new dam could lower the water.")  # fmt: skip
    assert main_clause(text) == "The regatta marked the club's first race on the lake in 30 years."
    assert main_clause("The mayor opened the bridge and the ferry stopped running at noon.") is None


def test_a_time_word_before_after_still_opens_a_clause():
    text = "The ferry company announced the new route, just hours after the bridge reopened."
    assert main_clause(text) == "The ferry company announced the new route."


def test_during_needs_no_comma_to_open_what_can_be_left_out():
    text = "The two ferry companies signed a joint timetable during a meeting in Velmar on Friday."
    assert main_clause(text) == "The two ferry companies signed a joint timetable."


def test_an_aside_between_two_dashes_is_no_cut():
    aside = ("The ferry horn sounded across the harbour, and the seal — which was either startled "
             "or simply bored — slipped back into the water.")  # fmt: skip
    assert all("and the seal." not in head for head in main_clauses(aside))
    trailing = ("The ferry horn sounded across the crowded harbour at noon — which startled "
                "the seals on the rocks.")  # fmt: skip
    assert main_clauses(trailing) == ["The ferry horn sounded across the crowded harbour at noon."]
