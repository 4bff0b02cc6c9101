"""The brief stage with a fake engine, on a story written here: which facts are offered, in
what words and order, citing whom, and which drafted sentences are kept."""

from __future__ import annotations

from factcheck.brief import compose, contested_claims, editorial, select_facts, supported_by
from factcheck.engines.local import LocalEngine
from factcheck.models import BriefLimits, ClaimGroup, DraftSentence, Entity, Finding
from factcheck.quantities import parse_quantities
from factcheck.times import parse_times
from tests.fake_engine import FakeEngine, article, claim

A = article(
    "Mayor Jude Okafor opened the Tarvik bridge on Monday. The bridge cost 40 million euros. "
    "Engineers said the bridge will carry 9,000 cars a day. The new bridge should attract "
    "tourists. He said the opening was a great day. A toll of two euros will start in June.",
    "a.txt",
)
B = article(
    "Governor Jude Okafor opened the Tarvik bridge on Monday. The bridge cost 48 million euros. "
    "The old ferry across the Tarvik will stop next year.",
    "b.txt",
)
C = article(
    "Jude Okafor opened the Tarvik bridge on Monday. Engineers said the bridge will carry "
    "9,000 cars a day, and the old ferry across the Tarvik will stop next year.",
    "c.txt",
)
OKAFOR = Entity(name="Jude Okafor", type="person")


def _claim(art, quote, title=None, **fields):
    entities = [OKAFOR.model_copy(update={"title": title})] if "Okafor" in quote else []
    return claim(art, quote, entities=entities, quantities=parse_quantities(quote),
                 times=parse_times(quote), **fields)  # fmt: skip


OPENED = [_claim(A, "Mayor Jude Okafor opened the Tarvik bridge on Monday.", "mayor"),
          _claim(B, "Governor Jude Okafor opened the Tarvik bridge on Monday.", "governor"),
          _claim(C, "Jude Okafor opened the Tarvik bridge on Monday.")]  # fmt: skip
COST = [_claim(A, "The bridge cost 40 million euros.", kind="quantity"),
        _claim(B, "The bridge cost 48 million euros.", kind="quantity")]  # fmt: skip
CARS = [_claim(A, "Engineers said the bridge will carry 9,000 cars a day.", kind="quantity")]
CARS_C = _claim(C, "Engineers said the bridge will carry 9,000 cars a day, and the old ferry "
                   "across the Tarvik will stop next year.", kind="quantity")  # fmt: skip
FERRY = _claim(B, "The old ferry across the Tarvik will stop next year.")
OPINION = _claim(A, "The new bridge should attract tourists.", kind="opinion")
LEANS = _claim(A, "He said the opening was a great day.")
TOLL = _claim(A, "A toll of two euros will start in June.")
CLAIMS = {c.id: c for c in [*OPENED, *COST, *CARS, CARS_C, FERRY, OPINION, LEANS, TOLL]}
TITLE = Finding(id="f-t", kind="contradiction", type="role_title", severity="high",
                confidence=0.85, claims=[OPENED[0].id, OPENED[1].id],
                variants=["mayor", "governor"],
                explanation="Sources differ on the title of Jude Okafor: “mayor” or “governor”.",
                )  # fmt: skip
COST_GROUP = ClaimGroup(members=COST)
FIGURE = Finding(id="f-c", kind="contradiction", type="quantity", severity="high",
                 confidence=0.8, group=COST_GROUP.id, claims=[c.id for c in COST],
                 explanation="Sources disagree on the figure: “40 million” against “48 million”.",
                 )  # fmt: skip
# alignment put C's statement of the car figure in a group of its own with the ferry
GROUPS = [ClaimGroup(members=OPENED), COST_GROUP, ClaimGroup(members=CARS),
          ClaimGroup(members=[FERRY, CARS_C]), ClaimGroup(members=[OPINION]),
          ClaimGroup(members=[LEANS]), ClaimGroup(members=[TOLL])]  # fmt: skip
ARTICLES = [A, B, C]


def brief(findings=(), derived=None, engine=None, groups=GROUPS, articles=ARTICLES):
    """The brief the local engine (the stage's own wording) or ``engine`` writes."""
    engine = engine or LocalEngine()
    composed = compose(groups, list(findings), CLAIMS, derived or {}, 3, engine, articles)
    return composed, {s.text: s for s in composed.brief.sentences}


def test_facts_most_sources_state_come_first_each_cited_to_every_source_stating_it():
    composed, _ = brief()
    texts = [s.text for s in composed.brief.sentences]
    assert texts[0] == "Mayor Jude Okafor opened the Tarvik bridge on Monday."
    first = composed.brief.sentences[0]
    assert first.sources == [A.id, B.id, C.id] and first.support == "3 of 3 sources"
    # C states the car figure in a sentence alignment grouped elsewhere: still cited
    cars = next(s for s in composed.brief.sentences if "9,000 cars" in s.text)
    assert set(cars.sources) == {A.id, C.id} and cars.support == "2 of 3 sources"


def test_a_copy_counts_with_its_original():
    composed, _ = brief(derived={C.id: A.id})
    cars = next(s for s in composed.brief.sentences if "9,000 cars" in s.text)
    assert cars.support == "1 of 2 sources" or cars.support.startswith("1 of")
    assert "counts with its original ([3] is likely rewritten from [1])" in composed.brief.note
    assert brief()[0].brief.note is None


