"""Measure the wording score: garbled against clean real news sentences.

Sentences come from the news texts in ``../shared/benchmarks`` (FNC-1 bodies and XSum articles,
each case's ``split``; a text that any test case uses counts as test only). Each clean sentence
is garbled once by ``tests/garble.py`` (one operation); the score should rank garbled above
clean. Reports ROC AUC overall and per operation, AUC on synonym swaps the score's lexicon does
not list, the false-positive rate on clean sentences (score >= ARTIFACT), and the speed.

    python benchmarks/wording_eval.py [--split dev|test|both] [--limit N] [--examples K]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from real_clusters import fnc1_clusters  # noqa: E402
from tests.garble import garble  # noqa: E402

from factcheck.models import Article  # noqa: E402
from factcheck.segment import segment  # noqa: E402
from factcheck.swaps import Cluster  # noqa: E402
from factcheck.wording import ARTIFACT, assess  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchmarks"
SETS = ("fnc1", "xsumfaith")
_SENTENCE = re.compile(r"^[“\"‘']?[A-Z].*[.!?][”\"’']?$")


def documents() -> dict[str, list[str]]:
    """News texts by split; a text used by any test case is test only."""
    splits: dict[str, set[str]] = defaultdict(set)
    for name in SETS:
        with open(BENCH / name / "cases.jsonl", encoding="utf-8") as handle:
            for line in handle:
                case = json.loads(line)
                for text in case["sources"]:
                    splits[text].add(case["split"])
    out: dict[str, list[str]] = {"dev": [], "test": []}
    for text, found in splits.items():
        out["test" if "test" in found else "dev"].append(text)
    return out


def sentences(texts: list[str], limit: int) -> list[tuple[str, str]]:
    """Up to ``limit`` distinct (sentence, article) pairs, a stable sample."""
    seen, pairs = set(), []
    for text in texts:
        article = Article(id="x", source="corpus", text=text)
        for s in segment(article):
            words = len(s.text.split())
            if s.heading or s.furniture or not 8 <= words <= 60 or s.text in seen:
                continue
            if _SENTENCE.match(s.text) and "\n" not in s.text:
                seen.add(s.text)
                pairs.append((s.text, text))
    pairs.sort(key=lambda p: hashlib.sha256(p[0].encode()).digest())
    return pairs[:limit]


def auc(positive: list[float], negative: list[float]) -> float:
    """ROC AUC by ranks (ties count half)."""
    scored = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative])
    rank_sum, i = 0.0, 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2
        rank_sum += mean_rank * sum(label for _, label in scored[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def evaluate(pairs: list[tuple[str, str]], seed: int = 0) -> dict:
    started = time.perf_counter()
    clean = [assess(s, a) for s, a in pairs]
    seconds = time.perf_counter() - started
    garbled = defaultdict(list)
    for sentence, article in pairs:
        g = garble(sentence, seed)
        if g is not None:
            w = assess(g.text, article.replace(sentence, g.text))
            garbled[g.operation].append((w.score, g.detail, g.text))
            garbled["all"].append((w.score, g.detail, g.text))
    clean_scores = [w.score for w in clean]
    return {
        "clean": len(clean),
        "auc": {op: auc([s for s, _, _ in v], clean_scores) for op, v in garbled.items()},
        "unseen_swaps": _unseen_swaps(garbled["swap"], clean_scores),
        "detected": {op: _rate(v) for op, v in garbled.items()},
        "false_positive": sum(w.artifact for w in clean) / len(clean),
        "per_second": len(clean) / seconds,
        "false_positives": [(s, w) for (s, _), w in zip(pairs, clean, strict=True) if w.artifact],
        "missed": [g for g in garbled["all"] if g[0] < ARTIFACT],
    }


def _rate(items) -> float:
    return sum(score >= ARTIFACT for score, _, _ in items) / len(items) if items else 0.0


def _unseen_swaps(items, clean_scores) -> float | None:
    from factcheck.wording import _lexicon

    _, usual = _lexicon()
    known = {w for odd in usual for w in odd.split()}
    unseen = [s for s, detail, _ in items if not set(detail.split(" -> ")[1].split()) <= known]
    return auc(unseen, clean_scores) if unseen else None


def cluster_mode(split: str, operation: str, limit: int, seed: int = 0) -> dict:
    """Real FNC-1 story clusters plus a copy of one article with every sentence garbled by
    ``operation``: how well the cluster score (own marks plus swaps against the other sources,
    no ``derived_from`` given) ranks the copy's sentences above the original's."""
    own, joint = ([], []), ([], [])
    for story in fnc1_clusters("story", split)[:limit]:
        original = story["articles"][0]["text"]
        pairs = []
        for s in segment(Article(id="x", source="x", text=original)):
            g = garble(s.text, seed, operation)
            if g is not None and not s.heading:
                pairs.append((s.text, g.text))
        copy = " ".join(g for _, g in pairs)
        texts = {"original": original, "copy": copy}
        texts |= {f"other{i}": a["text"] for i, a in enumerate(story["articles"][1:])}
        cluster = Cluster(texts)
        for clean, garbled in pairs:
            own[0].append(assess(garbled, copy).score)
            own[1].append(assess(clean, original).score)
            joint[0].append(cluster.assess(garbled, "copy").score)
            joint[1].append(cluster.assess(clean, "original").score)
    return {
        "pairs": len(own[0]),
        "own": auc(*own),
        "cluster": auc(*joint),
        "clean_flagged": sum(s >= ARTIFACT for s in joint[1]) / max(1, len(joint[1])),
        "copy_flagged": sum(s >= ARTIFACT for s in joint[0]) / max(1, len(joint[0])),
    }


def report(split: str, result: dict, examples: int) -> None:
    aucs = "  ".join(f"{op} {v:.3f}" for op, v in sorted(result["auc"].items()))
    rates = "  ".join(f"{op} {v:.0%}" for op, v in sorted(result["detected"].items()))
    print(f"[{split}] clean sentences {result['clean']}")
    print(f"  ROC AUC      {aucs}")
    unseen = result["unseen_swaps"]
    print(f"  AUC on swaps the lexicon does not list: {unseen:.3f}" if unseen else "")
    print(f"  flagged (score >= {ARTIFACT}): {rates}")
    print(f"  false-positive rate on clean: {result['false_positive']:.2%}")
    print(f"  speed: {result['per_second']:.0f} sentences/s")
    for sentence, wording in result["false_positives"][:examples]:
        print(f"  FP {wording.score:.2f} {[m.text for m in wording.marks]} | {sentence[:140]}")
    for score, detail, text in result["missed"][:examples]:
        print(f"  MISS {score:.2f} ({detail}) | {text[:140]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--limit", type=int, default=5000, help="sentences per split")
    parser.add_argument("--examples", type=int, default=0, help="false positives/misses shown")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clusters", type=int, default=120, help="story clusters per split")
    args = parser.parse_args(argv)
    docs = documents()
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        result = evaluate(sentences(docs[split], args.limit), args.seed)
        report(split, result, args.examples)
        for operation in ("swap", "drop") if args.clusters else ():
            c = cluster_mode(split, operation, args.clusters, args.seed)
            print(
                f"  cluster mode, copy garbled by {operation}: {c['pairs']} sentence pairs, "
                f"AUC own marks {c['own']:.3f}, with cross-source marks {c['cluster']:.3f}; "
                f"flagged: copy {c['copy_flagged']:.0%}, original {c['clean_flagged']:.1%}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
