"""Claim differences: align each claim sentence with the source sentences that cover it, then
list what it adds or changes (``difference.Difference``).

The word-level checks live here (names, places, reversed predicates, words the source lacks or
keeps elsewhere); figures and dates in ``figures.py``; negation, hedges and who-did-what in
``clauses.py``. Every check compares the claim with its cover only, so a name or figure that
the source gives about something else counts as a difference.
"""

from dataclasses import dataclass

from .clauses import modality_differences, negation_differences, role_differences
from .cover import Cover, Document, sentences
from .difference import Difference
from .figures import date_differences, figure_differences
from .lexicon import opposite
from .reading import Reading, Token, normalise, read


@dataclass
class Comparison:
    """One claim sentence against its cover: the differences and how well it is covered."""

    claim: Reading
    cover: Cover
    differences: list[Difference]
    pairs: int = 0  # neighbouring claim words the sources both have (``link``/``apart`` base)


def differences(claim: str, sources: Document | list[str]) -> list[Difference]:
    """Typed differences of every sentence of ``claim`` against the source texts."""
    document = sources if isinstance(sources, Document) else Document(sources)
    return [d for c in compare_all(claim, document) for d in c.differences]


def compare_all(claim: str, document: Document) -> list[Comparison]:
    return [
        compare(read(sentence), document) for sentence in sentences(normalise(claim)) or [claim]
    ]


def compare(claim: Reading, document: Document) -> Comparison:
    """The differences of one claim sentence against the sentences that cover it."""
    cover = document.cover(claim)
    found = _words(claim, document, cover)
    found += figure_differences(claim, document, cover)
    found += date_differences(claim, document, cover)
    found += negation_differences(claim, cover)
    found += modality_differences(claim, cover)
    found += role_differences(claim, document, cover)
    apart, pairs = _apart(claim, document, cover)
    return Comparison(claim, cover, found + apart, pairs)


# -- words: names, places, predicates, wording ------------------------------------------------


def _words(claim: Reading, document: Document, cover: Cover) -> list[Difference]:
    dated = {w.lower() for t in claim.times for w in t.text.split()}
    spelled_out = _acronym_words(claim, document)
    found = []
    for concept, tokens in claim.terms.items():
        token = tokens[0]
        if concept in cover.terms or token.low in dated or cover.stands_for(claim, token):
            continue
        variant = document.spelled_like(token.low)
        if variant is not None and _concept_of(variant) in cover.terms or cover.family(token.low):
            continue
        if _part_of_name(claim, token, document, cover) or token.position in spelled_out:
            continue
        difference = _word_difference(claim, token, document, cover, variant is not None)
        if difference is not None:
            found.append((token.position, difference, variant or document.has(concept)))
    return _join_names(found)


def _join_names(found: list[tuple[int, Difference, bool]]) -> list[Difference]:
    """One difference per name: 'Tom' and 'Viss' side by side make 'Tom Viss'."""
    out: list[tuple[int, Difference, bool]] = []
    for position, difference, elsewhere in found:
        if out and _same_name(out[-1][:2], position, difference):
            _, last, was_elsewhere = out[-1]
            claim = f"{last.claim} {difference.claim}"
            source = " ".join(w for w in (last.source, difference.source) if w) or None
            scope = last.scope if last.scope == difference.scope else "conflict"
            elsewhere = elsewhere and was_elsewhere
            explanation = _explain(claim, source, elsewhere)
            out[-1] = (
                position,
                Difference(last.type, claim, source, scope, explanation),
                elsewhere,
            )
        else:
            out.append((position, difference, elsewhere))
    return [difference for _, difference, _ in out]


def _same_name(previous: tuple[int, Difference], position: int, difference: Difference) -> bool:
    names = ("name", "place")
    return previous[0] == position - 1 and previous[1].type in names and difference.type in names


