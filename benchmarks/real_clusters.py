"""Real clusters of news text built from the shared FNC-1 data, for measuring on real stories.

FNC-1 pairs headlines with news bodies and a human stance (agree, disagree, discuss,
unrelated). Bodies that take a stance on one headline report the same story, so they make a
cluster. Three kinds:

- ``mixed``: at least one body that agrees with the headline and one that disagrees (some
  reports state the claim, others debunk it): a contradiction should join them.
- ``agree``: two or more agreeing bodies and no disagreeing one: a contradiction is a false alarm.
- ``story``: every body with a stance other than unrelated (what an editor would receive).

Each cluster's split (``dev`` about two thirds, ``test`` the rest) is a stable hash of its
headline, so tuning on ``dev`` never sees a ``test`` story.

    python benchmarks/real_clusters.py mixed --split dev -o clusters.jsonl   # for factcheck batch
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

FNC1 = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "fnc1" / "raw"
KINDS = ("mixed", "agree", "story")
MAX_ARTICLES = 6


def split_of(key: str) -> str:
    """``dev`` for about two thirds of keys, ``test`` for the rest; stable across runs."""
    return "test" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 3 == 0 else "dev"


def _stances(root: Path) -> tuple[dict[str, str], dict[str, dict[str, list[str]]]]:
    csv.field_size_limit(10**8)
    with open(root / "competition_test_bodies.csv", encoding="utf-8", newline="") as handle:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(handle)}
    by_headline: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(root / "competition_test_stances.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            stance, body = row["Stance"], row["Body ID"]
            if (
                body in bodies
                and stance != "unrelated"
                and body not in by_headline[row["Headline"]][stance]
            ):
                by_headline[row["Headline"]][stance].append(body)
    return bodies, by_headline


def fnc1_clusters(kind: str = "story", split: str = "all", root: Path = FNC1) -> list[dict]:
    """Clusters of one kind: ``{"id", "split", "kind", "headline", "articles": [{"text",
    "stance"}]}``, at most ``MAX_ARTICLES`` bodies each, agreeing and disagreeing ones first."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: choose {', '.join(KINDS)}")
    bodies, by_headline = _stances(root)
    clusters = []
    for n, headline in enumerate(sorted(by_headline)):
        stances = by_headline[headline]
        if not _is_kind(kind, stances) or split not in ("all", split_of(headline)):
            continue
        members = [(s, b) for s in ("agree", "disagree", "discuss") for b in stances.get(s, [])]
        articles = [{"text": bodies[b], "stance": s} for s, b in members[:MAX_ARTICLES]]
        if len({a["text"] for a in articles}) < 2:
            continue
        clusters.append(
            {
                "id": f"fnc1-{kind}-{n}",
                "split": split_of(headline),
                "kind": kind,
                "headline": headline,
                "articles": articles,
            }  # fmt: skip
        )
    return clusters


def _is_kind(kind: str, stances: dict[str, list[str]]) -> bool:
    agree, disagree = len(stances.get("agree", [])), len(stances.get("disagree", []))
    if kind == "mixed":
        return agree >= 1 and disagree >= 1
    if kind == "agree":
        return agree >= 2 and disagree == 0
    return sum(len(v) for v in stances.values()) >= 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("-o", "--output", help="write clusters as JSON lines (default: stdout)")
    args = parser.parse_args(argv)
    clusters = fnc1_clusters(args.kind, args.split)
    lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in clusters)
    if args.output:
        Path(args.output).write_text(lines, encoding="utf-8")
        print(
            f"{len(clusters)} {args.kind} clusters ({args.split}) -> {args.output}", file=sys.stderr
        )
    else:
        sys.stdout.write(lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
