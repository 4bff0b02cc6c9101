"""Models that cross stage boundaries, and the report contract built from them.

The report (``Report``) is the JSON contract of ``factcheck check --format json``; its field
names are settled in DESIGN.md. Add fields freely; bump ``SCHEMA_VERSION`` on a breaking change.
What stages and engines hand each other on the way (drafts, groups, verdicts, facts) lives in
``handoff`` and is re-exported at the end of this module.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

ClaimKind = Literal["event", "quantity", "quote", "attribution", "opinion", "speculation"]
Bound = Literal["exact", "about", "more_than", "at_least", "less_than", "at_most", "range"]
EntityType = Literal["person", "organization", "place"]
CellState = Literal["agree", "conflict", "adds_detail", "absent"]
FindingKind = Literal[
    "contradiction", "unsupported_addition", "single_source", "name_variant", "update",
    "altered_quote",
]  # fmt: skip
ConflictType = Literal[
    "quantity", "date", "place", "role_title", "attribution", "event", "negation", "other"
]
FindingType = ConflictType | Literal["denial", "rewriting_damage"]  # decided by the stages
Severity = Literal["high", "medium", "low"]
EngineName = Literal["local", "llm"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of an article's text; ``quote == article.text[start:end]`` always holds."""

    start: int = Field(ge=0, description="Offset of the first character in the article text.")
    end: int = Field(ge=0, description="Offset one past the last character in the article text.")
    quote: str = Field(description="The article text between start and end, verbatim.")


class Article(_Model):
    """One input article. All offsets in the report index ``text``."""

    id: str = Field(description="First 12 hex digits of the sha256 of the text.")
    source: str = Field(description="Path, '-' for stdin, or name given in a JSON record.")
    title: str | None = Field(default=None, description="Headline, when known.")
    outlet: str | None = Field(default=None, description="Publisher, when known.")
    published: str | None = Field(default=None, description="Publication time (ISO 8601).")
    url: str | None = Field(default=None, description="Address of the article, when known.")
    derived_from: str | None = Field(
        default=None, description="Id of the article this one is likely rewritten from."
    )
    duplicate_of: str | None = Field(
        default=None, description="Id of an earlier input with exactly the same text."
    )
    furniture: list[Span] = Field(
        default_factory=list,
        description="Page furniture (comment prompts, credits, stray markup) ignored by analysis.",
    )
    text: str = Field(description="The article text that every offset indexes.")


class Sentence(_Model):
    """A sentence of an article, as found by the segmenter."""

    start: int = Field(description="Offset of the sentence's first character.")
    end: int = Field(description="Offset one past the sentence's last character.")
    text: str = Field(description="The sentence, verbatim.")
    heading: bool = Field(default=False, description="A heading or standfirst, not a sentence.")
    furniture: bool = Field(default=False, description="Page furniture, ignored by analysis.")


class Entity(_Model):
    """A person, organisation or place named in a claim."""

    name: str = Field(description="The name as written in the article.")
    type: EntityType = Field(description="person, organization or place.")
    title: str | None = Field(
        default=None, description="Role or title given to a person here, e.g. 'president'."
    )
    qualifier: str | None = Field(
        default=None, description="Words qualifying the title, e.g. 'Chilean'."
    )


class Quantity(_Model):
    """A number with its unit and bound, normalised."""

    text: str = Field(description="The quantity as written, e.g. 'more than 3,400 households'.")
    value: float = Field(description="The (lower) value, scaled: '5mn' is 5000000.")
    value_max: float | None = Field(default=None, description="Upper value of a range.")
    unit: str = Field(description="What is counted or measured, singular, e.g. 'container'.")
    bound: Bound = Field(description="How the value bounds the true figure.")


class TimeExpr(_Model):
    """A date, weekday, month, year or relative time."""

    text: str = Field(description="The expression as written, e.g. 'on Wednesday'.")
    kind: Literal["weekday", "date", "month", "year", "relative"] = Field(
        description="Granularity of the expression."
    )
    value: str = Field(description="Normalised value, e.g. 'wednesday', '2024-06', 'last year'.")
    resolved: str | None = Field(
        default=None,
        description="The calendar date, month or year meant ('2024-06-19', '2024-06', '2023'), "
        "when the article's publication time pins a relative expression or weekday down.",
    )


class Claim(_Model):
    """One claim made by one article, with the verbatim evidence for it."""

    id: str = Field(description="Deterministic: article id and evidence offsets.")
    article: str = Field(description="Id of the article that makes the claim.")
    text: str = Field(description="The claim as a statement.")
    kind: ClaimKind = Field(description="What sort of claim it is.")
    evidence: Span = Field(description="Where the article says it.")
    entities: list[Entity] = Field(default_factory=list, description="Who and where.")
    quantities: list[Quantity] = Field(default_factory=list, description="Numbers in the claim.")
    times: list[TimeExpr] = Field(default_factory=list, description="When it happened.")
    attributed_to: str | None = Field(
        default=None, description="Who the article says made the statement, if anyone."
    )
    hedged: bool = Field(default=False, description="The article hedges the claim.")


class Cell(_Model):
    """What one source says about one aligned group."""

    state: CellState = Field(description="agree, conflict, adds_detail or absent.")
    claims: list[str] = Field(default_factory=list, description="Ids of the source's claims.")


