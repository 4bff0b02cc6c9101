"""The hand-labelled data sets are well formed (fields, labels, splits)."""

import json
from pathlib import Path

from factcheck.evaluation import load_cases

DATA = Path(__file__).parent / "data"


def rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_alignment_pairs():
    items = rows(DATA / "align" / "pairs.jsonl")
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert item["label"] in ("same", "conflict", "different")
        assert item["split"] in ("dev", "test") and item["origin"] in ("invented", "fnc1")
        assert item["a"].strip() and item["b"].strip() and item["a"] != item["b"]
    for split in ("dev", "test"):
        labels = {i["label"] for i in items if i["split"] == split}
        assert labels == {"same", "conflict", "different"}


def test_alignment_clusters():
    for item in rows(DATA / "align" / "clusters.jsonl"):
        assert item["split"] in ("dev", "test") and len(item["articles"]) >= 2
        facts = [s["fact"] for article in item["articles"] for s in article]
        labels = [f for fact in facts for f in (fact if isinstance(fact, list) else [fact]) if f]
        assert any(labels.count(f) >= 2 for f in labels)  # something to align


def test_finding_cases_load_as_clusters():
    cases = load_cases(DATA / "eval" / "findings.jsonl")
    assert {c.task for c in cases} == {"cluster"} and {c.split for c in cases} == {"dev", "test"}
    kinds = {(f["kind"], f.get("type")) for c in cases for f in c.label}
    assert {("altered_quote", None), ("name_variant", "rewriting_damage"),
            ("contradiction", "denial"), ("unsupported_addition", None)} <= kinds  # fmt: skip
    for item in rows(DATA / "eval" / "findings.jsonl"):
        assert item["meta"]["group"] in ("altered_quote", "damage", "denial", "attribution")
        if item["meta"]["group"] == "attribution":
            wanted = item["meta"]["attribution"]
            assert any(wanted["sentence"] in source for source in item["sources"])


def test_denial_sentences():
    items = rows(DATA / "denials" / "sentences.jsonl")
    assert {i["label"] for i in items} == {"denial", "other"}
    assert {i["split"] for i in items} == {"dev", "test"}
