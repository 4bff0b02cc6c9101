"""Measure the brief's per-source check (``citation.carries``, the typed-difference check, and
``citation.states``, the earlier word-level one, each through ``citation.stating``) as a
classifier on labelled claim-vs-article cases.

QAGS and XSumFaith pair a summary sentence with its news article and a human label
(supported / unsupported). The brief cites a source only when one of its claims (or two
adjacent ones) states the sentence; here the article's sentences stand for its claims, and
"cited" is the prediction. Reports, per split, how often a cited sentence is labelled
supported (precision: what an editor relies on) and how many supported sentences get cited
(recall), at the threshold in use and at others (tune on ``dev``): the support score for
``typed``, the share of content words for ``words``.

    python benchmarks/citation_check.py [--checker typed|words] [--at 0.4 0.5 0.6] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks"
SETS = ("qags", "xsumfaith")

from factcheck import citation  # noqa: E402
from factcheck.models import Article  # noqa: E402
from factcheck.segment import segment  # noqa: E402


def cases(name: str, limit: int | None) -> list[dict]:
    path = BENCH / name / "cases.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["label"] in ("supported", "unsupported")]
    return rows[:limit]


def passages(text: str) -> list[str]:
    article = Article(id="case", source="case", text=text)
    return [s.text for s in segment(article) if not s.furniture]


CHECKERS = {"typed": ("MIN_SUPPORT", citation.carries), "words": ("MIN_SHARE", citation.states)}


def predict(case: dict, split_text: dict[str, list[str]], checker) -> bool:
    source = "\n\n".join(case["sources"])
    if source not in split_text:
        split_text[source] = passages(source)
    claim = case.get("claim") or case.get("summary") or ""
    return bool(citation.stating(claim, split_text[source], checker))


def scores(rows: list[tuple[bool, bool]]) -> str:
    cited = [label for predicted, label in rows if predicted]
    supported = sum(label for _, label in rows)
    precision = sum(cited) / len(cited) if cited else 0.0
    recall = sum(cited) / supported if supported else 0.0
    base = supported / len(rows) if rows else 0.0
    return (
        f"cited {len(cited):>4}/{len(rows):<4} precision {precision:.3f} (base {base:.3f}) "
        f"recall {recall:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checker", choices=sorted(CHECKERS), default="typed")
    parser.add_argument("--at", type=float, nargs="*", help="thresholds (default: in use)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    data = {name: cases(name, args.limit) for name in SETS}
    setting, checker = CHECKERS[args.checker]
    in_use = getattr(citation, setting)
    for value in args.at or [in_use]:
        setattr(citation, setting, value)
        started, texts = time.perf_counter(), {}
        for name, rows in data.items():
            for split in ("dev", "test"):
                chosen = [r for r in rows if r.get("split") == split]
                results = [(predict(r, texts, checker), r["label"] == "supported") for r in chosen]
                marker = "*" if value == in_use else " "
                print(f"{marker}{args.checker} {value:.2f} {name:<10} {split:<4} {scores(results)}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    setattr(citation, setting, in_use)
    return 0


if __name__ == "__main__":
    sys.exit(main())
