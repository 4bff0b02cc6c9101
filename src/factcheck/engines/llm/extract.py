"""The llm engine's extraction: one call per article (per part, when an article is longer than
the context budget), answers turned into claim drafts, and one repair call per article whose
quotes were not found.

An answer cut off at the output token limit is asked again in two halves (once); an article
that is still cut off, or whose call fails, is recorded as a problem and yields no claims. An
answer with more claims than its text can hold (``bounds.claims_limit``) is cut to that many,
and the cut is a problem too.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from ... import names
from ...models import Article, ClaimDraft, Entity, Segmented, Sentence
from .batch_api import Request, prefetch
from .bounds import claims_limit
from .calls import Calls
from .client import CallFailed, Truncated
from .prompts import Rendered, unescape_data
from .responses import ClaimList, ClaimOut

CHARS_PER_TOKEN = 4  # rough, for deciding when to split an article
PROMPT_SHARE = 0.5  # share of the context an article part may fill
Part = tuple[list[Sentence], str | None]  # sentences and their label ("1 of 3")


def extract_claims(calls: Calls, items: list[Segmented]) -> list[list[ClaimDraft]]:
    """Drafts of every article's claims, the calls made concurrently."""
    if calls.settings.batch_api:
        requests = [
            Request(_part_prompt(calls, item.article, part, label), ClaimList)
            for item in items
            for part, label in _parts(calls, item)
        ]
        calls.run_one(prefetch(calls.client, requests, "extract"))
    return calls.run(
        [
            calls.isolated(_extract_article(calls, item), _where(item.article, None), [])
            for item in items
        ],
        "extract",
    )


def repair_claims(
    calls: Calls, items: list[tuple[Segmented, list[ClaimDraft]]]
) -> list[list[ClaimDraft]]:
    """One re-ask per article for the drafts whose quotes were not found; counted as re-asks."""
    return calls.run([_repair(calls, item, missing) for item, missing in items])


def _parts(calls: Calls, item: Segmented) -> list[Part]:
    """The article's sentences in parts that fit the context, with their labels."""
    sentences = [s for s in item.sentences if not s.furniture]
    if not sentences:
        return []
    budget = int(calls.settings.context_tokens * PROMPT_SHARE * CHARS_PER_TOKEN)
    parts = _chunks(sentences, budget)
    return [(part, _part_label(i, len(parts))) for i, part in enumerate(parts)]


def _part_prompt(
    calls: Calls, article: Article, part: list[Sentence], label: str | None
) -> Rendered:
    return calls.prompts.render(
        "extract",
        article_id=article.id,
        text=article.text[part[0].start : part[-1].end],
        title=article.title,
        published=article.published,
        part=label,
    )


async def _extract_article(calls: Calls, item: Segmented) -> list[ClaimDraft]:
    parts = _parts(calls, item)
    answers = await asyncio.gather(
        *(_extract_part(calls, item.article, part, label) for part, label in parts)
    )
    return [draft(out) for got in answers for out in got]


async def _extract_part(
    calls: Calls, article: Article, part: list[Sentence], label: str | None, split: bool = True
) -> list[ClaimOut]:
    rendered = _part_prompt(calls, article, part, label)
    try:
        answer = await calls.ask(rendered, ClaimList, "extract")
    except Truncated:
        if split and len(part) >= 2:
            half = len(part) // 2
            first, second = await asyncio.gather(
                _extract_part(calls, article, part[:half], _sub(label, "a"), split=False),
                _extract_part(calls, article, part[half:], _sub(label, "b"), split=False),
            )
            return first + second
        calls.problem(
            _where(article, label),
            "the model's answer was cut off at the output token limit even after splitting "
            "the text; raise --max-output-tokens",
        )
        return []
    except CallFailed as exc:
        calls.problem(_where(article, label), str(exc))
        return []
    return _bounded(calls, answer.claims, len(part), _where(article, label))


def _bounded(calls: Calls, claims: list[ClaimOut], sentences: int, where: str) -> list[ClaimOut]:
    """At most ``claims_limit(sentences)`` claims; a longer answer is cut, and that is noted."""
    limit = claims_limit(sentences)
    if len(claims) > limit:
        calls.problem(
            where, f"the model returned {len(claims):,} claims for {sentences:,} sentences; "
            f"the first {limit:,} were kept",
        )  # fmt: skip
    return claims[:limit]


async def _repair(calls: Calls, item: Segmented, missing: list[ClaimDraft]) -> list[ClaimDraft]:
    sentences = [s for s in item.sentences if not s.furniture]
    rendered = _part_prompt(calls, item.article, sentences, None)
    bad = [d.answer for d in missing if isinstance(d.answer, ClaimOut)]
    previous = json.dumps({"claims": [o.model_dump(mode="json") for o in bad]}, ensure_ascii=False)
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
        answer = await calls.ask(followup, ClaimList, "extract", reask=True)
    except CallFailed:
        return []
    return [draft(out) for out in answer.claims[: len(missing)]]


def draft(out: ClaimOut) -> ClaimDraft:
    """The model's claim as a draft; the quote is also looked for with the prompt's escaping
    of data tags undone (the model copies the text as it saw it)."""
    unescaped = unescape_data(out.quote)
    return ClaimDraft(
        text=" ".join(out.statement.split()),
        kind=out.kind,
        quote=out.quote,
        entities=_entities(out),
        attributed_to=out.attributed_to or None,
        hedged=out.hedged,
        variants=(unescaped,) if unescaped != out.quote else (),
        answer=out,
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
