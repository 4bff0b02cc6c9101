"""The quotation-marks guard, with passages written here."""

from __future__ import annotations

import pytest

from factcheck.quoting import quoted, quotes_hold, unquoted

SOURCE = (
    "The governor said: “We will rebuild every home that the storm destroyed, and we will "
    "do it this year.” Her aide called the damage ‘unprecedented’. Critics said the plan was "
    'vague. "It is a promise without a budget," said Tom Hale, an economist.\n'
    "“The money has to come from somewhere.\n"
    "“Nobody has said where,” he added."
)


def test_quoted_finds_passages_in_every_style():
    text = 'He said “yes”, she said "no", they said ‘maybe’ and «peut-être», „ja“.'
    assert quoted(text) == ["yes", "no", "maybe", "peut-être", "ja"]


def test_apostrophes_are_not_quotation_marks():
    assert quoted("The governor’s aide didn’t comment on the region’s losses.") == []


def test_an_open_quote_runs_to_the_end_of_its_paragraph():
    assert "The money has to come from somewhere." in quoted(SOURCE)


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor vowed to “rebuild every home that the storm destroyed”.",
        "The aide called the damage “unprecedented”.",
        "Hale said the plan was “a promise without a budget”.",
        "The governor said “we will rebuild every home … this year”.",
        "The governor said the work would be done this year.",  # no quotation at all
        "“The money has to come from somewhere,” Hale said.",  # quoted across paragraphs
    ],
)
def test_passages_the_source_quotes_hold(sentence):
    assert quotes_hold(sentence, SOURCE), unquoted(sentence, SOURCE)


@pytest.mark.parametrize(
    ("sentence", "missing"),
    [
        ("Critics called the plan “vague”.", "vague"),  # the source has it, but unquoted
        ("The governor promised “full compensation”.", "full compensation"),
        ("The governor said “we will rebuild every home … next year”.", None),
    ],
)
def test_passages_the_source_does_not_quote_fail(sentence, missing):
    found = unquoted(sentence, SOURCE)
    assert found and not quotes_hold(sentence, SOURCE)
    if missing:
        assert found == [missing]


def test_a_sentence_that_ends_a_quote_is_checked_from_its_start():
    assert unquoted("this year,” the governor said.", SOURCE) == []
    assert unquoted("next spring,” the governor said.", SOURCE) == ["next spring,"]


def test_spacing_case_and_quote_style_do_not_matter():
    assert quotes_hold('She said "WE  will rebuild every home".', SOURCE)
