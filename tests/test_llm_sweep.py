"""The llm engine's cluster sweep without cassettes: compact lines, short ids, parts."""

from __future__ import annotations

import json
import re
from itertools import combinations

import httpx2

from factcheck.engines.llm import LLMEngine
from factcheck.engines.llm.sweep import claim_lines, short_ids
from factcheck.pipeline import run
from tests.conftest import ROOT
from tests.fake_engine import article, claim
from tests.stub.server import Answers, _completion
from tests.test_llm_units import llm_settings

A = article("Tolls on the Brenna bridge rise to 4 euros. “It is fair,” the mayor said.", "a.txt")
B = article("Tolls on the Brenna bridge rise to 4 euros. Drivers were angry.", "b.txt")
LABELS = {A.id: "[1]", B.id: "[2]"}
SAME_A = claim(A, "Tolls on the Brenna bridge rise to 4 euros.")
SAME_B = claim(B, "Tolls on the Brenna bridge rise to 4 euros.")
QUOTE = claim(
    A, "“It is fair,” the mayor said.", text="The mayor called it fair.", kind="quote",
    attributed_to="the mayor",
)  # fmt: skip
ANGRY = claim(B, "Drivers were angry.")


def test_claims_are_one_compact_line_per_statement():
    claims = [SAME_A, QUOTE, SAME_B, ANGRY]
    refs = short_ids(claims)
    assert claim_lines(claims, LABELS, refs) == [
        "c1 [1], c2 [2]: Tolls on the Brenna bridge rise to 4 euros.",
        "c3 [1] (the mayor): The mayor called it fair. quote: “It is fair,” the mayor said.",
        "c4 [2]: Drivers were angry.",
    ]
    assert refs == {SAME_A.id: "c1", SAME_B.id: "c2", QUOTE.id: "c3", ANGRY.id: "c4"}


def _answering(sweep_answer: dict):
    """A transport: the stub's answers, except sweep calls, which get ``sweep_answer``."""
    stub, bodies = Answers(), []

    def handle(request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        bodies.append(body)
        if body["messages"][0]["content"].startswith("You look over"):
            payload = _completion(body, "SweepAnswer", json.dumps(sweep_answer), None)
            return httpx2.Response(200, json=payload)
        status, headers, payload = stub.answer(body)
        return httpx2.Response(status, headers=headers, json=payload)

    return httpx2.AsyncClient(transport=httpx2.MockTransport(handle)), bodies


def test_short_ids_map_back_and_invented_ones_pass_through():
    answer = {"findings": [{"kind": "contradiction", "type": "event", "claims": ["c4", "c99"],
                            "confidence": 0.9, "reason": "r"}]}  # fmt: skip
    client, bodies = _answering(answer)
    engine = LLMEngine(llm_settings(), http_client=client)
    try:
        engine.labels = LABELS
        [proposal] = engine.sweep_cluster([SAME_A, QUOTE, SAME_B, ANGRY], [], {})
    finally:
        engine.close()
    assert proposal.claims == [ANGRY.id, "c99"]  # the stage drops the invented one
    user = bodies[0]["messages"][1]["content"]
    assert "c4 [2]: Drivers were angry." in user and "<findings>\n(none)\n</findings>" in user


def test_a_cluster_that_does_not_fit_is_swept_in_parts_where_every_two_statements_meet():
    # 800 tokens for the claims (3,200 characters): the seeds' claim lines make three blocks
    settings = llm_settings(context_tokens=5396, max_output_tokens=3096)
    client, bodies = _answering({"findings": []})
    report = run([str(ROOT / "seeds")], settings, http_client=client)
    sweeps = [b["messages"][1]["content"] for b in bodies if "You look over" in str(b)]
    assert len(sweeps) == report.usage.by_stage["sweep"]["calls"] == 3
    assert all(re.match(r"Part \d of 3", s) for s in sweeps)
    parts = [set(re.findall(r"^c\d+ \[\d\].*?: (.*)$", s, re.MULTILINE)) for s in sweeps]
    statements = set().union(*parts)
    assert len(statements) == len({" ".join(c.text.split()) for c in report.claims})
    assert all(len(part) < len(statements) for part in parts)  # no part holds everything
    for a, b in combinations(sorted(statements), 2):
        assert any({a, b} <= part for part in parts), (a, b)
