"""How many lines ``layout.line_kind`` marks on real bodies, with a sample to check by eye.

Reads the FNC-1 bodies of ``real_clusters`` (dev or test) and the seed articles; prints the
number of lines, how many each kind marks, and a random sample of marked lines per kind.

    python benchmarks/layout.py [--split dev] [--sample 15]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

from real_clusters import fnc1_clusters

from factcheck.layout import line_kind

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def lines_of(texts: list[str]) -> list[str]:
    return [line.strip() for text in texts for line in text.splitlines() if line.strip()]


def report(name: str, lines: list[str], sample: int, rng: random.Random) -> None:
    marked: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        kind = line_kind(line)
        if kind is not None:
            marked[kind].append(line)
    counts = Counter({k: len(v) for k, v in marked.items()})
    print(f"{name}: {len(lines)} lines, {sum(counts.values())} marked {dict(counts)}")
    for kind, found in sorted(marked.items()):
        for line in rng.sample(found, min(sample, len(found))):
            print(f"  {kind:9} | {line[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--sample", type=int, default=15)
    args = parser.parse_args(argv)
    rng = random.Random(0)
    bodies = list(dict.fromkeys(a["text"] for c in fnc1_clusters("story", args.split)
                                for a in c["articles"]))  # fmt: skip
    report(f"FNC-1 {args.split} bodies ({len(bodies)})", lines_of(bodies), args.sample, rng)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    report("seeds", lines_of(seeds), 50, rng)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
