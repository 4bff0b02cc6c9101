"""The sweep stage with a fake engine: which proposals become findings, and why others drop.

The story is invented for these tests (a ferry strike); none of it comes from the seeds.
"""

from __future__ import annotations

from factcheck.engines.local import LocalEngine
from factcheck.judge import MIN_CONFIDENCE, as_updates
from factcheck.models import Cell, Finding, Group
from factcheck.pipeline import run_ingested
from factcheck.proposals import Proposal
from factcheck.quantities import parse_quantities
from factcheck.sweep import sweep
from factcheck.times import parse_times
from tests.fake_engine import FakeEngine, article, claim

A = article(
    "Ferry crews walked out on Monday, the union said.\n"
    "About 2,000 passengers were stranded at Holm quay.\n"
    "Union leader Rosa Lind said: “We will not sail until the rota is fixed.”\n"
    "Harbour master Ivo Brandt warned that the quay could close for a week.",
    "a.txt",
    published="2031-05-06T08:00:00",
)
B = article(
    "The ferry strike began on Monday.\n"
    "Some 1,900 passengers were stranded at Holm quay.\n"
    "“We won't sail until the rota is sorted,” union leader Rosa Lind said.\n"
    "Port officials warned that the quay could close for a week.\n"
    "The operator denied that any crew had walked out.",
    "b.txt",
    published="2031-05-06T09:00:00",
)
ARTICLES = {a.id: a for a in (A, B)}


def _claim(art, quote, **fields):
    return claim(art, quote, quantities=parse_quantities(quote), times=parse_times(quote), **fields)


A_WALKOUT = _claim(
    A, "Ferry crews walked out on Monday, the union said.", attributed_to="the union"
)
A_STRANDED = _claim(A, "About 2,000 passengers were stranded at Holm quay.")
A_QUOTE = _claim(
    A,
    "Union leader Rosa Lind said: “We will not sail until the rota is fixed.”",
    kind="quote",
    attributed_to="Rosa Lind",
)
A_WARNING = _claim(
    A,
    "Harbour master Ivo Brandt warned that the quay could close for a week.",
    attributed_to="Ivo Brandt",
)
B_START = _claim(B, "The ferry strike began on Monday.")
B_STRANDED = _claim(B, "Some 1,900 passengers were stranded at Holm quay.")
B_QUOTE = _claim(
    B,
    "“We won't sail until the rota is sorted,” union leader Rosa Lind said.",
    kind="quote",
    attributed_to="Rosa Lind",
)
B_WARNING = _claim(
    B, "Port officials warned that the quay could close for a week.", attributed_to="officials"
)
B_DENIAL = _claim(B, "The operator denied that any crew had walked out.", attributed_to="operator")
CLAIMS = {
    c.id: c
    for c in (A_WALKOUT, A_STRANDED, A_QUOTE, A_WARNING, B_START, B_STRANDED, B_QUOTE)
    + (B_WARNING, B_DENIAL)
}
ALTERED = ["We will not sail until the rota is fixed", "We won't sail until the rota is sorted"]


def listed_conflict(*claims) -> Finding:
    ids = [c.id for c in claims]
    return Finding(id="f-" + "-".join(ids), kind="contradiction", type="event",
                   severity="high", confidence=0.8, claims=ids, explanation="x")  # fmt: skip


def swept(*proposals: Proposal, known=(), judged=()):
    engine = FakeEngine().enqueue("sweep_cluster", list(proposals))
    result = sweep(CLAIMS, ARTICLES, list(judged), list(known), engine)
    return result, engine


def conflict(*claims, type="event", confidence=0.8, quotes=(), reason="they differ"):
    ids = [c.id if hasattr(c, "id") else c for c in claims]
    return Proposal("contradiction", ids, type, list(quotes), confidence, reason)


def altered(*claims, quotes=ALTERED, confidence=0.8):
    return Proposal("altered_quote", [c.id for c in claims], None, list(quotes), confidence, "")


