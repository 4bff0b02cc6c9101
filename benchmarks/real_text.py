"""Every distinct real source text in ``../shared/benchmarks`` through factcheck, to prove that
real text never breaks a run: each text through ``factcheck extract``, clusters of them through
``factcheck check`` (in every output format) and all the clusters through ``factcheck batch``.

Texts: the ``sources`` of every ``*/cases.jsonl``, the FNC-1 raw news bodies and the ANLI raw
premises, deduplicated. Clusters: FNC-1 bodies that answer one headline (up to five, a real
story), and the other texts in threes. A failure is a traceback, an exit code other than 0 or 3,
a claim whose quote is not at its offsets, or a batch line that is not ``ok``. Prints the counts,
every failure and the time of each stage; exits 1 when anything failed.

    python benchmarks/real_text.py                  # everything (a few minutes)
    python benchmarks/real_text.py --sample 200 --check 12   # a deterministic sample
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
FORMATS = ("json", "text", "md", "html")
CHUNK = 150  # texts per `factcheck extract` run


@dataclass
class Outcome:
    stage: str
    runs: int = 0
    items: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def source_texts(root: Path = SHARED) -> dict[str, str]:
    """Every distinct source text, mapped to where it was first found."""
    texts: dict[str, str] = {}
    for cases in sorted(root.glob("*/cases.jsonl")):
        with open(cases, encoding="utf-8") as handle:
            for line in handle:
                for text in json.loads(line).get("sources", []):
                    texts.setdefault(text, cases.parent.name)
    for text in fnc1_bodies(root).values():
        texts.setdefault(text, "fnc1-raw")
    for raw in sorted((root / "anli" / "raw").glob("*.jsonl")):
        with open(raw, encoding="utf-8") as handle:
            for line in handle:
                texts.setdefault(json.loads(line)["context"], "anli-raw")
    return texts


def fnc1_bodies(root: Path = SHARED) -> dict[str, str]:
    csv.field_size_limit(10**8)
    path = root / "fnc1" / "raw" / "competition_test_bodies.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        return {r["Body ID"]: r["articleBody"] for r in csv.DictReader(handle)}


def fnc1_stories(root: Path = SHARED) -> list[list[str]]:
    """Bodies that answer one headline (a real story), in headline order."""
    bodies = fnc1_bodies(root)
    by_headline: dict[str, list[str]] = defaultdict(list)
    path = root / "fnc1" / "raw" / "competition_test_stances.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = bodies.get(row["Body ID"])
            if text is not None and text not in by_headline[row["Headline"]]:
                by_headline[row["Headline"]].append(text)
    return [by_headline[h] for h in sorted(by_headline)]


def sample(texts: dict[str, str], size: int | None) -> dict[str, str]:
    """About ``size`` texts spread evenly over their origins, picked by a stable hash (all of
    them when ``size`` is None)."""
    if size is None or size >= len(texts):
        return texts
    by_origin: dict[str, list[str]] = defaultdict(list)
    for text in sorted(texts, key=lambda t: hashlib.sha256(t.encode("utf-8")).hexdigest()):
        by_origin[texts[text]].append(text)
    share = max(1, size // len(by_origin))
    return {t: texts[t] for ranked in by_origin.values() for t in ranked[:share]}


def clusters(texts: dict[str, str], root: Path = SHARED) -> list[list[str]]:
    """FNC-1 stories (2 to 5 of the given bodies each), then the remaining texts in threes."""
    made, used = [], set()
    for story in fnc1_stories(root):
        members = [t for t in story if t in texts and t not in used][:5]
        if len(members) >= 2:
            made.append(members)
            used.update(members)
    by_origin: dict[str, list[str]] = defaultdict(list)
    for text, origin in texts.items():
        if text not in used:
            by_origin[origin].append(text)
    for rest in by_origin.values():
        made += [rest[i : i + 3] for i in range(0, len(rest), 3)]
    return made


def spread(items: list, size: int | None) -> list:
    """At most ``size`` items taken evenly along ``items``."""
    if size is None or size >= len(items):
        return items
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)


def _crashed(done: subprocess.CompletedProcess) -> str | None:
    if "Traceback" in done.stderr or done.returncode not in (0, 3):
        tail = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
        return f"exit {done.returncode}: {tail[0][:200]}"
    return None


def _misplaced(report: dict) -> list[str]:
    """Claims whose quote is not the article text at its offsets."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    wrong = []
    for claim in report["claims"]:
        span = claim["evidence"]
        if texts[claim["article"]][span["start"] : span["end"]] != span["quote"]:
            wrong.append(f"claim {claim['id']}: quote not at its offsets")
    return wrong


