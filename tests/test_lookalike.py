"""The readings of two claims that look like a conflict (``lookalike``), and the local engine's
comparison, which reads them from there: the same pair gets the same reading from both."""

from __future__ import annotations

import pytest

from factcheck.engines.local import LocalEngine
from factcheck.engines.local.compare import compare
from factcheck.extract import extract
from factcheck.lookalike import (
    different_claimants,
    event_times,
    figure_clash,
    figures_agree,
    lookalike,
    one_speaker,
    share_of,
    time_clash,
    times_agree,
)
from factcheck.models import Claim
from factcheck.names import place_mentioned
from factcheck.quantities import parse_quantities
from factcheck.times import of_report
from tests.fake_engine import article


def _claims(*texts: str) -> list[Claim]:
    """One claim per text, each from its own article, read by the local extractor."""
    articles = [article(text, f"{n}.txt") for n, text in enumerate(texts)]
    claims = extract(articles, LocalEngine()).claims
    return [next(c for c in claims if c.article == a.id) for a in articles]


def _verdict(a: Claim, b: Claim) -> str:
    arts = {c.article: article(c.text, c.article) for c in (a, b)}
    return compare(a, b, 0.5, arts).state


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a figure the other claim also gives explains itself: two people's ages, not one
        ("Ivo Marek, a 25-year-old teacher, married his 23-year-old neighbour Lena in Dalby.",
         "Ivo Marek and his 23-year-old bride Lena married in Dalby."),
        # figures bound to different periods
        ("Orvex shares have risen nearly 26 percent this year.",
         "Orvex shares rose 2% on Friday."),
        # percentages of different things
        ("The Halden fund owns a 1.5 percent stake in Orvex.",
         "Orvex shares rose 2% after the Halden fund bought in."),
        # one range spelled with two currency signs holds the other figure
        ("Orvex forecast earnings of $3.80-$4.00 per share.",
         "Analysts expected Orvex earnings of $3.95 per share."),
    ],
)  # fmt: skip
def test_figures_that_count_something_else_do_not_clash(first, second):
    a, b = _claims(first, second)
    assert figure_clash(a, b) is None and figure_clash(b, a) is None
    assert _verdict(a, b) != "conflict"


def test_figures_of_one_thing_still_clash_and_both_readers_agree():
    a, b = _claims("The storm cut power to 3,000 homes in Kellport.",
                   "The storm cut power to 5,000 homes in Kellport.")  # fmt: skip
    assert figure_clash(a, b) is not None and not figures_agree(a, b)
    assert _verdict(a, b) == "conflict"
    assert not lookalike("quantity", [a, b], {})
    c, d = _claims("The storm cut power to about 3,000 homes in Kellport.",
                   "The storm cut power to 3,100 homes in Kellport.")  # fmt: skip
    assert figures_agree(c, d) and _verdict(c, d) != "conflict"
    assert lookalike("quantity", [c, d], {})


def test_share_of_reads_the_noun_after_a_percentage():
    a, b = _claims("The fund holds a 4 percent stake in the port.", "Turnout rose 4% on Sunday.")
    assert share_of(a.quantities[0], a) == "stake"
    assert share_of(b.quantities[0], b) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one claim gives both years, the other one of them
        ("The ferry line opened in 1921 and was extended to Orvel in 1968.",
         "In 1968 the ferry line was extended to Orvel."),
        # the day the report came out is not the day of the event
        ("Crews closed the Dalby bridge after cracks were found, the Ledger reported Wednesday.",
         "Crews closed the Dalby bridge on Tuesday after cracks were found."),
        ("A crane collapsed at the Dalby docks, it was revealed on Thursday.",
         "A crane collapsed at the Dalby docks on Monday."),
    ],
)  # fmt: skip
def test_times_that_date_something_else_do_not_clash(first, second):
    a, b = _claims(first, second)
    assert time_clash(a, b) is None and time_clash(b, a) is None
    assert _verdict(a, b) != "conflict" and _verdict(b, a) != "conflict"
    assert times_agree(a, b) or not event_times(a)  # a report's own date is no event time


