"""Findings on real FNC-1 clusters (``benchmarks/real_clusters.py``), local engine.

- ``mixed`` clusters (bodies that agree with one headline and bodies that disagree): the share
  where a contradiction finding cites a claim of an agreeing body and a claim of a disagreeing
  one ("joined"), and the share with any contradiction at all;
- ``agree`` clusters (only agreeing bodies): the share with any contradiction (false alarms);
- findings per cluster by kind, on both (how much single-source noise a real cluster gets).

Dev and test are reported separately (a cluster's split is a hash of its headline).

    python benchmarks/fnc1_findings.py [--limit N]
    python benchmarks/fnc1_findings.py --show agree --split dev   # every contradiction, to read
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter

from real_clusters import fnc1_clusters

from factcheck.ingest import article_id, ingest_records
from factcheck.pipeline import run_ingested
from factcheck.settings import Settings


def run_cluster(cluster: dict):
    records = [{"text": _spaces(a["text"])} for a in cluster["articles"]]
    return run_ingested(ingest_records(records, cluster["id"]), Settings(engine="local"))


def _spaces(text: str) -> str:
    """Runs of spaces made one: the name finder raises on a name split by two spaces (a bug
    outside this benchmark; ``crashes`` counts the clusters that hit it unchanged)."""
    return re.sub(r"[ \t]{2,}", " ", text)


def crashes(cluster: dict) -> bool:
    records = [{"text": a["text"]} for a in cluster["articles"]]
    try:
        run_ingested(ingest_records(records, cluster["id"]), Settings(engine="local"))
    except ValueError:
        return True
    return False


def measure(clusters: list[dict]) -> dict:
    counts: Counter = Counter()
    kinds: Counter = Counter()
    types: Counter = Counter()
    clock = time.perf_counter()
    for cluster in clusters:
        counts["crashes_unchanged"] += crashes(cluster)
        try:
            report = run_cluster(cluster)
        except ValueError:
            counts["skipped"] += 1  # still raises with spaces collapsed: left out
            continue
        stance = {article_id(_spaces(a["text"])): a["stance"] for a in cluster["articles"]}
        article_of = {c.id: c.article for c in report.claims}
        contradictions = [f for f in report.findings if f.kind == "contradiction"]
        joined = any(
            {"agree", "disagree"} <= {stance.get(article_of.get(c)) for c in f.claims}
            for f in contradictions
        )
        counts["clusters"] += 1
        counts["joined"] += joined
        counts["any_contradiction"] += bool(contradictions)
        kinds.update(f.kind for f in report.findings)
        types.update({f.type for f in contradictions})  # clusters with a contradiction of it
    n = counts["clusters"] or 1  # clusters measured (not skipped)
    return {
        "clusters": counts["clusters"],
        "joined_share": round(counts["joined"] / n, 3),
        "any_contradiction_share": round(counts["any_contradiction"] / n, 3),
        "crashes_unchanged": counts["crashes_unchanged"],
        "skipped": counts["skipped"],
        "findings_per_cluster": {k: round(v / n, 2) for k, v in sorted(kinds.items())},
        "share_with_contradiction_of_type": {k: round(v / n, 3) for k, v in sorted(types.items())},
        "seconds": round(time.perf_counter() - clock, 1),
    }


def show(clusters: list[dict]) -> None:
    """Each contradiction with the stance and quote of every claim it cites, for reading."""
    for cluster in clusters:
        report = run_cluster(cluster)
        stance = {article_id(_spaces(a["text"])): a["stance"] for a in cluster["articles"]}
        claims = {c.id: c for c in report.claims}
        for finding in (f for f in report.findings if f.kind == "contradiction"):
            print(f"{cluster['id']} | {cluster['headline']}\n  {finding.explanation}")
            for claim in (claims[c] for c in finding.claims if c in claims):
                print(f"    [{stance.get(claim.article)}] {claim.evidence.quote[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most this many clusters of each kind")
    parser.add_argument("--show", choices=("mixed", "agree"), help="print contradictions")
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    args = parser.parse_args(argv)
    if args.show:
        show(fnc1_clusters(args.show, args.split)[: args.limit])
        return 0
    for kind in ("mixed", "agree"):
        for split in ("dev", "test"):
            clusters = fnc1_clusters(kind, split)[: args.limit]
            print(f"{kind} {split}: {json.dumps(measure(clusters))}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