def extract_all(factcheck: str, texts: list[str], work: Path, jobs: int) -> Outcome:
    """Each text through ``factcheck extract`` (in chunks; a failing chunk is re-run text by
    text to name the texts that fail)."""
    outcome, started = Outcome("extract", items=len(texts)), time.perf_counter()
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]

    def one(n_chunk: tuple[int, list[str]]) -> list[str]:
        n, chunk = n_chunk
        problems = _extract_chunk(factcheck, chunk, work / f"x{n}")
        if problems and len(chunk) > 1:
            return [f"text {n * CHUNK + i}: {p}" for i, t in enumerate(chunk)
                    for p in _extract_chunk(factcheck, [t], work / f"x{n}-{i}")]  # fmt: skip
        return problems

    with ThreadPoolExecutor(jobs) as pool:
        for problems in pool.map(one, enumerate(chunks)):
            outcome.failures += problems
    outcome.runs = len(chunks)
    outcome.seconds = round(time.perf_counter() - started, 1)
    return outcome


def _extract_chunk(factcheck: str, chunk: list[str], folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "texts.jsonl"
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in chunk), encoding="utf-8")
    done = _run([factcheck, "extract", str(source), "-o", "out.json"], folder)
    crash = _crashed(done)
    if crash:
        return [crash]
    report = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    refused = [p for p in report["run"]["problems"] if "empty" not in p["error"]]
    return _misplaced(report) + [f"{p['where']}: {p['error']}" for p in refused]


def check_all(factcheck: str, groups: list[list[str]], work: Path, jobs: int) -> Outcome:
    """Each cluster through ``factcheck check`` as files in a folder, the formats in turn."""
    outcome, started = Outcome("check", runs=len(groups), items=len(groups)), time.perf_counter()

    def one(n_group: tuple[int, list[str]]) -> list[str]:
        n, group = n_group
        folder = work / f"c{n}"
        (folder / "in").mkdir(parents=True)
        for i, text in enumerate(group):
            (folder / "in" / f"article-{i}.txt").write_text(text, encoding="utf-8")
        fmt = FORMATS[n % len(FORMATS)]
        done = _run([factcheck, "check", "in", "-f", fmt, "-o", "report.out"], folder)
        crash = _crashed(done)
        problems = [crash] if crash else []
        if not crash and fmt == "json":
            problems = _misplaced(json.loads((folder / "report.out").read_text(encoding="utf-8")))
        shutil.rmtree(folder)
        return [f"cluster {n} ({fmt}): {p}" for p in problems]

    with ThreadPoolExecutor(jobs) as pool:
        for problems in pool.map(one, enumerate(groups)):
            outcome.failures += problems
    outcome.seconds = round(time.perf_counter() - started, 1)
    return outcome


def batch_all(factcheck: str, groups: list[list[str]], work: Path) -> Outcome:
    """Every cluster in one ``factcheck batch`` run: every line written, every line ok."""
    outcome, started = Outcome("batch", runs=1, items=len(groups)), time.perf_counter()
    source, out = work / "clusters.jsonl", work / "results.jsonl"
    lines = [{"id": f"cluster-{n}", "articles": [{"text": t} for t in g]}
             for n, g in enumerate(groups)]  # fmt: skip
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    done = _run([factcheck, "batch", str(source), "-o", str(out)], work)
    crash = _crashed(done)
    if crash:
        outcome.failures.append(crash)
    results = [json.loads(r) for r in out.read_text(encoding="utf-8").splitlines()]
    for result in results:
        if result["status"] != "ok":
            outcome.failures.append(f"{result['id']}: {result['error']}")
        else:
            outcome.failures += [f"{result['id']}: {m}" for m in _misplaced(result["report"])]
    if len(results) != len(groups):
        outcome.failures.append(f"{len(results)} result lines for {len(groups)} clusters")
    outcome.seconds = round(time.perf_counter() - started, 1)
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=None, help="at most N texts (stable)")
    parser.add_argument("--factcheck", default=str(Path(sys.executable).parent / "factcheck"))
    parser.add_argument("--check", type=int, default=None, help="`check` at most N clusters")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--root", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path, default=None, help="also write the counts here")
    args = parser.parse_args()
    texts = sample(source_texts(args.root), args.sample)
    groups = clusters(texts, args.root)
    origins: dict[str, int] = defaultdict(int)
    for origin in texts.values():
        origins[origin] += 1
    print(f"{len(texts)} distinct texts ({', '.join(f'{k} {v}' for k, v in origins.items())}),"
          f" {len(groups)} clusters")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        outcomes = [
            extract_all(args.factcheck, list(texts), work, args.jobs),
            check_all(args.factcheck, spread(groups, args.check), work, args.jobs),
            batch_all(args.factcheck, groups, work),
        ]
    for outcome in outcomes:
        print(f"{outcome.stage}: {outcome.items} items in {outcome.runs} runs, "
              f"{len(outcome.failures)} failures, {outcome.seconds} s")  # fmt: skip
        for failure in outcome.failures[:20]:
            print(f"  {failure}")
    if args.json:
        summary = {"texts": len(texts), "clusters": len(groups), "origins": origins,
                   "stages": [o.__dict__ for o in outcomes]}  # fmt: skip
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 1 if any(o.failures for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
