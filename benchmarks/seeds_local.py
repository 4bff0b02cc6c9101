"""Time the local engine on the seed articles: seconds per run and per article, claim and
finding counts. Usage: python benchmarks/seeds_local.py [PATH] [--repeat N]"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

from factcheck.pipeline import run
from factcheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        report = run([args.path], Settings(engine="local"))
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    kinds = Counter(f.kind for f in report.findings)
    print(
        f"articles {len(report.articles)}  claims {len(report.claims)}  groups {len(report.groups)}"
    )
    print(f"findings {dict(kinds)}")
    print(f"seconds median {median:.3f} (min {min(times):.3f}, {args.repeat} runs)")
    print(f"seconds per article {median / len(report.articles):.4f}")


if __name__ == "__main__":
    main()