def _word_difference(
    claim: Reading, token: Token, document: Document, cover: Cover, variant: bool
) -> Difference | None:
    reversed_by, agrees = _opposite_in(claim, token, cover)
    if agrees:
        return None
    if reversed_by is not None:
        return Difference(
            "predicate", token.text, reversed_by.text, "conflict",
            f"'{token.text}' reverses the source, which says '{reversed_by.text}'",
        )  # fmt: skip
    kind = document.kind(token)
    other = cover.counterpart(claim, token, kind)
    if kind is None and other is not None and other.capital:
        kind = document.kind(other)  # a lower-case claim naming someone else in that slot
    elsewhere = variant or document.has(token.concept)
    scope = "elsewhere" if elsewhere else "absent"
    if kind and other is not None and other.capital and elsewhere:
        scope = "conflict"  # a name swapped in from elsewhere, where the source names another
    kind = kind or ("link" if elsewhere else "wording")
    source = other.text if other else None
    return Difference(kind, token.text, source, scope, _explain(token.text, source, elsewhere))


def _acronym_words(claim: Reading, document: Document) -> set[int]:
    """Positions of claim words whose initials spell a word of the sources ('African National
    Congress' where the sources say 'ANC')."""
    tokens = [t for t in claim.tokens if t.low not in ("of", "and", "the", "for", "&")]
    found: set[int] = set()
    for start in range(len(tokens)):
        for size in (5, 4, 3, 2):
            run = tokens[start : start + size]
            initials = "".join(t.low[0] for t in run)
            if (
                len(run) == size
                and all(t.number is None for t in run)
                and initials in document.lows
            ):
                found.update(t.position for t in run)
                break
    return found


def _part_of_name(claim: Reading, token: Token, document: Document, cover: Cover) -> bool:
    """A first name or other part of a name the cover gives in short ('David Silva' where the
    sentence says 'Silva' and the sources say 'David Silva' before)."""
    if document.kind(token) is None:
        return False
    content = [t for t in claim.tokens if t.content]
    index = content.index(token)
    for other in content[max(0, index - 1) : index] + content[index + 1 : index + 2]:
        named = other.concept in cover.terms and document.kind(other) is not None
        if named and document.adjacent(token.concept, other.concept):
            return True
    return False


def _apart(claim: Reading, document: Document, cover: Cover) -> tuple[list[Difference], int]:
    """Neighbouring words of the claim that the sources have, but never together: facts
    joined that the source keeps apart ('Lee won' where Lee lost and Park won); and how many
    neighbouring pairs the sources have."""
    found, pairs = [], 0
    dated = {w.lower() for t in claim.times for w in t.text.split()}  # dates move freely
    content = [t for t in claim.tokens if t.content and t.low not in dated]
    for a, b in zip(content, content[1:], strict=False):
        if a.concept == b.concept or a.concept not in cover.terms or b.concept not in cover.terms:
            continue
        if b.clause:  # "… on Monday, and Lee won": a claim may join two sentences
            continue
        pairs += 1
        if not document.near(a.concept, b.concept):
            found.append(Difference("link", f"{a.text} … {b.text}", None, "apart",
                                    f"'{a.text}' and '{b.text}' are in the source, but not "
                                    "together"))  # fmt: skip
    return found, pairs


def _explain(words: str, other: str | None, elsewhere: bool) -> str:
    """The line for a word: 'X' is not in the source; it says 'Y'."""
    where = "is in the source, but not where it says this" if elsewhere else "is not in the source"
    return f"'{words}' {where}" + (f"; it says '{other}'" if other else "")


def _opposite_in(claim: Reading, token: Token, cover: Cover) -> tuple[Token | None, bool]:
    """A source word that reverses ``token``; and whether the two agree after all, because one
    of them is negated ('did not win' / 'lost')."""
    for reading in cover.sentences:
        for concept, tokens in reading.terms.items():
            if concept in claim.terms or not opposite(token.concept, concept):
                continue
            negated = (token.concept in claim.negated) != (concept in reading.negated)
            return (None, True) if negated else (tokens[0], False)
    return None, False


def _concept_of(word: str) -> str:
    return read(word).tokens[0].concept if read(word).tokens else word
