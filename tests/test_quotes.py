"""Quoted passages and their speakers (``quotes``)."""

import pytest

from factcheck.quotes import find_quotes, sentence_speaker, speaker_name


def only(text):
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        ("“The dam will hold,” engineer Rosa Imrie said on Monday.", "Rosa Imrie", "after"),
        ("“The dam will hold,” said Rosa Imrie, the chief engineer.", "Rosa Imrie", "after"),
        ("“The dam will hold,” Rosa Imrie, an engineer at Velt, told the Courier.", "Rosa Imrie",
         "after"),
        ("Chief engineer Rosa Imrie told reporters: “The dam will hold.”", "Rosa Imrie", "before"),
        ("According to Rosa Imrie, “the dam will hold until spring.”", "Rosa Imrie",
         "according_to"),
        ("“The dam will hold,” the Courier quoted Rosa Imrie as saying.", "Rosa Imrie",
         "quoted_as"),
        ("Finance Minister Oskar Lind said: \"The deficit might exceed 4 percent.\"", "Oskar Lind",
         "before"),
        ("“Nobody was hurt in the blaze,” Gen. Tomas Hirsch said.", "Tomas Hirsch", "after"),
    ],
)  # fmt: skip
def test_named_speakers(text, speaker, how):
    quote = only(text)
    assert (quote.speaker, quote.named, quote.how) == (speaker, True, how)


def test_quote_text_and_offsets_index_the_article():
    text = "Residents were angry. “We were given no warning at all,” Tomas Hirsch said."
    quote = only(text)
    assert text[quote.start : quote.end] == quote.text == "We were given no warning at all,"


def test_unnamed_speaker_is_kept_but_not_named():
    quote = only("“The figures are wrong,” a company spokesman said.")
    assert quote.speaker == "company spokesman" and not quote.named
    quote = only("“The figures are wrong,” the union official said.")
    assert not quote.named


def test_pronoun_is_the_last_named_speaker():
    text = (
        "“The water is rising,” Mayor Ines Varga said. The town hall was closed. "
        "“We will open a shelter tonight,” she told the radio."
    )
    first, second = find_quotes(text)
    assert second.speaker == "Ines Varga" and second.how == "pronoun"


def test_pronoun_with_nobody_named_stays_unnamed():
    quote = only("“We will open a shelter tonight,” she told the radio.")
    assert quote.speaker == "she" and not quote.named


def test_continuation_of_a_credited_quote():
    text = (
        "“We did everything we could,” fire chief Rosa Imrie said. “The kitchen may be to blame.”"
    )
    first, second = find_quotes(text)
    assert second.speaker == "Rosa Imrie" and second.how == "continued"


def test_multi_sentence_quote_is_one_passage():
    quote = only("Rosa Imrie said: “We did everything we could. The kitchen may be to blame.”")
    assert quote.text.count(".") == 2 and quote.speaker == "Rosa Imrie"


def test_scare_quotes_and_apostrophes_are_not_passages():
    assert find_quotes("The so-called “peace plan” was rejected.") == []
    assert find_quotes("It’s the workers’ union that won’t sign, isn’t it") == []


def test_no_speaker_for_a_bare_quote():
    quote = only("“Nothing will change for the farmers in the valley.”")
    assert quote.speaker is None and not quote.named


def test_clause_after_the_quote_is_not_a_speaker():
    quote = only("She wrote: “Be brave and be different” and also posted a photo of the beach.")
    assert quote.how == "before"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("harbour master Petra Voss", ("Petra Voss", True)),
        ("Transport Minister Karl Ruud", ("Karl Ruud", True)),
        ("Lena Brandt, an analyst at the Harwell Institute", ("Lena Brandt", True)),
        ("In a short statement, Ms Lawrence", ("Lawrence", True)),
        ("a spokesman for the Navy", ("spokesman for navy", False)),
        ("experts", ("experts", False)),
    ],
)
def test_speaker_name(phrase, expected):
    assert speaker_name(phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Prices could rise, Hana Kovac, an analyst at Ridgeway, told the Ledger.",
         ("Hana Kovac", True)),
        ("According to Pavel Dost, the dam could fail.", ("Pavel Dost", True)),
        ("The Harwell Institute predicts that exports could fall.", ("Harwell Institute", True)),
        ("The plant employs 1,500 people, said spokeswoman Dana Whitfield.",
         ("Dana Whitfield", True)),
        ("The league might expand, commissioner Gil Arroyo said in an interview.",
         ("Gil Arroyo", True)),
        ("Experts say the currency could lose a third of its value.", ("experts", False)),
        ("Analysts believe the strike may spread.", ("analysts", False)),
        ("Some 650 jobs will go when the plant closes, the company said.", ("company", False)),
    ],
)  # fmt: skip
def test_sentence_speaker(sentence, expected):
    assert sentence_speaker(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "It is widely believed that the company will move abroad.",
        "The bridge was closed on Monday after cracks were found.",
    ],
)
def test_sentence_without_speaker(sentence):
    assert sentence_speaker(sentence) is None
