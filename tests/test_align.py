"""The align stage: claims from different articles that speak about the same thing meet."""

from __future__ import annotations

from factcheck.align import align
from factcheck.engines.local import LocalEngine
from factcheck.extract import extract
from factcheck.people import PersonIndex
from tests.fake_engine import article

WIRE = article(
    "The council of Dunmore approved a new tram line on Thursday. "
    "The line will cost 80 million euros, the transport director Ana Ruiz said. "
    "Bakeries in the old town reported record sales of saffron buns.",
    "wire.txt",
)
PAPER = article(
    "Dunmore's council approved the new tram line on Thursday evening. "
    "Transport director Ana Ruiz said the line would cost 95 million euros. "
    "Work on the depot starts in May.",
    "paper.txt",
)


def groups_of(*articles):
    claims = extract(list(articles), LocalEngine()).claims
    return align(claims, PersonIndex(claims))


def quotes(group) -> list[str]:
    return [c.evidence.quote for c in group.members]


def test_the_same_fact_in_two_articles_is_one_group():
    groups = groups_of(WIRE, PAPER)
    shared = [g for g in groups if len(g.articles) == 2]
    assert [quotes(g)[0][:20] for g in shared] == ["The council of Dunmo", "The line will cost 8"]
    cost = shared[1]
    assert cost.canonical.article == WIRE.id and cost.members[1].article == PAPER.id
    assert cost.scores[cost.members[1].id] >= 0.3


def test_unrelated_sentences_stay_apart():
    groups = groups_of(WIRE, PAPER)
    alone = [quotes(g) for g in groups if len(g.articles) == 1]
    assert ["Bakeries in the old town reported record sales of saffron buns."] in alone
    assert ["Work on the depot starts in May."] in alone


def test_copies_that_differ_only_in_a_figure_meet_at_once():
    first = article("Rescuers pulled 12 hikers from the gorge near Sallow Falls on Sunday.", "a")
    second = article("Rescuers pulled 14 hikers from the gorge near Sallow Falls on Sunday.", "b")
    [group] = groups_of(first, second)
    assert group.articles == [first.id, second.id] and group.scores[group.members[1].id] == 1.0
