from factcheck.ingest import make_article
from factcheck.segment import segment


def sentences(text):
    article = make_article(text, "t")
    result = segment(article)
    assert all(text[s.start : s.end] == s.text for s in result)
    return result


def test_abbreviations_do_not_split():
    found = sentences("Mr. Smith met U.S. officials in Jan. 2024 at 5 p.m. near St. Paul. He left.")
    assert [s.text for s in found][-1] == "He left."
    assert len(found) == 2


def test_us_at_sentence_end_splits_before_a_starter():
    found = sentences("Troops came from the U.S. The talks ended.")
    assert [s.text for s in found] == ["Troops came from the U.S.", "The talks ended."]


def test_quotes_stay_with_their_sentence():
    text = "“We will win,” he said. “That is certain.” She disagreed."
    assert [s.text for s in sentences(text)] == [
        "“We will win,” he said.",
        "“That is certain.”",
        "She disagreed.",
    ]


def test_capitalised_heading_is_its_own_sentence():
    found = sentences("A GOOD WAY TO ANNOY THE WEST\nThe visit was short.")
    assert found[0].heading and found[0].text == "A GOOD WAY TO ANNOY THE WEST"
    assert not found[1].heading


def test_hard_wrapped_lines_are_joined():
    found = sentences("The minister said the plan would\ncost more than expected. Others agreed.")
    assert found[0].text == "The minister said the plan would\ncost more than expected."


def test_furniture_lines_are_flagged():
    found = sentences("The talks ended.\nLeave a Reply\n")
    assert [s.furniture for s in found] == [False, True]