def test_a_disputed_title_never_removes_the_fact():
    composed, texts = brief([TITLE])
    stated = [t for t in texts if "opened the Tarvik bridge" in t]
    assert stated == ["Jude Okafor opened the Tarvik bridge on Monday."]
    assert texts[stated[0]].sources == [A.id, B.id, C.id]  # every source states the opening
    dispute = "Sources differ on the title of Jude Okafor: mayor ([1]) or governor ([2])."
    assert texts[dispute].disputed and set(texts[dispute].sources) == {A.id, B.id}


def test_the_disputed_title_is_left_out_when_every_wording_carries_one():
    groups = [ClaimGroup(members=OPENED[:2]), *GROUPS[1:]]
    _, texts = brief([TITLE], groups=groups, articles=[A, B])
    assert "Jude Okafor opened the Tarvik bridge on Monday." in texts
    assert not any("Mayor Jude" in t or "Governor Jude" in t for t in texts)


def test_a_disputed_figure_is_stated_as_a_dispute_naming_the_sources():
    _, texts = brief([FIGURE])
    dispute = "Sources differ on the figure: 40 million euros ([1]) or 48 million euros ([2])."
    assert texts[dispute].disputed
    assert not any(t.startswith("The bridge cost") for t in texts)


def test_contested_and_editorial_claims():
    assert contested_claims([TITLE, FIGURE]) == {OPENED[0].id, OPENED[1].id, *[c.id for c in COST]}
    assert editorial(OPINION) and not editorial(OPINION.model_copy(update={"attributed_to": "X"}))
    _, texts = brief()
    assert not any("tourists" in t or t.startswith("He said") for t in texts)


def test_single_source_facts_are_attributed_and_need_a_figure_or_a_date():
    _, texts = brief()
    assert texts["One source reports: A toll of two euros will start in June."].sources == [A.id]
    # the ferry is stated by B, and by C inside a longer sentence: it is no single-source fact
    assert texts["The old ferry across the Tarvik will stop next year."].sources == [B.id, C.id]
    named = article(A.text, "a.txt", outlet="Tarvik Post")
    toll = TOLL.model_copy(update={"article": named.id})
    groups = [ClaimGroup(members=[toll])]
    composed = compose(groups, [], {toll.id: toll}, {}, 3, LocalEngine(), [named])
    toll_text = "According to Tarvik Post: A toll of two euros will start in June."
    assert composed.brief.sentences[0].text == toll_text
    facts = select_facts(GROUPS, [], CLAIMS, {}, 3, BriefLimits(agreed=8, single=0))
    assert not any(f.single for f in facts)


def test_a_fact_is_stated_once():
    d = article("On Monday Jude Okafor opened the new bridge across the Tarvik.", "d.txt")
    again = _claim(d, d.text)
    groups = [*GROUPS, ClaimGroup(members=[again])]
    claims = {**CLAIMS, again.id: again}
    composed = compose(groups, [], claims, {}, 4, LocalEngine(), [*ARTICLES, d])
    opened = [s for s in composed.brief.sentences if "opened" in s.text]
    assert len(opened) == 1


def test_drafted_sentences_keep_only_the_sources_that_state_them():
    engine = FakeEngine()
    cars = [CARS[0].id, CARS_C.id, FERRY.id]
    engine.enqueue("write_brief", [
        DraftSentence("Engineers expect 9,000 cars a day on the new bridge.", cars),
        DraftSentence("He said it was a great day for the Tarvik bridge.", [OPENED[0].id]),
        DraftSentence("Jude Okafor opened the bridge across the Tarvik on Monday.",
                      [c.id for c in OPENED]),
        DraftSentence("On Monday, Jude Okafor opened the Tarvik bridge.", [OPENED[2].id]),
        DraftSentence("Okafor called the bridge “a gift to Tarvik” on Monday.", [OPENED[0].id]),
        DraftSentence("The museum is the best in the region.", ["not-offered"]),
    ])  # fmt: skip
    composed, texts = brief(engine=engine)
    # the ferry claim does not state the car figure: B is no longer cited
    assert texts["Engineers expect 9,000 cars a day on the new bridge."].sources == [A.id, C.id]
    assert "Jude Okafor opened the bridge across the Tarvik on Monday." in texts
    # a sentence leaning on an earlier one, a repeat, a quotation no source has, none offered
    assert len(texts) == 2 and composed.dropped == 4
    assert len(engine.calls["check_brief"][0][0]) == 5


def test_the_engine_check_and_the_evidence_check_still_apply():
    engine = FakeEngine()
    engine.enqueue("write_brief", [
        DraftSentence("Jude Okafor opened the Tarvik bridge on Monday.", [c.id for c in OPENED]),
        DraftSentence("Jude Okafor opened the Tarvik bridge on Sunday.", [OPENED[2].id]),
    ])  # fmt: skip
    engine.enqueue("check_brief", [False, True])
    composed, texts = brief(engine=engine)
    assert texts == {} and composed.dropped == 2


def test_a_failed_writer_falls_back_to_the_local_engine():
    engine = FakeEngine().enqueue("write_brief", None)
    composed, texts = brief([FIGURE], engine=engine)
    assert "Mayor Jude Okafor opened the Tarvik bridge on Monday." in texts
    assert "check_brief" not in engine.calls


def test_supported_by_wants_numbers_names_and_dates_in_the_evidence():
    evidence = ["The museum in Orlen reopened on Friday.", "Entry now costs 12 euros."]
    assert supported_by("The Orlen museum reopened on Friday; entry costs 12 euros.", evidence)
    assert not supported_by("Entry costs 14 euros.", evidence)
    assert not supported_by("The museum in Tarvik reopened.", evidence)
    assert not supported_by("The museum reopened on Monday.", evidence)
