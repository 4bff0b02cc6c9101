"""The judge stage with a fake engine: which groups are judged, and what the verdicts mean."""

from __future__ import annotations

import pytest

from factcheck.judge import MIN_CONFIDENCE, as_updates, judge
from factcheck.models import ClaimGroup, GroupJudgement, Verdict
from factcheck.pipeline import run
from factcheck.settings import Settings
from tests.fake_engine import FakeEngine, article, claim

A = article("The storm cut power to 3,000 homes in Kellport.", "a.txt", published="2031-01-02")
B = article("The storm cut power to 5,000 homes in Kellport.", "b.txt", published="2031-01-03")
C = article("Crews restored power to 3,000 homes in Kellport.", "c.txt", published="2031-01-02")
ARTICLES = {a.id: a for a in (A, B, C)}
CA = claim(A, "The storm cut power to 3,000 homes in Kellport.")
CB = claim(B, "The storm cut power to 5,000 homes in Kellport.")
CC = claim(C, "Crews restored power to 3,000 homes in Kellport.")


def group(*claims) -> ClaimGroup:
    return ClaimGroup(members=list(claims), scores={c.id: 0.9 for c in claims})


def conflict(confidence: float = 0.8, type: str | None = "quantity") -> Verdict:
    return Verdict("conflict", type, confidence, "3,000 against 5,000")


def test_only_groups_that_span_two_articles_are_judged():
    engine = FakeEngine()
    alone, shared = group(CA), group(CA, CB)
    engine.enqueue("judge_groups", [GroupJudgement({CB.id: Verdict("agree")})])
    judged = judge([alone, shared], ARTICLES, engine)
    assert engine.calls["judge_groups"][0][0] == [shared]
    assert [g.id for g in judged.groups] == [shared.id] and not judged.findings


def test_a_conflict_is_one_finding_listing_every_side():
    engine = FakeEngine().enqueue(
        "judge_groups", [GroupJudgement({CB.id: conflict(), CC.id: conflict(0.9)})]
    )
    judged = judge([group(CA, CB, CC)], ARTICLES, engine)
    [finding] = judged.findings
    assert finding.claims == [CA.id, CB.id, CC.id] and finding.confidence == 0.9
    assert finding.type == "quantity" and finding.severity == "high"
    assert finding.explanation == "Sources disagree on the figure: 3,000 against 5,000."
    cells = judged.groups[0].cells
    assert {cells[a].state for a in ARTICLES} == {"conflict"}


def test_missing_unknown_and_weak_verdicts_are_cant_tell():
    engine = FakeEngine().enqueue(
        "judge_groups",
        [GroupJudgement({CB.id: conflict(MIN_CONFIDENCE - 0.1), "made-up": conflict()})],
    )
    judged = judge([group(CA, CB, CC)], ARTICLES, engine)
    assert not judged.findings
    assert {cell.state for cell in judged.groups[0].cells.values()} == {"agree"}


def test_a_conflict_without_a_type_is_other_and_the_engine_topic_is_kept():
    engine = FakeEngine().enqueue(
        "judge_groups", [GroupJudgement({CB.id: conflict(type=None)}, topic="Homes without power")]
    )
    judged = judge([group(CA, CB)], ARTICLES, engine)
    assert judged.findings[0].type == "other"
    assert judged.groups[0].topic == "Homes without power"
    plain = FakeEngine().enqueue("judge_groups", [GroupJudgement({})])  # no topic given
    [row] = judge([group(CA, CB)], ARTICLES, plain).groups
    assert row.topic == "The storm cut power to 3,000 homes in Kellport."


def test_a_group_the_engine_could_not_judge_is_left_out():
    judged = judge([group(CA, CB)], ARTICLES, FakeEngine())  # nothing queued: None per group
    assert judged.groups == [] and judged.findings == []


def test_a_figure_changed_by_a_later_article_is_an_update():
    engine = FakeEngine().enqueue("judge_groups", [GroupJudgement({CB.id: conflict()})])
    judged = judge([group(CA, CB)], ARTICLES, engine)
    [update] = as_updates(judged.findings, {c.id: c for c in (CA, CB)}, ARTICLES)
    assert update.kind == "update" and (update.earlier, update.later) == (CA.id, CB.id)


def _role_titles(folder, *texts: str) -> list[str]:
    folder.mkdir(exist_ok=True)
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
    report = run([str(folder)], Settings(engine="local"))
    return [f.variants for f in report.findings if f.type == "role_title"]


ROAD = "the mountain road will reopen on Monday after the landslide."


def test_titles_one_source_gives_together_are_no_conflict(tmp_path):
    general, chief = f"General Tomas Varga said {ROAD}", f"Police chief Tomas Varga said {ROAD}"
    assert _role_titles(tmp_path / "two", general, chief) == [["general", "chief"]]
    both = "The road will reopen on Monday, said General Tomas Varga, the regional police chief."
    assert _role_titles(tmp_path / "three", general, chief, both) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [("Orvex chief Lena Brandt said", "CEO Lena Brandt said"),  # chief of "chief executive"
     ("Coach Milo Dret said", "Milo Dret, the club's head coach, said")],  # head of "head coach"
)  # fmt: skip
def test_an_office_named_loosely_is_no_conflict(tmp_path, first, second):
    assert _role_titles(tmp_path, f"{first} {ROAD}", f"{second} {ROAD}") == []


@pytest.mark.parametrize(
    ("first", "second"),
    [("Party leader Ivo Marek said", "President Ivo Marek said"),
     ("Governor Ana Palo said", "Mayor Ana Palo said")],
)  # fmt: skip
def test_different_titles_still_conflict(tmp_path, first, second):
    assert len(_role_titles(tmp_path, f"{first} {ROAD}", f"{second} {ROAD}")) == 1