class Group(_Model):
    """Claims from different articles that speak about the same thing."""

    id: str = Field(description="Deterministic id derived from the member claims.")
    topic: str = Field(description="Short label of what the group is about.")
    canonical: str | None = Field(
        default=None, description="Id of the claim the other members were compared with."
    )
    cells: dict[str, Cell] = Field(description="One cell per article id.")


class Excerpt(_Model):
    """A stretch of one article shown with a finding, the words that differ marked."""

    article: str = Field(description="Id of the article.")
    start: int = Field(ge=0, description="Offset of the first character in the article text.")
    end: int = Field(ge=0, description="Offset one past the last character in the article text.")
    quote: str = Field(description="The article text between start and end, verbatim.")
    marks: list[Span] = Field(
        default_factory=list, description="The words that differ, inside start..end."
    )


class Finding(_Model):
    """Something an editor should look at before publishing."""

    id: str = Field(description="Deterministic id derived from kind and claims.")
    kind: FindingKind = Field(description="What sort of finding it is.")
    type: FindingType | None = Field(
        default=None,
        description="Contradiction type; for a name_variant, 'rewriting_damage' when a rewrite "
        "likely changed the name.",
    )
    severity: Severity = Field(description="How much an editor should care.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the engine is.")
    group: str | None = Field(default=None, description="Id of the aligned group, if any.")
    claims: list[str] = Field(description="Ids of the claims involved, every side listed.")
    explanation: str = Field(description="One sentence an editor can act on.")
    variants: list[str] | None = Field(
        default=None, description="Spellings (name_variant) or wordings (altered_quote)."
    )
    earlier: str | None = Field(default=None, description="Earlier claim id, for update.")
    later: str | None = Field(default=None, description="Later claim id, for update.")
    excerpts: list[Excerpt] = Field(
        default_factory=list,
        description="Each side's passage with the words that differ marked (contradictions, "
        "updates, name variants, altered quotes; for an unsupported addition, each claim with "
        "the words new to its source marked).",
    )


class BriefSentence(_Model):
    """A sentence of the merged brief and what backs it."""

    text: str = Field(description="The sentence, without citation markers.")
    claims: list[str] = Field(description="Ids of the claims the sentence rests on.")
    sources: list[str] = Field(description="Ids of the cited articles.")
    support: str = Field(description="'k of n sources': independent sources that agree.")
    disputed: bool = Field(default=False, description="Sources disagree; the sentence hedges.")


class Brief(_Model):
    """The merged brief."""

    sentences: list[BriefSentence] = Field(default_factory=list, description="In reading order.")
    note: str | None = Field(
        default=None, description="How sources are counted, in plain words (copies, originals)."
    )


class Problem(_Model):
    """Something that could not be checked, and why."""

    where: str = Field(description="The article, group or stage concerned.")
    error: str = Field(description="What went wrong, in one line.")


class RunInfo(_Model):
    """How the report was made."""

    engine: EngineName = Field(description="The engine that ran.")
    model: str | None = Field(default=None, description="The model, for the llm engine.")
    prompt_version: str | None = Field(default=None, description="Hash of the prompt files.")
    started: str = Field(description="When the run started (ISO 8601).")
    seconds: float = Field(description="Wall time of the run.")
    partial: bool = Field(default=False, description="Some input could not be checked.")
    problems: list[Problem] = Field(default_factory=list, description="What went wrong.")
    notes: list[str] = Field(
        default_factory=list, description="Things worth knowing that are not errors."
    )


class Usage(_Model):
    """Engine usage and what was dropped on the way."""

    llm_calls: int = Field(default=0, description="Calls made to the model.")
    cached_calls: int = Field(default=0, description="Calls answered from the cache.")
    reasks: int = Field(default=0, description="Re-asks after an invalid answer.")
    input_tokens: int = Field(default=0, description="Prompt tokens.")
    output_tokens: int = Field(default=0, description="Completion tokens.")
    unknown_token_calls: int = Field(
        default=0,
        description="Calls whose token counts the server left out or gave as impossible "
        "(negative, fractional, more than the call could use); not in the totals or the cost.",
    )
    cost_usd: float | None = Field(default=None, description="Cost, when the price is known.")
    by_stage: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Calls and tokens per stage."
    )
    dropped_claims: int = Field(default=0, description="Claims whose evidence was not found.")
    dropped_brief_sentences: int = Field(
        default=0, description="Brief sentences that failed the check against their evidence."
    )
    dropped_sweep_findings: int = Field(
        default=0, description="Findings the cluster sweep proposed that failed validation."
    )


class Report(_Model):
    """Everything one run found: the findings contract."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this contract.")
    run: RunInfo
    usage: Usage = Field(default_factory=Usage)
    articles: list[Article]
    claims: list[Claim]
    groups: list[Group] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    brief: Brief = Field(default_factory=Brief)


class ExtractReport(_Model):
    """What ``factcheck extract`` prints."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this contract.")
    run: RunInfo
    usage: Usage = Field(default_factory=Usage)
    articles: list[Article]
    claims: list[Claim]


# What stages and engines hand each other (never part of the report), importable from here too.
from .handoff import (  # noqa: E402, F401
    BriefLimits,
    ClaimDraft,
    ClaimGroup,
    Composed,
    DraftSentence,
    Extraction,
    Fact,
    GroupJudgement,
    Judged,
    Segmented,
    Verdict,
    VerdictState,
)
