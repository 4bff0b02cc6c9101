"""The wording score: marks of spinning and machine translation, with sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.wording import ARTIFACT, assess, combine
from tests.garble import OPERATIONS, garble

CLEAN = [
    "The council said on Monday that the new library would open in the spring.",
    "More than 300 people attended the ceremony in the town square, organisers said.",
    "The company's chief executive told reporters the merger would create 2,000 jobs.",
    "Police said the driver, a 42-year-old man from Leeds, had been arrested.",
    "“We have never seen a flood like this,” said the mayor, Anna Berg.",
    "The European Central Bank kept interest rates on hold in March.",
    "Officials from the Ministry of Health met the union on Tuesday.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_sentences_carry_no_artifact(sentence):
    wording = assess(sentence)
    assert not wording.artifact, wording.marks


@pytest.mark.parametrize(
    ("sentence", "signal", "text"),
    [
        ("The mayor Also said the bridge was safe.", "stray_capital", "mayor Also"),
        ("The bridge, Reportedly the oldest, will close.", "stray_capital", "Reportedly"),
        ("The bridge will close,, the council said.", "punctuation", ",,"),
        ("The bridge will close, the council said. .", "punctuation", ". ."),
        ("The bridge will close ,.", "punctuation", ",."),
        ("He called it “a disgrace,”, the council said.", "punctuation", ",”,"),
        ("It ends in the case of a storm. during the night.", "punctuation", "storm. during"),
        ("The mayor called the plan “reckless“ and left.", "punctuation", "s“"),
        ("The plan was approved according the minutes.", "missing_word", "according the"),
        ("The mayor said joint briefing on Monday that it would close.", "missing_word", None),
        ("The mayor spoke at press conference on Monday.", "missing_word", None),
        ("Most the residents were asleep, police said.", "missing_word", "Most the"),
        ("The firm wanted make a profit this year.", "missing_word", "wanted make"),
        ("Officials counted greater than 4,000 votes.", "collocation", None),
        ("Officials blamed local weather change for the floods.", "collocation", None),
        ("The minister spoke at an information convention.", "collocation", None),
        ("The 3 ministers met on Friday, the office said.", "numeral", "The 3 ministers"),
        ("The storm destroyed 11.000 homes in the region.", "numeral", None),
    ],
)
def test_marks_are_found_with_their_reason(sentence, signal, text):
    wording = assess(sentence)
    found = [m for m in wording.marks if m.signal == signal]
    assert found, wording
    assert all(m.reason for m in found)
    if text is not None:
        assert any(text in m.text for m in found), found
    assert wording.artifact


def test_collocation_reason_names_the_usual_phrase():
    wording = assess("Officials counted greater than 4,000 votes.")
    assert "more than" in wording.marks[0].reason


def test_number_phrases_only_mark_numbers():
    assert not assess("The risk was greater than expected, the report said.").marks


def test_names_and_months_are_not_stray_capitals():
    for sentence in [
        "She studied at the National Library of Medicine in May.",
        "The Prime Minister met the Secretary of State for Wales.",
        "A report by Reporters Without Borders was published on Tuesday.",
    ]:
        assert not assess(sentence).artifact, assess(sentence)


def test_the_article_tells_a_stray_capital_content_word():
    article = "The harvest was poor. Farmers said the harvest failed. The Harvest was sold."
    alone = assess("The Harvest was sold.")
    with_article = assess("The Harvest was sold.", article)
    assert not alone.marks
    assert [m.signal for m in with_article.marks] == ["stray_capital"]


def test_a_word_the_article_always_capitalises_is_a_name():
    article = "The Times reported it. Staff at the Times said so. It was time."
    assert not assess("Staff at the Times said so.", article).marks


def test_combine_is_a_probability_of_at_least_one_mark():
    marks = assess("The mayor Also said,, the plan failed.").marks
    assert len(marks) == 2
    assert combine(marks).score == pytest.approx(1 - (1 - 0.55) * (1 - 0.55), abs=1e-3)
    assert combine([]).score == 0.0 and ARTIFACT > 0


def test_score_is_bounded_and_deterministic():
    sentence = "The mayor Also said,, greater than 4 people Most the ,. time according it."
    first, second = assess(sentence), assess(sentence)
    assert first == second
    assert 0.0 <= first.score <= 1.0


def test_garbler_is_deterministic_and_changes_the_sentence():
    sentence = CLEAN[0]
    for operation in OPERATIONS:
        a, b = garble(sentence, 7, operation), garble(sentence, 7, operation)
        assert a == b and a is not None
        assert a.text != sentence and a.operation == operation
    assert garble(sentence, 1) != garble(sentence, 2) or garble(sentence, 3) != garble(sentence, 4)


def test_garbled_sentences_score_higher_on_average():
    clean = [assess(s).score for s in CLEAN]
    garbled = [assess(garble(s, 0, "punct").text).score for s in CLEAN]
    assert sum(garbled) > sum(clean) + 0.3 * len(CLEAN)


def test_lexicon_holds_no_phrase_from_the_seed_articles():
    """The lexicon is general English; only the example the project's issue gives may match."""
    from factcheck.wording import _lexicon

    pattern, _ = _lexicon()
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    found = {
        m.group().lower() for f in seeds.glob("*.txt") for m in pattern.finditer(f.read_text())
    }
    assert {f.split()[0] + " " + f.split()[1] for f in found} <= {"greater than"}


def test_two_forms_of_one_word_side_by_side_are_a_spinners_mark():
    echo = assess("Residents were alarmed alarmingly by the new tolls on the bridge.")
    assert echo.artifact and echo.marks[0].reason == "a word next to another form of itself"
    assert assess("Residents were alarmed by the new tolls on the bridge.").score == 0.0
    assert not assess("The trainers were training the new recruits in the hills.").marks