def test_times_of_one_event_still_clash():
    a, b = _claims("Crews closed the Dalby bridge on Tuesday after cracks were found.",
                   "Crews closed the Dalby bridge on Friday after cracks were found.")  # fmt: skip
    assert time_clash(a, b) is not None
    assert _verdict(a, b) == "conflict"
    assert not lookalike("date", [a, b], {})


def test_one_speaker_read_as_speaker_and_outlet():
    quote = "“We will rebuild the harbour wall before winter,”"
    a, b = _claims(f"{quote} the harbour master, Ana Ruiz, told the Dalby Ledger.",
                   f"{quote} said Ana Ruiz, the harbour master.")  # fmt: skip
    a = a.model_copy(update={"attributed_to": "Dalby Ledger", "kind": "quote"})
    b = b.model_copy(update={"attributed_to": "Ana Ruiz", "kind": "quote"})
    assert one_speaker(a, b)
    assert _verdict(a, b) != "conflict" and lookalike("attribution", [a, b], {})
    c = b.model_copy(update={"attributed_to": "Ivo Marek", "text": f"{quote} said Ivo Marek."})
    c = c.model_copy(update={"evidence": c.evidence.model_copy(update={"quote": c.text})})
    assert not one_speaker(a, c)


def test_claimants_lowercase_and_overlapping_are_one_side():
    a, b = _claims("US officials said 40 boats were seized.",
                   "A US official said 60 boats were seized.")  # fmt: skip
    a = a.model_copy(update={"attributed_to": "US officials"})
    b = b.model_copy(update={"attributed_to": "a US official"})
    assert different_claimants(a, b)  # one of them is capitalised: two claimants
    c = a.model_copy(update={"attributed_to": "officials"})
    d = b.model_copy(update={"attributed_to": "a state official"})
    assert not different_claimants(c, d)
    e = b.model_copy(update={"attributed_to": "the union"})
    assert different_claimants(c, e)


@pytest.mark.parametrize(
    ("sentence", "time", "of_the_report"),
    [
        ("Crews closed the bridge, the Dalby Ledger reported Wednesday.", "Wednesday", True),
        ("A crane fell at the docks, it was revealed on Friday.", "Friday", True),
        ("Ana Ruiz told the Dalby Ledger on Monday that the mine had closed.", "Monday", True),
        ("On Monday, police said the bridge had closed.", "Monday", True),
        ("The bridge closed on Monday, police said.", "Monday", False),
        ("Police said the bridge closed on Monday.", "Monday", False),
        ("An officer on Tuesday fired a round at the car.", "Tuesday", False),
    ],
)  # fmt: skip
def test_the_time_of_a_report(sentence, time, of_the_report):
    assert of_report(sentence, time) is of_the_report


def test_a_range_written_with_two_currency_signs_is_one_range():
    [quantity] = parse_quantities("earnings of $3.80-$4.00 per share")
    assert (quantity.value, quantity.value_max, quantity.unit) == (3.8, 4.0, "usd")


def test_a_place_of_four_letters_is_found_in_the_other_article():
    assert place_mentioned("Peru", "The Peru climber died on Sunday in Cusco.")
    assert place_mentioned("United States", "He moved to the US in May.")
    assert not place_mentioned("United States", "between us and them")
    a, b = _claims("The Peru climber died on Sunday in Cusco.", "A climber died on Sunday in Peru.")
    assert _verdict(a, b) != "conflict"


def test_one_place_written_with_two_apostrophes_is_one_place():
    a, b = _claims("The fire started at Dalby’s Harbour Market on Sunday night.",
                   "The fire started at Dalby's Harbour Market on Sunday night.")  # fmt: skip
    assert _verdict(a, b) != "conflict"
