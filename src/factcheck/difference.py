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
source says it, not in the covering sentences), ``conflict`` (the covering sentences say
otherwise) or ``weaker`` (the claim says less than the source).
"""

from __future__ import annotations

from dataclasses import dataclass

TYPES = ("name", "place", "figure", "bound", "date", "negation", "predicate", "modality",
         "roles", "wording", "link")  # fmt: skip
SCOPES = ("absent", "elsewhere", "apart", "near", "conflict", "disputed", "weaker")


@dataclass(frozen=True)
class Difference:
    """One thing a claim sentence says that its source does not, or says otherwise."""

    type: str  # one of TYPES
    claim: str  # the claim's words
    source: str | None  # the source's words where it says something else, else None
    scope: str  # one of SCOPES
    explanation: str  # one line for an editor
