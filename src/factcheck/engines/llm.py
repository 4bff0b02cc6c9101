"""The llm engine: extraction, judging and the brief by a model behind any OpenAI-compatible
endpoint, returning the same report models as the local engine.

Calls per run: one extraction call per article (one per part when an article is longer than
the context budget), one judging call per aligned group that spans two or more sources, one
brief call and one brief-check call, plus counted re-asks. Calls run concurrently up to
``settings.concurrency`` on one event loop that lives as long as the engine.

Nothing the model says is taken on trust: every quote must be found in its article (else one
re-ask, then the claim is dropped and counted), every claim id it cites must exist, and every
brief sentence must pass both the model's check and the local check of numbers, names and
dates against the quotes it cites. Quantities and times are normalised by the same code as in
the local engine, from the verified quote.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import names
from ..align import ClaimGroup
from ..brief import Composed, editorial, support_of, supported_by
from ..errors import ExtractionFailed, FactcheckError
from ..extract import Extraction, locate
from ..judge import MIN_CONFIDENCE, Judged, Verdict, group_finding, report_group
from ..llm.batch_api import Request, prefetch
from ..llm.client import CallFailed, LLMClient, Truncated
from ..llm.prompts import Prompts, Rendered, default_prompts, unescape_data
from ..llm.responses import BriefCheck, BriefDraft, ClaimList, ClaimOut, GroupVerdict
from ..models import (
    Article,
    Brief,
    BriefSentence,
    Claim,
    Entity,
    Finding,
    Problem,
    Sentence,
    Span,
    Usage,
)
from ..quantities import parse_quantities
from ..segment import segment
from ..settings import Settings
from ..times import parse_times, resolve
from .local import claim_id

CHARS_PER_TOKEN = 4  # rough, for deciding when to split an article
PROMPT_SHARE = 0.5  # share of the context an article part may fill
MAX_BRIEF_SENTENCES = 12
MAX_FACTS = 16
MAX_SINGLE_FACTS = 5


class LLMEngine:
    """The pipeline's model-backed stages."""

    name = "llm"

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: Any = None,
        prompts: Prompts | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        rate_limiter: Any = None,
    ):
        self.client = LLMClient(settings, http_client=http_client, rate_limiter=rate_limiter)
        if prompts is None:
            prompts = Prompts(Path(settings.prompts_dir)) if settings.prompts_dir else None
        self.prompts = prompts or default_prompts()
        self.model = settings.model
        self.prompt_version = self.prompts.version
        self.settings = settings
        self._problems: list[Problem] = []
        self._runner = asyncio.Runner()
        self._semaphore: asyncio.Semaphore | None = None
        self._labels: dict[str, str] = {}
        self._progress = progress

    # -- engine interface -------------------------------------------------------------------

    def usage(self) -> Usage:
        return self.client.usage()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def close(self) -> None:
        try:
            self._runner.run(self.client.aclose())
        finally:
            self._runner.close()

    def extract(self, articles: list[Article]) -> Extraction:
        self._labels = {a.id: f"[{n}]" for n, a in enumerate(articles, start=1)}
        if self.settings.batch_api:
            requests = [
                Request(self._part_prompt(a, part, label), ClaimList)
                for a in articles
                for part, label in self._parts(a)
            ]
            self._runner.run(prefetch(self.client, requests, "extract"))
        results = self._run([self._extract_article(a) for a in articles], "extract")
        extraction = Extraction()
        for claims, dropped in results:
            extraction.claims += claims
            extraction.dropped += dropped
        if articles and not extraction.claims and self._problems:
            first = self._problems[0]
            raise ExtractionFailed(
                f"no article could be extracted ({len(self._problems)} failed calls); "
                f"first: {first.where}: {first.error}"
            )
        return extraction

    def judge(self, groups: list[ClaimGroup], articles: dict[str, Article]) -> Judged:
        shared = [g for g in groups if len(g.articles) >= 2]
        if self.settings.batch_api and shared:
            requests = [Request(self._judge_prompt(g, articles), GroupVerdict) for g in shared]
            self._runner.run(prefetch(self.client, requests, "judge"))
        answers = self._run([self._judge_group(g, articles) for g in shared], "judge")
        judged = Judged()
        for group, answer in zip(shared, answers, strict=True):
            if answer is None:
                continue
            verdicts, topic = answer
            reported = report_group(group, verdicts)
            if topic:
                reported = reported.model_copy(update={"topic": topic})
            judged.groups.append(reported)
            finding = group_finding(group, verdicts)
            if finding is not None:
                judged.findings.append(finding)
        return judged

    def compose(self, groups, findings, claims, derived, independent_total) -> Composed:
        return self._runner.run(self._compose(groups, findings, claims, derived, independent_total))

    # -- plumbing ---------------------------------------------------------------------------

    def _run(self, coroutines: list, stage: str) -> list:
        """Run the calls concurrently; an error that ends the run cancels the others."""
        done = 0

        async def counted(coroutine):
            nonlocal done
            result = await coroutine
            done += 1
            if self._progress is not None:
                self._progress(stage, done, len(coroutines))
            return result

        async def together():
            try:
                async with asyncio.TaskGroup() as group:
                    tasks = [group.create_task(counted(c)) for c in coroutines]
            except BaseExceptionGroup as errors:
                raise _first_error(errors) from None
            return [task.result() for task in tasks]

        if not coroutines:
            return []
        return self._runner.run(together())

    async def _ask(self, rendered: Rendered, answer, stage: str, reask: bool = False):
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.settings.concurrency)
        async with self._semaphore:
            return await self.client.ask(rendered, answer, stage=stage, reask=reask)

    def _problem(self, where: str, error: str) -> None:
        self._problems.append(Problem(where=where, error=error))

    # -- extract ----------------------------------------------------------------------------

    def _parts(self, article: Article) -> list[tuple[list[Sentence], str | None]]:
        """The article's sentences in parts that fit the context, with their labels."""
        sentences = [s for s in segment(article) if not s.furniture]
        if not sentences:
            return []
        budget = int(self.settings.context_tokens * PROMPT_SHARE * CHARS_PER_TOKEN)
        parts = _chunks(sentences, budget)
        return [(part, _part_label(i, len(parts))) for i, part in enumerate(parts)]

    def _part_prompt(self, article: Article, part: list[Sentence], label: str | None) -> Rendered:
        return self.prompts.render(
            "extract",
            article_id=article.id,
            text=article.text[part[0].start : part[-1].end],
            title=article.title,
            published=article.published,
            part=label,
        )

    async def _extract_article(self, article: Article) -> tuple[list[Claim], int]:
        parts = self._parts(article)
        if not parts:
            return [], 0
        answers = await asyncio.gather(
            *(self._extract_part(article, part, label) for part, label in parts)
        )
        claims, bad = self._verify(article, [out for got in answers for out in got])
        dropped = 0
        if bad:
            repaired = await self._repair_quotes(article, bad)
            fixed, _ = self._verify(article, repaired[: len(bad)])
            claims += fixed
            dropped = len(bad) - len(fixed)
        return _with_ids(article, claims), dropped

    async def _extract_part(
        self, article: Article, part: list[Sentence], label: str | None, split: bool = True
    ) -> list[ClaimOut]:
        rendered = self._part_prompt(article, part, label)
        try:
            answer = await self._ask(rendered, ClaimList, "extract")
        except Truncated:
            if split and len(part) >= 2:
                half = len(part) // 2
                first, second = await asyncio.gather(
                    self._extract_part(article, part[:half], _sub(label, "a"), split=False),
                    self._extract_part(article, part[half:], _sub(label, "b"), split=False),
                )
                return first + second
            self._problem(
                _where(article, label),
                "the model's answer was cut off at the output token limit even after splitting "
                "the text; raise --max-output-tokens",
            )
            return []
        except CallFailed as exc:
            self._problem(_where(article, label), str(exc))
            return []
        return answer.claims

    def _verify(self, article: Article, outs: list[ClaimOut]) -> tuple[list[Claim], list[ClaimOut]]:
        claims, bad = [], []
        for out in outs:
            span = _find_quote(article.text, out.quote)
            if span is None:
                bad.append(out)
            else:
                claims.append(_claim(article, out, span))
        return claims, bad

    async def _repair_quotes(self, article: Article, bad: list[ClaimOut]) -> list[ClaimOut]:
        """One re-ask for claims whose quote is not in the article; counted as a re-ask."""
        sentences = [s for s in segment(article) if not s.furniture]
        rendered = self._part_prompt(article, sentences, None)
        previous = json.dumps(
            {"claims": [o.model_dump(mode="json") for o in bad]}, ensure_ascii=False
        )
        listing = "\n".join(f"- {o.quote}" for o in bad)
        messages = rendered.messages + [
            {"role": "assistant", "content": previous},
            {
                "role": "user",
                "content": "These quotes are not in the article word for word:\n"
                f"{listing}\nReturn these claims again with each quote copied exactly from the "
                "article, character for character; leave out any claim the article does not "
                "state.",
            },
        ]
        followup = Rendered(rendered.task, messages, rendered.template_hash)
        try:
            answer = await self._ask(followup, ClaimList, "extract", reask=True)
        except CallFailed:
            return []
        return answer.claims

    # -- judge ------------------------------------------------------------------------------

    def _judge_prompt(self, group: ClaimGroup, articles: dict[str, Article]) -> Rendered:
        payload = [
            {
                "id": claim.id,
                "source": self._labels.get(claim.article, claim.article),
                "published": articles[claim.article].published,
                "statement": claim.text,
                "quote": claim.evidence.quote,
            }
            for claim in group.members
        ]
        return self.prompts.render("judge", canonical=group.canonical.id, claims=payload)

    async def _judge_group(self, group: ClaimGroup, articles: dict[str, Article]):
        rendered = self._judge_prompt(group, articles)
        try:
            answer = await self._ask(rendered, GroupVerdict, "judge")
        except CallFailed as exc:
            self._problem(f"group {group.id}", str(exc))
            return None
        members = {c.id for c in group.members[1:]}
        verdicts = {cid: Verdict("cant_tell") for cid in members}
        for item in answer.verdicts:
            if item.claim not in members:
                continue
            state = item.state
            if state == "conflict" and item.confidence < MIN_CONFIDENCE:
                state = "cant_tell"
            kind = (item.type or "other") if state == "conflict" else None
            verdicts[item.claim] = Verdict(state, kind, item.confidence, item.reason.rstrip("."))
        return verdicts, " ".join(answer.topic.split()[:12])

    # -- brief ------------------------------------------------------------------------------

    async def _compose(self, groups, findings, claims, derived, total) -> Composed:
        facts = self._facts(groups, findings, claims, derived, total)
        if not facts:
            return Composed(Brief(), 0)
        rendered = self.prompts.render(
            "brief", facts=facts, total=total, max_sentences=MAX_BRIEF_SENTENCES
        )
        try:
            draft = await self._ask(rendered, BriefDraft, "brief")
        except CallFailed as exc:
            self._problem("brief", f"{exc}; the brief was written by the local composer")
            from ..brief import compose

            return compose(groups, findings, claims, derived, total)
        offered = {c["id"] for fact in facts for c in fact["claims"]}
        candidates, dropped = [], 0
        for line in draft.sentences[:MAX_BRIEF_SENTENCES]:
            cited = [cid for cid in dict.fromkeys(line.claims) if cid in offered]
            if not cited or not line.text.strip():
                dropped += 1
                continue
            articles = list(dict.fromkeys(claims[c].article for c in cited))
            _, support = support_of(articles, derived, total)
            candidates.append(
                BriefSentence(
                    text=line.text.strip(),
                    claims=cited,
                    sources=articles,
                    support=support,
                    disputed=line.disputed,
                )
            )
        verdicts = await self._check(candidates, claims)
        kept = []
        for index, sentence in enumerate(candidates):
            evidence = [claims[c].evidence.quote for c in sentence.claims]
            if verdicts.get(index, False) and supported_by(sentence.text, evidence):
                kept.append(sentence)
            else:
                dropped += 1
        return Composed(Brief(sentences=kept), dropped)

    async def _check(self, candidates: list[BriefSentence], claims) -> dict[int, bool]:
        if not candidates:
            return {}
        payload = [
            {
                "index": i,
                "sentence": s.text,
                "quotes": [claims[c].evidence.quote for c in s.claims],
            }
            for i, s in enumerate(candidates)
        ]
        rendered = self.prompts.render("check", sentences=payload)
        try:
            answer = await self._ask(rendered, BriefCheck, "check")
        except CallFailed as exc:
            self._problem("brief check", f"{exc}; sentences were checked locally only")
            return dict.fromkeys(range(len(candidates)), True)
        return {r.index: r.supported for r in answer.results}

    def _facts(self, groups, findings, claims, derived, total) -> list[dict]:
        contested = {cid for f in findings if f.kind == "contradiction" for cid in f.claims}
        shared, single = [], []
        for group in groups:
            count, support = support_of(group.articles, derived, total)
            if editorial(group.canonical) or any(c.id in contested for c in group.members):
                continue
            fact = {
                "support": support,
                "disputed": False,
                "claims": [self._claim_entry(c) for c in group.members],
            }
            if count >= 2:
                shared.append((-count, fact))
            elif group.canonical.quantities or group.canonical.times:
                single.append(fact)
        facts = [f for _, f in sorted(shared, key=lambda x: x[0])][:MAX_FACTS]
        for finding in _contradictions(findings):
            cited = [claims[c] for c in finding.claims if c in claims]
            articles = list(dict.fromkeys(c.article for c in cited))
            _, support = support_of(articles, derived, total)
            facts.append(
                {
                    "support": support,
                    "disputed": True,
                    "dispute": finding.explanation,
                    "claims": [self._claim_entry(c) for c in cited],
                }
            )
        return facts + single[:MAX_SINGLE_FACTS]

    def _claim_entry(self, claim: Claim) -> dict:
        return {
            "id": claim.id,
            "source": self._labels.get(claim.article, claim.article),
            "quote": claim.evidence.quote,
        }


