"""One long paragraph: the per-article stages must stay linear in the article's length.

Builds single-paragraph articles of real news text (the shared benchmarks' source texts, every
run of whitespace made one space, cycled when more is needed) and times each per-article step
in process (CPU seconds) at several sizes, then ``factcheck check`` on the largest ones. With
``--no-stops`` the sentence punctuation is removed too, so the whole article is one sentence.

    python benchmarks/long_paragraph.py                       # 125 KB to 1 MB, check 1 MB, 5 MB
    python benchmarks/long_paragraph.py --sizes 250000 --check 1000000
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.ingest import furniture_spans, make_article
from factcheck.lexical import content_terms
from factcheck.names import find_entities
from factcheck.quantities import parse_quantities
from factcheck.segment import segment
from factcheck.times import parse_times

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_text import source_texts  # noqa: E402

STEPS: dict[str, Callable[[str], object]] = {
    "furniture": furniture_spans,
    "segment": lambda text: segment(make_article(text, "long.txt")),
    "names": find_entities,
    "quantities": parse_quantities,
    "times": parse_times,
    "terms": content_terms,
}


def paragraph(size: int, *, stops: bool = True) -> str:
    """``size`` bytes of real news text as one paragraph (whole characters only). Web addresses
    are left out: a line holding an embedded post's link is page furniture (``layout``), and
    the whole paragraph would then be skipped instead of measured."""
    pieces, total = [], 0
    texts = [" ".join(_LINK.sub(" ", t).split()) for t in source_texts()]
    while total < size:
        for text in texts:
            pieces.append(text)
            total += len(text.encode("utf-8")) + 1
            if total >= size:
                break
    text = " ".join(pieces).encode("utf-8")[:size].decode("utf-8", errors="ignore")
    return text if stops else re.sub(r"[.!?…]", ",", text)


_LINK = re.compile(r"\S*(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)


def cpu_seconds(step: Callable[[str], object], text: str) -> float:
    start = time.process_time()
    step(text)
    return time.process_time() - start


def check_seconds(text: str) -> tuple[float, float, int]:
    """Wall and CPU seconds of ``factcheck check`` on ``text``, and its exit code."""
    factcheck = str(Path(sys.executable).parent / "factcheck")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "long.txt")
        path.write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            [factcheck, "check", str(path), "--max-bytes", str(len(text.encode()) + 1),
             "-f", "json", "-o", str(Path(tmp, "report.json"))],
            capture_output=True, text=True,
        )  # fmt: skip
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[125_000, 250_000, 500_000,
                                                                  1_000_000])  # fmt: skip
    parser.add_argument("--check", type=int, nargs="*", default=[1_000_000, 5_000_000])
    parser.add_argument("--no-stops", action="store_true", help="one sentence, no full stops")
    args = parser.parse_args()
    stops = not args.no_stops
    print("bytes | " + " | ".join(STEPS) + "  (CPU s)")
    for size in args.sizes:
        text = paragraph(size, stops=stops)
        timings = [f"{cpu_seconds(step, text):.2f}" for step in STEPS.values()]
        print(f"{size:,} | " + " | ".join(timings))
    for size in args.check:
        wall, cpu, code = check_seconds(paragraph(size, stops=stops))
        print(f"factcheck check, {size:,} bytes in one paragraph: {wall:.1f} s wall, "
              f"{cpu:.1f} s CPU, exit {code}")  # fmt: skip


if __name__ == "__main__":
    main()