def test_the_engine_sees_every_claim_and_the_known_findings():
    known = Finding(id="f-1", kind="name_variant", severity="low", confidence=0.9,
                    claims=[A_QUOTE.id, B_QUOTE.id], explanation="x")  # fmt: skip
    _, engine = swept(known=[known])
    [(claims, given, articles)] = engine.calls["sweep_cluster"]
    assert {c.id for c in claims} == set(CLAIMS) and given == [known] and articles == ARTICLES


def test_a_denial_becomes_a_contradiction_citing_both_sources():
    result, _ = swept(conflict(A_WALKOUT, B_DENIAL, reason="walked out against denied it."))
    [finding] = result.findings
    assert finding.kind == "contradiction" and finding.type == "event"
    assert finding.claims == [A_WALKOUT.id, B_DENIAL.id] and finding.group is None
    assert finding.severity == "high" and result.dropped == 0
    assert finding.explanation == "Sources disagree on the event: walked out against denied it."


def test_an_attribution_change_is_kept_and_a_spelling_of_one_speaker_is_not():
    result, _ = swept(conflict(A_WARNING, B_WARNING, type="attribution"))
    assert [f.type for f in result.findings] == ["attribution"]
    result, _ = swept(conflict(A_QUOTE, B_QUOTE, type="attribution"))
    assert not result.findings and result.reasons == {"look-alike": 1}


def test_invented_ids_one_source_and_misquotes_are_dropped_and_counted():
    result, _ = swept(
        conflict(A_WALKOUT, "b0000000000-1-2"),
        conflict(A_WALKOUT, A_STRANDED),
        conflict(A_WALKOUT, B_DENIAL, quotes=["no crew walked out"]),
        conflict(A_WALKOUT),
    )
    assert not result.findings and result.dropped == 4
    assert result.reasons == {"unknown claim id": 1, "one source": 2, "quote not verbatim": 1}


def test_weak_and_untyped_conflicts_follow_the_judging_rules():
    weak = conflict(A_WALKOUT, B_DENIAL, confidence=MIN_CONFIDENCE - 0.01)
    result, _ = swept(weak, conflict(A_WARNING, B_WARNING, type=None, confidence=0.6))
    assert result.reasons == {"below confidence": 1}
    [finding] = result.findings
    assert finding.type == "other" and finding.severity == "medium"


def test_look_alikes_are_dropped():
    rounding = conflict(A_STRANDED, B_STRANDED, type="quantity")  # about 2,000 and 1,900
    same_day = conflict(A_WALKOUT, B_START, type="date")  # Monday both times
    result, _ = swept(rounding, same_day)
    assert not result.findings and result.reasons == {"look-alike": 2}


def test_pairs_already_listed_or_judged_are_not_proposed_again():
    listed = listed_conflict(A_WALKOUT, B_DENIAL)
    judged = Group(id="g-1", topic="warning", canonical=A_WARNING.id,
                   cells={A.id: Cell(state="agree", claims=[A_WARNING.id]),
                          B.id: Cell(state="agree", claims=[B_WARNING.id])})  # fmt: skip
    result, _ = swept(
        conflict(B_DENIAL, A_WALKOUT),
        conflict(A_WARNING, B_WARNING, type="attribution"),
        known=[listed],
        judged=[judged],
    )
    assert not result.findings and result.reasons == {"already listed": 2}


def test_a_new_pair_keeps_only_the_claims_that_take_part_in_it():
    listed = listed_conflict(A_WALKOUT, B_DENIAL)
    result, _ = swept(conflict(A_WALKOUT, B_DENIAL, B_START), known=[listed])
    [finding] = result.findings
    assert finding.claims == [A_WALKOUT.id, B_START.id]