def _first_error(group: BaseExceptionGroup) -> BaseException:
    """The error to report from a group: a factcheck error first, else the first one."""
    flat: list[BaseException] = []
    stack: list[BaseException] = [group]
    while stack:
        error = stack.pop(0)
        if isinstance(error, BaseExceptionGroup):
            stack[:0] = list(error.exceptions)
        else:
            flat.append(error)
    for error in flat:
        if isinstance(error, FactcheckError):
            return error
    return flat[0]


def _contradictions(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.kind == "contradiction"]


def _chunks(sentences: list[Sentence], budget: int) -> list[list[Sentence]]:
    """Consecutive sentences in parts of at most ``budget`` characters (one part if it fits)."""
    parts: list[list[Sentence]] = [[]]
    size = 0
    for sentence in sentences:
        length = sentence.end - sentence.start
        if parts[-1] and size + length > budget:
            parts.append([])
            size = 0
        parts[-1].append(sentence)
        size += length
    return parts


def _part_label(index: int, count: int) -> str | None:
    return None if count == 1 else f"{index + 1} of {count}"


def _sub(label: str | None, suffix: str) -> str:
    return f"{label}{suffix}" if label else f"half {suffix}"


def _where(article: Article, label: str | None) -> str:
    name = Path(article.source).name
    return f"{name} (part {label})" if label else name


