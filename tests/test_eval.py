"""factcheck eval: metrics computed right, cases loaded strictly, every benchmark runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation import Scores, load_cases
from tests.conftest import ROOT

OWN = ROOT / "tests" / "data" / "eval" / "own.jsonl"
SHARED = ROOT.parent / "shared" / "benchmarks"


def test_metrics_by_hand():
    scores = Scores(["supported", "unsupported"])
    for gold, pred, score in [
        ("supported", "supported", 0.9), ("supported", "supported", 0.8),
        ("supported", "unsupported", 0.4), ("unsupported", "unsupported", 0.1),
        ("unsupported", "supported", 0.7), ("unsupported", "unsupported", 0.4),
    ]:  # fmt: skip
        scores.add(gold, pred, score)
    per = scores.per_class()
    assert per["supported"]["precision"] == pytest.approx(2 / 3)
    assert per["supported"]["recall"] == pytest.approx(2 / 3)
    assert per["unsupported"]["f1"] == pytest.approx(2 / 3)
    assert scores.balanced_accuracy() == pytest.approx(2 / 3)
    # AUC: 9 positive/negative pairs; 0.4 vs 0.4 is a tie (half), 0.4 < 0.7 loses
    assert scores.auc("supported") == pytest.approx(7.5 / 9)
    assert scores.confusion()["unsupported"] == {"supported": 1, "unsupported": 2}


def test_auc_is_one_for_a_perfect_ranking_and_half_for_a_constant():
    perfect, constant = Scores(["supported", "unsupported"]), Scores(["supported", "unsupported"])
    for i in range(10):
        gold = "supported" if i >= 5 else "unsupported"
        perfect.add(gold, gold, i / 10)
        constant.add(gold, "supported", 0.5)
    assert perfect.auc("supported") == 1.0 and constant.auc("supported") == 0.5


def test_bad_case_lines_are_one_clear_error(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(
        '{"id": "a", "task": "doc_claim", "sources": ["x"], "claim": "y", '
        '"label": "supported", "split": "dev"}\n{"id": "b", "task": "doc_claim"}\n'
    )
    with pytest.raises(InputError, match=r"cases\.jsonl:2: not a case"):
        load_cases(path)
    path.write_text('{"id": "a", "task": "nli", "sources": ["x"], "claim": "y", "label": "maybe"}')
    with pytest.raises(InputError, match="label 'maybe'"):
        load_cases(path)


def test_eval_on_a_small_labelled_file(cli, tmp_path):
    cases = []
    for n in range(12):
        source = f"The council approved {n + 10} new buses for the town of Brill on Monday."
        supported = n % 2 == 0
        claim = (
            f"The council approved {n + 10} new buses on Monday."
            if supported
            else "The mayor resigned after a scandal over school meals in Brill."
        )
        cases.append({"id": f"c{n}", "task": "doc_claim", "sources": [source], "claim": claim,
                      "label": "supported" if supported else "unsupported",
                      "split": "dev" if n < 8 else "test"})  # fmt: skip
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases))
    result = cli("eval", str(path), "--split", "test", "--format", "json")
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)
    [group] = report["groups"]
    assert group["n"] == 4 and group["split"] == "test"
    assert group["engine"]["balanced_accuracy"] == 1.0 and group["engine"]["roc_auc"] == 1.0
    assert group["majority"]["balanced_accuracy"] == 0.5
    assert "threshold" in group["overlap"] and "confusion" in group["engine"]
    text = cli("eval", str(path)).stdout
    assert "majority" in text and "overlap" in text and "gold (rows)" in text


def test_own_set_scores_finding_kinds(cli):
    result = cli("eval", str(OWN), "--format", "json")
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)
    [group] = report["groups"]
    kinds = group["per_kind"]
    assert set(kinds) == {"contradiction", "name_variant", "update", "unsupported_addition"}
    # every kind has labelled cases, and the engine finds most of them
    assert all(k["tp"] + k["fn"] > 0 for k in kinds.values())
    assert kinds["contradiction"]["precision"] >= 0.8 and kinds["contradiction"]["recall"] >= 0.6


def test_own_set_covers_every_conflict_type_and_look_alikes():
    cases = load_cases(OWN)
    types = {f.get("type") for c in cases for f in c.label if f["kind"] == "contradiction"}
    assert types >= {"quantity", "date", "place", "role_title", "attribution"}
    assert sum(not c.label for c in cases) >= 6  # cases where nothing should be flagged
    assert {c.split for c in cases} == {"dev", "test"}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/benchmarks is not beside the checkout")
def test_every_shared_benchmark_runs(cli):
    result = cli("eval", str(SHARED), "--limit", "60", "--split", "dev", "--format", "json")
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    names = {Path(r["file"]).parent.name for r in reports}
    assert names == {p.parent.name for p in SHARED.glob("*/cases.jsonl")}
    for report in reports:
        for group in report["groups"]:
            assert group["n"] > 0 and 0.0 <= group["engine"]["balanced_accuracy"] <= 1.0


def test_eval_with_the_llm_engine_against_the_stub(cli, tmp_path):
    """Plumbing only: the stub's rule answers every check with 'supported', so the figures
    mean nothing; the point is that the llm engine runs the same cases and counts its calls."""
    from tests.stub.server import StubServer

    cases = [{"id": f"c{n}", "task": "doc_claim", "sources": [f"Text number {n} says buses."],
              "claim": "Buses.", "label": "supported" if n % 2 else "unsupported",
              "split": "dev"} for n in range(4)]  # fmt: skip
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases))
    stub = StubServer().start()
    try:
        result = cli("eval", str(path), "--model", "stub", "--base-url", stub.url, "-f", "json")
    finally:
        stub.stop()
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)
    assert report["engine"] == "llm"
    assert report["groups"][0]["engine"]["confusion"]["unsupported"]["supported"] == 2
    assert "llm stub: 4 calls" in result.stderr and len(stub.requests) == 4
