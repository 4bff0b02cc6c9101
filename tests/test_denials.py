"""Denial sentences and what they deny (``denials``)."""

import pytest

from factcheck.denials import MATCH, MATCH_NEGATION, denied_share, denies, find_denial, meets


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        ("The ferry company denied on Friday that it would sell the island route.", "verb",
         "on Friday that it would sell the island route"),
        ("The club denies reports that its coach has been sacked.", "verb",
         "reports that its coach has been sacked"),
        ("Officials dismissed the reports as a hoax.", "labelled", "the reports"),
        ("Police said reports of a wolf in the park were a hoax.", "verdict",
         "reports of a wolf in the park"),
        ("The photo of the flooded runway is fake, the airport said.", "verdict",
         "The photo of the flooded runway"),
        ("A spokeswoman said it was not true that the singer had cancelled the tour.", "not_true",
         "the singer had cancelled the tour"),
        ("There is no evidence that the water was poisoned.", "no_evidence",
         "the water was poisoned"),
        ("Doctors debunked claims that the tea cures the flu.", "verb",
         "claims that the tea cures the flu"),
        ("The rescue never happened, the navy said.", "never", "The rescue"),
        ("The story first ran on a satirical news site.", "satire", "satirical news site"),
        ("The mayor of Orvel was not arrested, police said.", "negation",
         "The mayor of Orvel arrested"),
    ],
)  # fmt: skip
def test_denials_and_their_targets(sentence, kind, target):
    denial = find_denial(sentence)
    assert denial is not None and (denial.kind, denial.target) == (kind, target)


@pytest.mark.parametrize(
    "sentence",
    [
        "The carmaker recalled 20,000 cars but denied any wrongdoing.",
        "The minister did not comment on the report.",
        "She did not give a reason for leaving.",
        "The company declined to confirm the figures.",
        "The union rejected the offer on Monday.",
        "The bridge reopened on Monday after repairs.",
        "“This is not a fake,” she insisted.",
    ],
)
def test_not_denials(sentence):
    denial = find_denial(sentence)
    assert denial is None or denial.kind == "negation" and not denial.terms & {"fake"}


def test_denial_meets_the_claim_it_denies():
    claim = "The mining company Orvex will close its Dalby mine next year, the Herald reported."
    denial = find_denial("Orvex denied on Monday that it planned to close the Dalby mine.")
    assert denies(denial, claim) >= MATCH
    other = "Orvex will open a new office in the capital."
    assert denies(denial, other) < MATCH


def test_deictic_denial_meets_any_claim():
    denial = find_denial("Unfortunately, I think this is a hoax.")
    assert denial.deictic and denies(denial, "A giant crab was photographed in the bay.") >= MATCH


def test_plain_negation_needs_a_close_match():
    denial = find_denial("The mayor of Orvel was not arrested on Wednesday, police said.")
    assert denies(denial, "The mayor of Orvel was arrested on Wednesday.") >= MATCH_NEGATION
    detail = find_denial("The bridge in Orvel was closed; engineers said it was not in danger.")
    assert denies(detail, "The bridge in Orvel was closed on Monday.") < MATCH_NEGATION


def test_a_pronoun_verdict_denies_the_clause_before_it():
    denial = find_denial(
        "So if anyone tells you that the river water is safe to drink, it’s not true."
    )
    assert denial is not None and not denial.deictic
    assert denial.target.strip() == "the river water is safe to drink"
    assert meets(denial, "Concerns have been raised about the river’s safety.") < MATCH
    assert meets(denial, "The river water is safe to drink, the council said.") >= MATCH
    this = find_denial("Unfortunately, I think this is a hoax.")
    assert this is not None and this.deictic


def test_a_claim_sharing_one_word_with_the_denial_is_not_what_it_denies():
    denial = find_denial("There is no link between the two harvest rituals.")
    assert denial is not None
    assert meets(denial, "The harvest is held every autumn in the valley.") == 0.0
    assert denied_share(denial, "The harvest is held every autumn in the valley.") >= MATCH


def test_a_denied_manner_is_not_a_denied_event():
    denial = find_denial(
        "The ministry said claims that the shells were mistakenly fired were untrue."
    )
    assert denial is not None
    assert meets(denial, "Army units fired shells at the bridge on Monday.") == 0.0
    assert meets(denial, "The shells were mistakenly fired at the bridge.") >= MATCH
