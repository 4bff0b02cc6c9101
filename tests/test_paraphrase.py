"""Paraphrase keys for alignment: synonyms folded, figures read whatever their form."""

import pytest

from factcheck.align import align, stated_by
from factcheck.engines.local import LocalEngine
from factcheck.extract import extract
from factcheck.ingest import make_article
from factcheck.paraphrase import numbers, terms
from factcheck.people import PersonIndex


@pytest.mark.parametrize(
    ("text", "value"),
    [("3,000 runners", 3000), ("three thousand runners", 3000), ("about 3k runners", 3000),
     ("Twenty-three people", 23), ("fifteen hundred volunteers", 1500), ("$2bn", 2e9),
     ("2 billion dollars", 2e9), ("a dozen eggs", 12)],
)  # fmt: skip
def test_figures_are_read_whatever_their_form(text, value):
    assert value in numbers(text)


def test_synonyms_share_a_key_and_number_words_are_no_terms():
    assert terms("Five people were hurt") == terms("five people injured")
    assert terms("The city bought buses") == terms("the city purchased buses")
    assert terms("twenty-three workers") == terms("workers")
    assert terms("The mayor opened a library") != terms("the mayor closed a library")


def claims_of(*texts):
    articles = [make_article(t, f"{n}.txt") for n, t in enumerate(texts)]
    return extract(articles, LocalEngine()).claims


def test_a_paraphrase_with_synonyms_and_number_words_is_one_group():
    claims = claims_of(
        "Storms hit the coast of Lunder.\nThe storm destroyed 3,000 homes along the coast.",
        "Three thousand houses along the coast were wrecked by the storm.\nSchools shut.",
    )
    groups = align(claims, PersonIndex(claims))
    homes = [g for g in groups if any("homes" in c.text for c in g.members)]
    assert len(homes) == 1 and len(homes[0].articles) == 2


def test_a_fact_stated_inside_another_sentence_is_stated_by_that_source():
    claims = claims_of(
        "A landslide struck the village of Perrin on Tuesday and killed seven people.",
        "Landslide in Perrin.\nThe landslide struck the village of Perrin on Tuesday night.\n"
        "Seven people died in the landslide at Perrin, the governor said.",
    )
    stated = stated_by(claims, PersonIndex(claims))
    first = claims[0]
    assert {c.article for c in claims[1:]} <= stated[first.id] | {first.article}
    died = next(c for c in claims if c.text.startswith("Seven"))
    assert first.article in stated[died.id]
