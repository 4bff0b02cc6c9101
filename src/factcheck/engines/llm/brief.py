"""The llm engine's brief: one call that writes sentences for the offered facts, one call that
checks them against the quotes they cite, and a check of one claim against source texts (what
``factcheck eval`` measures)."""

from __future__ import annotations

from ...errors import EngineError
from ...models import BriefSentence, Claim, DraftSentence, Fact
from .calls import Calls
from .client import CallFailed
from .responses import BriefCheck, BriefDraft

MAX_BRIEF_SENTENCES = 12


def write_brief(
    calls: Calls, facts: list[Fact], total: int, labels: dict[str, str]
) -> list[DraftSentence] | None:
    """The model's sentences (at most ``MAX_BRIEF_SENTENCES``); None when the call failed."""
    rendered = calls.prompts.render(
        "brief",
        facts=[_fact(f, labels) for f in facts],
        total=total,
        max_sentences=MAX_BRIEF_SENTENCES,
    )
    try:
        draft = calls.run_one(calls.ask(rendered, BriefDraft, "brief"))
    except CallFailed as exc:
        calls.problem("brief", f"{exc}; the brief was written by the local composer")
        return None
    return [
        DraftSentence(line.text, list(line.claims), line.disputed)
        for line in draft.sentences[:MAX_BRIEF_SENTENCES]
    ]


def check_brief(
    calls: Calls, sentences: list[BriefSentence], claims: dict[str, Claim]
) -> list[bool]:
    """The model's verdict on each sentence; all accepted (and a problem) when the call fails."""
    if not sentences:
        return []
    payload = [
        {"index": i, "sentence": s.text, "quotes": [claims[c].evidence.quote for c in s.claims]}
        for i, s in enumerate(sentences)
    ]
    try:
        answer = calls.run_one(_check(calls, payload))
    except CallFailed as exc:
        calls.problem("brief check", f"{exc}; sentences were checked locally only")
        return [True] * len(sentences)
    verdicts = {r.index: r.supported for r in answer.results}
    return [verdicts.get(i, False) for i in range(len(sentences))]


def check_support(calls: Calls, claim: str, quotes: list[str]) -> bool:
    """Whether the model finds ``claim`` supported by ``quotes`` (one check call)."""
    payload = [{"index": 0, "sentence": claim, "quotes": quotes}]
    try:
        answer = calls.run_one(_check(calls, payload))
    except CallFailed as exc:
        raise EngineError(f"a check call failed: {exc}") from None
    return any(r.index == 0 and r.supported for r in answer.results)


async def _check(calls: Calls, payload: list[dict]) -> BriefCheck:
    rendered = calls.prompts.render("check", sentences=payload)
    return await calls.ask(rendered, BriefCheck, "check")


def _fact(fact: Fact, labels: dict[str, str]) -> dict:
    entry: dict = {"support": fact.support, "disputed": fact.disputed}
    if fact.disputed:
        entry["dispute"] = fact.dispute
    entry["claims"] = [
        {
            "id": c.id,
            "source": labels.get(c.article, c.article),
            "quote": c.evidence.quote,
        }
        for c in fact.claims
    ]
    return entry
