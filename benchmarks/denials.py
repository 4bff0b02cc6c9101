"""Denial detection on FNC-1: bodies that disagree with a headline against bodies that agree.

Body level: a body is predicted to deny the headline when one of its sentences is a denial
(``denials.find_denial``) that meets the headline (``denials.denies`` at ``--match`` or more;
``--match-negation`` for a plain negation). Gold: FNC-1's stance (disagree = denies). Only
headlines that state an event count (one with a denial word, "Third boob likely a hoax", "X
denies …", is left out: a body that denies it agrees), with their agreeing and disagreeing
bodies; a headline's split is ``real_clusters.split_of``. Sentence level: the hand-labelled
sentences of
``tests/data/denials/sentences.jsonl`` (is this sentence a denial of a reported event?).

    python benchmarks/denials.py [--match 0.5] [--match-negation 0.7] [--show dev]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from real_clusters import FNC1, _stances, split_of

from factcheck.denials import MATCH, MATCH_NEGATION, find_denial
from factcheck.denials import denies as meets
from factcheck.ingest import make_article
from factcheck.segment import segment

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "data" / "denials" / "sentences.jsonl"


def _sentences(text: str) -> list[str]:
    return [s.text for s in segment(make_article(text, "body")) if not s.furniture]


def body_denies(body: str, headline: str, match: float, negation: float) -> str | None:
    """The first sentence of ``body`` that denies ``headline``, or None."""
    for sentence in _sentences(body):
        denial = find_denial(sentence)
        if denial is None:
            continue
        needed = negation if denial.kind == "negation" else match
        if meets(denial, headline) >= needed:
            return sentence
    return None


_HEADLINE_DENIAL = re.compile(
    r"\b(?:fake|hoax\w*|false|not true|untrue|den(?:y|ies|ied)|debunk\w*|myth|rumou?rs?|"
    r"didn't|did not|isn't|not|no)\b",
    re.IGNORECASE,
)


def headline_denies(headline: str) -> bool:
    return find_denial(headline) is not None or _HEADLINE_DENIAL.search(headline) is not None


def body_level(match: float, negation: float, show: str | None) -> dict[str, dict]:
    bodies, by_headline = _stances(FNC1)
    counts = {s: Counter() for s in ("dev", "test")}
    for headline, stances in by_headline.items():
        split = split_of(headline)
        if headline_denies(headline):
            counts[split]["headlines_left_out"] += 1
            continue
        for stance in ("agree", "disagree"):
            for body in stances.get(stance, []):
                hit = body_denies(bodies[body], headline, match, negation)
                key = ("tp" if hit else "fn") if stance == "disagree" else ("fp" if hit else "tn")
                counts[split][key] += 1
                if show == split and hit and stance == "agree":
                    print(f"  FP [{headline[:70]}]\n     {hit[:200]}")
    return {split: _prf(c) for split, c in counts.items()}


def sentence_level() -> dict[str, dict]:
    if not SENTENCES.exists():
        return {}
    rows = [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines()]
    out = {}
    for name, kinds in (("all kinds", None), ("without plain negation", {"negation"})):
        counts = {s: Counter() for s in ("dev", "test")}
        for row in rows:
            denial = find_denial(row["sentence"])
            found = denial is not None and (kinds is None or denial.kind not in kinds)
            gold = row["label"] == "denial"
            key = ("tp" if found else "fn") if gold else ("fp" if found else "tn")
            counts[row["split"]][key] += 1
        out.update({f"{split} ({name})": _prf(c) for split, c in counts.items()})
    return out


def _prf(c: Counter) -> dict:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), **dict(c)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--match", type=float, default=MATCH)
    parser.add_argument("--match-negation", type=float, default=MATCH_NEGATION)
    parser.add_argument("--show", choices=("dev", "test"), help="list agreeing bodies flagged")
    args = parser.parse_args(argv)
    for split, result in body_level(args.match, args.match_negation, args.show).items():
        print(f"bodies {split}: {json.dumps(result)}")
    for split, result in sentence_level().items():
        print(f"sentences {split}: {json.dumps(result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
