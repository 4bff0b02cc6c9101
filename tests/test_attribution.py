"""Who a claim is credited to, read from its evidence (``attribution``), for every engine."""

import pytest

from factcheck.attribution import attribute, generic
from factcheck.engines.local import LocalEngine
from factcheck.extract import extract
from factcheck.ingest import make_article


def credited(text: str, sentence: str) -> str | None:
    article = make_article(text, "a.txt")
    claims = attribute(extract([article], LocalEngine()).claims, {article.id: article})
    return next(c.attributed_to for c in claims if sentence in c.evidence.quote)


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        ("Exports could fall by a fifth, Hana Kovac, an analyst at Ridgeway, also told the "
         "Ledger.", "Exports could fall", "Hana Kovac"),
        ("According to Pavel Dost, the dam could fail in spring.", "the dam could fail",
         "Pavel Dost"),
        ("“The dam may not hold,” engineer Rosa Imrie said.", "The dam may not hold",
         "Rosa Imrie"),
        ("Rosa Imrie, the chief engineer, spoke to reporters. “It may not hold. The spring "
         "floods could breach it,” she said.", "The spring floods could breach it",
         "Rosa Imrie"),
        ("The strike may spread, Tomas Hirsch of the Varden Institute for Labour Studies "
         "told the Courier.", "The strike may spread", "Tomas Hirsch"),
        ("Prices might rise, Lena Brandt told the Courier. “Nobody expected the rise so "
         "early in the year.”", "Nobody expected", "Lena Brandt"),
        ("Experts say the currency could lose a third of its value.", "currency could lose",
         None),
        ("Some analysts believe the strike may spread to the ports.", "strike may spread",
         None),
        ("The harbour may reopen on Friday.", "harbour may reopen", None),
    ],
)  # fmt: skip
def test_claims_are_credited_from_their_evidence(text, sentence, speaker):
    assert credited(text, sentence) == speaker


def test_an_engine_attribution_to_a_crowd_is_dropped():
    article = make_article("The river could flood the valley by May.", "a.txt")
    claim = (
        extract([article], LocalEngine())
        .claims[0]
        .model_copy(update={"attributed_to": "many experts"})
    )
    assert attribute([claim], {article.id: article})[0].attributed_to is None


@pytest.mark.parametrize(
    ("speaker", "crowd"),
    [("experts", True), ("many observers", True), ("some analysts", True),
     ("company spokesman", False), ("Rosa Imrie", False), ("police", False)],
)  # fmt: skip
def test_generic_speakers(speaker, crowd):
    assert generic(speaker) is crowd