def _find_quote(text: str, quote: str) -> Span | None:
    for candidate in dict.fromkeys((quote, unescape_data(quote))):
        located = locate(text, candidate)
        if located is not None:
            start, end = located
            return Span(start=start, end=end, quote=text[start:end])
    return None


def _claim(article: Article, out: ClaimOut, span: Span) -> Claim:
    return Claim(
        id="",
        article=article.id,
        text=" ".join(out.statement.split()) or span.quote,
        kind=out.kind,
        evidence=span,
        entities=_entities(out),
        quantities=parse_quantities(span.quote),
        times=resolve(parse_times(span.quote), article.published),
        attributed_to=out.attributed_to or None,
        hedged=out.hedged,
    )


def _entities(out: ClaimOut) -> list[Entity]:
    entities = []
    for person in out.people:
        title, qualifier = _title(person.name, person.title)
        entities.append(Entity(name=person.name, type="person", title=title, qualifier=qualifier))
    entities += [Entity(name=o, type="organization") for o in out.organizations if o.strip()]
    entities += [Entity(name=p, type="place") for p in out.places if p.strip()]
    return entities


def _title(name: str, title: str | None) -> tuple[str | None, str | None]:
    """The model's free-text title, normalised the way the local engine normalises titles."""
    if not title or not title.strip():
        return None, None
    for mention in names.find_people(f"{title.strip()} {name}"):
        if mention.title:
            return mention.title, mention.qualifier
    return names.normalize_title(title), None


def _with_ids(article: Article, claims: list[Claim]) -> list[Claim]:
    """Ids from the article and evidence span; a second claim on one span gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for claim in sorted(claims, key=lambda c: (c.evidence.start, c.evidence.end)):
        base = claim_id(article.id, claim.evidence.start, claim.evidence.end)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(claim.model_copy(update={"id": base if n == 0 else f"{base}-{n + 1}"}))
    return out
