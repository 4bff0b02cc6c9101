"""The new finding kinds on the project's own labelled clusters (tests/data/eval/findings.jsonl).

Each case is a small cluster with the findings it should raise, in the format of
``tests/data/eval/own.jsonl``; ``meta.group`` says what it tests:

- ``altered_quote``: a quotation credited to one speaker, reworded between sources (label
  ``altered_quote``), or the same quotation up to punctuation and spelling, or a quotation in one
  source given as paraphrase in the other (no label);
- ``damage``: one organisation or person named differently by rewriting (label ``name_variant``
  of type ``rewriting_damage``), or genuinely different names that share words (no label);
- ``denial``: a source denies what another reports (``contradiction`` of type ``denial``), or a
  negation that denies nothing reported (no label; any contradiction is a false alarm);
- ``attribution``: a speculative sentence in one of two independent sources, attributed to a
  named speaker (no finding; ``meta.attribution.speaker`` names them) or not (``experts say``:
  ``unsupported_addition``); the claim of ``meta.attribution.sentence`` is also checked.

    python benchmarks/findings_own.py               # the pipeline: dev, test, held-out, per group
    python benchmarks/findings_own.py --detectors   # quotes, rewording, variants, denials
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from factcheck.ingest import ingest_records
from factcheck.pipeline import run_ingested
from factcheck.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval" / "findings.jsonl"
TARGET = {  # the finding each group is about: (kind, type); None matches any type
    "altered_quote": ("altered_quote", None),
    "damage": ("name_variant", "rewriting_damage"),
    "denial": ("contradiction", "denial"),
    "attribution": ("unsupported_addition", None),
}


def load(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_case(case: dict):
    records = [s if isinstance(s, dict) else {"text": s} for s in case["sources"]]
    return run_ingested(ingest_records(records, case["id"]), Settings(engine="local"))


def _matches(finding, target: tuple[str, str | None]) -> bool:
    kind, kind_type = target
    return finding.kind == kind and (kind_type is None or finding.type == kind_type)


def score(cases: list[dict]) -> dict[str, Counter]:
    """Per target kind over every case (an altered quote in a damage case counts too);
    unsupported additions only where the case is about attribution."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        group = case["meta"]["group"]
        report = run_case(case)
        for name, target in TARGET.items():
            if name == "attribution" and group != "attribution":
                continue
            gold = sum(_matches(_Label(f), target) for f in case["label"])
            found = sum(_matches(f, target) for f in report.findings)
            counts[name]["tp"] += min(gold, found)
            counts[name]["fn"] += max(0, gold - found)
            counts[name]["fp"] += max(0, found - gold)
        if group == "denial" and not case["label"]:
            counts["denial"]["negatives"] += 1
            alarm = any(f.kind == "contradiction" for f in report.findings)
            counts["denial"]["any_contradiction_on_negative"] += alarm
        if group == "attribution":
            counts["attribution"].update(_attribution(case, report))
    return counts


def _attribution(case: dict, report) -> Counter:
    wanted = case["meta"]["attribution"]
    claim = next((c for c in report.claims if wanted["sentence"] in c.text), None)
    claim = claim or next((c for c in report.claims if c.text in wanted["sentence"]), None)
    attributed = claim is not None and claim.attributed_to is not None
    right = attributed == (wanted["speaker"] is not None)
    return Counter({"attribution_cases": 1, "attribution_right": int(right)})


class _Label:
    """A gold label seen as a finding (kind and type)."""

    def __init__(self, label: dict):
        self.kind, self.type = label["kind"], label.get("type")


def summary(counts: Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    out = {
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        **{k: v for k, v in counts.items()},
    }
    return out


def _split(case: dict) -> str:
    """dev, test, or held-out: cases written after the stages were done, run once."""
    return "held-out" if case["meta"].get("held_out") else case["split"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DATA)
    parser.add_argument(
        "--detectors", action="store_true", help="score the new detectors, not the pipeline"
    )
    args = parser.parse_args(argv)
    cases = load(args.path)
    scorer = score_detectors if args.detectors else score
    for split in ("dev", "test", "held-out"):
        counts = scorer([c for c in cases if _split(c) == split])
        for group in TARGET:
            if group in counts:
                print(f"{split} {group}: {json.dumps(summary(counts[group]))}")
    return 0


# -- the new detectors on the same cases (before they are wired into the stages) --------------


def detector_findings(case: dict) -> list[tuple[str, str | None]]:
    """(kind, type) of what the self-contained detectors find between each pair of sources."""
    from factcheck.denials import MATCH, MATCH_NEGATION, denies, find_denial
    from factcheck.rewording import altered_quotes
    from factcheck.variants import damaged_names

    texts = [s["text"] if isinstance(s, dict) else s for s in case["sources"]]
    found: list[tuple[str, str | None]] = []
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            found += [("altered_quote", None)] * len(altered_quotes(first, second))
            found += [("name_variant", "rewriting_damage")] * len(damaged_names(first, second))
            for one, other in ((first, second), (second, first)):
                for sentence in _sentences(one):
                    denial = find_denial(sentence)
                    if denial is None:
                        continue
                    needed = MATCH_NEGATION if denial.kind == "negation" else MATCH
                    claims = [c for c in _sentences(other) if find_denial(c) is None]
                    if any(denies(denial, claim) >= needed for claim in claims):
                        found.append(("contradiction", "denial"))
    return found


def _sentences(text: str) -> list[str]:
    from factcheck.ingest import make_article
    from factcheck.segment import segment

    return [s.text for s in segment(make_article(text, "x")) if not s.furniture]


def attributed_by_detector(case: dict) -> bool:
    from factcheck.quotes import find_quotes, sentence_speaker

    sentence = case["meta"]["attribution"]["sentence"]
    for source in case["sources"]:
        at = source.find(sentence)
        if at < 0:
            continue
        for quote in find_quotes(source):
            if quote.start <= at + len(sentence) and at <= quote.end and quote.named:
                return True
        credited = sentence_speaker(sentence)
        return credited is not None and credited[1]
    return False


def score_detectors(cases: list[dict]) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        found = Counter(detector_findings(case))
        for name, target in TARGET.items():
            if name == "attribution":
                continue
            gold = sum(_matches(_Label(f), target) for f in case["label"])
            hits = sum(n for (kind, kind_type), n in found.items()
                       if _matches(_Label({"kind": kind, "type": kind_type}), target))  # fmt: skip
            hits = min(hits, gold) if gold else hits
            counts[name]["tp"] += min(gold, hits)
            counts[name]["fn"] += max(0, gold - hits)
            counts[name]["fp"] += max(0, hits - gold)
        if case["meta"]["group"] == "attribution":
            wanted = case["meta"]["attribution"]["speaker"] is not None
            counts["attribution"]["attribution_cases"] += 1
            counts["attribution"]["attribution_right"] += attributed_by_detector(case) == wanted
    return counts


if __name__ == "__main__":
    raise SystemExit(main())
