"""The llm engine's judging: one call per aligned group, comparing every member with the
canonical claim; the answer becomes verdicts by claim id (the judge stage settles them)."""

from __future__ import annotations

from ...models import Article, ClaimGroup, GroupJudgement, Verdict
from .batch_api import Request, prefetch
from .calls import Calls
from .client import CallFailed
from .prompts import Rendered
from .responses import GroupVerdict

TOPIC_WORDS = 12


def judge_groups(
    calls: Calls, groups: list[ClaimGroup], articles: dict[str, Article], labels: dict[str, str]
) -> list[GroupJudgement | None]:
    """A judgement per group, the calls made concurrently; None where a call failed."""
    if calls.settings.batch_api and groups:
        requests = [Request(_prompt(calls, g, articles, labels), GroupVerdict) for g in groups]
        calls.run_one(prefetch(calls.client, requests, "judge"))
    return calls.run(
        [
            calls.isolated(_judge_group(calls, g, articles, labels), f"group {g.id}", None)
            for g in groups
        ],
        "judge",
    )


def _prompt(
    calls: Calls, group: ClaimGroup, articles: dict[str, Article], labels: dict[str, str]
) -> Rendered:
    payload = [
        {
            "id": claim.id,
            "source": labels.get(claim.article, claim.article),
            "published": articles[claim.article].published,
            "statement": claim.text,
            "quote": claim.evidence.quote,
        }
        for claim in group.members
    ]
    return calls.prompts.render("judge", canonical=group.canonical.id, claims=payload)


async def _judge_group(
    calls: Calls, group: ClaimGroup, articles: dict[str, Article], labels: dict[str, str]
) -> GroupJudgement | None:
    rendered = _prompt(calls, group, articles, labels)
    try:
        answer = await calls.ask(rendered, GroupVerdict, "judge")
    except CallFailed as exc:
        calls.problem(f"group {group.id}", str(exc))
        return None
    verdicts = {
        item.claim: Verdict(
            item.state,
            item.type if item.state == "conflict" else None,
            item.confidence,
            item.reason.rstrip("."),
        )
        for item in answer.verdicts
    }
    return GroupJudgement(verdicts, " ".join(answer.topic.split()[:TOPIC_WORDS]) or None)
