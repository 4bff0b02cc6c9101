"""``factcheck eval`` with the llm options against the loopback stub (which answers by its
documented rules: the figures mean nothing, the calls and their cost per data set are the
point)."""

from __future__ import annotations

import json

from tests.conftest import ROOT
from tests.stub.server import StubServer

OWN = ROOT / "tests" / "data" / "eval" / "own.jsonl"


def test_eval_takes_the_llm_options_and_shows_calls_and_cost_per_data_set(cli, tmp_path):
    """Plumbing against the stub (its answers are rules: every check 'supported', every group
    agreeing, no sweep finding), so the scores mean nothing; what is shown is that eval runs the
    llm engine with every llm option and counts calls and cost per data set."""
    cases = [{"id": f"d{n}", "task": "doc_claim", "sources": [f"Ferry {n} left on time."],
              "claim": f"Ferry {n} left.", "label": "supported" if n % 2 else "unsupported",
              "split": "dev"} for n in range(4)]  # fmt: skip
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text("\n".join(json.dumps(c) for c in cases))
    stub = StubServer().start()
    try:
        options = ["--engine", "llm", "--model", "stub", "--base-url", stub.url,
                   "--concurrency", "2", "--price", "1,2", "--mode", "tools"]  # fmt: skip
        cached = ["--cache-dir", str(tmp_path / "cache")]
        limits = ["--split", "dev", "--limit", "3"]
        first = cli("eval", str(OWN), str(tiny), *limits, *options, *cached, "-f", "json")
        again = cli("eval", str(OWN), str(tiny), *limits, *options, *cached)
        fresh = cli("eval", str(tiny), "--split", "dev", *options, "--no-cache", "--mode", "json")
    finally:
        stub.stop()
    assert first.exit_code == again.exit_code == fresh.exit_code == 0, first.output
    own, small = json.loads(first.stdout)
    assert own["usage"]["calls_by_stage"]["sweep"] == 3  # one per cluster case
    assert own["usage"]["llm_calls"] == sum(own["usage"]["calls_by_stage"].values())
    assert small["usage"] == {**small["usage"], "llm_calls": 3, "calls_by_stage": {"check": 3}}
    for usage in (own["usage"], small["usage"]):
        expected = (usage["input_tokens"] + 2 * usage["output_tokens"]) / 1e6
        assert abs(usage["cost_usd"] - expected) < 1e-5
    total = own["usage"]["llm_calls"] + small["usage"]["llm_calls"]
    assert f"llm stub: {total} calls" in first.stderr
    assert again.stdout.count("llm: 0 calls") == 2 and "cost $0.0000" in again.stdout
    assert "cached" in again.stdout and f"llm stub: 0 calls ({total} cached)" in again.stderr
    assert "llm: 4 calls (check 4)" in fresh.stdout  # --no-cache: asked again, in json mode
    assert sum("response_format" in r for r in stub.requests) == 4
