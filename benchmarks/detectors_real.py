"""How often the quotation and name detectors fire on real FNC-1 stories, with what they find.

For every pair of distinct bodies in each ``story`` cluster of ``real_clusters`` (bodies about
one headline), counts quoted passages and named speakers (``quotes``), altered quotations
(``rewording.altered_quotes``) and names changed by rewriting (``variants.damaged_names``), and
prints each pair found so it can be checked by eye. FNC-1 bodies are not machine-spun, so every
name pair found is a false alarm, and an altered quotation is a real rewording or a false alarm.

    python benchmarks/detectors_real.py [--split dev]
"""

from __future__ import annotations

import argparse
from collections import Counter

from real_clusters import fnc1_clusters

from factcheck.quotes import find_quotes
from factcheck.rewording import altered_quotes, mark
from factcheck.variants import damaged_names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    args = parser.parse_args(argv)
    counts: Counter = Counter()
    shown: set = set()
    for cluster in fnc1_clusters("story", args.split):
        texts = list(dict.fromkeys(a["text"] for a in cluster["articles"]))
        for text in texts:
            quotes = find_quotes(text)
            counts["quotes"] += len(quotes)
            counts["named"] += sum(q.named for q in quotes)
        for i, first in enumerate(texts):
            for second in texts[i + 1 :]:
                counts["body_pairs"] += 1
                for a, b, match in altered_quotes(first, second):
                    counts["altered_quotes"] += 1
                    key = (mark(a.text, match.changed_a), mark(b.text, match.changed_b))
                    if key not in shown:
                        shown.add(key)
                        print(f"altered ({a.speaker} / {b.speaker})")
                        print(f"  {key[0][:160]}\n  {key[1][:160]}")
                for variant in damaged_names(first, second):
                    counts["damaged_names"] += 1
                    print(f"name pair: {variant.first} / {variant.second}: {variant.reason}")
    print(f"{args.split}: {dict(counts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
