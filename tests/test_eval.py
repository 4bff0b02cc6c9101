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


def _bus_cases(subsets: tuple[str, ...] = ("city", "rural"), splits=("dev", "test")) -> list:
    """Invented claim-vs-source cases: a sentence of the source (supported) or the same
    sentence with its weekday changed (unsupported), in two subsets."""
    cases = []
    for n in range(24):
        day = ["Monday", "Friday"][n % 2]
        source = f"The council of Brill approved {n + 10} new buses on Wednesday."
        claim = source if n % 4 < 2 else source.replace("Wednesday", day)
        cases.append({"id": f"c{n}", "task": "doc_claim", "sources": [source], "claim": claim,
                      "label": "supported" if n % 4 < 2 else "unsupported",
                      "split": splits[(n // 4) % len(splits)],
                      "meta": {"subset": subsets[n % len(subsets)]}})  # fmt: skip
    return cases


def _write(tmp_path, cases, name="buses.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(c) for c in cases))
    return path


def test_subsets_are_scored_on_their_own_beside_the_pooled_group(tmp_path):
    from factcheck.evaluation import evaluate

    cases = load_cases(_write(tmp_path, _bus_cases()))
    assert {c.subset for c in cases} == {"city", "rural"}
    result = evaluate(cases, "test", None)
    pooled, *subsets = result["groups"]
    assert pooled["group"] == "buses" and pooled["subset_of"] is None
    assert pooled["subsets"] == ["buses/city", "buses/rural"]
    assert [g["group"] for g in subsets] == pooled["subsets"]
    assert all(g["subset_of"] == "buses" for g in subsets)
    assert sum(g["n"] for g in subsets) == pooled["n"] == result["cases"]
    assert all(g["engine"]["fitted_on"] == "dev" for g in result["groups"])


def test_a_group_with_one_subset_is_not_repeated(tmp_path):
    from factcheck.evaluation import evaluate

    result = evaluate(load_cases(_write(tmp_path, _bus_cases(("city",)))), "all", None)
    [group] = result["groups"]
    assert group["subsets"] == []


def test_why_each_case_was_judged_unsupported(tmp_path):
    from factcheck.evaluation import evaluate

    result = evaluate(load_cases(_write(tmp_path, _bus_cases())), "test", None)
    pooled = result["groups"][0]
    assert pooled["engine"]["balanced_accuracy"] == 1.0
    why = pooled["why"]
    assert why and all(item["predicted"] == "unsupported" for item in why)
    assert {item["gold"] for item in why} == {"unsupported"}
    [date] = [d for d in why[0]["differences"] if d["type"] == "date"]
    assert date["scope"] == "conflict" and date["source"] == "Wednesday"
    assert date["explanation"] == f"'{date['claim']}' is not in the source; it says 'Wednesday'"
    assert "why" not in result["groups"][1]  # once, on the pooled group


def test_a_group_without_dev_cases_is_not_fitted_on_what_it_reports(tmp_path):
    """The engine falls back on its own thresholds (fitted on the shared sets' dev splits);
    the baselines, fitted on the cases reported, can only look better for it."""
    from factcheck.evaluation import evaluate
    from factcheck.verify import weights

    result = evaluate(load_cases(_write(tmp_path, _bus_cases(splits=("test",)))), "test", None)
    pooled = result["groups"][0]
    assert pooled["engine"]["fitted_on"].startswith("the engine's default thresholds")
    assert pooled["engine"]["thresholds"]["support"] == weights()["thresholds"]["support"]
    assert "optimistic" in pooled["overlap"]["fitted_on"]


def test_eval_text_shows_subsets_and_explains_on_request(cli, tmp_path):
    from factcheck.evaluation import evaluate, render_eval

    path = _write(tmp_path, _bus_cases())
    text = cli("eval", str(path), "--split", "test").stdout
    assert "└ buses/city" in text and "└ buses/rural" in text and "s/1000" in text
    assert "why each case" not in text
    result = {**evaluate(load_cases(path), "test", None), "file": str(path)}
    explained = render_eval([result], "text", explain=True)
    assert "why each case was judged unsupported" in explained
    assert "it says 'Wednesday'" in explained


def test_the_edit_sets_held_out_part_is_never_fitted_on():
    """heldout.jsonl has no dev cases (eval reports it with the scorer's own thresholds), and
    the scripts that fit or tune read only edits.jsonl."""
    cases = load_cases(ROOT / "tests" / "data" / "edits" / "heldout.jsonl")
    assert {c.split for c in cases} == {"test"}
    for script in ("fit_support.py", "support_eval.py", "eval_table.py"):
        text = (ROOT / "benchmarks" / script).read_text(encoding="utf-8")
        assert 'heldout.jsonl"' not in text and "heldout.jsonl'" not in text


@pytest.mark.parametrize("task", ["doc_claim", "nli", "headline_vs_body", "body_pair"])
def test_threshold_search_counts_what_decide_would_label(task):
    """The counting search finds the pair a brute-force search over ``decide`` finds."""
    import itertools
    import random

    from factcheck.evaluation.cases import LABELS, Case
    from factcheck.evaluation.metrics import best
    from factcheck.evaluation.predictors import GRID, Signals, decide, fit_thresholds

    rng = random.Random(task)
    labels = LABELS[task]
    cases = [Case(str(n), task, "g", ["s"], "c", rng.choice(labels), "dev") for n in range(150)]
    signals = []
    for case in cases:
        lean = labels.index(case.label) / len(labels)
        signals.append(Signals(round(min(1, max(0, rng.gauss(1 - lean, 0.3))), 3),
                               round(rng.random() * (1.5 if case.label == "contradiction"
                                                     else 1), 3)))  # fmt: skip
    contra_grid = GRID if task in ("nli", "headline_vs_body") else [1.1]

    def accuracy(pair):
        scores = Scores(labels)
        for case, signal in zip(cases, signals, strict=True):
            scores.add(case.label, decide(task, signal, *pair))
        return scores.balanced_accuracy()

    expected = best(itertools.product(GRID, contra_grid), accuracy, (0.5, 0.5))
    assert fit_thresholds(task, cases, signals) == expected
