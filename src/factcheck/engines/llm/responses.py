"""What the model is asked to return, one Pydantic model per task.

These are the shapes instructor validates the model's answers against (and re-asks on when they
do not fit). They are not the report's models: the engine hands them to the stages as drafts,
verdicts, proposals and sentences, and the stages check every quote and every id they mention
before anything reaches the report.
Unknown fields are refused, so an answer cannot smuggle in anything the code does not read.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ...models import ClaimKind, ConflictType


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PersonOut(_Answer):
    name: str = Field(description="The name as written in the article.")
    title: str | None = Field(default=None, description="Title or role given here, if any.")


class ClaimOut(_Answer):
    statement: str = Field(description="The claim as one self-contained sentence.")
    kind: ClaimKind = Field(
        description="event, quantity, quote, attribution, opinion or speculation."
    )
    quote: str = Field(description="The shortest passage stating the claim, copied verbatim.")
    people: list[PersonOut] = Field(default_factory=list, description="People named, with titles.")
    organizations: list[str] = Field(default_factory=list, description="Organisations named.")
    places: list[str] = Field(default_factory=list, description="Places named.")
    attributed_to: str | None = Field(default=None, description="Who made the statement.")
    hedged: bool = Field(default=False, description="The article hedges the claim.")


class ClaimList(_Answer):
    """The claims of one article (or one part of it)."""

    claims: list[ClaimOut] = Field(description="Every claim the article makes.")


class MemberVerdict(_Answer):
    claim: str = Field(description="Id of the compared claim.")
    state: str = Field(
        pattern="^(agree|conflict|adds_detail|cant_tell)$",
        description="agree, conflict, adds_detail or cant_tell.",
    )
    type: ConflictType | None = Field(default=None, description="Conflict type, for conflicts.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure, from 0 to 1.")
    reason: str = Field(default="", description="One short sentence quoting what differs.")


class GroupVerdict(_Answer):
    """How each member of a group relates to its canonical claim."""

    topic: str = Field(description="A short label for the fact, at most ten words.")
    verdicts: list[MemberVerdict] = Field(description="One verdict per non-canonical claim.")


class BriefLine(_Answer):
    text: str = Field(description="The sentence, without citation markers.")
    claims: list[str] = Field(description="Ids of the claims the sentence rests on.")
    disputed: bool = Field(default=False, description="Sources differ; every version given.")


class BriefDraft(_Answer):
    """The merged brief."""

    sentences: list[BriefLine] = Field(description="The brief, most-supported facts first.")


class CheckResult(_Answer):
    index: int = Field(ge=0, description="The sentence's index.")
    supported: bool = Field(description="The quotes support every part of the sentence.")
    reason: str = Field(default="", description="Why, in a few words.")


class BriefCheck(_Answer):
    """Whether each brief sentence is supported by the quotes it cites."""

    results: list[CheckResult] = Field(description="One result per sentence.")


class SweepItem(_Answer):
    kind: str = Field(
        pattern="^(contradiction|altered_quote)$",
        description="contradiction (the claims cannot all be true) or altered_quote (one "
        "speaker's quotation worded differently by two sources).",
    )
    type: ConflictType | None = Field(
        default=None,
        description="For a contradiction: quantity, date, place, role_title, attribution "
        "(credited to someone else), event, negation or other.",
    )
    claims: list[str] = Field(description="Ids of the claims involved, from two or more sources.")
    quotes: list[str] = Field(
        default_factory=list,
        description="For an altered quote: each wording, copied exactly from the claims.",
    )
    confidence: float = Field(ge=0.0, le=1.0, description="How sure, from 0 to 1.")
    reason: str = Field(default="", description="One short sentence quoting what differs.")


class SweepAnswer(_Answer):
    """What the listed findings miss: conflicts and altered quotes across the cluster."""

    findings: list[SweepItem] = Field(description="Only new ones; an empty list when none.")
