"""One quotation or two, and which words differ (``rewording``, ``spelling``)."""

import pytest

from factcheck.rewording import altered_quotes, compare_quotes, mark, same_speaker
from factcheck.word_spelling import plain, same_word


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("programme", "program"), ("Centre", "center"), ("organise", "organize"),
        ("colour", "color"), ("travelled", "traveled"), ("defence", "defense"),
        ("co-operation", "cooperation"), ("four", "4"), ("mum", "mom"),
    ],
)  # fmt: skip
def test_same_word_spelled_two_ways(a, b):
    assert same_word(a, b)


@pytest.mark.parametrize(("a", "b"), [("filled", "filed"), ("four", "for"), ("there", "their"),
                                      ("port", "harbour"), ("lawful", "unlawful")])  # fmt: skip
def test_different_words(a, b):
    assert not same_word(a, b)


def test_contractions_expand():
    assert plain("We won’t go and they can't stay") == "we will not go and they can not stay"


def test_reworded_quote_is_altered_with_the_words_marked():
    a = "We will not reopen the port until the sea is safe for every vessel"
    b = "We will not reopen the harbour until the sea is calm for all ships"
    match = compare_quotes(a, b)
    assert match is not None and match.altered
    assert mark(a, match.changed_a) == (
        "We will not reopen the [port] until the sea is [safe] for [every] [vessel]"
    )
    assert mark(b, match.changed_b) == (
        "We will not reopen the [harbour] until the sea is [calm] for [all] [ships]"
    )


def test_one_word_changing_the_meaning_is_altered():
    match = compare_quotes("Costs will rise by a modest amount next year.",
                           "Costs will rise by a large amount next year,")  # fmt: skip
    assert match.altered and len(match.changed_a) == len(match.changed_b) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The programme ends by the autumn,", "The program ends by the autumn"),
        ("We apologise to every customer affected", "we apologize to every customer affected."),
        ("We won't leave the valley before spring", "We will not leave the valley before spring"),
        ("The union … will not sign the deal", "The union has said it will not sign the deal"),
        ("[The company] will not sign the deal", "They will not sign the deal"),
    ],
)
def test_same_quotation_up_to_punctuation_spelling_and_omission(a, b):
    match = compare_quotes(a, b)
    assert match is not None and not match.altered


def test_excerpt_of_a_longer_quote_is_not_altered():
    long = "The river rose overnight. We moved the children first and then the animals."
    match = compare_quotes(long, "we moved the children first and then the animals")
    assert match is not None and not match.altered


def test_function_word_difference_is_minor():
    match = compare_quotes(
        "He's finally realised the plan will fail", "He finally realized the plan will fail"
    )
    assert match is not None and match.minor and not match.altered


def test_different_statements_are_not_one_quotation():
    assert (
        compare_quotes("Prices will fall next year,", "Unemployment is our biggest worry,") is None
    )
    assert compare_quotes("Too short", "Too short too") is None


def test_altered_quotes_between_two_texts():
    a = "“We were given no warning at all,” resident Tomas Hirsch told the Gazette."
    b = "“We were given hardly any warning,” Hirsch told reporters."
    (pair,) = altered_quotes(a, b)
    assert pair[0].speaker == "Tomas Hirsch" and pair[1].speaker == "Hirsch"


def test_paraphrase_is_never_compared():
    a = "“The water is safe to drink again,” mayor Luis Ortega said."
    b = "Mayor Luis Ortega said the water was not safe to drink yet."
    assert altered_quotes(a, b) == []


def test_other_speaker_is_not_compared():
    a = "“The sanctions are not working,” said Karen Field."
    b = "“The sanctions are not functioning,” said Paul Ander."
    assert altered_quotes(a, b) == []
    assert len(altered_quotes(a, b, speaker=lambda x, y: True)) == 1


def test_same_speaker():
    assert same_speaker("Tomas Hirsch", "Hirsch") and same_speaker("Jürgen Klee", "Jurgen Klee")
    assert not same_speaker("Tomas Hirsch", "Anna Hirsch")
