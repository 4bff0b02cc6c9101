"""LLM calls of factcheck's batched design against a per-claim verification baseline.

The baseline is what claim-by-claim checkers (FActScore/SAFE style) do when pointed at a
cluster: one call per claim per other source. factcheck makes one extraction call per article,
one judging call per aligned group that spans two or more sources, one cluster sweep call, one
brief call and one brief-check call: articles + judged groups + 3, plus counted re-asks.

Counts use the **local engine's** claims and groups (no model is involved, and the local
engine makes one claim per sentence, so real-model counts differ). With --stub, the llm
engine is also run against the loopback stub that serves authored answers, to count the calls
it really makes (re-asks included) and check them against the budget; those are call counts,
not a model's quality, tokens or cost.

    python benchmarks/llm_calls.py [PATH] [--stub]
    python benchmarks/generate.py cluster 20 -o /tmp/c20
    python benchmarks/llm_calls.py /tmp/c20 --stub
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck.pipeline import run
from factcheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def design_counts(path: str) -> None:
    report = run([path], Settings(engine="local"))
    n = len([a for a in report.articles if a.duplicate_of is None])
    shared = len(report.groups)  # groups spanning two or more sources
    design = n + shared + 3
    baseline = len(report.claims) * (n - 1)
    print(f"articles {n} · claims {len(report.claims)} (local engine, one per sentence) · "
          f"groups spanning 2+ sources {shared}")  # fmt: skip
    print(f"factcheck budget: {n} extract + {shared} judge + 1 sweep + 1 brief + 1 check "
          f"= {design} calls (before re-asks)")  # fmt: skip
    print(f"per-claim baseline: {len(report.claims)} claims × {n - 1} other sources "
          f"= {baseline} calls")  # fmt: skip
    print(f"ratio baseline / budget: {baseline / design:.1f}×")


def stub_counts(path: str) -> bool:
    """Run the llm engine against the stub; whether its calls keep to the budget."""
    sys.path.insert(0, str(ROOT))
    from tests.stub.server import StubServer

    stub = StubServer().start()
    try:
        settings = Settings(
            engine="llm", model="stub", base_url=stub.url, api_key="unused", cache=False
        )
        llm = run([path], settings)
    finally:
        stub.stop()
    n = len([a for a in llm.articles if a.duplicate_of is None])
    stages = {k: v["calls"] for k, v in llm.usage.by_stage.items()}
    parts = stages.get("sweep", 0)
    budget = n + len(llm.groups) + 3
    allowed = budget + max(parts - 1, 0) + llm.usage.reasks
    holds = llm.usage.llm_calls == allowed
    verdict = "EXCEEDED" if not holds else "holds"
    if holds and parts > 1:
        verdict = f"holds only with {parts - 1} more sweep calls"
    print(f"llm engine against the stub (authored answers and rules, no model): "
          f"{llm.usage.llm_calls} calls {stages}, {llm.usage.reasks} re-asks, "
          f"{len(llm.claims)} claims, {len(llm.groups)} judged groups")  # fmt: skip
    print(f"budget {n} articles + {len(llm.groups)} judged groups + 3 = {budget}, "
          f"+ {llm.usage.reasks} re-asks: {verdict}; "
          f"per-claim baseline on these claims: {len(llm.claims) * (n - 1)} calls")  # fmt: skip
    if parts > 1:
        print(f"note: the claims did not fit one context, so the sweep took {parts} calls "
              f"(every pair of {_blocks(parts)} blocks of claim lines) instead of 1")  # fmt: skip
    return holds


def _blocks(pairs: int) -> int:
    """k, where k blocks make ``pairs`` pairs."""
    k = 2
    while k * (k - 1) // 2 < pairs:
        k += 1
    return k


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--stub", action="store_true", help="also count calls against the stub")
    args = parser.parse_args()
    design_counts(args.path)
    if args.stub and not stub_counts(args.path):
        sys.exit(1)


if __name__ == "__main__":
    main()
