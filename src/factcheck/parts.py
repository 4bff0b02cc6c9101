"""Parts: a sentence whose source states its main clause and its trailing clause apart.

A news lead often packs two facts into one sentence: an event and, after a comma, a clause
that says what it carries ("The two clubs signed a merger, pledging to share one ground.").
Other sources tell the two in different sentences ("The clubs signed a merger on Monday." ...
"The deal provides for a shared ground."). Such a source states the sentence too, so it may be
cited for it: its claims state the main clause (the per-source check, ``checker``), and one of
them also holds the trailing clause (``holds``: by words, ``citation.states``, so its names,
figures and dates and at least ``MIN_SHARE`` of its content words, with their equivalents)
and is about the same thing (it shares a content word of the main clause, names aside). A
trailing clause of fewer than ``MIN_TAIL_TERMS`` content words is not checked apart.

``in_parts(checker)`` is the per-source check that also accepts such a source;
``stating(sentence, passages, checker)`` says which of a source's passages state a sentence,
whole or in parts (``citation.stating`` first).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import citation
from .citation import Checker, SourceCheck, carries, overlap
from .lexical import content_terms
from .main_clauses import split_clause

MIN_TAIL_TERMS = 3


def in_parts(checker: Checker) -> Checker:
    """``checker``, or failing that: the main clause by ``checker`` and the rest held by one
    passage of ``evidence``."""

    def check(sentence: str, evidence: Sequence[str]) -> SourceCheck:
        whole = checker(sentence, evidence)
        split = None if whole.ok else split_clause(sentence)
        if split is None:
            return whole
        head, tail = split
        if any(holds(tail, head, e) for e in evidence) and checker(head, evidence).ok:
            return SourceCheck(True, (), whole.share)
        return whole

    return check


def stating(sentence: str, passages: Sequence[str], checker: Checker) -> list[int]:
    """The passages of one source that state ``sentence``: whole (``citation.stating``), or its
    main clause and, in one more passage, the rest; [] when none do."""
    found = citation.stating(sentence, passages, checker)
    split = None if found else split_clause(sentence)
    if split is None:
        return found
    head, tail = split
    holding = [i for i, p in enumerate(passages) if holds(tail, head, p)]
    if not holding:
        return []
    heads = citation.stating(head, passages, checker)
    if not heads:
        return []
    best = max(holding, key=lambda i: (overlap(tail, passages[i])[1], -i))
    return sorted({*heads, best})


def holds(tail: str, head: str, passage: str) -> bool:
    """Whether ``passage`` says what the trailing clause ``tail`` adds to ``head``."""
    if len(set(content_terms(tail))) < MIN_TAIL_TERMS:
        return False
    return overlap(head, passage)[1] >= 1 and citation.states(tail, [passage]).ok


carried = in_parts(carries)  # the brief's per-source check
