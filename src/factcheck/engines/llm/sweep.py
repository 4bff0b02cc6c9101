"""The llm engine's cluster sweep: every claim of the cluster in compact form, and the findings
already made, in one call (one per part when the claims do not fit the context), asking for
the conflicts, altered quotes and attribution changes that are not listed yet.

Each claim is one line, ``c12 [2] (speaker): statement``: a short id the model cites (mapped
back to the claim id here; an id the model invents is passed on as written, for the sweep stage
to drop), the source label and the speaker. Claims that several sources state in the same
words share one line, so syndicated copy costs one line. A quotation the statement does not
carry word for word follows as ``quote: …``.

When the lines do not fit, they are packed into blocks of half the budget and every pair of
blocks is one call, so every two statements still meet in some call (calls grow with the
square of the blocks: with the distinct text of a cluster, not with its copies). An answer cut
off at the output token limit, or a call that fails, is a problem for the report and proposes
nothing.
"""

from __future__ import annotations

from itertools import combinations

from ...models import Claim, Finding
from ...proposals import Proposal
from .bounds import MAX_PROPOSALS
from .calls import Calls
from .client import CallFailed, Truncated
from .prompts import Rendered, unescape_data
from .responses import SweepAnswer, SweepItem

CHARS_PER_TOKEN = 4  # rough, as for extraction
RESERVE_TOKENS = 1500  # the instructions and the answer's schema
WHERE = "cluster sweep"


def sweep_cluster(
    calls: Calls, claims: list[Claim], known: list[Finding], labels: dict[str, str]
) -> list[Proposal]:
    """Proposals from every part of the cluster, the calls made concurrently."""
    parts = _parts(claims, labels, _budget(calls, known))
    count = len(parts)
    asks = [
        _sweep_part(calls, part, known, labels, f"{n} of {count}" if count > 1 else None)
        for n, part in enumerate(parts, start=1)
    ]
    return [proposal for got in calls.run(asks, "sweep") for proposal in got]


def _budget(calls: Calls, known: list[Finding]) -> int:
    """Characters of claim lines one call may carry: the context less the longest answer, the
    instructions and the findings already listed."""
    settings = calls.settings
    tokens = settings.context_tokens - settings.max_output_tokens - RESERVE_TOKENS
    listed = sum(len(f.explanation) + 8 * len(f.claims) + 30 for f in known)
    return max(tokens * CHARS_PER_TOKEN - listed, 500 * CHARS_PER_TOKEN)


async def _sweep_part(
    calls: Calls,
    claims: list[Claim],
    known: list[Finding],
    labels: dict[str, str],
    part: str | None,
) -> list[Proposal]:
    refs = short_ids(claims)
    rendered = _prompt(calls, claims, known, labels, refs, part)
    where = f"{WHERE} (part {part})" if part else WHERE
    try:
        answer = await calls.ask(rendered, SweepAnswer, "sweep")
    except Truncated:
        calls.problem(
            where, "the model's answer was cut off at the output token limit; its proposals "
            "were dropped; raise --max-output-tokens",
        )  # fmt: skip
        return []
    except CallFailed as exc:
        calls.problem(where, str(exc))
        return []
    back = {ref: cid for cid, ref in refs.items()}
    if len(answer.findings) > MAX_PROPOSALS:
        calls.problem(
            where, f"the model proposed {len(answer.findings):,} findings; the first "
            f"{MAX_PROPOSALS} were checked",
        )  # fmt: skip
    return [_proposal(item, back) for item in answer.findings[:MAX_PROPOSALS]]


def _prompt(
    calls: Calls,
    claims: list[Claim],
    known: list[Finding],
    labels: dict[str, str],
    refs: dict[str, str],
    part: str | None,
) -> Rendered:
    listed = [line for f in known if (line := _finding_line(f, refs))]
    return calls.prompts.render(
        "sweep",
        claims="\n".join(claim_lines(claims, labels, refs)),
        findings="\n".join(listed) or "(none)",
        part=part,
    )


def claim_lines(claims: list[Claim], labels: dict[str, str], refs: dict[str, str]) -> list[str]:
    """One line per distinct statement: its ids and sources, speaker, statement, quotation."""
    lines = []
    for same in _by_statement(claims).values():
        first = same[0]
        cited = ", ".join(f"{refs[c.id]} {labels.get(c.article, c.article)}" for c in same)
        speaker = f" ({first.attributed_to})" if first.attributed_to else ""
        line = f"{cited}{speaker}: {' '.join(first.text.split())}"
        quote = " ".join(first.evidence.quote.split())
        if first.kind == "quote" and quote not in line:
            line += f" quote: {quote}"
        lines.append(line)
    return lines


def _by_statement(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Claims grouped by statement, speaker and quotation, in reading order."""
    grouped: dict[tuple, list[Claim]] = {}
    for claim in claims:
        key = (
            " ".join(claim.text.split()),
            claim.attributed_to or "",
            " ".join(claim.evidence.quote.split()) if claim.kind == "quote" else "",
        )
        grouped.setdefault(key, []).append(claim)
    return grouped


def short_ids(claims: list[Claim]) -> dict[str, str]:
    """Claim id → ``c1``, ``c2`` … in the order the lines show them."""
    ordered = [c for same in _by_statement(claims).values() for c in same]
    return {claim.id: f"c{n}" for n, claim in enumerate(ordered, start=1)}


def _size(claims: list[Claim], labels: dict[str, str]) -> int:
    return len("\n".join(claim_lines(claims, labels, short_ids(claims))))


def _finding_line(finding: Finding, refs: dict[str, str]) -> str | None:
    cited = [refs[cid] for cid in finding.claims if cid in refs]
    if not cited:
        return None
    kind = finding.kind + (f" ({finding.type})" if finding.type else "")
    return f"- {kind}: {', '.join(cited)}: {finding.explanation}"


def _proposal(item: SweepItem, back: dict[str, str]) -> Proposal:
    return Proposal(
        kind="altered_quote" if item.kind == "altered_quote" else "contradiction",
        claims=[back.get(ref.strip(), ref) for ref in item.claims],
        type=item.type,
        quotes=[unescape_data(q) for q in item.quotes],
        confidence=item.confidence,
        reason=item.reason,
    )


def _parts(claims: list[Claim], labels: dict[str, str], budget: int) -> list[list[Claim]]:
    """All claims when their lines fit ``budget`` characters; else every pair of blocks of
    lines (a block fills at most half the budget), so every two statements meet in a call."""
    if not claims or _size(claims, labels) <= budget:
        return [claims]
    blocks: list[list[Claim]] = [[]]
    size = 0
    for same in _by_statement(claims).values():
        length = _size(same, labels) + 1
        if blocks[-1] and size + length > budget // 2:
            blocks.append([])
            size = 0
        blocks[-1].extend(same)
        size += length
    if len(blocks) == 1:
        return blocks
    return [first + second for first, second in combinations(blocks, 2)]
