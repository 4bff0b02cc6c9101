"""A story no two independent sources state in the same words still gets a brief: the events
the articles carry, attributed to their source, never their quotations, hedges or opinions;
and never the dateline a first sentence opens with."""

from __future__ import annotations

import pytest

from factcheck.layout import without_dateline
from factcheck.pipeline import check_texts

FIRST = (
    "The Marlow county council approved a new ferry terminal for the river port.\n\n"
    '"It will change how this town works," said councillor Ines Haddad.\n\n'
    "Critics may well argue that the money could be better spent elsewhere."
)
SECOND = (
    "Construction crews began clearing the old boatyard beside the Marlow quay.\n\n"
    "The yard has stood empty since the last boatbuilder closed."
)


def test_a_brief_leads_with_the_story_when_no_fact_is_shared():
    report = check_texts([FIRST, SECOND])
    texts = [s.text for s in report.brief.sentences]
    assert texts, "the brief is empty"
    assert all(t.startswith(("One source reports:", "According to")) for t in texts)
    assert any("ferry terminal" in t for t in texts)
    assert not any("change how this town works" in t for t in texts)  # a quotation
    assert not any("may well argue" in t for t in texts)  # the writer's speculation
    assert all(s.support == "1 of 2 sources" for s in report.brief.sentences)


def test_page_furniture_that_says_the_story_is_developing_is_never_brief_text():
    update = FIRST + "\n\nThis is a developing story. Refresh the page for updates."
    report = check_texts([update, SECOND])
    assert not any("developing story" in s.text for s in report.brief.sentences)
    assert not any("developing story" in c.text for c in report.claims)


@pytest.mark.parametrize(
    "text, kept",
    [("LISBON (Reuters) - The port reopened on Friday.", "The port reopened on Friday."),
     ("SAN JOSE, Calif. -- The council voted.", "The council voted."),
     ("(AP) — Rescuers found the hikers.", "Rescuers found the hikers."),
     ("NEW YORK — Shares fell.", "Shares fell."),
     ("US - China talks resumed.", "US - China talks resumed."),
     ("A - B test results came in.", "A - B test results came in."),
     ("The mayor - who was late - spoke.", "The mayor - who was late - spoke.")],
)  # fmt: skip
def test_a_dateline_is_where_the_story_was_filed_not_what_it_says(text, kept):
    assert without_dateline(text) == kept


def test_the_brief_quotes_a_first_sentence_without_its_dateline():
    first = "MARLOW (Harbour News) - " + FIRST
    report = check_texts([first, SECOND])
    assert any(s.text.endswith("approved a new ferry terminal for the river port.")
               for s in report.brief.sentences)  # fmt: skip
    assert not any("Harbour News" in s.text for s in report.brief.sentences)
