"""Scale benchmarks: print the figures kept in benchmarks/RESULTS.md.

- local engine on the seeds (median of 5 runs);
- one cluster of 10, 100 and 1,000 articles generated from the seeds (varied numbers, names and
  dates), each in a fresh process: wall time, peak memory, and growth against 10x more articles;
- `factcheck batch` on 200 generated clusters of 5 articles with 1 and 2 worker processes;
- CLI start-up time (`factcheck --help`, median of 5).

Usage: python benchmarks/scale.py [--sizes 10,100,1000] [--clusters 200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, resource, sys, time
from factcheck.pipeline import run
from factcheck.settings import Settings
start = time.perf_counter()
report = run([sys.argv[1]], Settings(engine="local", max_bytes=10**7))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "claims": len(report.claims),
                  "groups": len(report.groups), "findings": len(report.findings)}))
"""


def python() -> str:
    return sys.executable


def cluster_figures(size: int, folder: Path) -> dict:
    target = folder / f"c{size}"
    subprocess.run([python(), str(ROOT / "benchmarks" / "generate.py"), "cluster", str(size),
                    "-o", str(target)], check=True)  # fmt: skip
    out = subprocess.run([python(), "-c", PROBE, str(target)], check=True, capture_output=True,
                         text=True)  # fmt: skip
    return json.loads(out.stdout)


def batch_figures(count: int, workers: int, folder: Path) -> float:
    source = folder / "clusters.jsonl"
    if not source.exists():
        subprocess.run([python(), str(ROOT / "benchmarks" / "generate.py"), "batch", str(count),
                        "-o", str(source)], check=True)  # fmt: skip
    out = folder / f"results-{workers}.jsonl"
    start = time.perf_counter()
    subprocess.run([python(), "-m", "factcheck", "batch", str(source), "-o", str(out),
                    "--workers", str(workers)], check=True, capture_output=True)  # fmt: skip
    return count / (time.perf_counter() - start)


def median_seconds(command: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--clusters", type=int, default=200)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    seeds = median_seconds([python(), "-c", PROBE, str(ROOT / "seeds")])
    print(f"seeds (5 articles), local engine, one process incl. start-up: {seeds:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        previous = None
        print("| articles | claims | groups | findings | seconds | peak MB | growth for 10× |")
        print("|---|---|---|---|---|---|---|")
        for size in (int(s) for s in args.sizes.split(",")):
            f = cluster_figures(size, folder)
            growth = "" if previous is None else f"{f['seconds'] / previous:.1f}×"
            print(f"| {size:,} | {f['claims']:,} | {f['groups']:,} | {f['findings']:,} | "
                  f"{f['seconds']:.2f} | {f['peak_mb']:.0f} | {growth} |")  # fmt: skip
            previous = f["seconds"]
        one = batch_figures(args.clusters, 1, folder)
        two = batch_figures(args.clusters, 2, folder)
        print(f"batch, {args.clusters} clusters of 5 articles: 1 worker {one:.1f} clusters/s, "
              f"2 workers {two:.1f} clusters/s ({two / one:.2f}×)")  # fmt: skip
    startup = median_seconds([python(), "-m", "factcheck", "--help"])
    print(f"CLI start-up (factcheck --help): {startup:.2f} s")


if __name__ == "__main__":
    main()
