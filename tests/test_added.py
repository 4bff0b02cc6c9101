"""What an unsupported addition adds, said for an editor (``added``) and put into the findings.

Invented story: a town council closing a branch library."""

import pytest

from factcheck.added import Origin, reasons, summary, what_it_adds
from factcheck.cover import Document
from factcheck.pipeline import check_texts

ORIGIN = (
    "The city council of Marlow Bay voted on Wednesday to close the Harbour Road library at "
    "the end of the year. Mayor Tom Baxter said the building needed repairs the town could not "
    "pay for. Residents gathered outside the town hall before the meeting to protest against "
    "the plan."
)


@pytest.fixture(scope="module")
def origin() -> Origin:
    return Origin(Document([ORIGIN]), "[1]")


def said(claim: str, origin: Origin) -> str:
    return summary([what_it_adds(claim, origin)], origin)


def test_a_changed_date_is_named_with_what_the_origin_says(origin):
    line = said("The city council voted on Tuesday to close the Harbour Road library.", origin)
    assert line == "it says 'Tuesday' where [1] says 'Wednesday'"


def test_an_added_figure_is_named(origin):
    line = said("The council voted to close the library after visits fell by 40 percent.", origin)
    assert "gives a figure, '40', that [1] does not give" in line


def test_a_new_name_in_another_name_s_place(origin):
    line = said("Mayor Dana Whitfield said the building needed repairs.", origin)
    assert line == "it names 'Dana Whitfield' where [1] names 'Tom Baxter'"


def test_an_all_new_opinion_is_said_to_be_new_not_listed_word_by_word(origin):
    added = what_it_adds("It is a shameful betrayal of working families for decades.", origin)
    assert added.new
    assert summary([added], origin) == "it is all new: nothing in [1] is like it"
    assert added.marks() == []  # nothing worth marking in a sentence that is new throughout


def test_the_other_sources_are_named_as_such():
    others = Origin(Document([ORIGIN]))
    line = said("The council voted on Tuesday to close the Harbour Road library.", others)
    assert line == "it says 'Tuesday' where another source says 'Wednesday'"


def test_several_claims_name_the_strongest_reasons_and_count_the_new_ones(origin):
    added = [
        what_it_adds("It is a shameful betrayal of working families for decades.", origin),
        what_it_adds("The council voted on Tuesday to close the Harbour Road library.", origin),
        what_it_adds("Nobody could ever forgive such a cruel and careless decision.", origin),
    ]
    assert summary(added, origin) == (
        "one says 'Tuesday' where [1] says 'Wednesday'; 2 others are all new"
    )


def test_a_claim_the_origin_carries_adds_nothing_to_say(origin):
    added = what_it_adds("Mayor Tom Baxter said the building needed repairs.", origin)
    assert reasons(added, origin) == [] and summary([added], origin) == ""


# -- through the pipeline: a rewrite's additions, and speculation only one source carries --

STORY = """Harbour Road library to close after council vote

The city council of Marlow Bay voted on Wednesday to close the Harbour Road library at the end of the year.
Council members said the building needed repairs the town could not pay for.
The library has served the north side of the town since 1962.
Its collection of local maps and newspapers will move to the central library on King Street.
Residents gathered outside the town hall before the meeting to protest against the plan.
A petition to keep the branch open gathered signatures from hundreds of families.
The council said it would look at using the building for community events.
"""  # noqa: E501
REWRITE = """Council votes to shut Harbour Road library

The city council of Marlow Bay voted on Wednesday to close the Harbour Road library at the end of the year.
Council members said the building needed repairs the town could not pay for.
The library has served the north side of the town since 1962.
Residents gathered outside the town hall before the meeting to protest against the plan.
Library visits on the north side have fallen by 40 percent in five years.
The closure is clearly a betrayal of working families that the town will regret for decades.
"""  # noqa: E501
READERS = """Readers mourn Harbour Road branch

Regulars of the Harbour Road branch say they feel abandoned after the decision in Marlow Bay.
Many of them learned to read in its children room decades ago.
About two hundred people protested outside the town hall.
The empty building may be sold to a private developer next spring.
"""


@pytest.fixture(scope="module")
def additions():
    report = check_texts(
        [
            {"text": STORY, "source": "story.txt", "published": "2031-03-04T10:00:00Z"},
            {"text": REWRITE, "source": "rewrite.txt", "published": "2031-03-05T10:00:00Z"},
            {"text": READERS, "source": "readers.txt", "published": "2031-03-05T09:00:00Z"},
        ]
    )
    assert report.articles[1].derived_from == report.articles[0].id
    return [f for f in report.findings if f.kind == "unsupported_addition"]


def test_a_rewrite_s_finding_says_what_it_adds_and_marks_it(additions):
    rewrite = next(f for f in additions if "a rewrite of" in f.explanation)
    assert "gives figures, '40' and 'five', that [1] does not give" in rewrite.explanation
    assert "another is all new" in rewrite.explanation
    marked = [m.quote for e in rewrite.excerpts for m in e.marks]
    assert {"40", "five"} <= set(marked) and "betrayal" not in marked


def test_speculation_only_one_source_carries_is_said_to_be_new_to_the_others(additions):
    speculation = next(f for f in additions if f.explanation.startswith("Unattributed"))
    assert speculation.explanation.endswith(
        "no other source supports it — it is all new: nothing in the other sources is like it."
    )


def test_a_number_in_a_model_s_name_is_not_a_figure(origin):
    added = what_it_adds("The council voted to close the library and sell its AB-400 van.", origin)
    assert "'400'" not in summary([added], origin) and "400" not in added.marks()