def test_an_altered_quote_shows_both_wordings():
    result, _ = swept(altered(A_QUOTE, B_QUOTE))
    [finding] = result.findings
    assert finding.kind == "altered_quote" and finding.type is None
    assert finding.variants == ALTERED and finding.claims == [A_QUOTE.id, B_QUOTE.id]
    assert "“We will not sail until the rota is fixed”" in finding.explanation


def test_judging_a_pair_does_not_hide_an_altered_quote():
    judged = Group(id="g-2", topic="rota", canonical=A_QUOTE.id,
                   cells={A.id: Cell(state="agree", claims=[A_QUOTE.id]),
                          B.id: Cell(state="agree", claims=[B_QUOTE.id])})  # fmt: skip
    result, _ = swept(altered(A_QUOTE, B_QUOTE), judged=[judged])
    assert [f.kind for f in result.findings] == ["altered_quote"]


def test_altered_quotes_need_two_quoted_wordings_that_differ():
    paraphrase = altered(A_QUOTE, B_WARNING, quotes=[ALTERED[0], "the quay could close"])
    same = altered(A_QUOTE, B_QUOTE, quotes=[ALTERED[0], ALTERED[0]])
    one = altered(A_QUOTE, B_QUOTE, quotes=[ALTERED[0]])
    weak = altered(A_QUOTE, B_QUOTE, confidence=0.3)
    result, _ = swept(paraphrase, same, one, weak)
    assert not result.findings
    assert result.reasons == {"not a quotation": 1, "no two wordings": 2, "below confidence": 1}


def test_two_proposals_on_the_same_claims_are_one_finding():
    result, _ = swept(conflict(A_WALKOUT, B_DENIAL), conflict(B_DENIAL, A_WALKOUT))
    assert len(result.findings) == 1 and result.reasons == {"duplicate": 1}


def test_one_article_is_not_swept():
    engine = FakeEngine()
    only_a = {c.id: c for c in CLAIMS.values() if c.article == A.id}
    assert not sweep(only_a, ARTICLES, [], [], engine).findings
    assert "sweep_cluster" not in engine.calls


def test_a_later_figure_from_the_sweep_is_an_update():
    later = _claim(B, "Some 1,900 passengers were stranded at Holm quay.")
    earlier = _claim(A, "About 2,000 passengers were stranded at Holm quay.")
    finding = Finding(id="f-4", kind="contradiction", type="quantity", severity="high",
                      confidence=0.8, claims=[earlier.id, later.id], explanation="Sources "
                      "disagree on the figure: x.")  # fmt: skip
    [update] = as_updates([finding], CLAIMS, ARTICLES)
    assert update.kind == "update" and update.later == later.id


class SweepingEngine(LocalEngine):
    """The local engine, proposing two findings by claim text: one real, one invented."""

    def sweep_cluster(self, claims, known, articles):
        by_text = {c.text: c.id for c in claims}
        earlier = by_text["About 2,000 passengers were stranded at Holm quay."]
        later = by_text["By evening 3,500 passengers had been turned away."]
        return [
            Proposal("contradiction", [earlier, later], "quantity", [], 0.8, "x"),
            Proposal("contradiction", [earlier, "made-up"], "event", [], 0.8, "y"),
        ]


def test_the_pipeline_reports_swept_findings_and_what_it_dropped(monkeypatch):
    from factcheck import pipeline
    from factcheck.ingest import ingest_records
    from factcheck.settings import Settings

    later = B.text + "\nBy evening 3,500 passengers had been turned away."
    records = [
        {"text": A.text, "published": A.published},
        {"text": later, "published": B.published},
    ]
    monkeypatch.setattr(pipeline, "get_engine", lambda settings, **options: SweepingEngine())
    report = run_ingested(ingest_records(records, "strike"), Settings(engine="local"))
    assert report.usage.dropped_sweep_findings == 1
    # a figure the later article changed is an update, as judged figures are
    [update] = [f for f in report.findings if f.kind == "update"]
    claims = {c.id: c.text for c in report.claims}
    assert claims[update.later].startswith("By evening 3,500")
