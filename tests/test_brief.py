"""The brief stage with a fake engine: which facts are offered, which sentences are kept."""

from __future__ import annotations

from factcheck.brief import compose, contested_claims, editorial, select_facts, supported_by
from factcheck.models import BriefLimits, ClaimGroup, DraftSentence, Finding
from factcheck.times import parse_times
from tests.fake_engine import FakeEngine, article, claim

A = article(
    "The museum in Orlen reopened on Friday. Entry now costs 12 euros. "
    "The new wing should attract tourists. The roof was rebuilt after the 2029 fire.",
    "a.txt",
)
B = article("Orlen's museum reopened on Friday. Entry now costs 15 euros.", "b.txt")
C = article("The museum in Orlen reopened on Friday after two years.", "c.txt")
REOPENED = [claim(A, "The museum in Orlen reopened on Friday."),
            claim(B, "Orlen's museum reopened on Friday."),
            claim(C, "The museum in Orlen reopened on Friday after two years.")]  # fmt: skip
PRICE = [claim(A, "Entry now costs 12 euros.", kind="quantity"),
         claim(B, "Entry now costs 15 euros.", kind="quantity")]  # fmt: skip
OPINION = claim(A, "The new wing should attract tourists.", kind="opinion")
CLAIMS = {c.id: c for c in [*REOPENED, *PRICE, OPINION]}
DISPUTE = "Sources disagree on the figure: 12 euros against 15 euros."
CONFLICT = Finding(id="f-1", kind="contradiction", type="quantity", severity="high",
                   confidence=0.8, claims=[p.id for p in PRICE], explanation=DISPUTE)  # fmt: skip
GROUPS = [ClaimGroup(members=REOPENED), ClaimGroup(members=PRICE), ClaimGroup(members=[OPINION])]


def test_contested_and_editorial_claims_are_never_stated_as_agreed():
    assert contested_claims([CONFLICT]) == {p.id for p in PRICE}
    assert editorial(OPINION) and not editorial(OPINION.model_copy(update={"attributed_to": "X"}))
    facts = select_facts(GROUPS, [CONFLICT], CLAIMS, {}, 3, BriefLimits(8, 3))
    assert [(f.claims[0].id, f.support, f.disputed) for f in facts] == [
        (REOPENED[0].id, "3 of 3 sources", False),
        (PRICE[0].id, "2 of 3 sources", True),
    ]
    assert facts[1].dispute == CONFLICT.explanation


def test_agreed_facts_come_most_supported_first_within_the_engine_limits():
    pair = ClaimGroup(members=REOPENED[:2])
    groups = [pair, ClaimGroup(members=REOPENED)]
    facts = select_facts(groups, [], CLAIMS, {}, 3, BriefLimits(agreed=1, single=0))
    assert [len(f.claims) for f in facts] == [3]
    rewrite = {B.id: A.id}  # b is a rewrite of a: their agreement counts once
    assert select_facts([pair], [], CLAIMS, rewrite, 2, BriefLimits(8, 3)) == []


def test_single_source_facts_need_a_figure_or_a_date_are_not_quotes_and_are_capped():
    roof = "The roof was rebuilt after the 2029 fire."
    dated = claim(A, roof, times=parse_times("in March 2029"))
    quoted = dated.model_copy(update={"id": "q", "kind": "quote"})
    plain = claim(C, "The museum in Orlen reopened on Friday after two years.", id="p")
    groups = [ClaimGroup(members=[m]) for m in (plain, quoted, dated, dated)]
    facts = select_facts(groups, [], {}, {}, 3, BriefLimits(agreed=8, single=1))
    assert [(f.claims[0].id, f.single, f.support) for f in facts] == [
        (dated.id, True, "1 of 3 sources")
    ]


def test_sentences_cite_offered_claims_and_pass_both_checks():
    engine = FakeEngine()
    engine.enqueue("write_brief", [
        DraftSentence("The museum in Orlen reopened on Friday.", [REOPENED[0].id, REOPENED[2].id]),
        DraftSentence("The museum is the best in the region.", ["not-offered"]),
        DraftSentence("Entry costs 12 or 15 euros.", [p.id for p in PRICE], disputed=True),
        DraftSentence("The museum in Orlen reopened on Saturday.", [REOPENED[1].id]),
    ])  # fmt: skip
    engine.enqueue("check_brief", [True, False, True])
    composed = compose(GROUPS, [CONFLICT], CLAIMS, {}, 3, engine)
    [kept] = composed.brief.sentences
    assert kept.sources == [A.id, C.id] and kept.support == "2 of 3 sources"
    # one cited nothing offered, one the engine rejected, one names a day no quote gives
    assert composed.dropped == 3
    assert len(engine.calls["check_brief"][0][0]) == 3


def test_a_failed_writer_falls_back_to_the_local_engine():
    engine = FakeEngine().enqueue("write_brief", None)
    composed = compose(GROUPS, [CONFLICT], CLAIMS, {}, 3, engine)
    texts = [s.text for s in composed.brief.sentences]
    assert texts == [
        "The museum in Orlen reopened on Friday.",
        "Sources differ on the figure: 12 euros against 15 euros.",
    ]
    assert "check_brief" not in engine.calls


def test_supported_by_wants_numbers_names_and_dates_in_the_evidence():
    evidence = ["The museum in Orlen reopened on Friday.", "Entry now costs 12 euros."]
    assert supported_by("The Orlen museum reopened on Friday; entry costs 12 euros.", evidence)
    assert not supported_by("Entry costs 14 euros.", evidence)
    assert not supported_by("The museum in Tarvik reopened.", evidence)
    assert not supported_by("The museum reopened on Monday.", evidence)
