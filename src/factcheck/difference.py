"""Difference: what a claim sentence adds to or changes in the source sentences that cover it.

``compare.differences(claim, sources)`` aligns each sentence of the claim with the source sentences
that best cover it (``cover.py``) and lists typed differences, each with the claim's words, the
source's words where it says something else, and a line an editor can read:

* ``name`` / ``place``: a name or place the source does not have, or has elsewhere but not here;
* ``figure`` / ``bound``: a number the source does not give or gives otherwise; a bound turned
  ("more than 50" against "fewer than 50");
* ``date``: a date, weekday or year that the source does not give or gives otherwise;
* ``negation``: one side says it did not happen;
* ``predicate``: a word the source reverses ("rose" against "fell");
* ``modality``: the source hedges ("may", "reportedly") what the claim states, or the reverse;
* ``roles``: the same people, the same verb, but who did what to whom is swapped;
* ``wording``: a content word the source never uses; ``link``: words the source uses, but not
  where it says this (facts joined that the source keeps apart).

Word forms, British and American spellings, spelling variants, synonyms (``lexicon.py``),
order, the passive voice and pronouns that stand for a name just before are forgiven.
Each difference has a ``scope``: ``absent`` (the source never says it), ``elsewhere`` (the
source says it, not in the covering sentences), ``apart`` (two words the source never says
together), ``near`` (the covering sentence is negative), ``conflict`` (the covering sentences
say otherwise), ``disputed`` (the source calls it false) or ``weaker`` (the claim says less
than the source). ``ranked`` orders them for an editor; ``factual`` tells a fact the source
does not carry from a change of wording.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPES = ("name", "place", "figure", "bound", "date", "negation", "predicate", "modality",
         "roles", "wording", "link")  # fmt: skip
SCOPES = ("absent", "elsewhere", "apart", "near", "conflict", "disputed", "weaker")
FACTUAL = frozenset(("name", "place", "figure", "bound", "date", "negation", "predicate",
                     "roles"))  # fmt: skip
# what an editor reads first: the source says otherwise, then what it never says, then the rest
_SCOPE_ORDER = ("conflict", "disputed", "absent", "elsewhere", "near", "apart", "weaker")


@dataclass(frozen=True)
class Difference:
    """One thing a claim sentence says that its source does not, or says otherwise."""

    type: str  # one of TYPES
    claim: str  # the claim's words
    source: str | None  # the source's words where it says something else, else None
    scope: str  # one of SCOPES
    explanation: str  # one line for an editor

    @property
    def factual(self) -> bool:
        """A fact the source does not carry (a name, place, figure, bound or date, negation, a
        reversed predicate or swapped roles), or a source that hedges or disputes it; not
        wording ('wording', 'link'), a claim that says less ('weaker') or a negative sentence
        near it ('near')."""
        if self.scope in ("weaker", "near"):
            return False
        return self.type in FACTUAL or self.type == "modality"

    def as_dict(self) -> dict[str, str | None]:
        return {"type": self.type, "scope": self.scope, "claim": self.claim,
                "source": self.source, "explanation": self.explanation}  # fmt: skip


def ranked(differences: list[Difference]) -> list[Difference]:
    """Differences in the order an editor should read them: facts the source says otherwise,
    then facts it never gives, then wording; by type within each scope, first mention first."""
    return sorted(
        differences,
        key=lambda d: (not d.factual, _SCOPE_ORDER.index(d.scope), TYPES.index(d.type)),
    )
