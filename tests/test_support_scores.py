"""How the support scorer turns differences into scores: words a source lacks weigh by their
rarity, "not only" denies nothing, a hypothesis (NLI) has its own fitted model, and body pairs
lean by the stored weights. The story is invented for these tests."""

from __future__ import annotations

from factcheck.claim_diff import compare_all
from factcheck.lexicon import rarity
from factcheck.reading import read
from factcheck.verify import KINDS, Sources, features, verify, weights

PORT = (
    "The harbour board approved a second ferry berth at Kessel Point on Monday. "
    "Board chair Ines Morrow said work would start in spring."
)


def test_a_rare_word_weighs_more_than_a_common_one():
    assert rarity("the") < rarity("said") < rarity("ferry") < rarity("qorvath")


def test_a_rare_invented_word_costs_more_support_than_a_common_one():
    source = Sources([PORT])
    common = features(compare_all("The harbour board approved a big ferry berth.", source.document))
    rare = features(compare_all("The harbour board approved a floating ferry berth.",
                                source.document))  # fmt: skip
    assert 0 < common["wording_share"] < rare["wording_share"]
    assert rare["absent_share"] >= rare["wording_share"]


def test_a_name_the_sources_never_give_counts_in_the_absent_share_not_as_wording():
    source = Sources([PORT])
    claim = "The harbour board approved a second ferry berth designed by Tomas Varga."
    values = features(compare_all(claim, source.document))
    assert values["name_absent"] == 1.0
    assert values["absent_share"] > 2 * values["wording_share"] > 0  # 'designed' is wording


def test_not_only_denies_nothing():
    assert not read("The board did not only approve the berth.").negated
    assert read("The board did not approve the berth.").negated
    source = Sources([PORT])
    said = verify(source, "The harbour board not only approved a second ferry berth.")
    assert not any(d.type == "negation" for d in said.differences)


def test_a_hypothesis_is_scored_by_its_own_model_from_the_same_differences():
    source = Sources([PORT])
    claim = "The harbour board rejected a second ferry berth at Kessel Point."
    report, inference = (verify(source, claim, kind) for kind in KINDS)
    assert report.differences == inference.differences
    assert report.contradiction == inference.contradiction > 0
    assert report.score != inference.score
    assert set(weights()["inference"]["weights"]) == set(weights()["support"]["weights"])


def test_every_weight_only_lowers_support_and_the_lean_weights_are_stored():
    model = weights()
    for name in ("support", "inference"):
        assert all(w <= 0 for w in model[name]["weights"].values())
    assert 0 <= model["lean"]["support"] <= 1 and 0 <= model["lean"]["contradiction"] <= 1
