"""The extract stage with a fake engine: one test of evidence for every engine, one repair,
ids from the evidence span, figures read from the quote that was found."""

from __future__ import annotations

import pytest

from factcheck.engines.local import LocalEngine
from factcheck.errors import ExtractionFailed
from factcheck.extract import extract, find_evidence
from factcheck.models import ClaimDraft, Problem
from tests.fake_engine import FakeEngine, article

FERRY = article(
    "The ferry to Marrow Island resumed on Tuesday. Crews carried 240 passengers on the "
    "first crossing.\n\nThe harbour master said   the pier was repaired overnight.",
    "ferry.txt",
    published="2031-03-05",
)


def draft(quote: str, **fields) -> ClaimDraft:
    return ClaimDraft(**{"text": "", "kind": "event", "quote": quote, **fields})


def test_evidence_is_found_at_its_offset_or_else_in_the_text():
    quote = "Crews carried 240 passengers on the first crossing."
    at = FERRY.text.index(quote)
    assert find_evidence(FERRY.text, draft(quote, start=at)).start == at
    moved = find_evidence(FERRY.text, draft(quote, start=3))  # a wrong offset is not trusted
    assert find_evidence(FERRY.text, draft(quote, start=-5)).start == at
    assert (moved.start, moved.quote) == (at, quote)
    spaced = find_evidence(FERRY.text, draft("said the pier was repaired"))  # whitespace differs
    assert spaced.quote == FERRY.text[spaced.start : spaced.end] == "said   the pier was repaired"
    assert find_evidence(FERRY.text, draft("The ferry sank.")) is None
    assert find_evidence(FERRY.text, draft("", start=0)) is None


def test_a_variant_spelling_of_the_quote_is_looked_for_after_the_quote():
    escaped = draft("Crews carried 240 &lt;passengers", variants=("Crews carried 240 passengers",))
    assert find_evidence(FERRY.text, escaped).quote == "Crews carried 240 passengers"


def test_unfound_quotes_are_repaired_once_then_dropped_and_counted():
    engine = FakeEngine()
    good = draft("The ferry to Marrow Island resumed on Tuesday.")
    bad = [draft("Crews took 240 people across."), draft("The mayor cut a ribbon.")]
    engine.enqueue("extract_claims", [[good, *bad]])
    engine.enqueue("repair_claims", [[draft("Crews carried 240 passengers"), draft("nothing")]])
    result = extract([FERRY], engine)
    [(item, missing)] = engine.calls["repair_claims"][0][0]
    assert item.article is FERRY and missing == bad  # the stage hands back what it missed
    assert [c.evidence.quote for c in result.claims] == [
        "The ferry to Marrow Island resumed on Tuesday.",
        "Crews carried 240 passengers",
    ]
    assert result.dropped == 1


def test_claims_get_figures_from_the_found_quote_and_ids_from_the_span():
    engine = FakeEngine()
    quote = "Crews carried 240 passengers on the first crossing."
    engine.enqueue("extract_claims", [[draft(quote, text="Two hundred people sailed."),
                                       draft(quote, text="The crossing was full.")]])  # fmt: skip
    first, second = extract([FERRY], engine).claims
    start = FERRY.text.index(quote)
    assert first.id == f"{FERRY.id}-{start}-{start + len(quote)}"
    assert second.id == first.id + "-2"  # a second claim on one span
    assert first.text == "Two hundred people sailed."  # the statement as the engine gave it
    assert [q.value for q in first.quantities] == [240.0]  # read from the quote
    resumed = extract([FERRY], FakeEngine().enqueue("extract_claims", [[draft("on Tuesday")]]))
    assert resumed.claims[0].times[0].resolved == "2031-03-04"  # pinned by publication time


def test_exact_duplicates_are_not_handed_to_the_engine():
    copy = FERRY.model_copy(update={"id": FERRY.id + "-dup1", "duplicate_of": FERRY.id})
    engine = FakeEngine()
    extract([FERRY, copy], engine)
    [items] = engine.calls["extract_claims"][0]
    assert [i.article.id for i in items] == [FERRY.id]
    assert items[0].sentences and items[0].sentences[0].text.startswith("The ferry")


def test_nothing_extracted_after_failed_calls_ends_the_run():
    engine = FakeEngine()
    engine.failed.append(Problem(where="ferry.txt", error="HTTP 500"))
    with pytest.raises(ExtractionFailed, match="ferry.txt: HTTP 500"):
        extract([FERRY], engine)
    assert extract([FERRY], FakeEngine()).claims == []  # no problem: simply nothing to say


def test_the_local_engine_makes_one_claim_per_sentence():
    claims = extract([FERRY], LocalEngine()).claims
    assert [c.evidence.quote for c in claims] == [
        "The ferry to Marrow Island resumed on Tuesday.",
        "Crews carried 240 passengers on the first crossing.",
        "The harbour master said   the pier was repaired overnight.",
    ]
    assert claims[2].kind == "attribution" and claims[1].kind == "quantity"
