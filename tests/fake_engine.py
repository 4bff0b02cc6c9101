"""A fake engine for stage tests: answers queued per method, calls recorded.

    engine = FakeEngine()
    engine.enqueue("judge_groups", [GroupJudgement({...})])
    judge(groups, articles, engine)
    engine.calls["judge_groups"]  # the arguments of each call

A method with nothing queued gives an empty answer per item (no claims, no verdicts, no
sentences, every sentence accepted).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.ingest import make_article
from factcheck.models import Article, BriefLimits, Claim, Problem, Span, Usage

DEFAULT_LIMITS = BriefLimits(agreed=8, single=3)


class FakeEngine:
    name = "fake"
    model = None
    prompt_version = None

    def __init__(self, limits: BriefLimits = DEFAULT_LIMITS):
        self.brief_limits = limits
        self.queued: dict[str, list] = defaultdict(list)
        self.calls: dict[str, list[tuple]] = defaultdict(list)
        self.failed: list[Problem] = []

    def enqueue(self, method: str, answer) -> FakeEngine:
        self.queued[method].append(answer)
        return self

    def _answer(self, method: str, args: tuple, empty):
        self.calls[method].append(args)
        return self.queued[method].pop(0) if self.queued[method] else empty

    def extract_claims(self, items):
        return self._answer("extract_claims", (items,), [[] for _ in items])

    def repair_claims(self, items):
        return self._answer("repair_claims", (items,), [[] for _ in items])

    def judge_groups(self, groups, articles):
        return self._answer("judge_groups", (groups, articles), [None for _ in groups])

    def sweep_cluster(self, claims, known, articles):
        return self._answer("sweep_cluster", (claims, known, articles), [])

    def write_brief(self, facts, total):
        return self._answer("write_brief", (facts, total), [])

    def check_brief(self, sentences, claims):
        return self._answer("check_brief", (sentences, claims), [True] * len(sentences))

    def usage(self) -> Usage:
        return Usage()

    def problems(self) -> list[Problem]:
        return list(self.failed)

    def close(self) -> None:
        pass


def article(text: str, source: str = "a.txt", **metadata) -> Article:
    return make_article(text, source, **metadata)


def claim(art: Article, quote: str, **fields) -> Claim:
    """A claim of ``art`` whose evidence is ``quote`` (which must be in its text)."""
    start = art.text.index(quote)
    end = start + len(quote)
    values = {"id": f"{art.id}-{start}-{end}", "article": art.id, "text": quote, "kind": "event",
              "evidence": Span(start=start, end=end, quote=quote)}  # fmt: skip
    return Claim(**{**values, **fields})
