"""verify: the support and contradiction scores come from typed differences, keep their public
shape for ``factcheck eval``, and separate meaning-changing edits from rewordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.difference import Difference
from factcheck.evaluation import load_cases
from factcheck.verify import CAP, Sources, features, verify, weights

ROOT = Path(__file__).resolve().parents[1]
EDITS = ROOT / "tests" / "data" / "edits"
SOURCE = [
    "The Fenwick ferry service carried 18,000 passengers in March. Its owner, Tilde Marsh, "
    "said a second boat would join the route on Friday. The harbour board approved the plan."
]


@pytest.fixture(scope="module")
def sources() -> Sources:
    return Sources(SOURCE)


def test_a_sentence_of_the_source_is_supported_without_differences(sources):
    result = verify(sources, "The harbour board approved the plan.")
    assert result.label == "supported"
    assert result.differences == [] and result.reasons == []
    assert 0.0 <= result.contradiction < result.score <= 1.0


def test_a_changed_figure_lowers_the_score_and_says_why(sources):
    plain = verify(sources, "The Fenwick ferry service carried 18,000 passengers in March.")
    changed = verify(sources, "The Fenwick ferry service carried 28,000 passengers in March.")
    assert changed.score < plain.score
    assert changed.label != "supported"
    assert [d.type for d in changed.differences] == ["figure"]
    assert changed.reasons == [d.explanation for d in changed.differences]
    assert "it says '18,000 passengers'" in changed.reasons[0]


def test_each_sentence_of_a_claim_counts(sources):
    good = verify(sources, "The harbour board approved the plan.")
    mixed = verify(sources, "The harbour board approved the plan. A third boat joins on Monday.")
    assert mixed.score < good.score
    assert {d.type for d in mixed.differences} >= {"date"}


def test_a_source_that_calls_the_claim_a_hoax_raises_the_contradiction_score():
    plain = Sources(["Reports said a second ferry would join the route."])
    disputed = Sources(["Reports that a second ferry would join the route are a hoax."])
    claim = "A second ferry will join the route."
    assert verify(disputed, claim).contradiction > verify(plain, claim).contradiction
    assert disputed.debunk > plain.debunk == 0


def test_no_difference_ever_adds_support_and_only_conflicts_add_contradiction():
    model = weights()
    assert all(w <= 0 for w in model["support"]["weights"].values())
    assert all(w >= 0 for w in model["contradiction"]["weights"].values())
    assert set(model["fitted_on"]["support"]) <= {
        "qags/cnndm", "qags/xsum", "xsumfaith", "fnc1/headline_vs_body", "edits", "anli"
    }  # fmt: skip


def test_counts_are_capped():
    many = " ".join(f"{n} boats" for n in range(11, 30))
    values = features_of(f"They counted {many}.", ["They counted 10 boats."])
    assert values["conflict"] == CAP


def features_of(claim: str, texts: list[str]) -> dict[str, float]:
    from factcheck.claim_diff import compare_all

    return features(compare_all(claim, Sources(texts).document))


@pytest.mark.parametrize("claim", ["", "   ", "…", "1 2 3", "\n\n"])
def test_odd_claims_and_sources_give_a_verdict_not_a_traceback(claim):
    for texts in ([""], [], ["…"], SOURCE):
        result = verify(Sources(texts), claim)
        assert result.label in ("supported", "unsupported", "contradiction")
        assert all(isinstance(d, Difference) for d in result.differences)


def test_edit_set_files_are_cases_with_every_edit_kind():
    for name in ("edits.jsonl", "heldout.jsonl"):
        cases = load_cases(EDITS / name)
        assert {c.label for c in cases} == {"supported", "unsupported"}
    assert {c.split for c in load_cases(EDITS / "edits.jsonl")} == {"dev", "test"}
    lines = (EDITS / "edits.jsonl").read_text(encoding="utf-8").splitlines()
    kinds = {json.loads(line)["meta"]["edit"] for line in lines}
    assert {"none", "negation", "number", "date", "entity_swap", "antonym", "synonym",
            "reorder", "drop_modifier"} <= kinds  # fmt: skip


def test_meaning_changing_edits_drop_the_score_and_rewordings_do_not():
    """A regression guard on part of the dev edit set: the score of an edited sentence falls
    below the unedited one's for most meaning-changing edits and few rewordings."""
    lines = (EDITS / "edits.jsonl").read_text(encoding="utf-8").splitlines()
    records = [r for r in map(json.loads, lines) if r["meta"]["part"] == "dev"][:500]
    original: dict[str, float] = {}
    drops: dict[str, list[bool]] = {"changing": [], "keeping": []}
    memo: dict[str, Sources] = {}
    for record in records:
        source = memo.setdefault(record["sources"][0], Sources(record["sources"]))
        score = verify(source, record["claim"]).score
        meta = record["meta"]
        if meta["edit"] == "none":
            original[meta["original"]] = score
        else:
            drops[meta["kind"]].append(score < original[meta["original"]])
    changing = sum(drops["changing"]) / len(drops["changing"])
    keeping = sum(drops["keeping"]) / len(drops["keeping"])
    assert changing > 0.85 and keeping < 0.15
