"""Alignment recall and precision on the project's own labelled pairs and clusters.

``tests/data/align/pairs.jsonl``: two sentences, each given to the pipeline as a one-sentence
article, labelled ``same`` (one fact in other words: must land in one group), ``conflict`` (one
fact with a different figure, date or place: must land in one group so the judge can compare
them) or ``different`` (a look-alike: same people, figure or setting, another fact; must not).
Each pair is scored alone (two one-sentence articles: a similarity test) and pooled (all pairs
of a split as two long articles, so key weights are spread as in a real cluster).
``tests/data/align/clusters.jsonl``: small clusters whose sentences carry a fact label; every
pair of sentences from two articles is scored (same fact and same group, or not); a sentence
that states two facts carries both labels.

Claims come from the local engine (one claim per sentence) and are grouped by ``align.align``.

    python benchmarks/alignment.py             # dev and test figures
    python benchmarks/alignment.py --show dev  # also list the dev pairs it gets wrong
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from factcheck.align import THRESHOLD, align
from factcheck.engines.local import LocalEngine
from factcheck.extract import extract
from factcheck.ingest import ingest_records, make_article
from factcheck.people import PersonIndex
from factcheck.pipeline import run_ingested
from factcheck.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "align"
SPLITS = ("dev", "test")


def load(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def grouped(texts: list[str], threshold: float = THRESHOLD) -> tuple[list, dict[str, int]]:
    """Claims of the articles and the group index of each claim id."""
    articles = [make_article(text, f"{n}.txt") for n, text in enumerate(texts)]
    claims = extract(articles, LocalEngine()).claims
    groups = align(claims, PersonIndex(claims), threshold)
    where = {c.id: n for n, g in enumerate(groups) for c in g.members}
    return claims, where


def pair_aligned(item: dict, threshold: float = THRESHOLD) -> bool:
    claims, where = grouped([item["a"], item["b"]], threshold)
    by_article = defaultdict(set)
    for claim in claims:
        by_article[claim.article].add(where[claim.id])
    sides = list(by_article.values())
    return len(sides) == 2 and bool(sides[0] & sides[1])


def pair_score(item: dict) -> float:
    """The highest threshold at which the two sentences still share a group (0 if never)."""
    low, high = 0.0, 1.0
    if not pair_aligned(item, 0.0001):
        return 0.0
    for _ in range(10):
        middle = (low + high) / 2
        low, high = (middle, high) if pair_aligned(item, middle) else (low, middle)
    return round(low, 3)


def score_pairs(items: list[dict]) -> dict:
    counts: Counter = Counter()
    by_phenomenon: dict[str, Counter] = defaultdict(Counter)
    wrong = []
    for item in items:
        aligned = pair_aligned(item)
        counts[(item["label"], aligned)] += 1
        by_phenomenon[item["phenomenon"]][aligned] += 1
        should = item["label"] in ("same", "conflict")
        if aligned != should:
            wrong.append(item)
    should_total = sum(v for (label, _), v in counts.items() if label != "different")
    hits = counts[("same", True)] + counts[("conflict", True)]
    aligned_total = hits + counts[("different", True)]
    return {
        "recall_same": _share(counts[("same", True)], _total(counts, "same")),
        "recall_conflict": _share(counts[("conflict", True)], _total(counts, "conflict")),
        "recall": _share(hits, should_total),
        "precision": _share(hits, aligned_total),
        "false_alignment": _share(counts[("different", True)], _total(counts, "different")),
        "n": len(items),
        "by_phenomenon": {k: f"{v[True]}/{v[True] + v[False]}" for k, v in by_phenomenon.items()},
        "wrong": wrong,
    }


def score_pooled(items: list[dict]) -> dict:
    """All pairs of a split as two articles (every ``a`` in one, every ``b`` in the other), so
    key weights come from many sentences as in a real cluster; any ``a``/``b`` pair in one
    group that is not a labelled same/conflict pair counts against precision."""
    texts = ["\n".join(item[side] for item in items) for side in ("a", "b")]
    claims, where = grouped(texts)
    index = {}
    for side, text in zip(("a", "b"), texts, strict=True):
        article_id = make_article(text, "x").id
        offset = 0
        for n, item in enumerate(items):
            offset = text.index(item[side], offset)
            index[(article_id, offset)] = (side, n)
            offset += len(item[side])
    groups: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for claim in claims:
        side, n = index[(claim.article, claim.evidence.start)]
        groups[where[claim.id]][side].add(n)
    linked = {(i, j) for g in groups.values() for i in g["a"] for j in g["b"]}
    should = {(n, n) for n, item in enumerate(items) if item["label"] != "different"}
    tp = len(linked & should)
    return {"recall": _share(tp, len(should)), "precision": _share(tp, len(linked))}


def score_clusters(items: list[dict]) -> dict:
    tp = fp = fn = 0
    for item in items:
        texts = ["\n".join(s["text"] for s in article) for article in item["articles"]]
        claims, where = grouped(texts)
        facts = _claim_facts(item, texts, claims)
        ids = [c.id for c in claims]
        article_of = {c.id: c.article for c in claims}
        for i, first in enumerate(ids):
            for second in ids[i + 1 :]:
                if article_of[first] == article_of[second]:
                    continue
                gold = bool(facts[first] & facts[second])
                same = where[first] == where[second]
                tp, fp = tp + (gold and same), fp + (same and not gold)
                fn += gold and not same
    return {"precision": _share(tp, tp + fp), "recall": _share(tp, tp + fn), "pairs": tp + fn}


def score_single(items: list[dict]) -> dict:
    """The single-source findings of the whole pipeline on the clusters: of the claims they
    list, the share that no other article states (precision), and of the claims no other
    article states, the share they list (recall)."""
    tp = fp = fn = 0
    for item in items:
        texts = ["\n".join(s["text"] for s in article) for article in item["articles"]]
        records = [{"text": text, "source": f"{n}.txt"} for n, text in enumerate(texts)]
        report = run_ingested(ingest_records(records, item["id"]), Settings(engine="local"))
        facts = _claim_facts(item, texts, report.claims)
        listed = {c for f in report.findings if f.kind == "single_source" for c in f.claims}
        for claim in report.claims:
            alone = not any(
                facts[claim.id] & facts[o.id] for o in report.claims if o.article != claim.article
            )
            tp, fp = tp + (alone and claim.id in listed), fp + (claim.id in listed and not alone)
            fn += alone and claim.id not in listed
    return {"precision": _share(tp, tp + fp), "recall": _share(tp, tp + fn)}


def _claim_facts(item: dict, texts: list[str], claims: list) -> dict[str, set[str]]:
    """The fact labels of each claim (a sentence may state two), found by where its evidence
    starts."""
    starts: dict[tuple[str, int], set[str]] = {}
    for article, text in zip(item["articles"], texts, strict=True):
        article_id = make_article(text, "x").id
        offset = 0
        for sentence in article:
            fact = sentence["fact"]
            labels = set(fact) if isinstance(fact, list) else {fact} - {None}
            starts[(article_id, text.index(sentence["text"], offset))] = labels
            offset = text.index(sentence["text"], offset) + len(sentence["text"])
    return {c.id: starts.get((c.article, c.evidence.start), set()) for c in claims}


def _total(counts: Counter, label: str) -> int:
    return counts[(label, True)] + counts[(label, False)]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=SPLITS, help="list the pairs of this split it gets wrong")
    args = parser.parse_args(argv)
    pairs, clusters = load("pairs.jsonl"), load("clusters.jsonl")
    for split in SPLITS:
        result = score_pairs([p for p in pairs if p["split"] == split])
        wrong = result.pop("wrong")
        print(f"pairs {split}: {json.dumps(result)}")
        pooled = score_pooled([p for p in pairs if p["split"] == split])
        print(f"pairs pooled {split}: {json.dumps(pooled)}")
        chosen = [c for c in clusters if c["split"] == split]
        print(f"clusters {split}: {json.dumps(score_clusters(chosen))}")
        print(f"single source {split}: {json.dumps(score_single(chosen))}")
        if args.show == split:
            for item in wrong:
                print(f"  {item['id']} {item['label']:9} {item['phenomenon']:17} "
                      f"score {pair_score(item):.3f}")  # fmt: skip
                print(f"    A: {item['a']}\n    B: {item['b']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
