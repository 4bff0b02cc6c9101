"""Labelled cases for ``factcheck eval``, in the shared JSON-lines format.

Each line has ``id``, ``task``, ``sources``, ``claim`` or ``summary``, ``label``, ``split`` and
``meta``. Tasks and labels (DESIGN.md): ``doc_claim`` supported / unsupported; ``nli``
supported / unsupported (neutral) / contradiction; ``cross_doc`` a headline against an article
body (supported, neutral, contradiction) or two bodies about one headline (consistent,
contradiction); ``cluster`` (the project's own set) several articles and the findings they
should raise. ``meta.subset`` names a part of a data set (QAGS's CNN/DM and XSum summaries)
that ``factcheck eval`` reports on its own as well as pooled.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

LABELS = {
    "doc_claim": ["supported", "unsupported"],
    "nli": ["supported", "unsupported", "contradiction"],
    "headline_vs_body": ["supported", "neutral", "contradiction"],
    "body_pair": ["consistent", "contradiction"],
}
POSITIVE = {"doc_claim": "supported", "nli": "supported", "headline_vs_body": "supported",
            "body_pair": "contradiction"}  # fmt: skip


@dataclass
class Case:
    id: str
    task: str  # doc_claim | nli | headline_vs_body | body_pair | cluster
    group: str  # data set / task, e.g. "fnc1/body_pair"
    sources: list  # texts; a cluster's articles may be records with metadata
    claim: str
    label: object
    split: str
    subset: str | None = None  # a part of the data set (``meta.subset``: QAGS's cnndm, xsum)


def data_set(path: Path) -> str:
    """A cases file's name: its folder for ``*/cases.jsonl``, else its stem."""
    return path.parent.name if path.name == "cases.jsonl" else path.stem


def load_cases(path: Path) -> list[Case]:
    """Cases of one JSONL file; a line that is not a case is one clear error."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            cases.append(_case(json.loads(line), data_set(path)))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a case ({exc})") from None
    if not cases:
        raise InputError(f"{path}: no cases")
    return cases


def _case(record: dict, name: str) -> Case:
    task = record["task"]
    meta = record.get("meta") or {}
    if task == "cross_doc":
        task = meta.get("kind") or ("body_pair" if len(record["sources"]) > 1 else
                                    "headline_vs_body")  # fmt: skip
    if task not in LABELS and task != "cluster":
        raise ValueError(f"unknown task {task!r}")
    sources = record["sources"]
    allowed = (str, dict) if task == "cluster" else (str,)  # cluster articles may carry metadata
    if not isinstance(sources, list) or not all(isinstance(s, allowed) for s in sources):
        raise ValueError("sources must be a list of texts")
    group = name if task in ("doc_claim", "nli", "cluster") else f"{name}/{task}"
    label = record["label"] if task == "cluster" else str(record["label"])
    if task != "cluster" and label not in LABELS[task]:
        raise ValueError(f"label {label!r} is not one of {LABELS[task]}")
    claim = record.get("claim") or record.get("summary") or ""
    split, subset = record.get("split", "test"), meta.get("subset")
    return Case(record["id"], task, group, sources, claim, label, split,
                str(subset) if subset else None)  # fmt: skip


def select(cases: list[Case], split: str, limit: int | None) -> list[Case]:
    """The cases of ``split`` (dev, test or all), at most ``limit`` of them."""
    chosen = [c for c in cases if split == "all" or c.split == split]
    if limit is not None:
        chosen = spread(chosen, limit)
    return chosen


def spread(cases: list[Case], limit: int) -> list[Case]:
    """At most ``limit`` cases, taken evenly from each group so every group is represented."""
    by_group: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_group[case.group].append(case)
    share = max(1, limit // max(1, len(by_group)))
    picked = []
    for group in by_group.values():
        ordered = sorted(group, key=lambda c: hashlib.sha256(c.id.encode()).hexdigest())
        picked += ordered[:share]
    return picked[:limit]


def iter_files(paths: Iterable[str]) -> list[Path]:
    """Case files named directly, or every ``*/cases.jsonl`` (else ``*.jsonl``) in a folder."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*/cases.jsonl")) or sorted(path.glob("*.jsonl"))
            if not found:
                raise InputError(f"{path}: no cases.jsonl files in it")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return files
