"""LLM calls of factcheck's batched design against a per-claim verification baseline.

The baseline is what claim-by-claim checkers (FActScore/SAFE style) do when pointed at a
cluster: one call per claim per other source. factcheck makes one extraction call per article,
one judging call per aligned group that spans two or more sources, one brief call and one
brief-check call.

Counts use the **local engine's** claims and groups (no model is involved, and the local
engine makes one claim per sentence, so real-model counts differ). With --stub, the llm
engine is also run against the loopback stub that serves authored answers, to count the calls
it really makes (re-asks included); those are call counts, not a model's quality, tokens or
cost. Usage: python benchmarks/llm_calls.py [PATH] [--stub]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck.pipeline import run
from factcheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--stub", action="store_true", help="also count calls against the stub")
    args = parser.parse_args()
    report = run([args.path], Settings(engine="local"))
    articles = [a for a in report.articles if a.duplicate_of is None]
    n = len(articles)
    shared = len(report.groups)  # groups spanning two or more sources
    design = n + shared + 2
    baseline = len(report.claims) * (n - 1)
    print(f"articles {n} · claims {len(report.claims)} (local engine, one per sentence) · "
          f"groups spanning 2+ sources {shared}")  # fmt: skip
    print(f"factcheck design: {n} extract + {shared} judge + 1 brief + 1 check = {design} calls")
    print(f"per-claim baseline: {len(report.claims)} claims × {n - 1} other sources "
          f"= {baseline} calls")  # fmt: skip
    print(f"ratio baseline / design: {baseline / design:.1f}×")
    if args.stub:
        sys.path.insert(0, str(ROOT))
        from tests.stub.server import StubServer

        stub = StubServer().start()
        try:
            settings = Settings(
                engine="llm", model="stub", base_url=stub.url, api_key="unused", cache=False
            )
            llm = run([args.path], settings)
        finally:
            stub.stop()
        stages = {k: v["calls"] for k, v in llm.usage.by_stage.items()}
        print(f"llm engine against the stub (authored answers): {llm.usage.llm_calls} calls "
              f"{stages}, {llm.usage.reasks} re-asks, {len(llm.claims)} claims")  # fmt: skip


if __name__ == "__main__":
    main()
