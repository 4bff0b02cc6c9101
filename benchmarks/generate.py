"""Generate story clusters from the seed articles, with varied numbers, names and dates, for
the scale benchmarks and the batch tests. Deterministic for a given --seed.

    python benchmarks/generate.py cluster 1000 -o /tmp/c1000      # one folder of 1,000 articles
    python benchmarks/generate.py batch 200 -o /tmp/clusters.jsonl  # 200 clusters, one per line
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NAMES = ["Vladimir Putin", "Kim Jong Un", "Antony Blinken", "Jens Stoltenberg", "Victor Cha",
         "Karine Jean-Pierre"]  # fmt: skip
STAND_INS = ["Anna Berg", "Tomas Varga", "Lena Ortiz", "Omar Lind", "Sara Quist", "Paul Ander",
             "Mira Kovac", "Jon Reeve", "Ada Haddad", "Ivo Marek"]  # fmt: skip


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def vary(text: str, rng: random.Random) -> str:
    """A copy with some figures, names and weekdays changed."""

    def number(match: re.Match) -> str:
        if rng.random() < 0.3:
            digits = match.group()
            return str(max(1, int(digits.replace(",", "")) + rng.randint(-3, 9)))
        return match.group()

    text = re.sub(r"\b\d{1,3}(?:,\d{3})*\b", number, text)
    for name in NAMES:
        if name in text and rng.random() < 0.2:
            text = text.replace(name, rng.choice(STAND_INS))
    for day in WEEKDAYS:
        if day in text and rng.random() < 0.2:
            text = text.replace(day, rng.choice(WEEKDAYS))
    return text


def cluster(n: int, rng: random.Random) -> list[str]:
    seeds = seed_texts()
    return [vary(seeds[i % len(seeds)], rng) + f"\nDesk note {i}.\n" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["cluster", "batch"])
    parser.add_argument("count", type=int, help="articles (cluster) or clusters (batch)")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--size", type=int, default=5, help="articles per cluster (batch)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.output)
    if args.kind == "cluster":
        out.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(cluster(args.count, rng)):
            (out / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    else:
        with out.open("w", encoding="utf-8") as handle:
            for i in range(args.count):
                articles = [{"text": t} for t in cluster(args.size, rng)]
                handle.write(json.dumps({"id": f"cluster-{i:04d}", "articles": articles}) + "\n")


if __name__ == "__main__":
    main()
