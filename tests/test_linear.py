"""Per-article work is linear in the article's length: one long paragraph (or one endless
sentence) of 8 times the text takes about 8 times as long, never 64 times."""

from __future__ import annotations

import random
import time

import pytest

from factcheck.ingest import furniture_spans, make_article
from factcheck.lexical import _content_terms
from factcheck.names import find_orgs, find_people, find_places
from factcheck.quantities import parse_quantities
from factcheck.segment import segment
from factcheck.times import parse_times

FIRST = "Amara Bruno Chiara Dmitri Elif Farid Greta Hiro Ines Jonas Kofi Lucia Mateo Nadia".split()
LAST = "Adeyemi Bianchi Castro Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski".split()
TEMPLATES = [
    "{first} {last}, a spokesperson for the Harbour Authority, said {n} ships docked on {day}.",
    "Mayor {first} {last} told reporters in Lisbon that about {n} people attended.",
    "The U.S. firm paid ${n} million, Dr. {last} said, adding costs rose {n}% in March.",
    "Officials in Nairobi and Lima said more than {n},000 tickets were sold by {day}.",
    "{first} {last}, {first2} {last2} and {last2} {first} signed; {first2} {last} did not.",
]
DAYS = "Monday Tuesday Friday Sunday".split()


def paragraph(size: int, *, stops: bool = True, seed: int = 7) -> str:
    """``size`` characters of invented news copy on one line."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        sentence = rng.choice(TEMPLATES).format(
            first=rng.choice(FIRST), last=rng.choice(LAST), first2=rng.choice(FIRST),
            last2=rng.choice(LAST), n=rng.randint(2, 999), day=rng.choice(DAYS),
        )  # fmt: skip
        parts.append(sentence if stops else sentence.replace(".", ","))
        total += len(sentence) + 1
    return " ".join(parts)[:size]


STEPS = {  # each on a whole article, as if it were one sentence: the worst case for all but
    "furniture": furniture_spans,  # segmentation, which is tested on both shapes
    "people": find_people,
    "places": find_places,
    "orgs": find_orgs,
    "quantities": parse_quantities,
    "times": parse_times,
    "terms": _content_terms.__wrapped__,  # not the cached one
}


def cpu(step, text: str) -> float:
    best = float("inf")
    for _ in range(2):  # the faster of two runs: less noise from a busy machine
        start = time.process_time()
        step(text)
        best = min(best, time.process_time() - start)
    return best


def assert_linear(name: str, step, stops: bool) -> None:
    small, large = paragraph(20_000, stops=stops), paragraph(160_000, stops=stops)
    step(small)  # warm caches (gazetteer, stemmer, compiled patterns)
    ratio = cpu(step, large) / max(cpu(step, small), 0.002)
    assert ratio < 24, f"{name}: 8x the text took {ratio:.0f}x the time (quadratic is 64x)"


@pytest.mark.parametrize("stops", [True, False], ids=["sentences", "one-sentence"])
def test_segmentation_is_linear_in_length(stops):
    assert_linear("segment", lambda text: segment(make_article(text, "long.txt")), stops)


@pytest.mark.parametrize("name", list(STEPS))
def test_step_is_linear_in_length(name):
    assert_linear(name, STEPS[name], stops=False)
