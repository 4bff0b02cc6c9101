"""The edit set: labelled claim edits of source sentences, and how the support score meets them.

``generate`` picks sentences from news articles of the shared benchmarks, and for each one
writes the unedited sentence (``none``, supported) and every edit of ``edits.py`` that applies:
meaning-changing edits are labelled unsupported, meaning-keeping ones supported. A case's source
is the sentence with the two sentences either side of it (so a swapped-in name is in the source
too). Parts, in ``tests/data/edits/`` in the shared case format:

* ``dev`` and ``test`` (``edits.jsonl``, the ``split`` of each case saying which): XSumFaith's
  BBC articles, split by a stable hash of the article id as the shared sets split their cases
  (about two thirds dev); the weights may be fitted on ``dev``, and ``factcheck eval`` fits its
  threshold there and reports ``test``;
* ``heldout`` (``heldout.jsonl``): FNC-1 article bodies (another source of news, never read
  while building the scorer), to be run once.

``report`` scores a part with this checkout's scorer and the base commit's, with the decision
threshold fitted on ``dev``: per edit type the share judged right, the share whose score drops
below the unedited sentence's, and the balanced accuracy of that type against all
meaning-keeping edits.

Usage: python benchmarks/edit_set.py generate [BENCHMARKS_DIR]
       python benchmarks/edit_set.py report [--part dev|test|heldout] [--json PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

import edits
from support_eval import BASE, base_verify

from factcheck.cover import sentences
from factcheck.evaluation import Case, Scores, Signals, fit_thresholds, load_cases
from factcheck.lexical import looks_english
from factcheck.lexicon import concept, opposite

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "edits"
FILES = {"dev": "edits.jsonl", "test": "edits.jsonl", "heldout": "heldout.jsonl"}
PER_ARTICLE = 2  # sentences edited per article
WINDOW = 2  # sentences either side that form the source


def split_of(key: str) -> str:
    """'test' for about a third of the keys (as the shared sets split their cases)."""
    return "test" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def articles(benchmarks: Path) -> dict[str, list[tuple[str, str]]]:
    """(key, text) of the articles of each part."""
    parts: dict[str, dict[str, str]] = defaultdict(dict)
    for line in (benchmarks / "xsumfaith" / "cases.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        key = record["meta"]["bbcid"]
        parts[split_of(key)][key] = record["sources"][0]
    for line in (benchmarks / "fnc1" / "cases.jsonl").read_text("utf-8").splitlines():
        for text in json.loads(line)["sources"]:
            parts["heldout"][_digest(text)] = text
    return {part: sorted(found.items()) for part, found in parts.items()}


def cases_of(part: str, key: str, text: str) -> list[dict]:
    found = sentences(text)
    picked = sorted((i for i, s in enumerate(found) if _usable(s)),
                    key=lambda i: _digest(found[i]))[:PER_ARTICLE]  # fmt: skip
    out = []
    for index in picked:
        window = found[max(0, index - WINDOW) : index + WINDOW + 1]
        out += _edits_of(part, key, found[index], window)
    return out


def _edits_of(part: str, key: str, sentence: str, window: list[str]) -> list[dict]:
    source = " ".join(window)
    made = [("none", "keeping", sentence)]
    for kind, table in (("changing", edits.MEANING_CHANGING), ("keeping", edits.MEANING_KEEPING)):
        for name, edit in table.items():
            rng = random.Random(_digest(sentence + name))
            edited = edit(sentence, window, rng)
            if edited and edited != sentence:
                made.append((name, kind, edited))
    return [{
        "id": f"edit-{part}-{_digest(sentence)[:10]}-{name}", "task": "doc_claim",
        "sources": [source], "claim": claim,
        "label": "unsupported" if kind == "changing" else "supported",
        "split": "dev" if part == "dev" else "test",
        "meta": {"part": part, "article": key, "edit": name, "kind": kind, "original": sentence},
    } for name, kind, claim in made]  # fmt: skip


def _usable(sentence: str) -> bool:
    words = sentence.split()
    quoted = re.search(r"[\"“”‘’]|'[A-Z]", sentence)
    plain = "\n" not in sentence and not quoted and looks_english(sentence, min_words=6)
    return 8 <= len(words) <= 40 and sentence.endswith(".") and sentence[:1].isupper() and plain


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def generate(benchmarks: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[dict]] = defaultdict(list)
    for part, found in sorted(articles(benchmarks).items()):
        cases = [c for key, text in found for c in cases_of(part, key, text)]
        written[FILES[part]] += cases
        kinds = defaultdict(int)
        for case in cases:
            kinds[case["meta"]["edit"]] += 1
        print(f"{part}: {len(cases)} cases from {len(found)} articles; {dict(kinds)}")
    for name, cases in written.items():
        lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
        (OUT / name).write_text(lines, encoding="utf-8")


# -- report -----------------------------------------------------------------------------------


def score_all(cases: list[Case], module) -> list[float]:
    memo: dict[str, object] = {}
    scores = []
    for case in cases:
        source = case.sources[0]
        if source not in memo:
            memo = {source: module.Sources(case.sources)}  # cases of one sentence are together
        scores.append(module.verify(memo[source], case.claim).score)
    return scores


def measure(part: str, module) -> dict:
    dev, cases = _load("dev"), _load(part)
    dev_scores = score_all(dev, module)
    threshold, _ = fit_thresholds("doc_claim", dev, [Signals(s) for s in dev_scores])
    scores = dev_scores if part == "dev" else score_all(cases, module)
    meta = _meta(part)
    original = {meta[c.id]["original"]: s for c, s in zip(cases, scores, strict=True)
                if meta[c.id]["edit"] == "none"}  # fmt: skip
    rows: dict[str, dict] = defaultdict(lambda: {"n": 0, "right": 0, "drop": 0})
    pooled = Scores(["supported", "unsupported"])
    for case, score in zip(cases, scores, strict=True):
        info = meta[case.id]
        row = rows[info["edit"]]
        predicted = "supported" if score >= threshold else "unsupported"
        row["kind"], row["n"] = info["kind"], row["n"] + 1
        row["right"] += predicted == case.label
        row["drop"] += score < original[info["original"]] - 1e-9
        if info["edit"] != "none":
            pooled.add(case.label, predicted, score)
    return {
        "part": part,
        "threshold": threshold,
        "rows": dict(rows),
        "balanced_accuracy": pooled.balanced_accuracy(),
        "auc": pooled.auc("supported"),
    }


def _load(part: str) -> list[Case]:
    meta = _meta(part)
    return [case for case in load_cases(OUT / FILES[part]) if case.id in meta]


def _meta(part: str) -> dict[str, dict]:
    lines = (OUT / FILES[part]).read_text("utf-8").splitlines()
    records = (r for r in map(json.loads, lines) if r["meta"]["part"] == part)
    return {r["id"]: r["meta"] for r in records}


def table(before: dict, after: dict) -> str:
    keeping = [r for k, r in after["rows"].items() if r["kind"] == "keeping" and k != "none"]
    keep_right = sum(r["right"] for r in keeping) / max(1, sum(r["n"] for r in keeping))
    lines = [f"part {after['part']}: threshold {after['threshold']:.3f} (fitted on dev); "
             f"balanced accuracy {before['balanced_accuracy']:.3f} → "
             f"{after['balanced_accuracy']:.3f}, ROC AUC {before['auc']:.3f} → {after['auc']:.3f}",
             "", "| edit | kind | n | judged right (before → after) | score drops below "
             "unedited (before → after) | BA against keeping edits |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for name in ["none", *edits.MEANING_CHANGING, *edits.MEANING_KEEPING]:
        if name not in after["rows"]:
            continue
        a, b = after["rows"][name], before["rows"][name]
        ba = f"{(a['right'] / a['n'] + keep_right) / 2:.3f}" if a["kind"] == "changing" else ""
        lines.append(f"| {name} | {a['kind']} | {a['n']} | {_share(b, 'right')} → "
                     f"**{_share(a, 'right')}** | {_share(b, 'drop')} → **{_share(a, 'drop')}** "
                     f"| {ba} |")  # fmt: skip
    for kind in ("changing", "keeping"):
        lines.append(f"\nscore drops below unedited, {kind} edits: "
                     f"{_pooled(before, kind)} → **{_pooled(after, kind)}**")  # fmt: skip
    return "\n".join(lines)


def _share(row: dict, key: str) -> str:
    return f"{row[key] / row['n']:.0%}"


def _pooled(result: dict, kind: str) -> str:
    rows = [r for name, r in result["rows"].items() if r["kind"] == kind and name != "none"]
    return f"{sum(r['drop'] for r in rows) / max(1, sum(r['n'] for r in rows)):.0%}"


def lexicon_overlap() -> str:
    """How many of the edit lists' pairs the scorer's lexicon knows."""
    same = sum(concept(a) == concept(b) for a, b in edits.SYNONYMS.items())
    reverse = sum(opposite(concept(a), concept(b)) for a, b in edits.OPPOSITES.items())
    return (f"edit lists known to the scorer's lexicon: synonyms {same}/{len(edits.SYNONYMS)}, "
            f"opposites {reverse}/{len(edits.OPPOSITES)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("generate", "report"))
    parser.add_argument("benchmarks", nargs="?", default=str(ROOT.parent / "shared/benchmarks"))
    parser.add_argument("--part", default="dev", choices=("dev", "test", "heldout"))
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if args.command == "generate":
        generate(Path(args.benchmarks))
        return
    import factcheck.verify as current

    before, after = measure(args.part, base_verify(BASE)), measure(args.part, current)
    print(table(before, after))
    print(lexicon_overlap())
    if args.json:
        Path(args.json).write_text(json.dumps({"before": before, "after": after}, indent=1))


if __name__ == "__main__":
    main()
