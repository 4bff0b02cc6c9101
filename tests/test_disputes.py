"""Disputes: the versions of a disputed detail, who gives which, and what carries it."""

from __future__ import annotations

from factcheck.disputes import MAX_DISPUTES, Block, dispute_facts, one_fact
from factcheck.lead import lead_score, quote_share
from factcheck.models import ClaimGroup, Finding
from factcheck.quantities import parse_quantities
from factcheck.story import Story
from tests.fake_engine import article, claim

FESTIVAL = ["The festival in Orlen drew 12,000 visitors on Saturday.",
            "The festival in Orlen drew 15,000 visitors on Saturday.",
            "The festival in Orlen drew 12,000 visitors on Saturday, police said.",
            "Orlen's mayor plans a second stage for next year."]  # fmt: skip
ARTICLES = [article(text, f"{n}.txt") for n, text in enumerate(FESTIVAL)]
CLAIMS = [claim(a, a.text, quantities=parse_quantities(a.text)) for a in ARTICLES]


def _finding(claims, group=None, kind="quantity"):
    return Finding(id=f"f-{len(claims)}", kind="contradiction", type=kind, severity="high",
                   confidence=0.8, group=group, claims=[c.id for c in claims],
                   explanation="Sources disagree on the figure: “12,000” against “15,000”.",
                   )  # fmt: skip


def test_a_dispute_names_each_version_and_its_sources_a_copy_beside_its_original():
    group = ClaimGroup(members=CLAIMS[:3])
    story = Story({c.id: c for c in CLAIMS}, {ARTICLES[2].id: ARTICLES[0].id}, 3, ARTICLES)
    [fact], blocked = dispute_facts([_finding(CLAIMS[:3], group.id)], story, {group.id: group})
    assert fact.disputed and fact.support == "2 of 3 sources"
    assert fact.text == ("Sources differ on the figure: 12,000 visitors ([1][3]) or "
                         "15,000 visitors ([2]).")  # fmt: skip
    assert set(blocked) == {c.id for c in CLAIMS[:3]}
    assert blocked[CLAIMS[0].id].carried_by("The festival drew 12,000 visitors.")
    assert not blocked[CLAIMS[0].id].carried_by("The festival in Orlen opened on Saturday.")


def test_sides_that_state_different_things_are_no_dispute():
    unrelated = [CLAIMS[0], CLAIMS[3]]
    assert not one_fact(unrelated) and one_fact(CLAIMS[:2])
    group = ClaimGroup(members=unrelated)
    story = Story({c.id: c for c in CLAIMS}, {}, 4, ARTICLES)
    facts, _ = dispute_facts([_finding(unrelated, group.id)], story, {group.id: group})
    assert facts == []


def test_only_a_few_disputes_are_stated():
    story = Story({c.id: c for c in CLAIMS}, {}, 4, ARTICLES)
    findings = [_finding(CLAIMS[:2]).model_copy(update={"id": f"f-{n}"}) for n in range(5)]
    facts, _ = dispute_facts(findings, story, {})
    assert len(facts) == MAX_DISPUTES


def test_a_title_block_leaves_the_title_out_and_spots_it_next_to_the_name():
    block = Block(("Ana Ruiz",), ("mayor", "governor"))
    said = "The Orlen governor, Ana Ruiz, has opened the festival."
    assert block.carried_by(said)
    assert block.leave_out(said) == "Ana Ruiz has opened the festival."
    assert block.leave_out("Mayor Ana Ruiz opened it.") == "Ana Ruiz opened it."
    assert block.carried_by("Ana Ruiz, the mayor of Orlen, opened it.")
    assert not block.carried_by("Ana Ruiz opened the festival with the police chief.")
    assert Block().carried_by("anything at all")


def test_a_lead_carries_an_event_with_who_when_early_in_its_article():
    art = ARTICLES[0]
    event = claim(art, art.text, quantities=parse_quantities(art.text))
    quote = claim(art, art.text, kind="quote")
    assert lead_score(event, 0.0) > lead_score(event, 1.0) > lead_score(quote, 1.0)
    assert quote_share("“We are proud,” the mayor said.") > 0.3


def test_a_title_left_out_leaves_no_stray_commas_around_another_persons_title():
    block = Block(("Ana Ruiz",), ("mayor", "governor"))
    said = "Harbour Governor, Ivo Lind, and Orlen mayor, Ana Ruiz, have opened the new ferry line."
    assert block.leave_out(said) == (
        "Harbour Governor Ivo Lind and Ana Ruiz have opened the new ferry line."
    )
    said = "Orlen mayor, Ana Ruiz, opened the bridge beside Harbour Governor, Ivo Lind, and others."
    assert block.leave_out(said) == (
        "Ana Ruiz opened the bridge beside Harbour Governor Ivo Lind and others."
    )
    kept = "Ana Ruiz, who leads Orlen, opened it."  # a relative clause keeps its commas
    assert Block(("Ana Ruiz",), ("mayor",)).leave_out("Mayor, " + kept) == kept


LOBSTER = "A fisherman in Varne caught a lobster weighing 9 kilograms, the harbour office said."
SIGHTING = [LOBSTER, LOBSTER + " Boats were out early.",
            "He said it was his biggest catch.",
            "The giant lobster photo is a hoax, the harbour office says.",
            "Experts say the picture is fake."]  # fmt: skip
SEEN = [article(text, f"s{n}.txt") for n, text in enumerate(SIGHTING)]
SEEN_CLAIMS = [claim(a, LOBSTER if a.text.startswith(LOBSTER) else a.text) for a in SEEN]


def _denial(denier, reported, cue):
    return Finding(id=f"d-{denier.id}-{cue}", kind="contradiction", type="denial",
                   severity="high", confidence=0.8, claims=[denier.id, *(c.id for c in reported)],
                   explanation=f"Sources disagree on whether it happened: one reports it, another "
                   f"denies it (“{cue}”).")  # fmt: skip


def test_denials_of_one_report_are_one_dispute_that_says_what_is_denied_and_by_whom():
    first, copy, leaning, hoax, fake = SEEN_CLAIMS
    story = Story({c.id: c for c in SEEN_CLAIMS}, {}, 5, SEEN)
    findings = [_denial(hoax, [first, leaning], "hoax"), _denial(fake, [copy], "fake")]
    facts, _ = dispute_facts(findings, story, {})
    assert len(facts) == 1  # the copy carries the same sentence: one report, denied twice
    assert facts[0].text == (
        "Sources disagree on whether it happened: [1][2][3] report: A fisherman in Varne "
        "caught a lobster weighing 9 kilograms, the harbour office said; [4][5] deny it "
        "(hoax, fake)."
    )  # the sentence that leans on another ("He said ...") is never the one quoted


def test_denials_of_different_reports_stay_apart():
    first, _, _, hoax, fake = SEEN_CLAIMS
    other = claim(SEEN[2], SEEN[2].text)
    story = Story({c.id: c for c in SEEN_CLAIMS}, {}, 5, SEEN)
    facts, _ = dispute_facts([_denial(hoax, [first], "hoax"), _denial(fake, [other], "fake")],
                             story, {})  # fmt: skip
    assert len(facts) == 2
    assert facts[1].text.endswith("[3] reports it; [5] denies it (fake).")
