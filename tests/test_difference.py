"""Typed differences between a claim and its source: what must be found, and what must be
forgiven. The story is invented for these tests."""

from __future__ import annotations

import pytest

from factcheck.claim_diff import differences
from factcheck.cover import Document

STORY = [
    "The Kestrel Bay council approved 240 new homes on Wednesday. Mayor Ines Calder said the "
    "project would cost about £12m. She did not say when building would start. In 2021 the "
    "council rejected a smaller plan.",
    "Local firm Brannock Construction won the contract. Calder defeated Owen Pryce in the "
    "mayoral election last year. Officials may close the harbour road in June. The FCA "
    "criticised the decision to close the road, while Brannock Construction praised the "
    "council for its speed. Residents called reports of a second vote a hoax.",
]


@pytest.fixture(scope="module")
def story() -> Document:
    return Document(STORY)


def kinds(claim: str, story: Document) -> list[tuple[str, str]]:
    return [(d.type, d.scope) for d in differences(claim, story)]


def only(claim: str, story: Document, kind: str, words: str | None = None):
    found = [d for d in differences(claim, story) if d.type == kind]
    found = [d for d in found if words is None or d.claim == words]
    assert found, f"no {kind} difference in {differences(claim, story)}"
    return found[0]


@pytest.mark.parametrize(
    ("claim", "kind", "scope", "claim_words", "source_words"),
    [
        ("The council approved 300 new homes on Wednesday.", "figure", "conflict",
         "300 new homes", "240 new homes"),
        ("The council approved 240 new homes and 15 shops.", "figure", "absent", "15", None),
        ("The council approved more than 240 new homes.", "bound", "conflict",
         "more than 240 new homes", "240 new homes"),
        ("The council approved 240 new homes on Thursday.", "date", "conflict", "Thursday",
         "Wednesday"),
        ("In 2019 the council rejected a smaller plan.", "date", "absent", "2019", None),
        ("The council did not approve 240 new homes.", "negation", "conflict", "not approve",
         "approve"),
        ("The Kestrel Bay council rejected 240 new homes on Wednesday.", "predicate",
         "conflict", "rejected", "approved"),
        ("Officials will close the harbour road in June.", "modality", "conflict", "close",
         "may close"),
        ("The council may have approved 240 new homes.", "modality", "weaker",
         "may have approved", "approved"),
        ("There will be a second vote.", "modality", "disputed", "There will be a second vote.",
         "hoax"),
        ("Owen Pryce defeated Calder in the mayoral election last year.", "roles", "conflict",
         "Owen Pryce defeated Calder", "Calder defeated Owen Pryce"),
        ("Mayor Owen Pryce said the project would cost about £12m.", "name", "conflict",
         "Owen Pryce", "Ines Calder"),
        ("Mayor Ines Calder said the project would cost about £12m, Pryce said.", "name",
         "elsewhere", "Pryce", None),
        ("Mayor Ines Calder and Ruth Abara said the project would cost about £12m.", "name",
         "absent", "Ruth Abara", None),
        ("The council in Lisbon approved 240 new homes on Wednesday.", "place", "absent",
         "Lisbon", None),
        ("The council approved 240 new homes near the stadium.", "wording", "absent", "stadium",
         None),
        ("The council approved 240 new homes and the contract.", "link", "elsewhere",
         "contract", None),
        ("Brannock Construction criticised the decision.", "link", "apart",
         "Construction … criticised", None),
    ],
)  # fmt: skip
def test_each_kind_of_change_is_found_and_named(
    story, claim, kind, scope, claim_words, source_words
):
    found = only(claim, story, kind, claim_words)
    assert (found.scope, found.source) == (scope, source_words)
    assert found.explanation


def test_an_explanation_says_what_the_source_says_instead(story):
    found = only("The council approved 240 new homes on Thursday.", story, "date")
    assert found.explanation == "'Thursday' is not in the source; it says 'Wednesday'"
    figure = only("The council approved 300 new homes on Wednesday.", story, "figure")
    assert "it says '240 new homes'" in figure.explanation


@pytest.mark.parametrize(
    "claim",
    [
        "The Kestrel Bay council approved 240 new homes on Wednesday.",  # as written
        "The council approves 240 new homes.",  # word form, a modifier dropped
        "Brannock Construction wins the contract.",  # irregular form: won / win
        "Officials may close the harbor road in June.",  # American spelling
        "Brannick Construction won the contract.",  # a spelling variant of a name
        "Local company Brannock Construction won the contract.",  # synonym: firm / company
        "On Wednesday the Kestrel Bay council approved 240 new homes.",  # reordered
        "240 new homes were approved by the Kestrel Bay council on Wednesday.",  # passive voice
        "Calder did not say when building would start.",  # "She" stands for Calder
        "Ines Calder defeated Owen Pryce in the mayoral election.",  # full name given elsewhere
        "Calder said the project would cost about 12 million pounds.",  # figure written out
        "Pryce was defeated by Calder in the mayoral election last year.",  # passive, same roles
        "The council approved 240 new homes on Wednesday and Brannock Construction won the "
        "contract.",  # two sentences joined
    ],
)
def test_rewordings_that_keep_the_meaning_make_no_difference(story, claim):
    assert kinds(claim, story) == []


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        ("The FCA criticised the decision.", "The Fishermen's Cooperative Association "
         "criticised the decision."),  # acronym spelled out
        ("The plan was welcomed in Britain.", "The plan was welcomed in the UK."),  # other name
        ("Calder defeated Owen Pryce in the election.", "Pryce did not win the election."),
        ("Three boats left the harbour.", "3 boats left the harbour."),  # number word
        ("Prices rose by 1,500,000 euros.", "Prices rose by 1.5 million euros."),  # scale
        ("They counted 30, 000 birds.", "They counted 30,000 birds."),  # tokenised figure
        ("Ana Ruiz organised the match.", "Ana Ruiz organized the game."),  # spelling, synonym
    ],
)  # fmt: skip
def test_more_forgiven_rewordings(source, claim):
    assert kinds(claim, Document([source])) == []


def test_a_welsh_actor_is_not_an_actor_in_wales():
    found = differences("A Welsh actor won the award.", Document(["An actor in Wales won."]))
    assert [(d.type, d.claim) for d in found if d.type == "place"] == [("place", "Welsh")]


def test_a_name_swapped_in_from_elsewhere_in_the_article_is_named_with_its_counterpart():
    document = Document(["Judge Mara Eld fined the company. Later Tom Viss spoke to reporters."])
    found = only("Judge Tom Viss fined the company.", document, "name")
    assert (found.claim, found.scope, found.source) == ("Tom Viss", "conflict", "Mara Eld")
    assert found.explanation == (
        "'Tom Viss' is in the source, but not where it says this; it says 'Mara Eld'"
    )
    absent = only("Judge Ruth Abara fined the company.", document, "name")
    assert absent.explanation == "'Ruth Abara' is not in the source; it says 'Mara Eld'"


def test_a_sentence_the_source_does_not_cover_at_all_lists_its_words_as_new():
    found = differences("Volcanic ash grounded flights.", Document(["The mayor resigned."]))
    assert {d.type for d in found} == {"wording"}
    assert all(d.scope == "absent" for d in found)


def test_empty_and_odd_input_gives_no_traceback():
    assert differences("", Document([""])) == []
    assert differences("...", Document(["!!"])) == []
    assert isinstance(differences("1, 2, 3", Document(["Ünïcödé ✓ text"])), list)
